"""Loading and validating the rule files: the shipped ones, effective dates, and broken files refused clearly."""

from __future__ import annotations

import json
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from injury_desk.domain.compensation import load_rules
from injury_desk.domain.errors import DomainError

RULES_DIR = Path(__file__).resolve().parents[2] / "resources" / "rules"


@pytest.fixture()
def rules_copy(tmp_path):
    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    return target


def edit(path: Path, change) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")


def test_shipped_rules_hold_the_statutory_numbers():
    rules = load_rules(RULES_DIR)
    national = rules.national_for(date(2025, 3, 10))
    assert national.rules_version == "CN-WII-2011-01-01.1"
    assert [national.disability_subsidy_months[g].months for g in range(1, 11)] == [
        Decimal(n) for n in (27, 25, 23, 21, 18, 16, 13, 11, 9, 7)
    ]
    assert [national.allowance_by_grade[g].share for g in range(1, 7)] == [
        Decimal(s) for s in ("0.90", "0.85", "0.80", "0.75", "0.70", "0.60")
    ]
    assert [national.allowance_by_grade[g].payer for g in range(1, 7)] == ["fund"] * 4 + ["employer"] * 2
    assert national.nursing_shares == {"full": Decimal("0.50"), "major": Decimal("0.40"), "partial": Decimal("0.30")}
    assert (national.floor_share, national.ceiling_share) == (Decimal("0.60"), Decimal("3.00"))
    assert (national.suspension_months, national.suspension_extension_months) == (12, 12)
    assert national.funeral_months == Decimal(6)
    assert (national.spouse_share, national.other_share, national.lonely_supplement) == (
        Decimal("0.40"), Decimal("0.30"), Decimal("0.10")
    )
    assert national.death_multiple == Decimal(20)
    assert national.employment_end_grades == frozenset(range(5, 11))


def test_every_national_number_names_its_article():
    doc = json.loads((RULES_DIR / "national" / "2011-01-01.json").read_text(encoding="utf-8"))

    def walk(node, path):
        if isinstance(node, dict):
            numbers = [k for k, v in node.items() if isinstance(v, str) and v.replace(".", "").isdigit()]
            if numbers and path not in ("", "wage_base") and "basis" not in node:
                # a bare number must sit under a section that carries the basis
                assert any(p in path for p in ("share_by_level", "months_by_grade")), path
            for key, value in node.items():
                walk(value, f"{path}.{key}" if path else key)

    walk(doc, "")
    text = json.dumps(doc)
    for article in ("Art. 33", "Art. 34", "Art. 35", "Art. 36", "Art. 37", "Art. 39(1)", "Art. 39(2)", "Art. 39(3)",
                    "Art. 64"):
        assert article in text


def test_disposable_income_published_figures():
    rules = load_rules(RULES_DIR)
    assert rules.disposable_income(2022).value == Decimal("49283")
    assert rules.disposable_income(2023).value == Decimal("51821")
    assert rules.disposable_income(2024).value == Decimal("54188")
    assert "National Bureau of Statistics" in json.loads(
        (RULES_DIR / "national" / "disposable_income.json").read_text(encoding="utf-8")
    )["source"]


def test_example_region_is_labelled_illustrative():
    rules = load_rules(RULES_DIR)
    for year in (2024, 2025):
        params = rules.region_params("example", year)
        assert params.illustrative is True
        assert "illustrative" in params.name.lower() and "not official" in params.label
    assert rules.region_years("example") == (2024, 2025)


def test_region_lookup_errors():
    rules = load_rules(RULES_DIR)
    with pytest.raises(DomainError) as info:
        rules.region_params("atlantis", 2024)
    assert info.value.key == "rules.region_unknown" and info.value.params["region"] == "atlantis"
    with pytest.raises(DomainError) as info:
        rules.region_params("example", 1999)
    assert info.value.key == "rules.region_year_unknown"
    with pytest.raises(DomainError) as info:
        rules.disposable_income(1990)
    assert info.value.key == "rules.disposable_income_unknown"


def test_rule_set_in_force_on_the_injury_date(rules_copy):
    later = rules_copy / "national" / "2030-01-01.json"
    shutil.copy(rules_copy / "national" / "2011-01-01.json", later)

    def newer(doc):
        doc["effective_from"] = "2030-01-01"
        doc["rules_version"] = "future"
        doc["funeral_subsidy"]["months"] = "7"

    edit(later, newer)
    rules = load_rules(rules_copy)
    assert rules.national_for(date(2029, 12, 31)).rules_version == "CN-WII-2011-01-01.1"
    assert rules.national_for(date(2030, 1, 1)).funeral_months == Decimal(7)
    assert rules.national_for(date(2011, 1, 1)).rules_version == "CN-WII-2011-01-01.1"
    with pytest.raises(DomainError) as info:
        rules.national_for(date(2010, 12, 31))
    assert info.value.key == "rules.no_national_rules"


def test_a_rules_folder_without_any_national_file_says_the_files_are_missing(rules_copy):
    national = rules_copy / "national"
    for path in national.glob("20*.json"):
        path.unlink()
    with pytest.raises(DomainError) as info:  # it said "no national rule set was in force on " (no day)
        load_rules(rules_copy)
    assert (info.value.key, info.value.params) == ("rules.directory_missing", {"path": str(national)})


