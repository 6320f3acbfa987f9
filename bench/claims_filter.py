"""Claims list filter latency and memory on the 1M-claim demo database, against a raw SQL LIKE baseline.

Each sample is one keystroke: the filter text grows a character at a time, as a caseworker types a
claim number, a worker's name, an ID number (from its start, and its last four characters) or an
employer's name, and the claims list model answers with its first page.
"""

from __future__ import annotations

import argparse
import os
import random
import time

from bench._dataset import demo_database, peak_rss_mib, percentile, plain_copy


def typed_prefixes(text: str, start: int = 1) -> list[str]:
    return [text[:i] for i in range(start, len(text) + 1)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench claims_filter")
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--words", type=int, default=12, help="search terms typed per kind")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = demo_database(args.claims)

    from PySide6.QtCore import QEventLoop, QSettings

    from injury_desk.services.container import Services
    from injury_desk.services.context import ServiceContext
    from injury_desk.store import cipher, db_key
    from injury_desk.store.database import Database
    from injury_desk.ui.app import make_application
    from injury_desk.ui.background import TaskRunner
    from injury_desk.ui.claims.list_model import ClaimListModel
    from injury_desk.ui.env import ChangeBus, UiEnv

    app = make_application()
    services = Services.open(folder)
    actor = services.auth.login("caseworker", "demo-caseworker")

    def claim_list_model(services):
        env = UiEnv(services, actor, TaskRunner(app), QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat),
                    ChangeBus(), folder)
        model = ClaimListModel(env)
        model.count_delay_ms = 10**9  # counts run after typing pauses; here we measure the keystroke answer only
        return env, model

    env, model = claim_list_model(services)
    path = folder / "injury_desk.sqlite3"
    raw = cipher.connect(path, db_key.load_key(path))  # the raw library, with the same encryption
    rng = random.Random(7)
    total = raw.execute("SELECT max(rowid) FROM claims").fetchone()[0]
    terms: list[str] = []
    for _ in range(args.words):
        rowid = rng.randint(1, total)
        claim_no, name, id_number, employer = raw.execute(
            "SELECT c.claim_no, p.name, p.id_number, e.name FROM claims c JOIN people p ON p.id = c.worker_id"
            " JOIN employers e ON e.id = c.employer_id WHERE c.rowid = ?", (rowid,)).fetchone()
        terms += typed_prefixes(claim_no, 3) + typed_prefixes(name) + typed_prefixes(id_number, 4)
        terms += typed_prefixes(id_number[-4:]) + typed_prefixes(employer, 2)

    def keystroke(model, term: str) -> float:
        # From the keystroke to the rows on the model: the first page is read off the GUI thread and handed
        # back through the event loop, which runs here until the answer for this term is shown.
        started = time.perf_counter()
        model.set_filter(term)
        while model.query.text != term:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        model.data(model.index(0, 0))
        return (time.perf_counter() - started) * 1000

    model.set_filter("")
    ours: list[float] = []
    slowest: list[tuple[float, str]] = []
    approximate = 0
    for term in terms:
        ours.append(keystroke(model, term))
        approximate += 0 if model.exact else 1
        slowest.append((ours[-1], term))
        app.processEvents()
    rss = peak_rss_mib()
    # The exactly sorted first page (what replaces an index-ordered first answer from the background).
    from injury_desk.services.claim_list import ClaimQuery

    exact_ms: list[float] = []
    for term in terms[:: max(1, len(terms) // 30)]:
        started = time.perf_counter()
        services.claim_list.page(actor, ClaimQuery(term), 0, 200)
        exact_ms.append((time.perf_counter() - started) * 1000)

    # Raw baseline: the straightforward query a list without a read model would run for the same keystrokes.
    raw_sql = ("SELECT c.claim_no, p.name, p.id_number, e.name, c.accident_date, c.status, c.next_deadline"
               " FROM claims c JOIN people p ON p.id = c.worker_id JOIN employers e ON e.id = c.employer_id"
               " WHERE c.deleted = 0 AND (c.claim_no LIKE :q OR p.name LIKE :q OR p.id_number LIKE :q"
               " OR e.name LIKE :q) ORDER BY c.accident_date DESC LIMIT 200")
    sample = terms[:: max(1, len(terms) // 20)]  # the raw LIKE takes seconds a query
    baseline: list[float] = []
    for term in sample:
        started = time.perf_counter()
        raw.execute(raw_sql, {"q": f"%{term}%"}).fetchall()
        baseline.append((time.perf_counter() - started) * 1000)
    p50, p95 = percentile(ours, 50), percentile(ours, 95)
    raw95 = percentile(baseline, 95)
    raw.close()

    # What encryption costs: the same keystrokes on a plain copy of the same data, through the same code
    # (SQLCipher's driver with no key). One pass over both to warm their caches alike (the raw scans above
    # pushed the encrypted file's pages around), then alternating keystroke by keystroke, so both see the
    # same machine load.
    plain_services = Services.build(ServiceContext(db=Database(plain_copy(folder), None)))
    plain_env, plain_model = claim_list_model(plain_services)
    for term in terms:
        keystroke(model, term)
        keystroke(plain_model, term)
    encrypted_ms: list[float] = []
    plain_ms: list[float] = []
    for i, term in enumerate(terms):
        pair = [(model, encrypted_ms), (plain_model, plain_ms)]
        for m, samples in pair if i % 2 == 0 else reversed(pair):
            samples.append(keystroke(m, term))
        app.processEvents()
    enc95, plain95 = percentile(encrypted_ms, 95), percentile(plain_ms, 95)
    for e in (env, plain_env):
        e.runner.wait()
    services.close()
    plain_services.close()
    for ms, term in sorted(slowest, reverse=True)[:8]:
        print(f"# slow keystroke {ms:.0f} ms: {term}")
    print(f"FIGURE claims_filter_keystrokes {len(ours)} samples")
    print(f"FIGURE claims_filter_p50 {p50:.1f} ms")
    print(f"FIGURE claims_filter_p95 {p95:.1f} ms")
    print(f"FIGURE claims_filter_max {max(ours):.1f} ms")
    print(f"FIGURE claims_filter_index_order_first_answers {approximate} keystrokes")
    print(f"FIGURE claims_filter_exact_order_p50 {percentile(exact_ms, 50):.1f} ms")
    print(f"FIGURE claims_filter_exact_order_p95 {percentile(exact_ms, 95):.1f} ms")
    print(f"FIGURE claims_filter_raw_like_p50 {percentile(baseline, 50):.1f} ms")
    print(f"FIGURE claims_filter_raw_like_p95 {raw95:.1f} ms")
    print(f"FIGURE claims_filter_peak_rss {rss:.0f} MiB")
    print(f"RATIO claims_filter_p95_ms {p95:.1f} target <= 50")
    print(f"RATIO claims_filter_rss_mib {rss:.0f} target <= 400")
    print(f"RATIO claims_filter_p95_vs_raw_like {p95 / raw95:.3f} target < 1")
    print(f"FIGURE claims_filter_encrypted_p95 {enc95:.1f} ms")
    print(f"FIGURE claims_filter_plain_p95 {plain95:.1f} ms")
    print(f"RATIO encrypted_vs_plain_filter_p95 {enc95 / plain95:.2f} target <= 1.3")
    return 0
