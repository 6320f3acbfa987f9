"""The stored form of a row's audit record: records written by earlier versions must still verify."""

from __future__ import annotations

import hashlib
import hmac
import zlib

from injury_desk.store.audit_records import fingerprint, make_record, make_records


def test_a_fingerprint_is_each_columns_crc32_of_its_repr_as_eight_hex_digits():
    content = ("名", 3, None, "2026-01-05", 0)
    # repr of each value, UTF-8: "'名'", "3", "None", "'2026-01-05'", "0"; CRC-32 of each, zero-padded, in order
    want = "".join("%08x" % zlib.crc32(text.encode()) for text in ("'名'", "3", "None", "'2026-01-05'", "0"))
    assert fingerprint(content) == want
    assert len(want) == 5 * 8 and fingerprint(("x",)) == "%08x" % zlib.crc32(b"'x'")
    # a CRC with leading zero bits keeps them (eight digits always): the first small number whose CRC has one
    small = next(v for v in range(100_000) if zlib.crc32(repr(v).encode()) < 0x10000000)
    assert fingerprint((small,)).startswith("0")


def test_a_record_is_its_event_table_row_prints_and_a_mac_over_them_and_the_content_digest():
    key = b"k" * 32
    content = ("名", 3, None)
    prints = fingerprint(content)
    digest = hashlib.sha256(b"\x1e".join(repr(v).encode() for v in content)).hexdigest()
    mac = hmac.new(key, f"7\x1fclaims\x1fid-1\x1f{prints}\x1f{digest}".encode(), "sha256").hexdigest()[:32]
    assert make_record(key, 7, "claims", "id-1", content) == (7, "claims", "id-1", prints, mac)
    # a row removed on purpose: no prints, and the digest is "-"
    gone = hmac.new(key, b"7\x1fclaims\x1fid-1\x1f\x1f-", "sha256").hexdigest()[:32]
    assert make_record(key, 7, "claims", "id-1", None) == (7, "claims", "id-1", "", gone)


def test_records_made_in_bulk_are_each_the_formula_and_make_record_agrees():
    key = b"k" * 32
    rows = {"id-1": ("名", 3, None), "id-2": ("", -1.5, "2026-01-05", "a\x1fb"), "id-3": ("'", 0, "\n")}

    def by_hand(rid: str, content: tuple) -> tuple:
        # the event, table and row; each column's CRC-32 of its repr; a MAC over them and the SHA-256 of the
        # reprs joined by \x1e
        encoded = [repr(v).encode() for v in content]
        prints = "".join(f"{zlib.crc32(e):08x}" for e in encoded)
        digest = hashlib.sha256(b"\x1e".join(encoded)).hexdigest()
        mac = hmac.new(key, f"9\x1fpeople\x1f{rid}\x1f{prints}\x1f{digest}".encode(), "sha256").hexdigest()[:32]
        return 9, "people", rid, prints, mac

    expected = [by_hand(rid, c) for rid, c in rows.items()]
    assert make_records(key, 9, "people", rows) == expected
    # make_record (one row) gives the same record as the bulk loop
    assert [make_record(key, 9, "people", rid, c) for rid, c in rows.items()] == expected
