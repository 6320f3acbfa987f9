"""`injury-desk check`: SQLite integrity, foreign keys and the audit chain, read-only; exit 1 on any problem."""

from __future__ import annotations

import sys

from injury_desk.commands.common import add_common_options, print_domain_error
from injury_desk.commands.session import data_dir_of
from injury_desk.domain.errors import DomainError


def register(subparsers) -> None:
    p = subparsers.add_parser("check", help="check the database: integrity, foreign keys, audit chain")
    add_common_options(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    from injury_desk.services.integrity import check_database
    from injury_desk.store.database import open_database

    try:
        # Read-only: check changes nothing, not even by keying an old audit chain or migrating the schema.
        db = open_database(data_dir_of(args), read_only=True, purpose="check")
    except DomainError as exc:
        print_domain_error(exc)
        return 2
    try:
        report = check_database(db)
    finally:
        db.dispose()
    for key, value in report.facts.items():
        print(f"{key}: {value}")
    if report.ok:
        print("check: OK")
        return 0
    for problem in report.problems:
        print(f"PROBLEM {problem}", file=sys.stderr)
    print(f"check: {len(report.problems)} problem(s) found; nothing was repaired", file=sys.stderr)
    return 1
