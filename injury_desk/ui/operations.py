"""The one way the GUI calls a service: off the GUI thread, failures to one handler, typed change notices.

Every GUI → service call goes through one of two wrappers (see docs/gui-operations.md):

``QueryOp(parent, env, query=lambda services: ..., success=callback).run()``
    A read. ``query`` runs on the task runner's read pool with the services; ``success(result)`` runs on
    the GUI thread.

``CollectionOp(parent, env, op=lambda services: ..., changes=Changes(claims=True), success=callback).run()``
    A write. ``op`` runs on the runner's single writer thread (one writer for the local database); when it
    returns, the bus broadcasts ``changes`` (a ``Changes``, or a function of the op's result that makes
    one) so that every page showing what changed refreshes, and then ``success(result)`` runs.

Both take ``.failure(callback)`` (the default shows the failure through ``show_failure``: a refusal a
service raised as a message key, translated, in a message box on the parent; anything else goes to the
application's one exception handler, which logs it and keeps running) and ``.with_progress(callback)``
(the work function then gets a second argument, a ``Progress``; ``callback(done, total, text)`` runs on the
GUI thread) and ``.superseding(key)`` (of several runs with the same parent and key only the newest
reports: a list refreshed twice never ends with the older answer). ``run()`` returns a ``Handle`` whose ``cancel()`` asks the work to stop at its next progress
report.

If ``parent`` is destroyed before the work ends (the user closed the dialog), ``success``, ``failure``
and progress are dropped: nothing touches a deleted widget. A write's change notice is broadcast all the
same, because the data did change.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from injury_desk.domain.errors import DomainError
from injury_desk.ui.background import Cancelled, Handle

if TYPE_CHECKING:
    from injury_desk.services.quick_start import QuickStart
    from injury_desk.ui.env import UiEnv

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What a write changed, broadcast on ``ChangeBus.changed`` so that pages refresh only for what they show.

    The prevention records (inspections, hazards, training, incidents, spending) can be asked for as one
    with ``prevention``; ``Changes.everything()`` is what a sync pull, a transfer or the Refresh action
    announce."""

    claims: bool = False
    payments: bool = False
    tasks: bool = False
    employers: bool = False
    inspections: bool = False
    hazards: bool = False
    training: bool = False
    incidents: bool = False
    spending: bool = False
    rehab: bool = False
    sync: bool = False
    settings: bool = False

    @classmethod
    def everything(cls) -> Changes:
        return cls(**{f.name: True for f in fields(cls)})

    @property
    def prevention(self) -> bool:
        return self.inspections or self.hazards or self.training or self.incidents or self.spending

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def __or__(self, other: Changes) -> Changes:
        return replace(self, **{f.name: True for f in fields(other) if getattr(other, f.name)})

    def touches(self, *names: str) -> bool:
        """True when any of the named flags (or ``prevention``) is set: ``changes.touches("claims", "rehab")``."""
        return any(getattr(self, name) for name in names)


def _alive(obj: QObject | None) -> bool:
    return obj is not None and shiboken6.isValid(obj)


def show_failure(parent: QObject | None, exc: BaseException) -> None:
    """The default failure of every operation. A refusal a service raised (a message key with parameters)
    is translated and shown in a message box over ``parent``; anything else is a program error and goes to
    the one exception handler (``sys.excepthook``: ui/error_handler.py logs it and tells the user)."""
    if isinstance(exc, Cancelled):
        return
    if not isinstance(exc, DomainError):
        sys.excepthook(type(exc), exc, exc.__traceback__)
        return
    from injury_desk.ui.messages import error_text

    window = parent.window() if isinstance(parent, QWidget) and _alive(parent) else QApplication.activeWindow()
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Operations", "Not done"),
                      error_text(exc), QMessageBox.StandardButton.Ok, window)
    box.setObjectName("operation_failed")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal if window is not None else Qt.WindowModality.ApplicationModal)
    box.open()  # not exec(): the GUI thread never waits inside a callback


