"""`injury-desk sync ...`: enrol this desktop, sync now, status, and sync packages."""

from __future__ import annotations

import sys
from pathlib import Path

from injury_desk.commands.common import add_common_options, english_rule, output_file, print_domain_error
from injury_desk.commands.session import add_user_options, add_wait_option, command_services, login_from_args
from injury_desk.domain.errors import DomainError


def register(subparsers) -> None:
    p = subparsers.add_parser("sync", help="sync with the central service, or by sync-package files")
    add_common_options(p)
    sub = p.add_subparsers(dest="sync_command", metavar="ACTION", required=True)

    def action(name: str, help_text: str, handler, *, login: bool = True, writes: bool = True):
        q = sub.add_parser(name, help=help_text)
        add_common_options(q)
        if login:
            add_user_options(q)
        if writes:
            add_wait_option(q)
        q.set_defaults(handler=handler)
        return q

    q = action("enrol", "enrol this desktop with the central service (a one-time code from its administrator)",
               run_enrol, login=False)
    q.add_argument("url", help="central service URL, e.g. https://sync.example.org")
    q.add_argument("code", help="one-time enrolment code")
    q.add_argument("--user", help="act as this local user (needed once the desktop has users)")
    q.add_argument("--password-env", default="INJURY_DESK_PASSWORD", metavar="VAR")
    action("now", "push local changes and pull the office's changes", run_now)
    action("status", "queue length, oldest unsent change, conflicts and rejected changes", run_status, writes=False)
    q = action("export-package", "write the unsent changes to a sync package file", run_export)
    q.add_argument("file", type=output_file)
    q = action("import-reply", "apply the central service's reply package", run_import)
    q.add_argument("file", type=Path)


def _with_services(args, work, *, command: str, mode: str = "write", login: bool = True, keep_new=None) -> int:
    try:
        with command_services(args, command, mode=mode, keep_new=keep_new) as services:
            actor = login_from_args(services, args) if login else None
            return work(services, actor)
    except DomainError as exc:
        print_domain_error(exc)
        return 2


def _print_report(report) -> None:
    state = ("matches" if report.state_ok else "differs" if report.state_ok is False
             else "not checked (the office kept changing; the next sync checks)" if report.state_busy
             else "not checked")
    print(f"pushed {report.pushed} (applied {report.applied}, conflicts {report.conflicts}, "
          f"rejected {report.rejected}); pulled {report.pulled} (held back {report.held_back}); "
          f"repaired {report.repaired}; state {state}")
    if report.anchor:
        print(f"audit chain head: {report.anchor}")
    if report.anchor == "diverged":
        # The work synced; the audit trail is another matter, and a person must look at it.
        print("warning: this desktop's audit chain no longer extends the head the central service anchored; "
              "run `injury-desk check`", file=sys.stderr)


def run_enrol(args) -> int:
    def work(services, _actor):
        actor = login_from_args(services, args) if (args.user or services.auth.has_users()) else None
        tag = services.sync.enrol(actor, args.url, args.code)
        print(f"enrolled: device tag {tag}")
        report = services.sync.first_pull(actor)
        _print_report(report)
        return 0

    from injury_desk.services.new_desktop import enrolled

    # A refused or failed enrolment into a folder without a database leaves none behind (nor its keys).
    return _with_services(args, work, command="sync enrol", mode="create", login=False, keep_new=enrolled)


def run_now(args) -> int:
    def work(services, actor):
        report = services.sync.sync_now(actor, progress=lambda phase, done, total: print(
            f"{phase}: {done}" + (f"/{total}" if total else ""), file=sys.stderr))
        _print_report(report)
        return 0 if report.state_ok is not False else 1

    return _with_services(args, work, command="sync now")


def run_status(args) -> int:
    def work(services, actor):
        st = services.sync.status(actor)
        print(f"enrolled: {'yes, ' + st.central_url if st.enrolled else 'no'}")
        print(f"pending changes: {st.pending}")
        print(f"oldest unsent change: {st.oldest_pending.isoformat(timespec='seconds') if st.oldest_pending else '-'}")
        print(f"rejected changes: {st.rejected}")
        print(f"open conflicts: {st.open_conflicts}")
        print(f"last successful sync: {st.last_success or '-'}")
        if st.last_error:
            print(f"last error: {_error_said(st)}")
        for url, why in st.old_credentials.items():
            print("old credential kept: "
                  + english_rule("sync.old_credential_kept", {"central_url": url, "reason": why}))
        return 0

    return _with_services(args, work, command="sync status", mode="read")


def _error_said(st) -> str:
    """A SyncStatus's last error as its key, its parameters and its English sentence (text that is no key as it
    is)."""
    import json

    from injury_desk.catalogue.rules import RULES

    error = st.error
    if error is None:
        return st.last_error
    key, params = error
    shown = f"{key} {json.dumps(params, ensure_ascii=False, default=str)}" if params else key
    return f"{shown}: {english_rule(key, params)}" if key in RULES else shown


def run_export(args) -> int:
    def work(services, actor):
        from injury_desk.store.own_files import refuse_own_file

        refuse_own_file(args.file, services.database_path, field="file")
        seq = services.sync.export_package(actor, args.file)
        print(f"sync package {seq} written to {args.file}")
        return 0

    return _with_services(args, work, command="sync export-package")


def run_import(args) -> int:
    def work(services, actor):
        report = services.sync.import_reply(actor, args.file)
        _print_report(report)
        return 0

    return _with_services(args, work, command="sync import-reply")
