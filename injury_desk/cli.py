"""The injury-desk command line; with no sub-command it opens the GUI."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from injury_desk import __version__
from injury_desk.commands.common import add_common_options, print_domain_error
from injury_desk.domain.errors import DomainError

# Each module in injury_desk.commands exposes register(subparsers); its parser sets handler=run(args)->int.
COMMAND_MODULES = (
    "gui",
    "demo",
    "import_export",
    "check",
    "calc",
    "print_forms",
    "central",
    "sync",
    "tasks",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="injury-desk",
        description="Caseworker desktop for work-related injury insurance (prevention, compensation, rehabilitation).",
    )
    parser.add_argument("--version", action="version", version=f"injury-desk {__version__}")
    add_common_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"injury_desk.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"injury_desk.commands.{name}":
                continue  # sub-command not built yet
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "data_dir"):
        args.data_dir = None
    try:
        if args.command is None:
            gui = importlib.import_module("injury_desk.commands.gui")
            args.demo = False
            return gui.run(args)
        return int(args.handler(args) or 0)
    except DomainError as exc:  # a refusal (damaged database, network path, permission): say it, exit 2
        print_domain_error(exc)
        return 2


def resolve_data_dir(data_dir: Path | None) -> Path:
    """The --data-dir given, or the platform's user data folder."""
    if data_dir is not None:
        return Path(data_dir)
    from platformdirs import user_data_dir

    return Path(user_data_dir("injury-desk", "injury-desk"))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
