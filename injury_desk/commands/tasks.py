"""`injury-desk tasks`: the statutory deadlines of the Tasks page for a supervisor's morning report (read-only)."""

from __future__ import annotations

import sys
from datetime import date

from injury_desk.commands.common import add_common_options, print_domain_error, print_records
from injury_desk.commands.session import add_user_options, command_services, login_from_args
from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed

# subject: whom a row is about besides the worker (a dependant whose pension ends), empty otherwise
FIELDS = ("claim_no", "kind", "basis", "due", "status", "days_left", "recipient", "assigned_to", "subject")


def register(subparsers) -> None:
    p = subparsers.add_parser("tasks", help="list the statutory deadlines due, by urgency (read-only)")
    add_common_options(p)
    add_user_options(p)
    p.add_argument("--office", action="store_true", help="the whole office (supervisors), not only my claims")
    p.add_argument("--on", metavar="DATE", help="the list as it will be on DATE (YYYY-MM-DD; default today)")
    p.add_argument("--days", type=int, default=None, metavar="N", help="look N days ahead (default 30)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output (default table)")
    p.set_defaults(handler=run)


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationFailed([FieldError("on", "field.date_format", {"value": text})]) from None


def _rows(args):
    from injury_desk.services.tasks import DEADLINE_HORIZON_DAYS

    on = _day(args.on)
    days = DEADLINE_HORIZON_DAYS if args.days is None else args.days
    with command_services(args, "tasks", mode="read") as services:  # a missing database is store.no_database
        actor = login_from_args(services, args)
        return services.tasks.claim_deadlines(actor, scope="office" if args.office else "mine", on=on,
                                              horizon_days=days)


def _record(r) -> dict:
    return {"claim_no": r.claim_no, "kind": r.kind, "basis": r.basis, "due": r.due.isoformat(), "status": r.status,
            "days_left": r.days_left, "recipient": r.recipient, "assigned_to": r.assigned_to, "subject": r.subject}


def _print(rows, fmt: str, out) -> None:
    records = [_record(r) for r in rows]
    print_records(records, fmt, out, csv_fields=FIELDS, table_fields=FIELDS,
                  summary=f"{len(records)} deadline(s): {sum(r.status == 'overdue' for r in rows)} overdue")


def run(args) -> int:
    try:
        rows = _rows(args)
    except DomainError as exc:  # bad input, no permission, no database: said plainly, exit 2
        print_domain_error(exc)
        return 2
    _print(rows, args.format, sys.stdout)
    return 0
