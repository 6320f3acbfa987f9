"""GUI-thread guard for the GUI tests: service calls made on the GUI thread, and GUI-thread blocks over 100 ms.

Two checks, both on for every GUI test (tests/gui/conftest.py):

* ``ServicesProxy`` stands in for the services every ``UiEnv`` hands out. A service method called on the
  GUI thread from code in ``injury_desk.ui`` is recorded with the calling line: the GUI calls services
  only through ``ui/operations.py`` (QueryOp/CollectionOp), which run them on the task runner. Calls the
  test itself makes (setting up data) are not the GUI's and are not recorded.

* ``GuardedApplication.notify`` times, in CPU time of the GUI thread, each event the event loop hands
  to the application: a click (also a click qtbot synthesises), a timer, a queued slot call such as an
  operation's success callback, a paint. Events sent synchronously from inside another event's handling
  belong to that one; an event handled inside a nested event loop (a modal ``exec()``) is its own and is
  not counted in the event that opened the loop (the user can act while the loop runs). An event whose
  handling took more than ``LIMIT_S`` of CPU is a block: the window could not repaint or take input for
  that long. Time in Python's garbage collector is left out (see ``_GcClock``).

  Why CPU time and not the wall clock, and why not a timer's tick gaps: the tests run on a machine of two
  cores shared by several test runs, where the scheduler can take the GUI thread off the processor for a
  hundred milliseconds at any time; that is the machine's load, not a freeze the code causes, and a wall
  clock (or a watchdog timer's gaps) would fail tests at random. A timer's gaps would also contain the
  test's own code between two waits. CPU time counts only the work the GUI thread did. What CPU time
  misses, a GUI thread waiting (for the disk, a lock, the network), comes in practice only from service
  calls, which the proxy above catches.

  What is measured: the test's call phase. Fixtures that build widgets (and the first polish and font
  loading they trigger) are set-up and are not measured; a test that builds a page in its own body is
  measured from there, as the user's opening of that page would be.

Modules listed in ``LEGACY`` (tests/gui/conftest.py) have not been converted to the operations yet: a
GUI-thread service call from one of them is allowed and a block during which one of them called a service
is excused. The list only shrinks.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

LIMIT_S = 0.100


@dataclass
class GuardState:
    """What one test recorded."""

    legacy: tuple[str, ...] = ()
    measuring: bool = False
    calls: list[str] = field(default_factory=list)  # GUI-thread service calls from converted code
    legacy_calls: int = 0  # GUI-thread service calls from LEGACY modules (allowed for now)
    blocks: list[str] = field(default_factory=list)
    excused: list[str] = field(default_factory=list)

    def reset(self) -> None:
        self.calls.clear()
        self.blocks.clear()
        self.excused.clear()
        self.legacy_calls = 0


STATE = GuardState()
_GUI_THREAD = threading.main_thread().ident


class _GcClock:
    """CPU time the GUI thread spent in Python's cyclic garbage collector. A full collection walks every object
    of the process; in a test session that holds a few hundred tests' worth of objects it can take over
    100 ms wherever an allocation happens to trigger it, which says nothing about the code being tested. It is
    taken out of each event's time (and counted, so that a test can see it)."""

    def __init__(self) -> None:
        self.total = 0.0
        self._started: float | None = None
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, _info: dict) -> None:
        if threading.get_ident() != _GUI_THREAD:
            return
        if phase == "start":
            self._started = time.thread_time()
        elif self._started is not None:
            self.total += time.thread_time() - self._started
            self._started = None


GC = _GcClock()


def _ui_caller() -> tuple[str, int] | None:
    """The innermost frame of injury_desk.ui code that led to this call, as (module, line)."""
    frame = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.startswith("injury_desk.ui.") and module != "injury_desk.ui.operations":
            return module, frame.f_lineno
        frame = frame.f_back
    return None


def _record_call(service: str, method: str) -> None:
    if threading.get_ident() != _GUI_THREAD:
        return
    caller = _ui_caller()
    if caller is None:  # the test's own set-up or check
        return
    module, line = caller
    if any(module == name or module.startswith(name + ".") for name in STATE.legacy):
        STATE.legacy_calls += 1
        return
    STATE.calls.append(f"{module}:{line} called services.{service}.{method}() on the GUI thread")


class _ServiceProxy:
    def __init__(self, name: str, target: Any) -> None:
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_target", target)

    def __getattr__(self, attr: str) -> Any:
        value = getattr(self._target, attr)
        if attr.startswith("_") or not callable(value):
            return value
        name = self._name

        def recorded(*args, **kwargs):
            _record_call(name, attr)
            return value(*args, **kwargs)

        return recorded


class ServicesProxy:
    """The services as a UiEnv hands them out in the GUI tests: every service's methods are watched."""

    # Not services: the clock, the open database's path and closing it.
    PLAIN = frozenset({"ctx", "today", "database_path", "close", "build", "open"})

    def __init__(self, services: Any) -> None:
        object.__setattr__(self, "_services", services)
        object.__setattr__(self, "_proxies", {})

    def __getattr__(self, attr: str) -> Any:
        value = getattr(self._services, attr)
        if attr in self.PLAIN or attr.startswith("_") or callable(value):
            return value
        proxies = self._proxies
        proxy = proxies.get(attr)
        if proxy is None or object.__getattribute__(proxy, "_target") is not value:
            proxy = proxies[attr] = _ServiceProxy(attr, value)
        return proxy


class GuardedApplication(QApplication):
    """The test QApplication: times each event the event loop delivers on the GUI thread (see the module)."""

    # [loop level, start CPU, CPU of nested loops' events, legacy calls at start, garbage collection at start]
    _units: list[list[Any]] = []

    def notify(self, receiver, event) -> bool:  # noqa: N802 (Qt's name)
        if not STATE.measuring or threading.get_ident() != _GUI_THREAD:
            return super().notify(receiver, event)
        units = self._units
        level = QThread.currentThread().loopLevel()
        if units and units[-1][0] == level:  # sent from inside the event being handled: part of it
            return super().notify(receiver, event)
        what = f"{type(receiver).__name__} {getattr(event.type(), 'name', event.type())}"
        unit = [level, time.thread_time(), 0.0, STATE.legacy_calls, GC.total]
        units.append(unit)
        try:
            return super().notify(receiver, event)
        finally:
            units.pop()
            spent = time.thread_time() - unit[1] - (GC.total - unit[4])
            if units:
                units[-1][2] += spent
            own = spent - unit[2]
            if own > LIMIT_S and STATE.measuring:
                text = f"GUI thread blocked {own * 1000:.0f} ms (CPU) handling {what}"
                (STATE.excused if STATE.legacy_calls > unit[3] else STATE.blocks).append(text)
