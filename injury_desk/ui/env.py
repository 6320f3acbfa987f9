"""What every window and page is given: services, the acting user, the task runner, settings, a change bus."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QSettings, QThread, QTimer, Signal

from injury_desk.services.actor import Actor
from injury_desk.ui.background import TaskRunner

if TYPE_CHECKING:
    from injury_desk.services.container import Services
    from injury_desk.services.quick_start import QuickStart


class ChangeBus(QObject):
    """Writes announce what they changed here (an ``operations.Changes``) so other pages and the status bar
    refresh; ``operations.CollectionOp`` does it for every write it runs."""

    changed = Signal(object)  # operations.Changes


class UiEnv:
    """The services of the open database and who is using them.

    At start-up the window is shown from a QuickStart (login and the claims list's first rows, read without
    SQLAlchemy) and the full services follow once it is painted (``load_services``). Whatever needs them
    earlier simply uses ``services``, which opens them on the spot; ``when_services`` runs a callback as
    soon as they are there (at once when they already are)."""

    def __init__(self, services: Services | None, actor: Actor, runner: TaskRunner, settings: QSettings,
                 bus: ChangeBus, data_dir: Path, sync: Any = None, *, quick: QuickStart | None = None) -> None:
        if services is None and quick is None:
            raise ValueError("a UiEnv needs its services or a quick start to open them from")
        self._services = services
        self.quick = None if services is not None else quick
        self._quick_today = quick.today if quick is not None else None
        self.actor = actor
        self.runner = runner
        self.settings = settings
        self.bus = bus
        self.data_dir = data_dir
        # The window's SyncController (ui/sync/controller.py), made on first use by sync_controller(env):
        # the Sync page and the status-bar indicator share it.
        self.sync = sync
        self._waiting: list[tuple[Callable[[], None], QObject | None]] = []
        self._lock = threading.RLock()
        self._opening = threading.RLock()

    @property
    def services(self) -> Services:
        if self._services is None:
            self.load_services()
        assert self._services is not None
        return self._services

    @property
    def services_ready(self) -> bool:
        return self._services is not None

    def load_services(self) -> None:
        """Open the full services (once), then run what waited for them, on the GUI thread."""
        # Two locks: _opening lets one caller open them while others needing them wait; _lock guards only the
        # hand-over, so that when_services (on the GUI thread) never waits for the seconds the opening takes.
        with self._opening:
            with self._lock:
                if self._services is not None or self.quick is None:
                    return
                quick = self.quick
            services = quick.open_services()
            with self._lock:
                self._services = services
                self.quick = None
                waiting, self._waiting = self._waiting, []

        def finish() -> None:
            quick.close()  # on the GUI thread, which alone used it
            for callback, owner in waiting:
                if owner is None or shiboken6.isValid(owner):
                    callback()

        if QThread.currentThread() is self.bus.thread():
            finish()
        else:  # a background task got here first: the widgets that waited are updated on their own thread
            QTimer.singleShot(0, self.bus, finish)

    def when_services(self, callback: Callable[[], None], owner: QObject | None = None) -> None:
        """Run ``callback`` once the full services are open (at once when they are). A widget's method, or a
        callback given its ``owner``, is dropped when that widget is gone by then (a window rebuilt or closed
        while they were opening)."""
        if owner is None and isinstance(getattr(callback, "__self__", None), QObject):
            owner = callback.__self__
        with self._lock:
            if self._services is None:
                self._waiting.append((callback, owner))
                return
        callback()

    def today(self) -> date:
        """Today for every date rule of the GUI: the services' clock (a test or a demo may fix it)."""
        services = self._services
        return services.today() if services is not None else self._quick_today()

    @property
    def database_path(self) -> Path:
        """The local database file this window works on."""
        return self.services.database_path

    def close(self) -> None:
        """Close the database (the full services, or the quick start's connection)."""
        if self._services is not None:
            self._services.close()
        elif self.quick is not None:
            self.quick.close()
