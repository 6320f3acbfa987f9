"""The employers list's plain read (services.employer_rows) on the quick start's connection answers as the employer
service does, row for row and field for field, on employers of every kind."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from injury_desk.domain.errors import DomainError
from injury_desk.domain.identifiers import make_credit_code
from injury_desk.services.bootstrap import create_office
from injury_desk.services.employer_rows import employer_list
from injury_desk.store.sql_values import stored_token
from tests.conftest import employer_data


def _code(n: int) -> str:
    return make_credit_code(f"91350100MA{n:07d}")


@pytest.fixture
def employers(db, ctx, services, cw):
    """employer id by a short name: insured or not, with and without cover dates, a name with LIKE's wildcard
    characters and one they would match were they not escaped, an industry left blank, namesakes, a deleted one
    and one of another office; two with timestamps stored as the demo seeding writes them."""
    made = {
        "machinery": services.employers.create(cw, employer_data(credit_code=_code(1))),
        "logistics": services.employers.create(cw, employer_data(
            credit_code=_code(2), name="榕城物流公司", industry="交通运输业", risk_class=5, headcount=40,
            insured=False)),
        "wildcards": services.employers.create(cw, employer_data(
            credit_code=_code(3), name="100%_安全 Ltd", industry="", risk_class=1, headcount=0, address="",
            contact_name="", contact_phone="", insured=True, insured_from="2020-01-01", insured_to="2026-12-31")),
        "lookalike": services.employers.create(cw, employer_data(
            credit_code=_code(4), name="100 安全 ltd", industry="制造业", risk_class=8, insured_from="2024-05-01")),
        "namesake": services.employers.create(cw, employer_data(credit_code=_code(5), name="福州示例机械有限公司")),
        "deleted": services.employers.create(cw, employer_data(credit_code=_code(6), name="已注销公司")),
    }
    xm = create_office(ctx, code="XM01", name="厦门工伤保险服务中心", region="example",
                       users=[{"username": "xm", "display_name": "Xiamen", "role": "caseworker",
                               "password": "xm-pass-123"}])["xm"]
    made["other_office"] = services.employers.create(xm, employer_data(credit_code=_code(7), name="厦门物流公司"))
    con = db.raw_connection()
    with con:
        con.execute("UPDATE employers SET deleted = 1 WHERE id = ?", (made["deleted"],))
        con.execute("UPDATE employers SET updated_at = '2026-11-28 08:00:00' WHERE id = ?", (made["machinery"],))
        con.execute("UPDATE employers SET updated_at = '2026-11-28 08:00:00.000100' WHERE id = ?",
                    (made["namesake"],))
    con.close()
    return made


SEARCHES = [
    {},
    {"text": "物流"},
    {"text": "  100%_ "},  # the wildcards as written, the spaces around trimmed
    {"text": "ltd"},  # LIKE ignores the case of Latin letters, as the ORM's did
    {"text": _code(1)[:8].lower()},  # the start of a credit code, typed in lower case
    {"text": _code(2)[-4:]},  # the end of a code is no start of one: nothing
    {"industry": "制造业"},
    {"risk_class": 5},
    {"industry": "制造业", "risk_class": 3},
    {"limit": 2},
]


@pytest.mark.parametrize("search", SEARCHES, ids=[repr(s) for s in SEARCHES])
def test_the_quick_start_finds_what_the_service_finds(quick, services, cw, employers, search):
    args = (search.get("text", ""), search.get("industry", ""), search.get("risk_class"), search.get("limit", 200))
    from_quick = quick.read(employer_list, cw, *args)
    from_service = services.employers.search(cw, args[0], industry=args[1], risk_class=args[2], limit=args[3])
    assert from_quick == from_service


def test_what_each_search_finds(quick, cw, employers):
    def found(*args) -> list[str]:
        by_id = {v: k for k, v in employers.items()}
        return [by_id[e.id] for e in quick.read(employer_list, cw, *args)]

    everyone = found()
    # by name in code point order (" " before "%", "1" before "榕" before "福"), namesakes in a fixed order; the
    # deleted one and the other office's left out
    assert everyone[:3] == ["lookalike", "wildcards", "logistics"] and sorted(everyone[3:]) == ["machinery", "namesake"]
    assert found("100%_") == ["wildcards"]
    assert found("LTD") == ["lookalike", "wildcards"]
    assert found(_code(1)[:8].lower()) == everyone
    assert found(_code(2)[-4:]) == []
    assert found("", "制造业", 3) == everyone[3:]
    assert found("", "", 5) == ["logistics"]
    assert found("", "", None, 1) == everyone[:1]


def test_rows_are_typed_as_the_editor_reads_them(quick, services, cw, employers):
    rows = {e.id: e for e in quick.read(employer_list, cw)}
    for employer_id, row in rows.items():
        assert row == services.employers.get(cw, employer_id)  # the edit token too: the list's row can be saved
    wildcards, logistics = rows[employers["wildcards"]], rows[employers["logistics"]]
    assert (wildcards.insured, wildcards.insured_from, wildcards.insured_to) == (True, date(2020, 1, 1),
                                                                                date(2026, 12, 31))
    assert (logistics.insured, logistics.insured_from, logistics.insured_to) == (False, None, None)
    assert isinstance(wildcards.risk_class, int) and wildcards.industry == ""
    assert rows[employers["machinery"]].token == "2026-11-28T08:00:00+00:00"


def test_stored_token_is_the_orm_timestamp_in_iso_form():
    assert stored_token("2026-11-28 08:00:00.123456") == "2026-11-28T08:00:00.123456+00:00"
    assert stored_token("2026-11-28 08:00:00.000000") == "2026-11-28T08:00:00+00:00"
    assert stored_token("2026-11-28T16:00:00+08:00") == "2026-11-28T16:00:00+08:00"


def test_both_refuse_whom_the_service_refuses(quick, services, cw, employers):
    stranger = dataclasses.replace(cw, role="visitor")
    for read in (lambda: quick.read(employer_list, stranger), lambda: services.employers.search(stranger)):
        with pytest.raises(DomainError) as refused:
            read()
        assert refused.value.key == "permission.denied"
