"""`injury-desk central ...`: serve and administer the central sync service."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from injury_desk.commands.common import add_common_options, output_file
from injury_desk.commands.session import data_dir_of
from injury_desk.domain.errors import DomainError


def register(subparsers) -> None:
    p = subparsers.add_parser("central", help="the central sync service: serve, migrate, offices, users, devices")
    add_common_options(p)
    sub = p.add_subparsers(dest="central_command", metavar="ACTION", required=True)

    def action(name: str, help_text: str, handler):
        q = sub.add_parser(name, help=help_text)
        add_common_options(q)
        q.add_argument("--store", metavar="URL", help="SQLAlchemy URL of the central store (default: a SQLite "
                       "file in the data folder; production: postgresql+psycopg://...)")
        q.set_defaults(handler=handler)
        return q

    q = action("serve", "run the service (uvicorn)", run_serve)
    q.add_argument("--host", default="127.0.0.1")
    q.add_argument("--port", type=port_number, default=8765, help="TCP port, 1 to 65535 (default: 8765)")
    q = action("migrate", "create or upgrade the central store (run as its administrator); on PostgreSQL also "
               "sets the service role's password from an environment variable", run_migrate)
    q.add_argument("--service-password-env", default="INJURY_DESK_SERVICE_PASSWORD", metavar="VAR",
                   help="environment variable holding the password the service role (injury_desk_service) logs in "
                        "with (default: INJURY_DESK_SERVICE_PASSWORD); never given as an argument")
    q = action("add-office", "create an office", run_add_office)
    q.add_argument("code")
    q.add_argument("name")
    q.add_argument("--region", default="example")
    q = action("add-user", "create a user of an office (the password is read from an environment variable)",
               run_add_user)
    q.add_argument("office", help="office code")
    q.add_argument("username")
    q.add_argument("--name", required=True, help="display name")
    q.add_argument("--role", required=True, choices=("caseworker", "supervisor", "administrator"))
    q.add_argument("--password-env", default="INJURY_DESK_NEW_PASSWORD", metavar="VAR",
                   help="environment variable holding the new password (default: INJURY_DESK_NEW_PASSWORD)")
    q = action("set-numbering", "set the office's decision-number prefix and pattern (synced to its desktops)",
               run_set_numbering)
    q.add_argument("office", help="office code")
    # Each option changes only its own value: one given alone keeps the other (numbers on legal decisions).
    q.add_argument("--prefix", help="e.g. 榕人社工伤认 (default: keep the office's)")
    q.add_argument("--pattern", help="placeholders {prefix} {year} {device} {seq}; {year}, {device} and {seq} are "
                   "required (default: keep the office's; a new office has {prefix}〔{year}〕{device}第{seq}号)")
    q = action("enroll-device", "print a one-time enrolment code for a desktop of the office", run_enroll)
    q.add_argument("office", help="office code")
    q = action("list-devices", "list the desktops enrolled in an office", run_list_devices)
    q.add_argument("office", help="office code")
    q = action("revoke-device", "switch a desktop of the office off (a lost or stolen one): it can no longer sync "
               "until it is enrolled again with a new code", run_revoke_device)
    q.add_argument("office", help="office code")
    q.add_argument("device", help="the desktop's tag (as `list-devices` shows it) or id")
    action("check", "verify every office's audit chain, the feed and the desktops' anchored audit heads", run_check)
    q = action("import-package", "apply a desktop's sync package and write the reply package", run_import)
    q.add_argument("file", type=Path)
    q.add_argument("--reply", type=output_file, required=True, metavar="FILE")


def port_number(text: str) -> int:
    """argparse type of --port: a TCP port, 1 to 65535 (bad usage, exit 2, before anything starts)."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port number from 1 to 65535 (got {text!r})")
    return port


class Refused(Exception):
    """Bad input to a central command: a message key and its parameters, and the option or field it is about."""

    def __init__(self, option: str | None, key: str, params: dict) -> None:
        super().__init__(key)
        self.option, self.key, self.params = option, key, params


# The command line is not translated: an English sentence under each refusal, from the catalogue's text unless
# the central store needs other words than a desktop's database (see commands/common.py SENTENCES).
CENTRAL_SENTENCES = {
    "store.no_database": "there is no central store at {path}; only `central migrate` (and `central serve` on the"
                         " default store in the data folder) creates one (is --data-dir or --store right?)",
    "store.not_a_database": "{path} is not a database file; it was left untouched",
}


def print_refusal(exc: Refused, stream=None) -> None:
    """``error: [option: ]key {params}`` and an English sentence under it, like the desktop's commands."""
    from injury_desk.catalogue.rules import RULES
    from injury_desk.commands.common import english_rule, print_rule

    sentence = CENTRAL_SENTENCES.get(exc.key)
    if sentence is not None:
        sentence = sentence.format_map(exc.params)
    elif exc.key in RULES:
        sentence = english_rule(exc.key, exc.params)
        if exc.option and sentence[:1].islower():  # a field's rule reads after the field's name
            sentence = f"{exc.option} {sentence}"
    print_rule(exc.key, exc.params, where=exc.option or "", sentence=sentence, stream=stream)


