"""The dependants register through the services (Art. 39(2); Provisions on Dependants Arts. 3, 4): entering the
family of a deceased worker, the monthly shares capped at the worker's wage, a child's pension ending at 18 with
the Tasks warning ahead of it, recorded ending events, refusals, permissions, audit and outbox."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from injury_desk.domain.errors import DomainError, ValidationFailed
from injury_desk.domain.identifiers import make_resident_id
from injury_desk.store.models import AuditEvent, OutboxEntry
from tests.conftest import TODAY, rules
from tests.integration.test_assessment_services import decided_claim, proposal_inputs, with_wages

# The worker died in the accident of 2026-11-01 (the death date); wage base 6,000 (the twelve months of
# test_assessment_services.WAGES average 6,000, inside 60–300 % of the region's average).
WIFE = {"name": "李秀英", "relation": "spouse", "sex": "F", "birth_date": "1968-02-01", "condition": "spouse_of_age"}
ANNA = {"name": "张安娜", "relation": "child", "sex": "F", "birth_date": "2009-01-15", "condition": "child_under_age",
        "payee": "李秀英"}  # 17 at the death, 18 on 2027-01-15
BO_ID = make_resident_id("110105", date(2015, 6, 1), 3, "M")
BO = {"name": "张博", "relation": "child", "id_number": BO_ID, "condition": "child_under_age", "payee": "李秀英"}
FATHER = {"name": "张德福", "relation": "parent", "sex": "M", "birth_date": "1950-03-03", "condition": "parent_of_age"}


def fatal_claim(services, cw, sup, approve=True) -> str:
    claim_id = decided_claim(services, cw, fatal=True)
    with_wages(services, cw, claim_id)
    doc = proposal_inputs(services, cw, claim_id, dependants=[{"relation": "spouse"}, {"relation": "child"}],
                          national_urban_disposable_income="54188")
    assessment_id = services.assessments.propose(cw, claim_id, doc)
    if approve:
        services.assessments.approve(sup, assessment_id)
    return claim_id


def family(services, cw, claim_id) -> dict[str, str]:
    return {d["name"]: services.dependants.add(cw, claim_id, d) for d in (WIFE, ANNA, BO, FATHER)}


def by_name(lines, month: str) -> dict[str, Decimal]:
    return {line.name: line.amount for line in lines if line.month == date.fromisoformat(month)}


def test_family_is_paid_in_shares_capped_at_the_wage_until_the_child_turns_18(services, cw, sup):
    claim_id = fatal_claim(services, cw, sup)
    family(services, cw, claim_id)
    register = services.dependants.register(cw, claim_id)
    assert register.wage_base == Decimal("6000.00") and register.death_date == date(2026, 11, 1)
    shares = {d.name: d.share for d in register.dependants}
    assert shares == {"李秀英": Decimal("0.40"), "张安娜": Decimal("0.30"), "张博": Decimal("0.30"),
                      "张德福": Decimal("0.30")}
    bo = next(d for d in register.dependants if d.name == "张博")
    assert (bo.sex, bo.birth_date, bo.ends_on) == ("M", date(2015, 6, 1), date(2033, 6, 1))  # sex, birth from the ID
    assert bo.payee == "李秀英" and bo.id_number == BO_ID
    lines = services.dependants.schedule(cw, claim_id, date(2026, 11, 1), months=4)
    # November 2026: the death on 1 November, so nobody is entitled on the 1st: the pension starts in December.
    assert by_name(lines, "2026-11-01") == {}
    # December: 40 + 30 + 30 + 30 = 130 % > 100 % (Art. 39(2): 核定的各供养亲属的抚恤金之和不应高于因工死亡职工生前的工资).
    # 6,000 × 40/130 = 1,846.153… → 1,846.15; 6,000 × 30/130 = 1,384.615… → 1,384.62 (×3 = 4,153.86);
    # 1,846.15 + 4,153.86 = 6,000.01: the fen over is taken from the largest share → 1,846.14.
    december = by_name(lines, "2026-12-01")
    assert december == {"李秀英": Decimal("1846.14"), "张安娜": Decimal("1384.62"), "张博": Decimal("1384.62"),
                        "张德福": Decimal("1384.62")}
    assert sum(december.values()) == Decimal("6000.00")
    # Anna is 17 on 1 January 2027 (18 on the 15th: Provisions Art. 4(1)): January is her last month.
    assert by_name(lines, "2027-01-01")["张安娜"] == Decimal("1384.62")
    # February: 40 + 30 + 30 = 100 %, not above the cap: 2,400.00 and 1,800.00 each, paid to the payee.
    february = [line for line in lines if line.month == date(2027, 2, 1)]
    assert {line.name: line.amount for line in february} == {"李秀英": Decimal("2400.00"), "张博": Decimal("1800.00"),
                                                            "张德福": Decimal("1800.00")}
    assert {line.name: line.payee for line in february}["张博"] == "李秀英"
    assert not any(line.capped for line in february)


def test_tasks_warn_ahead_of_the_18th_birthday(services, cw, sup):
    claim_id = fatal_claim(services, cw, sup)
    family(services, cw, claim_id)
    rows = [r for r in services.tasks.claim_deadlines(cw) if r.kind == "dependant_pension_ends"]
    # 2027-01-15 is 48 days after 2026-11-28: inside the 60 days a pension's end is shown ahead
    assert [(r.subject, r.due, r.days_left, r.group, r.start_event) for r in rows] == [
        ("张安娜", date(2027, 1, 15), 48, "later", "age_limit")]
    assert rows[0].basis == "Provisions on Dependants Art. 4" and not rows[0].overdue
    # a week before the birthday it is due this week, and shown as needing attention
    soon = [r for r in services.tasks.claim_deadlines(cw, on=date(2027, 1, 9)) if r.kind == "dependant_pension_ends"]
    assert [(r.days_left, r.group, r.attention) for r in soon] == [(6, "this_week", True)]


def test_an_ending_event_stops_the_pension_and_the_others_share_again(services, cw, sup, db):
    claim_id = fatal_claim(services, cw, sup)
    ids = family(services, cw, claim_id)
    # The widow remarries on 2026-11-20 (Art. 4(3)): entitled on 1 December? No: the pension ends on the 20th.
    services.dependants.record_end(cw, ids["李秀英"], {"ended_by": "remarriage", "ended_on": "2026-11-20"})
    december = by_name(services.dependants.schedule(cw, claim_id, date(2026, 12, 1), months=1), "2026-12-01")
    # 30 × 3 = 90 % ≤ 100 %: 1,800.00 each
    assert december == {"张安娜": Decimal("1800.00"), "张博": Decimal("1800.00"), "张德福": Decimal("1800.00")}
    with pytest.raises(DomainError) as info:
        services.dependants.record_end(cw, ids["李秀英"], {"ended_by": "death", "ended_on": "2026-11-25"})
    assert info.value.key == "dependant.already_ended"
    with pytest.raises(ValidationFailed) as bad:  # Art. 4(3) names the spouse's remarriage only
        services.dependants.record_end(cw, ids["张德福"], {"ended_by": "remarriage", "ended_on": "2026-11-20"})
    assert ("ended_by", "dependant.remarriage_not_spouse") in rules(bad.value)
    with pytest.raises(ValidationFailed) as bad:
        services.dependants.record_end(cw, ids["张德福"], {"ended_by": "death", "ended_on": "2026-10-01"})
    assert ("ended_on", "dependant.event_before_death") in rules(bad.value)
    assert services.dependants.register(cw, claim_id).dependants[0].ended_by is None  # the father: nothing changed
    with db.read() as s:
        actions = [e.action for e in s.scalars(select(AuditEvent).where(AuditEvent.table_name == "dependants"))]
        pushed = s.scalars(select(OutboxEntry.table_name).where(OutboxEntry.row_id == ids["李秀英"])).all()
    assert actions.count("dependant.add") == 4 and actions.count("dependant.end") == 1
    assert pushed == ["dependants", "dependants"]  # entered, then ended: both go to the central store


@pytest.mark.parametrize("data, expected", [
    ({**ANNA, "birth_date": "2008-10-31"}, ("condition", "dependant.not_a_minor")),  # 18 the day before the death
    ({**FATHER, "birth_date": "1966-11-02"}, ("condition", "dependant.not_of_age")),  # 59 at the death
    ({**FATHER, "condition": "child_under_age"}, ("condition", "dependant.condition_relation")),
    ({**BO, "sex": "F"}, ("sex", "person.sex_mismatch")),  # the ID number says male
    ({**WIFE, "birth_date": ""}, ("birth_date", "field.required")),  # no ID number: the birth date is needed
    ({**WIFE, "relation": "cousin"}, ("relation", "field.choice")),
])
def test_bad_dependants_are_refused_naming_field_and_rule(services, cw, sup, data, expected):
    claim_id = fatal_claim(services, cw, sup, approve=False)
    with pytest.raises(ValidationFailed) as bad:
        services.dependants.add(cw, claim_id, data)
    assert expected in rules(bad.value)
    assert services.dependants.register(cw, claim_id).dependants == []


def test_boundary_ages_on_the_day_of_the_death(services, cw, sup):
    claim_id = fatal_claim(services, cw, sup, approve=False)
    # a man of exactly 60 on the day of the death qualifies (Provisions Art. 3(3): 男年满60周岁)
    services.dependants.add(cw, claim_id, {**FATHER, "birth_date": "1966-11-01"})
    # a child who turns 18 on the day after the death is still a minor on the day (Art. 3(4): 未满18周岁)
    anna = services.dependants.add(cw, claim_id, {**ANNA, "birth_date": "2008-11-02"})
    assert next(d for d in services.dependants.register(cw, claim_id).dependants if d.id == anna).ends_on == date(
        2026, 11, 2)
    with pytest.raises(ValidationFailed) as bad:  # a second spouse
        services.dependants.add(cw, claim_id, WIFE)
        services.dependants.add(cw, claim_id, {**WIFE, "name": "另一人"})
    assert ("relation", "dependant.spouse_duplicate") in rules(bad.value)


def test_only_fatal_claims_have_a_register_and_amounts_need_the_approved_assessment(services, cw, sup, adm):
    living = decided_claim(services, cw, accident_date="2026-10-20")
    with pytest.raises(DomainError) as info:
        services.dependants.add(cw, living, WIFE)
    assert info.value.key == "dependant.claim_not_fatal"
    claim_id = fatal_claim(services, cw, sup, approve=False)
    services.dependants.add(cw, claim_id, BO)
    with pytest.raises(DomainError) as info:
        services.dependants.schedule(cw, claim_id, TODAY)
    assert info.value.key == "dependant.no_approved_assessment"
    with pytest.raises(DomainError) as info:
        services.dependants.add(adm, claim_id, FATHER)
    assert info.value.key == "permission.denied"
    shown = services.dependants.register(adm, claim_id).dependants  # an administrator may look, number masked
    assert len(shown) == 1 and "*" in shown[0].id_number and shown[0].id_number != BO_ID


def test_the_pensions_carry_the_regions_annual_adjustments(services, cw, sup):
    """Art. 40 (伤残津贴、供养亲属抚恤金、生活护理费…适时调整): a widow's pension in payment since July 2023 is raised by the
    example region's notices of 2024 (+3 %) and 2025 (+2.5 %, then +30.00); the register's own share stays 40 %."""
    from tests import conftest

    claim_id = conftest.decided_claim(services, cw, "recognised", decided_on="2026-11-20", fatal=True,
                                      accident_date="2023-06-10", worker=conftest.worker_data(
                                          id_number="110105198005060125", name="李娜"))
    with_wages(services, cw, claim_id)
    doc = proposal_inputs(services, cw, claim_id, year=2024, dependants=[{"relation": "spouse"}],
                          national_urban_disposable_income="54188")
    services.assessments.approve(sup, services.assessments.propose(cw, claim_id, doc))
    services.dependants.add(cw, claim_id, {**WIFE, "birth_date": "1966-02-01"})  # 57 at the death
    # approved on 28 November 2026: the schedule, as the monthly run, pays from December 2026 (the months since July
    # 2023 are arrears); 40 % × 6,000 = 2,400.00 as determined, raised by 2024: × 1.03 = 2,472.00, and 2025:
    # 2,472.00 × 1.025 = 2,533.80; + 30.00 = 2,563.80 — two notices applied, named on the line
    lines = {line.month: line for line in services.dependants.schedule(cw, claim_id, date(2026, 11, 1), 2)}
    assert set(lines) == {date(2026, 12, 1)}
    dec = lines[date(2026, 12, 1)]
    assert (dec.base, dec.amount, len(dec.notices)) == (Decimal("2400.00"), Decimal("2563.80"), 2)


def test_the_calculation_sheet_prints_the_register_and_the_costs(services, cw, sup):
    from tests.integration.test_claim_costs import MEDICAL
    from tests.integration.test_decision_documents import pdf_text

    claim_id = fatal_claim(services, cw, sup)
    family(services, cw, claim_id)
    services.costs.propose(cw, claim_id, MEDICAL)
    text = pdf_text(services, cw, "benefit_calculation", claim_id)
    # each person with the share and the day the pension ends: Anna turns 18 on 2027-01-15
    assert "张安娜" in text and "2027-01-15" in text and "40%" in text and "年满18周岁" in text
    assert "12,345.67" in text and "闽医票 0012345" in text and "待审批" in text


def test_each_payment_goes_to_a_person_and_stops_with_the_pension(services, cw, sup):
    claim_id = fatal_claim(services, cw, sup)  # approved 2026-11-28: 12 monthly totals of the pension scheduled
    ids = family(services, cw, claim_id)
    payments = [p for p in services.assessments.list_payments(cw, claim_id) if p.item_code == "dependants_pension"]
    lump = [p for p in payments if not p.dependant_name]
    assert lump and {p.status for p in lump} == {"cancelled"}  # the assessment's single total gives way
    mine = [p for p in payments if p.dependant_name and p.status == "scheduled"]
    by_person: dict[str, list] = {}
    for p in mine:
        by_person.setdefault(p.dependant_name, []).append(p)
    # December 2026 to November 2027; Anna's last month is January 2027 (18 on the 15th)
    assert {name: len(rows) for name, rows in by_person.items()} == {"李秀英": 12, "张安娜": 2, "张博": 12, "张德福": 12}
    assert by_person["张安娜"][0].due_on == date(2026, 12, 1)
    # while Anna is paid the four shares are cut to the cap (1,846.14 + 3 × 1,384.62 = 6,000.00); after, not
    assert sum(p.amount for p in mine if p.due_on == date(2027, 1, 1)) == Decimal("6000.00")
    assert {p.dependant_name: p.amount for p in mine if p.due_on == date(2027, 2, 1)} == {
        "李秀英": Decimal("2400.00"), "张博": Decimal("1800.00"), "张德福": Decimal("1800.00")}
    # the father dies on 2026-11-28: his payments not yet due are cancelled, the others shared again
    services.dependants.record_end(cw, ids["张德福"], {"ended_by": "death", "ended_on": "2026-11-28"})
    now = [p for p in services.assessments.list_payments(cw, claim_id)
           if p.dependant_name and p.status == "scheduled"]
    assert not [p for p in now if p.dependant_name == "张德福"]
    # December: 40 + 30 + 30 = 100 %: 2,400.00, 1,800.00, 1,800.00
    assert {p.dependant_name: p.amount for p in now if p.due_on == date(2026, 12, 1)} == {
        "李秀英": Decimal("2400.00"), "张安娜": Decimal("1800.00"), "张博": Decimal("1800.00")}


def test_a_register_entered_before_the_approval_is_paid_person_by_person_from_it(services, cw, sup):
    claim_id = fatal_claim(services, cw, sup, approve=False)
    services.dependants.add(cw, claim_id, WIFE)
    assert services.assessments.list_payments(cw, claim_id) == []  # nothing is paid before the approval
    services.assessments.approve(sup, services.assessments.get(cw, claim_id).id)
    pensions = [p for p in services.assessments.list_payments(cw, claim_id) if p.item_code == "dependants_pension"
                and p.status == "scheduled"]
    # the widow alone: 40 % × 6,000 = 2,400.00 a month, to her, December 2026 to November 2027
    assert {(p.dependant_name, p.amount) for p in pensions} == {("李秀英", Decimal("2400.00"))} and len(pensions) == 12


def test_the_tabs_schedule_starts_where_the_monthly_run_does(services, cw, sup):
    # died in the accident of 10 September 2026, assessment approved on 28 November (today): the pension is due
    # from October by the death, but the run pays from December, the month after the approval (one rule:
    # domain/monthly_run.first_paid_month); October and November are arrears, not the schedule's
    claim_id = decided_claim(services, cw, fatal=True, accident_date="2026-09-10", application_received_on="2026-09-12")
    with_wages(services, cw, claim_id)
    services.assessments.approve(sup, services.assessments.propose(cw, claim_id, proposal_inputs(
        services, cw, claim_id, dependants=[{"relation": "spouse"}], national_urban_disposable_income="54188")))
    services.dependants.add(cw, claim_id, WIFE)
    lines = services.dependants.schedule(cw, claim_id, date(2026, 10, 1), months=3)
    run = {m: [x.amount for x in services.monthly_run.due(cw, m) if x.claim_id == claim_id]
           for m in (date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1))}
    # 40 % × 6,000 = 2,400.00 in December only, in both
    assert [(x.month, x.amount) for x in lines] == [(date(2026, 12, 1), Decimal("2400.00"))]
    assert run == {date(2026, 10, 1): [], date(2026, 11, 1): [], date(2026, 12, 1): [Decimal("2400.00")]}
