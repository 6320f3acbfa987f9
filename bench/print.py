"""Printing benchmark: 1,000 claim application forms through render_batch against raw ReportLab drawing."""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import io
import json
import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from injury_desk.printing import forms_dir, load_form, render_batch, render_pdf
from injury_desk.printing.fonts import ensure_fonts
from injury_desk.printing.layout import page_x_of_y
from injury_desk.printing.render import QR_SIZE, footer_ops, header_ops, layout_pages, measurer, qr_payload

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "print_records" / "claim.json"
TODAY = dt.date(2024, 5, 1)


def make_records(count: int) -> list[dict]:
    base = json.loads(FIXTURE.read_text(encoding="utf-8"), parse_float=Decimal)
    records = []
    for n in range(count):
        rec = copy.deepcopy(base)
        rec["form_record_id"] = f"00000000-0000-4000-8000-{n:012d}"
        rec["claim"]["claim_no"] = f"GS-2024-{n:06d}"
        rec["worker"]["name"] = ["张伟", "李娜", "王芳", "刘洋", "陈静"][n % 5]
        # Vary the free text so wrapping does real work on every record.
        rec["claim"]["circumstances"] = base["claim"]["circumstances"] * (1 + n % 3)
        records.append(rec)
    return records


def raw_draw(path: Path, page_size, font: str, pages: list[list[tuple]], payload: str, qr_at: tuple) -> None:
    """The same strings, rectangles, lines and QR modules, drawn straight onto a canvas."""
    c = Canvas(str(path), pagesize=page_size, invariant=1, pageCompression=1, initialFontName=font, initialFontSize=10)
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    n = code.getModuleCount()
    unit = QR_SIZE / (n + 8)
    for ops in pages:
        path_ = c.beginPath()
        for r in range(n):
            top = qr_at[1] + QR_SIZE - (r + 4) * unit
            col = 0
            while col < n:
                if code.isDark(r, col):
                    start = col
                    while col < n and code.isDark(r, col):
                        col += 1
                    path_.rect(qr_at[0] + (start + 4) * unit, top - unit, (col - start) * unit, unit)
                else:
                    col += 1
        c.drawPath(path_, stroke=0, fill=1)
        for op in ops:
            if op[0] == "t":
                c.setFont(font, op[3])
                c.setFillGray(op[5])
                c.drawString(op[1], op[2], op[4])
            elif op[0] == "r":
                c.setLineWidth(op[5])
                if op[6] is None:
                    c.rect(op[1], op[2], op[3], op[4], stroke=1, fill=0)
                else:
                    c.setFillGray(op[6])
                    c.rect(op[1], op[2], op[3], op[4], stroke=1, fill=1)
            elif op[0] == "l":
                c.setLineWidth(op[5])
                if op[6]:
                    c.setDash(*op[6])
                c.line(op[1], op[2], op[3], op[4])
                if op[6]:
                    c.setDash()
            elif op[0] == "k":
                x, y, s = op[1], op[2], op[3]
                p = c.beginPath()
                p.moveTo(x + s * 0.18, y + s * 0.52)
                p.lineTo(x + s * 0.42, y + s * 0.22)
                p.lineTo(x + s * 0.85, y + s * 0.85)
                c.drawPath(p, stroke=1, fill=0)
            elif op[0] == "p":
                c.setFont(font, op[3])
                c.drawString(op[1], op[2], op[4])
        c.showPage()
    c.save()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench print", description=__doc__)
    parser.add_argument("--count", type=int, default=1000, help="forms in the batch (default 1000)")
    args = parser.parse_args(argv)
    count = args.count

    form = load_form(forms_dir() / "claim_application.json")
    font = ensure_fonts()
    records = make_records(count)
    # Warm up both paths once (font parsing, definition cache) so neither side pays it in the timing.
    render_pdf(form, records[0], io.BytesIO(), today=TODAY)

    # The baseline's input is prepared outside its timing: final strings and coordinates per page,
    # exactly what the renderer draws, so raw ReportLab does no layout, binding or wrapping of its own.
    m = measurer()
    prepared = []
    for rec in records:
        pages = layout_pages(form, rec, today=TODAY)
        head = header_ops(form, rec, "bilingual", m)
        foot = footer_ops(form, "bilingual", TODAY, m, False)
        total = len(pages)
        page_ops = []
        for number, page in enumerate(pages, 1):
            pxy = page_x_of_y(number, total, "bilingual")
            centre = form.page_size[0] / 2 - m.width(pxy, 8) / 2
            ops = head + [op if op[0] != "p" else ("p", op[1], op[2], op[3], pxy) for op in page.ops] + foot
            ops.append(("t", centre, form.margins["bottom"] + 2.5 * mm, 8, pxy, 0.0))
            page_ops.append(ops)
        prepared.append((page_ops, qr_payload(form, rec)))
    qr_at = (form.page_size[0] - form.margins["right"] - QR_SIZE, form.page_size[1] - form.margins["top"] - QR_SIZE)

    with tempfile.TemporaryDirectory() as tmp:
        raw_dir = Path(tmp) / "raw"
        raw_dir.mkdir()
        start = time.perf_counter()
        for index, (page_ops, payload) in enumerate(prepared):
            raw_draw(raw_dir / f"{index:05d}.pdf", form.page_size, font, page_ops, payload, qr_at)
        raw_s = time.perf_counter() - start

        start = time.perf_counter()
        result = render_batch(form, records, Path(tmp) / "batch", today=TODAY)
        batch_s = time.perf_counter() - start
        assert len(result.written) == count

    singles = []
    for rec in records[:30]:
        buf = io.BytesIO()
        start = time.perf_counter()
        render_pdf(form, rec, buf, today=TODAY)
        singles.append(time.perf_counter() - start)
    one_ms = statistics.median(singles) * 1000

    print(f"FIGURE print_batch_{count} {batch_s:.1f} s")
    print(f"FIGURE print_raw_{count} {raw_s:.1f} s")
    print(f"FIGURE print_one_form {one_ms:.1f} ms")
    print(f"RATIO print_vs_raw {batch_s / raw_s:.2f} target <= 1.5")
    print(f"RATIO print_one_form_ms {one_ms:.1f} target < 100")
    return 0 if batch_s / raw_s <= 1.5 and one_ms < 100 else 1
