"""`injury-desk demo [--claims N]`: create or reset the demo data set (a backup is taken first)."""

from __future__ import annotations

import sys
import time

from injury_desk.commands.common import add_common_options
from injury_desk.commands.session import data_dir_of


def register(subparsers) -> None:
    p = subparsers.add_parser("demo", help="create or reset the demo data set (the old database is backed up)")
    add_common_options(p)
    p.add_argument("--claims", type=int, default=300, help="number of claims to generate (default 300)")
    p.set_defaults(handler=run)


def run(args) -> int:
    from injury_desk.services.demo import DEMO_USERS, reset_demo

    if args.claims < 0 or args.claims > 5_000_000:
        print("error: --claims: must be between 0 and 5,000,000", file=sys.stderr)
        return 2
    started = time.perf_counter()
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 2 or done == total:
            last[0] = now
            print(f"  {stage}: {done:,}/{total:,}", file=sys.stderr)

    db = reset_demo(data_dir_of(args), claims=args.claims, progress=progress)
    print(f"demo data set ready in {db.path} ({args.claims:,} claims, {time.perf_counter() - started:.1f} s)")
    print("demo users:")
    for u in DEMO_USERS:
        print(f"  {u['username']:<11} {u['password']:<17} {u['role']}")
    db.dispose()
    return 0
