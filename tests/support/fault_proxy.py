"""A fault-injecting HTTP proxy on loopback: drops requests, drops replies after the upstream answered,
delays, answers 5xx and truncates bodies, with a seeded random choice per request."""

from __future__ import annotations

import random
import socket
import threading
import time

FAULTS = ("drop_request", "drop_reply", "delay", "error_5xx", "truncate")


def _read_message(sock: socket.socket) -> bytes | None:
    """One HTTP message with a Content-Length body (or none); None when the peer closed."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None if not data else data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def _force_close(message: bytes) -> bytes:
    head, _, body = message.partition(b"\r\n\r\n")
    lines = [ln for ln in head.split(b"\r\n") if not ln.lower().startswith(b"connection:")]
    return b"\r\n".join(lines + [b"Connection: close"]) + b"\r\n\r\n" + body


def _read_all(sock: socket.socket) -> bytes:
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk


class FaultProxy:
    def __init__(self, upstream_port: int | list[int], *, seed: int = 0, rate: float = 0.0) -> None:
        # Several upstreams (service replicas): each request goes to one of them, chosen at random.
        self.upstream_ports = list(upstream_port) if isinstance(upstream_port, list) else [upstream_port]
        self.rng = random.Random(seed)
        self.rate = rate  # share of requests that meet a fault
        self.counts = {f: 0 for f in FAULTS} | {"ok": 0}
        self.by_upstream = dict.fromkeys(self.upstream_ports, 0)  # requests sent on to each upstream
        self.lock = threading.Lock()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = False
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> "FaultProxy":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop = True
        self.listener.close()

    def heal(self) -> None:
        self.rate = 0.0

    def _choose(self) -> tuple[str, int]:
        with self.lock:
            fault = self.rng.choice(FAULTS) if self.rng.random() < self.rate else "ok"
            self.counts[fault] += 1
            port = self.rng.choice(self.upstream_ports)
            if fault not in ("drop_request", "error_5xx"):
                self.by_upstream[port] += 1
            return fault, port

    def _serve(self) -> None:
        while not self._stop:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        with client:
            request = _read_message(client)
            if not request:
                return
            fault, upstream_port = self._choose()
            if fault == "drop_request":
                return
            if fault == "error_5xx":
                client.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                return
            with socket.create_connection(("127.0.0.1", upstream_port)) as upstream:
                upstream.sendall(_force_close(request))
                response = _read_all(upstream)
            if fault == "drop_reply":
                return  # the upstream has done the work; the client never hears of it
            if fault == "delay":
                time.sleep(self.rng.uniform(0.05, 0.3))
            if fault == "truncate":
                head, _, body = response.partition(b"\r\n\r\n")
                response = head + b"\r\n\r\n" + body[: len(body) // 2]
            client.sendall(_force_close(response) if fault != "truncate" else response)
