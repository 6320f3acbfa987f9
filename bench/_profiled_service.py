"""`injury-desk central serve` with every push request profiled (cProfile per call, in whichever worker thread it
runs), the statistics merged and written to a file when the service is stopped: python -m bench._profiled_service
FILE ARGS..."""

from __future__ import annotations

import cProfile
import pstats
import signal
import sys
import threading

from injury_desk.central import app as central_app
from injury_desk.cli import main


def run(path: str, args: list[str]) -> int:
    merged: list[pstats.Stats] = []
    lock = threading.Lock()
    original = central_app.push

    def profiled(*a, **kw):
        prof = cProfile.Profile()
        try:
            return prof.runcall(original, *a, **kw)
        finally:
            with lock:
                if merged:
                    merged[0].add(prof)
                else:
                    merged.append(pstats.Stats(prof))

    def stop(*_):
        # uvicorn raises the stop signal again once it has shut down, under the handler it found at start: this one.
        with lock:
            if merged:
                merged[0].dump_stats(path)
        sys.exit(0)

    central_app.push = profiled
    signal.signal(signal.SIGTERM, stop)
    return main(args)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2:]))
