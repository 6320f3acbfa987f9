"""Loads and validates form definitions (JSON in forms/), refusing a bad one with its file, line and reason."""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from injury_desk.domain.errors import DomainError
from injury_desk.printing.jsonpos import PosDict, PosList, loads_with_lines
from injury_desk.printing.records import COMPUTED, SCHEMAS, schema_type

PAGE_SIZES = {"A4": A4}
HEADER_MM = 30.0  # title band and QR code at the top of every page
FOOTER_MM = 10.0  # page x of y at the bottom

CELL_TYPES = {"field", "checkbox", "text", "signature", "stamp", "spacer"}
BLOCK_TYPES = {"paragraph", "textarea", "table", "checklist", "repeat", "spacer"}
DEFAULT_HEIGHT_MM = {"field": 11.0, "checkbox": 7.0, "text": 8.0, "signature": 22.0, "stamp": 32.0, "spacer": 4.0}

_COMMON_CELL = {"type", "w", "h", "label"}
ALLOWED_KEYS = {
    "cell.field": _COMMON_CELL | {"bind", "compute", "size", "align"},
    "cell.checkbox": _COMMON_CELL | {"bind", "compute"},
    "cell.text": _COMMON_CELL | {"text", "size", "align"},
    "cell.signature": _COMMON_CELL | {"date_line"},
    "cell.stamp": _COMMON_CELL,
    "cell.spacer": {"type", "w", "h"},
    "block.paragraph": {"type", "text", "size", "align", "indent"},
    "block.textarea": {"type", "label", "bind", "h", "size"},
    "block.table": {"type", "label", "bind", "columns", "where", "blank_rows", "numbered", "empty_text", "size"},
    "block.checklist": {"type", "label", "bind", "items", "columns", "size"},
    "block.repeat": {"type", "bind", "title", "blank_count", "content"},
    "block.spacer": {"type", "h"},
}
TOP_KEYS = {"id", "version", "record", "fill_in", "title", "page", "header_ref", "enums", "sections", "description",
            "draft_unless"}
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


class FormDefinitionError(DomainError):
    """A form definition that cannot be used: every problem with its line."""

    def __init__(self, path: Path | str, problems: list[tuple[int, str]]) -> None:
        super().__init__("forms.definition_invalid", file=str(path), line=problems[0][0], reason=problems[0][1])
        self.path = Path(path)
        self.problems = problems

    @property
    def line(self) -> int:
        return self.problems[0][0]

    @property
    def reason(self) -> str:
        return self.problems[0][1]

    def __str__(self) -> str:
        return "\n".join(f"{self.path}:{line}: {reason}" for line, reason in self.problems)


@dataclass
class FormDefinition:
    """A validated definition; sections keep the parsed JSON, which the layout reads directly."""

    id: str
    version: int
    record_kind: str
    fill_in: bool
    title: dict[str, str]
    page_size: tuple[float, float]
    margins: dict[str, float]  # points
    sections: list[dict[str, Any]]
    enums: dict[str, dict[str, dict[str, str]]]
    header_ref: dict[str, Any] | None
    path: Path
    # {"bind": a bool path, "text": label}: every page is marked with ``text`` unless the bound value is true
    draft_unless: dict[str, Any] | None = None
    description: str = ""
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def frame_width(self) -> float:
        return self.page_size[0] - self.margins["left"] - self.margins["right"]

    def mentions(self, group: str) -> bool:
        """Whether anything in the definition names the record group ``group`` (``"clocks"`` or ``"clocks.x"``):
        every string of it is looked at, so a group it does not mention is certainly never printed."""
        key = ("mentions", group)
        if key not in self.cache:
            def found(node: Any) -> bool:
                if isinstance(node, str):
                    return node == group or node.startswith(group + ".")
                if isinstance(node, dict):
                    return any(found(k) or found(v) for k, v in node.items())
                if isinstance(node, (list, tuple)):
                    return any(found(v) for v in node)
                return False

            self.cache[key] = found([self.sections, self.enums, self.header_ref, self.draft_unless])
        return self.cache[key]


@dataclass
class _Scope:
    """Where relative bindings point: ``item.x`` inside a repeat, bare names inside a table's columns."""

    item_schema: dict[str, Any] | None = None
    item_path: str = ""


