"""Runs the real central service (uvicorn) on a free loopback port, in a thread or a subprocess."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time

import httpx
import uvicorn

from injury_desk.central.app import asgi
from injury_desk.central.central_db import CentralStore


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/v1/health", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"central service at {url} did not start")


class ThreadServer:
    """uvicorn in a background thread of the test process."""

    def __init__(self, store_url: str) -> None:
        self.store = CentralStore(store_url)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(asgi(self.store), host="127.0.0.1", port=self.port, log_level="error",
                                lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "ThreadServer":
        self.thread.start()
        wait_ready(self.url)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.store.dispose()


class ProcessServer:
    """`injury-desk central serve` as a real subprocess."""

    def __init__(self, store_url: str, data_dir) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.cmd = [sys.executable, "-m", "injury_desk", "--data-dir", str(data_dir), "central", "serve",
                    "--store", store_url, "--port", str(self.port)]

    def __enter__(self) -> "ProcessServer":
        self.proc = subprocess.Popen(self.cmd, env=dict(os.environ), stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)
        wait_ready(self.url)
        return self

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
