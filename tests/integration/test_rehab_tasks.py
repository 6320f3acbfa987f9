"""Rehabilitation tasks: upcoming, unrecorded and missed sessions, goals past their date, plans due for review."""

from __future__ import annotations

from datetime import date

from tests.conftest import worker_data
from tests.integration.test_rehab_services import CASE, decided_claim

# Today is 2026-11-28; tasks look 14 days ahead, to 2026-12-12.


def kinds(rows) -> list[tuple[str, date, int, bool, str]]:
    return [(t.kind, t.due, t.days_left, t.overdue, t.subject) for t in rows]


def test_rehab_tasks(services, cw, sup):
    claim_id = decided_claim(services, cw)
    case_id = services.rehab.open_case(cw, claim_id, CASE)  # opened 2026-11-21
    plan = services.rehab.add_plan(cw, case_id, {"drawn_up_on": "2026-11-22", "review_on": "2026-12-05"})
    book = lambda on, kind: services.rehab.schedule_session(cw, plan, {"scheduled_on": on, "kind": kind})  # noqa: E731
    unrecorded = book("2026-11-24", "理疗A")
    missed = book("2026-11-25", "理疗B")
    services.rehab.record_attendance(cw, missed, False)
    attended = book("2026-11-23", "理疗C")
    services.rehab.record_attendance(cw, attended, True)
    g1 = services.rehab.add_goal(cw, plan, {"description": "生活自理", "measure": "barthel", "baseline": "40",
                                            "target": "80", "target_date": "2026-11-25"})
    services.rehab.record_measurement(cw, g1, "2026-11-26", "60")
    g2 = services.rehab.add_goal(cw, plan, {"description": "疼痛减轻", "measure": "pain", "baseline": "8",
                                            "target": "3", "target_date": "2026-11-26"})
    services.rehab.record_measurement(cw, g2, "2026-11-24", "5")
    services.rehab.record_measurement(cw, g2, "2026-11-27", "3")  # the latest reaches the target
    services.rehab.add_goal(cw, plan, {"description": "恢复工作", "measure": "work_hours", "target": "40",
                                       "target_date": "2026-12-31"})  # not due yet

    rows = services.tasks.rehab_tasks(cw)
    assert kinds(rows) == [
        ("session_unrecorded", date(2026, 11, 24), -4, True, "理疗A"),
        ("session_missed", date(2026, 11, 25), -3, True, "理疗B"),
        ("goal_overdue", date(2026, 11, 25), -3, True, "生活自理"),
        ("plan_review", date(2026, 12, 5), 7, False, "2026-11-22"),
    ]
    assert {t.case_id for t in rows} == {case_id} and rows[0].row_id == unrecorded
    assert rows[0].worker_name == "张伟" and rows[0].provider == "市康复医院"

    # Booking the next session answers the missed one; one beyond two weeks is not a task yet.
    book("2026-12-01", "理疗D")
    book("2026-12-20", "理疗E")
    services.rehab.record_attendance(cw, unrecorded, True)
    services.rehab.record_measurement(cw, g1, "2026-11-28", "80")  # goal reached, late but reached
    # A newer plan replaces the old one, whose review is then no longer due.
    services.rehab.add_plan(cw, case_id, {"drawn_up_on": "2026-11-27", "review_on": "2026-11-27"})
    assert kinds(services.tasks.rehab_tasks(cw)) == [
        ("plan_review", date(2026, 11, 27), -1, True, "2026-11-27"),
        ("session_upcoming", date(2026, 12, 1), 3, False, "理疗D"),
    ]

    # Scope: the claims are the caseworker's; the supervisor sees them only in the office view.
    assert services.tasks.rehab_tasks(sup) == []
    assert len(services.tasks.rehab_tasks(sup, scope="office")) == 2


def test_closed_case_has_no_tasks(services, cw):
    claim_id = decided_claim(services, cw, worker=worker_data(id_number="110105198005060125", name="李娜"))
    case_id = services.rehab.open_case(cw, claim_id, CASE)
    plan = services.rehab.add_plan(cw, case_id, {"drawn_up_on": "2026-11-22", "review_on": "2026-11-25"})
    services.rehab.schedule_session(cw, plan, {"scheduled_on": "2026-11-24", "kind": "理疗"})
    assert [t.kind for t in services.tasks.rehab_tasks(cw)] == ["session_unrecorded", "plan_review"]
    services.rehab.record_return_to_work(cw, case_id, {"outcome": "not_returned"})
    services.rehab.close_case(cw, case_id, "2026-11-28")
    assert services.tasks.rehab_tasks(cw) == []
