"""Every reference in a pushed row points to a row of the same office: every foreign-key column of every synced
table (read from the table metadata, so a new table or column is covered), and an attachment's owner."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from injury_desk.central.tables import feed
from tests.sync.generated_rows import family, references, row_values, tables
from tests.sync.raw_client import RawDevice


def feed_count(central) -> int:
    with central.admin.transaction(write=False) as conn:
        return conn.execute(select(func.count()).select_from(feed)).scalar()


def test_every_reference_of_every_synced_table_must_stay_in_the_office(central):
    central.add_office("GZ01")
    central.add_office("SZ02")
    gz, sz = RawDevice.enrol(central, "GZ01"), RawDevice.enrol(central, "SZ02")
    gz_ids, gz_rows = family(gz)
    sz_ids, sz_rows = family(sz)
    # Rows whose references stay in their office are applied (so each row below is refused for its reference).
    for dev, rows in ((gz, gz_rows), (sz, sz_rows)):
        results = dev.results(*rows)
        assert [(r["status"], r["reason"]) for r in results] == [("applied", None)] * len(rows), results

    cases = [(t.name, column, target) for t in tables() for column, target in references(t)]
    assert len(cases) >= 29  # every foreign key of the synced tables, and the attachment's owner
    before = feed_count(central)
    mutations = []
    for table, column, target in cases:
        # A new SZ02 row pointing at GZ01's row, and SZ02's own row edited to point there.
        values = row_values(next(t for t in tables() if t.name == table), sz, sz_ids)
        values[column] = gz_ids[target]
        mutations.append(sz.mutation(table, **values))
        mutations.append(sz.mutation(table, sz_ids[table], op="update", base_version=1))
        mutations[-1]["changes"] = {column: [sz_ids[target], gz_ids[target]]}
    # A reference to a row no office has is answered alike: the answer tells nothing of other offices.
    mutations.append(sz.mutation("determinations", sz_ids["determinations"], op="update", base_version=1))
    mutations[-1]["changes"] = {"claim_id": [sz_ids["claims"], str(uuid.uuid4())]}

    results = sz.results(*mutations)
    got = [(r["status"], r["reason"], r["params"].get("field")) for r in results]
    expected = [("rejected", "sync.reference_outside_office", column) for _t, column, _x in cases for _ in (1, 2)]
    assert got == expected + [("rejected", "sync.reference_outside_office", "claim_id")]
    assert feed_count(central) == before  # nothing was written


def test_an_attachment_may_belong_only_to_a_row_of_its_office(central):
    central.add_office("GZ01")
    central.add_office("SZ02")
    gz, sz = RawDevice.enrol(central, "GZ01"), RawDevice.enrol(central, "SZ02")
    gz_ids, gz_rows = family(gz)
    sz_ids, sz_rows = family(sz)
    gz.results(*gz_rows)
    sz.results(*sz_rows)
    attachment = next(m for m in sz_rows if m["table"] == "attachments")
    # Re-pointed at a GZ01 employer by table and id together: refused.
    move = sz.mutation("attachments", sz_ids["attachments"], op="update", base_version=1)
    move["changes"] = {"owner_table": ["claims", "employers"], "owner_id": [sz_ids["claims"], gz_ids["employers"]]}
    # Owned by a table that is not synced at all: refused.
    odd = sz.mutation("attachments", sz_ids["attachments"], op="update", base_version=1)
    odd["changes"] = {"owner_table": ["claims", "outbox"]}
    # Re-pointed at SZ02's own employer: applied.
    ok = sz.mutation("attachments", sz_ids["attachments"], op="update", base_version=1)
    ok["changes"] = {"owner_table": ["claims", "employers"], "owner_id": [sz_ids["claims"], sz_ids["employers"]]}
    results = sz.results(move, odd, ok)
    assert [(r["status"], r["reason"]) for r in results] == [
        ("rejected", "sync.reference_outside_office"), ("rejected", "sync.reference_outside_office"),
        ("applied", None)]
    assert attachment
