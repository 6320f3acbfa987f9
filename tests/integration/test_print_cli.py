"""`injury-desk forms list|check` and `injury-desk print` in a subprocess, as a caseworker or CI runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

REPO = Path(__file__).resolve().parents[2]
CLAIM = REPO / "tests" / "fixtures" / "print_records" / "claim.json"


def cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "injury_desk", *args], capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=120
    )


def test_forms_list_names_every_shipped_form():
    result = cli("forms", "list")
    assert result.returncode == 0, result.stderr
    ids = {line.split("\t")[0] for line in result.stdout.splitlines()}
    assert ids == {
        "benefit_calculation",
        "claim_application",
        "determination_decision",
        "inspection_report",
        "missing_documents_notice",
        "rehabilitation_plan",
        "not_accepted_notice",
        "not_recognised_decision",
        "appraisal_request",
        "reappraisal_request",
    }
    assert "工伤认定申请表" in result.stdout


def test_forms_check_passes_for_the_shipped_forms():
    result = cli("forms", "check")
    assert result.returncode == 0, result.stderr
    assert "10 form definitions OK" in result.stdout


def test_forms_check_reports_file_line_and_reason(tmp_path: Path):
    good = (REPO / "forms" / "claim_application.json").read_text(encoding="utf-8")
    bad = good.replace('"bind": "employer.contact_phone"', '"bind": "employer.fax"')
    (tmp_path / "claim_application.json").write_text(bad, encoding="utf-8")
    line = next(n for n, text in enumerate(bad.splitlines(), 1) if "employer.fax" in text)
    result = cli("forms", "check", str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path / 'claim_application.json'}:{line}: unknown field binding 'employer.fax'" in result.stderr


def test_forms_check_of_a_wrong_folder_is_bad_input_with_a_sentence(tmp_path: Path):
    """A missing folder, a file or a folder of no definitions exited 1 ("broken definitions") with only a key."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    for given, key, sentence in (
            ("nope", "forms.not_a_folder", "nope is not a folder: give the folder that holds the form definitions"),
            ("a.pdf", "forms.not_a_folder", "a.pdf is not a folder"),
            ("empty", "forms.none_found", "no form definitions (*.json) in empty: give the folder that holds them")):
        result = cli("forms", "check", given, cwd=tmp_path)
        assert result.returncode == 2, (given, result.stderr)
        assert result.stderr.startswith(f'error: {key} {{"directory": "{given}"}}\n  {sentence}'), result.stderr


def test_print_blank_form(tmp_path: Path):
    out = tmp_path / "blank.pdf"
    result = cli("print", "claim_application", "--blank", "-o", str(out))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(str(out))
    assert "工伤认定申请表" in reader.pages[0].extract_text()


def test_print_from_a_record_json_file(tmp_path: Path):
    out = tmp_path / "sheet.pdf"
    result = cli("print", "benefit_calculation", "--record-json", str(CLAIM), "-o", str(out), "--language", "zh")
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert "张伟" in text and "GS-2024-000123" in text and "266,600.00" in text


def test_print_record_without_the_record_service_says_so(tmp_path: Path):
    probe = subprocess.run(
        [sys.executable, "-c", "import injury_desk.services.print_records"], capture_output=True, cwd=REPO
    )
    out = tmp_path / "x.pdf"
    result = cli("print", "claim_application", "--record", "some-id", "-o", str(out), "--data-dir", str(tmp_path))
    if probe.returncode == 0:
        # The service exists now; an unknown id must be refused, not crash.
        assert result.returncode != 0 and "Traceback" not in result.stderr
    else:
        assert result.returncode == 2
        assert result.stderr.strip() == "error: print.record_source_unavailable"
    assert not out.exists()


def test_print_refuses_unknown_form_and_blank_of_a_letter(tmp_path: Path):
    result = cli("print", "no_such_form", "--blank", "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 2 and "print.unknown_form" in result.stderr
    assert "there is no form “no_such_form” (known forms: appraisal_request, benefit_calculation," in result.stderr
    result = cli("print", "determination_decision", "--blank", "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 2 and "print.form_not_fill_in" in result.stderr


def test_print_refuses_a_record_json_file_nested_too_deep_naming_it(tmp_path: Path):
    # A hostile user's probe: the JSON parser recursed once a level and the command ended in a RecursionError.
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    out = tmp_path / "x.pdf"
    result = cli("print", "claim_application", "--record-json", str(deep), "-o", str(out), "--data-dir", str(tmp_path))
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [
        f"error: print.record_json_too_deep {json.dumps({'file': str(deep)})}",
        f"  the record file {deep} is nested deeper than any record; nothing was printed"]
    assert result.stdout == "" and not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep.json"]  # no PDF, no data folder, no log
