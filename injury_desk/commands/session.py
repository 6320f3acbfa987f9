"""Opening the local database for a sub-command and acting as a user given on the command line."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from injury_desk.commands.common import EncryptionProgress, resolve_data_dir
from injury_desk.domain.errors import DomainError

DEFAULT_WAIT_SECONDS = 60.0
LONGEST_WAIT_SECONDS = 86_400.0  # a day: a longer wait is a mistyped number, not a plan


def wait_seconds(text: str) -> float:
    """--wait's value: a number of seconds from 0 to a day (not negative, not NaN, not infinite)."""
    import argparse
    import math

    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 <= value <= LONGEST_WAIT_SECONDS:  # NaN fails every comparison
        raise argparse.ArgumentTypeError(f"must be a number of seconds from 0 to {LONGEST_WAIT_SECONDS:.0f},"
                                         f" not {text!r}")
    return value


def add_wait_option(parser) -> None:
    """For commands that write: how long to wait while another injury-desk process writes."""
    parser.add_argument("--wait", type=wait_seconds, default=DEFAULT_WAIT_SECONDS, metavar="SECONDS",
                        help="wait this long for another injury-desk process that is writing "
                             f"(default {DEFAULT_WAIT_SECONDS:.0f})")


@contextmanager
def writer_turn(args, command: str) -> Iterator[None]:
    """Hold the data folder's writer marker for the whole command, waiting (and saying for whom) if needed."""
    from injury_desk.store.presence import WriterLock

    lock = WriterLock(data_dir_of(args), command)

    def waiting(holder) -> None:
        print(f"waiting for another injury-desk process: {holder.describe()}", file=sys.stderr, flush=True)

    lock.acquire(timeout=max(0.0, getattr(args, "wait", DEFAULT_WAIT_SECONDS)), on_wait=waiting)
    try:
        yield
    finally:
        lock.release()


@contextmanager
def command_services(args, command: str, *, mode: str, keep_new: Callable[[Any], bool] | None = None) -> Iterator:
    """The services over the --data-dir's database for one command.

    ``mode`` is ``read`` (SQLite read-only: the database cannot change), ``write`` (an existing database,
    with the writer marker held) or ``create`` (``write`` that may make the database: enrolment only).
    ``keep_new(services)``, for ``create``: whether a database this command made stays (an enrolment that
    failed leaves no database, key or new data folder behind: only gui, demo and a first run make one)."""
    from injury_desk.services.container import Services
    from injury_desk.services.context import ServiceContext
    from injury_desk.services.new_desktop import close_made, has_database
    from injury_desk.store.database import open_database, require_database

    data_dir = data_dir_of(args)
    if mode == "read":
        db = open_database(data_dir, read_only=True, purpose=command)
        try:
            yield Services.build(ServiceContext(db=db))
        finally:
            db.dispose()
        return
    if mode != "create":
        require_database(data_dir)  # before the writer marker, which would make a mistyped --data-dir
    new_folder = not data_dir.exists()
    made = mode == "create" and keep_new is not None and not has_database(data_dir)
    discard = False
    try:
        with writer_turn(args, command):
            db = open_database(data_dir, create=mode == "create", purpose=command, progress=EncryptionProgress())
            services = Services.build(ServiceContext(db=db))
            try:
                yield services
            finally:
                # The same removal as the GUI's first enrolment (services/new_desktop.py).
                discard = close_made(services, made=made, keep=keep_new or (lambda _services: True))
    finally:
        if discard and new_folder:
            _remove_if_empty(data_dir)


def _remove_if_empty(folder: Path) -> None:
    """The data folder the command made, once the process markers are gone (anything else left keeps it)."""
    from injury_desk.store.presence import RUNNING_DIR

    for empty in (folder / RUNNING_DIR, folder):
        try:
            empty.rmdir()
        except FileNotFoundError:
            continue
        except OSError:  # not empty: another process came along, or something else is there
            return


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
