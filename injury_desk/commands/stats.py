"""`injury-desk stats prevention|rehab`: the Statistics pages' figures for a period, each with its numerator and
denominator, as a table, CSV or JSON; the database is opened read-only."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date
from decimal import Decimal

from injury_desk.commands.common import add_common_options
from injury_desk.commands.session import add_user_options, command_services, login_from_args

FORMATS = ("table", "csv", "json")
PREVENTION_GROUPINGS = ("employer", "industry", "region")
REHAB_GROUPINGS = ("injury_type", "employer")


def iso_date(text: str) -> date:
    """An argparse type: a calendar date written YYYY-MM-DD (argparse names the option when it is refused)."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(subparsers) -> None:
    p = subparsers.add_parser("stats", help="prevention and rehabilitation figures for a period (read-only)")
    add_common_options(p)
    kinds = p.add_subparsers(dest="stats_kind", metavar="KIND", required=True)
    for kind, groupings, default, text in (
            ("prevention", PREVENTION_GROUPINGS, "employer",
             "injury and incident rates per 100 workers, corrective actions, prevention spending against the cap"),
            ("rehab", REHAB_GROUPINGS, "injury_type",
             "return to work: shares back within 3/6/12 months, days to return, same vs new employer")):
        k = kinds.add_parser(kind, help=text, description=text + ". Every figure is printed with its numerator "
                             "and denominator; docs/prevention.md and docs/rehabilitation.md define them.")
        add_common_options(k)
        add_user_options(k)
        k.add_argument("--from", dest="start", type=iso_date, required=True, metavar="DATE",
                       help="first day of the period (YYYY-MM-DD)")
        k.add_argument("--to", dest="end", type=iso_date, required=True, metavar="DATE",
                       help="last day of the period (YYYY-MM-DD), included")
        k.add_argument("--by", choices=groupings, default=default, help=f"grouping (default {default})")
        k.add_argument("--format", choices=FORMATS, default="table", help="output format (default table)")
        # The services name the period's fields "from" and "to"; a refusal names the options.
        k.set_defaults(handler=run, field_options={"from": "--from", "to": "--to"})


def plain(value) -> str | int | None:
    """A figure for JSON: decimals as exact strings ("1.60"), counts as numbers, nothing as null."""
    if isinstance(value, Decimal):
        return str(value)
    return value


def figure_lines(services, actor, args):
    if args.stats_kind == "prevention":
        return services.prevention_stats.report(actor, args.start, args.end, args.by).lines()
    return services.rehab_stats.figure_lines(actor, args.start, args.end, args.by)


def run(args) -> int:
    from injury_desk.services.prevention_stats import CSV_COLUMNS, csv_rows

    with command_services(args, "stats", mode="read") as services:
        actor = login_from_args(services, args)
        lines = figure_lines(services, actor, args)
        as_of = services.today()
    out = sys.stdout
    if args.format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(csv_rows(lines))
    elif args.format == "json":
        doc = {"kind": args.stats_kind, "from": args.start.isoformat(), "to": args.end.isoformat(), "by": args.by,
               "as_of": as_of.isoformat(),
               "figures": [{name: plain(getattr(ln, name)) for name in CSV_COLUMNS} for ln in lines]}
        json.dump(doc, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        print_table(lines, out)
    return 0


def print_table(lines, out) -> None:
    """Aligned columns for reading on a terminal: group, year, figure, value, numerator / denominator, unit."""
    rows = [("section", "group", "year", "figure", "value", "numerator / denominator", "unit")]
    for r in table_rows(lines):
        rows.append(r)
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out.write("  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(row, widths)).rstrip() + "\n")


def table_rows(lines):
    for ln in lines:
        group = "all" if ln.group_by == "all" else f"{ln.group_by}: {ln.label or '-'}"
        ratio = "" if ln.denominator is None else f"{ln.numerator} / {ln.denominator}"
        value = "-" if ln.value is None else str(ln.value)
        note = f" ({ln.note})" if ln.note else ""
        yield (ln.section, group, "" if ln.year is None else str(ln.year), ln.figure, value + note, ratio, ln.unit)


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
