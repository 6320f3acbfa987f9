"""Which injury-desk processes have a data folder's database open, and the one writing command at a time.

SQLite's own locks say neither who holds them nor since when, and a writer that meets one fails after
its busy timeout with "database is locked". So every process that opens the database leaves a small
marker file in the data folder (pid, command, start time), and a command that writes takes the writer
marker first: a second writer waits, saying whom it waits for, and gives up with a clear refusal. A
marker whose process is gone (or whose pid now belongs to another process) is stale and is ignored.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import psutil

from injury_desk.domain.errors import DomainError
from injury_desk.private_files import make_folder, private_dir, refused_write, unwritable_folder

RUNNING_DIR = "running"
WRITER_FILE = "writer.lock"
POLL_SECONDS = 0.2
# A marker file is written right after it is created; one found empty is given this long to be filled.
FILL_GRACE_SECONDS = 2.0


@dataclass(frozen=True)
class Holder:
    """One process with the database open."""

    pid: int
    command: str
    started: datetime  # UTC
    created: float  # the process's own start time, to tell a reused pid from the original process

    def params(self) -> dict[str, object]:
        return {"command": self.command, "pid": self.pid,
                "since": self.started.astimezone().strftime("%Y-%m-%d %H:%M:%S")}

    def describe(self) -> str:
        return f"{self.command} (pid {self.pid}), started {self.params()['since']}"


def _process_created(pid: int) -> float | None:
    try:
        return psutil.Process(pid).create_time()
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return None


def _me(command: str) -> Holder:
    pid = os.getpid()
    return Holder(pid, command, datetime.now(timezone.utc), _process_created(pid) or 0.0)


def _alive(holder: Holder) -> bool:
    created = _process_created(holder.pid)
    return created is not None and abs(created - holder.created) < 1.0


def _write_marker(fd: int, holder: Holder) -> None:
    data = {"pid": holder.pid, "command": holder.command, "started": holder.started.isoformat(),
            "created": holder.created}
    os.write(fd, json.dumps(data).encode("utf-8"))
    os.close(fd)


def _read_marker(path: Path) -> Holder | None:
    """The holder a marker names; None while it is still empty or if it is not a marker at all."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Holder(int(data["pid"]), str(data["command"]), datetime.fromisoformat(data["started"]),
                      float(data["created"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _young(path: Path) -> bool:
    try:
        return time.time() - path.stat().st_mtime < FILL_GRACE_SECONDS
    except OSError:
        return False


class Presence:
    """This process's marker in the data folder's ``running`` folder, for as long as it has the database open."""

    def __init__(self, data_dir: Path, command: str) -> None:
        folder = private_dir(Path(data_dir) / RUNNING_DIR)  # like every file of the data folder: the user's only
        self.holder = _me(command)
        self.path = folder / f"{self.holder.pid}-{uuid.uuid4().hex[:8]}.json"
        _write_marker(os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), self.holder)

    def close(self) -> None:
        self.path.unlink(missing_ok=True)


def locked_refusal(data_dir: Path) -> DomainError:
    """The refusal of a write that met SQLite's lock held past the busy timeout, naming the other injury-desk
    processes that have the database open (another program leaves no marker: then none is named)."""
    others = others_present(data_dir)
    if not others:
        return DomainError("store.locked_by_unknown")
    return DomainError("store.locked", others="; ".join(h.describe() for h in others))


def others_present(data_dir: Path) -> list[Holder]:
    """Live processes other than this one that have the database of ``data_dir`` open; stale markers go."""
    folder = Path(data_dir) / RUNNING_DIR
    if not folder.is_dir():
        return []
    found: list[Holder] = []
    for marker in sorted(folder.glob("*.json")):
        holder = _read_marker(marker)
        if holder is None:
            if not _young(marker):
                marker.unlink(missing_ok=True)
            continue
        if not _alive(holder):
            marker.unlink(missing_ok=True)
        elif holder.pid != os.getpid():
            found.append(holder)
    return found


class WriterLock:
    """The data folder's writer marker, held by one writing command at a time."""

    def __init__(self, data_dir: Path, command: str) -> None:
        self.path = Path(data_dir) / WRITER_FILE
        self.holder = _me(command)
        self.held = False

    def acquire(self, *, timeout: float, on_wait: Callable[[Holder], None] | None = None) -> None:
        """Take the marker, waiting up to ``timeout`` seconds for a live holder; ``store.busy`` after that."""
        make_folder(self.path.parent)  # a file given as the data folder is refused here, before anything is made
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            except FileExistsError:
                other = _read_marker(self.path)
                if other is None and not _young(self.path) or other is not None and not _alive(other):
                    self._remove_stale()
                    continue
                if time.monotonic() >= deadline:
                    params = other.params() if other else {"command": "?", "pid": "?", "since": "?"}
                    raise DomainError("store.busy", waited=round(timeout), **params) from None
                if other is not None and not told and on_wait is not None:
                    on_wait(other)
                    told = True
                time.sleep(POLL_SECONDS)
                continue
            except OSError as exc:
                if not refused_write(exc):
                    raise
                raise unwritable_folder(self.path.parent, exc) from exc
            _write_marker(fd, self.holder)
            self.held = True
            return

    def _remove_stale(self) -> None:
        # Renamed away first, so that two waiters that both found it stale never remove a new holder's marker.
        grave = self.path.with_name(f"{WRITER_FILE}.{uuid.uuid4().hex[:8]}.stale")
        try:
            os.replace(self.path, grave)
        except FileNotFoundError:
            return
        grave.unlink(missing_ok=True)

    def release(self) -> None:
        if self.held:
            mine = _read_marker(self.path)
            if mine is not None and mine.pid == self.holder.pid:
                self.path.unlink(missing_ok=True)
            self.held = False


def current_writer(data_dir: Path) -> Holder | None:
    """The live process holding the writer marker, if any."""
    holder = _read_marker(Path(data_dir) / WRITER_FILE)
    return holder if holder is not None and _alive(holder) else None
