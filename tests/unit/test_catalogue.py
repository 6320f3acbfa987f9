"""The message catalogue: each entry names a parameter for each of its placeholders."""

from __future__ import annotations

import re

from injury_desk.catalogue import FIELDS, LABELS, RULES


def _entries():
    yield from RULES.items()
    yield from FIELDS.items()
    for group, entries in LABELS.items():
        for code, entry in entries.items():
            yield f"{group}:{code}", entry


def test_every_placeholder_has_a_parameter_name_and_every_name_a_placeholder():
    bad = []
    for key, entry in _entries():
        numbers = {int(n) for n in re.findall(r"%([1-9][0-9]?)", entry.text)}
        if numbers != set(range(1, len(entry.names) + 1)):
            bad.append(f"{key}: {entry.text!r} names {entry.names}")
    assert not bad, "\n".join(bad)


def test_keys_the_services_raise_are_in_the_catalogue():
    for key in ("claim.application_late", "permission.denied", "sync.network", "calc.required.named",
                "rehab.budget_exceeded", "print.no_assessment", "attachment.too_large"):
        assert key in RULES, key
