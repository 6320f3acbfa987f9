"""`injury-desk calc INPUT.json`: run the statutory benefit engine on a JSON input and print the result."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from injury_desk import resources
from injury_desk.commands.common import add_common_options, parse_json_input
from injury_desk.domain.compensation import calculate, load_rules, parse_calc_input
from injury_desk.domain.errors import DomainError, ValidationFailed

EXIT_BAD_INPUT = 2
EXIT_BROKEN_RULES = 1

# The CLI is not translated, so it adds an English sentence after each message key; placeholders are
# filled from the error's parameters, and an error whose parameters do not fit falls back to printing them.
_SENTENCES = {
    "calc.required": "is required",
    "calc.required.named": "{name} is required",
    "calc.type.named": "{name} has the wrong type (expected {expected})",
    "calc.type": "has the wrong type (expected {expected})",
    "calc.unknown_field": "{name} is not a known field",
    "calc.amount": "is not an amount (got {value})",
    "calc.amount_separator": "write amounts with digits and a decimal point only, no comma or grouping (got {value})",
    "calc.amount_too_large": "is beyond {max} yuan (got {value})",
    "calc.input_too_deep": "is nested deeper than any calc input",
    "calc.number_too_long": "has a number too long to be an input value",
    "calc.amount_negative": "must not be negative (got {value})",
    "calc.amount_positive": "must be greater than zero (got {value})",
    "calc.wage_negative": "a wage must not be negative (got {value})",
    "calc.wages_count": "must list exactly {expected} monthly wages (got {count})",
    "calc.wages_conflict": "give either monthly_wages or average_monthly_wage, not both",
    "calc.date_format": "must be a date written YYYY-MM-DD (got {value})",
    "calc.year_range": "is not a plausible year (got {value})",
    "calc.grade_range": "must be {min}–{max} or null (got {value})",
    "calc.grade_with_fatal": "a fatal case has no disability grade",
    "calc.nursing_level_unknown": "must be full, major, partial or null (got {value})",
    "calc.nursing_without_grade": "nursing care needs an appraised disability grade",
    "calc.allowance_after_employment_ended": "the employer's monthly allowance ends with the employment (grade {grade})",
    "calc.region_required": "the provincial subsidy schedules for grade {grade} need a region",
    "calc.dependants_without_fatal": "dependants' pensions apply only to a fatal case",
    "calc.relation_unknown": "relation must be spouse, child, parent or other (got {value})",
    "calc.spouse_duplicate": "at most one spouse",
    "calc.suspension_range": "must be {min}–{max} months (got {value})",
    "calc.suspension_extension_required": "more than {max} months needs suspension_extended: true (got {value})",
    "calc.death_after_suspension_without_fatal": "applies only together with fatal: true",
    "calc.death_after_suspension_grade": "applies only to a worker appraised at grade {allowed} (got {value})",
    "calc.not_due_after_suspension": "only {items} are due for a death after the suspension period "
    "(Art. 39 last paragraph)",
    "calc.recognition_basis_unknown": "must be one of {allowed} (got {value})",
    "calc.recognition_basis_requires_fatal": "{value} (death at work) needs fatal: true",
    "calc.hospital_days_range": "must be {min}–{max} days (got {value})",
    "calc.hospital_meal_rate_required": "no daily hospital meal standard: give it, or a region whose file has one "
    "(Art. 30)",
    "calc.hospital_meal_rate_without_days": "is given without hospital_days",
    "calc.basic_pension_grade": "a basic pension replaces the allowance of grades {allowed} only (grade {value})",
    "calc.input_unreadable": "cannot read the input {path} ({reason})",
    "calc.json_malformed": "is not valid JSON (line {line}, column {column})",
    "rules.region_unknown": "no parameter files for region {region}",
    "rules.region_year_unknown": "no parameter file for region {region} and year {year}",
    "rules.disposable_income_unknown": "no national disposable income for {year}; give it in the input",
    "rules.no_national_rules": "no national rule set in force on {date}",
}


def rules_dir() -> Path:
    """The shipped rule files, found next to the package so it works from a checkout and a frozen build."""
    return resources.rules_dir()


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
    # always UTF-8: a Windows console code page (cp1252, cp936) must not decide how × or 省 come out.
    # A lone surrogate the input wrote as "\ud800" has no UTF-8 form: it is shown as that escape, since a
    # refusal echoing the user's text must not end in a UnicodeEncodeError.
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text.encode("utf-8", "backslashreplace").decode("utf-8"))
        return
    stream.flush()
    buffer.write(text.encode("utf-8", "backslashreplace"))
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
        # Decimal keeps 1234.56 exact; floats never take part in the arithmetic
        return parse_json_input(text, DomainError("calc.input_too_deep", field="input"), parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise DomainError("calc.json_malformed", field="input", line=exc.lineno, column=exc.colno) from exc
    except ValueError as exc:
        raise DomainError("calc.number_too_long", field="input") from exc


def _bounded_int(text: str) -> int:
    # 30 digits is far beyond any amount, year or count; a longer number is refused before it is converted
    if len(text.lstrip("-")) > 30:
        raise ValueError("number too long")
    return int(text)


def _print_error(field: str, rule: str, params: dict[str, Any]) -> None:
    line = f"error: {field}: {rule}"
    # list entries are counted from 1 for people; the key's field stays the JSON field name
    where = f"entry {params['index'] + 1}: " if isinstance(params.get("index"), int) else ""
    template = _SENTENCES.get(f"{rule}.named") if "name" in params else None
    template = template or _SENTENCES.get(rule)
    sentence = None
    if template is not None:
        try:
            sentence = template.format_map(params)
        except (KeyError, IndexError, ValueError):
            sentence = None
    if sentence is not None:
        line += f": {where}{sentence}"
    else:
        if params:
            line += f" {json.dumps(params, ensure_ascii=False, default=str)}"
    _write(sys.stderr, line + "\n")
