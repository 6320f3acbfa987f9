"""Prevention budget rules (domain/prevention_budget.py) without a database: the budget file and the spending cap."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from injury_desk.domain.errors import DomainError
from injury_desk.domain.prevention_budget import ApprovedShare, BudgetParams, load_budget_params, prevention_budget
from injury_desk.resources import resources_dir


def write(tmp_path, doc) -> None:
    folder = tmp_path / "prevention"
    folder.mkdir(exist_ok=True)
    (folder / f"{doc.get('region', 'r1')}.json").write_text(json.dumps(doc), encoding="utf-8")


def test_budget_parameter_file_checks(tmp_path):
    assert load_budget_params(tmp_path, "nowhere") is None
    doc = {"format": 1, "region": "r1", "cap_share": {"value": "3"}, "contribution_income": {}}
    write(tmp_path, doc)
    with pytest.raises(DomainError) as err:
        load_budget_params(tmp_path, "r1")
    assert err.value.key == "budget.params_invalid" and "fraction" in err.value.params["problem"]
    doc["cap_share"]["value"] = "0.02"
    doc["contribution_income"] = {"2025": {"value": "1000000"}}
    doc["office_shares"] = {"GZ01": "0.25"}
    write(tmp_path, doc)
    params = load_budget_params(tmp_path, "r1")
    assert params.cap_share == Decimal("0.02") and params.office_shares["GZ01"] == Decimal("0.25")
    assert params.income == {2025: Decimal("1000000")} and params.file == "prevention/r1.json"


@pytest.mark.parametrize(
    ("change", "entry"),
    [
        (lambda d: d.update(format=2), "format"),
        (lambda d: d.update(region="r2"), "region"),
        (lambda d: d.update(illustrative=True), "label"),  # an illustrative file must say so on screen
        (lambda d: d["cap_share"].update(value="-0.01"), "cap_share.value"),
        (lambda d: d["cap_share"].update(value="three"), "cap_share.value"),
        (lambda d: d["contribution_income"].update({"2025": {"value": "-1"}}), "contribution_income.2025.value"),
        (lambda d: d.update(office_shares={"GZ01": "a quarter"}), "office_shares.GZ01"),
    ],
)
def test_a_broken_budget_file_names_file_and_entry(tmp_path, change, entry):
    doc = {"format": 1, "region": "r1", "cap_share": {"value": "0.03"}, "contribution_income": {}}
    change(doc)
    (tmp_path / "prevention").mkdir()
    (tmp_path / "prevention" / "r1.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DomainError) as err:
        load_budget_params(tmp_path, "r1")
    assert err.value.key == "budget.params_invalid"
    assert err.value.params["file"] == "prevention/r1.json" and err.value.params["entry"] == entry
    assert entry in err.value.params["problem"]  # the message shows only {problem}: it must name the key


def test_the_cap_share_may_be_exactly_one(tmp_path):
    write(tmp_path, {"format": 1, "region": "r1", "cap_share": {"value": "1"}})
    assert load_budget_params(tmp_path, "r1").cap_share == Decimal(1)


def test_the_shipped_example_file_loads():
    params = load_budget_params(resources_dir() / "rules", "example")
    assert params.cap_share == Decimal("0.03") and params.label  # illustrative figures say so


PARAMS = BudgetParams("prevention/r1.json", Decimal("0.03"), "第五条", {2025: Decimal("6500000.00")},
                      {"GZ01": Decimal("0.25")}, "")


def test_the_cap_is_three_percent_of_last_years_income():
    # 6,500,000.00 × 0.03 = 195,000.00 for the whole region (office without a share of its own).
    budget = prevention_budget(2026, "r1", "SZ01", {"training": Decimal("190000.00")}, 2, PARAMS)
    assert budget.cap == Decimal("195000.00") and budget.remaining == Decimal("5000.00")
    assert budget.income_year == 2025 and budget.office_share == Decimal(1)
    # At the cap is allowed; one fen more is over.
    assert not budget.over_with(Decimal("5000.00")) and budget.over_with(Decimal("5000.01"))


def test_an_office_share_scales_the_cap_rounded_to_the_fen():
    # 6,500,000.00 × 0.03 × 0.25 = 48,750.00 for the office GZ01.
    assert prevention_budget(2026, "r1", "GZ01", {"training": Decimal(0)}, 0, PARAMS).cap == Decimal("48750.00")
    # 0.50 × 0.05 = 0.025: exactly half a fen rounds up to 0.03 (banker's rounding would give 0.02).
    tiny = BudgetParams(PARAMS.file, Decimal("0.05"), "", {2025: Decimal("0.50")}, {}, "")
    assert prevention_budget(2026, "r1", "GZ01", {"training": Decimal(0)}, 0, tiny).cap == Decimal("0.03")


def test_no_income_figure_or_no_file_means_no_cap_not_zero():
    later = prevention_budget(2027, "r1", "SZ01", {"training": Decimal("10.00")}, 1, PARAMS)  # no 2026 income on file
    assert later.cap is None and later.remaining is None and not later.over_cap and not later.over_with(Decimal(1))
    none = prevention_budget(2026, "nowhere", "SZ01", {"training": Decimal("10.00")}, 1, None)
    assert none.cap is None and none.params_file == "prevention/nowhere.json"


# ---------------------------------------------------------------- every spend, and the approved higher share


def test_every_kind_of_prevention_spend_counts_against_the_cap():
    # 2026 cap: 6,500,000.00 × 0.03 = 195,000.00. Training 100,000 + projects 80,000 + publicity 15,000 = 195,000.00:
    # at the cap, not over; one fen more of publicity is over.
    spend = {"training": Decimal("100000"), "project": Decimal("80000"), "publicity": Decimal("15000")}
    budget = prevention_budget(2026, "r1", "SZ01", spend, 3, PARAMS)
    assert (budget.planned, budget.remaining, budget.over_cap) == (Decimal("195000"), Decimal("0.00"), False)
    assert budget.over_with(Decimal("0.01"))
    spend["publicity"] += Decimal("0.01")
    assert prevention_budget(2026, "r1", "SZ01", spend, 3, PARAMS).over_cap


def test_an_approved_share_raises_that_years_cap_only():
    # The province approved 5 % for 2026 (the highest it may): 6,500,000.00 × 0.05 = 325,000.00; 2027 keeps 3 %
    # (no approval for it): 7,000,000.00 × 0.03 = 210,000.00.
    params = BudgetParams(PARAMS.file, Decimal("0.03"), "第五条", {2025: Decimal("6500000.00"),
                                                                   2026: Decimal("7000000.00")}, {}, "",
                          Decimal("0.05"), "", {2026: ApprovedShare(Decimal("0.05"), "省人社厅〔2026〕1号")})
    b26 = prevention_budget(2026, "r1", "SZ01", {}, 0, params)
    assert (b26.cap, b26.cap_share, b26.approval) == (Decimal("325000.00"), Decimal("0.05"), "省人社厅〔2026〕1号")
    b27 = prevention_budget(2027, "r1", "SZ01", {}, 0, params)
    assert (b27.cap, b27.cap_share, b27.approval) == (Decimal("210000.00"), Decimal("0.03"), "")


@pytest.mark.parametrize(
    ("max_share", "approved", "entry"),
    [
        ("0.05", "0.0501", "approved_shares.2026.value"),  # above the ceiling: refused
        ("0.05", "0.03", "approved_shares.2026.value"),  # no higher than the standard share: not an approval
        (None, "0.04", "approved_shares.2026"),  # no ceiling in the file: no approval possible
        ("0.02", None, "max_share.value"),  # a ceiling below the standard share
    ],
)
def test_approved_shares_are_checked_at_their_boundaries(tmp_path, max_share, approved, entry):
    doc = {"format": 1, "region": "r1", "cap_share": {"value": "0.03"}, "contribution_income": {}}
    if max_share is not None:
        doc["max_share"] = {"value": max_share}
    if approved is not None:
        doc["approved_shares"] = {"2026": {"value": approved, "approval": "批复"}}
    write(tmp_path, doc)
    with pytest.raises(DomainError) as err:
        load_budget_params(tmp_path, "r1")
    assert err.value.params["entry"] == entry


def test_an_approval_exactly_at_the_ceiling_loads(tmp_path):
    write(tmp_path, {"format": 1, "region": "r1", "cap_share": {"value": "0.03"}, "max_share": {"value": "0.05"},
                     "approved_shares": {"2026": {"value": "0.05", "approval": "批复"}}})
    params = load_budget_params(tmp_path, "r1")
    assert params.share_for(2026) == (Decimal("0.05"), "批复") and params.share_for(2025) == (Decimal("0.03"), "")
    shipped = load_budget_params(resources_dir() / "rules", "example")
    assert shipped.max_share == Decimal("0.05") and shipped.approved == {}
