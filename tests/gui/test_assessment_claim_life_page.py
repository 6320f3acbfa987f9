"""The Assessment page's claim-life parameters: days in hospital with the region's daily meal standard
(Art. 30), and the basic pension that replaces a grade 1-4 allowance after retirement (Art. 35)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from injury_desk.ui.claims.assessment_dialog import AssessmentDialog
from injury_desk.ui.operations import running
from tests.integration.test_assessment_services import appraised_claim, with_wages


def open_dialog(qtbot, env, claim_id) -> AssessmentDialog:
    dialog = AssessmentDialog(env, claim_id)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 750)
    dialog.show()
    qtbot.waitUntil(lambda: running() == 0)  # the claim is read off the GUI thread
    return dialog


def test_hospital_days_and_basic_pension_reach_the_line_items(qtbot, env, services):
    claim_id = appraised_claim(services, env.actor, grade=4, nursing="partial")
    with_wages(services, env.actor, claim_id)
    dialog = open_dialog(qtbot, env, claim_id)
    tab = dialog.wages_tab
    assert tab.basic_pension.isVisible()  # grade 4 draws the fund's allowance until retirement
    assert tab.meal_rate.placeholderText() == "32.00 from the parameter file"  # example region, 2025
    tab.hospital_days.setValue(10)
    tab.basic_pension.setText("4000")
    qtbot.mouseClick(dialog.calculate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.item_table.rowCount() == 5 or dialog.message.isVisible())
    assert not dialog.message.isVisible(), dialog.message.text()
    rows = {dialog.item_table.item(r, 0).text(): r for r in range(dialog.item_table.rowCount())}
    # the allowance 75% × 6,000 = 4,500 is replaced by 4,500 − 4,000 = 500 from the fund
    assert "Monthly disability allowance" not in rows
    top_up = rows["Top-up of the basic pension to the disability allowance"]
    assert dialog.item_table.item(top_up, 1).text() == "500.00"
    assert dialog.item_table.item(top_up, 5).text().endswith(
        "4,500.00 monthly disability allowance − 4,000.00 basic pension = 500.00")
    # 10 days × 32.00 (the example region's 2025 standard) = 320.00
    meals = rows["Hospital meal allowance"]
    assert dialog.item_table.item(meals, 1).text() == "320.00"
    assert "daily standard: Example Province" in dialog.item_table.item(meals, 4).text()


def test_an_entered_daily_standard_wins_and_a_grade_7_has_no_pension_field(qtbot, env, services):
    claim_id = appraised_claim(services, env.actor, grade=7, nursing="none")
    with_wages(services, env.actor, claim_id)
    dialog = open_dialog(qtbot, env, claim_id)
    tab = dialog.wages_tab
    assert not tab.basic_pension.isVisible()
    tab.hospital_days.setValue(3)
    tab.meal_rate.setText("45.50")
    assert tab.inputs(dialog.state)["hospital_meal_allowance_per_day"] == "45.50"
    assert "basic_pension" not in tab.inputs(dialog.state)
    qtbot.mouseClick(dialog.calculate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.item_table.rowCount() == 3 or dialog.message.isVisible())
    assert not dialog.message.isVisible(), dialog.message.text()
    # 3 × 45.50 = 136.50
    assert dialog.item_table.item(2, 0).text() == "Hospital meal allowance"
    assert dialog.item_table.item(2, 1).text() == "136.50"
