"""`injury-desk import FILE` and `injury-desk export FILE`: JSON Lines (docs/import-export.md)."""

from __future__ import annotations

import sys
from pathlib import Path

from injury_desk.commands.common import add_common_options, field_sentence, print_domain_error
from injury_desk.commands.session import add_user_options, add_wait_option, command_services, login_from_args
from injury_desk.domain.errors import DomainError


def register(subparsers) -> None:
    p = subparsers.add_parser("import", help="import a JSON Lines file: all lines or none")
    add_common_options(p)
    add_user_options(p)
    add_wait_option(p)
    p.add_argument("file", type=Path)
    p.set_defaults(handler=run_import)
    p = subparsers.add_parser("export", help="export the office's records to a JSON Lines file")
    add_common_options(p)
    add_user_options(p)
    add_wait_option(p)
    p.add_argument("file", type=Path)
    p.add_argument("--full-ids", action="store_true",
                   help="full resident ID numbers (refused unless your role may see them; audited either way)")
    p.set_defaults(handler=run_export)


def run_import(args) -> int:
    from injury_desk.services.transfer import ImportFailed

    progress = _Progress("import")
    try:
        with command_services(args, "import", mode="write") as services:
            actor = login_from_args(services, args)
            counts = services.transfer.import_jsonl(actor, args.file, progress=progress)
    except ImportFailed as exc:
        progress.end()
        shown = set()
        for e in exc.errors:
            line = f"{args.file}:{e.line}: {e.field}: {e.rule}{f' {e.params}' if e.params else ''}"
            sentence = field_sentence(e.field, e.rule, e.params)
            said = (e.line, e.field, sentence or line)
            if said in shown:  # two checks of one line that found the same (a required date, say)
                continue
            shown.add(said)
            print(line, file=sys.stderr)
            if sentence:
                print(f"  {sentence}", file=sys.stderr)
        more = f" (and {exc.more} more not listed)" if exc.more else ""
        print(f"error: {len(shown)} problem(s){more}; nothing was imported", file=sys.stderr)
        return 1
    except DomainError as exc:
        progress.end()
        print_domain_error(exc)
        return 2
    progress.end()
    print("imported: " + (", ".join(f"{n} {kind}" for kind, n in counts.items() if n) or "nothing (no records)"))
    return 0


def run_export(args) -> int:
    try:
        with command_services(args, "export", mode="write") as services:  # every export is audited
            actor = login_from_args(services, args)
            count = services.transfer.export_jsonl(actor, args.file, full_ids=args.full_ids)
    except DomainError as exc:
        print_domain_error(exc)
        return 2
    print(f"exported {count} records to {args.file}")
    return 0


class _Progress:
    """Progress on stderr, rewritten in place on a terminal and a line every few seconds otherwise."""

    def __init__(self, what: str) -> None:
        import time

        self.what = what
        self.clock = time.monotonic
        self.last = 0.0
        self.shown = False
        self.tty = sys.stderr.isatty()

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = self.clock()
        if now - self.last < (0.2 if self.tty else 5.0) and done != total:
            return
        self.last = now
        text = f"{self.what}: {stage} {done:,}/{total:,}"
        if self.tty:
            print(f"\r{text}\x1b[K", end="", file=sys.stderr, flush=True)
            self.shown = True
        else:
            print(text, file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.shown:
            print(file=sys.stderr)
            self.shown = False
