"""Formulas and legal bases reach the Chinese interface translated, from message keys, not as English prose."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from injury_desk.services.assessments import result_record
from injury_desk.ui.claims.assessment_dialog import AssessmentDialog
from injury_desk.ui.messages_formulas import basis_text, formula_text
from tests.integration.test_assessment_services import appraised_claim, with_wages


@pytest.fixture
def chinese(qapp, monkeypatch):
    from injury_desk.ui.app import install_translations

    installed = install_translations(qapp, "zh_CN")
    assert installed, "no translator was installed for zh_CN"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_assessment_page_shows_chinese_formulas_and_bases(qtbot, env, services, chinese):
    claim_id = appraised_claim(services, env.actor, grade=4, nursing="partial")
    with_wages(services, env.actor, claim_id)
    dialog = AssessmentDialog(env, claim_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.calculate_button.isEnabled)  # once the claim is read (off the GUI thread)
    qtbot.mouseClick(dialog.calculate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.item_table.rowCount() == 4 or dialog.message.isVisible())
    assert not dialog.message.isVisible(), dialog.message.text()
    # grade 4: 21 months × 6,000 = 126,000 (Art. 35); nursing 30% × 7,800 (the example region) = 2,340 (Art. 34)
    assert dialog.item_table.item(1, 5).text() == "21 个月 × 本人工资 6,000.00 = 126,000.00"
    assert dialog.item_table.item(1, 4).text() == "《工伤保险条例》（2010年修订）第三十五条"
    assert dialog.item_table.item(3, 5).text() == "30% × 统筹地区上年度职工月平均工资 7,800.00 = 2,340.00"
    assert dialog.item_table.item(3, 4).text().startswith("《工伤保险条例》（2010年修订）第三十四条；职工月平均工资：")
    dialog.item_table.selectRow(1)
    assert "21 个月 × 本人工资 6,000.00 = 126,000.00" in dialog.details.toPlainText()


def test_pension_top_up_and_dependants_read_in_chinese(rules_book, chinese):
    from injury_desk.domain.compensation import calculate, parse_calc_input

    base = {"injury_date": "2025-03-10", "average_monthly_wage": "6000", "regional_average_monthly_wage": "8000"}
    alive = result_record(calculate(parse_calc_input({**base, "disability_grade": 1, "basic_pension": "4000"},
                                                     rules_book), rules_book))
    top_up = next(i for i in alive["items"] if i["code"] == "pension_top_up")
    assert Decimal(top_up["amount"]) == Decimal("1400.00")
    assert formula_text(top_up) == "90% × 本人工资 6,000.00 = 5,400.00；伤残津贴 5,400.00 − 基本养老保险待遇 4,000.00 = 1,400.00"
    assert basis_text(top_up) == ("《工伤保险条例》（2010年修订）第三十五条；"
                                  "《工伤保险条例》（2010年修订）第三十五条第二款；《中华人民共和国社会保险法》第四十条")
    died = result_record(calculate(parse_calc_input(
        {**base, "fatal": True, "disability_grade": 2, "death_after_suspension": True,
         "dependants": [{"relation": "spouse"}, {"relation": "child", "lonely_elderly_or_orphan": True}]},
        rules_book), rules_book))
    pension = next(i for i in died["items"] if i["code"] == "dependants_pension")
    assert formula_text(pension) == "配偶 40% + 子女 30%+10% = 80%；80% × 本人工资 6,000.00 = 4,800.00"
    assert basis_text(pension).endswith("第三十九条第三款")


def test_a_result_stored_before_the_keys_shows_its_english_text(chinese):
    old = {"code": "wage_base", "formula": "6,000.00 → 6,000.00", "basis": "Art. 64"}
    assert (formula_text(old), basis_text(old)) == ("6,000.00 → 6,000.00", "Art. 64")


@pytest.fixture(scope="module")
def rules_book():
    from pathlib import Path

    from injury_desk.domain.compensation import load_rules

    return load_rules(Path(__file__).resolve().parents[2] / "resources" / "rules")
