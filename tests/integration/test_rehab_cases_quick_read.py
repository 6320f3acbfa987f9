"""The rehabilitation cases list read with sqlite3 alone (the quick start's) is the one RehabService.list_cases gives,
and both match the cases as the ORM reads them (types, order, office, status, deleted rows, edit tokens)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from injury_desk.domain.errors import DomainError
from injury_desk.services.bootstrap import create_office
from injury_desk.services.rehab import CaseRow
from injury_desk.services.rehab_rows import case_rows
from tests.conftest import decided_claim

CASE = {"referral_type": "medical", "provider": "市康复医院", "budget": "1000", "opened_on": "2026-11-21"}


@pytest.fixture
def cases(db, ctx, services, cw):
    """Case ids by name: open and closed, two opened the same day, odd budgets, one deleted, one of another office."""
    claim = {day: decided_claim(services, cw, accident_date=day) for day in ("2026-11-01", "2026-10-20", "2026-10-05")}
    made = {
        "plain": services.rehab.open_case(cw, claim["2026-11-01"], CASE),
        "same_day": services.rehab.open_case(cw, claim["2026-10-20"], {**CASE, "referral_type": "vocational",
                                                                        "budget": "1234.56"}),
        "closed": services.rehab.open_case(cw, claim["2026-10-05"], {**CASE, "referral_type": "social",
                                                                      "budget": "0.07", "opened_on": "2026-11-25",
                                                                      "provider": "社区 \"康复\" 站"}),
        "with_outcome": services.rehab.open_case(cw, claim["2026-11-01"], {**CASE, "referral_type": "vocational",
                                                                            "opened_on": "2026-11-28"}),
        "deleted": services.rehab.open_case(cw, claim["2026-10-05"], {**CASE, "opened_on": "2026-11-26"}),
    }
    services.rehab.record_return_to_work(cw, made["closed"], {"outcome": "modified_job", "rtw_date": "2026-11-27"})
    services.rehab.close_case(cw, made["closed"], "2026-11-28")
    services.rehab.record_return_to_work(cw, made["with_outcome"], {"outcome": "not_returned"})
    other = create_office(ctx, code="SZ01", name="另一个服务中心", region="example",
                          users=[{"username": "cw9", "display_name": "Other Worker", "role": "caseworker",
                                  "password": "cw9-pass-123"}])["cw9"]
    # the same worker and employer, another accident: a claim is unique per worker and accident date everywhere
    other_claim = decided_claim(services, other, accident_date="2026-09-20")
    made["other_office"] = services.rehab.open_case(other, other_claim, CASE)
    con = db.raw_connection()
    with con:
        con.execute("UPDATE rehab_cases SET deleted = 1 WHERE id = ?", (made["deleted"],))
        # A timestamp written on a whole second: the edit token has no fraction then, as the ORM reads it.
        con.execute("UPDATE rehab_cases SET updated_at = '2026-11-21 08:00:00.000000' WHERE id = ?",
                    (made["plain"],))
    con.close()
    made["other_actor"] = other
    return made


def _as_the_orm_reads_it(services, actor, case_id: str) -> CaseRow:
    c = services.rehab.get_case(actor, case_id)
    return CaseRow(c.id, c.claim_id, c.claim_no, c.worker_name, c.referral_type, c.provider, c.status, c.opened_on,
                   c.closed_on, c.budget, c.rtw_outcome, c.token)


def test_the_quick_read_is_the_service_list_and_the_orm_rows(quick, services, cw, cases):
    orm = {name: _as_the_orm_reads_it(services, cw, case_id) for name, case_id in cases.items()
           if name not in ("deleted", "other_office", "other_actor")}
    newest_first = [orm["with_outcome"], orm["closed"], *sorted((orm["plain"], orm["same_day"]), key=lambda r: r.id,
                                                                reverse=True)]
    for status, expected in (("open", [r for r in newest_first if r.status == "open"]),
                             ("closed", [orm["closed"]]), (None, newest_first)):
        quick_rows = quick.read(case_rows, cw, status)
        assert quick_rows == services.rehab.list_cases(cw, status=status) == expected, status
    plain, closed = orm["plain"], orm["closed"]
    assert plain.token == "2026-11-21T08:00:00+00:00"
    assert closed.budget == Decimal("0.07") and closed.closed_on == date(2026, 11, 28)
    assert orm["same_day"].budget == Decimal("1234.56") and orm["with_outcome"].rtw_outcome == "not_returned"
    assert all(isinstance(r.opened_on, date) and isinstance(r.budget, Decimal) for r in newest_first)


def test_each_office_sees_its_own_cases_only(quick, services, cases):
    other = cases["other_actor"]
    rows = quick.read(case_rows, other, None)
    assert [r.id for r in rows] == [cases["other_office"]]
    assert rows == services.rehab.list_cases(other)


def test_a_role_without_claim_view_is_refused_by_both(quick, services, cw, cases):
    from dataclasses import replace

    nobody = replace(cw, role="no_such_role")
    for read in (lambda: quick.read(case_rows, nobody, None), lambda: services.rehab.list_cases(nobody)):
        with pytest.raises(DomainError) as caught:
            read()
        assert caught.value.key == "permission.denied"