class _Op(Generic[T]):
    _write = False
    # Qt holds only weak references to the bound methods connected as callbacks: a running op is kept here
    # until it has reported, so that the caller need not keep it.
    _running: set[_Op[Any]] = set()
    _latest: dict[tuple[int, str], _Op[Any]] = {}

    def __init__(self, parent: QObject | None, env: UiEnv, work: Callable[..., T],
                 success: Callable[[T], Any] | None) -> None:
        self._parent = parent
        self._env = env
        self._work = work
        self._success = success
        self._failure: Callable[[Exception], Any] | None = None
        self._progress: Callable[[int, int, str], Any] | None = None
        self._handle: Handle | None = None
        self._key: tuple[int, str] | None = None

    def failure(self, callback: Callable[[Exception], Any]) -> _Op[T]:
        """Handle a failure yourself (for example in a banner beside the form) instead of ``show_failure``."""
        self._failure = callback
        return self

    def with_progress(self, callback: Callable[[int, int, str], Any] | None = None) -> _Op[T]:
        """The work gets a ``Progress`` as its second argument; ``callback`` sees its reports."""
        self._progress = callback or (lambda *_args: None)
        return self

    def superseding(self, key: str = "") -> _Op[T]:
        """Only the newest op of this parent with this key reports back: a list refreshed again while an older
        read runs never shows the older answer after the newer one."""
        self._key = (id(self._parent), key)
        return self

    def run(self) -> Handle:
        env, work = self._env, self._work
        with_progress = self._progress is not None
        if with_progress:
            def call(progress):
                return work(env.services, progress)
        else:
            def call():
                return work(env.services)
        self._handle = env.runner.submit(
            call, on_done=self._done, on_error=self._failed,
            on_progress=self._progressed if with_progress else None,
            write=self._write, with_progress=with_progress)
        _Op._running.add(self)
        if self._key is not None:
            _Op._latest[self._key] = self
        return self._handle

    def _parent_alive(self) -> bool:
        return self._parent is None or _alive(self._parent)

    def _finish(self) -> bool:
        """Forget the op; True when its callbacks may still run (its parent lives and no newer op replaced it)."""
        _Op._running.discard(self)
        newest = True
        if self._key is not None:
            newest = _Op._latest.get(self._key) is self
            if newest:
                del _Op._latest[self._key]
        return newest and self._parent_alive()

    def _done(self, result: T) -> None:
        report = self._finish()
        self._broadcast(result)
        if self._success is not None and report:
            self._success(result)

    def _broadcast(self, result: T) -> None:
        pass

    def _failed(self, exc: Exception) -> None:
        if not self._finish():
            if not isinstance(exc, (DomainError, Cancelled)):
                show_failure(None, exc)  # a program error is logged even when nobody waits for the answer
            return
        if self._failure is not None:
            self._failure(exc)
        else:
            show_failure(self._parent, exc)

    def _progressed(self, done: int, total: int, text: str) -> None:
        if self._progress is not None and self._parent_alive():
            self._progress(done, total, text)


def running() -> int:
    """How many operations have not reported yet (a status indicator, and tests waiting for quiet)."""
    return len(_Op._running)


class QueryOp(_Op[T]):
    """A read on the read pool: ``QueryOp(parent, env, query=..., success=...).run()``.

    ``quick``: the same read on the quick start (``quick=lambda q: q.read(plain_read, ...)``, the function the
    service runs). While the window opens on a page that shows the quick start's rows (``env.quick`` is set) it
    runs at once on the GUI thread instead, reporting as the pool would: a read on the pool would open the full
    services then, competing with the window's first paint."""

    def __init__(self, parent: QObject | None, env: UiEnv, *, query: Callable[..., T],
                 success: Callable[[T], Any] | None = None,
                 quick: Callable[[QuickStart], T] | None = None) -> None:
        super().__init__(parent, env, query, success)
        self._quick = quick

    def run(self) -> Handle | None:
        """The pool's handle; None when the quick start answered at once."""
        quick = self._env.quick if self._quick is not None else None
        if quick is None:
            return super().run()
        _Op._running.add(self)
        if self._key is not None:
            _Op._latest[self._key] = self
        try:
            result = self._quick(quick)
        except Exception as exc:  # noqa: BLE001 - handed on as the pool hands on a failed read
            self._failed(exc)
        else:
            self._done(result)
        return None


class CollectionOp(_Op[T]):
    """A write on the single writer thread that announces what it changed:
    ``CollectionOp(parent, env, op=..., changes=Changes(claims=True), success=...).run()``."""

    _write = True

    def __init__(self, parent: QObject | None, env: UiEnv, *, op: Callable[..., T],
                 changes: Changes | Callable[[T], Changes] = Changes(),
                 success: Callable[[T], Any] | None = None) -> None:
        super().__init__(parent, env, op, success)
        self._changes = changes

    def _broadcast(self, result: T) -> None:
        changes = self._changes(result) if callable(self._changes) else self._changes
        if changes.any():
            self._env.bus.changed.emit(changes)

