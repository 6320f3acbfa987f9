"""Batch printing of decision letters through the GUI's batch dialog, per letter, against rendering alone.

One GUI process on the demo database (offscreen Qt), logged in as the caseworker: the Batch print dialog
(ui/batch_print.py, the dialog the Print menu's "decision letters decided today" opens) prints ``--count`` decision
letters of claims with a recognised determination into a folder, timed from its Print button to its outcome. The
baseline, in the same run and process, is what ``bench print`` times per form: ``render_batch`` of the same letters'
records, read beforehand, into another folder. Both are warmed once (fonts, definitions) before timing.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench._dataset import demo_database
from bench._gui import DemoWindow

FORM = "determination_decision"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench batch_print", description=__doc__)
    parser.add_argument("--claims", type=int, default=300, help="demo database size (default: the demo's 300)")
    parser.add_argument("--count", type=int, default=18, help="letters in the batch (default 18, as in issue 14)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    folder = demo_database(args.claims)

    from sqlalchemy import select

    from injury_desk.printing.batch import render_batch
    from injury_desk.store.models import Claim, Determination
    from injury_desk.ui.batch_print import BatchPrintDialog

    demo = DemoWindow(folder)
    app, window, env = demo.app, demo.window, demo.env

    def wait(predicate, seconds: float = 600.0, what: str = "") -> None:
        demo.wait(predicate, seconds, what)

    wait(lambda: env.services_ready and window.printing_prepared)
    services, actor = env.services, env.actor
    with services.ctx.read() as s:
        ids = list(s.scalars(select(Claim.id).join(Determination, Determination.claim_id == Claim.id)
                             .where(Determination.outcome == "recognised", Determination.deleted.is_(False),
                                    Claim.deleted.is_(False))
                             .distinct().order_by(Claim.claim_no).limit(args.count)))
    if len(ids) < args.count:
        raise SystemExit(f"the demo database has only {len(ids)} recognised claims")
    form = services.printing.form(FORM)
    records = [services.printing.record_for(actor, FORM, claim_id) for claim_id in ids]
    today = services.today()

    def gui_batch(out: Path) -> float:
        dialog = BatchPrintDialog(env, FORM, ids, window)
        dialog.show()
        app.processEvents()
        started = time.perf_counter()
        dialog.start(out)  # what its Print button does, with the folder filled in
        wait(lambda: dialog.outcome is not None)
        elapsed = time.perf_counter() - started
        assert len(dialog.outcome.written) == len(ids), dialog.status.text()
        dialog.reject()
        dialog.deleteLater()
        app.processEvents()
        return elapsed

    def raw_batch(out: Path) -> float:
        started = time.perf_counter()
        result = render_batch(form, records, out, today=today)
        elapsed = time.perf_counter() - started
        assert len(result.written) == len(ids)
        return elapsed

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        raw_batch(root / "warm-raw")
        gui_batch(root / "warm-gui")
        gui, raw = [], []
        for run in range(args.runs):
            raw.append(raw_batch(root / f"raw-{run}"))
            gui.append(gui_batch(root / f"gui-{run}"))
    window.close()
    env.runner.wait()

    n = len(ids)
    g, r = statistics.median(gui) / n, statistics.median(raw) / n
    print(f"FIGURE batch_print_gui_{n}_letters_median {statistics.median(gui):.2f} s")
    print(f"FIGURE batch_print_gui_per_letter {g * 1000:.0f} ms")
    print(f"FIGURE batch_print_render_only_per_letter {r * 1000:.0f} ms")
    print(f"FIGURE batch_print_claims {args.claims} claims")
    print(f"RATIO batch_print_vs_render_per_form {g / r:.2f} target <= 1.5")
    return 0 if g / r <= 1.5 else 1
