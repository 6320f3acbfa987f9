"""Lays a form definition and a record out into pages of simple drawing operations (no PDF yet)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm

from injury_desk.printing.definition import DEFAULT_HEIGHT_MM, FOOTER_MM, HEADER_MM, FormDefinition
from injury_desk.printing.records import (
    COMPUTED,
    SCHEMAS,
    RenderContext,
    bilingual,
    format_value,
    lookup,
)
from injury_desk.printing.textfit import Measurer, ellipsize, fit, wrap

# Drawing operations, kept as tuples because a batch of 1,000 forms makes hundreds of thousands of them:
#   ("t", x, y, size, text, gray)            text with its baseline at y
#   ("r", x, y, w, h, line_width, fill)      rectangle; fill is a grey level or None
#   ("l", x1, y1, x2, y2, line_width, dash)  line; dash is None or a (on, off) pair
#   ("k", x, y, side)                        tick inside a checkbox whose lower-left corner is x, y
#   ("p", x, y, size, align)                 "page X of Y", filled in once pages are counted
Op = tuple

PAD = 1.2 * mm
CAPTION_SIZE = 6.5
VALUE_SIZE = 10.0
MIN_SIZE = 6.0
LEADING = 1.25
BLANK_MARK = "________"
PAGE_X_OF_Y_SAMPLE = "第 99 页 共 99 页 Page 99 of 99"
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


@dataclass
class Page:
    ops: list[Op] = field(default_factory=list)


def page_x_of_y(number: int, total: int, language: str) -> str:
    zh = f"第 {number} 页 共 {total} 页"
    en = f"Page {number} of {total}"
    return {"zh": zh, "en": en}.get(language, f"{zh}  {en}")


class Layout:
    """One pass over a definition: fills pages top to bottom, breaking where the next box does not fit."""

    def __init__(self, form: FormDefinition, record: Any, ctx: RenderContext, measurer: Measurer) -> None:
        self.form = form
        self.record = record if record is not None else {}
        self.ctx = ctx
        self.lang = ctx.language
        self.m = measurer
        self.schema = SCHEMAS[form.record_kind]
        self.left = form.margins["left"]
        self.width = form.frame_width
        self.top = form.page_size[1] - form.margins["top"] - HEADER_MM * mm
        self.bottom = form.margins["bottom"] + FOOTER_MM * mm
        self.pages: list[Page] = []
        self.new_page()

    # -- pages ----------------------------------------------------------------------------------------------

    def new_page(self) -> None:
        self.page = Page()
        self.pages.append(self.page)
        self.y = self.top

    def room(self) -> float:
        return self.y - self.bottom

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` fits below the cursor (a box taller than a page never comes here)."""
        if height > self.room() + 0.01 and self.y < self.top:
            self.new_page()

    # -- values ---------------------------------------------------------------------------------------------

    def enum_for(self, full_path: str) -> dict | None:
        return self.form.enums.get(full_path)

    def value_text(self, path: str, item: Any = None, item_path: str = "") -> str:
        """The printed text of a binding; ``item.x`` reads the current repeat item."""
        if self.ctx.blank:
            return ""
        if path.startswith("item."):
            rel = path[5:]
            value = lookup(item, rel)
            full = f"{item_path}.{rel}"
        else:
            value = lookup(self.record, path)
            full = path
        kind = self.type_of(full)
        return format_value(value, kind, self.lang, self.enum_for(full))

    def type_of(self, full_path: str) -> str:
        node: Any = self.schema
        for part in full_path.split("."):
            if isinstance(node, list):
                node = node[0]
            if not isinstance(node, dict) or part not in node:
                return "str"
            node = node[part]
        return node if isinstance(node, str) else "str"

    def computed_text(self, name: str) -> str:
        if self.ctx.blank and name != "today":
            return ""
        comp = COMPUTED[name]
        return format_value(comp.func(self.record, self.ctx), comp.type, self.lang)

    def fill_template(self, template: str, item: Any = None, item_path: str = "") -> str:
        def repl(match: re.Match) -> str:
            name = match.group(1)
            text = self.computed_text(name[1:]) if name.startswith("=") else self.value_text(name, item, item_path)
            return text if text else BLANK_MARK

        return _PLACEHOLDER.sub(repl, template)

    def label(self, label: Any) -> str:
        return bilingual(label, self.lang) if label is not None else ""

    # -- primitives -----------------------------------------------------------------------------------------

    def text_lines(self, x: float, top: float, w: float, lines: list[str], size: float, align: str, gray=0.0) -> float:
        """Draw ``lines`` from ``top`` down; return the y below the last line."""
        lead = size * LEADING
        y = top
        for line in lines:
            y -= lead
            baseline = y + (lead - size) / 2 + size * 0.16
            if align == "left" or not line:
                tx = x
            else:
                lw = self.m.width(line, size)
                tx = x + (w - lw) / 2 if align == "center" else x + w - lw
            if line:
                self.page.ops.append(("t", tx, baseline, size, line, gray))
        return y

    def caption(self, x: float, top: float, w: float, text: str) -> float:
        """A box's caption in small grey type in its top-left corner; returns its height."""
        if not text:
            return 0.0
        size, lines = fit(self.m, text, w - 2 * PAD, 2 * CAPTION_SIZE * 1.15, CAPTION_SIZE, 5.0, 1.15)
        y = top - PAD * 0.6
        lead = size * 1.15
        for line in lines:
            y -= lead
            self.page.ops.append(("t", x + PAD, y + size * 0.2, size, line, 0.35))
        return len(lines) * lead + PAD * 0.6

    # -- sections -------------------------------------------------------------------------------------------

    def run(self) -> list[Page]:
        for number, section in enumerate(self.form.sections, 1):
            title = section.get("title")
            if title is not None:
                self.section_title(title)
            self.content(section["content"], None, "")
            self.y -= 2 * mm
        return self.pages

    def section_title(self, title: Any) -> None:
        h = 6.5 * mm
        # Keep the title with at least a row of its section.
        self.ensure(h + 14 * mm)
        y0 = self.y - h
        self.page.ops.append(("r", self.left, y0, self.width, h, 0.6, 0.88))
        text = ellipsize(self.m, self.label(title), 9.5, self.width - 2 * PAD)
        self.page.ops.append(("t", self.left + PAD, y0 + (h - 9.5) / 2 + 1.6, 9.5, text, 0.0))
        self.y = y0 - 0.8 * mm

    def content(self, items: list, item: Any, item_path: str) -> None:
        for entry in items:
            if isinstance(entry, list):
                self.row(entry, item, item_path)
            else:
                getattr(self, "block_" + entry["type"])(entry, item, item_path)

    # -- rows of cells --------------------------------------------------------------------------------------

    def row(self, cells: list, item: Any, item_path: str) -> None:
        widths = self.cell_widths(cells)
        height = max(cell.get("h", DEFAULT_HEIGHT_MM[cell["type"]]) for cell in cells) * mm
        self.ensure(height)
        y0 = self.y - height
        x = self.left
        for cell, w in zip(cells, widths):
            getattr(self, "cell_" + cell["type"])(cell, x, y0, w, height, item, item_path)
            x += w
        self.y = y0

    def cell_widths(self, cells: list) -> list[float]:
        key = id(cells)
        cached = self.form.cache.get(("widths", key))
        if cached is not None:
            return cached
        fixed = sum(c["w"] * mm for c in cells if "w" in c)
        flexible = [c for c in cells if "w" not in c]
        share = (self.width - fixed) / len(flexible) if flexible else 0.0
        widths = [c["w"] * mm if "w" in c else share for c in cells]
        if not flexible:
            # The last cell takes up any rest so every row ends at the right margin.
            widths[-1] += self.width - sum(widths)
        self.form.cache[("widths", key)] = widths
        return widths

    def cell_field(self, cell, x, y0, w, h, item, item_path) -> None:
        self.page.ops.append(("r", x, y0, w, h, 0.6, None))
        cap_h = self.caption(x, y0 + h, w, self.label(cell.get("label")))
        if "compute" in cell and cell["compute"] == "page_x_of_y":
            self.page.ops.append(("p", x + PAD, y0 + PAD + 1, min(cell.get("size", 8.0), 8.0), "left"))
            return
        text = self.computed_text(cell["compute"]) if "compute" in cell else self.value_text(cell["bind"], item, item_path)
        if not text:
            return
        area_w = w - 2 * PAD
        area_h = h - cap_h - 1.5 * PAD
        size, lines = fit(self.m, text, area_w, area_h, cell.get("size", VALUE_SIZE), MIN_SIZE, LEADING)
        block_h = len(lines) * size * LEADING
        top = y0 + PAD * 0.75 + (area_h + block_h) / 2
        self.text_lines(x + PAD, top, area_w, lines, size, cell.get("align", "left"))

    def checkbox(self, x: float, y: float, side: float, checked: bool) -> None:
        self.page.ops.append(("r", x, y, side, side, 0.6, None))
        if checked:
            self.page.ops.append(("k", x, y, side))

    def cell_checkbox(self, cell, x, y0, w, h, item, item_path) -> None:
        self.page.ops.append(("r", x, y0, w, h, 0.6, None))
        side = 3.6 * mm
        checked = False
        if not self.ctx.blank:
            bind = cell["bind"]
            checked = bool(lookup(item, bind[5:]) if bind.startswith("item.") else lookup(self.record, bind))
        self.checkbox(x + PAD, y0 + (h - side) / 2, side, checked)
        tx = x + PAD * 2 + side
        size, lines = fit(self.m, self.label(cell["label"]), w - (tx - x) - PAD, h - PAD, 9.0, MIN_SIZE, LEADING)
        top = y0 + (h + len(lines) * size * LEADING) / 2
        self.text_lines(tx, top, w - (tx - x) - PAD, lines, size, "left")

    def cell_text(self, cell, x, y0, w, h, item, item_path) -> None:
        # Static text keeps its two languages on separate lines; a run-on "中文 English" is hard to read.
        text = self.fill_template(bilingual(cell["text"], self.lang, sep="\n"), item, item_path)
        size, lines = fit(self.m, text, w - 2 * PAD, h - PAD, cell.get("size", 9.0), MIN_SIZE, LEADING)
        top = y0 + (h + len(lines) * size * LEADING) / 2
        self.text_lines(x + PAD, top, w - 2 * PAD, lines, size, cell.get("align", "left"))

    def cell_signature(self, cell, x, y0, w, h, item, item_path) -> None:
        self.page.ops.append(("r", x, y0, w, h, 0.6, None))
        self.caption(x, y0 + h, w, self.label(cell["label"]))
        if cell.get("date_line", True):
            date_label = {"zh": "年　　月　　日", "en": "Date", "bilingual": "年　　月　　日 Date"}[self.lang]
            size = 8.0
            tw = self.m.width(date_label, size)
            self.page.ops.append(("t", x + w - PAD - tw, y0 + PAD + 1, size, date_label, 0.2))
        self.page.ops.append(("l", x + PAD * 2, y0 + PAD + 5 * mm, x + w - PAD * 2, y0 + PAD + 5 * mm, 0.4, (1, 1.5)))

    def cell_stamp(self, cell, x, y0, w, h, item, item_path) -> None:
        self.page.ops.append(("r", x, y0, w, h, 0.6, None))
        self.caption(x, y0 + h, w, self.label(cell["label"]))
        d = min(w, h) - 8 * mm
        if d > 8 * mm:
            cx, cy = x + (w - d) / 2, y0 + (h - d) / 2 - 1.5 * mm
            self.page.ops.append(("r", cx, cy, d, d, 0.4, None))
            mark = {"zh": "（盖章）", "en": "(seal)", "bilingual": "（盖章）Seal"}[self.lang]
            tw = self.m.width(mark, 7.5)
            self.page.ops.append(("t", cx + (d - tw) / 2, cy + d / 2 - 2.5, 7.5, mark, 0.6))

    def cell_spacer(self, cell, x, y0, w, h, item, item_path) -> None:
        return

    # -- blocks ---------------------------------------------------------------------------------------------

    def block_spacer(self, block, item, item_path) -> None:
        self.y -= block.get("h", 4) * mm
        if self.y < self.bottom:
            self.new_page()

    def flow_lines(self, lines: list[str], size: float, align: str, gray: float = 0.0, x=None, w=None) -> None:
        """Lines of running text, continued on the next page when the page is full."""
        lead = size * LEADING
        x = self.left if x is None else x
        w = self.width if w is None else w
        for line in lines:
            if self.room() < lead:
                self.new_page()
            self.y = self.text_lines(x, self.y, w, [line], size, align, gray)

    def block_paragraph(self, block, item, item_path) -> None:
        text = block["text"]
        size = block.get("size", 10.5)
        align = block.get("align", "left")
        indent = "　　" if block.get("indent") else ""
        parts = []
        if isinstance(text, str):
            parts.append((text, size, 0.0, indent))
        elif self.lang == "bilingual" and text.get("zh") and text.get("en"):
            parts.append((text["zh"], size, 0.0, indent))
            parts.append((text["en"], max(size - 2, MIN_SIZE), 0.3, ""))
        else:
            parts.append((bilingual(text, self.lang), size, 0.0, indent if self.lang != "en" else ""))
        self.y -= 0.8 * mm
        for raw, s, gray, ind in parts:
            filled = self.fill_template(raw, item, item_path)
            lines = wrap(self.m, "\n".join(ind + p for p in filled.split("\n")), s, self.width)
            self.flow_lines(lines, s, align, gray)
            self.y -= 1.2 * mm

    def block_textarea(self, block, item, item_path) -> None:
        size = block.get("size", 10.0)
        lead = size * LEADING
        min_h = block.get("h", 30) * mm
        label = self.label(block.get("label"))
        text = self.value_text(block["bind"], item, item_path)
        inner_w = self.width - 2 * PAD
        lines = wrap(self.m, text, size, inner_w) if text else []
        cont = {"zh": "（续）", "en": " (continued)", "bilingual": "（续）(continued)"}[self.lang]
        first = True
        while True:
            cap = label if first else label + cont
            cap_h = CAPTION_SIZE * 2.6  # room for a caption of up to two lines
            need_min = cap_h + lead + PAD * 2
            if self.room() < min(need_min if lines else min_h, self.top - self.bottom):
                self.new_page()
            fit_n = int((self.room() - cap_h - PAD * 2) // lead)
            chunk, lines = lines[:fit_n], lines[fit_n:]
            body_h = cap_h + len(chunk) * lead + PAD * 2
            h = body_h if lines else min(max(body_h, min_h), self.room())
            y0 = self.y - h
            self.page.ops.append(("r", self.left, y0, self.width, h, 0.6, None))
            real_cap = self.caption(self.left, self.y, self.width, cap)
            top = self.y - max(real_cap, PAD) - PAD * 0.5
            if chunk:
                self.text_lines(self.left + PAD, top, inner_w, chunk, size, "left")
            elif self.ctx.blank:
                # Ruled lines to write on, 8 mm apart, as on the paper forms.
                ly = top - 8 * mm
                while ly > y0 + 3 * mm:
                    self.page.ops.append(("l", self.left + PAD * 2, ly, self.left + self.width - PAD * 2, ly, 0.3, (1, 2)))
                    ly -= 8 * mm
            self.y = y0
            first = False
            if not lines:
                break
            self.new_page()

    def table_widths(self, block) -> list[float]:
        cached = self.form.cache.get(("tw", id(block)))
        if cached is not None:
            return cached
        cols = list(block["columns"])
        widths = [c["w"] * mm if "w" in c else None for c in cols]
        if block.get("numbered"):
            widths.insert(0, 10 * mm)
        fixed = sum(w for w in widths if w is not None)
        n_flex = sum(1 for w in widths if w is None)
        share = (self.width - fixed) / n_flex if n_flex else 0.0
        widths = [share if w is None else w for w in widths]
        if not n_flex:
            widths[-1] += self.width - sum(widths)
        self.form.cache[("tw", id(block))] = widths
        return widths

    def block_table(self, block, item, item_path) -> None:
        size = block.get("size", 8.5)
        lead = size * LEADING
        widths = self.table_widths(block)
        numbered = bool(block.get("numbered"))
        headers = [c["header"] for c in block["columns"]]
        if numbered:
            headers.insert(0, {"zh": "序号", "en": "No."})
        aligns = (["center"] if numbered else []) + [c.get("align", "left") for c in block["columns"]]
        bind = block["bind"]
        if bind.startswith("item."):
            rows_data = None if self.ctx.blank else lookup(item, bind[5:])
            list_path = f"{item_path}.{bind[5:]}"
        else:
            rows_data = None if self.ctx.blank else lookup(self.record, bind)
            list_path = bind
        where = block.get("where")
        rows: list[list[str]] = []
        if not self.ctx.blank:
            for n, entry in enumerate(rows_data or [], 1):
                if where and any(entry.get(k) != v for k, v in where.items()):
                    continue
                cells = [
                    format_value(
                        lookup(entry, c["bind"]),
                        self.type_of(f"{list_path}.{c['bind']}"),
                        self.lang,
                        self.enum_for(f"{list_path}.{c['bind']}"),
                    )
                    for c in block["columns"]
                ]
                if numbered:
                    cells.insert(0, str(len(rows) + 1))
                rows.append(cells)
        label = self.label(block.get("label"))

        def header() -> None:
            texts = [self.label(h) for h in headers]
            wrapped = [wrap(self.m, t, 7.5, w - 2 * PAD) for t, w in zip(texts, widths)]
            h = max(len(lines) for lines in wrapped) * 7.5 * LEADING + PAD * 1.5
            y0 = self.y - h
            x = self.left
            for lines, w in zip(wrapped, widths):
                self.page.ops.append(("r", x, y0, w, h, 0.6, 0.93))
                self.text_lines(x + PAD, self.y - PAD * 0.75, w - 2 * PAD, lines, 7.5, "center")
                x += w
            self.y = y0

        def heading(cont: bool) -> None:
            if label:
                self.y -= 0.8 * mm
                text = label + ({"zh": "（续）", "en": " (continued)", "bilingual": "（续）(continued)"}[self.lang] if cont else "")
                self.y = self.text_lines(self.left, self.y, self.width, [ellipsize(self.m, text, 9, self.width)], 9, "left")
            header()

        max_row_h = (self.top - self.bottom) * 0.5
        head_room = (12 * mm + 9 * LEADING) if label else 10 * mm
        if rows:
            first_h = min(self.row_height(rows[0], widths, size), max_row_h)
        else:
            first_h = 8 * mm
        self.ensure(head_room + first_h)
        heading(False)
        if not rows and self.ctx.blank:
            rows = [[""] * len(widths) for _ in range(int(block.get("blank_rows", 5)))]
        if not rows:
            empty = self.label(block.get("empty_text", {"zh": "无", "en": "None"}))
            h = 7 * mm
            self.page.ops.append(("r", self.left, self.y - h, self.width, h, 0.6, None))
            self.text_lines(self.left + PAD, self.y - (h - lead) / 2, self.width - 2 * PAD, [empty], size, "center")
            self.y -= h
        for cells in rows:
            wrapped = [wrap(self.m, t, size, w - 2 * PAD) if t else [] for t, w in zip(cells, widths)]
            h = max([len(lines) for lines in wrapped] + [1]) * lead + PAD * 1.5
            if self.ctx.blank:
                h = 8 * mm
            if h > max_row_h:
                # A single row never takes more than half a page; what does not fit ends in "…".
                keep = int((max_row_h - PAD * 1.5) // lead)
                h = keep * lead + PAD * 1.5
                for i, lines in enumerate(wrapped):
                    if len(lines) > keep:
                        cut = lines[: keep]
                        cut[-1] = ellipsize(self.m, cut[-1] + "……", size, widths[i] - 2 * PAD)
                        wrapped[i] = cut
            if h > self.room() + 0.01:
                self.new_page()
                heading(True)
            y0 = self.y - h
            x = self.left
            for lines, w, align in zip(wrapped, widths, aligns):
                self.page.ops.append(("r", x, y0, w, h, 0.6, None))
                if lines:
                    self.text_lines(x + PAD, self.y - PAD * 0.75, w - 2 * PAD, lines, size, align)
                x += w
            self.y = y0
        self.y -= 1.5 * mm

    def row_height(self, cells: list[str], widths: list[float], size: float) -> float:
        n = max([len(wrap(self.m, t, size, w - 2 * PAD)) for t, w in zip(cells, widths) if t] + [1])
        return n * size * LEADING + PAD * 1.5

    def block_checklist(self, block, item, item_path) -> None:
        size = block.get("size", 8.5)
        lead = size * LEADING
        ncols = int(block.get("columns", 1))
        bind = block["bind"]
        records = [] if self.ctx.blank else (lookup(item, bind[5:]) if bind.startswith("item.") else lookup(self.record, bind)) or []
        by_code = {str(r.get("code")): r for r in records if isinstance(r, dict)}
        entries: list[tuple[str, bool]] = []
        for spec in block["items"]:
            rec = by_code.pop(spec["code"], None)
            entries.append((self.label({k: spec[k] for k in ("zh", "en") if k in spec}), bool(rec and rec.get("present"))))
        # Documents the record lists but the form does not know are printed too, rather than dropped.
        for rec in by_code.values():
            entries.append((self.label({"zh": rec.get("label_zh", ""), "en": rec.get("label_en", "")}) or str(rec.get("code")), bool(rec.get("present"))))
        label = self.label(block.get("label"))
        col_w = self.width / ncols
        side = 3.2 * mm
        text_w = col_w - side - 3 * PAD
        if label:
            self.ensure(9 * LEADING + 8 * mm)
            self.y = self.text_lines(self.left, self.y, self.width, [ellipsize(self.m, label, 9, self.width)], 9, "left")
        for start in range(0, len(entries), ncols):
            group = entries[start : start + ncols]
            wrapped = [wrap(self.m, text, size, text_w) for text, _ in group]
            h = max(len(lines) for lines in wrapped) * lead + PAD * 1.5
            self.ensure(h)
            x = self.left
            for (text, checked), lines in zip(group, wrapped):
                self.checkbox(x + PAD, self.y - PAD * 0.75 - lead + (lead - side) / 2, side, checked)
                self.text_lines(x + side + 2 * PAD, self.y - PAD * 0.75, text_w, lines, size, "left")
                x += col_w
            self.y -= h
        self.y -= 1.5 * mm

    def block_repeat(self, block, item, item_path) -> None:
        bind = block["bind"]
        if self.ctx.blank:
            items = [None] * int(block.get("blank_count", 1))
        else:
            items = lookup(self.record, bind) or []
        title = block.get("title")
        for n, entry in enumerate(items, 1):
            if title is not None:
                text = self.label(title).replace("{n}", str(n))
                self.ensure(10.5 * LEADING + 16 * mm)
                self.y -= 1 * mm
                self.y = self.text_lines(self.left, self.y, self.width, [ellipsize(self.m, text, 10.5, self.width)], 10.5, "left")
                self.page.ops.append(("l", self.left, self.y, self.left + self.width, self.y, 0.4, None))
                self.y -= 1 * mm
            self.content(block["content"], entry if entry is not None else {}, bind)
