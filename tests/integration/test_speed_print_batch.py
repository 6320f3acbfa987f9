"""Batch printing reads its letters in one read transaction with one form definition, and form definitions are
parsed again only when their file changed."""

from __future__ import annotations

import contextlib
import json

import pytest

from injury_desk.printing import definition
from tests.conftest import claim_draft


def decided(services, actor, day: int) -> str:
    claim_id = services.claims.create(actor, claim_draft(accident_date=f"2026-10-{day:02d}"))
    services.claims.accept(actor, claim_id, {"accepted_on": "2026-11-11"})
    services.claims.decide(actor, claim_id, {"outcome": "recognised", "decided_on": "2026-11-20", "basis_code": "art14_1"})
    return claim_id


def test_a_batch_reads_every_letter_in_one_read_transaction(services, cw, tmp_path, monkeypatch):
    letters = [decided(services, cw, day) for day in (1, 2, 3)]
    undecided = services.claims.create(cw, claim_draft(accident_date="2026-10-04"))
    opened = []
    original = services.ctx.read

    @contextlib.contextmanager
    def counting_read():
        opened.append(1)
        with original() as s:
            yield s

    monkeypatch.setattr(services.ctx, "read", counting_read)
    outcome = services.printing.print_claims(cw, "determination_decision", [*letters, undecided], tmp_path / "out")
    # three letters written, the claim without a determination skipped with its reason, all from one transaction
    assert len(outcome.written) == 3 and [claim for claim, _key, _params in outcome.skipped] == [undecided]
    assert len(opened) == 1


def test_an_unchanged_definition_is_not_read_again_and_a_changed_one_is(tmp_path, monkeypatch):
    from injury_desk.resources import forms_dir

    text = (forms_dir() / "determination_decision.json").read_text(encoding="utf-8")
    path = tmp_path / "letter.json"
    path.write_text(text, encoding="utf-8")
    first = definition.load_form(path)
    reads = []
    original = type(path).read_text

    def counting(self, *args, **kwargs):
        reads.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(type(path), "read_text", counting)
    assert definition.load_form(path) is first and reads == []
    data = json.loads(text)
    data["version"] = data["version"] + 1
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    changed = definition.load_form(path)
    assert reads == [path] and changed.version == first.version + 1


@pytest.fixture(autouse=True)
def _fresh_definition_cache(monkeypatch):
    monkeypatch.setattr(definition, "_cache", {})


def test_only_the_forms_that_print_a_clock_name_the_clocks_group():
    from injury_desk.printing import forms_dir, load_all

    forms = load_all(forms_dir())
    # appraisal_request.json binds "clocks.appraisal"; the decision letter and the application form bind none
    assert forms["appraisal_request"].mentions("clocks")
    assert not forms["determination_decision"].mentions("clocks")
    assert not forms["claim_application"].mentions("clocks")


def test_a_batch_letter_prints_what_the_single_letter_prints(services, cw, tmp_path):
    from pypdf import PdfReader

    claim_id = decided(services, cw, 5)
    services.printing.render(cw, "determination_decision", claim_id, tmp_path / "single.pdf")
    outcome = services.printing.print_claims(cw, "determination_decision", [claim_id], tmp_path / "batch")
    batch_text = "".join(p.extract_text() for p in PdfReader(str(outcome.written[0])).pages)
    single_text = "".join(p.extract_text() for p in PdfReader(str(tmp_path / "single.pdf")).pages)
    assert batch_text == single_text and "张伟" in batch_text


def test_a_batch_benefit_sheet_prints_what_the_single_sheet_prints(services, ctx, cw, sup, tmp_path):
    # the sheet prints the groups a decision letter's batch leaves unread: assessment, dependants, costs, claim life
    from pypdf import PdfReader

    from tests.conftest import decided_claim
    from tests.integration.test_print_records import add_assessment

    claim_id = decided_claim(services, cw)
    add_assessment(ctx, sup, claim_id, status="approved")
    services.printing.render(cw, "benefit_calculation", claim_id, tmp_path / "single.pdf")
    outcome = services.printing.print_claims(cw, "benefit_calculation", [claim_id], tmp_path / "batch")
    batch_text = "".join(p.extract_text() for p in PdfReader(str(outcome.written[0])).pages)
    single_text = "".join(p.extract_text() for p in PdfReader(str(tmp_path / "single.pdf")).pages)
    assert batch_text == single_text and "266600.00" in batch_text.replace(",", "")


def test_a_decision_letter_batch_leaves_the_clocks_and_the_assessment_unread(services, cw, tmp_path, monkeypatch):
    import injury_desk.services.print_records as print_records

    claim_id = decided(services, cw, 6)

    def unread(*_args, **_kwargs):
        raise AssertionError("read for a form that never prints it")

    monkeypatch.setattr(print_records, "facts_for", unread)
    monkeypatch.setattr(print_records, "_printable_assessment", unread)
    outcome = services.printing.print_claims(cw, "determination_decision", [claim_id], tmp_path / "out")
    assert len(outcome.written) == 1 and not outcome.skipped
    with pytest.raises(AssertionError):
        services.printing.record_for(cw, "determination_decision", claim_id)  # a single record stays whole
