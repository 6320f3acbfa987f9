"""How the command line prints a refusal: the rule key with its parameters, then a sentence a person reads."""

from __future__ import annotations

import io

from injury_desk.commands.common import english_rule, print_domain_error
from injury_desk.domain.errors import DomainError


def test_a_refusal_without_its_own_sentence_gets_the_catalogue_english():
    out = io.StringIO()
    print_domain_error(DomainError("keyring.unavailable", backend="keyring.backends.fail.Keyring"), out)
    first, second = out.getvalue().splitlines()
    assert first == 'error: keyring.unavailable {"backend": "keyring.backends.fail.Keyring"}'
    assert second.startswith("  This computer has no secure credential store (keyring; found "
                             "keyring.backends.fail.Keyring).")
    assert "%" not in second


def test_a_database_refusal_keeps_its_own_sentence():
    out = io.StringIO()
    print_domain_error(DomainError("store.no_database", path="/x/db"), out)
    assert out.getvalue().splitlines()[1] == ("  there is no database at /x/db; only `gui`, `demo` and `sync enrol`"
                                              " create one (is --data-dir right?)")


def test_numbered_placeholders_fill_from_the_highest_down():
    from injury_desk.catalogue import rules
    from injury_desk.catalogue.entry import Entry

    names = tuple(f"p{n}" for n in range(1, 11))
    rules.RULES["test.ten"] = Entry("Messages", "%1 and %10", names)
    try:
        assert english_rule("test.ten", {f"p{n}": f"v{n}" for n in range(1, 11)}) == "v1 and v10"
    finally:
        del rules.RULES["test.ten"]


def test_each_field_of_a_refusal_gets_its_sentence_after_the_fields_name():
    from injury_desk.domain.errors import FieldError, ValidationFailed

    out = io.StringIO()
    print_domain_error(ValidationFailed([FieldError("code", "field.too_short", {"min": 8}),
                                         FieldError("central_url", "sync.url_invalid", {"url": "http://[::1"})]), out)
    lines = out.getvalue().splitlines()
    assert lines[0] == 'error: code: field.too_short {"min": 8}'
    assert lines[1] == "  code " + english_rule("field.too_short", {"min": 8}) and "8" in lines[1]
    assert lines[2].startswith('error: central_url: sync.url_invalid {"url": "http://[::1"}')
    assert lines[3] == "  central_url must be an address like https://sync.example.org (got “http://[::1”)"
    assert len(lines) == 4
