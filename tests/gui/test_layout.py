"""Layout at 1366×768 (issue 14): claims columns keep their width when the detail pane moves, headers fit."""

from __future__ import annotations

import pytest

from injury_desk.ui.claims.claims_page import ClaimsPage
from tests.conftest import claim_draft


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_claims_columns_fit_their_headers_and_do_not_move_with_the_detail_pane(qtbot, qapp, env, services, cw,
                                                                                language):
    from injury_desk.ui.app import install_translations

    install_translations(qapp, language)
    try:
        services.claims.create(cw, claim_draft())
        page = ClaimsPage(env)
        qtbot.addWidget(page)
        page.resize(1200, 700)
        page.show()
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)
        header = page.table.horizontalHeader()
        widths = [header.sectionSize(i) for i in range(header.count())]
        for i in range(header.count()):  # "Next deadlin": a header cut off
            text = page.model.headerData(i, header.orientation())
            needed = header.fontMetrics().horizontalAdvance(text)
            assert widths[i] >= needed, (text, widths[i], needed)
        page.splitter.setSizes([500, 700])  # the detail pane moves left
        assert [header.sectionSize(i) for i in range(header.count())] == widths
        page.splitter.setSizes([1000, 200])
        assert [header.sectionSize(i) for i in range(header.count())] == widths
    finally:
        install_translations(qapp, "en")
