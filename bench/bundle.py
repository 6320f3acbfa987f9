"""The frozen one-folder bundle against a bare PySide6 bundle: its size, and its start to the login dialog.

    uv run python -m bench bundle [--runs N] [--rebuild]

Builds dist/injury-desk/ with installer/build.py when it is missing (or with --rebuild), and, in the same run,
a bare bundle of a QApplication showing one window (PyInstaller on the same Python and PySide6, binaries
stripped as installer/injury_desk.spec strips ours, so that stripping is no gain over the baseline) under
bench/.data/bare-bundle/. Prints the sizes and the median start times, fresh processes run alternately:
the frozen GUI and the same GUI from source, each until its login dialog is on screen (INJURY_DESK_LOGIN_PROBE),
and the bare bundle until its window is shown. Goals: size <= 1.5 x the bare bundle, start <= 2 x from source.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._sync_data import ratio

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dist" / "injury-desk"
BARE_DIR = ROOT / "bench" / ".data" / "bare-bundle"
EXE = ".exe" if os.name == "nt" else ""

BARE = r"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.show()
app.processEvents()
Path(sys.argv[1]).write_text(window.windowTitle(), encoding="utf-8")
"""


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build_ours() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "installer" / "build.py")], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def build_bare() -> Path:
    BARE_DIR.mkdir(parents=True, exist_ok=True)
    script = BARE_DIR / "bare.py"
    script.write_text(BARE, encoding="utf-8")
    strip = ["--strip"] if sys.platform != "win32" else []  # as the spec: STRIP = sys.platform != "win32"
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--onedir", "--name", "bare", *strip,
                    "--distpath", str(BARE_DIR / "dist"), "--workpath", str(BARE_DIR / "build"),
                    "--specpath", str(BARE_DIR), str(script)], check=True, capture_output=True)
    return BARE_DIR / "dist" / "bare"


def start_time(command: list[str], *, data_dir: Path | None = None) -> float:
    """Seconds from process start until the probe file is written (the first window is on screen)."""
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe.txt"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INJURY_DESK_LOGIN_PROBE": str(probe),
               "INJURY_DESK_LANG": "en"}
        args = [*command, "--data-dir", str(data_dir)] if data_dir is not None else [*command, str(probe)]
        started = time.perf_counter()
        process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   stdin=subprocess.DEVNULL)
        while not (probe.exists() and probe.stat().st_size):
            if process.poll() is not None and not probe.exists():
                raise SystemExit(f"{args[0]} ended without showing a window: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.005)
        elapsed = time.perf_counter() - started
        process.wait(timeout=60)
        return elapsed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench bundle")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true", help="build dist/injury-desk again even if it exists")
    args = parser.parse_args(argv)
    if args.rebuild or not (APP / f"injury-desk{EXE}").exists():
        print(f"FIGURE bundle_build_time {build_ours():.0f} s")
    bare = build_bare()
    ours_size, bare_size = folder_size(APP), folder_size(bare)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        frozen = [str(APP / f"injury-desk{EXE}")]
        source = [sys.executable, "-m", "injury_desk", "gui"]
        start_time(frozen, data_dir=data)  # the first run makes the database; the timed runs open it
        frozen_s, source_s, bare_s = [], [], []
        for _ in range(args.runs):
            frozen_s.append(start_time(frozen, data_dir=data))
            source_s.append(start_time(source, data_dir=data))
            bare_s.append(start_time([str(bare / f"bare{EXE}")]))
    f, s, b = statistics.median(frozen_s), statistics.median(source_s), statistics.median(bare_s)
    print(f"FIGURE bundle_size {ours_size / 2**20:.1f} MiB")
    print(f"FIGURE bare_pyside6_bundle_size {bare_size / 2**20:.1f} MiB")
    print(f"FIGURE bundle_start_to_login_median {f * 1000:.0f} ms")
    print(f"FIGURE source_start_to_login_median {s * 1000:.0f} ms")
    print(f"FIGURE bare_pyside6_bundle_start_median {b * 1000:.0f} ms")
    size_ok = ratio("bundle_size_vs_bare_pyside6", ours_size / bare_size, "<=", 1.5)
    start_ok = ratio("bundle_start_vs_source_start", f / s, "<=", 2.0)
    return 0 if size_ok and start_ok else 1
