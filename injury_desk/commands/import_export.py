"""`injury-desk import FILE` and `injury-desk export FILE`: JSON Lines (docs/import-export.md)."""

from __future__ import annotations

import sys
from pathlib import Path

from injury_desk.commands.common import add_common_options, print_domain_error
from injury_desk.commands.session import add_user_options, login_from_args, open_services
from injury_desk.domain.errors import DomainError


def register(subparsers) -> None:
    p = subparsers.add_parser("import", help="import a JSON Lines file: all lines or none")
    add_common_options(p)
    add_user_options(p)
    p.add_argument("file", type=Path)
    p.set_defaults(handler=run_import)
    p = subparsers.add_parser("export", help="export the office's records to a JSON Lines file")
    add_common_options(p)
    add_user_options(p)
    p.add_argument("file", type=Path)
    p.add_argument("--full-ids", action="store_true",
                   help="full resident ID numbers (refused unless your role may see them; audited either way)")
    p.set_defaults(handler=run_export)


def run_import(args) -> int:
    from injury_desk.services.transfer import ImportFailed

    db, services = open_services(args)
    try:
        actor = login_from_args(services, args)
        counts = services.transfer.import_jsonl(actor, args.file)
    except ImportFailed as exc:
        for e in exc.errors:
            params = f" {e.params}" if e.params else ""
            print(f"{args.file}:{e.line}: {e.field}: {e.rule}{params}", file=sys.stderr)
        print(f"error: {len(exc.errors)} problem(s); nothing was imported", file=sys.stderr)
        return 1
    except DomainError as exc:
        print_domain_error(exc)
        return 2
    finally:
        db.dispose()
    print("imported: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))
    return 0


def run_export(args) -> int:
    db, services = open_services(args)
    try:
        actor = login_from_args(services, args)
        count = services.transfer.export_jsonl(actor, args.file, full_ids=args.full_ids)
    except DomainError as exc:
        print_domain_error(exc)
        return 2
    finally:
        db.dispose()
    print(f"exported {count} records to {args.file}")
    return 0