def _explicit_store(args) -> str | None:
    from injury_desk.central.central_db import with_driver

    url = args.store or os.environ.get("INJURY_DESK_CENTRAL_STORE") or None
    return with_driver(url) if url else None


def _store_option(args) -> str:
    """Where the store's URL came from, to name it in a refusal."""
    if args.store:
        return "--store"
    return "INJURY_DESK_CENTRAL_STORE" if os.environ.get("INJURY_DESK_CENTRAL_STORE") else "--data-dir"


def store_url(args, *, create: bool = False) -> str:
    """--store, else INJURY_DESK_CENTRAL_STORE, else the embedded store in the data folder (whose folders only
    ``create`` makes; existing ones are made private to the user)."""
    from injury_desk.central.central_db import default_url
    from injury_desk.private_files import private_dir

    explicit = _explicit_store(args)
    if explicit:
        return explicit
    data_dir = data_dir_of(args)
    if create or data_dir.is_dir():
        private_dir(data_dir)  # the data folder holding the embedded store is the user's only, as a desktop's is
    return default_url(data_dir / "central", create=create)


def open_checked(args, *, create: bool = False, upgrade: bool = True, reading: bool = False):
    """The command's central store, checked (central_db.open_store); a refusal names the option it came from."""
    from injury_desk.central.central_db import open_store

    url = store_url(args, create=create)
    try:
        return open_store(url, create=create, upgrade=upgrade, reading=reading)
    except DomainError as exc:
        raise Refused(_store_option(args), exc.key, exc.params) from None


def _run(args, work, *, create: bool = False, reading: bool = False, fields: dict[str, str] | None = None) -> int:
    """``work(store)`` on the command's checked store (``reading``: a command that changes nothing); a refusal is
    exit 2. ``fields``: the argument or option that gives each field of the store a refusal may name."""
    from injury_desk.central.accounts import CentralError

    try:
        store = open_checked(args, create=create, reading=reading)
    except Refused as exc:
        print_refusal(exc)
        return 2
    try:
        return work(store)
    except CentralError as exc:
        print_refusal(Refused((fields or {}).get(exc.field, exc.field), exc.key, exc.params))
        return 2
    except Refused as exc:
        print_refusal(exc)
        return 2
    finally:
        store.dispose()


def listen(host: str, port: int):
    """A listening socket on ``host``:``port``, made before the service announces itself, so that a port in use
    or a host that is not this machine's is a refusal (``central.cannot_listen``), not a failure of uvicorn."""
    import errno
    import socket

    try:
        family = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0][0]
        return socket.create_server((host, port), family=family)
    except OSError as exc:
        option = "--port" if exc.errno in (errno.EADDRINUSE, errno.EACCES) else "--host"
        # The system's words for the errno, without what create_server adds (host and port are parameters).
        reason = exc.strerror if isinstance(exc, socket.gaierror) or not exc.errno else os.strerror(exc.errno)
        raise Refused(option, "central.cannot_listen", {"host": host, "port": port, "reason": reason}) from None


def run_serve(args) -> int:
    import uvicorn

    from injury_desk.central.app import asgi

    def work(store):
        sock = listen(args.host, args.port)
        print(f"central sync service on http://{args.host}:{args.port} (store: {store.dialect})", flush=True)
        config = uvicorn.Config(asgi(store), host=args.host, port=args.port, log_level="warning")
        uvicorn.Server(config).run(sockets=[sock])
        return 0

    # `central serve` with no store given makes and migrates the embedded one (docs/sync.md); any other store
    # must exist.
    return _run(args, work, create=_explicit_store(args) is None)


def run_migrate(args) -> int:
    from injury_desk.central.central_db import (
        MIN_SERVICE_PASSWORD,
        migrate,
        service_role_has_password,
        set_service_password,
    )

    password = os.environ.get(args.service_password_env)
    explicit = _explicit_store(args)
    postgres = explicit is not None and explicit.startswith("postgresql")
    if password is not None and postgres and len(password) < MIN_SERVICE_PASSWORD:
        print(f"error: central.service_password: the password in {args.service_password_env} is shorter than "
              f"{MIN_SERVICE_PASSWORD} characters; nothing was changed", file=sys.stderr)
        return 2
    try:
        store = open_checked(args, create=True, upgrade=False)
    except Refused as exc:
        print_refusal(exc)
        return 2
    url = store.url
    store.dispose()
    try:
        migrate(url)
    except DomainError as exc:
        print_refusal(Refused(_store_option(args), exc.key, exc.params))
        return 2
    print("central store: migrated to the newest revision")
    if not postgres:
        return 0  # the embedded store has no roles: the service is its only user
    if password is not None:
        set_service_password(url, password)
        print(f"service role injury_desk_service: password set from {args.service_password_env} (SCRAM-SHA-256)")
    elif service_role_has_password(url) is False:
        print(f"warning: the service role injury_desk_service has no password, so it can log in only where the "
              f"server trusts it without one; set {args.service_password_env} and run migrate again",
              file=sys.stderr)
    return 0


