"""The quick screens on a push's hot path give the answers of the slow forms they replace: the NUL and lone-surrogate
search (screened by the JSON encoder, walked only when flagged) and the mutation digest (stored answers compare
by it, so it must stay what it was before)."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal

import pytest

from injury_desk.central.push import mutation_digest
from injury_desk.protocol.messages import Mutation, bad_char, bad_value_text


@pytest.mark.parametrize(("value", "found"), [
    ({"a": [None, "x\x00y"]}, "\x00"),  # a NUL deep in a value
    ([1, {"k": ("ok", "a\ud83dz")}], "\ud83d"),  # a lone surrogate in a tuple inside a list
    ({"name\x00": 1}, "\x00"),  # in a key
    (["clean", {"b": [True, 1.5, None, "张三"]}], None),
    (["a backslash and u0000 as text: \\u0000"], None),  # looks like the escape once encoded: walked, clean
    ([date(2026, 12, 7), "x\x00"], "\x00"),  # no JSON type: walked
    ([Decimal("1.50"), "fine"], None),
    ("a\ud800", "\ud800"),  # plain text is searched directly
])
def test_the_screen_finds_what_the_walk_finds(value, found):
    assert bad_char(value) == found


def test_a_mutation_with_a_nul_is_named_by_its_field():
    assert bad_value_text({"name": [None, "ok"], "note": ["old", "new\x00"]}) == ("field.control_character",
                                                                                 {"field": "note"})
    assert bad_value_text({"name": [None, "ok"], "note": ["a\\u0000", "b"]}) is None


def test_the_digest_is_the_one_stored_answers_were_given_under():
    m = Mutation(mutation_id="0" * 36, seq=7, table="claims", row_id="r-1", op="update", base_version=3,
                 changes={"worker_name": ("王五", "王伍"), "amount_fen": (100, 250), "extra": (None, {"z": [1, "二"]}),
                          "deleted": (False, True)}, user_id="u-1", at="2026-12-07T09:00:00")
    # The form used until 2026-12-07: pydantic's JSON dump of every field but the id, keys sorted, compact, UTF-8.
    before = json.dumps(m.model_dump(mode="json", exclude={"mutation_id"}), sort_keys=True, separators=(",", ":"),
                        ensure_ascii=False)
    assert mutation_digest(m) == hashlib.sha256(before.encode("utf-8")).hexdigest()
    # The id is not part of it; any other field is.
    assert mutation_digest(m.model_copy(update={"mutation_id": "1" * 36})) == mutation_digest(m)
    assert mutation_digest(m.model_copy(update={"base_version": 4})) != mutation_digest(m)
