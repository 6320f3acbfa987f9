"""Fixtures of the database-free tests: the shipped compensation rule book, read once."""

from __future__ import annotations

import pytest

from injury_desk.domain.compensation import load_rules
from injury_desk.resources import rules_dir


@pytest.fixture(scope="session")
def rules():
    """The rule book of resources/rules/ as shipped (national rules, the example region, adjustments)."""
    return load_rules(rules_dir())
