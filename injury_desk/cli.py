"""The injury-desk command line; with no sub-command it opens the GUI."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from injury_desk import __version__
from injury_desk.commands import (
    calc,
    central,
    check,
    demo,
    gui,
    import_export,
    key,
    payments,
    print_forms,
    stats,
    sync,
    tasks,
)
from injury_desk.commands.common import add_common_options, print_domain_error, resolve_data_dir
from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed
from injury_desk.private_files import os_refusal

# Each module in injury_desk.commands exposes register(subparsers); its parser sets handler=run(args)->int.
# Imported by name (not from strings) so that the layer contract sees them; each loads its work lazily.
COMMAND_MODULES = (gui, demo, import_export, check, calc, print_forms, central, sync, tasks, payments, stats, key)


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


EXIT_DONE, EXIT_DATA_PROBLEMS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
ERROR_LOG = "cli-errors.log"


def main(argv: list[str] | None = None) -> int:
    """Run one sub-command; the exit code follows the contract in the README (0 done, 1 problems found
    in the data, 2 bad usage or bad input, 3 internal error)."""
    parser = build_parser()
    args = parser.parse_args(argv)  # bad usage: argparse prints it and exits 2
    if not hasattr(args, "data_dir"):
        args.data_dir = None
    undecodable = _undecodable(args)
    if undecodable is not None:
        print_domain_error(ValidationFailed([undecodable]))
        return EXIT_BAD_INPUT
    # A reader that stops reading (`| head`, `2>&1 | head`) must neither end the command half-way nor decide its
    # exit code: what is written after it has gone is dropped, and the command finishes as it would have.
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = ReaderMayGo(sys.stdout), ReaderMayGo(sys.stderr)
    try:
        return _run(args, argv)
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()  # here, where a gone reader is dropped; the interpreter's own flush at exit would fail
        sys.stdout, sys.stderr = streams


def _run(args, argv: list[str] | None) -> int:
    try:
        if args.command is None:
            args.demo = False
            return gui.run(args)
        return int(args.handler(args) or 0)
    except DomainError as exc:  # a refusal (damaged database, network path, permission): say it, exit 2
        print_domain_error(exc, options=getattr(args, "field_options", None))
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - the one place that turns any failure into exit 3 and a log entry
        if _locked(exc):
            from injury_desk.store.presence import locked_refusal

            print_domain_error(locked_refusal(resolve_data_dir(args.data_dir)))
            return EXIT_BAD_INPUT
        from injury_desk.store.database import disk_refusal

        disk = disk_refusal(exc)
        if disk is not None:  # SQLite rolled the transaction back
            print_domain_error(DomainError("store.disk_write_failed", path=str(resolve_data_dir(args.data_dir)),
                                           detail=disk))
            return EXIT_BAD_INPUT
        refusal = os_refusal(exc)
        if refusal is not None:
            # The computer refused a file the command needed (its permissions, a read-only or full disk, a name too
            # long): not a fault of ours, and the user can mend it once the file is named.
            print_domain_error(refusal)
            return EXIT_BAD_INPUT
        log = _log_internal_error(resolve_data_dir(args.data_dir), argv if argv is not None else sys.argv[1:])
        where = f"the details are in {log}" if log else "the details could not be written to a log file"
        print(f"internal error: {type(exc).__name__}; {where}", file=sys.stderr)
        return EXIT_INTERNAL


class ReaderMayGo:
    """A standard stream that drops what it is given once its reader has gone (EPIPE), instead of raising
    BrokenPipeError into the command; its binary buffer (calc writes UTF-8 bytes) likewise."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self._gone = False
        raw = getattr(stream, "buffer", None)
        self.buffer = ReaderMayGo(raw) if raw is not None else None

    def write(self, data):
        if not self._gone:
            try:
                return self._stream.write(data)
            except BrokenPipeError:
                self._drop()
        return len(data)

    def flush(self) -> None:
        if not self._gone:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._drop()

    def _drop(self) -> None:
        self._gone = True
        # The descriptor now writes to nothing, so the interpreter's last flush at exit has nothing to fail on.
        try:
            fd = self._stream.fileno()
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, fd)
            os.close(devnull)
        except (OSError, ValueError, AttributeError):  # a stream with no descriptor (a test's capture)
            pass

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _undecodable(args) -> FieldError | None:
    """The first argument holding bytes that are not UTF-8 text (Python keeps them as lone surrogates): refused
    before any work, since nothing can store, print or log them as text."""
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, os.PathLike):  # a file named so: its name is audited and printed as text
                item = os.fspath(item)
            if isinstance(item, str):
                found = next((c for c in item if "\udc80" <= c <= "\udcff"), None)
                if found is not None:
                    return FieldError(name, "field.undecodable", {"byte": f"0x{ord(found) - 0xDC00:02X}"})
    return None


def _locked(exc: BaseException) -> bool:
    """SQLite gave up waiting for another connection's lock (its own busy timeout ran out)."""
    from injury_desk.store.database import sqlite_says

    return sqlite_says(exc, ("locked",)) is not None


def _log_internal_error(data_dir: Path, argv: list[str]) -> Path | None:
    """Append the traceback to the data folder's error log, or the platform's log folder when there is no data
    folder or it cannot be written; None when neither can be."""
    import traceback
    from datetime import datetime, timezone

    from platformdirs import user_log_dir

    from injury_desk.private_files import append_private_text
    from injury_desk.store.own_files import LOG_DIR

    text = f"--- {datetime.now(timezone.utc).isoformat()} injury-desk {__version__} {argv!r}\n{traceback.format_exc()}"
    try:
        folders = [data_dir / LOG_DIR] if data_dir.is_dir() else []
    except OSError:  # a data folder whose name is too long, say: the platform's log folder takes the entry
        folders = []
    folders.append(Path(user_log_dir("injury-desk", "injury-desk")))
    for folder in folders:
        try:
            # Tracebacks may quote personal data: the log and its folder are the user's only, as in the data folder.
            return append_private_text(folder / ERROR_LOG, text)
        except (OSError, DomainError):  # the log must never turn the failure it reports into a traceback
            continue
    return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
