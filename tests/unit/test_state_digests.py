"""The office state hash's digests: one table's rows hashed in one loop give what the row-at-a-time digest gives."""

from __future__ import annotations

import hashlib

from injury_desk.protocol.messages import (
    format_state_hash,
    office_state_digests,
    row_state_digest,
    table_state_digests,
)


def test_one_row_is_the_first_16_bytes_of_sha256_of_table_id_version():
    # By hand: sha256(b"claims:c-1:3"), its first 16 bytes read as a big-endian integer.
    expected = int.from_bytes(hashlib.sha256(b"claims:c-1:3").digest()[:16], "big")
    assert row_state_digest("claims", "c-1", 3) == expected
    assert table_state_digests("claims", [("c-1", 3)]) == (expected, 1)


def test_a_table_is_the_xor_of_its_rows_and_their_count():
    rows = [("c-1", 3), ("c-2", 1), ("c-3", 7)]
    acc = row_state_digest("claims", "c-1", 3) ^ row_state_digest("claims", "c-2", 1) ^ row_state_digest(
        "claims", "c-3", 7)
    assert table_state_digests("claims", rows) == (acc, 3)
    assert table_state_digests("claims", reversed(rows)) == (acc, 3)  # order does not matter


def test_the_table_name_and_version_change_the_digest():
    assert table_state_digests("people", [("c-1", 3)]) != table_state_digests("claims", [("c-1", 3)])
    assert table_state_digests("claims", [("c-1", 4)]) != table_state_digests("claims", [("c-1", 3)])


def test_no_rows_is_zero_and_formats_as_thirty_two_zeros():
    assert table_state_digests("claims", []) == (0, 0)
    assert format_state_hash(0, 0) == "0:" + "0" * 32


def test_an_office_is_the_xor_of_its_tables_and_the_sum_of_their_rows():
    claims = table_state_digests("claims", [("c-1", 3)])
    people = table_state_digests("people", [("p-1", 1), ("p-2", 2)])
    assert office_state_digests([("claims", [("c-1", 3)]), ("people", [("p-1", 1), ("p-2", 2)])]) == (
        claims[0] ^ people[0], 3)
    assert office_state_digests([]) == (0, 0)
