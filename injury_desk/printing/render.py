"""Draws laid-out pages onto a ReportLab canvas: header, QR code, body, "page X of Y" footer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import IO, Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from injury_desk.domain.errors import DomainError
from injury_desk.printing.definition import HEADER_MM, FormDefinition
from injury_desk.printing.fonts import ensure_fonts, missing_glyphs, runs
from injury_desk.printing.layout import Layout, Page, page_x_of_y
from injury_desk.printing.records import RenderContext, bilingual, format_value, lookup
from injury_desk.printing.textfit import Measurer, ellipsize
from injury_desk.private_files import private_output

LANGUAGES = ("bilingual", "zh", "en")
QR_SIZE = 24 * mm

_measurers: dict[str, Measurer] = {}


def measurer() -> Measurer:
    """The shared measurer of the form font (its width cache is what makes wrapping cheap)."""
    name = ensure_fonts()
    m = _measurers.get(name)
    if m is None:
        m = _measurers[name] = Measurer(name)
    return m


def qr_payload(form: FormDefinition, record: dict[str, Any] | None) -> str:
    """What the QR code says: enough to match a returned paper form to its record and version."""
    if record is None:
        return f"injury-desk:{form.id}:blank"
    return f"injury-desk:{form.id}:{record.get('form_record_id', '')}:{record.get('version', '')}"


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR modules of ``payload`` (error correction M), from ReportLab's own encoder."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    n = code.getModuleCount()
    return [[code.isDark(r, col) for col in range(n)] for r in range(n)]


def draw_qr(c: Canvas, matrix: list[list[bool]], x: float, y: float, size: float) -> None:
    """Draw the modules as one filled path, a rectangle per horizontal run, inside a 4-module quiet zone.

    The graphics widget builds a shape object per module, which cost ~130 ms a page; one path is ~1 ms.
    """
    n = len(matrix)
    unit = size / (n + 8)
    path = c.beginPath()
    for r, row in enumerate(matrix):
        top = y + size - (r + 4) * unit
        col = 0
        while col < n:
            if row[col]:
                start = col
                while col < n and row[col]:
                    col += 1
                path.rect(x + (start + 4) * unit, top - unit, (col - start) * unit, unit)
            else:
                col += 1
    c.setFillGray(0)
    c.drawPath(path, stroke=0, fill=1)


def layout_pages(
    form: FormDefinition,
    record: dict[str, Any] | None,
    *,
    language: str = "bilingual",
    today: dt.date | None = None,
) -> list[Page]:
    """The pages of a form as drawing operations (used by the renderer and by the benchmark's baseline)."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    ctx = RenderContext(today=today or dt.date.today(), language=language, blank=record is None)
    return Layout(form, record, ctx, measurer()).run()


def draw_ops(c: Canvas, ops: list[tuple], font: str, number: int, total: int, language: str) -> None:
    """Replay drawing operations on a canvas."""
    current = None
    gray_now = None
    for op in ops:
        tag = op[0]
        if tag == "t":
            _, x, y, size, text, gray = op
            if current != size:
                c.setFont(font, size)
                current = size
            if gray_now != gray:
                c.setFillGray(gray)
                gray_now = gray
            if text.isascii():
                c.drawString(x, y, text)
                continue
            for run_font, run in runs(text):  # rare characters come from a fallback font
                c.setFont(run_font, size)
                c.drawString(x, y, run)
                x += stringWidth(run, run_font, size)
            c.setFont(font, size)
        elif tag == "r":
            _, x, y, w, h, lw, fill = op
            c.setLineWidth(lw)
            if fill is not None:
                c.setFillGray(fill)
                gray_now = fill
                c.rect(x, y, w, h, stroke=1, fill=1)
            else:
                c.rect(x, y, w, h, stroke=1, fill=0)
        elif tag == "l":
            _, x1, y1, x2, y2, lw, dash = op
            c.setLineWidth(lw)
            if dash:
                c.setDash(*dash)
            c.line(x1, y1, x2, y2)
            if dash:
                c.setDash()
        elif tag == "k":
            _, x, y, side = op
            c.setLineWidth(1.1)
            path = c.beginPath()
            path.moveTo(x + side * 0.18, y + side * 0.52)
            path.lineTo(x + side * 0.42, y + side * 0.22)
            path.lineTo(x + side * 0.85, y + side * 0.85)
            c.drawPath(path, stroke=1, fill=0)
        elif tag == "p":
            _, x, y, size, align = op
            c.setFont(font, size)
            current = size
            if gray_now != 0.0:
                c.setFillGray(0.0)
                gray_now = 0.0
            c.drawString(x, y, page_x_of_y(number, total, language))


def header_ops(form: FormDefinition, record: dict[str, Any] | None, language: str, m: Measurer) -> list[tuple]:
    """The title band at the top of every page (the QR code is drawn separately)."""
    page_w, page_h = form.page_size
    left, right = form.margins["left"], page_w - form.margins["right"]
    top = page_h - form.margins["top"]
    text_w = right - left - QR_SIZE - 4 * mm
    ops: list[tuple] = []
    y = top - 6.5 * mm
    if language in ("zh", "bilingual") and form.title.get("zh"):
        ops.append(("t", left, y, 16, ellipsize(m, form.title["zh"], 16, text_w), 0.0))
        y -= 5.5 * mm
    if language in ("en", "bilingual") and form.title.get("en"):
        size = 10.5 if language == "bilingual" else 15
        ops.append(("t", left, y, size, ellipsize(m, form.title["en"], size, text_w), 0.25))
        y -= 5 * mm
    ref = form.header_ref
    if ref is not None:
        value = "" if record is None else format_value(lookup(record, ref["bind"]), "str", language)
        text = f"{bilingual(ref.get('label', ''), language)}: {value or '________________'}"
        ops.append(("t", left, y, 9, ellipsize(m, text, 9, text_w), 0.0))
    line_y = top - HEADER_MM * mm + 2 * mm
    ops.append(("l", left, line_y, right, line_y, 0.8, None))
    return ops


def draft_mark(form: FormDefinition, record: dict[str, Any] | None, language: str) -> list[str]:
    """The draft lines (one per language) when the form has ``draft_unless`` and the bound value is not true;
    none on blank forms."""
    rule = form.draft_unless
    if rule is None or record is None or lookup(record, rule["bind"]) is True:
        return []
    text = rule["text"]
    if isinstance(text, str):
        return [text]
    return [t for lang, t in (("zh", text.get("zh", "")), ("en", text.get("en", "")))
            if t and (language == "bilingual" or language == lang)]


def draw_draft_mark(c: Canvas, font: str, lines: list[str], page_w: float, page_h: float) -> None:
    """Large, light, diagonal across the page, drawn before the content so the figures stay readable."""
    c.saveState()
    c.setFillGray(0.8)
    c.translate(page_w / 2, page_h / 2)
    c.rotate(40)
    y = 0.0
    for i, line in enumerate(lines):
        size = 64 if i == 0 else 34
        while size > 14 and c.stringWidth(line, font, size) > page_w * 0.95:
            size -= 2
        c.setFont(font, size)
        c.drawCentredString(0, y, line)
        y -= size * 1.1
    c.restoreState()


def footer_ops(form: FormDefinition, language: str, today: dt.date, m: Measurer, blank: bool) -> list[tuple]:
    page_w, _ = form.page_size
    left, right = form.margins["left"], page_w - form.margins["right"]
    base = form.margins["bottom"]
    ops: list[tuple] = [("l", left, base + 7 * mm, right, base + 7 * mm, 0.5, None)]
    ops.append(("t", left, base + 2.5 * mm, 7, f"{form.id} v{form.version}", 0.35))
    if not blank:
        printed = {"zh": "打印日期", "en": "Printed", "bilingual": "打印日期 Printed"}[language]
        text = f"{printed} {format_value(today, 'date', language)}"
        ops.append(("t", right - m.width(text, 7), base + 2.5 * mm, 7, text, 0.35))
    return ops


def check_glyphs(pages: list[Page]) -> None:
    """Refuse, naming them, characters no shipped font can draw: a name must never print with a gap."""
    text = "".join(op[4] for page in pages for op in page.ops if op[0] == "t" and not op[4].isascii())
    missing = missing_glyphs(text)
    if missing:
        raise DomainError("print.missing_glyphs", characters=" ".join(missing),
                          code_points=" ".join(f"U+{ord(ch):04X}" for ch in missing))


def render_pdf(
    form: FormDefinition,
    record: dict[str, Any] | None,
    out: str | Path | IO[bytes],
    *,
    language: str = "bilingual",
    today: dt.date | None = None,
) -> int:
    """Render ``record`` (None for a blank form to fill in by hand) as a PDF; returns the page count."""
    today = today or dt.date.today()
    font = ensure_fonts()
    m = measurer()
    pages = layout_pages(form, record, language=language, today=today)
    check_glyphs(pages)
    total = len(pages)
    target = str(out) if isinstance(out, Path) else out
    # initialFontName keeps Helvetica, which would not be embedded, out of the file altogether.
    c = Canvas(target, pagesize=form.page_size, invariant=1, pageCompression=1, initialFontName=font, initialFontSize=10)
    c.setTitle(bilingual(form.title, language))
    c.setSubject(qr_payload(form, record))
    c.setCreator("injury-desk")
    head = header_ops(form, record, language, m)
    foot = footer_ops(form, language, today, m, record is None)
    qr = qr_matrix(qr_payload(form, record))
    page_w, page_h = form.page_size
    qr_x = page_w - form.margins["right"] - QR_SIZE
    qr_y = page_h - form.margins["top"] - QR_SIZE
    size_of_pxy = 8
    draft_text = draft_mark(form, record, language)
    for number, page in enumerate(pages, 1):
        if number == 1:
            # Header and QR code are the same on every page: draw them once as a form XObject.
            c.beginForm("page_head")
            draw_ops(c, head, font, number, total, language)
            draw_qr(c, qr, qr_x, qr_y, QR_SIZE)
            c.endForm()
        c.doForm("page_head")
        if draft_text:
            draw_draft_mark(c, font, draft_text, page_w, page_h)
        draw_ops(c, page.ops, font, number, total, language)
        draw_ops(c, foot, font, number, total, language)
        text = page_x_of_y(number, total, language)
        c.setFont(font, size_of_pxy)
        c.setFillGray(0)
        c.drawCentredString(page_w / 2, form.margins["bottom"] + 2.5 * mm, text)
        c.showPage()
    c.save()
    return total


def write_pdf(form: FormDefinition, record: dict[str, Any] | None, target: Path, *, language: str = "bilingual",
              today: dt.date | None = None) -> int:
    """Renders ``record`` into the PDF file ``target``, whole or not at all and readable by the user only (a letter
    names a person and their injury); returns the page count.

    Raises ``output.not_a_file`` when a device, a pipe or a socket has the name (field ``file``),
    ``output.is_a_folder`` when a folder has it, and ``print.output_unwritable`` when it cannot be written (the disk
    is full, the folder is closed...); ``target`` is then left as it was."""
    with private_output(target, unwritable="print.output_unwritable") as fh:
        return render_pdf(form, record, fh, language=language, today=today)
