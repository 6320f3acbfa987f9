"""The first screen before the full services: login and the plain claims list, read with sqlite3 alone.

Loading SQLAlchemy and every service takes longer than showing the window, so app.py logs in and fills the
claims list from a QuickStart, shows the window, and only then opens the full Services (``open_services``).
The reads and the password rule are the ones AuthService and ClaimListService use (store.quick_read,
services.passwords), so nothing differs but the order in which things load.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from injury_desk.services.actor import Actor
from injury_desk.services.passwords import actor_of, check_login, make_hasher
from injury_desk.services.permissions import require
from injury_desk.store import migrate, quick_read

T = TypeVar("T")

if TYPE_CHECKING:
    from injury_desk.services.claim_rows import ClaimQuery, ClaimRow
    from injury_desk.services.container import Services


class PendingLogin:
    """A password check running in a thread (argon2 releases the GIL) while the caller prepares the window.

    ``candidate`` is who the user would be, for building widgets that stay hidden until ``result()`` has
    confirmed the password; it is None for an unknown or inactive user."""

    def __init__(self, check: Callable[[], Actor], candidate: Actor | None) -> None:
        self.candidate = candidate
        self._actor: Actor | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(check,), name="password-check", daemon=True)
        self._thread.start()

    def _run(self, check: Callable[[], Actor]) -> None:
        try:
            self._actor = check()
        except BaseException as exc:  # handed to the caller by result()
            self._error = exc

    def result(self) -> Actor:
        """The actor once the password is confirmed; raises DomainError("auth.invalid_credentials") if not."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._actor is not None
        return self._actor


class OpeningLogin:
    """QuickStart.open and begin_login in threads, for a caller that knows the credentials already (scripted
    starts, benchmarks), which imports and builds its (hidden) window meanwhile.

    The database file's check (SQLite's quick_check of the tables every start reads) runs beside the login row's read
    and the password check: all of them mostly wait on SQLite, D-Bus or argon2, which release the GIL. The
    reads are read-only and nothing is shown before ``confirm()``, which raises what the check found."""

    def __init__(self, data_dir: Path, username: str, password: str) -> None:
        self._outcome: tuple[QuickStart | None, PendingLogin | None] | BaseException | None = None
        self._check_failed: BaseException | None = None
        self._check: threading.Thread | None = None
        self._thread = threading.Thread(target=self._run, args=(Path(data_dir), username, password),
                                        name="quick-start", daemon=True)
        self._thread.start()

    def _run(self, data_dir: Path, username: str, password: str) -> None:
        try:
            found = quick_read.find_database(data_dir)
            if found is None:
                self._outcome = (None, None)
                return
            self._check = threading.Thread(target=self._run_check, args=found, name="database-check", daemon=True)
            self._check.start()
            if migrate.needs_upgrade(*found):
                self._outcome = (None, None)  # the full services migrate it, after a backup
                return
            quick = QuickStart(data_dir, *found)
            self._outcome = (quick, quick.begin_login(username, password))
        except BaseException as exc:  # handed to the caller by result()
            self._outcome = exc

    def _run_check(self, path: Path, key: bytes) -> None:
        try:
            quick_read.check_start_tables(path, key)
        except BaseException as exc:  # handed to the caller by confirm()
            self._check_failed = exc

    def result(self) -> tuple[QuickStart | None, PendingLogin | None]:
        """The quick start (None when the database must first be created or migrated) and its pending login;
        raises what QuickStart.open raised, or what the file's check found when the reads failed."""
        self._thread.join()
        if isinstance(self._outcome, BaseException):
            self._confirm_check()  # a damaged file: the check's message, not the read's
            raise self._outcome
        assert self._outcome is not None
        if self._outcome[0] is None:
            self._confirm_check()
        return self._outcome

    def confirm(self) -> None:
        """Wait for the file's check; raise what it found (closing the quick start). Call it before showing
        anything read through result()."""
        try:
            self._confirm_check()
        except BaseException:
            if isinstance(self._outcome, tuple) and self._outcome[0] is not None:
                self._outcome[0].close()
            raise

    def _confirm_check(self) -> None:
        if self._check is not None:
            self._check.join()
        if self._check_failed is not None:
            raise self._check_failed


class QuickStart:
    """Login and unfiltered claims-list pages of one current local database, without SQLAlchemy."""

    def __init__(self, data_dir: Path, path: Path, key: bytes) -> None:
        self.data_dir = Path(data_dir)
        self.path = path
        self.hasher = make_hasher()
        self.today: Callable[[], date] = date.today  # as ServiceContext's default
        self._con = quick_read.connect(path, key)

    @classmethod
    def open(cls, data_dir: Path) -> QuickStart | None:
        """After the start-up checks (DomainError for a database on a network share, damaged or foreign);
        None when the database must first be created or migrated: then Services.open is the way in."""
        found = quick_read.current_database(data_dir)
        return None if found is None else cls(data_dir, *found)

    def has_users(self) -> bool:
        return quick_read.has_users(self._con)

    def login(self, username: str, password: str) -> Actor:
        """As AuthService.login."""
        return check_login(self.hasher, quick_read.login_row(self._con, username.strip()), password)

    def begin_login(self, username: str, password: str) -> PendingLogin:
        """AuthService.login with the password checked in a thread; see PendingLogin."""
        row = quick_read.login_row(self._con, username.strip())
        candidate = actor_of(row) if row is not None and row.active else None
        return PendingLogin(lambda: check_login(self.hasher, row, password), candidate)

    def claims_page(self, actor: Actor, query: ClaimQuery, offset: int, limit: int) -> list[ClaimRow]:
        """A page of the unfiltered claims list, as ClaimListService.page gives it."""
        from injury_desk.services.claim_rows import claim_row  # not needed before the password check starts

        require(actor, "claim.view")
        if query.text.strip():
            raise ValueError("the quick start reads the unfiltered list only")
        rows = quick_read.claim_list_page(self._con, actor.office_id, query.sort, query.descending, offset, limit)
        return [claim_row(r) for r in rows]

    def read(self, query: Callable[..., T], *args) -> T:
        """``query(connection, *args)`` on this quick start's read-only sqlite3 connection: a page's first rows,
        read by the same function its service runs on its session's connection (store.quick_read.driver_connection),
        so the two cannot disagree. The GUI thread alone uses this connection."""
        return query(self._con, *args)

    def open_services(self) -> Services:
        """The full services of this database (loads SQLAlchemy and every service: call it once the window
        is up). The quick reads are done then: close() this quick start."""
        from injury_desk.services.container import Services  # deliberately late: this is the slow part

        return Services.open(self.data_dir)

    def close(self) -> None:
        self._con.close()
