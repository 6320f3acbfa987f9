"""The benchmark data sets: demo databases of N claims, built once and kept under bench/.data/."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

DATA = Path(os.environ.get("INJURY_DESK_BENCH_DATA", Path(__file__).resolve().parent / ".data"))


def use_keyring() -> None:
    """The database keys live in the OS keyring: use the session's, or (a headless machine) GNOME Keyring
    in a private D-Bus session whose files stay under bench/.data, so the keys of the databases built
    there outlive one run."""
    from tests.support.secret_service import ensure_secret_service

    ensure_secret_service(keep_in=DATA / "keyring")


def demo_database(claims: int) -> Path:
    """The data folder of a demo database with ``claims`` claims (built on first use: minutes at 1M)."""
    use_keyring()
    folder = DATA / f"claims-{claims}"
    if not (folder / "injury_desk.sqlite3").exists():
        from injury_desk.services.demo import reset_demo

        print(f"building the {claims:,}-claim demo database in {folder} (once)…", file=sys.stderr)
        started = time.perf_counter()
        reset_demo(folder, claims=claims)[0].dispose()
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


def plain_copy(folder: Path) -> Path:
    """A plain (unencrypted) copy of the demo database in ``folder``, made once: the baseline that shows
    what encryption costs. The copy is the same data, page for page, written by sqlcipher_export."""
    from injury_desk.store import cipher, db_key

    source = folder / "injury_desk.sqlite3"
    target_dir = folder.with_name(folder.name + "-plain")
    target = target_dir / "injury_desk.sqlite3"
    if not target.exists():
        target_dir.mkdir(mode=0o700, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        con = cipher.connect(source, db_key.load_key(source))
        try:
            con.execute("ATTACH DATABASE ? AS plain KEY ''", (str(partial),))
            con.execute("SELECT sqlcipher_export('plain')")
            for pragma in ("user_version", "application_id"):
                value = con.execute(f"PRAGMA {pragma}").fetchone()[0]
                con.execute(f"PRAGMA plain.{pragma} = {int(value)}")
            con.execute("DETACH DATABASE plain")
        finally:
            con.close()
        partial.rename(target)
    return target
