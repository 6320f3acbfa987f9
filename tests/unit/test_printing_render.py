"""PDF rendering: Chinese text, embedded fonts, QR codes, long text across pages, every form, batches."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from injury_desk.domain.identifiers import mask_resident_id
from injury_desk.printing import forms_dir, load_all, qr_payload, render_batch, render_pdf
from injury_desk.printing.definition import FOOTER_MM, HEADER_MM
from injury_desk.printing.records import COMPUTED, RenderContext, amount_in_words
from injury_desk.printing.render import measurer
from injury_desk.printing.textfit import fit, wrap

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "print_records"
MM = 72 / 25.4
TODAY = dt.date(2024, 5, 1)


def record(kind: str) -> dict:
    return json.loads((FIXTURES / f"{kind}.json").read_text(encoding="utf-8"), parse_float=Decimal)


@pytest.fixture(scope="module")
def forms():
    return load_all(forms_dir())


def pdf_bytes(form, rec, **kw) -> bytes:
    buf = io.BytesIO()
    render_pdf(form, rec, buf, today=TODAY, **kw)
    return buf.getvalue()


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def need_tool(name: str) -> None:
    """Skip when a poppler/zbar tool is missing on a developer machine; in CI a missing tool is a failure."""
    if os.environ.get("CI") == "true":
        return
    if name == "zbar":
        try:
            import pyzbar.pyzbar  # noqa: F401
        except (ImportError, OSError):
            pytest.skip("libzbar is not installed: cannot decode the QR code")
    elif shutil.which(name) is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")


def test_text_extraction_finds_name_claim_number_and_amounts(forms):
    text = text_of(pdf_bytes(forms["benefit_calculation"], record("claim")))
    assert "张伟" in text
    assert "GS-2024-000123" in text
    for amount in ("80,600.00", "74,400.00", "93,000.00", "18,600.00", "266,600.00"):
        assert amount in text
    assert "贰拾陆万陆仟陆佰元整" in text
    assert "Art. 37" in text  # the legal basis of a line item


def test_application_form_shows_worker_employer_and_checklist(forms):
    text = text_of(pdf_bytes(forms["claim_application"], record("claim")))
    assert "张伟" in text and "330110198507152311" in text
    assert "杭州某某精密机械制造有限公司" in text
    assert "与用人单位存在劳动关系" in text


def test_decision_letter_masks_the_id_number(forms):
    text = text_of(pdf_bytes(forms["determination_decision"], record("claim")))
    assert "330110********2311" in text
    assert "330110198507152311" not in text
    assert "认定为工伤" in text


def test_missing_documents_notice_lists_exactly_the_missing_ones(forms):
    text = text_of(pdf_bytes(forms["missing_documents_notice"], record("claim"), language="zh"))
    assert "共 2 项" in text
    assert "与用人单位存在劳动关系" in text and "事故经过证明材料" in text
    assert "受伤职工身份证件复印件" not in text  # it was supplied


def test_language_choice(forms):
    zh = text_of(pdf_bytes(forms["claim_application"], record("claim"), language="zh"))
    en = text_of(pdf_bytes(forms["claim_application"], record("claim"), language="en"))
    assert "工伤认定申请表" in zh and "Application for Work-Related Injury Determination" not in zh
    assert "Application for Work-Related Injury Determination" in en and "工伤认定申请表" not in en
    assert "第 1 页 共 2 页" in zh and "Page 1 of 2" in en


def test_fonts_are_embedded_subsets(forms):
    reader = PdfReader(io.BytesIO(pdf_bytes(forms["claim_application"], record("claim"))))
    fonts = {}
    for page in reader.pages:
        resources = page["/Resources"]
        for source in [resources] + [x.get_object()["/Resources"] for x in resources.get("/XObject", {}).values()]:
            for name, ref in source.get("/Font", {}).items():
                fonts[name] = ref.get_object()
    assert fonts
    for font in fonts.values():
        descriptor = font["/FontDescriptor"] if "/FontDescriptor" in font else font["/DescendantFonts"][0]["/FontDescriptor"]
        assert "/FontFile2" in descriptor, f"font {font['/BaseFont']} is not embedded"
        # Subset fonts carry a six-letter tag before the name.
        assert str(font["/BaseFont"])[7] == "+"


def decode_qr_codes(pdf_path: Path, tmp_path: Path) -> list[str]:
    need_tool("pdftoppm")
    need_tool("zbar")
    from PIL import Image
    from pyzbar.pyzbar import decode

    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf_path), str(tmp_path / "page")], check=True)
    found = []
    for png in sorted(tmp_path.glob("page-*.png")):
        codes = decode(Image.open(png))
        assert len(codes) == 1, f"{png.name}: expected one QR code, found {len(codes)}"
        found.append(codes[0].data.decode("ascii"))
    return found


def test_qr_code_on_every_page_decodes_to_form_record_and_version(forms, tmp_path):
    rec = record("claim")
    out = tmp_path / "claim.pdf"
    pages = render_pdf(forms["claim_application"], rec, out, today=TODAY)
    payloads = decode_qr_codes(out, tmp_path)
    assert len(payloads) == pages == 2
    assert set(payloads) == {f"injury-desk:claim_application:{rec['form_record_id']}:3"}


def test_blank_form_qr_code_says_blank(forms, tmp_path):
    out = tmp_path / "blank.pdf"
    render_pdf(forms["claim_application"], None, out)
    assert set(decode_qr_codes(out, tmp_path)) == {"injury-desk:claim_application:blank"}
    assert qr_payload(forms["claim_application"], None) == "injury-desk:claim_application:blank"


def words_with_boxes(pdf_path: Path) -> list[tuple[int, float, float, float, float, str]]:
    """(page, xMin, yMin, xMax, yMax, word) from pdftotext -bbox; y grows downwards from the top."""
    need_tool("pdftotext")
    import xml.etree.ElementTree as ET

    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf_path), "-"], check=True, capture_output=True, text=True
    ).stdout
    root = ET.fromstring(html.replace("<!DOCTYPE html>", "").replace(' xmlns="http://www.w3.org/1999/xhtml"', ""))
    out = []
    for number, page in enumerate(root.iter("page"), 1):
        for word in page.iter("word"):
            box = [float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
            out.append((number, *box, word.text or ""))
    return out


def test_long_circumstances_flow_across_pages_inside_the_box(forms, tmp_path):
    form = forms["claim_application"]
    rec = copy.deepcopy(record("claim"))
    segments = [f"第{n:03d}段：职工在操作冲床时因送料机构卡料伸手清理，冲床意外下行造成伤害。" for n in range(1, 121)]
    rec["claim"]["circumstances"] = "".join(segments)
    out = tmp_path / "long.pdf"
    pages = render_pdf(form, rec, out, today=TODAY)
    assert pages >= 3
    page_w, page_h = form.page_size
    left = form.margins["left"]
    right = page_w - form.margins["right"]
    body_top = form.margins["top"] + HEADER_MM * MM
    body_bottom = page_h - form.margins["bottom"] - FOOTER_MM * MM
    words = [w for w in words_with_boxes(out) if "段" in w[5] or "冲床" in w[5]]
    assert {w[0] for w in words} >= {1, 2}, "the text did not continue on the next page"
    for page, x0, y0, x1, y1, text in words:
        assert left < x0 and x1 < right, f"page {page}: '{text}' sticks out sideways ({x0:.1f}..{x1:.1f})"
        assert body_top - 0.5 < y0 and y1 < body_bottom + 0.5, f"page {page}: '{text}' leaves the body ({y0:.1f}..{y1:.1f})"
    # Nothing is lost: every numbered segment is printed, in order.
    full = "".join(page.extract_text() for page in PdfReader(str(out)).pages).replace("\n", "")
    positions = [full.find(f"第{n:03d}段") for n in range(1, 121)]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)


def test_a_long_value_shrinks_and_wraps_inside_its_field(forms, tmp_path):
    form = forms["claim_application"]
    rec = copy.deepcopy(record("claim"))
    rec["worker"]["address"] = "浙江省杭州市余杭区五常街道文一西路 998 号西溪花园某某苑 3 幢 2 单元 501 室（近地铁五常站 B 口）" * 3
    out = tmp_path / "addr.pdf"
    render_pdf(form, rec, out, today=TODAY)
    right = form.page_size[0] - form.margins["right"]
    for page, x0, y0, x1, y1, text in words_with_boxes(out):
        assert x1 < right + 0.5, f"'{text}' crosses the right margin"


@pytest.mark.parametrize(
    "form_id,kind",
    [
        ("claim_application", "claim"),
        ("determination_decision", "claim"),
        ("missing_documents_notice", "claim"),
        ("benefit_calculation", "claim"),
        ("rehabilitation_plan", "rehab_plan"),
        ("inspection_report", "inspection"),
    ],
)
@pytest.mark.parametrize("language", ["bilingual", "zh", "en"])
def test_every_shipped_form_renders_for_a_demo_record_and_blank(forms, form_id, kind, language):
    form = forms[form_id]
    assert form.record_kind == kind
    filled = PdfReader(io.BytesIO(pdf_bytes(form, record(kind), language=language)))
    blank = PdfReader(io.BytesIO(pdf_bytes(form, None, language=language)))
    assert len(filled.pages) >= 1 and len(blank.pages) >= 1
    assert "张伟" not in "".join(p.extract_text() for p in blank.pages)


def test_inspection_report_prints_every_hazard_and_action(forms):
    text = text_of(pdf_bytes(forms["inspection_report"], record("inspection"), language="zh"))
    assert "隐患 1" in text and "隐患 2" in text
    assert "立即恢复光电保护装置" in text and "补充培训并建立培训档案" in text
    assert "重大" in text and "待整改" in text


def test_null_sections_print_empty_not_crash(forms):
    rec = record("claim")
    rec["determination"] = None
    rec["assessment"] = None
    text = text_of(pdf_bytes(forms["benefit_calculation"], rec))
    assert "尚无核定结果" in text


def test_batch_writes_each_record_and_reports_progress(forms, tmp_path):
    base = record("claim")
    records = []
    for n in range(5):
        rec = copy.deepcopy(base)
        rec["form_record_id"] = f"rec-{n}"
        records.append(rec)
    seen = []
    result = render_batch(forms["claim_application"], records, tmp_path, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(n, 5) for n in range(1, 6)]
    # named after the claim number; the same claim printed again in one batch keeps its own file
    assert [p.name for p in result.written] == ["claim_application-GS-2024-000123.pdf"] + [
        f"claim_application-GS-2024-000123-{n + 1}.pdf" for n in range(1, 5)]
    assert not result.cancelled
    assert all(PdfReader(str(p)).pages for p in result.written)


def test_batch_stops_cleanly_when_cancelled(forms, tmp_path):
    records = []
    for n in range(10):
        rec = record("claim")
        rec["form_record_id"] = f"rec-{n}"
        records.append(rec)
    done = []
    result = render_batch(
        forms["claim_application"], records, tmp_path, progress=lambda d, t: done.append(d), cancelled=lambda: len(done) >= 3
    )
    assert result.cancelled
    assert len(result.written) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in result.written)


def test_amount_in_words():
    assert amount_in_words(Decimal("266600.00")) == "贰拾陆万陆仟陆佰元整"
    assert amount_in_words("1005.07") == "壹仟零伍元零柒分"
    assert amount_in_words("100010000") == "壹亿零壹万元整"
    assert amount_in_words("1.20") == "壹元贰角整"
    assert amount_in_words("0") == "零元整"


def test_wrapped_lines_never_exceed_the_width():
    m = measurer()
    text = "张伟在车间操作冲床时，右手被压伤。The worker was injured while operating a 250-tonne press. " * 4
    for width in (30.0, 80.0, 200.0):
        for line in wrap(m, text, 10, width):
            assert m.width(line, 10) <= width + 0.01
    size, lines = fit(m, text * 10, 100, 30, 10, 6)
    assert size == 6 and lines[-1].endswith("…")
    assert len(lines) * size * 1.25 <= 30.01


def test_printed_forms_mask_resident_ids_as_the_lists_do():
    # One masking rule: a 15-digit first-generation number printed on a notice keeps only its last two
    # characters, exactly as the claim list shows it (the printer's own rule used to keep 6 + 4 of it).
    masked = COMPUTED["worker.id_masked"].func
    ctx = RenderContext(today=dt.date(2026, 11, 28), language="zh", blank=False)
    for number in ("11010519491231002X", "110105491231002", "ABC"):
        assert masked({"worker": {"id_number": number}}, ctx) == mask_resident_id(number)
    assert masked({"worker": {"id_number": "110105491231002"}}, ctx) == "*************02"


def test_printed_file_names_use_the_claim_or_case_number():
    from injury_desk.printing.batch import printed_file_name

    assert printed_file_name("claim_application", record("claim")) == "claim_application-GS-2024-000123.pdf"
    assert printed_file_name("rehabilitation_plan", record("rehab_plan")) == "rehabilitation_plan-KF-2024-000045.pdf"
    inspection = record("inspection")
    name = printed_file_name("inspection_report", inspection)
    assert inspection["form_record_id"] not in name and inspection["employer"]["name"] in name
    assert printed_file_name("claim_application", {"claim": {"claim_no": 'A/B:C*'}}) == "claim_application-A_B_C_.pdf"
    assert printed_file_name("claim_application", None) == "claim_application-blank.pdf"
