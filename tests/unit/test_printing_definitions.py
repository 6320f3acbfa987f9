"""Form definitions: the shipped ones load, and bad ones are refused with their file, line and reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from injury_desk.printing import FormDefinitionError, check_all, forms_dir, load_all, load_form, parse_form

SHIPPED = {
    "claim_application",
    "determination_decision",
    "missing_documents_notice",
    "benefit_calculation",
    "rehabilitation_plan",
    "inspection_report",
}

MINIMAL = """{
  "id": "tiny",
  "version": 1,
  "record": "claim",
  "title": {"zh": "测试", "en": "Test"},
  "sections": [
    {"title": {"zh": "一", "en": "One"}, "content": [
      [
        {"type": "field", "label": "Name", "bind": "worker.name"},
        {"type": "field", "label": "Claim", "bind": "claim.claim_no", "w": 40}
      ]
    ]}
  ]
}
"""


def test_every_shipped_form_loads():
    forms = load_all(forms_dir())
    assert SHIPPED <= set(forms)
    assert forms["claim_application"].fill_in
    assert not forms["determination_decision"].fill_in


def test_a_minimal_definition_loads():
    form = parse_form(MINIMAL, "tiny.json")
    assert form.id == "tiny" and form.record_kind == "claim"


def _refusal(text: str, name: str = "bad.json") -> FormDefinitionError:
    with pytest.raises(FormDefinitionError) as info:
        parse_form(text, name)
    return info.value


def test_unknown_binding_is_refused_with_file_and_line():
    text = MINIMAL.replace('"bind": "claim.claim_no"', '"bind": "claim.claim_number"')
    err = _refusal(text)
    assert err.line == 10
    assert "unknown field binding 'claim.claim_number'" in err.reason
    assert str(err).startswith("bad.json:10: ")


def test_box_outside_the_page_is_refused_with_its_line():
    text = MINIMAL.replace('"bind": "claim.claim_no", "w": 40', '"bind": "claim.claim_no", "w": 400')
    err = _refusal(text)
    assert err.line == 10
    assert "box outside the page" in err.reason


def test_a_row_wider_than_the_page_is_refused():
    text = MINIMAL.replace('"bind": "worker.name"}', '"bind": "worker.name", "w": 150}')
    err = _refusal(text)
    assert err.line == 8  # the row's opening bracket
    assert "box outside the page" in err.reason and "printable width is 180 mm" in err.reason


def test_unknown_element_type_is_refused():
    text = MINIMAL.replace('"type": "field", "label": "Name"', '"type": "feild", "label": "Name"')
    err = _refusal(text)
    assert err.line == 9 and "unknown element type 'feild'" in err.reason


def test_unknown_computed_value_and_placeholder_are_refused():
    text = MINIMAL.replace(
        '"content": [\n', '"content": [\n      {"type": "paragraph", "text": "Dear {worker.nmae}, {=yesterday}"},\n'
    )
    err = _refusal(text)
    reasons = " | ".join(reason for _, reason in err.problems)
    assert "unknown field binding 'worker.nmae'" in reasons
    assert "unknown computed value 'yesterday'" in reasons
    assert {line for line, _ in err.problems} == {8}


def test_invalid_json_reports_the_line():
    text = MINIMAL.replace('"version": 1,', '"version": 1')
    err = _refusal(text)
    assert err.line in (3, 4) and "not valid JSON" in err.reason


def test_checkbox_needs_a_yes_no_binding():
    text = MINIMAL.replace(
        '{"type": "field", "label": "Name", "bind": "worker.name"}',
        '{"type": "checkbox", "label": "Name", "bind": "worker.name"}',
    )
    err = _refusal(text)
    assert "not a yes/no value" in err.reason


def test_load_form_names_the_file(tmp_path: Path):
    bad = tmp_path / "bad_form.json"
    bad.write_text(MINIMAL.replace('"record": "claim"', '"record": "claims"'), encoding="utf-8")
    with pytest.raises(FormDefinitionError) as info:
        load_form(bad)
    assert str(info.value).startswith(f"{bad}:4: ")


def test_check_all_collects_every_bad_file(tmp_path: Path):
    (tmp_path / "a.json").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "b.json").write_text(MINIMAL.replace('"w": 40', '"w": 4000'), encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps({"id": "c"}), encoding="utf-8")
    forms, errors = check_all(tmp_path)
    assert set(forms) == {"tiny"}
    assert sorted(e.path.name for e in errors) == ["b.json", "c.json"]
