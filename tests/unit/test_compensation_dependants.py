"""The dependants register (Art. 39(2), 《因工死亡职工供养亲属范围规定》) by example, with the numbers worked out
by hand: shares, the cap at the worker's wage, the events that end a pension, and the register's checks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from injury_desk.domain.compensation import load_rules
from injury_desk.domain.compensation.dependants import (
    Dependant,
    Event,
    ending,
    endings_within,
    pension_for_month,
    register_errors,
)

RULES_DIR = Path(__file__).resolve().parents[2] / "resources" / "rules"
DEATH = date(2025, 3, 10)
BASE = Decimal("6000.00")


@pytest.fixture(scope="module")
def rules():
    return load_rules(RULES_DIR).national_for(DEATH).register_rules


def person(key, relation, birth, condition, sex="female", **kw):
    return Dependant(key=key, name=key.title(), relation=relation, sex=sex, birth_date=date.fromisoformat(birth),
                     condition=condition, **kw)


SPOUSE = person("wife", "spouse", "1968-02-01", "spouse_of_age")  # 57 at the death
CHILD_A = person("anna", "child", "2010-06-15", "child_under_age", payee="Wife")  # 18 on 2028-06-15
CHILD_B = person("bo", "child", "2012-06-01", "child_under_age", sex="male", payee="Wife")  # 18 on 2030-06-01
FATHER = person("father", "parent", "1950-01-01", "parent_of_age", sex="male")
FAMILY = (SPOUSE, CHILD_A, CHILD_B, FATHER)


def paid(register, month, rules):
    result = pension_for_month(register, date.fromisoformat(month), DEATH, BASE, rules)
    return {line.dependant.key: line.amount for line in result.lines}, result


# --- shares and the cap (Art. 39(2)) ---------------------------------------------------------------


def test_shares_above_the_cap_are_cut_in_proportion(rules):
    amounts, result = paid(FAMILY, "2025-04-01", rules)
    # 40 + 30 + 30 + 30 = 130 % > 100 %: the cap is 6,000. Spouse 6,000 × 40/130 = 1,846.153… -> 1,846.15;
    # each other 6,000 × 30/130 = 1,384.615… -> 1,384.62; the sum 6,000.01 is one fen over, taken from the
    # largest share (the spouse): 1,846.14
    assert result.capped and result.total_share == Decimal("1.30")
    assert amounts == {"wife": Decimal("1846.14"), "anna": Decimal("1384.62"), "bo": Decimal("1384.62"),
                       "father": Decimal("1384.62")}
    assert result.total == BASE


def test_shares_exactly_at_the_cap_are_not_cut(rules):
    amounts, result = paid((SPOUSE, CHILD_A, FATHER), "2025-04-01", rules)
    # 40 + 30 + 30 = 100 %: 2,400 + 1,800 + 1,800 = 6,000
    assert not result.capped
    assert amounts == {"wife": Decimal("2400.00"), "anna": Decimal("1800.00"), "father": Decimal("1800.00")}


def test_an_orphan_gets_ten_percent_more(rules):
    orphan = person("lin", "child", "2015-01-01", "child_under_age", lonely_elderly_or_orphan=True)
    amounts, _ = paid((orphan,), "2025-04-01", rules)
    assert amounts == {"lin": Decimal("2400.00")}  # (30 + 10) % × 6,000


def test_each_payment_names_its_payee(rules):
    _, result = paid(FAMILY, "2025-04-01", rules)
    assert [line.dependant.paid_to for line in result.lines] == ["Wife", "Wife", "Wife", "Father"]


# --- when the pension starts and ends (Art. 4 of the Provisions) -----------------------------------


def test_paid_from_the_month_after_the_death(rules):
    assert paid(FAMILY, "2025-03-01", rules)[0] == {}
    assert len(paid(FAMILY, "2025-04-01", rules)[0]) == 4


def test_a_child_is_paid_through_the_month_of_the_18th_birthday(rules):
    # Anna turns 18 on 2028-06-15: entitled on 1 June, so June is paid; from July the other three share
    # 40 + 30 + 30 = 100 %: no longer cut
    june, _ = paid(FAMILY, "2028-06-01", rules)
    july, result = paid(FAMILY, "2028-07-01", rules)
    assert "anna" in june and "anna" not in july
    assert july == {"wife": Decimal("2400.00"), "bo": Decimal("1800.00"), "father": Decimal("1800.00")}
    assert not result.capped
    assert ending(CHILD_A, rules).on == date(2028, 6, 15) and ending(CHILD_A, rules).reason == "age_limit"


def test_a_birthday_on_the_first_ends_the_pension_after_the_month_before(rules):
    # Bo turns 18 on 2030-06-01: not entitled on 1 June, so May is the last month
    assert "bo" in paid(FAMILY, "2030-05-01", rules)[0]
    assert "bo" not in paid(FAMILY, "2030-06-01", rules)[0]


def test_a_child_who_lost_the_capacity_to_work_is_paid_after_18(rules):
    bo = person("bo", "child", "2012-06-01", "child_under_age", sex="male", lost_capacity=True)
    assert ending(bo, rules) is None
    assert "bo" in paid((bo,), "2040-01-01", rules)[0]


def test_leap_day_birthday(rules):
    # born 2008-02-29: turns 18 on 2026-03-01 (no 29 February in 2026); February is the last month paid
    child = person("mei", "child", "2008-02-29", "child_under_age")
    assert ending(child, rules).on == date(2026, 3, 1)
    assert "mei" in paid((child,), "2026-02-01", rules)[0]
    assert "mei" not in paid((child,), "2026-03-01", rules)[0]


@pytest.mark.parametrize("kind", ["employment", "enlistment", "adoption", "death"])
def test_events_end_the_pension_from_the_next_month(rules, kind):
    child = person("anna", "child", "2010-06-15", "child_under_age", events=(Event(kind, date(2026, 9, 20)),))
    assert "anna" in paid((child,), "2026-09-01", rules)[0]
    assert "anna" not in paid((child,), "2026-10-01", rules)[0]
    assert ending(child, rules).reason == kind


def test_the_spouses_remarriage_ends_her_pension_and_frees_the_cap(rules):
    wife = person("wife", "spouse", "1968-02-01", "spouse_of_age", events=(Event("remarriage", date(2027, 2, 10)),))
    family = (wife, CHILD_A, CHILD_B, FATHER)
    # March 2027: three others at 30 % = 90 %, under the cap: 3 × 1,800
    assert paid(family, "2027-02-01", rules)[1].capped
    assert paid(family, "2027-03-01", rules)[0] == {"anna": Decimal("1800.00"), "bo": Decimal("1800.00"),
                                                    "father": Decimal("1800.00")}


def test_the_earliest_of_the_events_and_the_birthday_wins(rules):
    child = person("anna", "child", "2010-06-15", "child_under_age", events=(Event("employment", date(2029, 1, 1)),))
    assert ending(child, rules).on == date(2028, 6, 15)
    early = person("anna", "child", "2010-06-15", "child_under_age", events=(Event("enlistment", date(2027, 9, 1)),))
    assert (ending(early, rules).on, ending(early, rules).reason) == (date(2027, 9, 1), "enlistment")


def test_a_child_born_after_the_death_is_paid_from_the_month_after_birth(rules):
    child = person("xiao", "child", "2025-08-20", "child_under_age")
    assert "xiao" not in paid((child,), "2025-08-01", rules)[0]
    assert "xiao" in paid((child,), "2025-09-01", rules)[0]


# --- warnings ahead of an end ------------------------------------------------------------------------


def test_endings_within_a_window_for_the_tasks_page(rules):
    # Anna's 18th birthday is 2028-06-15: 45 days after 2028-05-01
    assert [(d.key, e.on) for d, e in endings_within(FAMILY, date(2028, 5, 1), 60, rules)] == [
        ("anna", date(2028, 6, 15))]
    assert endings_within(FAMILY, date(2028, 5, 1), 44, rules) == []
    assert [d.key for d, _ in endings_within(FAMILY, date(2028, 5, 1), 45, rules)] == ["anna"]


# --- the register's checks (Art. 3 of the Provisions) ------------------------------------------------


def rules_broken(register, rules):
    return {(e.field, e.rule) for e in register_errors(register, DEATH, rules)}


def test_a_sound_register_has_no_errors(rules):
    assert register_errors(FAMILY, DEATH, rules) == []


@pytest.mark.parametrize(("birth", "sex", "ok"), [
    ("1970-03-10", "female", True),   # exactly 55 on the day of the death
    ("1970-03-11", "female", False),  # a day short of 55
    ("1965-03-10", "male", True),     # exactly 60
    ("1965-03-11", "male", False),
])
def test_spouse_age_boundaries(rules, birth, sex, ok):
    found = rules_broken((person("s", "spouse", birth, "spouse_of_age", sex=sex),), rules)
    assert found == (set() if ok else {("dependants[0].condition", "dependant.not_of_age")})


@pytest.mark.parametrize(("birth", "ok"), [
    ("2007-03-11", True),   # 17 on the day of the death (turns 18 the next day)
    ("2007-03-10", False),  # 18 on the day of the death
])
def test_child_age_boundary(rules, birth, ok):
    found = rules_broken((person("c", "child", birth, "child_under_age"),), rules)
    assert found == (set() if ok else {("dependants[0].condition", "dependant.not_a_minor")})


@pytest.mark.parametrize(("birth", "ok"), [("2026-01-04", True), ("2026-01-05", False)])
def test_posthumous_child_boundary(rules, birth, ok):
    # 300 days after 2025-03-10 is 2026-01-04
    found = rules_broken((person("c", "child", birth, "child_under_age"),), rules)
    assert found == (set() if ok else {("dependants[0].birth_date", "dependant.born_after_death")})


def test_register_refusals(rules):
    register = (
        person("a", "spouse", "1960-01-01", "spouse_of_age"),
        person("b", "spouse", "1960-01-01", "spouse_of_age"),
        person("c", "cousin", "1960-01-01", "lost_capacity", lost_capacity=True),
        person("d", "parent", "1950-01-01", "child_under_age"),
        person("e", "child", "2012-01-01", "child_under_age", events=(Event("remarriage", date(2026, 1, 1)),)),
        person("f", "child", "2012-01-01", "child_under_age", events=(Event("emigration", date(2026, 1, 1)),)),
        person("g", "parent", "1950-01-01", "lost_capacity", sex="male"),
        person("h", "parent", "1950-01-01", "parent_of_age", events=(Event("death", date(2025, 1, 1)),)),
        person("h", "sibling", "2015-01-01", "sibling_under_age", sex="robot"),
    )
    assert rules_broken(register, rules) == {
        ("dependants", "dependant.spouse_duplicate"),
        ("dependants[2].relation", "dependant.relation_unknown"),
        ("dependants[3].condition", "dependant.condition_relation"),
        ("dependants[4].events", "dependant.remarriage_not_spouse"),
        ("dependants[5].events", "dependant.event_unknown"),
        ("dependants[6].lost_capacity", "dependant.capacity_not_recorded"),
        ("dependants[7].events", "dependant.event_before_death"),
        ("dependants[8].key", "dependant.duplicate"),
        ("dependants[8].sex", "dependant.sex_unknown"),
    }
