"""The claims count changes with the list, never showing the previous filter's number (issue 14)."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from injury_desk.ui.claims import list_model
from injury_desk.ui.claims.claims_page import ClaimsPage
from tests.conftest import claim_draft


def test_count_follows_the_list_at_once(qtbot, env, services, cw, monkeypatch):
    monkeypatch.setattr(list_model, "PAGE_SIZE", 2)  # so three claims are more than one page
    for day in (1, 2, 3):
        services.claims.create(cw, claim_draft(accident_date=f"2026-10-{day:02d}"))
    page = ClaimsPage(env)
    qtbot.addWidget(page)
    page.model.count_delay_ms = 60_000  # the exact count is still running when we look
    # Qt's view fetches the next page as soon as the list's last row shows, even in part: this list shows less
    # than one row, so only the first page is loaded until the list is scrolled (as in a long office list).
    page.table.setFixedHeight(page.table.horizontalHeader().sizeHint().height() + 2 * page.table.frameWidth() + 16)
    page.show()
    qtbot.waitUntil(lambda: page.count_label.text() == "at least 2 claim(s), counting…")
    # Every time the list changes, the count beside it has changed with it (both are set by one callback).
    seen = []
    page.model.modelReset.connect(lambda: QTimer.singleShot(0, lambda: seen.append(
        (page.model.query.text, page.model.rowCount(), page.count_label.text()))))
    page.model.set_filter("李")  # nobody: the list and the count are empty together
    qtbot.waitUntil(lambda: page.model.query.text == "李" and page.count_label.text() == "0 claim(s)")
    assert page.model.rowCount() == 0
    page.model.set_filter("张")  # three claims, two loaded: the count never says 0 meanwhile
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen == [("李", 0, "0 claim(s)"), ("张", 2, "at least 2 claim(s), counting…")]
    page.model._count_timer.stop()
    page.model._run_count()
    qtbot.waitUntil(lambda: page.count_label.text() == "3 claim(s)")
