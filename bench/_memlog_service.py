"""`injury-desk central serve` that logs its resident memory around every pull, state, versions and rows request
(and, with INJURY_DESK_BENCH_SERVICE_TRACEMALLOC=1, the Python heap's peak in it): python -m bench._memlog_service
FILE ARGS..."""

from __future__ import annotations

import os
import sys
import threading
import time
import tracemalloc
from pathlib import Path

from injury_desk.central import pull
from injury_desk.cli import main


def _status() -> dict[str, int]:
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0]) // 1024  # MiB
    return out


def run(path: str, args: list[str]) -> int:
    traced = os.environ.get("INJURY_DESK_BENCH_SERVICE_TRACEMALLOC") == "1"
    if traced:
        tracemalloc.start(10)
    lock = threading.Lock()
    log = open(path, "a", buffering=1)  # noqa: SIM115 - open for the process's life, a line at a time

    def logged(name, original):
        def call(*a, **kw):
            before = _status()
            started = time.perf_counter()
            if traced:
                tracemalloc.reset_peak()
            result = original(*a, **kw)
            size = len(getattr(result, "body_buffer", b""))  # a page's bytes
            after = _status()
            heap = tracemalloc.get_traced_memory()[1] // 2**20 if traced else -1
            with lock:
                log.write(f"{name} args={[x for x in a if isinstance(x, int)]} rss_before={before['VmRSS']} "
                          f"rss_after={after['VmRSS']} hwm={after['VmHWM']} heap_peak={heap} "
                          f"body={size} s={time.perf_counter() - started:.2f}\n")
            return result
        return call

    for name in ("pull_page", "state_hash", "row_versions", "fetch_rows"):
        setattr(pull, name, logged(name, getattr(pull, name)))
    log.write(f"start {_status()}\n")
    return main(args)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2:]))
