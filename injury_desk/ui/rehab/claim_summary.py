"""The rehabilitation part of the claim page: each case's state, budget use, latest measures and return to work."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from injury_desk.placeholders import arg
from injury_desk.services.rehab import CaseSummary
from injury_desk.ui.messages import measure_short, referral_labels, rehab_status_labels, rtw_labels

CASE_LINK = "rehab-case:"  # + case id
OPEN_LINK = "rehab-open:"


def claim_rehab_html(cases: list[CaseSummary], *, eligible: bool, can_open: bool) -> str:
    """HTML for the claim detail; links: ``rehab-case:<id>`` opens a case, ``rehab-open:`` opens a new one."""
    referrals, statuses, outcomes = referral_labels(), rehab_status_labels(), rtw_labels()
    parts = ["<h4>" + escape(QCoreApplication.translate("RehabClaimSummary", "Rehabilitation")) + "</h4>"]
    if not cases:
        if eligible:
            text = QCoreApplication.translate("RehabClaimSummary", "No rehabilitation case.")
        else:
            text = QCoreApplication.translate(
                "RehabClaimSummary", "No rehabilitation case: only a recognised or deemed injury can be referred.")
        parts.append("<p><i>" + escape(text) + "</i>")
        if eligible and can_open:
            link = QCoreApplication.translate("RehabClaimSummary", "Open a rehabilitation case…")
            parts.append(f" <a href='{OPEN_LINK}'>{escape(link)}</a>")
        parts.append("</p>")
        return "".join(parts)
    for c in cases:
        head = arg(QCoreApplication.translate(
            "RehabClaimSummary", "%1 at %2 · %3 since %4"), referrals.get(c.referral_type, c.referral_type), c.provider, statuses.get(c.status, c.status), (c.closed_on or c.opened_on).isoformat())
        share = f"{c.spent / c.budget * 100:.0f}" if c.budget else "—"
        budget = arg(QCoreApplication.translate(
            "RehabClaimSummary", "Budget used: %1 of %2 yuan (%3 %)"), f"{c.spent:,.2f}", f"{c.budget:,.2f}", share)
        if c.rtw_outcome:
            rtw = outcomes.get(c.rtw_outcome, c.rtw_outcome) + (f" · {c.rtw_date.isoformat()}" if c.rtw_date else "")
        else:
            rtw = QCoreApplication.translate("RehabClaimSummary", "not recorded yet")
        lines = [budget, arg(QCoreApplication.translate("RehabClaimSummary", "Return to work: %1"), rtw)]
        for m in c.latest:
            if m.value is None:
                latest = arg(QCoreApplication.translate(
                    "RehabClaimSummary", "%1 (%2): no measurement yet, target %3"), m.description, measure_short(m.measure), m.target or "—")
            else:
                latest = arg(QCoreApplication.translate(
                    "RehabClaimSummary", "%1 (%2): %3 on %4, target %5"), m.description, measure_short(m.measure), m.value, m.measured_on.isoformat(), m.target or "—")
            lines.append("· " + latest)
        link = QCoreApplication.translate("RehabClaimSummary", "Open case…")
        parts.append(f"<p><b>{escape(head)}</b> <a href='{CASE_LINK}{escape(c.id)}'>{escape(link)}</a><br>"
                     + "<br>".join(escape(line) for line in lines) + "</p>")
    return "".join(parts)