def test_administrator_adds_a_region_without_code(rules_copy):
    folder = rules_copy / "regions" / "other"
    folder.mkdir()
    shutil.copy(rules_copy / "regions" / "example" / "2024.json", folder / "2024.json")

    def other(doc):
        doc.update(region="other", name="Other City", params_version="other-2024.1", illustrative=False, label="")
        doc["average_monthly_wage"]["value"] = "9000.00"

    edit(folder / "2024.json", other)
    params = load_rules(rules_copy).region_params("other", 2024)
    assert params.average_monthly_wage == Decimal("9000.00") and not params.illustrative


@pytest.mark.parametrize(
    ("file", "change", "problem_key"),
    [
        ("national/2011-01-01.json", lambda d: d.pop("rules_version"), "rules_version"),
        ("national/2011-01-01.json", lambda d: d["nursing_care_allowance"].update(payer="state"),
         "nursing_care_allowance.payer"),
        ("national/2011-01-01.json", lambda d: d.update(effective_from="2012-01-01"), "effective_from"),
        ("national/2011-01-01.json", lambda d: d["funeral_subsidy"].update(months="six"), "funeral_subsidy.months"),
        ("national/2011-01-01.json", lambda d: d["funeral_subsidy"].update(months="-6"), "funeral_subsidy.months"),
        ("national/2011-01-01.json", lambda d: d.update(format=2), "format"),
        ("national/2011-01-01.json", lambda d: d["one_time_disability_subsidy"]["months_by_grade"].pop("4"),
         "one_time_disability_subsidy.months_by_grade"),
        ("regions/example/2024.json", lambda d: d.update(region="elsewhere"), "region"),
        ("regions/example/2024.json", lambda d: d.update(year=2023), "year"),
        ("regions/example/2024.json", lambda d: d.update(label=""), "label"),
        ("regions/example/2024.json", lambda d: d["one_time_medical_subsidy"].update(unit="yuan"),
         "one_time_medical_subsidy.unit"),
        ("national/disposable_income.json", lambda d: d["by_year"]["2024"].pop("source"), "by_year.2024.source"),
    ],
)
def test_broken_rule_files_are_refused_naming_file_and_key(rules_copy, file, change, problem_key):
    edit(rules_copy / file, change)
    with pytest.raises(DomainError) as info:
        load_rules(rules_copy)
    assert info.value.key == "rules.invalid_file"
    assert info.value.params["file"] == file
    assert info.value.params.get("entry") == problem_key


def test_malformed_json_rule_file(rules_copy):
    (rules_copy / "regions" / "example" / "2025.json").write_text("{", encoding="utf-8")
    with pytest.raises(DomainError) as info:
        load_rules(rules_copy)
    assert info.value.key == "rules.invalid_file"
    assert info.value.params["file"] == "regions/example/2025.json"


def test_missing_directory(tmp_path):
    with pytest.raises(DomainError) as info:
        load_rules(tmp_path / "nowhere")
    assert info.value.key == "rules.directory_missing"


def test_the_register_rules_alone_are_those_of_the_whole_book_and_of_the_file_in_force(rules_copy):
    # The Tasks page reads only the register's part of the national rules (dependants' pension endings).
    from injury_desk.domain.compensation.dependants import register_rules_in_force

    whole = load_rules(RULES_DIR)
    for day in (date(2011, 1, 1), date(2026, 12, 4)):
        assert register_rules_in_force(RULES_DIR, day) == whole.national_for(day).register_rules
    # A second national file from 2027-01-01 with the age limit raised to 19: the day before it the 2011 file is in
    # force (18), from its own day the new one (19); a region's file, even a broken one, is never read.
    (rules_copy / "regions" / "example" / "2025.json").write_text("{", encoding="utf-8")
    text = (rules_copy / "national" / "2011-01-01.json").read_text(encoding="utf-8")
    newer = json.loads(text)
    newer["effective_from"], newer["rules_version"] = "2027-01-01", "national-2027"
    newer["dependants_register"]["minor_until_age"] = 19
    (rules_copy / "national" / "2027-01-01.json").write_text(json.dumps(newer), encoding="utf-8")
    assert register_rules_in_force(rules_copy, date(2026, 12, 31)).ages.minor_until_age == 18
    assert register_rules_in_force(rules_copy, date(2027, 1, 1)).ages.minor_until_age == 19
    with pytest.raises(DomainError) as info:  # before the first file, as RuleBook.national_for says
        register_rules_in_force(rules_copy, date(2010, 12, 31))
    assert info.value.key == "rules.no_national_rules"
    # the register's part is still checked, naming the file and the entry
    newer["dependants_register"]["minor_until_age"] = "eighteen"
    (rules_copy / "national" / "2027-01-01.json").write_text(json.dumps(newer), encoding="utf-8")
    with pytest.raises(DomainError) as info:
        register_rules_in_force(rules_copy, date(2027, 6, 1))
    assert (info.value.key, info.value.params["file"]) == ("rules.invalid_file", "national/2027-01-01.json")
    assert "dependants_register.minor_until_age" in info.value.params["problem"]
    # a misnamed national file is refused as the rule book refuses it
    (rules_copy / "national" / "2027-01-01.json").rename(rules_copy / "national" / "2027-1-1.json")
    for read in (lambda: register_rules_in_force(rules_copy, date(2027, 6, 1)), lambda: load_rules(rules_copy)):
        with pytest.raises(DomainError) as info:
            read()
        assert (info.value.key, info.value.params["file"]) == ("rules.invalid_file", "national/2027-1-1.json")
