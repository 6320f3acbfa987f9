"""The one background-operation helper: runs work off the GUI thread and hands results back to it.

Database writes go to a single-thread pool (one writer for SQLite); reads and network work go to a
shared pool. Work functions receive a ``Progress`` object and return plain data, never ORM objects.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class Cancelled(Exception):
    """Raised inside work when the user pressed Cancel."""


class Progress:
    """Handed to work functions: report progress and check for cancellation."""

    def __init__(self, signals: "_Signals") -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        """Report progress; raises Cancelled once the user has cancelled."""
        self.show(done, total, text)
        if self._cancel.is_set():
            raise Cancelled()

    def show(self, done: int, total: int, text: str = "") -> None:
        """Report progress only, for work that checks ``cancelled`` itself and stops at a clean point."""
        self._signals.progress.emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, progress: Progress, with_progress: bool) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.progress = progress
        self.with_progress = with_progress

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.progress) if self.with_progress else self.fn()
        except Exception as exc:  # handed to the GUI thread, shown to the user there
            exc.__traceback_text__ = traceback.format_exc()
            self._report(self.signals.failed, exc)
        else:
            self._report(self.signals.done, result)

    @staticmethod
    def _report(signal, value) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the application is being torn down and nobody is left to tell: not an error
            pass


class Handle:
    """A running job: cancel it, or connect to its signals."""

    def __init__(self, signals: _Signals, progress: Progress) -> None:
        self.signals = signals
        self.progress = progress

    def cancel(self) -> None:
        self.progress.cancel()


class TaskRunner(QObject):
    """Runs callables off the GUI thread; callbacks run on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(4)
        self._live: set[_Signals] = set()

    def submit(self, fn: Callable[..., Any], *, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[Exception], None] | None = None,
               on_progress: Callable[[int, int, str], None] | None = None,
               write: bool = False, with_progress: bool = False) -> Handle:
        signals = _Signals()
        self._live.add(signals)  # keep the signal object alive until the job reports
        progress = Progress(signals)

        def finish(_=None, s=signals):
            self._live.discard(s)

        if on_done:
            signals.done.connect(on_done)
        if on_error:
            signals.failed.connect(on_error)
        if on_progress:
            signals.progress.connect(on_progress)
        signals.done.connect(finish)
        signals.failed.connect(finish)
        (self.writer if write else self.pool).start(_Job(fn, signals, progress, with_progress))
        return Handle(signals, progress)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until all jobs finished (used at shutdown and in tests)."""
        return self.writer.waitForDone(msecs) and self.pool.waitForDone(msecs)
