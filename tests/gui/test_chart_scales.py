"""Chart axes read as numbers people expect: whole steps for counts and yuan, never "0, 0, 0, 1, 1"."""

from __future__ import annotations

import pytest

from injury_desk.ui.prevention.statistics_page import nice_scale


@pytest.mark.parametrize("top, whole, expected", [
    (0, True, (1.0, 5.0)),  # nothing yet: 0..5 in ones, not 0..1 in quarters shown as 0, 0, 0, 1, 1
    (3, True, (1.0, 4.0)),
    (1_234_567.0, True, (250_000.0, 1_500_000.0)),  # benefit costs in yuan
    (0.37, False, (0.1, 0.4)),  # a rate per 100 workers keeps its decimals
])
def test_nice_scale(top, whole, expected):
    step, upper = nice_scale(top, whole=whole)
    assert (step, upper) == pytest.approx(expected)
    labels = [f"{i * step:.0f}" if whole else f"{i * step:.2f}" for i in range(int(round(upper / step)) + 1)]
    assert len(set(labels)) == len(labels)  # every tick label differs from the others
