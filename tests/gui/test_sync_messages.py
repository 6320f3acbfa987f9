"""Every message key the sync layer can raise (desktop engine, sync service, central service) has a sentence,
and the sync page turns raw table, field and type names in a reason into words."""

from __future__ import annotations

import re
from pathlib import Path

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed
from injury_desk.catalogue import RULES
from injury_desk.ui.messages import error_text
from injury_desk.ui.sync.common import reason_text

ROOT = Path(__file__).resolve().parents[2] / "injury_desk"
SOURCES = [*sorted((ROOT / "sync").glob("*.py")), ROOT / "services" / "sync.py", *sorted((ROOT / "central").glob("*.py")),
           ROOT / "store" / "rowcodec.py"]
RAISED = [
    re.compile(r'\b(?:SyncError|DomainError|CentralError|Rejected|BadValue)\(\s*"([a-z_]+\.[a-z_]+)"'),
    re.compile(r'\bFieldError\([^,()]+,\s*"([a-z_]+\.[a-z_]+)"'),
    re.compile(r'\b_refused\([^,()]+,\s*"([a-z_]+\.[a-z_]+)"'),  # the push's refusal of one mutation
    re.compile(r'\breason="([a-z_]+\.[a-z_]+)"'),
    re.compile(r'"error":\s*"([a-z_]+\.[a-z_]+)"'),
    re.compile(r'"(sync\.[a-z_]+)" if .* else "(sync\.[a-z_]+)"'),
]
# Rejection reasons the central service sends back in a push reply (the brief lists them).
REASONS = ["sync.field_type", "sync.field_null", "sync.field_too_long", "sync.unknown_field", "sync.unknown_table",
           "sync.not_permitted", "sync.unknown_user", "sync.row_missing", "sync.row_exists", "sync.transfer_required",
           "sync.other_office", "sync.constraint", "sync.sequence_reused", "field.control_character",
           "field.invalid_character"]


def raised_keys() -> set[str]:
    keys: set[str] = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        for pattern in RAISED:
            for match in pattern.finditer(text):
                keys.update(k for k in match.groups() if k)
    return keys


def test_the_scan_finds_the_keys_it_should():
    keys = raised_keys()
    # Spot checks, one from each place, so a broken pattern cannot pass the next test vacuously.
    for key in ("sync.network", "sync.already_enrolled", "central.enrolment_code", "sync.unknown_user",
                "sync.field_too_long", "sync.sequence_reused", "sync.body_too_large", "sync.transfer_required"):
        assert key in keys
    assert len(keys) > 50


def test_every_sync_key_has_a_sentence():
    rules = RULES
    missing = sorted(k for k in raised_keys() | set(REASONS) if k not in rules)
    assert not missing, "message keys without a sentence (add them to injury_desk/catalogue/rules.py): " + ", ".join(missing)


def test_a_reason_names_the_field_and_the_kind_in_words(qapp):
    assert reason_text("sync.field_type", {"table": "employers", "field": "headcount", "expected": "integer"}) == (
        "Headcount: must be a whole number")
    assert reason_text("sync.row_missing", {"table": "claims"}) == (
        "The Claim record this change applies to does not exist on the central service.")
    assert reason_text("sync.not_in_the_catalogue", {"x": 1}) == "sync.not_in_the_catalogue (x=1)"  # never lost
    # A value with bad text (rejected by the service alone, push.py) names its field as the import does.
    assert reason_text("field.control_character", {"table": "assessments", "field": "inputs"}) == (
        "Calculation inputs: contains a control character")
    assert reason_text("field.invalid_character", {"table": "employers", "field": "address", "code": "U+D800"}) == (
        "Address: contains U+D800, which is not a character (half of a UTF-16 surrogate pair)")


def test_errors_name_the_enrolment_fields(qapp):
    exc = ValidationFailed([FieldError("code", "central.enrolment_code"), FieldError("central_url", "field.required")])
    assert error_text(exc).splitlines() == [
        "Enrolment code: was not accepted: it is mistyped, already used or expired (ask the central administrator "
        "for a new code)",
        "Central service address: is required"]
    assert error_text(DomainError("sync.server_error", status=503)) == (
        "The central service had an internal error (HTTP 503). Your changes are kept; sync will try again.")
