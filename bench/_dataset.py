"""The benchmark data sets: demo databases of N claims, built once and kept under bench/.data/."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

DATA = Path(os.environ.get("INJURY_DESK_BENCH_DATA", Path(__file__).resolve().parent / ".data"))


def demo_database(claims: int) -> Path:
    """The data folder of a demo database with ``claims`` claims (built on first use: minutes at 1M)."""
    folder = DATA / f"claims-{claims}"
    if not (folder / "injury_desk.sqlite3").exists():
        from injury_desk.services.demo import reset_demo

        print(f"building the {claims:,}-claim demo database in {folder} (once)…", file=sys.stderr)
        started = time.perf_counter()
        reset_demo(folder, claims=claims).dispose()
        print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return folder


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far."""
    import psutil

    info = psutil.Process().memory_full_info()
    peak = getattr(info, "peak_wset", None)  # Windows
    if peak is None:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return peak / 2**20


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]
