"""`injury-desk payments due`: the monthly run — who is due which monthly benefit in a month, with each line's
basis (assessment, article, adjustment notices) — as a table, CSV or JSON on standard output (read-only)."""

from __future__ import annotations

import sys

from injury_desk.commands.common import add_common_options, print_domain_error, print_records
from injury_desk.commands.session import add_user_options, command_services, login_from_args
from injury_desk.domain.errors import DomainError

TABLE_FIELDS = ("claim_no", "worker", "payee", "item_code", "kind", "payer", "amount", "approved_on", "notices")


def register(subparsers) -> None:
    p = subparsers.add_parser("payments", help="payments due (the monthly run; read-only)")
    sub = p.add_subparsers(dest="payments_command", metavar="ACTION", required=True)
    due = sub.add_parser("due", help="who is due which monthly benefit in a month, each with its basis")
    add_common_options(due)
    add_user_options(due)
    due.add_argument("--month", required=True, metavar="YYYY-MM", help="the month of the run")
    due.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output (default table)")
    due.set_defaults(handler=run)


def _lines(args):
    from injury_desk.services.monthly_run import parse_month

    month = parse_month(args.month)  # bad input before anything is opened
    with command_services(args, "payments", mode="read") as services:  # a missing database is store.no_database
        actor = login_from_args(services, args)
        return services.monthly_run.due(actor, month)


def _print(lines, fmt: str, out) -> None:
    from injury_desk.services.monthly_run import CSV_FIELDS

    records = [line.record() for line in lines]
    total = sum(line.amount for line in lines)
    print_records(records, fmt, out, csv_fields=CSV_FIELDS, table_fields=TABLE_FIELDS,
                  summary=f"{len(records)} payment(s), {total:,.2f} in all")


def run(args) -> int:
    try:
        lines = _lines(args)
    except DomainError as exc:  # bad input, no permission, no database: said plainly, exit 2
        print_domain_error(exc)
        return 2
    _print(lines, args.format, sys.stdout)
    return 0
