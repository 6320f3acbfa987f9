"""A real keyring for tests and benchmarks: GNOME Keyring's Secret Service in a private D-Bus session.

The application stores the database key and the sync credential in the OS keyring only, so every test
that opens a database needs one. CI runs the tests under ``dbus-run-session`` with
``gnome-keyring-daemon --unlock`` (.ci/run); when no Secret Service is reachable (a developer's shell
without a desktop session), ``ensure_secret_service`` starts the same two daemons privately, with their
files in a temporary folder, and stops them at exit. Needs the Debian packages dbus-daemon and
gnome-keyring.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PASSWORD = b"injury-desk-tests"  # the throwaway keyring's unlock password (its files are temporary)


def secret_service_ready() -> bool:
    """True when keyring's Secret Service backend is usable here (a D-Bus session with an unlocked
    default collection)."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    try:
        import secretstorage

        with secretstorage.dbus_init() as conn:
            if not secretstorage.check_service_availability(conn):
                return False
            return not secretstorage.get_default_collection(conn).is_locked()
    except Exception:  # no bus, no service, or a collection that cannot be opened
        return False


def _stop(processes: list[subprocess.Popen], folder: Path) -> None:
    for process in reversed(processes):
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
    shutil.rmtree(folder, ignore_errors=True)


def ensure_secret_service(keep_in: Path | None = None) -> None:
    """Makes a Secret Service keyring reachable for this process and its children (see module doc).

    ``keep_in`` keeps the keyring's files in that folder across runs (the benchmarks' databases outlive
    one run, and so must their keys); by default they are temporary."""
    if secret_service_ready():
        return
    folder = Path(tempfile.mkdtemp(prefix="injury-desk-keyring-"))
    processes: list[subprocess.Popen] = []
    atexit.register(_stop, processes, folder)
    env = _start(folder, Path(keep_in) if keep_in is not None else folder / "data", processes)
    for name in ("DBUS_SESSION_BUS_ADDRESS", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME"):
        os.environ[name] = env[name]
    deadline = time.monotonic() + 20
    while not secret_service_ready():
        if time.monotonic() > deadline or processes[-1].poll() is not None:
            raise RuntimeError("gnome-keyring-daemon did not offer an unlocked Secret Service in time")
        time.sleep(0.1)


def _start(folder: Path, data: Path, processes: list[subprocess.Popen]) -> dict[str, str]:
    """Starts a D-Bus session and GNOME Keyring in it (files under ``folder``, the keyring's in ``data``);
    returns the environment that reaches them."""
    missing = [tool for tool in ("dbus-daemon", "gnome-keyring-daemon") if shutil.which(tool) is None]
    if missing:
        raise RuntimeError("a real keyring is needed: install the Debian packages dbus-daemon and "
                           f"gnome-keyring (missing: {', '.join(missing)})")
    runtime = folder / "run"
    runtime.mkdir(mode=0o700)
    data.mkdir(mode=0o700, parents=True, exist_ok=True)
    env = {**os.environ, "XDG_DATA_HOME": str(data), "XDG_RUNTIME_DIR": str(runtime),
           "XDG_CONFIG_HOME": str(folder / "config")}
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    processes.append(bus)
    address = bus.stdout.readline().decode().strip()
    if not address:
        raise RuntimeError("dbus-daemon did not start")
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    keyring_daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    processes.append(keyring_daemon)
    keyring_daemon.stdin.write(PASSWORD)
    keyring_daemon.stdin.close()
    return env


@contextmanager
def another_machines_keyring(folder: Path) -> Iterator[dict[str, str]]:
    """A second, empty Secret Service keyring, as on another computer, for child processes only: yields the
    environment that reaches it (this process keeps its own keyring). Stopped and removed afterwards."""
    processes: list[subprocess.Popen] = []
    folder.mkdir(parents=True, exist_ok=True)
    try:
        env = _start(folder, folder / "data", processes)
        probe = [sys.executable, "-c", "import sys; from tests.support.secret_service import secret_service_ready;"
                                       " sys.exit(0 if secret_service_ready() else 1)"]
        deadline = time.monotonic() + 20
        while subprocess.run(probe, env=env, cwd=Path(__file__).resolve().parents[2]).returncode != 0:
            if time.monotonic() > deadline or processes[-1].poll() is not None:
                raise RuntimeError("gnome-keyring-daemon did not offer an unlocked Secret Service in time")
            time.sleep(0.2)
        yield env
    finally:
        _stop(processes, folder)
