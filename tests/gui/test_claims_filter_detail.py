"""The detail pane follows the claims list when the filter changes: the claim shown stays selected while the list
holds it and leaves the pane when it does not (issue 14: nothing misleading)."""

from __future__ import annotations

from datetime import date

from injury_desk.domain.identifiers import make_resident_id
from injury_desk.ui.claims.claims_page import ClaimsPage
from tests.conftest import claim_draft, worker_data


def _page(qtbot, env):
    page = ClaimsPage(env)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: page.detail is not None and page.model.rowCount() == 2)
    return page


def _select(qtbot, page, claim_id):
    page.select_claim(claim_id)
    qtbot.waitUntil(lambda: page.detail.claim is not None and page.detail.claim.id == claim_id)


def _filter(qtbot, page, text, rows):
    page.filter.setText(text)
    qtbot.waitUntil(lambda: page.model.query.text == text and page.model.rowCount() == rows)


def test_the_detail_pane_follows_the_filtered_list(qtbot, env, services, cw):
    zhang = services.claims.create(cw, claim_draft())  # 张伟
    li = services.claims.create(cw, claim_draft(worker=worker_data(
        name="李明", id_number=make_resident_id("110105", date(1980, 5, 6), 13, "M"))))
    page = _page(qtbot, env)

    _select(qtbot, page, li)
    _filter(qtbot, page, "李", 1)  # 李明's claim is still listed: still selected and shown
    qtbot.waitUntil(lambda: page.current_claim_id() == li)
    assert page.detail.claim.id == li

    _select(qtbot, page, li)
    _filter(qtbot, page, "张", 1)  # no longer listed: the pane no longer shows it, nor offers its next step
    qtbot.waitUntil(lambda: page.detail.claim is None)
    assert page.current_claim_id() is None
    assert "Select a claim" in page.detail.browser.toPlainText()
    assert page.detail.next_label.text() == ""

    _filter(qtbot, page, "", 2)
    _select(qtbot, page, zhang)
    assert page.detail.claim.id == zhang
