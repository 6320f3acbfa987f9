"""One sync controller per window: runs sync off the GUI thread, never twice at once, with timed retries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from injury_desk.placeholders import arg
from injury_desk.ui.messages import error_text
from injury_desk.ui.sync.common import is_retryable, last_error_text, local_time
from injury_desk.ui.operations import Changes

AUTO_INTERVAL_MS = 5 * 60_000  # an enrolled desktop syncs every five minutes
FIRST_DELAY_MS = 20_000  # and once shortly after the window opens
BACKOFF_START_MS = 60_000  # after a failure that may heal (network, 5xx): 1, 2, 4, 8 … minutes
BACKOFF_CAP_MS = 30 * 60_000


def backoff_ms(failures: int) -> int:
    """The wait before the next automatic attempt after ``failures`` failed ones in a row."""
    if failures <= 0:
        return AUTO_INTERVAL_MS
    return min(BACKOFF_CAP_MS, BACKOFF_START_MS * 2 ** (failures - 1))


@dataclass(frozen=True)
class SyncState:
    """What the page and the status bar show; plain data, rebuilt after every change."""

    status: Any = None  # services.sync.SyncStatus, or None when it could not be read
    running: bool = False
    task: str = ""  # "sync", "enrol", "export", "import" while running
    phase: str = ""  # "push", "pull" during a sync
    done: int = 0
    total: int = 0
    offline: bool = False  # the last attempt failed in a way that heals by itself; retrying
    failures: int = 0
    next_attempt: datetime | None = None  # local time of the next automatic attempt
    error: str = ""  # the last failure in words ("" after a success)
    report: Any = None  # the last SyncReport of this session

    @property
    def enrolled(self) -> bool:
        return bool(self.status is not None and self.status.enrolled)


def indicator_text(state: SyncState) -> str:
    """The status-bar line: not enrolled / syncing… / offline (retrying) / last synced …, conflicts N."""
    st = state.status
    if st is None:
        return QCoreApplication.translate("SyncIndicator", "Sync: state unknown")
    if not st.enrolled:
        return QCoreApplication.translate("SyncIndicator", "Sync: not enrolled")
    if state.running and state.task == "sync":
        parts = [QCoreApplication.translate("SyncIndicator", "syncing…")]
    elif state.offline and state.next_attempt is not None:
        parts = [arg(QCoreApplication.translate("SyncIndicator", "offline (retrying at %1)"), state.next_attempt.strftime("%H:%M"))]
    elif state.offline:
        parts = [QCoreApplication.translate("SyncIndicator", "offline (retrying)")]
    elif state.error:
        parts = [QCoreApplication.translate("SyncIndicator", "failed, see the Sync page")]
    elif st.last_success:
        parts = [arg(QCoreApplication.translate("SyncIndicator", "last synced %1"), local_time(st.last_success))]
    else:
        parts = [QCoreApplication.translate("SyncIndicator", "never synced")]
    conflicts, rejected = st.open_conflicts, st.rejected  # plain names: lupdate misses an expression count
    if conflicts:
        parts.append(QCoreApplication.translate("SyncIndicator", "%n conflict(s)", "", conflicts))
    if rejected:
        parts.append(QCoreApplication.translate("SyncIndicator", "%n rejected", "", rejected))
    return arg(QCoreApplication.translate("SyncIndicator", "Sync: %1"), " · ".join(parts))


class SyncController(QObject):
    """Owns the sync state of one UiEnv: the page and the status bar both listen to ``state_changed``."""

    state_changed = Signal(object)  # SyncState
    finished = Signal(str, object)  # task, result (SyncReport, device tag, package number …)
    failed = Signal(str, object)  # task, exception

    def __init__(self, env, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else env.runner)
        self.env = env
        self.state = SyncState()
        self._handle = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._automatic)
        self.automatic = False
        env.bus.changed.connect(self._on_bus)

    # ---------------------------------------------------------------- state

    def _set(self, **changes) -> None:
        self.state = replace(self.state, **changes)
        self.state_changed.emit(self.state)

    def refresh(self) -> SyncState:
        """Re-read the counts (queue, conflicts, rejected) and tell the listeners."""
        try:
            status = self.env.services.sync.status(self.env.actor)
        except Exception as exc:  # shown on the page; the status bar says "unknown"
            self._set(status=None, error=error_text(exc))
            return self.state
        error = self.state.error
        if not error and not self.state.running and status.last_error:
            error = last_error_text(status.last_error)
        self._set(status=status, error=error)
        return self.state

    def _on_bus(self, _changes: Changes) -> None:
        self.refresh()

    # ---------------------------------------------------------------- automatic sync

    def start_automatic(self, first_delay_ms: int = FIRST_DELAY_MS) -> None:
        """Sync on a timer while enrolled: soon after start, then every five minutes, backing off on failure."""
        self.automatic = True
        self._schedule(first_delay_ms)

    def stop_automatic(self) -> None:
        self.automatic = False
        self.timer.stop()
        self._set(next_attempt=None)

    def _schedule(self, ms: int) -> None:
        if not self.automatic:
            return
        self.timer.start(ms)
        self._set(next_attempt=datetime.now().astimezone() + timedelta(milliseconds=ms))

    def _automatic(self) -> None:
        if not self.state.enrolled and not self.env.services.sync.is_enrolled():
            self._schedule(AUTO_INTERVAL_MS)  # nothing to do until someone enrols the desktop
            return
        if not self.sync_now():
            self._schedule(AUTO_INTERVAL_MS)  # something else is running: try at the next turn

    # ---------------------------------------------------------------- running

    @property
    def busy(self) -> bool:
        return self.state.running

    def sync_now(self) -> bool:
        """Starts a sync unless one (or another sync task) is running; False when it did not start."""
        sync = self.env.services.sync  # built here, on the GUI thread, not racing in a worker
        actor = self.env.actor

        def work(progress):
            return sync.sync_now(actor, progress=lambda phase, done, total: progress.show(done, total, phase),
                                 cancelled=lambda: progress.cancelled)

        return self.run("sync", work, with_progress=True)

    def run(self, task: str, fn: Callable[..., Any], *, with_progress: bool = False, write: bool = False) -> bool:
        """Runs one sync task (sync, enrolment, package export or import) off the GUI thread; one at a time,
        because each of them moves the queue and the cursor."""
        if self.state.running:
            return False
        self.timer.stop()
        self._set(running=True, task=task, phase="", done=0, total=0)
        self._handle = self.env.runner.submit(
            fn, on_done=lambda result: self._done(task, result), on_error=lambda exc: self._failed(task, exc),
            on_progress=self._progress, write=write, with_progress=with_progress)
        return True

    def cancel(self) -> None:
        if self._handle is not None and self.state.running:
            self._handle.cancel()

    def _progress(self, done: int, total: int, phase: str) -> None:
        self._set(phase=phase, done=done, total=total)

    def _done(self, task: str, result: Any) -> None:
        self._handle = None
        report = result if task in ("sync", "import") else self.state.report
        if task == "enrol" and isinstance(result, tuple):
            report = result[1]
        self._set(running=False, task="", phase="", offline=False, failures=0, error="", report=report)
        self.refresh()
        self.finished.emit(task, result)
        # Records that came down (or were repaired, or kept their central value in a conflict) change what
        # every page shows: "all" refreshes them. A sync that only emptied the queue tells the counters.
        changed = report is not None and (report.pulled or report.repaired or report.conflicts)
        self.env.bus.changed.emit(
            Changes.everything() if task == "enrol" or (task in ("sync", "import") and changed) else Changes(sync=True))
        self._schedule(AUTO_INTERVAL_MS)

    def _failed(self, task: str, exc: Exception) -> None:
        self._handle = None
        cancelled = getattr(exc, "key", "") == "sync.cancelled"
        # Only a failed sync is the sync state's error (a cancel is none: the page says so, once); enrolment
        # and package failures are shown by the page beside the action that failed.
        text = error_text(exc) if task == "sync" and not cancelled else self.state.error
        retry = task == "sync" and is_retryable(exc)
        failures = self.state.failures + 1 if retry else 0
        self._set(running=False, task="", phase="", offline=retry, failures=failures, error=text)
        self.refresh()
        self.failed.emit(task, exc)
        if task == "sync":
            self.env.bus.changed.emit(Changes(sync=True))  # what was pushed before the failure is no longer pending
            self._schedule(backoff_ms(failures) if retry else AUTO_INTERVAL_MS)


def sync_controller(env) -> SyncController:
    """The controller of this UiEnv, made on first use (one per env: the window and its pages share it)."""
    controller = getattr(env, "sync", None)
    if controller is None:
        controller = SyncController(env)
        env.sync = controller
    return controller
