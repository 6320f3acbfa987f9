"""`injury-desk key export|import`: the passphrase-protected recovery file of the database key and every other
secret the database needs (audit key, anchored head, sync credential)."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from injury_desk.commands.common import add_common_options, print_domain_error
from injury_desk.commands.session import add_user_options, command_services, data_dir_of, login_from_args
from injury_desk.domain.errors import DomainError

PASSPHRASE_ENV = "INJURY_DESK_KEY_PASSPHRASE"
# What a restore names (the command line is not translated; the sentences about what is missing are the
# catalogue's, as the GUI would show them).
NAMES = {"database_key": "the database key", "audit_key": "the audit key", "audit_anchor": "the anchored audit head",
         "sync_credential": "the sync credential"}
MISSING_RULES = {"audit_key": "key_import.audit_key_missing", "sync_credential": "key_import.sync_credential_missing"}
WARNING = ("Keep this file and its passphrase apart from this computer. If both the key in this computer's "
           "keyring and this export are lost, no one can read the database or its backups again.")


def register(subparsers) -> None:
    p = subparsers.add_parser("key", help="export or restore the database's keys (recovery file with a passphrase)")
    add_common_options(p)
    sub = p.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    q = sub.add_parser("export", help="write the database key, audit key and sync credential, sealed with a"
                                      " passphrase, to FILE (administrators)")
    add_common_options(q)
    add_user_options(q)
    q.add_argument("file", type=Path)
    q.add_argument("--passphrase-env", default=PASSPHRASE_ENV, metavar="VAR",
                   help=f"environment variable holding the passphrase (default: {PASSPHRASE_ENV});"
                        " asked for twice on the terminal when it is not set")
    q.set_defaults(handler=run_export)
    q = sub.add_parser("import", help="put the keys of a recovery FILE into this computer's keyring; exit 1"
                                      " when the database still lacks one (named)")
    add_common_options(q)
    q.add_argument("file", type=Path)
    q.add_argument("--passphrase-env", default=PASSPHRASE_ENV, metavar="VAR",
                   help=f"environment variable holding the passphrase (default: {PASSPHRASE_ENV})")
    q.set_defaults(handler=run_import)


def _passphrase(args, *, twice: bool) -> tuple[str, str | None]:
    value = os.environ.get(args.passphrase_env)
    if value is not None:
        return value, None
    if not sys.stdin.isatty():
        raise DomainError("cli.passphrase_required", variable=args.passphrase_env)
    first = getpass.getpass("passphrase: ")
    return first, getpass.getpass("passphrase again: ") if twice else None


def run_export(args) -> int:
    try:
        with command_services(args, "key export", mode="write") as services:  # the export is audited
            actor = login_from_args(services, args)
            passphrase, repeated = _passphrase(args, twice=True)
            written = services.database_key.export_key(actor, args.file, passphrase, repeated)
    except DomainError as exc:
        print_domain_error(exc)
        return 2
    print(f"key exported to {written}")
    print(WARNING)
    return 0


def run_import(args) -> int:
    from injury_desk.commands.common import english_rule
    from injury_desk.services.database_key import restore_key

    try:
        passphrase, _ = _passphrase(args, twice=False)
        report = restore_key(data_dir_of(args), args.file, passphrase)
    except DomainError as exc:
        print_domain_error(exc)
        return 2
    print(f"restored to this computer's keyring (key {report.key_id}): "
          + ", ".join(NAMES[name] for name in report.restored))
    if not report.database_found:
        print(f"note: there is no database in {data_dir_of(args)} yet. Copy the data folder there and run this"
              " command again: it then checks that the database has every secret it needs.")
        if report.version == 1:
            print("note: this export was written by an earlier version and holds the database key only.")
        return 0
    for name in report.missing:
        params = {"path": str(args.file), "device": report.device_id or "", "url": report.central_url or ""}
        print(f"missing: {NAMES[name]}", file=sys.stderr)
        print(f"  {english_rule(MISSING_RULES[name], params)}", file=sys.stderr)
    return 1 if report.missing else 0