class _Checker:
    def __init__(self, path: Path, data: Any) -> None:
        self.path = path
        self.data = data
        self.problems: list[tuple[int, str]] = []

    def fail(self, node: Any, reason: str, key: str | None = None) -> None:
        line = 1
        if isinstance(node, PosDict):
            line = node.line_of(key) if key else node.line
        elif isinstance(node, PosList):
            line = node.line
        self.problems.append((line, reason))

    # -- helpers ------------------------------------------------------------------------------------------

    def label(self, node: PosDict, key: str, required: bool = False) -> None:
        value = node.get(key)
        if value is None:
            if required:
                self.fail(node, f"'{key}' is required", None)
            return
        if isinstance(value, str):
            return
        if not isinstance(value, dict) or not set(value) <= {"zh", "en"} or not value:
            self.fail(node, f"'{key}' must be a string or an object with 'zh' and/or 'en'", key)
        elif not all(isinstance(v, str) for v in value.values()):
            self.fail(node, f"'{key}' texts must be strings", key)

    def number(self, node: PosDict, key: str, lo: float, hi: float, what: str) -> float | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(node, f"'{key}' must be a number", key)
            return None
        if value < lo or value > hi:
            prefix = "box outside the page: " if what.split()[-1] in ("width", "height", "top", "right", "bottom", "left") else ""
            self.fail(node, f"{prefix}{what} {value:g} is outside {lo:g}..{hi:g}", key)
            return None
        return float(value)

    def binding(self, node: PosDict, key: str, scope: _Scope, want: str | None = None) -> Any:
        """Check ``node[key]`` is a bindable path and return its schema type (None when it is wrong)."""
        path = node.get(key)
        if not isinstance(path, str) or not path:
            self.fail(node, f"'{key}' must be a record path such as 'claim.claim_no'", key)
            return None
        kind = self.kind_schema
        if kind is None:
            return None  # the unknown record kind is already reported; every binding would repeat it
        if path.startswith("item."):
            if scope.item_schema is None:
                self.fail(node, f"unknown field binding '{path}': 'item.' is only valid inside a repeat", key)
                return None
            found = schema_type(scope.item_schema, path[5:])
        else:
            found = schema_type(kind, path) if kind is not None else None
        if found is None:
            self.fail(node, f"unknown field binding '{path}' for record kind '{self.kind}'", key)
            return None
        if want == "list" and not isinstance(found, list):
            self.fail(node, f"'{path}' is not a list, so it cannot repeat", key)
            return None
        if want == "value" and isinstance(found, (dict, list)):
            self.fail(node, f"'{path}' is a group, not a single value; bind one of its fields", key)
            return None
        if want == "bool" and found != "bool":
            self.fail(node, f"'{path}' is not a yes/no value, so it cannot be a checkbox", key)
            return None
        return found

    def compute(self, node: PosDict, key: str) -> None:
        name = node.get(key)
        comp = COMPUTED.get(name) if isinstance(name, str) else None
        if comp is None:
            self.fail(node, f"unknown computed value '{name}' (known: {', '.join(sorted(COMPUTED))})", key)
        elif comp.kinds is not None and self.kind not in comp.kinds:
            self.fail(node, f"computed value '{name}' is not available for record kind '{self.kind}'", key)

    def template(self, node: PosDict, key: str, scope: _Scope) -> None:
        value = node.get(key)
        texts = [value] if isinstance(value, str) else list(value.values()) if isinstance(value, dict) else []
        for text in texts:
            for name in _PLACEHOLDER.findall(text):
                probe = PosDict()
                probe.line, probe.offset, probe.source = node.line_of(key), node.offset, None
                if name.startswith("="):
                    probe["compute"] = name[1:]
                    self.compute(probe, "compute")
                else:
                    probe["bind"] = name
                    self.binding(probe, "bind", scope, "value")

    def keys(self, node: PosDict, allowed: set[str], where: str) -> None:
        for key in node:
            if key not in allowed:
                self.fail(node, f"unknown key '{key}' in {where}", key)

    # -- structure ----------------------------------------------------------------------------------------

    def run(self) -> FormDefinition | None:
        data = self.data
        if not isinstance(data, PosDict):
            self.fail(data, "a form definition must be a JSON object")
            return None
        self.keys(data, TOP_KEYS, "the definition")
        form_id = data.get("id")
        if not isinstance(form_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", form_id):
            self.fail(data, "'id' must be lower-case letters, digits and '_'", "id" if "id" in data else None)
        version = data.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            self.fail(data, "'version' must be a positive integer", "version" if "version" in data else None)
        self.kind = data.get("record")
        self.kind_schema = SCHEMAS.get(self.kind) if isinstance(self.kind, str) else None
        if self.kind_schema is None:
            self.fail(data, f"'record' must be one of {', '.join(sorted(SCHEMAS))}", "record" if "record" in data else None)
        if not isinstance(data.get("fill_in", False), bool):
            self.fail(data, "'fill_in' must be true or false", "fill_in")
        self.label(data, "title", required=True)
        page_w, page_h, margins = self.page(data)
        self.frame_w = page_w - margins["left"] - margins["right"]
        self.frame_h = page_h - margins["top"] - margins["bottom"] - HEADER_MM - FOOTER_MM
        if self.frame_w < 50 or self.frame_h < 50:
            self.fail(data.get("page", data), "box outside the page: the margins leave less than 50 mm to print in")
            return None
        enums = data.get("enums", {})
        if not isinstance(enums, dict):
            self.fail(data, "'enums' must map record paths to {value: label}", "enums")
            enums = {}
        for path, table in enums.items():
            if not isinstance(table, dict) or not all(isinstance(v, (dict, str)) for v in table.values()):
                self.fail(enums, f"enum '{path}' must map values to labels", path)
        ref = data.get("header_ref")
        if ref is not None:
            if not isinstance(ref, PosDict):
                self.fail(data, "'header_ref' must be an object with 'label' and 'bind'", "header_ref")
            else:
                self.keys(ref, {"label", "bind"}, "header_ref")
                self.label(ref, "label")
                self.binding(ref, "bind", _Scope(), "value")
        draft = data.get("draft_unless")
        if draft is not None:
            if not isinstance(draft, PosDict):
                self.fail(data, "'draft_unless' must be an object with 'bind' and 'text'", "draft_unless")
            else:
                self.keys(draft, {"bind", "text"}, "draft_unless")
                self.label(draft, "text")
                self.binding(draft, "bind", _Scope(), "bool")
        sections = data.get("sections")
        if not isinstance(sections, PosList) or not sections:
            self.fail(data, "'sections' must be a non-empty list", "sections" if "sections" in data else None)
            sections = []
        for section in sections:
            if not isinstance(section, PosDict):
                self.fail(sections, "each section must be an object")
                continue
            self.keys(section, {"title", "content", "keep_together"}, "a section")
            self.label(section, "title")
            self.content(section, "content", _Scope())
        if self.problems:
            return None
        return FormDefinition(
            id=form_id,
            version=version,
            record_kind=self.kind,
            fill_in=bool(data.get("fill_in", False)),
            title=dict(data["title"]) if isinstance(data["title"], dict) else {"zh": data["title"], "en": data["title"]},
            page_size=(page_w * mm, page_h * mm),
            margins={k: v * mm for k, v in margins.items()},
            sections=list(sections),
            enums={k: dict(v) for k, v in enums.items()},
            header_ref=ref,
            path=self.path,
            draft_unless=draft,
            description=str(data.get("description", "")),
        )

    def page(self, data: PosDict) -> tuple[float, float, dict[str, float]]:
        page = data.get("page", PosDict())
        margins = {"top": 15.0, "right": 15.0, "bottom": 12.0, "left": 15.0}
        if not isinstance(page, PosDict):
            self.fail(data, "'page' must be an object", "page")
            return A4[0] / mm, A4[1] / mm, margins
        self.keys(page, {"size", "margins_mm"}, "page")
        size = page.get("size", "A4")
        if size not in PAGE_SIZES:
            self.fail(page, f"unknown page size '{size}' (known: {', '.join(PAGE_SIZES)})", "size")
            size = "A4"
        w, h = (v / mm for v in PAGE_SIZES[size])
        given = page.get("margins_mm", PosDict())
        if not isinstance(given, PosDict):
            self.fail(page, "'margins_mm' must be an object with top, right, bottom, left", "margins_mm")
            return w, h, margins
        self.keys(given, set(margins), "margins_mm")
        for side in margins:
            limit = (w if side in ("left", "right") else h) / 2
            value = self.number(given, side, 0, limit, f"margin {side}")
            if value is not None:
                margins[side] = value
        return w, h, margins

    def content(self, owner: PosDict, key: str, scope: _Scope) -> None:
        items = owner.get(key)
        if not isinstance(items, PosList) or not items:
            self.fail(owner, f"'{key}' must be a non-empty list of blocks and rows", key if key in owner else None)
            return
        for item in items:
            if isinstance(item, PosList):
                self.row(item, scope)
            elif isinstance(item, PosDict):
                self.block(item, scope)
            else:
                self.fail(items, "content items are blocks (objects) or rows (lists of cells)")

    def box_size(self, node: PosDict, kind: str) -> tuple[float | None, float]:
        w = self.number(node, "w", 5, self.frame_w, "width") if "w" in node else None
        h = DEFAULT_HEIGHT_MM.get(kind, 10.0)
        if "h" in node:
            h = self.number(node, "h", 3, self.frame_h, "height") or h
        return w, h

    def row(self, row: PosList, scope: _Scope) -> None:
        if not row:
            self.fail(row, "a row needs at least one cell")
            return
        fixed = 0.0
        flexible = 0
        for cell in row:
            if not isinstance(cell, PosDict):
                self.fail(row, "a row holds cell objects")
                continue
            kind = cell.get("type")
            if kind not in CELL_TYPES:
                hint = " (it is a block: put it outside the row)" if kind in BLOCK_TYPES else ""
                self.fail(cell, f"unknown element type '{kind}' in a row{hint}", "type" if "type" in cell else None)
                continue
            self.keys(cell, ALLOWED_KEYS[f"cell.{kind}"], f"a {kind} cell")
            w, _ = self.box_size(cell, kind)
            if w is None:
                flexible += 1
            else:
                fixed += w
            if kind in ("field", "checkbox"):
                self.label(cell, "label", required=kind == "checkbox")
                if ("bind" in cell) == ("compute" in cell):
                    self.fail(cell, f"a {kind} needs exactly one of 'bind' or 'compute'")
                elif "bind" in cell:
                    self.binding(cell, "bind", scope, "bool" if kind == "checkbox" else "value")
                else:
                    self.compute(cell, "compute")
            elif kind == "text":
                self.label(cell, "text", required=True)
                self.template(cell, "text", scope)
            elif kind in ("signature", "stamp"):
                self.label(cell, "label", required=True)
            if "align" in cell and cell["align"] not in ("left", "center", "right"):
                self.fail(cell, "'align' must be left, center or right", "align")
            if "size" in cell:
                self.number(cell, "size", 5, 24, "font size")
        # Flexible cells need at least 10 mm each; fixed widths must leave room for them.
        if fixed + flexible * 10 > self.frame_w + 0.01:
            self.fail(
                row,
                f"box outside the page: the row is {fixed + flexible * 10:g} mm wide, "
                f"the printable width is {self.frame_w:g} mm",
            )

    def block(self, block: PosDict, scope: _Scope) -> None:
        kind = block.get("type")
        if kind not in BLOCK_TYPES:
            hint = " (it is a cell: put it in a row list)" if kind in CELL_TYPES else ""
            self.fail(block, f"unknown element type '{kind}'{hint}", "type" if "type" in block else None)
            return
        self.keys(block, ALLOWED_KEYS[f"block.{kind}"], f"a {kind} block")
        if "size" in block:
            self.number(block, "size", 5, 24, "font size")
        if kind == "spacer":
            self.number(block, "h", 0, self.frame_h, "height")
        elif kind == "paragraph":
            self.label(block, "text", required=True)
            self.template(block, "text", scope)
            if "align" in block and block["align"] not in ("left", "center", "right"):
                self.fail(block, "'align' must be left, center or right", "align")
        elif kind == "textarea":
            self.label(block, "label")
            self.binding(block, "bind", scope, "value")
            self.number(block, "h", 8, self.frame_h, "height")
        elif kind == "table":
            self.label(block, "label")
            self.label(block, "empty_text")
            found = self.binding(block, "bind", scope, "list")
            item_schema = found[0] if isinstance(found, list) else None
            self.columns(block, item_schema)
            where = block.get("where")
            if where is not None:
                if not isinstance(where, PosDict):
                    self.fail(block, "'where' must be an object {field: value}", "where")
                elif item_schema is not None:
                    for name in where:
                        if schema_type(item_schema, name) is None:
                            self.fail(where, f"unknown field binding '{name}' in 'where'", name)
            if "blank_rows" in block:
                self.number(block, "blank_rows", 0, 40, "blank rows")
        elif kind == "checklist":
            self.label(block, "label")
            found = self.binding(block, "bind", scope, "list")
            if isinstance(found, list) and not {"code", "present"} <= set(found[0]):
                self.fail(block, "a checklist binds to a list of items with 'code' and 'present'", "bind")
            items = block.get("items")
            if not isinstance(items, PosList) or not items:
                self.fail(block, "'items' must list the checklist entries {code, zh, en}", "items" if "items" in block else None)
            else:
                for entry in items:
                    if not isinstance(entry, PosDict) or not isinstance(entry.get("code"), str):
                        self.fail(entry if isinstance(entry, PosDict) else items, "a checklist item needs a 'code'")
                        continue
                    self.keys(entry, {"code", "zh", "en"}, "a checklist item")
            if block.get("columns", 1) not in (1, 2, 3):
                self.fail(block, "'columns' must be 1, 2 or 3", "columns")
        elif kind == "repeat":
            self.label(block, "title")
            if scope.item_schema is not None:
                self.fail(block, "a repeat cannot sit inside another repeat")
                return
            found = self.binding(block, "bind", scope, "list")
            if "blank_count" in block:
                self.number(block, "blank_count", 0, 20, "blank count")
            if isinstance(found, list):
                self.content(block, "content", _Scope(found[0], block["bind"]))

    def columns(self, block: PosDict, item_schema: dict | None) -> None:
        cols = block.get("columns")
        if not isinstance(cols, PosList) or not cols:
            self.fail(block, "'columns' must be a non-empty list", "columns" if "columns" in block else None)
            return
        fixed, flexible = 0.0, 0
        if block.get("numbered"):
            fixed += 10
        for col in cols:
            if not isinstance(col, PosDict):
                self.fail(cols, "each column must be an object")
                continue
            self.keys(col, {"header", "bind", "w", "align"}, "a table column")
            self.label(col, "header", required=True)
            bind = col.get("bind")
            if not isinstance(bind, str) or (item_schema is not None and schema_type(item_schema, bind) is None):
                self.fail(col, f"unknown field binding '{bind}' in the table's items", "bind")
            elif item_schema is not None and isinstance(schema_type(item_schema, bind), (dict, list)):
                self.fail(col, f"'{bind}' is a group, not a single value", "bind")
            w = self.number(col, "w", 5, self.frame_w, "column width") if "w" in col else None
            if w is None:
                flexible += 1
            else:
                fixed += w
            if "align" in col and col["align"] not in ("left", "center", "right"):
                self.fail(col, "'align' must be left, center or right", "align")
        if fixed + flexible * 10 > self.frame_w + 0.01:
            self.fail(
                cols,
                f"box outside the page: the table is {fixed + flexible * 10:g} mm wide, "
                f"the printable width is {self.frame_w:g} mm",
            )


_cache: dict[tuple[str, int, int], FormDefinition] = {}
_cache_lock = threading.Lock()


def parse_form(text: str, path: Path | str = "<string>") -> FormDefinition:
    """Validate a definition given as text; raises FormDefinitionError."""
    path = Path(path)
    try:
        data = loads_with_lines(text)
    except json.JSONDecodeError as exc:
        raise FormDefinitionError(path, [(exc.lineno, f"not valid JSON: {exc.msg}")]) from None
    checker = _Checker(path, data)
    form = checker.run()
    if form is None:
        raise FormDefinitionError(path, sorted(set(checker.problems)))
    return form


def load_form(path: Path | str) -> FormDefinition:
    """Load one definition file, cached by path and modification time (batch printing loads once)."""
    path = Path(path)
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        with _cache_lock:
            cached = _cache.get(key)
        if cached is not None:  # unchanged since it was parsed: not even read again (a batch asks once per letter)
            return cached
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormDefinitionError(path, [(1, f"cannot read the file: {exc}")]) from None
    form = parse_form(text, path)
    with _cache_lock:
        _cache[key] = form
    return form


def load_all(forms_dir: Path | str) -> dict[str, FormDefinition]:
    """Every definition in ``forms_dir`` by id; the first bad file raises, a duplicate id is an error too."""
    forms: dict[str, FormDefinition] = {}
    for path in sorted(Path(forms_dir).glob("*.json")):
        form = load_form(path)
        if form.id in forms:
            raise FormDefinitionError(path, [(1, f"form id '{form.id}' is also used by {forms[form.id].path.name}")])
        forms[form.id] = form
    return forms


def check_all(forms_dir: Path | str) -> tuple[dict[str, FormDefinition], list[FormDefinitionError]]:
    """Load every definition, collecting the errors of all files instead of stopping at the first."""
    forms: dict[str, FormDefinition] = {}
    errors: list[FormDefinitionError] = []
    for path in sorted(Path(forms_dir).glob("*.json")):
        try:
            form = load_form(path)
        except FormDefinitionError as exc:
            errors.append(exc)
            continue
        if form.id in forms:
            errors.append(
                FormDefinitionError(path, [(1, f"form id '{form.id}' is also used by {forms[form.id].path.name}")])
            )
            continue
        forms[form.id] = form
    return forms, errors
