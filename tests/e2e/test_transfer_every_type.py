"""Every record type travels: a file with one record of each imports into an office, its export imports into
an empty office, and that office exports the same file (issue 13, import and export of every record type)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from injury_desk.services.record_schema import MODELS
from injury_desk.store import cipher, db_key

DB = "injury_desk.sqlite3"
SUPERVISOR = {"INJURY_DESK_USER": "supervisor", "INJURY_DESK_PASSWORD": "demo-supervisor"}
PHOTO = b"\xff\xd8\xff\xe0 not really a jpeg, but bytes are bytes \x00\x01\x02"


def cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INJURY_DESK_")}
    env.update(SUPERVISOR)
    return subprocess.run([sys.executable, "-m", "injury_desk", *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, env=env, timeout=300, stdin=subprocess.DEVNULL)


def connect_db(data_dir: Path):
    path = data_dir / DB
    return cipher.connect(path, db_key.load_key(path))


def empty_office(folder: Path) -> str:
    """A new office database with its supervisor and no records, made as enrolment would make it (no raw
    edits: `check` verifies every row against its audit record)."""
    from injury_desk.services.bootstrap import create_office
    from injury_desk.services.context import ServiceContext
    from injury_desk.store.database import open_database

    db = open_database(folder)
    try:
        actors = create_office(ServiceContext(db=db), code="FZ01", name="福州测试工伤保险服务中心", region="example",
                               users=[{"username": "supervisor", "display_name": "李强", "role": "supervisor",
                                       "password": SUPERVISOR["INJURY_DESK_PASSWORD"]}])
    finally:
        db.dispose()
    return actors["supervisor"].user_id


def ids(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def every_type(folder: Path, user: str) -> list[dict]:
    (folder / "files").mkdir()
    (folder / "files" / "photo.jpg").write_bytes(PHOTO)
    e, p, inc, insp, hz, c, a, plan, goal, doc = (ids(i) for i in range(1, 11))
    return [
        {"type": "employer", "id": e, "credit_code": "91350100M000100Y43", "name": "福州测试机械有限公司",
         "risk_class": 3, "headcount": 120},
        {"type": "employer_headcount", "employer_id": e, "year": 2025, "headcount": 118, "source": "社保缴费人数"},
        {"type": "person", "id": p, "id_number": "110105199002281234", "name": "王五\u2028（别名）"},
        {"type": "incident", "id": inc, "employer_id": e, "person_id": p, "kind": "accident",
         "occurred_on": "2026-01-05", "place": "二号车间", "days_lost": 3},
        {"type": "prevention_spend", "kind": "project", "title": "冲压线防护改造", "spent_on": "2026-02-01",
         "amount": "12000.50", "employer_id": e, "reference": "榕人社〔2026〕1号"},
        {"type": "inspection", "id": insp, "employer_id": e, "planned_on": "2026-01-10", "inspected_on": "2026-01-10",
         "inspector": "刘洋", "status": "done", "summary": "防护罩缺失"},
        {"type": "hazard", "id": hz, "inspection_id": insp, "employer_id": e, "category": "机械防护",
         "severity": "high", "location": "冲压线", "status": "open"},
        {"type": "corrective_action", "hazard_id": hz, "description": "加装防护罩", "owner": "张工",
         "due_date": "2026-03-01", "status": "open"},
        {"type": "training_session", "employer_id": e, "topic": "冲压安全", "held_on": "2026-01-20",
         "attendee_count": 12, "cost": "800.00"},
        {"type": "claim", "id": c, "worker_id": p, "employer_id": e, "incident_id": inc, "status": "payment",
         "accident_date": "2026-01-05", "accident_time": "09:30", "accident_place": "二号车间",
         "circumstances": "操作冲压机时右手被压伤。", "body_parts": "右手", "diagnosis": "右手中指骨折",
         "applicant_type": "employer", "application_received_on": "2026-01-10", "accepted_on": "2026-01-12"},
        {"type": "determination", "claim_id": c, "outcome": "recognised", "decided_on": "2026-02-10",
         "basis": "《工伤保险条例》第十四条第（一）项", "decision_no": "榕人社工认〔2026〕7号"},
        {"type": "determination_suspension", "claim_id": c, "started_on": "2026-01-20", "ended_on": "2026-01-25",
         "reason": "等待职业病诊断"},
        {"type": "decision_document", "id": doc, "claim_id": c, "kind": "determination_decision",
         "number": "榕人社工认〔2026〕7号", "year": 2026, "issued_on": "2026-02-10"},
        {"type": "delivery", "claim_id": c, "document_kind": "determination_decision", "document_id": doc,
         "delivered_on": "2026-02-12", "recipient": "worker", "method": "post"},
        {"type": "claim_note", "claim_id": c, "written_at": "2026-02-11T08:30:00+00:00", "written_by": user,
         "text": "已电话告知工人认定结论。"},
        {"type": "appraisal", "claim_id": c, "requested_on": "2026-02-15", "appraised_on": "2026-03-20",
         "disability_grade": 8, "nursing_level": "none"},
        {"type": "wage_record", "claim_id": c, "month": "2025-12", "amount": "6000.00"},
        {"type": "assessment", "id": a, "claim_id": c, "status": "approved",
         "inputs": {"monthly_wages": ["6000.00"], "disability_grade": 8},
         "result": {"items": [{"code": "one_time_disability_subsidy", "amount": "66000.00"}]},
         "rules_version": "national-2025-01", "params_version": "example-2025", "total_once": "66000.00",
         "total_monthly": "0.00", "proposed_by": user, "proposed_at": "2026-03-25T02:00:00+00:00",
         "decided_by": user, "decided_at": "2026-03-26T03:00:00+00:00"},
        {"type": "payment", "claim_id": c, "assessment_id": a, "item_code": "one_time_disability_subsidy",
         "payer": "fund", "due_on": "2026-04-01", "amount": "66000.00", "status": "paid", "paid_on": "2026-04-02",
         "reference": "转账 0001"},
        {"type": "dependant", "claim_id": c, "name": "王小妹", "relation": "child", "sex": "F",
         "birth_date": "2015-06-01", "condition": "child_under_age", "payee": "李红", "ended_by": "adoption",
         "ended_on": "2026-05-01"},
        {"type": "claim_cost", "claim_id": c, "kind": "hospital_meal", "incurred_on": "2026-01-06",
         "receipt_ref": "出院记录 2026-88", "payer": "fund", "amount": "270.00", "days": 9, "daily_rate": "30.00",
         "status": "approved", "proposed_by": user, "proposed_at": "2026-01-20T02:00:00+00:00", "decided_by": user,
         "decided_at": "2026-01-21T02:00:00+00:00"},
        {"type": "recurrence", "claim_id": c, "occurred_on": "2026-05-04", "reason": "内固定松动，疼痛复发",
         "confirmed_by": "榕劳鉴复〔2026〕7号", "recorded_by": user, "stop_work_started_on": "2026-05-04",
         "stop_work_months": 12, "stop_work_ended_on": "2026-08-03", "nursing_needed": True},
        {"type": "fund_advance", "claim_id": c, "kind": "advance", "dated_on": "2026-04-01", "amount": "66000.00",
         "reference": "榕社保先支〔2026〕3号", "recorded_by": user},
        {"type": "missing_worker", "claim_id": c, "circumstance": "away_on_work", "reported_on": "2026-03-21",
         "recorded_by": user, "advance": "50000.00", "advance_on": "2026-06-01", "advance_ref": "榕社保预支〔2026〕1号",
         "advance_by": user, "outcome": "declared_dead", "outcome_on": "2026-09-01",
         "outcome_ref": "（2026）闽0102民特12号", "outcome_by": user},
        {"type": "rehab_case", "id": ids(11), "claim_id": c, "referral_type": "medical", "provider": "福州市工伤康复医院",
         "budget": "20000.00", "opened_on": "2026-03-27"},
        {"type": "rehab_plan", "id": plan, "case_id": ids(11), "drawn_up_on": "2026-03-28", "review_on": "2026-06-28"},
        {"type": "rehab_goal", "id": goal, "plan_id": plan, "description": "右手握力恢复", "measure": "grip_kg",
         "baseline": "10", "target": "30", "target_date": "2026-09-01"},
        {"type": "rehab_session", "plan_id": plan, "scheduled_on": "2026-04-01", "kind": "作业治疗",
         "attended": True, "cost": "300.00"},
        {"type": "rehab_measurement", "goal_id": goal, "measured_on": "2026-04-01", "value": "14"},
        {"type": "attachment", "owner_table": "inspections", "owner_id": insp, "file_name": "photo.jpg",
         "media_type": "image/jpeg", "file": "files/photo.jpg", "sha256": hashlib.sha256(PHOTO).hexdigest(),
         "note": "现场照片"},
    ]


def test_every_record_type_round_trips_through_export_and_import(tmp_path):
    first = tmp_path / "first"
    user = empty_office(first)
    records = every_type(tmp_path, user)
    assert {r["type"] for r in records} == set(MODELS)  # the file holds every type there is
    source = tmp_path / "office.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    done = cli("import", str(source), data_dir=first)
    assert done.returncode == 0, done.stderr
    exported = tmp_path / "out" / "export.jsonl"
    exported.parent.mkdir()
    assert cli("export", str(exported), data_dir=first).returncode == 0
    lines = exported.read_text(encoding="utf-8").splitlines()
    assert {json.loads(x)["type"] for x in lines} == set(MODELS)
    # The approved assessment stays approved with its rule versions; the attachment's bytes travel by file.
    assessment = next(json.loads(x) for x in lines if json.loads(x)["type"] == "assessment")
    assert (assessment["status"], assessment["rules_version"], assessment["params_version"]) == (
        "approved", "national-2025-01", "example-2025")
    attachment = next(json.loads(x) for x in lines if json.loads(x)["type"] == "attachment")
    assert (exported.parent / attachment["file"]).read_bytes() == PHOTO

    second = tmp_path / "second"
    empty_office(second)
    done = cli("import", str(exported), data_dir=second)
    assert done.returncode == 0, done.stderr
    again = tmp_path / "again" / "export.jsonl"
    again.parent.mkdir()
    assert cli("export", str(again), data_dir=second).returncode == 0
    assert sorted(again.read_text(encoding="utf-8").splitlines()) == sorted(lines)
    con = connect_db(second)
    assert con.execute("SELECT content FROM attachments WHERE deleted = 0").fetchone()[0] == PHOTO
    assert con.execute("SELECT status FROM claims WHERE deleted = 0").fetchone()[0] == "payment"
    con.close()
    assert cli("check", data_dir=second).returncode == 0


def test_an_attachment_whose_file_does_not_match_its_hash_is_refused(tmp_path):
    office = tmp_path / "office"
    user = empty_office(office)
    records = [r for r in every_type(tmp_path, user) if r["type"] in ("employer", "inspection", "attachment")]
    records[-1]["sha256"] = "0" * 64
    f = tmp_path / "in.jsonl"
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    done = cli("import", str(f), data_dir=office)
    assert done.returncode == 1
    assert f"{f}:3: sha256: import.attachment_hash" in done.stderr
