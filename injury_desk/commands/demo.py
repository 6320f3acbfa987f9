"""`injury-desk demo [--claims N]`: create or reset the demo data set (the old database is backed up first).

The demo replaces only a demo database (or an empty one): replacing a real office's database needs
``--force`` and an administrator's login, and never happens while another process has it open.
"""

from __future__ import annotations

import sys
import time

from injury_desk.commands.common import add_common_options
from injury_desk.commands.session import (add_user_options, add_wait_option, data_dir_of, login_from_args,
                                          writer_turn)
from injury_desk.domain.errors import DomainError


def register(subparsers) -> None:
    p = subparsers.add_parser("demo", help="create or reset the demo data set (the old database is backed up)")
    add_common_options(p)
    p.add_argument("--claims", type=int, default=300, help="number of claims to generate (default 300)")
    p.add_argument("--force", action="store_true",
                   help="replace a database that is not a demo database (an administrator of it must log in)")
    add_wait_option(p)
    add_user_options(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    from injury_desk.services.demo import DEMO_USERS, finish_killed_swap, reset_demo

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

    data_dir = data_dir_of(args)
    with writer_turn(args, "demo"):
        finish_killed_swap(data_dir)  # a demo killed in its swap left a database that opens with no key
        _refuse_unless_replaceable(args, data_dir)
        db, backup = reset_demo(data_dir, claims=args.claims, progress=progress)
    if backup is not None:
        print(f"the previous database was backed up to {backup}")
    print(f"demo data set ready in {db.path} ({args.claims:,} claims, {time.perf_counter() - started:.1f} s)")
    print("demo users:")
    for u in DEMO_USERS:
        print(f"  {u['username']:<11} {u['password']:<17} {u['role']}")
    db.dispose()
    return 0


def _refuse_unless_replaceable(args, data_dir) -> None:
    """``demo.database_in_use`` while another process has it open; ``demo.not_a_demo_database`` for an office's
    database unless --force is given and an administrator of that database logs in."""
    from injury_desk.services.container import Services
    from injury_desk.services.context import ServiceContext
    from injury_desk.services.demo import is_demo_database
    from injury_desk.services.permissions import require
    from injury_desk.store.database import DB_FILENAME, open_database
    from injury_desk.store.presence import others_present

    others = others_present(data_dir)
    if others:
        raise DomainError("demo.database_in_use", path=str(data_dir / DB_FILENAME),
                          others="; ".join(h.describe() for h in others))
    path = data_dir / DB_FILENAME
    if not (path.is_file() and path.stat().st_size > 0):
        return
    db = open_database(data_dir, read_only=True, purpose="demo")
    try:
        if is_demo_database(db):
            return
        if not args.force:
            raise DomainError("demo.not_a_demo_database", path=str(path))
        actor = login_from_args(Services.build(ServiceContext(db=db)), args)
        require(actor, "demo.replace_office")
    finally:
        db.dispose()
