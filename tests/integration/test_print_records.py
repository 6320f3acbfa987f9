"""Print records built from a real database for every shipped form, batches, and `injury-desk print --record` end to end."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from injury_desk.domain.errors import DomainError
from injury_desk.printing import SCHEMAS
from injury_desk.store.models import Assessment
from tests import conftest
from tests.conftest import TODAY, claim_draft, employer_data

REPO = Path(__file__).resolve().parents[2]
FIXTURE_CLAIM = json.loads((REPO / "tests" / "fixtures" / "print_records" / "claim.json").read_text(encoding="utf-8"))


def keys_of(schema: dict) -> set[str]:
    return set(schema)


def decided_claim(services, actor, *, decided_on: str = "2026-11-20", **draft) -> str:
    """Decided on Art. 14 item (1); the decision number is issued (never typed)."""
    return conftest.decided_claim(services, actor, decided_on=decided_on, basis_code="art14_1", **draft)


def add_assessment(ctx, actor, claim_id: str, status: str = "approved") -> None:
    with ctx.write(actor, "test.assessment") as s:
        s.add(Assessment(office_id=actor.office_id, claim_id=claim_id, status=status,
                         result=FIXTURE_CLAIM["assessment"], total_once_fen=26660000))


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


# ---------------------------------------------------------------- claim forms


def test_application_record_has_every_group_of_the_claim_shape(services, cw):
    claim_id = services.claims.create(cw, claim_draft())
    record = services.printing.record_for(cw, "claim_application", claim_id)
    assert keys_of(record) == keys_of(SCHEMAS["claim"])
    assert keys_of(record["claim"]) == keys_of(SCHEMAS["claim"]["claim"])
    assert keys_of(record["worker"]) == keys_of(SCHEMAS["claim"]["worker"])
    assert keys_of(record["employer"]) == keys_of(SCHEMAS["claim"]["employer"])
    assert record["form_record_id"] == claim_id and record["version"] == 0
    assert record["worker"]["name"] == "张伟" and record["worker"]["sex"] == "female"
    assert record["claim"]["office_name"] == "测试工伤保险服务中心"
    assert record["claim"]["accident_date"] == "2026-11-01"
    assert record["determination"] is None and record["assessment"] is None


def test_caseworker_gets_the_full_id_number_an_administrator_a_masked_one(services, cw, adm):
    claim_id = services.claims.create(cw, claim_draft())
    full = services.printing.record_for(cw, "claim_application", claim_id)["worker"]["id_number"]
    masked = services.printing.record_for(adm, "claim_application", claim_id)["worker"]["id_number"]
    assert "*" not in full and len(full) == 18
    assert masked[:6] == full[:6] and masked[-4:] == full[-4:] and "*" in masked


def test_documents_follow_the_lifecycle(services, cw):
    reported = services.claims.create(cw, claim_draft(applicant_type=None, application_received_on=None))
    received = services.claims.create(cw, claim_draft(accident_date="2026-10-02"))
    decided = decided_claim(services, cw, accident_date="2026-10-03")

    def present(claim_id):
        docs = services.printing.record_for(cw, "missing_documents_notice", claim_id)["documents"]
        return {d["code"]: d["present"] for d in docs}

    assert present(reported) == {"application_form": False, "labour_relation_proof": False, "medical_diagnosis": False}
    assert present(received) == {"application_form": True, "labour_relation_proof": False, "medical_diagnosis": False}
    assert present(decided) == {"application_form": True, "labour_relation_proof": True, "medical_diagnosis": True}


def test_decision_letter_needs_a_determination(services, cw):
    undecided = services.claims.create(cw, claim_draft())
    with pytest.raises(DomainError) as info:
        services.printing.record_for(cw, "determination_decision", undecided)
    assert info.value.key == "print.no_determination"
    decided = decided_claim(services, cw, accident_date="2026-10-02")
    det = services.printing.record_for(cw, "determination_decision", decided)["determination"]
    number = det.pop("decision_no")
    assert number.startswith("〔2026〕") and number.endswith("第0001号")  # issued, never typed
    assert det == {"outcome": "recognised", "decided_on": "2026-11-20",
                   "basis": "《工伤保险条例》第十四条第（一）项：“在工作时间和工作场所内，因工作原因受到事故伤害的”",
                   "basis_en": "Regulation on Work-Related Injury Insurance, Art. 14 item (1): “injured in an accident "
                               "at work, during working hours and at the workplace, for reasons of work”"}


def test_benefit_sheet_needs_an_assessment_and_prefers_the_approved_one(services, ctx, cw, sup, tmp_path):
    claim_id = decided_claim(services, cw)
    with pytest.raises(DomainError) as info:
        services.printing.record_for(cw, "benefit_calculation", claim_id)
    assert info.value.key == "print.no_assessment"
    add_assessment(ctx, sup, claim_id, status="returned")
    with pytest.raises(DomainError):
        services.printing.record_for(cw, "benefit_calculation", claim_id)  # a returned proposal is no basis
    add_assessment(ctx, sup, claim_id, status="approved")
    record = services.printing.record_for(cw, "benefit_calculation", claim_id)
    assert record["assessment"]["total_once"] == "266600.00"
    assert [i["code"] for i in record["assessment"]["items"]][:2] == ["wage_base", "one_time_disability_subsidy"]
    out = tmp_path / "sheet.pdf"
    services.printing.render(cw, "benefit_calculation", claim_id, out)
    text = pdf_text(out)
    assert "80,600.00" in text or "80600.00" in text
    assert "266,600.00" in text or "266600.00" in text


def test_unknown_claim_and_unknown_form_are_refused(services, cw):
    with pytest.raises(DomainError) as info:
        services.printing.record_for(cw, "claim_application", "no-such-claim")
    assert info.value.key == "claim.not_found"
    with pytest.raises(DomainError) as info:
        services.printing.record_for(cw, "no_such_form", "x")
    assert info.value.key == "print.unknown_form"


def test_blank_only_for_fill_in_forms(services, cw, tmp_path):
    assert services.printing.render(cw, "claim_application", None, tmp_path / "blank.pdf") >= 1
    with pytest.raises(DomainError) as info:
        services.printing.render(cw, "determination_decision", None, tmp_path / "no.pdf")
    assert info.value.key == "print.form_not_fill_in"


# ---------------------------------------------------------------- rehabilitation plan and inspection report


def test_rehab_plan_record(services, cw, tmp_path):
    claim_id = decided_claim(services, cw)
    case_id = services.rehab.open_case(cw, claim_id, {"referral_type": "medical", "provider": "市工伤康复中心",
                                                      "budget": "20000.00", "opened_on": "2026-11-21"})
    record = services.printing.record_for(cw, "rehabilitation_plan", case_id)
    assert record["case"]["status"] == "referred" and record["goals"] == [] and record["sessions"] == []
    plan_id = services.rehab.add_plan(cw, case_id, {"drawn_up_on": "2026-11-22", "notes": "握力训练为主"})
    services.rehab.add_goal(cw, plan_id, {"description": "恢复握力", "measure": "握力计", "baseline": "12 kg",
                                          "target": "30 kg", "target_date": "2027-02-01"})
    services.rehab.schedule_session(cw, plan_id, {"scheduled_on": "2026-11-25", "kind": "medical", "cost": "300.00",
                                                  "notes": "手功能训练"})
    record = services.printing.record_for(cw, "rehabilitation_plan", case_id)
    assert keys_of(record["case"]) == keys_of(SCHEMAS["rehab_plan"]["case"])
    assert record["form_record_id"] == case_id
    assert record["case"]["status"] == "in_progress"  # a session on 2026-11-25 is before TODAY
    assert record["case"]["claim_no"].startswith("GZ01-")
    assert record["case"]["start_date"] == "2026-11-22" and record["case"]["planned_end_date"] == "2027-02-01"
    assert record["case"]["summary"] == "握力训练为主"
    assert record["goals"][0]["target"] == "30 kg"
    assert record["sessions"][0] == {"scheduled_on": "2026-11-25", "kind": "medical", "provider": "市工伤康复中心",
                                     "duration_min": None, "notes": "手功能训练"}
    out = tmp_path / "plan.pdf"
    services.printing.render(cw, "rehabilitation_plan", case_id, out)
    assert "恢复握力" in pdf_text(out)
    # A goal on a standard scale prints the scale's name, not its key.
    services.rehab.add_goal(cw, plan_id, {"description": "生活自理", "measure": "barthel", "baseline": "55",
                                          "target": "95", "target_date": "2027-03-01"})
    services.printing.render(cw, "rehabilitation_plan", case_id, out, language="en")
    text = pdf_text(out)
    assert "Barthel index (0–100)" in text and "barthel" not in text


def test_inspection_record(services, cw, tmp_path):
    employer_id = services.employers.create(cw, employer_data())
    insp = services.inspections.plan_inspection(cw, {"employer_id": employer_id, "planned_on": "2026-11-03"})
    services.inspections.record_inspection(cw, insp, {"inspected_on": "2026-11-02", "summary": "冲压线护栏缺失"})
    hazard = services.inspections.add_hazard(cw, insp, {"category": "机械", "severity": "high",
                                                       "location": "二号车间", "description": "护栏缺失"})
    services.inspections.add_action(cw, hazard, {"description": "加装护栏", "owner": "设备科", "due_date": "2026-12-15"})
    services.inspections.plan_inspection(cw, {"employer_id": employer_id, "planned_on": "2027-01-10"})
    record = services.printing.record_for(cw, "inspection_report", insp)
    assert keys_of(record["inspection"]) == keys_of(SCHEMAS["inspection"]["inspection"])
    assert record["inspection"]["inspected_on"] == "2026-11-02"
    assert record["inspection"]["next_due"] == "2027-01-10"
    assert record["employer"]["name"] == employer_data()["name"]
    assert record["hazards"] == [{"category": "机械", "severity": "high", "location": "二号车间", "description": "护栏缺失",
                                  "actions": [{"description": "加装护栏", "owner": "设备科", "due_date": "2026-12-15",
                                               "status": "open"}]}]
    out = tmp_path / "insp.pdf"
    services.printing.render(cw, "inspection_report", insp, out)
    assert "加装护栏" in pdf_text(out)


# ---------------------------------------------------------------- batches


def test_decision_letters_of_a_day_and_a_batch_that_skips_what_it_cannot_print(services, cw, tmp_path):
    first = decided_claim(services, cw)
    second = decided_claim(services, cw, accident_date="2026-10-02", decided_on="2026-11-21")
    undecided = services.claims.create(cw, claim_draft(accident_date="2026-10-03"))
    assert services.printing.decision_letters_approved_on(cw, date(2026, 11, 20)) == [first]
    assert services.printing.decision_letters_approved_on(cw, date(2026, 11, 21)) == [second]
    assert TODAY not in (date(2026, 11, 20), date(2026, 11, 21))
    assert services.printing.decision_letters_approved_on(cw) == []  # the default day is the context's today
    seen = []
    outcome = services.printing.print_claims(cw, "determination_decision", [first, undecided, second], tmp_path / "out",
                                             progress=lambda d, t: seen.append((d, t)))
    number = {claim: services.claims.get(cw, claim).claim_no for claim in (first, second)}
    assert [p.name for p in outcome.written] == [f"determination_decision-{number[first]}.pdf",
                                                 f"determination_decision-{number[second]}.pdf"]
    assert outcome.skipped == [(undecided, "print.no_determination",
                                {"claim_no": services.claims.get(cw, undecided).claim_no})]
    assert seen == [(1, 3), (2, 3), (3, 3)] and not outcome.cancelled
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in outcome.written)


def test_a_cancelled_batch_stops_before_the_next_claim(services, cw, tmp_path):
    ids = [services.claims.create(cw, claim_draft(accident_date=f"2026-10-0{day}")) for day in (1, 2, 3)]
    calls = []
    outcome = services.printing.print_claims(cw, "claim_application", ids, tmp_path / "out",
                                             progress=lambda d, t: calls.append(d), cancelled=lambda: len(calls) >= 1)
    assert outcome.cancelled and len(outcome.written) == 1 and len(list((tmp_path / "out").iterdir())) == 1


def test_two_claims_whose_numbers_make_one_file_name_get_a_file_each(services, cw, tmp_path):
    from sqlalchemy import update

    from injury_desk.store.models import Claim

    first = services.claims.create(cw, claim_draft())
    second = services.claims.create(cw, claim_draft(accident_date="2026-10-02"))
    third = services.claims.create(cw, claim_draft(accident_date="2026-10-03"))
    # Imported numbers are free text: "/" cannot be in a file name and becomes "_"; Windows ignores case.
    with services.ctx.db.write_pulled(None, "test.numbers") as s:
        for claim_id, number in ((first, "GZ/2026/1"), (second, "GZ_2026_1"), (third, "gz_2026_1")):
            s.execute(update(Claim).where(Claim.id == claim_id).values(claim_no=number))
    outcome = services.printing.print_claims(cw, "claim_application", [first, second, third], tmp_path / "out")
    assert [p.name for p in outcome.written] == ["claim_application-GZ_2026_1.pdf",
                                                 "claim_application-GZ_2026_1-2.pdf",
                                                 "claim_application-gz_2026_1-3.pdf"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in outcome.written)
    assert "GZ_2026_1" in pdf_text(outcome.written[1]) and "gz_2026_1" in pdf_text(outcome.written[2])


def test_a_claim_named_twice_in_a_batch_is_printed_once(services, cw, tmp_path):
    first = services.claims.create(cw, claim_draft())
    second = services.claims.create(cw, claim_draft(accident_date="2026-10-02"))
    outcome = services.printing.print_claims(cw, "claim_application", [first, second, first], tmp_path / "out")
    # Two files, said as two: the count the user reads matches the folder.
    assert outcome.total == 2 and len(outcome.written) == 2 and not outcome.skipped
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in outcome.written)


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and POSIX modes")
def test_a_batch_skips_a_letter_whose_name_is_a_pipe_and_writes_the_rest_private(services, cw, tmp_path):
    first = decided_claim(services, cw)
    second = decided_claim(services, cw, accident_date="2026-10-02", decided_on="2026-11-21")
    number = {claim: services.claims.get(cw, claim).claim_no for claim in (first, second)}
    out = tmp_path / "out"
    out.mkdir()
    pipe = out / f"determination_decision-{number[first]}.pdf"
    os.mkfifo(pipe)  # what a user or another program left under the letter's name: never replaced by a file
    outcome = services.printing.print_claims(cw, "determination_decision", [first, second], out)
    assert outcome.skipped == [(first, "output.not_a_file", {"field": "file", "path": str(pipe)})]
    assert [p.name for p in outcome.written] == [f"determination_decision-{number[second]}.pdf"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert sorted(p.name for p in out.iterdir()) == sorted([pipe.name, outcome.written[0].name])  # no .part left
    assert stat.S_IMODE(outcome.written[0].stat().st_mode) == 0o600  # a letter names a person and their injury


def test_a_batch_skips_a_letter_whose_name_is_a_folder_and_prints_the_rest(services, cw, tmp_path):
    first = services.claims.create(cw, claim_draft())
    second = services.claims.create(cw, claim_draft(accident_date="2026-10-02"))
    out = tmp_path / "out"
    taken = out / f"claim_application-{services.claims.get(cw, first).claim_no}.pdf"
    (taken / "kept").mkdir(parents=True)  # someone's folder under the first letter's name: left as it is
    outcome = services.printing.print_claims(cw, "claim_application", [first, second], out)
    assert outcome.skipped == [(first, "output.is_a_folder", {"field": "file", "path": str(taken)})]
    assert [p.name for p in outcome.written] == [f"claim_application-{services.claims.get(cw, second).claim_no}.pdf"]
    assert sorted(p.name for p in out.iterdir()) == sorted([taken.name, outcome.written[0].name])
    assert [p.name for p in taken.iterdir()] == ["kept"]


def test_a_failure_while_writing_a_letter_keeps_the_older_file(services, cw, tmp_path, monkeypatch):
    from injury_desk.printing import render

    claim_id = services.claims.create(cw, claim_draft())
    out = tmp_path / "out"
    out.mkdir()
    older = out / f"claim_application-{services.claims.get(cw, claim_id).claim_no}.pdf"
    older.write_bytes(b"%PDF-1.4 the letter printed yesterday")

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(render.Canvas, "save", disk_full)
    with pytest.raises(DomainError) as stopped:
        services.printing.print_claims(cw, "claim_application", [claim_id], out)
    assert (stopped.value.key, stopped.value.params["reason"]) == ("print.output_unwritable", "No space left on device")
    assert older.read_bytes() == b"%PDF-1.4 the letter printed yesterday" and [p.name for p in out.iterdir()] == [
        older.name]


# ---------------------------------------------------------------- command line


def test_a_record_of_another_office_is_not_printed(services, cw, ctx):
    from injury_desk.services.bootstrap import create_office

    claim_id = services.claims.create(cw, claim_draft())
    other = create_office(ctx, code="SZ01", name="深圳中心", region="example",
                          users=[{"username": "sz", "display_name": "SZ", "role": "caseworker",
                                  "password": "sz-pass-1234"}])["sz"]
    with pytest.raises(DomainError) as info:
        services.printing.record_for(other, "claim_application", claim_id)
    assert info.value.key == "permission.other_office"


def test_print_command_with_a_record_from_the_database(services, cw, db, tmp_path):
    claim_id = services.claims.create(cw, claim_draft())
    claim_no = services.claims.get(cw, claim_id).claim_no
    out = tmp_path / "x.pdf"
    def print_as(*args, folder=db.path.parent, **env):
        return subprocess.run([sys.executable, "-m", "injury_desk", "print", *args, "--data-dir", str(folder)],
                              capture_output=True, text=True, encoding="utf-8", cwd=REPO, timeout=120,
                              env={**os.environ, **env}, stdin=subprocess.DEVNULL)

    nobody = print_as("claim_application", "--record", claim_id, "-o", str(out))
    assert nobody.returncode == 2 and "cli.user_required" in nobody.stderr and not out.exists()
    wrong = print_as("claim_application", "--record", claim_id, "-o", str(out), "--user", "cw",
                     INJURY_DESK_PASSWORD="not-the-password")
    assert wrong.returncode == 2 and "auth.invalid_credentials" in wrong.stderr and not out.exists()
    result = print_as("claim_application", "--record", claim_id, "-o", str(out), "--user", "cw",
                      INJURY_DESK_PASSWORD="cw-pass-123")
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "张伟" in text and claim_no in text
    missing = print_as("determination_decision", "--record", claim_id, "-o", str(tmp_path / "y.pdf"), "--user", "cw",
                       INJURY_DESK_PASSWORD="cw-pass-123")
    assert missing.returncode == 2 and "print.no_determination" in missing.stderr
    empty = print_as("claim_application", "--record", claim_id, "-o", str(out), folder=tmp_path / "none")
    assert empty.returncode == 2 and "store.no_database" in empty.stderr and not (tmp_path / "none").exists()
    assert not (tmp_path / "y.pdf").exists()


def test_chinese_calculation_sheet_has_chinese_formulas_and_legal_bases(services, ctx, cw, sup, tmp_path):
    """Under 计算公式 the engine's formulas and bases print in Chinese, not the engine's English (issue 14)."""
    from injury_desk.domain.compensation import calculate, load_rules, parse_calc_input
    from injury_desk.services.assessments import result_record

    rules = load_rules(REPO / "resources" / "rules")
    doc = {"injury_date": "2025-03-10", "regional_average_monthly_wage": "8000", "average_monthly_wage": "6000",
           "disability_grade": 7, "suspension_months": 3}
    result = result_record(calculate(parse_calc_input(doc, rules), rules))
    claim_id = decided_claim(services, cw)
    with ctx.write(sup, "test.assessment") as s:
        s.add(Assessment(office_id=sup.office_id, claim_id=claim_id, status="approved", result=result,
                         total_once_fen=0))
    out = tmp_path / "sheet-zh.pdf"
    services.printing.render(cw, "benefit_calculation", claim_id, out, language="zh")
    text = "".join(pdf_text(out).split())  # cells wrap anywhere
    assert "计算公式" in text
    # grade 7: 13 months of the wage base (Art. 37): 13 × 6,000.00 = 78,000.00
    assert "13个月×本人工资6,000.00=78,000.00" in text
    assert "《工伤保险条例》（2010年修订）第三十七条" in text
    assert "3个月×本人原工资6,000.00（不受上下限限制）=18,000.00" in text
    for english in ("wagebase", "months×", "Regulationon", "Art."):
        assert english not in text, english