def run_add_office(args) -> int:
    from injury_desk.central.accounts import add_office

    def work(store):
        office_id = add_office(store, args.code, args.name, args.region)
        print(f"office {args.code.upper()} created: {office_id}")
        return 0

    return _run(args, work, fields={"name": "NAME", "region": "--region"})


def run_set_numbering(args) -> int:
    from injury_desk.central.accounts import set_numbering

    if args.prefix is None and args.pattern is None:
        print("error: set-numbering: give --prefix, --pattern or both (nothing was changed)", file=sys.stderr)
        return 2

    def work(store):
        from injury_desk.domain.decision_numbers import DEFAULT_PATTERN

        prefix, pattern = set_numbering(store, args.office, args.prefix, args.pattern)
        print(f"office {args.office.upper()}: decision numbers {pattern or DEFAULT_PATTERN} (prefix {prefix!r})")
        return 0

    return _run(args, work, fields={"decision_prefix": "--prefix", "decision_pattern": "--pattern"})


def run_add_user(args) -> int:
    from injury_desk.central.accounts import add_user

    password = os.environ.get(args.password_env)
    if password is None:
        print(f"error: central.password_env variable={args.password_env} (set it to the new password)",
              file=sys.stderr)
        return 2

    def work(store):
        user_id = add_user(store, args.office, args.username, args.name, args.role, password)
        print(f"user {args.username} ({args.role}) created in {args.office.upper()}: {user_id}")
        return 0

    return _run(args, work, fields={"display_name": "--name"})


def run_enroll(args) -> int:
    from injury_desk.central.accounts import ENROLMENT_TTL, make_enrolment_code

    def work(store):
        code = make_enrolment_code(store, args.office.upper())
        hours = int(ENROLMENT_TTL.total_seconds() // 3600)
        print(code)
        print(f"one-time enrolment code for office {args.office.upper()}, valid {hours} hours", file=sys.stderr)
        return 0

    return _run(args, work)


def _printable(text: str) -> str:
    """A name a desktop chose for itself, as one line of the table: its control characters escaped, so that a
    line break or a terminal escape in it cannot forge a row or act on the administrator's terminal."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def run_list_devices(args) -> int:
    from injury_desk.central.accounts import list_devices

    def work(store):
        found = list_devices(store, args.office.upper())
        if not found:
            print(f"office {args.office.upper()} has no enrolled desktop")
            return 0
        print(f"{'TAG':<8} {'STATE':<8} {'LAST SEQ':>8}  {'ENROLLED (UTC)':<19}  {'ID':<36}  NAME")
        for d in found:
            state = "active" if d["active"] else "revoked"
            enrolled = d["enrolled_at"].strftime("%Y-%m-%d %H:%M:%S")
            print(f"{d['tag']:<8} {state:<8} {d['last_seq']:>8}  {enrolled:<19}  {d['id']:<36}  "
                  f"{_printable(d['name'])}")
        return 0

    return _run(args, work, reading=True)


def run_revoke_device(args) -> int:
    from injury_desk.central.accounts import revoke_device

    def work(store):
        device, was_active = revoke_device(store, args.office.upper(), args.device)
        what = f"desktop {device['tag']} ({_printable(device['name']) or device['id']}) of office {args.office.upper()}"
        if was_active:
            print(f"{what} revoked: it can no longer sync; `central enroll-device` gives it a new code to join "
                  "again")
        else:
            print(f"{what} was already revoked; nothing was changed")
        return 0

    return _run(args, work, fields={"device": "DEVICE"})


def run_check(args) -> int:
    from injury_desk.central.integrity import check_anchors, check_chains, check_feed

    def work(store):
        report = check_anchors(store, check_feed(store, check_chains(store)))
        print(f"offices: {report.offices}\naudit events: {report.events}\nsynced rows: {report.rows}")
        for problem in report.problems:
            print(f"PROBLEM {problem}", file=sys.stderr)
        if report.ok:
            print("central check: OK")
            return 0
        print(f"central check: {len(report.problems)} problem(s) found; nothing was repaired", file=sys.stderr)
        return 1

    return _run(args, work, reading=True)


def run_import(args) -> int:
    from injury_desk.central.packages import import_package

    def work(store):
        reply = import_package(store, args.file, args.reply)
        answered = sum(len(r.results) for r in reply.push_replies)
        pulled = reply.pull.row_count() if reply.pull else 0
        print(f"package {reply.package_seq} applied: {answered} change(s) answered, {pulled} row(s) in the reply "
              f"{args.reply}")
        return 0

    return _run(args, work)

