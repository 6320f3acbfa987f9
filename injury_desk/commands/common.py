"""Shared pieces of the sub-commands: the common options, the data folder and how errors are printed."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from injury_desk import json_text
from injury_desk.catalogue.rules import RULES
from injury_desk.domain.errors import DomainError, ValidationFailed


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """Options every sub-command accepts (so `injury-desk demo --data-dir X` works as well as before it)."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="folder of the local database, backups and settings (default: the platform's user data folder)",
    )


def output_file(text: str) -> Path:
    """The argparse type of a file a command writes: an empty name would mean the current folder (exit 2, the
    argument named by argparse)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the file name is empty")
    return Path(text)


def parse_json_input(text: str, too_deep: DomainError, **options: Any) -> Any:
    """A user's JSON file read as ``json.loads`` with exact (Decimal) fractions; ``too_deep`` is raised for nesting
    deeper than Python's recursion limit (about 1,000 levels, far beyond any input), a refusal of the input."""
    try:
        return json_text.loads(text, parse_float=Decimal, **options)
    except json_text.TooDeep:
        raise too_deep from None


def resolve_data_dir(data_dir: Path | None) -> Path:
    """The --data-dir given, or the platform's user data folder."""
    if data_dir is not None:
        return Path(data_dir)
    from platformdirs import user_data_dir

    return Path(user_data_dir("injury-desk", "injury-desk"))


def print_rule(key: str, params: dict, *, where: str = "", sentence: str | None = None, stream=None) -> None:
    """``error: [where: ]key {params}`` on stderr, and the English ``sentence`` under it when there is one."""
    stream = stream or sys.stderr
    shown = f" {json.dumps(params, ensure_ascii=False, default=str)}" if params else ""
    print(f"error: {where + ': ' if where else ''}{key}{shown}", file=stream)
    if sentence:
        print(f"  {sentence}", file=stream)


def field_sentence(field: str, rule: str, params: dict) -> str | None:
    """A field's refusal in English (None for a key the catalogue does not hold)."""
    sentence = english_rule(rule, params) if rule in RULES else None
    if sentence and field and field != "-" and sentence[:1].islower():  # a field's rule reads after its name
        sentence = f"{field} {sentence}"
    return sentence


def print_domain_error(exc: DomainError, stream=None, options: Mapping[str, str] | None = None) -> None:
    """Print a refusal as readable lines on stderr: the field, the rule key and its parameters. ``options``: the
    command's option that gives each field (a refused field is named as the user typed it)."""
    if isinstance(exc, ValidationFailed):
        for err in exc.errors:
            where = (options or {}).get(err.field, err.field)
            print_rule(err.rule, err.params, where=where, sentence=field_sentence(where, err.rule, err.params),
                       stream=stream)
        return
    sentence = SENTENCES.get(exc.key)
    if sentence is not None:
        try:
            sentence = sentence.format_map(exc.params)
        except (KeyError, IndexError, ValueError):
            sentence = None
    elif exc.key in RULES:
        sentence = english_rule(exc.key, exc.params)
    print_rule(exc.key, exc.params, sentence=sentence, stream=stream)


def english_rule(key: str, params: dict) -> str:
    """The catalogue's English sentence for a rule key, its %1, %2 ... filled from ``params``."""
    entry = RULES[key]
    text = entry.text
    # From the highest number down, so that %1 does not eat the start of %10.
    for number in range(len(entry.names), 0, -1):
        text = text.replace(f"%{number}", str(params.get(entry.names[number - 1], "")))
    return text


# The command line is not translated: these refusals about the database itself also get an English sentence.
SENTENCES = {
    "store.no_database": "there is no database at {path}; only `gui`, `demo` and `sync enrol` create one"
                         " (is --data-dir right?)",
    "store.needs_upgrade": "the database {path} is from an older version; open it once with a command that"
                           " writes (or the GUI) to upgrade it",
    "store.busy": "another injury-desk process is writing: {command} (pid {pid}), started {since};"
                  " gave up after {waited} s, nothing was changed",
    "cli.user_required": "no user to log in as: give --user NAME or set INJURY_DESK_USER",
    "cli.password_required": "no password: set the environment variable {variable}, or run the command on a"
                             " terminal to be asked for it",
    "print.form_not_fill_in": "the form {form} has no blank version to fill in by hand; print it from a record",
    "print.record_json_unreadable": "the record file {file} cannot be read: {reason}",
    "forms.none_found": "no form definitions (*.json) in {directory}: give the folder that holds them",
    "forms.not_a_folder": "{directory} is not a folder: give the folder that holds the form definitions",
    "store.not_a_folder": "the folder {path} cannot be used: {file} is a file, not a folder"
                          " (is --data-dir right?)",
    "output.is_database": "{path} is the office's database, its journal or the name of its key: no output is ever"
                          " written over it",
    "output.is_backup": "{path} is in the backups folder {backups}: no output is ever written there",
    "demo.database_in_use": "the database is open in another process ({others}); close it first",
    "demo.not_a_demo_database": "{path} holds an office's data, not the demo: give --force and log in as one"
                                " of its administrators to replace it (a backup is kept)",
}


class EncryptionProgress:
    """Shows the one-time encryption of a plain database (the first start of this version; minutes on a big
    database) on stderr: one line rewritten in place on a terminal, a line per tenth when redirected to a log.
    Called as store/encrypt_plain.py's ``progress(step, done, total, file)``."""

    WORDS = {"encrypt": "encrypting {name} (the first start of this version encrypts the database)",
             "check": "checking the encrypted copy of {name}",
             "backup": "copying the encrypted {name} to the backups folder"}

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self._shown: tuple[str, str, int] | None = None  # step, file, tenth (or percent on a terminal)
        self._open_line = False

    def __call__(self, step: str, done: int, total: int, name: str) -> None:
        words = self.WORDS.get(step, step).format(name=name)
        percent = min(100, done * 100 // total) if total else None
        mark = (step, name, -1 if percent is None else percent if self.live else percent // 10)
        if mark == self._shown:
            return
        new_step = self._shown is None or self._shown[:2] != mark[:2]
        self._shown = mark
        text = words if percent is None else f"{words}: {percent}% ({done / 2**20:,.0f} of {total / 2**20:,.0f} MiB)"
        if self.live:
            if new_step and self._open_line:
                self.stream.write("\n")
            self.stream.write("\r" + text)
            self._open_line = True
            if percent is None or percent == 100:
                self.stream.write("\n")
                self._open_line = False
        else:
            self.stream.write(text + "\n")
        self.stream.flush()


def print_records(records: list[dict[str, Any]], fmt: str, out: TextIO, *, csv_fields: Sequence[str],
                  table_fields: Sequence[str], summary: str) -> None:
    """A listing's ``--format``: json (every field), csv (``csv_fields``) or a text table of ``table_fields``
    padded to the widest value, followed by the ``summary`` line."""
    if fmt == "json":
        json.dump(records, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "csv":
        w = csv.DictWriter(out, fieldnames=list(csv_fields), lineterminator="\n")
        w.writeheader()
        w.writerows(records)
    else:
        widths = {f: max([len(f)] + [len(str(rec[f])) for rec in records]) for f in table_fields}
        out.write("  ".join(f.ljust(widths[f]) for f in table_fields).rstrip() + "\n")
        for rec in records:
            out.write("  ".join(str(rec[f]).ljust(widths[f]) for f in table_fields).rstrip() + "\n")
        out.write(summary + "\n")
