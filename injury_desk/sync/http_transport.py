"""HTTP(S) transport to the central service: expiring tokens, a loopback-only rule for plain HTTP."""

from __future__ import annotations

import ipaddress
import json
import time
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel
from pydantic_core import PydanticSerializationError

from injury_desk.sync.errors import SyncError
from injury_desk.protocol.messages import (
    SCHEMA_VERSION,
    AnchorReply,
    AnchorRequest,
    EnrollReply,
    EnrollRequest,
    PushReply,
    PushRequest,
    TokenReply,
)

TIMEOUT = httpx.Timeout(60.0, connect=10.0)
M = TypeVar("M", bound=BaseModel)


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_central_url(url: str, *, allow_insecure_http: bool = False) -> str:
    """The normalised URL; plain HTTP only to this machine unless an administrator allowed it."""
    url = url.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - read for its check: a port outside 0..65535 or not a number is a ValueError
    except ValueError:  # "http://[::1" (an unclosed IPv6 bracket), "http://host:99999"
        raise SyncError("sync.url_invalid", url=url) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError("sync.url_invalid", url=url)
    if parts.scheme == "http" and not is_loopback(parts.hostname) and not allow_insecure_http:
        raise SyncError("sync.url_insecure", url=url)
    return url


def _error_from(response: httpx.Response) -> SyncError:
    if response.status_code >= 500:
        return SyncError("sync.server_error", retryable=True, status=response.status_code)
    try:
        body = response.json()
        key, params = body.get("error") or "sync.http_error", body.get("params") or {}
    except (ValueError, AttributeError):
        return SyncError("sync.http_error", retryable=True, status=response.status_code)
    return SyncError(key, retryable=response.status_code in (408, 425, 429), status=response.status_code, **params)


def _reply(model: type[M], body: Any) -> M:
    """The reply as its model; JSON of another shape (a proxy's answer, another service) is ``sync.bad_reply``."""
    try:
        return model.model_validate(body)
    except ValueError:  # pydantic's ValidationError is one
        raise SyncError("sync.bad_reply", retryable=True) from None


class HttpTransport:
    """Talks to one central service as one enrolled device."""

    def __init__(self, central_url: str, device_id: str, secret: Callable[[], str], *,
                 allow_insecure_http: bool = False, client: httpx.Client | None = None) -> None:
        self.url = check_central_url(central_url, allow_insecure_http=allow_insecure_http)
        self.device_id = device_id
        self._secret = secret
        self._client = client or httpx.Client(timeout=TIMEOUT)
        self._token: str | None = None
        self._token_until = 0.0

    def close(self) -> None:
        self._client.close()

    # ------------------------------------------------------------ plumbing

    def _send(self, method: str, path: str, **kw: Any) -> httpx.Response:
        try:
            return self._client.request(method, self.url + path, **kw)
        except httpx.TimeoutException:
            raise SyncError("sync.timeout", retryable=True, url=self.url) from None
        except httpx.TransportError as exc:
            raise SyncError("sync.network", retryable=True, url=self.url, reason=type(exc).__name__) from None
        except RuntimeError as exc:  # the client was closed under this request (the desktop is shutting down)
            raise SyncError("sync.network", retryable=True, url=self.url, reason=type(exc).__name__) from None

    def _json(self, response: httpx.Response) -> Any:
        if response.status_code != 200:
            raise _error_from(response)
        try:
            return response.json()
        except ValueError:  # a truncated or garbled body: nothing was learnt, try again later
            raise SyncError("sync.bad_reply", retryable=True) from None
        finally:
            # The response (already read and closed) and its stream refer to each other, so its body would
            # wait for the cyclic garbage collector; a pull page is megabytes, so let it go right away.
            response.stream = httpx.ByteStream(b"")

    def _token_header(self) -> dict[str, str]:
        if self._token is None or time.monotonic() >= self._token_until:
            reply = _reply(TokenReply, self._json(self._send(
                "POST", "/v1/token", json={"device_id": self.device_id, "device_secret": self._secret()})))
            self._token = reply.token
            self._token_until = time.monotonic() + max(30, reply.expires_in - 60)
        return {"Authorization": f"Bearer {self._token}"}

    def check_credential(self) -> None:
        """Asks for a fresh token: a SyncError (``central.device_unknown`` for a credential the service refuses,
        ``sync.not_enrolled`` for none in the keyring) unless the credential works."""
        self._token = None
        self._token_header()

    def _authed(self, method: str, path: str, *, body: bytes | None = None, **kw: Any) -> Any:
        extra = {"Content-Type": "application/json"} if body is not None else {}
        response = self._send(method, path, headers={**self._token_header(), **extra}, content=body, **kw)
        if response.status_code == 401:  # expired or revoked: one fresh token, then give up
            self._token = None
            response = self._send(method, path, headers={**self._token_header(), **extra}, content=body, **kw)
        return self._json(response)

    # ------------------------------------------------------------ protocol

    @staticmethod
    def enrol(central_url: str, code: str, device_id: str, device_name: str, *, office_id: str | None = None,
              allow_insecure_http: bool = False, client: httpx.Client | None = None) -> EnrollReply:
        url = check_central_url(central_url, allow_insecure_http=allow_insecure_http)
        req = EnrollRequest(code=code.strip(), device_id=device_id, device_name=device_name,
                            schema_version=SCHEMA_VERSION, office_id=office_id)
        own = client is None
        client = client or httpx.Client(timeout=TIMEOUT)
        try:
            t = HttpTransport.__new__(HttpTransport)
            t._client = client
            t.url = url
            body = t._json(t._send("POST", "/v1/enroll", content=req.model_dump_json(exclude_none=True),
                                   headers={"Content-Type": "application/json"}))
        finally:
            if own:
                client.close()
        return _reply(EnrollReply, body)

    def _post(self, path: str, req: BaseModel, reply: type[M]) -> M:
        try:
            body = req.model_dump_json().encode()
        except PydanticSerializationError:
            # A lone surrogate in a queued value (an import of an older version stored it) has no UTF-8 form:
            # sent as JSON's \ud800 escape, so the service rejects that one change and the rest of the queue goes.
            body = json.dumps(req.model_dump(mode="json")).encode("ascii")
        return _reply(reply, self._authed("POST", path, body=body))

    def push(self, req: PushRequest) -> PushReply:
        return self._post("/v1/push", req, PushReply)

    def anchor(self, req: AnchorRequest) -> AnchorReply:
        return self._post("/v1/anchor", req, AnchorReply)

    def pull(self, cursor: int, limit: int) -> dict[str, Any]:
        body = self._authed("GET", "/v1/pull", params={"cursor": cursor, "limit": limit})
        if not isinstance(body, dict) or "tables" not in body or "cursor" not in body:
            raise SyncError("sync.bad_reply", retryable=True)
        return body

    def state(self) -> dict[str, Any]:
        return self._authed("GET", "/v1/state")

    def versions(self) -> list[list[Any]]:
        return self._authed("GET", "/v1/versions")

    def rows(self, table: str, ids: list[str]) -> list[dict[str, Any]]:
        return self._authed("POST", "/v1/rows", body=json.dumps({"table": table, "ids": ids}).encode())
