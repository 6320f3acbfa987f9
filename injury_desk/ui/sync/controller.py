"""One sync controller per window: runs sync off the GUI thread, never twice at once, with timed retries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from injury_desk.domain.errors import DomainError
from injury_desk.placeholders import arg
from injury_desk.services.sync_rows import quick_status
from injury_desk.ui.messages import error_text
from injury_desk.ui.sync.common import is_retryable, last_error_text, local_time, sync_service
from injury_desk.ui.operations import Changes, QueryOp, show_failure

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

    status: Any = None  # services.sync_rows.SyncStatus, or None when it could not be read
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

    def refresh(self) -> None:
        """Re-read the counts (queue, conflicts, rejected) off the GUI thread and tell the listeners; before the
        full services are open, at once from the quick start (the same read the sync service makes)."""
        actor = self.env.actor
        QueryOp(self, self.env, query=lambda services: sync_service(services).status(actor),
                success=self._status_read, quick=lambda q: q.read(quick_status, actor)).failure(
                    self._status_failed).superseding("status").run()

    def _status_read(self, status) -> None:
        error = self.state.error
        if not error and not self.state.running and status.last_error:
            error = last_error_text(status)
        self._set(status=status, error=error)

    def _status_failed(self, exc: Exception) -> None:  # shown on the page; the status bar says "unknown"
        self._set(status=None, error=error_text(exc))

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
        if self.state.enrolled:
            self._automatic_sync(True)
            return
        QueryOp(self, self.env, query=lambda services: sync_service(services).is_enrolled(),
                success=self._automatic_sync).failure(self._enrolment_unknown).run()

    def _enrolment_unknown(self, exc: Exception) -> None:
        if not isinstance(exc, DomainError):  # a program error goes to the one handler; the timer goes on
            show_failure(None, exc)
        self._schedule(AUTO_INTERVAL_MS)

    def _automatic_sync(self, enrolled: bool) -> None:
        if not enrolled:
            self._schedule(AUTO_INTERVAL_MS)  # nothing to do until someone enrols the desktop
        elif not self.sync_now():
            self._schedule(AUTO_INTERVAL_MS)  # something else is running: try at the next turn

    # ---------------------------------------------------------------- running

    @property
    def busy(self) -> bool:
        return self.state.running

    def sync_now(self) -> bool:
        """Starts a sync unless one (or another sync task) is running; False when it did not start."""
        actor = self.env.actor

        def work(services, progress):
            return sync_service(services).sync_now(
                actor, progress=lambda phase, done, total: progress.show(done, total, phase),
                cancelled=lambda: progress.cancelled)

        return self.run("sync", work, with_progress=True)

    def run(self, task: str, work: Callable[..., Any], *, with_progress: bool = False) -> bool:
        """Runs one sync task (sync, enrolment, package export or import) off the GUI thread; one at a time,
        because each of them moves the queue and the cursor. ``work(services)`` (with ``progress`` as well
        when ``with_progress``) returns the task's result.

        A QueryOp, on the shared pool, though the task writes: it waits on the network for minutes, and on the
        single writer thread every save would wait behind it. The sync service takes its own short write
        transactions; what changed is announced in ``_done`` once the report says what came down."""
        if self.state.running:
            return False
        self.timer.stop()
        self._set(running=True, task=task, phase="", done=0, total=0)
        op = QueryOp(self, self.env, query=work, success=lambda result: self._done(task, result))
        op.failure(lambda exc: self._failed(task, exc))
        if with_progress:
            op.with_progress(self._progress)
        self._handle = op.run()
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
