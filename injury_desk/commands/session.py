"""Opening the local database for a sub-command and acting as a user given on the command line."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from injury_desk.commands.common import resolve_data_dir
from injury_desk.domain.errors import DomainError


def open_services(args):
    """(database, services) for the --data-dir of ``args``; imported lazily to keep --help fast."""
    from injury_desk.services.container import Services
    from injury_desk.services.context import ServiceContext
    from injury_desk.store.database import open_database

    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    db = open_database(data_dir)
    return db, Services.build(ServiceContext(db=db))


def add_user_options(parser) -> None:
    parser.add_argument("--user", help="user to act as (default: $INJURY_DESK_USER)")
    parser.add_argument("--password-env", default="INJURY_DESK_PASSWORD", metavar="VAR",
                        help="environment variable holding the password (default: INJURY_DESK_PASSWORD);"
                             " asked for on the terminal when it is not set")


def login_from_args(services, args):
    username = args.user or os.environ.get("INJURY_DESK_USER")
    if not username:
        raise DomainError("cli.user_required")
    password = os.environ.get(args.password_env)
    if password is None:
        if not sys.stdin.isatty():
            raise DomainError("cli.password_required", variable=args.password_env)
        password = getpass.getpass(f"password for {username}: ")
    return services.auth.login(username, password)


def data_dir_of(args) -> Path:
    return resolve_data_dir(getattr(args, "data_dir", None))
