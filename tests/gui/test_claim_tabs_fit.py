"""The claim's tabs at 1366×768 (the detail pane is then about 470 px wide), in English and in Chinese: no tab
scrolls sideways, the text of the columns wraps instead of being cut, and the Missing worker tab keeps its lines
under the explanation with the spare height below them (pytest-qt, offscreen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollBar

from injury_desk.ui.row_table import RowTable
from tests.gui.test_claim_case_file import settle, shown
from tests.integration.test_claim_costs import MEDICAL
from tests.integration.test_dependants_register import family, fatal_claim

PANE = (470, 640)  # the claims page gives the detail pane this much of a 1366×768 window


def sideways(widget) -> list[str]:
    """The widgets inside ``widget`` that show a horizontal scrollbar."""
    return [type(bar.parentWidget().parentWidget()).__name__ for bar in widget.findChildren(QScrollBar)
            if bar.orientation().name == "Horizontal" and bar.isVisible()]


def test_no_claim_tab_scrolls_sideways_in_the_detail_pane(qtbot, qapp, env, services, cw, sup, language):
    claim_id = fatal_claim(services, cw, sup)
    family(services, cw, claim_id)  # four people: the register and twelve months of pensions fill up
    services.costs.propose(cw, claim_id, MEDICAL)
    view = shown(qtbot, env, services, claim_id, "dependants")
    view.resize(*PANE)
    for i in range(view.tabs.count()):
        view.tabs.setCurrentIndex(i)
        settle(qtbot)
        tab = view.tabs.currentWidget()
        qtbot.waitUntil(lambda: not sideways(tab), timeout=2000)
        for table in tab.findChildren(RowTable):
            if not table.isVisible():
                continue
            header = table.horizontalHeader()
            assert header.length() <= table.viewport().width(), (tab.objectName(), language)
            # Every number, date and ID number is shown whole: its column is at least as wide as the text.
            model = table.model()
            for r in range(model.rowCount()):
                for c in range(model.columnCount()):
                    for line in str(model.index(r, c).data() or "").split("\n"):
                        if line and all(ch in "0123456789-.,%X" for ch in line):
                            width = table.fontMetrics().horizontalAdvance(line)
                            assert header.sectionSize(c) >= width, (tab.objectName(), line, language)
            for column in range(model.columnCount() if table.wrap else 0):  # a wrapped list's titles are whole,
                table.sortByColumn(column, Qt.SortOrder.AscendingOrder)  # whichever column is sorted
                assert title_cut(table) == [], (tab.objectName(), column, language)
    register = view.case_tabs["dependants"].table
    assert register.model().rowCount() == 4


def test_missing_worker_lines_follow_the_explanation(qtbot, env, services, cw, sup):
    """The tab's few lines sit under the explanation; the spare height goes below them, above the buttons."""
    claim_id = fatal_claim(services, cw, sup)
    view = shown(qtbot, env, services, claim_id, "missing")
    view.resize(*PANE)
    tab = view.case_tabs["missing"]
    qtbot.waitUntil(lambda: "not recorded as missing" in tab.details.text())
    settle(qtbot)
    info, details = tab.info.geometry(), tab.details.geometry()
    gap = details.top() - info.bottom()
    assert gap < 3 * tab.layout().spacing() + 10, gap
    # the text fills its label: no empty band inside the label either
    assert details.height() <= tab.details.sizeHint().height() + 10
    assert tab.record_button.geometry().top() > details.bottom() + 100  # the buttons stay at the bottom


def test_no_claim_tab_asks_more_than_the_pane_it_gets(qtbot, qapp, env, services, cw, sup, language):
    # The detail pane can be no narrower than its widest tab's minimum, whichever tab is shown: the Dependants
    # tab's unwrapped title (580 px in English) and the Missing worker tab's three buttons in a row (600 px) made
    # the pane take 607 px of a 1366 px window and left the claims list 569, three columns cut off.
    claim_id = fatal_claim(services, cw, sup)
    view = shown(qtbot, env, services, claim_id, "missing")
    wide = {view.tabs.tabText(i): view.tabs.widget(i).minimumSizeHint().width() for i in range(view.tabs.count())}
    assert max(wide.values()) <= PANE[0] + 30, (language, wide)
    assert view.tabs.minimumSizeHint().width() <= PANE[0] + 40, language


def test_every_section_title_is_in_view_in_the_pane(qtbot, qapp, env, services, cw, sup, language):
    # A tab bar showed the claim's ten sections in one row with scroll arrows: at 470 px "Recurrence" was cut in
    # half and the Missing worker, Notes and History tabs were out of sight (they ask 891 px in English, 767 in
    # Chinese). The titles wrap onto a second row instead; each is whole, none covers another or the page.
    claim_id = fatal_claim(services, cw, sup)
    view = shown(qtbot, env, services, claim_id, "notes")
    view.resize(*PANE)
    settle(qtbot)
    qtbot.waitUntil(lambda: view.tabs.currentWidget().isVisible())
    page = view.tabs.currentWidget()
    page_top = page.mapTo(view, page.rect().topLeft()).y()
    seen = []
    for i in range(view.tabs.count()):
        button = view.tabs.tabButton(i)
        assert button.isVisible(), (button.text(), language)
        box = button.rect().translated(button.mapTo(view, button.rect().topLeft()))
        assert view.rect().contains(box), (button.text(), box, view.rect(), language)
        assert box.width() >= button.sizeHint().width(), (button.text(), language)  # not squeezed
        assert box.bottom() < page_top, (button.text(), language)
        assert not any(box.intersects(other) for other in seen), (button.text(), language)
        seen.append(box)
    assert len({box.top() for box in seen}) == 2, language  # two rows, not one row per title


