"""The injury-desk command line; with no sub-command it opens the GUI."""

from __future__ import annotations

import argparse
import sys

from injury_desk import __version__
from injury_desk.commands import calc, central, check, demo, gui, import_export, key, print_forms, stats, sync, tasks
from injury_desk.commands.common import add_common_options, print_domain_error
from injury_desk.domain.errors import DomainError

# Each module in injury_desk.commands exposes register(subparsers); its parser sets handler=run(args)->int.
# Imported by name (not from strings) so that the layer contract sees them; each loads its work lazily.
COMMAND_MODULES = (gui, demo, import_export, check, calc, print_forms, central, sync, tasks, stats, key)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="injury-desk",
        description="Caseworker desktop for work-related injury insurance (prevention, compensation, rehabilitation).",
    )
    parser.add_argument("--version", action="version", version=f"injury-desk {__version__}")
    add_common_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "data_dir"):
        args.data_dir = None
    try:
        if args.command is None:
            args.demo = False
            return gui.run(args)
        return int(args.handler(args) or 0)
    except DomainError as exc:  # a refusal (damaged database, network path, permission): say it, exit 2
        print_domain_error(exc)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
