"""The stored deadlines of pulled claims recomputed after a sync pull, in bulk, against the raw writes and the
claim-at-a-time refresh the pull used before (80 of 87 s of a 100k pull went there).

Every claim of the demo database counts as pulled (the worst case: a first pull). Ours: services/claim_facts.py
``refresh_deadlines`` over all of them, in one transaction, with every stored deadline cleared first so that
each one is written. Baselines in the same run: (1) raw sqlite3 writing the same values with one executemany
(what the writes alone cost); (2) the one-claim-at-a-time path (load the claim, read its facts with a query
per table, write it), timed on a sample and scaled to all claims.
"""

from __future__ import annotations

import argparse
import time

from bench._dataset import demo_database
from bench._sync_data import ratio


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench deadline_refresh")
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=3_000, help="claims refreshed one at a time (baseline)")
    args = parser.parse_args(argv)
    folder = demo_database(args.claims)

    from sqlalchemy import select, text

    from injury_desk.domain.deadlines import next_deadline
    from injury_desk.services.claim_facts import facts_for, refresh_deadline, refresh_deadlines
    from injury_desk.services.container import Services
    from injury_desk.store.models import Claim

    services = Services.open(folder)
    db = services.ctx.db
    try:
        with db.read() as s:
            ids = list(s.scalars(select(Claim.id)))
            expected = {cid: next_deadline(f) for cid, f in facts_for(s, ids).items()}
        rows = [(dl.due.isoformat() if dl else None, dl.kind if dl else None, cid) for cid, dl in expected.items()]

        # (1) raw: the same values written by sqlite3 itself, one executemany (trigger to the claims list included)
        with db.write_pulled(None, "bench.raw") as s:
            raw = s.connection().connection.driver_connection
            raw.execute("UPDATE claims SET next_deadline = NULL, next_deadline_kind = NULL")
            started = time.perf_counter()
            raw.executemany("UPDATE claims SET next_deadline = ?, next_deadline_kind = ? WHERE id = ?", rows)
            raw_s = time.perf_counter() - started

        # ours: bulk facts and only changed rows written (all of them here: cleared first)
        with db.write_pulled(None, "bench.ours") as s:
            s.execute(text("UPDATE claims SET next_deadline = NULL, next_deadline_kind = NULL"))
            started = time.perf_counter()
            written = refresh_deadlines(s, ids)
            ours_s = time.perf_counter() - started

        # (2) the claim-at-a-time refresh, on a sample
        sample = ids[: args.sample]
        with db.write_pulled(None, "bench.one_by_one") as s:
            started = time.perf_counter()
            for claim in s.scalars(select(Claim).where(Claim.id.in_(sample[:900]))):
                refresh_deadline(s, claim)
            for i in range(900, len(sample), 900):
                for claim in s.scalars(select(Claim).where(Claim.id.in_(sample[i:i + 900]))):
                    refresh_deadline(s, claim)
            s.flush()
            one_s = (time.perf_counter() - started) * len(ids) / max(1, len(sample))
            s.rollback()

        with db.read() as s:
            stored = dict(s.execute(select(Claim.id, Claim.next_deadline)).all())
        wrong = sum(1 for cid, dl in expected.items() if stored[cid] != (dl.due if dl else None))
    finally:
        services.close()

    print(f"FIGURE deadline_refresh_claims {len(ids)} claims")
    print(f"FIGURE deadline_refresh_written {written} claims")
    print(f"FIGURE deadline_refresh_ours {ours_s:.2f} s")
    print(f"FIGURE deadline_refresh_raw_writes {raw_s:.2f} s")
    print(f"FIGURE deadline_refresh_one_at_a_time {one_s:.2f} s (scaled from {len(sample)} claims)")
    print(f"FIGURE deadline_refresh_wrong {wrong} claims")
    ok = ratio("deadline_refresh_ours_over_raw_writes", ours_s / raw_s, "<=", 10)
    ok &= ratio("deadline_refresh_one_at_a_time_over_ours", one_s / ours_s, ">=", 10)
    return 0 if ok and wrong == 0 else 1
