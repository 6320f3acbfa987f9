"""The demo's claims in the situations of a claim's later life (issue 15), made through the ordinary services so
that every rule, audit record and outbox entry is the real one: a deceased worker's family in the dependants
register (a child turning 18 soon, so the Tasks page warns); a suspension period extended by the appraisal
committee and ended, with costs paid against receipts in each state (approved, awaiting approval, returned); a
review that raised a grade, whose new assessment superseded the first with arrears; and a closed claim reopened for
a recurrence (Art. 38) with a new suspension period and a medical cost awaiting approval; and an uninsured
employer's claim (Art. 62) whose items the employer owes, with the fund's advance and a part repaid (SIL Art. 41);
and a driver missing since his lorry was swept away on a delivery (Art. 41): wages for three months, the family's
pension from the 4th month, half of the one-time death subsidy advanced for hardship."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from injury_desk.domain.compensation.wages import months_before
from injury_desk.domain.deadlines import add_months, stop_work_end
from injury_desk.domain.identifiers import make_credit_code, make_resident_id
from injury_desk.services.actor import Actor
from injury_desk.services.container import Services
from injury_desk.services.context import ServiceContext

REGION = "350102"
UNINSURED = {"credit_code": make_credit_code("91350104MA9L00002"), "name": "福州仓山顺达木器加工厂",
             "industry": "制造业", "risk_class": 4, "headcount": 18, "address": "福州市仓山区城门镇",
             "contact_name": "郑顺达", "contact_phone": "0591-83450002"}
EMPLOYER = {"credit_code": make_credit_code("91350102MA9L00001"), "name": "福州闽江建设工程有限公司",
            "industry": "建筑业", "risk_class": 5, "headcount": 260, "address": "福州市鼓楼区工业路8号",
            "contact_name": "陈建", "contact_phone": "0591-87650001"}


def _statistics_year(services: Services, actor: Actor, accident: date) -> int:
    """The year before the injury (Arts. 34, 39), or the nearest year the region has figures for (the demo's
    older accidents fall before the first published year)."""
    years = services.assessments.rules().region_years(actor.office_region)
    wanted = accident.year - 1
    return min(years, key=lambda y: (abs(y - wanted), -y))


def _propose_and_approve(services: Services, cw: Actor, sup: Actor, claim_id: str, **inputs) -> None:
    accident = services.claims.get(cw, claim_id).accident_date
    services.assessments.record_wages(cw, claim_id, [
        {"month": m, "amount": a} for m, a in zip(months_before(accident), ["6800", "7000", "7200"] * 4)])
    doc = services.assessments.prefill(cw, claim_id)
    doc.update(year=_statistics_year(services, cw, accident), **inputs)
    services.assessments.approve(sup, services.assessments.propose(cw, claim_id, doc))


def _decided(services: Services, cw: Actor, accident: date, worker: dict, *, fatal: bool,
             applicant: str, employer: dict | None = None) -> str:
    claim_id = services.claims.create(cw, {
        "worker": worker, "employer": employer or EMPLOYER, "accident_date": accident.isoformat(), "accident_time": "10:15",
        "accident_place": "鼓楼区工业路项目工地", "circumstances": "在脚手架上作业时坠落。" if fatal else
        "搬运钢筋时被倒塌的堆垛压伤左腿。", "body_parts": "头部" if fatal else "左腿",
        "diagnosis": "重型颅脑损伤，抢救无效死亡" if fatal else "左胫骨骨折", "fatal": fatal,
        "applicant_type": applicant, "application_received_on": (accident + timedelta(days=3)).isoformat()})
    services.claims.accept(cw, claim_id, {"accepted_on": (accident + timedelta(days=5)).isoformat()})
    services.claims.decide(cw, claim_id, {"outcome": "recognised", "decided_on": (accident + timedelta(days=25))
                                          .isoformat(), "basis_code": "art14_1", "needs_appraisal": not fatal})
    return claim_id


def _approved_long_ago(services: Services, cw: Actor, sup: Actor, accident: date, worker: dict,
                       grade: int) -> tuple[Services, str]:
    """A claim decided, appraised at ``grade`` 100 days after ``accident`` and its assessment approved, all as of
    130 days after it; returns the services as of that day and the claim."""
    then = Services.build(ServiceContext(db=services.ctx.db, today=lambda: accident + timedelta(days=130),
                                         resources_dir=services.ctx.resources_dir))
    claim_id = _decided(then, cw, accident, worker, fatal=False, applicant="employer")
    then.claims.request_appraisal(cw, claim_id, {"appraisal_requested_on": (accident + timedelta(days=60))
                                                 .isoformat()})
    then.claims.record_appraisal(cw, claim_id, {"appraised_on": (accident + timedelta(days=100)).isoformat(),
                                                "disability_grade": grade, "nursing_level": "none"})
    _propose_and_approve(then, cw, sup, claim_id)
    return then, claim_id


def _deceased_worker_with_family(services: Services, cw: Actor, sup: Actor, today: date) -> str:
    # A worker who died of a fall 120 days ago; the assessment is approved and the family is in the register.
    death = today - timedelta(days=120)
    fatal = _decided(services, cw, death, {"id_number": make_resident_id(REGION, date(1976, 4, 12), 51, "M"),
                                           "name": "林建华", "phone": "13905910001", "address": "福州市鼓楼区"},
                     fatal=True, applicant="close_relative")
    _propose_and_approve(services, cw, sup, fatal, national_urban_disposable_income="54188",
                         dependants=[{"relation": "spouse"}, {"relation": "child"}, {"relation": "child"},
                                     {"relation": "parent"}])
    # the elder daughter turns 18 in 40 days: the Tasks page warns, and her pension stops after that month
    eighteen = today + timedelta(days=40)
    daughter = date(eighteen.year - 18, eighteen.month, min(eighteen.day, 28))
    mother = "陈玉梅"
    for person in (
        {"name": mother, "relation": "spouse", "id_number": make_resident_id(REGION, date(1968, 9, 3), 62, "F"),
         "condition": "spouse_of_age"},
        {"name": "林晓雨", "relation": "child", "id_number": make_resident_id(REGION, daughter, 64, "F"),
         "condition": "child_under_age", "payee": mother},
        {"name": "林晓峰", "relation": "child", "id_number": make_resident_id(REGION, date(2016, 2, 29), 65, "M"),
         "condition": "child_under_age", "payee": mother},
        {"name": "林国栋", "relation": "parent", "id_number": make_resident_id(REGION, date(1950, 1, 20), 67, "M"),
         "condition": "parent_of_age", "lonely_elderly_or_orphan": False},
    ):
        services.dependants.add(cw, fatal, person)
    return fatal


def _extended_suspension_with_costs(services: Services, cw: Actor, sup: Actor, today: date) -> str:
    # An injured worker whose suspension period the committee extended to 18 months; it ended after 14 months,
    # the appraisal (grade 9) followed, and the assessment pays 14 months of wages from the recorded dates.
    accident = today - timedelta(days=500)
    injured = _decided(services, cw, accident, {"id_number": make_resident_id(REGION, date(1985, 7, 8), 71, "M"),
                                                "name": "黄志强", "phone": "13905910002", "address": "福州市台江区"},
                       fatal=False, applicant="employer")
    started = accident + timedelta(days=1)
    services.clocks.start_stop_work(cw, injured, {"started_on": started.isoformat()})
    services.clocks.extend_stop_work(sup, injured, {"months": 18, "reference": f"榕劳鉴延〔{started.year}〕12号"})
    ended = stop_work_end(started, 14)
    services.clocks.end_stop_work(cw, injured, {"ended_on": ended.isoformat()})
    services.claims.request_appraisal(cw, injured, {"appraisal_requested_on": (ended + timedelta(days=1)).isoformat()})
    services.claims.record_appraisal(cw, injured, {"appraised_on": (ended + timedelta(days=30)).isoformat(),
                                                   "disability_grade": 9, "nursing_level": "none"})
    _propose_and_approve(services, cw, sup, injured)
    costs = services.costs
    first = costs.propose(cw, injured, {"kind": "medical", "incurred_on": (accident + timedelta(days=12)).isoformat(),
                                        "receipt_ref": "闽医住院票 00231877", "provider": "福建医科大学附属协和医院",
                                        "amount": "38650.40"})
    costs.approve(sup, first)
    meal = costs.propose(cw, injured, {"kind": "hospital_meal", "incurred_on": (accident + timedelta(days=12))
                                       .isoformat(), "receipt_ref": "出院记录 2-0419", "days": 21})
    costs.approve(sup, meal)
    costs.propose(cw, injured, {"kind": "assistive_device", "incurred_on": add_months(accident, 6).isoformat(),
                                "receipt_ref": "辅具发票 5527", "provider": "福州康复辅具中心", "amount": "2400.00"})
    returned = costs.propose(cw, injured, {"kind": "travel_lodging", "incurred_on": add_months(accident, 2)
                                           .isoformat(), "receipt_ref": "车票 3 张", "amount": "1260.00"})
    costs.return_for_changes(sup, returned, "缺少医疗机构出具的转诊证明和经办机构同意的记录（第三十条第四款）")
    return injured


def _review_raised_the_grade(services: Services, cw: Actor, sup: Actor, today: date) -> str:
    # A grade 4 worker approved long ago; a review (Art. 28) a year later found grade 3: the new assessment
    # supersedes the first from the review's date, and the months paid at the old amount are settled as arrears.
    accident = today - timedelta(days=600)
    first_conclusion = accident + timedelta(days=100)
    _then, reviewed = _approved_long_ago(services, cw, sup, accident, {
        "id_number": make_resident_id(REGION, date(1979, 11, 23), 81, "M"), "name": "郑永福",
        "phone": "13905910003", "address": "福州市晋安区"}, grade=4)
    review_asked = first_conclusion + timedelta(days=370)
    services.reappraisals.record_conclusion(cw, reviewed, {
        "kind": "review", "requested_on": review_asked.isoformat(),
        "appraised_on": (review_asked + timedelta(days=40)).isoformat(), "disability_grade": 3})
    doc = services.assessments.prefill(cw, reviewed)
    doc["year"] = _statistics_year(services, cw, accident)
    services.assessments.approve(sup, services.assessments.propose(cw, reviewed, doc))
    return reviewed


def _recurrence_after_closing(services: Services, cw: Actor, sup: Actor, today: date) -> str:
    # A grade 9 worker paid in full and closed; 20 days ago the old fracture recurred and the committee confirmed
    # the need for treatment (Art. 38): the claim is open again with a new suspension period and a medical cost.
    accident = today - timedelta(days=700)
    then, recurred = _approved_long_ago(services, cw, sup, accident, {
        "id_number": make_resident_id(REGION, date(1982, 3, 17), 91, "M"), "name": "吴永安",
        "phone": "13905910004", "address": "福州市仓山区"}, grade=9)
    paid_on = (accident + timedelta(days=130)).isoformat()
    for p in then.assessments.list_payments(cw, recurred):
        if p.status == "scheduled":
            then.assessments.record_payment(cw, p.id, paid_on, "银行转账")
    then.claims.advance(cw, recurred, "closed")
    again = today - timedelta(days=20)
    services.recurrences.reopen(cw, recurred, {
        "occurred_on": again.isoformat(), "reason": "右胫骨骨折内固定松动，疼痛复发，需手术取出",
        "confirmed_by": f"福州市劳动能力鉴定委员会 榕劳鉴复〔{again.year}〕15号", "nursing_needed": False,
        "stop_work_started_on": again.isoformat(), "stop_work_months": 3})
    services.costs.propose(cw, recurred, {"kind": "medical", "incurred_on": (again + timedelta(days=2)).isoformat(),
                                          "receipt_ref": "闽医住院票 00412290", "provider": "福州市第二医院",
                                          "amount": "12480.60"})
    return recurred


def _death_after_the_suspension_period(services: Services, cw: Actor, sup: Actor, today: date) -> str:
    # A grade 2 worker approved long ago died of his injuries 60 days ago, after the suspension period (Art. 39 last
    # paragraph): the death's assessment (funeral subsidy and the widow's pension, no one-time death subsidy)
    # supersedes the first from the day of death; the allowance paid for the months after it is to be recovered,
    # the later payments are cancelled and the widow's months since the death are paid as back pay.
    accident = today - timedelta(days=500)
    _then, later_death = _approved_long_ago(services, cw, sup, accident, {
        "id_number": make_resident_id(REGION, date(1968, 2, 14), 99, "M"), "name": "黄德明",
        "phone": "13905910007", "address": "福州市马尾区"}, grade=2)
    for p in services.assessments.list_payments(cw, later_death):
        if p.status == "scheduled" and p.due_on <= today:
            services.assessments.record_payment(sup, p.id, p.due_on.isoformat(), "银行转账")
    died = today - timedelta(days=60)
    proposal = services.assessments.record_death(cw, later_death, {"death_date": died.isoformat()})
    if proposal is None:  # the year before the death has no figures in the shipped files: the nearest year
        doc = services.assessments.prefill(cw, later_death)
        doc["year"] = _statistics_year(services, cw, died)
        proposal = services.assessments.propose(cw, later_death, doc)
    services.dependants.add(cw, later_death, {"name": "郑丽华", "relation": "spouse", "condition": "lost_capacity",
                                              "lost_capacity": True,
                                              "id_number": make_resident_id(REGION, date(1970, 6, 3), 98, "F")})
    services.assessments.approve(sup, proposal)
    return later_death


def _uninsured_employer(services: Services, cw: Actor, sup: Actor, today: date) -> str:
    # A small workshop that never took out work-injury insurance: the assessment's every item is the employer's
    # (Art. 62 para. 2); it paid nothing, so the fund advanced the one-time subsidy and has recovered part of it.
    accident = today - timedelta(days=160)
    uninsured = _decided(services, cw, accident, {"id_number": make_resident_id(REGION, date(1990, 8, 8), 93, "M"),
                                                  "name": "陈小龙", "phone": "13905910005", "address": "福州市仓山区"},
                         fatal=False, applicant="worker", employer=UNINSURED)
    shop = services.claims.get(cw, uninsured).employer
    view = services.employers.get(cw, shop.id)
    services.employers.update(cw, shop.id, {**{k: getattr(view, k) for k in UNINSURED}, "insured": False},
                              token=view.token)
    services.claims.request_appraisal(cw, uninsured, {"appraisal_requested_on": (accident + timedelta(days=60))
                                                      .isoformat()})
    services.claims.record_appraisal(cw, uninsured, {"appraised_on": (accident + timedelta(days=100)).isoformat(),
                                                     "disability_grade": 10, "nursing_level": "none"})
    _propose_and_approve(services, cw, sup, uninsured)
    owed = next(i for i in services.assessments.get(cw, uninsured).result["items"]
                if i["code"] == "one_time_disability_subsidy")["amount"]
    services.advances.record(sup, uninsured, {"kind": "advance", "dated_on": (today - timedelta(days=10)).isoformat(),
                                              "amount": owed, "reference": f"榕社保先支〔{today.year}〕21号",
                                              "note": "用人单位未参保且拒不支付（《社会保险法》第四十一条）"})
    services.advances.record(cw, uninsured, {"kind": "recovery", "dated_on": (today - timedelta(days=2)).isoformat(),
                                             "amount": "10000.00", "reference": "单位还款 2026-07"})
    return uninsured


def _missing_driver(services: Services, cw: Actor, sup: Actor, today: date) -> str:
    # A driver missing since his lorry was swept away by a flood on a delivery 15 days ago (Art. 41): the claim is
    # handled as a death; wages run three months from the accident month, the family's pension from the 4th (so next
    # month's run pays no pension yet), and the family in hardship was advanced half of the one-time death subsidy.
    # No court has declared him dead.
    accident = today - timedelta(days=15)
    missing = services.claims.create(cw, {
        "worker": {"id_number": make_resident_id(REGION, date(1982, 5, 17), 95, "M"), "name": "王海生",
                   "phone": "13905910006", "address": "福州市晋安区"},
        "employer": EMPLOYER, "accident_date": accident.isoformat(), "accident_time": "16:40",
        "accident_place": "闽清县梅溪大桥附近", "circumstances": "驾驶货车为项目工地运送钢材途中遇山洪，车辆被冲走，驾驶员下落不明。",
        "body_parts": "不详", "diagnosis": "下落不明", "fatal": True, "applicant_type": "close_relative",
        "application_received_on": (accident + timedelta(days=1)).isoformat()})
    services.claims.accept(cw, missing, {"accepted_on": (accident + timedelta(days=2)).isoformat()})
    services.claims.decide(cw, missing, {"outcome": "recognised", "decided_on": (accident + timedelta(days=10))
                                         .isoformat(), "basis_code": "art14_5", "needs_appraisal": False})
    services.missing.record(cw, missing, {"circumstance": "away_on_work", "reported_on": accident.isoformat(),
                                          "note": "闽清县公安局出具下落不明证明"})
    _propose_and_approve(services, cw, sup, missing, national_urban_disposable_income="54188",
                         dependants=[{"relation": "spouse"}, {"relation": "child"}])
    wife = "刘美华"
    services.dependants.add(cw, missing, {"name": wife, "relation": "spouse", "condition": "lost_capacity",
                                          "lost_capacity": True,
                                          "id_number": make_resident_id(REGION, date(1984, 3, 9), 96, "F")})
    services.dependants.add(cw, missing, {"name": "王子涵", "relation": "child", "condition": "child_under_age",
                                          "payee": wife, "id_number": make_resident_id(REGION, date(2014, 10, 2), 97,
                                                                                      "M")})
    cap = services.missing.view(cw, missing).advance_cap
    services.missing.record_advance(sup, missing, {"amount": str(cap), "advance_on": (today - timedelta(days=1))
                                                   .isoformat(), "advance_ref": f"榕社保预支〔{today.year}〕3号"})
    return missing


# Each situation makes one claim and returns it (so the claim-life claims are counted from this list, not by hand).
SITUATIONS: tuple[Callable[[Services, Actor, Actor, date], str], ...] = (
    _deceased_worker_with_family, _extended_suspension_with_costs, _review_raised_the_grade,
    _recurrence_after_closing, _death_after_the_suspension_period, _uninsured_employer, _missing_driver)
LIFE_CLAIMS = len(SITUATIONS)  # the demo's bulk seed makes that many fewer


def seed_claim_life(services: Services, cw: Actor, sup: Actor, today: date) -> list[str]:
    """Every situation in turn, in this order (the claim numbers follow it); the claims made."""
    return [situation(services, cw, sup, today) for situation in SITUATIONS]
