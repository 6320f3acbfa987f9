"""The suspension period's months from its recorded dates (Regulation Art. 33), computed by hand at the boundaries.

Art. 33 para. 2: 停工留薪期一般不超过12个月。…经设区的市级劳动能力鉴定委员会确认，可以适当延长，但延长不得超过12个月。
The period counts its first day (12 months from 10 January end on 9 January); a month begun is paid as a month."""

from __future__ import annotations

from datetime import date

import pytest

from injury_desk.domain.suspension_period import months_paid, period_errors, whole_months_and_days


@pytest.mark.parametrize("start, end, whole, months", [
    ("2025-01-10", "2025-01-10", (0, 1), 1),   # one day: a month begun
    ("2025-01-10", "2025-02-09", (1, 0), 1),   # 10 Jan – 9 Feb: exactly one month
    ("2025-01-10", "2025-02-10", (1, 1), 2),   # one day more: a second month begun
    ("2025-01-10", "2025-04-09", (3, 0), 3),
    ("2025-01-10", "2025-04-10", (3, 1), 4),
    ("2025-01-10", "2026-01-09", (12, 0), 12),  # the full 12 months of Art. 33
    # 31 Jan + 1 month = 28 Feb (Civil Code Art. 202: the last day of the shorter month), so a month counted from
    # 31 January ends on 27 February, and the 28th begins the second month
    ("2025-01-31", "2025-02-26", (0, 27), 1),
    ("2025-01-31", "2025-02-27", (1, 0), 1),
    ("2025-01-31", "2025-02-28", (1, 1), 2),
    ("2025-01-10", "2027-01-09", (24, 0), 24),  # the longest extension: 24 months
])
def test_months_from_the_dates(start, end, whole, months):
    s, e = date.fromisoformat(start), date.fromisoformat(end)
    assert whole_months_and_days(s, e) == whole
    assert months_paid(s, e) == months


def test_the_end_must_lie_within_the_allowed_period_and_before_the_appraisal():
    start = date(2025, 1, 10)
    assert period_errors(start, date(2026, 1, 9), 12) == []  # the last day of 12 months
    [beyond] = period_errors(start, date(2026, 1, 10), 12)  # a day too many without the extension
    assert (beyond.field, beyond.rule, beyond.params) == ("ended_on", "claim.stop_work_end_beyond",
                                                          {"last": "2026-01-09", "months": 12})
    assert period_errors(start, date(2026, 7, 9), 18) == []  # extended to 18 months: ends 9 July 2026
    assert [e.rule for e in period_errors(start, date(2026, 7, 10), 18)] == ["claim.stop_work_end_beyond"]
    assert [e.rule for e in period_errors(start, date(2025, 1, 9), 12)] == ["claim.stop_work_end_before_start"]
    # Art. 33 para. 3: the appraisal ends the period; on the appraisal day is still in time
    assert period_errors(start, date(2025, 6, 1), 12, appraised_on=date(2025, 6, 1)) == []
    assert [e.rule for e in period_errors(start, date(2025, 6, 2), 12, appraised_on=date(2025, 6, 1))] == [
        "claim.stop_work_end_after_appraisal"]
    assert [e.rule for e in period_errors(None, date(2025, 6, 2), 12)] == ["claim.no_stop_work"]
