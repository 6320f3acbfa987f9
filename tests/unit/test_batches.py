"""store/batches.py: id lists cut for IN (...) queries at SQLite's bound-parameter limit."""

from __future__ import annotations

import sqlite3

from injury_desk.store.batches import MAX_BOUND_IDS, in_batches


def test_batches_stop_at_the_limit():
    # 900 ids are one statement; the 901st starts a second; an empty list makes no statement at all.
    assert [len(b) for b in in_batches(list(range(MAX_BOUND_IDS)))] == [900]
    assert [len(b) for b in in_batches(list(range(MAX_BOUND_IDS + 1)))] == [900, 1]
    assert list(in_batches([])) == []
    assert [list(b) for b in in_batches(["a", "b", "c"], 2)] == [["a", "b"], ["c"]]


def test_a_full_batch_binds_in_sqlite_with_room_for_the_rest_of_the_query():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (id INTEGER, office TEXT)")
    ids = list(range(5000))
    found = 0
    for batch in in_batches(ids):
        marks = ", ".join("?" * len(batch))
        found += con.execute(f"SELECT count(*) FROM t WHERE id IN ({marks}) AND office = ?", [*batch, "x"]).fetchone()[0]
    assert found == 0
    # One past SQLite's oldest limit (999) is what the batches avoid.
    assert MAX_BOUND_IDS + 10 < 999
