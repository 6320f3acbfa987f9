"""Shared pieces of the sub-commands: the common options, the data folder and how errors are printed."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from injury_desk.domain.errors import DomainError, ValidationFailed


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """Options every sub-command accepts (so `injury-desk demo --data-dir X` works as well as before it)."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="folder of the local database, backups and settings (default: the platform's user data folder)",
    )


def resolve_data_dir(data_dir: Path | None) -> Path:
    """The --data-dir given, or the platform's user data folder."""
    if data_dir is not None:
        return Path(data_dir)
    from platformdirs import user_data_dir

    return Path(user_data_dir("injury-desk", "injury-desk"))


def print_domain_error(exc: DomainError, stream=None) -> None:
    """Print a refusal as readable lines on stderr: the field, the rule key and its parameters."""
    stream = stream or sys.stderr
    if isinstance(exc, ValidationFailed):
        for err in exc.errors:
            params = f" {json.dumps(err.params, ensure_ascii=False, default=str)}" if err.params else ""
            print(f"error: {err.field}: {err.rule}{params}", file=stream)
    else:
        params = f" {json.dumps(exc.params, ensure_ascii=False, default=str)}" if exc.params else ""
        print(f"error: {exc.key}{params}", file=stream)
