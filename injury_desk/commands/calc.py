"""`injury-desk calc INPUT.json`: run the statutory benefit engine on a JSON input and print the result."""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from injury_desk.commands.common import add_common_options
from injury_desk.domain.compensation import calculate, load_rules, parse_calc_input
from injury_desk.domain.errors import DomainError, ValidationFailed

EXIT_BAD_INPUT = 2
EXIT_BROKEN_RULES = 1

# The CLI is not translated, so it adds an English sentence after each message key.
_SENTENCES = {
    "calc.required": "is required",
    "calc.type": "has the wrong type",
    "calc.unknown_field": "is not a known field",
    "calc.amount": "is not an amount",
    "calc.amount_negative": "must not be negative",
    "calc.amount_positive": "must be greater than zero",
    "calc.wage_negative": "a wage must not be negative",
    "calc.wages_count": "must list exactly 12 monthly wages",
    "calc.wages_conflict": "give either monthly_wages or average_monthly_wage, not both",
    "calc.date_format": "must be a date written YYYY-MM-DD",
    "calc.year_range": "is not a plausible year",
    "calc.grade_range": "must be a disability grade in range or null",
    "calc.grade_with_fatal": "a fatal case has no disability grade",
    "calc.nursing_level_unknown": "must be full, major, partial or null",
    "calc.nursing_without_grade": "nursing care needs an appraised disability grade",
    "calc.allowance_after_employment_ended": "the employer's monthly allowance ends with the employment",
    "calc.region_required": "the provincial subsidy schedules need a region",
    "calc.dependants_without_fatal": "dependants' pensions apply only to a fatal case",
    "calc.relation_unknown": "relation must be spouse, child, parent or other",
    "calc.spouse_duplicate": "at most one spouse",
    "calc.suspension_range": "suspension months out of range",
    "calc.suspension_extension_required": "more than 12 months needs suspension_extended: true",
    "calc.input_unreadable": "cannot read the input",
    "calc.json_malformed": "is not valid JSON",
    "rules.region_unknown": "no parameter files for this region",
    "rules.region_year_unknown": "no parameter file for this region and year",
    "rules.disposable_income_unknown": "no national disposable income for that year; give it in the input",
    "rules.no_national_rules": "no national rule set in force on that date",
}


def rules_dir() -> Path:
    """The shipped rule files, found next to the package so it works from a checkout and a frozen build."""
    return Path(__file__).resolve().parents[2] / "resources" / "rules"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "calc",
        help="calculate statutory benefits from a JSON input",
        description="Calculate work-related injury benefits from INPUT.json (use - for standard input) "
        "and print the line items as JSON.",
    )
    parser.add_argument("input", metavar="INPUT.json", help="input file, or - to read standard input")
    add_common_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        rules = load_rules(rules_dir())
    except DomainError as exc:
        # a broken rule file is the administrator's problem, not the input's: a different exit code
        _print_error("rules", exc.key, exc.params)
        return EXIT_BROKEN_RULES
    try:
        doc = _read_input(args.input)
        result = calculate(parse_calc_input(doc, rules), rules)
    except ValidationFailed as exc:
        for error in exc.errors:
            _print_error(error.field, error.rule, error.params)
        return EXIT_BAD_INPUT
    except DomainError as exc:
        field = str(exc.params.get("field", "input"))
        _print_error(field, exc.key, {k: v for k, v in exc.params.items() if k != "field"})
        return EXIT_BAD_INPUT
    _write(sys.stdout, json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2) + "\n")
    return 0


def _write(stream, text: str) -> None:
    # always UTF-8: a Windows console code page (cp1252, cp936) must not decide how × or 省 come out
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _read_input(name: str) -> Any:
    try:
        if name == "-":
            text = sys.stdin.buffer.read().decode("utf-8-sig")
        else:
            text = Path(name).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DomainError("calc.input_unreadable", field="input", path=name, reason=type(exc).__name__) from exc
    try:
        # parse_float=Decimal keeps 1234.56 exact; floats never take part in the arithmetic
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise DomainError("calc.json_malformed", field="input", line=exc.lineno, column=exc.colno) from exc


def _print_error(field: str, rule: str, params: dict[str, Any]) -> None:
    sentence = _SENTENCES.get(rule, "")
    details = f" {json.dumps(params, ensure_ascii=False, default=str)}" if params else ""
    line = f"error: {field}: {rule}"
    if sentence:
        line += f": {sentence}"
    _write(sys.stderr, line + details + "\n")