def test_a_section_opens_from_its_title_and_from_the_keyboard(qtbot, env, services, cw, sup):
    claim_id = fatal_claim(services, cw, sup)
    view = shown(qtbot, env, services, claim_id, "deadlines")
    view.resize(*PANE)
    index = view.tabs.indexOf(view.case_tabs["history"])
    qtbot.mouseClick(view.tabs.tabButton(index), Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert view.tabs.currentWidget() is view.case_tabs["history"]
    assert view.case_tabs["history"].isVisible() and not view.case_tabs["deadlines"].isVisible()
    assert view.tabs.tabButton(index).isChecked() and not view.tabs.tabButton(1).isChecked()
    qtbot.waitUntil(lambda: view.case_tabs["history"].table.model().rowCount() > 0)  # its rows were read
    view.activateWindow()
    view.case_tabs["history"].table.setFocus()
    qtbot.keyClick(view.case_tabs["history"].table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert view.tabs.currentIndex() == 0  # History is the last: the next is the summary
    qtbot.keyClick(view.browser, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert view.tabs.currentWidget() is view.case_tabs["history"]
    qtbot.keyClick(view.case_tabs["history"].table, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # No&tes
    qtbot.waitUntil(lambda: view.tabs.currentWidget() is view.case_tabs["notes"])  # a mnemonic clicks animated
    # Tab reaches the titles at the current one (it stayed on Summary, where Space then switched sections).
    titles = [view.tabs.tabButton(i) for i in range(view.tabs.count())]
    assert [b.text() for b in titles if b.focusPolicy() & Qt.FocusPolicy.TabFocus] == ["No&tes"]
    notes = titles[view.tabs.indexOf(view.case_tabs["notes"])]
    notes.setFocus()
    qtbot.keyClick(notes, Qt.Key.Key_Right)  # and the arrows move between the titles from there
    qtbot.waitUntil(lambda: view.tabs.currentWidget() is view.case_tabs["history"])


def title_cut(table) -> list[str]:
    """The titles of ``table`` that do not fit their place in its header (its lines at the column's width)."""
    header = table.horizontalHeader()
    cut = []
    for i in range(header.count()):
        title = table.model().headerData(i, header.orientation())
        room = header.sectionSize(i) - table._title_room(i)
        box = header.fontMetrics().boundingRect(0, 0, room, 10_000, Qt.TextFlag.TextWordWrap.value, title)
        words_whole = all(header.fontMetrics().horizontalAdvance(w) <= room for w in title.split())
        if box.height() > header.height() or not (words_whole or language_breaks_anywhere(title)):
            cut.append(title)
    return cut


def language_breaks_anywhere(title: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in title)


def test_the_recurrence_columns_show_their_dates_whole_and_titles_wrap(qtbot, qapp, env, services, cw, sup,
                                                                         language):
    # Eight columns in the 470 px pane cut "Confirmed by" to "Confirm", "Suspension period" to "Suspension p"
    # and, in Chinese, every title after the fourth. Who confirmed goes under the reason, whether the period
    # ended under the period, and titles wrap onto two or three lines; in Chinese every title is whole.
    from tests.integration.test_recurrence import RECURRENCE, closed_claim
    claim_id = closed_claim(services, cw, sup)
    services.recurrences.reopen(cw, claim_id, {**RECURRENCE, "stop_work_started_on": "2026-11-20"})
    view = shown(qtbot, env, services, claim_id, "recurrences")
    view.resize(*PANE)
    table = view.case_tabs["recurrences"].table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    settle(qtbot)
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()
    period = table.model().index(0, 3).data()
    for date in ("2026-11-20", "2027-11-19"):
        assert date in period
        assert header.sectionSize(3) >= table.fontMetrics().horizontalAdvance(date), language
    assert header.height() > 2 * header.fontMetrics().height(), language  # the titles took two lines
    assert title_cut(table) == [], language
    # The list's one row selected: Qt called every column selected and drew the titles bold, wider than
    # measured ("Recordec"); and a title stays whole whichever column is sorted.
    table.selectRow(0)
    assert title_cut(table) == [], language
    for column in range(header.count()):
        table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        assert title_cut(table) == [], (language, column)


def test_cost_texts_wrap_between_words_never_inside_one(qtbot, env, services, cw, sup):
    """A cost's kind, payer and state are a few words each: in the narrow pane each column keeps its widest word
    whole (it read "M… tr…" for "Medical treatment" while the state kept its whole sentence on one line). English
    only: Chinese text breaks between any two characters."""
    claim_id = fatal_claim(services, cw, sup)
    services.costs.propose(cw, claim_id, MEDICAL)
    view = shown(qtbot, env, services, claim_id, "costs")
    view.resize(*PANE)
    settle(qtbot)
    table = view.case_tabs["costs"].table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    header, model, metrics = table.horizontalHeader(), table.model(), table.fontMetrics()
    for c in range(model.columnCount()):
        for word in str(model.index(0, c).data() or "").split():
            assert header.sectionSize(c) >= metrics.horizontalAdvance(word), word


def test_the_advances_totals_wrap_in_the_pane(qtbot, env, services, cw, sup):
    """The totals sentence of the Uninsured employer tab wraps: the tab asks no more width than the pane has (it
    asked 615 px and pushed the splitter into the claims list)."""
    claim_id = fatal_claim(services, cw, sup)
    view = shown(qtbot, env, services, claim_id, "advances")
    view.resize(*PANE)
    tab = view.case_tabs["advances"]
    tab.totals.setText("Advanced: 49,000.00 yuan; repaid: 10,000.00 yuan; to recover from the employer: "
                       "39,000.00 yuan")
    assert tab.minimumSizeHint().width() <= PANE[0]
