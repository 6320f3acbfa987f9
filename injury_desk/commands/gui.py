"""The default sub-command: open the desktop application."""

from __future__ import annotations

from injury_desk.commands.common import add_common_options


def register(subparsers) -> None:
    p = subparsers.add_parser("gui", help="open the desktop application (the default)")
    add_common_options(p)
    p.add_argument("--demo", action="store_true",
                   help="if the database is empty, fill it with the demo data set first")
    p.set_defaults(handler=run)


def run(args) -> int:
    from injury_desk.commands.common import resolve_data_dir
    from injury_desk.ui.app import run_gui  # Qt loads only when the GUI is asked for

    return run_gui(resolve_data_dir(getattr(args, "data_dir", None)), demo=getattr(args, "demo", False))
