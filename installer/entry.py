"""Frozen entry point of both executables: runs injury_desk.cli:main (no sub-command opens the GUI)."""

import multiprocessing
import os
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    # The windowed injury-desk.exe has no console: sys.stdout/stderr are None there, and a stray print
    # (argparse help, a warning) must not crash the GUI. injury-desk-cli.exe keeps its real console.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))

    from injury_desk.cli import main

    sys.exit(main())
