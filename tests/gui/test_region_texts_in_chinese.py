"""The shipped region's own words ("Example Province", its schedule, its Art. 40 notices) read in Chinese in the
Chinese interface, while the stored results keep the rule file's text (language-neutral) and English is unchanged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from injury_desk.services.assessments import result_record
from injury_desk.ui.messages_formulas import basis_text, formula_text, rule_file_text
from tests.gui.test_formulas_in_chinese import chinese, rules_book  # noqa: F401 - fixtures
from tests.gui.test_assessment_dialog import opened_as_it_opens

NOTICE = ("Example Province notice on the 2025 adjustment of work-injury benefits (illustrative figures, "
          "not official)")


@pytest.fixture(scope="module")
def grade_7(rules_book):  # noqa: F811 - the fixture imported above
    from injury_desk.domain.compensation import calculate, parse_calc_input

    inputs = {"injury_date": "2025-03-10", "average_monthly_wage": "6200", "disability_grade": 7,
              "region": "example", "employment_ended": True, "hospital_days": 4}
    return result_record(calculate(parse_calc_input(inputs, rules_book), rules_book))


def item(result, code):
    return next(i for i in result["items"] if i["code"] == code)


def test_the_schedule_and_the_region_read_in_chinese(grade_7, chinese):  # noqa: F811
    medical = item(grade_7, "one_time_medical_subsidy")
    assert "Example" not in basis_text(medical) and "illustrative" not in basis_text(medical)
    assert basis_text(medical).endswith("示例省标准（示例省（示意数字，非官方数据），2024年）")
    meals = item(grade_7, "hospital_meal_allowance")
    assert basis_text(meals).endswith("伙食补助标准：示例省（示意数字，非官方数据），2024年")
    # The stored message keeps the rule file's own English text: the language is chosen when it is shown.
    assert "Example Province schedule" in str(medical["basis_message"])
    assert rule_file_text(NOTICE) == "示例省关于2025年调整工伤保险待遇的通知（示意数字，非官方数据）"


def test_english_reads_as_before(grade_7):
    medical = item(grade_7, "one_time_medical_subsidy")
    assert basis_text(medical).endswith(
        "Example Province schedule (Example Province (illustrative figures, not official), 2024)")
    assert medical["basis"] == basis_text(medical)  # the English text stored beside the keys says the same
    assert rule_file_text(NOTICE) == NOTICE and formula_text(medical).startswith("12 months")


def test_the_assessment_dialog_names_the_region_in_chinese(qtbot, env, services, chinese):  # noqa: F811
    dialog = opened_as_it_opens(qtbot, env, services)
    note = dialog.wages_tab.figures_note
    qtbot.waitUntil(lambda: "示例省" in note.text())
    # the region box names the region as its parameter file does, in Chinese; the document keeps its code
    region = dialog.wages_tab.region
    assert region.currentText() == "示例省（示意数字，非官方数据）" and region.currentData() == "example"
    assert dialog.wages_tab.inputs(dialog.state)["region"] == "example"
    assert "Example" not in note.text() and "不可用于实际决定" in note.text()
    qtbot.mouseClick(dialog.calculate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.item_table.rowCount() > 0 or dialog.message.isVisible())
    bases = [dialog.item_table.item(r, 4).text() for r in range(dialog.item_table.rowCount())]
    assert any("示例省" in b for b in bases) and not any("Example" in b for b in bases), bases
