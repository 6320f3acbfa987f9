"""Start-up to a populated main window on the 1M-claim database, against a bare QMainWindow + QTableView.

The database is encrypted (SQLCipher, its key in the OS keyring); a third fresh process that only reads the key
shows what that adds. All are measured the same way, in fresh processes run alternately: from process start until the
window is shown with its first rows painted (the login is done by the script, since the dialog waits
for a person; password checking is included).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench._dataset import demo_database

BARE = r"""
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtGui import QStandardItemModel, QStandardItem
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
window = QMainWindow()
model = QStandardItemModel(200, 7)
for r in range(200):
    for c in range(7):
        model.setItem(r, c, QStandardItem(f"{r}:{c}"))
view = QTableView()
view.setModel(model)
window.setCentralWidget(view)
window.resize(1400, 850)
window.show()
app.processEvents()
window.grab()
print("READY", time.time())
"""

OURS = r"""
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from injury_desk.ui.app import make_application, start_main_window
app = make_application()
window = start_main_window(Path(sys.argv[1]), "caseworker", "demo-caseworker")
app.processEvents()
rows = window.claims_page.model.rowCount()
assert rows > 0, "the claims list is empty"
window.grab()
print("READY", time.time(), rows)
window.close()
"""


# What encryption adds to the start: a fresh process that loads the keyring and reads the database key (the
# quick start's first step; SQLCipher keys each connection with it, no key derivation).
KEY = r"""
import sys, time
from pathlib import Path
from injury_desk.store import db_key
db_key.load_key(Path(sys.argv[1]) / "injury_desk.sqlite3")
print("READY", time.time())
"""


def run_once(code: str, *args: str) -> float:
    started = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    ready = next(line for line in out.stdout.splitlines() if line.startswith("READY"))
    return float(ready.split()[1]) - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench startup")
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    folder = demo_database(args.claims)
    # An installed application is byte-compiled (uv's compile-bytecode, PyInstaller); do the same for the
    # package here, since this environment may forbid writing .pyc files at import time.
    import compileall

    import injury_desk

    compileall.compile_dir(str(Path(injury_desk.__file__).parent), quiet=1)
    run_once(OURS, str(folder))  # warm the file cache once, as on a desktop used every day
    bare, ours, key = [], [], []
    for _ in range(args.runs):
        bare.append(run_once(BARE))
        ours.append(run_once(OURS, str(folder)))
        key.append(run_once(KEY, str(folder)))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"FIGURE startup_key_lookup_process_median {statistics.median(key) * 1000:.0f} ms")
    print(f"FIGURE startup_bare_qt_median {b * 1000:.0f} ms")
    print(f"FIGURE startup_injury_desk_median {o * 1000:.0f} ms")
    print(f"FIGURE startup_claims {args.claims} claims")
    print(f"RATIO startup_vs_bare {o / b:.2f} target <= 2.5")
    return 0
