"""`injury-desk forms list|check` and `injury-desk print FORM`: form definitions and PDF printing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from injury_desk.commands.common import add_common_options, parse_json_input, print_domain_error
from injury_desk.commands.session import add_user_options
from injury_desk.domain.errors import DomainError


def register(subparsers) -> None:
    forms = subparsers.add_parser("forms", help="list or check the printed-form definitions")
    add_common_options(forms)
    forms_sub = forms.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    list_parser = forms_sub.add_parser("list", help="list the form definitions")
    add_common_options(list_parser)
    list_parser.set_defaults(handler=run_list)
    check_parser = forms_sub.add_parser("check", help="check every form definition; exit 1 on an error")
    add_common_options(check_parser)
    check_parser.add_argument(
        "directory", nargs="?", type=Path, default=None, help="folder of definitions (default: the shipped forms/)"
    )
    check_parser.set_defaults(handler=run_check)

    printer = subparsers.add_parser("print", help="render a form to PDF, for a record or blank")
    add_common_options(printer)
    printer.add_argument("form", metavar="FORM", help="form id (see `injury-desk forms list`)")
    source = printer.add_mutually_exclusive_group(required=True)
    source.add_argument("--record", metavar="ID", help="id of the record to print from the local database")
    source.add_argument("--record-json", metavar="FILE", type=Path, help="print a record given as a JSON file")
    source.add_argument("--blank", action="store_true", help="an empty form to fill in by hand")
    printer.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True, help="PDF file to write")
    printer.add_argument(
        "--language", choices=("bilingual", "zh", "en"), default="bilingual", help="labels (default: bilingual)"
    )
    add_user_options(printer)  # --record prints as this user, who must be allowed to view the record
    printer.set_defaults(handler=run_print)


def _load_forms():
    from injury_desk.printing import forms_dir, load_all

    return load_all(forms_dir())


def run_list(args: argparse.Namespace) -> int:
    from injury_desk.printing import FormDefinitionError

    try:
        forms = _load_forms()
    except FormDefinitionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for form in forms.values():
        kind = "fill-in" if form.fill_in else "record"
        print(f"{form.id}\tv{form.version}\t{form.record_kind}\t{kind}\t{form.title.get('zh', '')} / {form.title.get('en', '')}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from injury_desk.printing import check_all, forms_dir

    directory = args.directory or forms_dir()
    if not Path(directory).is_dir():  # bad input (exit 2), not broken definitions (exit 1)
        print_domain_error(DomainError("forms.not_a_folder", directory=str(directory)))
        return 2
    forms, errors = check_all(directory)
    for exc in errors:
        print(str(exc), file=sys.stderr)
    if errors:
        return 1
    if not forms:
        print_domain_error(DomainError("forms.none_found", directory=str(directory)))
        return 2
    print(f"{len(forms)} form definitions OK")
    return 0


def _record_from_database(args: argparse.Namespace, form_id: str) -> dict:
    """The record as the logged-in user (--user, INJURY_DESK_PASSWORD) may see it: printing needs a user
    who may view it, like the screen."""
    from injury_desk.commands.session import command_services, login_from_args

    with command_services(args, "print", mode="read") as services:  # no database: store.no_database
        actor = login_from_args(services, args)
        return services.printing.record_for(actor, form_id, args.record)


def run_print(args: argparse.Namespace) -> int:
    from injury_desk.printing import FormDefinitionError, write_pdf

    try:
        forms = _load_forms()
    except FormDefinitionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    form = forms.get(args.form)
    if form is None:
        print_domain_error(DomainError("print.unknown_form", form=args.form, known=", ".join(sorted(forms))))
        return 2
    record = None
    if args.blank:
        if not form.fill_in:
            print_domain_error(DomainError("print.form_not_fill_in", form=form.id))
            return 2
    elif args.record_json is not None:
        try:
            too_deep = DomainError("print.record_json_too_deep", file=str(args.record_json))
            record = parse_json_input(Path(args.record_json).read_text(encoding="utf-8"), too_deep)
        except DomainError as exc:
            print_domain_error(exc)
            return 2
        except (OSError, ValueError) as exc:
            print_domain_error(DomainError("print.record_json_unreadable", file=str(args.record_json), reason=str(exc)))
            return 2
        if not isinstance(record, dict):
            print_domain_error(DomainError("print.record_json_unreadable", file=str(args.record_json),
                                           reason="not a JSON object"))
            return 2
    else:
        try:
            record = _record_from_database(args, form.id)
        except DomainError as exc:
            print_domain_error(exc)
            return 2
    from injury_desk.commands.common import resolve_data_dir
    from injury_desk.store.database import DB_FILENAME
    from injury_desk.store.own_files import refuse_own_file

    try:
        refuse_own_file(args.output, resolve_data_dir(getattr(args, "data_dir", None)) / DB_FILENAME)
    except DomainError as exc:
        print_domain_error(exc)
        return 2
    try:
        pages = write_pdf(form, record, args.output, language=args.language)
    except DomainError as exc:
        print_domain_error(exc)
        return 2
    print(f"{args.output}: {pages} page(s)")
    return 0
