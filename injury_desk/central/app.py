"""The ASGI app of the central sync service: enrolment, tokens, push, pull, state hash and repair reads."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from injury_desk import __version__
from injury_desk.central import accounts, anchors, pull
from injury_desk.central.accounts import CentralError, DeviceAuth
from injury_desk.central.push import push
from injury_desk.central.central_db import CentralStore
from injury_desk.store.rowcodec import synced_table
from injury_desk.protocol.messages import (
    MAX_BODY_BYTES,
    AnchorReply,
    AnchorRequest,
    MAX_INT,
    MAX_PAGE,
    EnrollReply,
    EnrollRequest,
    ErrorReply,
    PullReply,
    PushReply,
    PushRequest,
    RowChange,
    StateReply,
    TokenReply,
    TokenRequest,
    _Strict,
)


class RowsRequest(_Strict):
    table: str = Field(max_length=64)
    ids: list[str] = Field(max_length=MAX_PAGE)


class BodyLimit:
    """Refuses a request body above the limit before anything parses it (413, with the limit)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _too_large(self.limit)(scope, receive, send)
            return
        seen = 0

        async def counted() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _BodyTooLarge()
            return message

        try:
            await self.app(scope, counted, send)
        except _BodyTooLarge:
            await _too_large(self.limit)(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse({"error": "sync.body_too_large", "params": {"max_bytes": limit}}, status_code=413)


class SlicedResponse(Response):
    """A response whose body (the same bytes, with their Content-Length) goes to the server a slice at a time:
    the server copies what it is handed (h11 frames each message, the transport keeps what the socket has not
    taken yet), so a large pull page is held once and a slice, not two or three times over."""

    slice_bytes = 256 * 1024

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        body = self.body
        # The server waits for its transport to drain before taking the next slice (flow control).
        for start in range(0, len(body), self.slice_bytes):
            await send({"type": "http.response.body", "body": body[start:start + self.slice_bytes],
                        "more_body": True})
        await send({"type": "http.response.body", "body": b""})


def _json(model: BaseModel | dict[str, Any] | list[Any]) -> Response:
    body = model.model_dump_json() if isinstance(model, BaseModel) else json.dumps(model, ensure_ascii=False)
    return Response(content=body, media_type="application/json")


def _query_names(route: Any) -> frozenset[str]:
    """The query parameters a route declares (its dependencies' included)."""
    names: set[str] = set()
    todo = [getattr(route, "dependant", None)]
    while todo:
        dependant = todo.pop()
        if dependant is not None:
            names.update(p.alias for p in dependant.query_params)
            todo.extend(dependant.dependencies)
    return frozenset(names)


def known_query_only(request: Request) -> None:
    """Refuses a query parameter the route does not declare (``office_id=`` on a pull is an error, not a no-op),
    and one given twice (``cursor=0&cursor=5`` would be served with the last value, whichever the sender meant)."""
    given = [name for name, _value in request.query_params.multi_items()]
    unknown = sorted(set(given) - _query_names(request.scope.get("route")))
    repeated = sorted({name for name in given if given.count(name) > 1} - set(unknown))
    if unknown or repeated:
        raise RequestValidationError([{"loc": ("query", name), "type": "extra_forbidden",
                                       "msg": "Extra inputs are not permitted"} for name in unknown]
                                     + [{"loc": ("query", name), "type": "repeated",
                                         "msg": "A query parameter may be given only once"} for name in repeated])


def device(request: Request, authorization: Annotated[str | None, Header()] = None) -> DeviceAuth:
    """The enrolled device behind the bearer token (401 when missing, unknown or expired)."""
    if not authorization or not authorization.startswith("Bearer "):
        raise CentralError("central.token_missing", 401)
    return accounts.authenticate(request.app.state.store, authorization[len("Bearer "):].strip())


Device = Annotated[DeviceAuth, Depends(device)]


def create_app(store: CentralStore) -> FastAPI:
    app = FastAPI(title="injury_desk central sync service", version=__version__,
                  responses={400: {"model": ErrorReply}, 401: {"model": ErrorReply}, 403: {"model": ErrorReply},
                             409: {"model": ErrorReply}, 413: {"model": ErrorReply}, 422: {"model": ErrorReply}},
                  dependencies=[Depends(known_query_only)])
    app.state.store = store

    @app.exception_handler(CentralError)
    async def _central_error(_request: Request, exc: CentralError) -> JSONResponse:
        return JSONResponse({"error": exc.key, "params": exc.params}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [{"field": ".".join(str(p) for p in e.get("loc", ())), "rule": e.get("type", ""),
                     "message": e.get("msg", "")} for e in exc.errors()[:20]]
        return JSONResponse({"error": "sync.bad_request", "params": {"problems": problems}}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 400:
            # FastAPI's answer to a body its JSON reader gave up on (nesting deeper than Python's stack, bytes that
            # are not UTF-8): refused as malformed JSON is, in the service's own format.
            return await _invalid(request, RequestValidationError([{
                "loc": ("body",), "type": "json_invalid", "msg": f"The body could not be read as JSON "
                f"({type(exc.__cause__).__name__ if exc.__cause__ else 'unreadable'})"}]))
        return await http_exception_handler(request, exc)

    @app.get("/v1/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post("/v1/enroll", response_model=EnrollReply)
    def enroll(req: EnrollRequest) -> Response:
        return _json(accounts.enrol(store, req))

    @app.post("/v1/token", response_model=TokenReply)
    def token(req: TokenRequest) -> Response:
        return _json(accounts.issue_token(store, req))

    @app.post("/v1/push", response_model=PushReply)
    def push_batch(req: PushRequest, auth: Device) -> Response:
        return _json(push(store, auth, req))

    @app.post("/v1/anchor", response_model=AnchorReply)
    def anchor_head(req: AnchorRequest, auth: Device) -> Response:
        return _json(anchors.anchor(store, auth, req))

    @app.get("/v1/pull", response_model=PullReply)
    def pull_changes(auth: Device, cursor: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
                     limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 2000) -> Response:
        return SlicedResponse(content=pull.pull_page(store, auth, cursor, limit).view(),
                              media_type="application/json")

    @app.get("/v1/state", response_model=StateReply)
    def state(auth: Device) -> Response:
        return _json(pull.state_hash(store, auth))

    @app.get("/v1/versions", response_model=list[tuple[str, str, int]])
    def versions(auth: Device) -> Response:
        return _json(pull.row_versions(store, auth))

    @app.post("/v1/rows", response_model=list[RowChange])
    def rows(req: RowsRequest, auth: Device) -> Response:
        if synced_table(req.table) is None:
            raise CentralError("sync.unknown_table", 400, table=req.table)
        return _json(pull.fetch_rows(store, auth, req.table, req.ids))

    return app


def asgi(store: CentralStore) -> ASGIApp:
    """The app as served: with the body-size limit in front."""
    return BodyLimit(create_app(store), MAX_BODY_BYTES)
