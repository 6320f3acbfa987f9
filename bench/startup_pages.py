"""Start-up when the window reopens on each page (it remembers the last one), against a bare QMainWindow + QTableView.

Each measured process starts the application as bench/startup.py does (login included), with the data folder's
settings saying the window was last closed on that page; it is ready when that page shows its data: the page is
built, the background work it started has finished (for a page that opens on the quick start's rows, as the claims
list does: every list it opens with is filled) and the window has been painted. The bare Qt process is the
same as in bench/startup.py, run alternately with ours, all fresh processes. The RATIO is the worst page's median.
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from bench._dataset import demo_database
from bench.startup import BARE, run_measured as _run_measured

# section index (the navigation list's row) -> the page the window shows there
PAGES = {0: "prevention", 1: "compensation", 2: "rehabilitation", 3: "tasks", 4: "sync"}

OURS = r"""
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from injury_desk.ui.app import make_application, start_main_window
app = make_application()
window = start_main_window(Path(sys.argv[1]), "caseworker", "demo-caseworker")
section = int(sys.argv[2])
assert window.nav.currentRow() == section, (window.nav.currentRow(), section)
page = window.stack.currentWidget()
while hasattr(page, "currentWidget"):  # a section of tabs: the tab shown
    page = page.currentWidget()
runner = window.env.runner


def busy() -> bool:
    return runner.pool.activeThreadCount() > 0 or runner.writer.activeThreadCount() > 0


def ready() -> bool:
    built = getattr(page, "page", None)
    if built is None or getattr(built, "loading", False):
        return False
    if page is window.claims_tab:
        return built.model.rowCount() > 0
    if hasattr(built, "first_shown"):
        # a page that shows its first rows from the quick start: every list it opens with is filled (the full
        # services keep loading behind it, as they do behind the claims list)
        return built.first_shown
    return not busy()


deadline = time.time() + 120
while not ready():
    assert time.time() < deadline, "the page never showed its data"
    app.processEvents()
    time.sleep(0.002)
built = getattr(page, "page", page)
table = getattr(built, "table", None)
rows = table.model().rowCount() if table is not None else -1
window.grab()
print("READY", time.time(), time.process_time(), rows)
# what a person closing the window would leave behind: the same page for the next run
window.close()
"""


def run_measured(code: str, *args: str) -> tuple[float, float]:
    """bench/startup.py's measurement, with the failing process's own error shown instead of only its exit code."""
    import subprocess

    try:
        return _run_measured(code, *args)
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"start-up on section {args[1:]} failed:\n{exc.stderr[-3000:]}") from None


def set_section(folder: Path, section: int) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("main/section", section)
    settings.sync()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench startup_pages", description=__doc__)
    parser.add_argument("--claims", type=int, default=300, help="demo database size (default: the demo's 300)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    folder = demo_database(args.claims)
    import compileall

    import injury_desk

    compileall.compile_dir(str(Path(injury_desk.__file__).parent), quiet=1)
    from PySide6.QtCore import QSettings

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    previous = settings.value("main/section")
    try:
        set_section(folder, 1)
        run_measured(OURS, str(folder), "1")  # warm the file cache once, as on a desktop used every day
        bare: list[tuple[float, float]] = []
        ours: dict[int, list[tuple[float, float]]] = {s: [] for s in PAGES}
        for _ in range(args.runs):
            for section in PAGES:
                bare.append(run_measured(BARE))
                set_section(folder, section)
                ours[section].append(run_measured(OURS, str(folder), str(section)))
    finally:
        settings.sync()
        if previous is None:
            settings.remove("main/section")
        else:
            settings.setValue("main/section", previous)
        settings.sync()
    b = statistics.median(r[0] for r in bare)
    b_cpu = statistics.median(r[1] for r in bare)
    print(f"FIGURE startup_pages_bare_qt_median {b * 1000:.0f} ms")
    print(f"FIGURE startup_pages_bare_qt_cpu_median {b_cpu * 1000:.0f} ms")
    worst = 0.0
    for section, name in PAGES.items():
        wall = statistics.median(r[0] for r in ours[section])
        cpu = statistics.median(r[1] for r in ours[section])
        worst = max(worst, wall / b)
        print(f"FIGURE startup_on_{name}_median {wall * 1000:.0f} ms (ratio {wall / b:.2f})")
        # the processor time: on a shared machine the wall clock moves with the others' load, this does not
        print(f"FIGURE startup_on_{name}_cpu_median {cpu * 1000:.0f} ms (ratio {cpu / b_cpu:.2f})")
    print(f"FIGURE startup_pages_claims {args.claims} claims")
    print(f"RATIO startup_worst_page_vs_bare {worst:.2f} target <= 2.5")
    return 0 if worst <= 2.5 else 1
