"""Message shapes and schema version shared by the desktop and the central service."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from injury_desk.protocol.version import SCHEMA_VERSION  # noqa: F401 - part of the protocol's surface

# One push request carries at most this many mutations (one central transaction each batch).
MAX_BATCH = 500
# A request body above this is refused before it is parsed.
MAX_BODY_BYTES = 32 * 1024 * 1024
# One pull page carries at most this many rows.
MAX_PAGE = 5000

# Row columns the protocol itself manages; a mutation never sets them as fields.
# Sequences and versions are 32-bit integers in both stores.
MAX_INT = 2**31 - 1

MANAGED_FIELDS = frozenset({"id", "office_id", "version", "updated_at", "updated_by"})

Op = Literal["insert", "update", "delete"]
# A field's [before, after]: JSON has no tuple, so this one type takes a two-item list in any mode.
Change = Annotated[tuple[Any, Any], Strict(False)]
Status = Literal["applied", "noop", "conflict", "rejected"]


# Text no request may carry (ids, names, the field names a change sets): NUL, which PostgreSQL text cannot hold,
# and a lone UTF-16 surrogate, which JSON's "\ud800" escape gives Python but no UTF-8 store, digest or reply can
# encode. Refused when the request is read, both stores answer alike. A mutation's values are the exception: a
# desktop may hold such a value from an import made before imports refused them, and refusing its whole push
# every time would stop its queue for good, so the service rejects that one mutation (bad_value_text).
_BAD_TEXT = re.compile(r"[\x00\ud800-\udfff]")


def _shown(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


# What a NUL or lone surrogate leaves in json.dumps(..., ensure_ascii=False): the surrogate itself, and the escape
# \u0000 (which text holding a backslash before "u0000" also gives: the walk then settles it).
_BAD_IN_JSON = re.compile(r"[\ud800-\udfff]|\\u0000")


def bad_char(value: Any) -> str | None:
    """A NUL or lone surrogate that ``value``, its keys and items included, holds, or None. Almost every value holds
    none (a push has thousands): the JSON encoder, in C, screens a container in one pass, and only a value it
    flags (or cannot encode) is walked."""
    if isinstance(value, (dict, list, tuple)):
        try:
            screened = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):  # a value of no JSON type (a date, a Decimal), or a cycle
            return _walked_bad_char(value)
        if _BAD_IN_JSON.search(screened) is None:
            return None
    return _walked_bad_char(value)


def _walked_bad_char(value: Any) -> str | None:
    """bad_char by walking ``value``: the same walk as _check_text without naming where."""
    todo = [value]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            found = _BAD_TEXT.search(item)
            if found is not None:
                return found.group()
        elif isinstance(item, dict):
            todo.extend(item)
            todo.extend(item.values())
        elif isinstance(item, (list, tuple)):
            todo.extend(item)
    return None


def unstorable_rule(value: Any) -> tuple[str, dict[str, Any]] | None:
    """The rule ``value`` (anywhere inside it, keys included) breaks when no store could keep it as typed, with its
    parameters other than the field: a NUL is ``field.control_character``, a lone surrogate
    ``field.invalid_character`` with its ``code``. None for the usual value. The services, the desktop's sync and the
    central service all refuse such text by this one rule."""
    found = bad_char(value)
    if found is None:
        return None
    if found == "\x00":
        return "field.control_character", {}
    return "field.invalid_character", {"code": f"U+{ord(found):04X}"}


def bad_value_text(changes: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The rule (unstorable_rule) a mutation's values break when one of them, before or after, breaks it, with the
    column as ``field``, as an import refuses such text. None for the usual mutation, after one quick walk."""
    if bad_char(list(changes.values())) is None:
        return None
    for name, pair in changes.items():
        rule = unstorable_rule(pair)
        if rule is not None:
            return rule[0], {"field": name, **rule[1]}
    return None  # only a field name holds one: the request model refuses those


def _check_text(value: Any) -> None:
    """Raises the pydantic error for the first NUL or lone surrogate in ``value``, its keys and items included
    (walked with a stack: a deeply nested value is no RecursionError)."""
    if bad_char(value) is None:
        return
    todo: list[tuple[str, Any]] = [("", value)]
    while todo:
        where, item = todo.pop()
        if isinstance(item, str):
            found = _BAD_TEXT.search(item)
            if found is not None:
                if found.group() == "\x00":
                    raise PydanticCustomError("text_nul", "text may not contain the NUL character{where}",
                                              {"where": f" (at {where})" if where else ""})
                raise PydanticCustomError("text_surrogate", "text may not contain a lone surrogate ({code}){where}",
                                          {"code": f"U+{ord(found.group()):04X}",
                                           "where": f" (at {where})" if where else ""})
        elif isinstance(item, dict):
            for key, inner in item.items():
                name = f"{where}.{_shown(str(key))}" if where else _shown(str(key))
                todo.append((name, key))
                todo.append((name, inner))
        elif isinstance(item, (list, tuple)):
            todo.extend((f"{where}.{i}" if where else str(i), inner) for i, inner in enumerate(item))


class _Strict(BaseModel):
    # Strict types as well as no undeclared fields (docs/sync.md): "seq": "1" or "base_version": 1.0 is refused,
    # never converted, as the desktop never sends either.
    model_config = ConfigDict(extra="forbid", strict=True)
    # A model whose containers are bulk data the service itself wrote (a pull page's rows) checks only its own text.
    deep_text_check: ClassVar[bool] = True
    # Fields holding {column: row values} a desktop stored: here only the column names are checked (the values are
    # the service's to judge one mutation at a time, see _BAD_TEXT).
    row_value_fields: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="after")
    @classmethod
    def _valid_text(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, str):
            if _BAD_TEXT.search(value) is not None:  # one search for the usual text (a push has thousands)
                _check_text(value)
        elif cls.deep_text_check and value and isinstance(value, (dict, list, tuple)):  # an empty one holds none
            if info.field_name not in cls.row_value_fields:
                _check_text(value)
            elif _BAD_TEXT.search("".join(value)) is not None:  # the names (strings: the field's type says so)
                _check_text(dict.fromkeys(value))
        return value


class Mutation(_Strict):
    """One captured local change, as the outbox holds it."""

    row_value_fields: ClassVar[frozenset[str]] = frozenset({"changes"})

    mutation_id: str = Field(min_length=36, max_length=36)
    seq: int = Field(ge=1, le=MAX_INT)
    table: str = Field(max_length=64)
    row_id: str = Field(min_length=1, max_length=36)
    op: Op
    base_version: int = Field(ge=0, le=MAX_INT)
    changes: dict[str, Change]
    user_id: str | None = Field(default=None, max_length=36)
    at: str = Field(default="", max_length=40)  # the device's clock: stored, never used for ordering


class PushRequest(_Strict):
    schema_version: int = Field(le=MAX_INT)
    device_id: str = Field(max_length=36)
    mutations: list[Mutation] = Field(max_length=MAX_BATCH)


class ConflictOut(_Strict):
    conflict_id: str
    table: str
    row_id: str
    field: str
    base: Any = None
    central: Any = None
    client: Any = None
    central_version: int


class MutationResult(_Strict):
    mutation_id: str
    seq: int
    status: Status
    version: int | None = None  # the row's central version after this mutation
    row: dict[str, Any] | None = None  # the row as the central store holds it afterwards
    conflicts: list[ConflictOut] = Field(default_factory=list)
    reason: str | None = None  # a message key when rejected
    params: dict[str, Any] = Field(default_factory=dict)


class PushReply(_Strict):
    results: list[MutationResult] = Field(default_factory=list)
    resend_from: int | None = None  # set when the device sequence has a gap: nothing was applied
    last_seq: int = 0  # the highest device sequence the central store has processed


class RowChange(_Strict):
    table: str
    id: str
    version: int
    row: dict[str, Any]


class TablePage(_Strict):
    """The rows of one table in a pull page: column names once, then one array of values per row."""

    deep_text_check: ClassVar[bool] = False

    table: str
    columns: list[str]
    rows: list[list[Any]]


class PullReply(_Strict):
    tables: list[TablePage]  # parents before children
    cursor: int
    more: bool

    def row_count(self) -> int:
        return sum(len(t.rows) for t in self.tables)


class StateReply(_Strict):
    office_id: str
    hash: str
    rows: int
    cursor: int = 0  # the feed position the hash stands at (services before 2026-12-07 sent none)


class RowVersion(_Strict):
    table: str
    id: str
    version: int


ENROL_CODE_LENGTH = (8, 80)  # the shortest and longest one-time code the service takes (checked before sending)


class EnrollRequest(_Strict):
    code: str = Field(min_length=ENROL_CODE_LENGTH[0], max_length=ENROL_CODE_LENGTH[1])
    device_id: str = Field(min_length=36, max_length=36)
    device_name: str = Field(default="", max_length=200)
    schema_version: int
    # The office whose data the desktop already holds: a code of another office is refused before it is used
    # up (sent only then, so a desktop without data still enrols with a service that predates the field).
    office_id: str | None = Field(default=None, min_length=36, max_length=36)


class EnrollReply(_Strict):
    device_id: str
    device_tag: str
    device_secret: str
    office_id: str
    office_code: str
    office_name: str


class TokenRequest(_Strict):
    device_id: str = Field(min_length=36, max_length=36)
    device_secret: str = Field(min_length=16, max_length=200)


class TokenReply(_Strict):
    token: str
    expires_in: int
    office_id: str


class ErrorReply(_Strict):
    error: str  # a message key
    params: dict[str, Any] = Field(default_factory=dict)


class AuditHead(_Strict):
    """A point of a desktop's audit chain: an event's sequence and its (keyed) hash."""

    seq: int = Field(ge=0, le=MAX_INT)
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")


AnchorVerdict = Literal["first", "extends", "unproven", "diverged"]


class AnchorRequest(_Strict):
    """Sent with every sync: the desktop's chain head, and its own event at the sequence of the last head the
    service acknowledged (``proof``), so the service can tell whether the chain still extends that head."""

    schema_version: int = Field(le=MAX_INT)
    device_id: str = Field(max_length=36)
    head: AuditHead
    proof: AuditHead | None = None


class AnchorReply(_Strict):
    """``first``: the device's first head; ``extends``: the proof matched the newest anchored head; ``unproven``:
    the proof was for an older head (send one for ``anchored``); ``diverged``: the chain no longer extends a head
    the service keeps. ``anchored`` is the newest head the service holds for the device afterwards."""

    verdict: AnchorVerdict
    anchored: AuditHead | None = None


class Package(_Strict):
    """A sync package: the same messages, carried by hand as a file, numbered per device."""

    kind: Literal["request", "reply"]
    schema_version: int
    office_id: str = Field(max_length=36)
    device_id: str = Field(max_length=36)
    package_seq: int = Field(ge=1, le=MAX_INT)
    pushes: list[PushRequest] = Field(default_factory=list)
    pull_cursor: int = Field(default=0, ge=0, le=MAX_INT)
    push_replies: list[PushReply] = Field(default_factory=list)
    pull: PullReply | None = None
    anchor: AnchorRequest | None = None  # in a request: the desktop's chain head
    anchor_reply: AnchorReply | None = None  # in a reply: what the service made of it
    signature: str = ""  # HMAC-SHA256 over the rest, keyed with the device's package key


MAX_PACKAGE_BYTES = 512 * 1024 * 1024


class PackageRefused(ValueError):
    """A package file that cannot be used; ``key`` and ``params`` say why (each side raises its own error)."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def read_package_file(path, kind: str) -> Package:
    """Reads and checks a package file of ``kind`` (size, JSON shape, kind, schema version)."""
    from pydantic import ValidationError

    try:
        if path.stat().st_size > MAX_PACKAGE_BYTES:
            raise PackageRefused("sync.package_too_large", max_bytes=MAX_PACKAGE_BYTES)
        raw = path.read_bytes()
    except OSError as exc:
        raise PackageRefused("sync.package_unreadable", path=str(path), reason=exc.strerror or str(exc)) from None
    try:
        pkg = _package_from_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise PackageRefused("sync.package_invalid", path=str(path),
                             field=".".join(str(p) for p in first.get("loc", ())), rule=first.get("type", "")) from None
    if pkg.kind != kind:
        raise PackageRefused("sync.package_kind", expected=kind, got=pkg.kind)
    if pkg.schema_version != SCHEMA_VERSION:
        raise PackageRefused("sync.schema_version", got=pkg.schema_version, expected=SCHEMA_VERSION)
    return pkg


def _package_from_json(raw: bytes) -> Package:
    """The package in ``raw``. pydantic's JSON reader refuses a lone surrogate's escape ("\\ud800"), which a
    request carries when a queued value holds one (the service rejects that change alone, as over HTTP); such a
    file is read by Python's JSON reader and validated as the service validates a request body."""
    import json

    from pydantic import ValidationError

    try:
        return Package.model_validate_json(raw)
    except ValidationError as exc:
        escaped = b"\\ud" in raw or b"\\uD" in raw
        if not escaped or exc.errors()[0].get("type") != "json_invalid":
            raise
        first = exc
    try:
        data = json.loads(raw)
    except ValueError:
        raise first from None  # not JSON for Python either: pydantic's error says where
    return Package.model_validate(data)


def _package_json(package: Package) -> bytes:
    """The file's bytes: UTF-8 JSON; with every non-ASCII character escaped when a value holds a lone surrogate,
    which UTF-8 cannot encode (only then: a package of Chinese records is a third smaller unescaped)."""
    import json

    from pydantic_core import PydanticSerializationError

    try:
        return package.model_dump_json().encode("utf-8")
    except (PydanticSerializationError, UnicodeEncodeError):
        return json.dumps(package.model_dump(mode="json"), ensure_ascii=True, separators=(",", ":")).encode("ascii")


def check_package_target(path, *, source=None) -> None:
    """Refuses, before anything is done, a package file that cannot be written or whose writing would destroy
    something: a folder, an existing file that is not a regular one (a device or a pipe would be replaced by the
    rename), a folder that is missing or closed (output_files.check_output), or the package ``source`` being read
    (a reply over its request)."""
    import errno
    from pathlib import Path

    from injury_desk.output_files import NotAFile, OutputRefused, check_output

    path = Path(path)
    try:
        check_output(path)
    except NotAFile:
        raise PackageRefused("sync.package_not_a_file", path=str(path)) from None
    except OutputRefused as exc:
        if exc.errno == errno.EISDIR:  # said as every other file a user names is (private_files.output_refusal)
            raise PackageRefused("output.is_a_folder", path=str(path)) from None
        raise PackageRefused("sync.package_unwritable", path=str(path), reason=exc.strerror) from None
    if source is not None and path.exists() and _same_file(path, Path(source)):
        raise PackageRefused("sync.reply_over_package", path=str(path), package=str(source))


def _same_file(a, b) -> bool:
    import os

    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_package_file(package: Package, path) -> None:
    """Writes ``package`` to ``path`` whole or not at all (output_files.written_whole: readable by the user only, as
    the office's records must be, synced, renamed over ``path``). On any failure ``sync.package_unwritable`` is
    raised and ``path`` is left as it was."""
    from pathlib import Path

    from injury_desk.output_files import write_whole

    path = Path(path)
    check_package_target(path)  # again: the folder or the file may have changed while the package was made
    data = _package_json(package)
    try:
        write_whole(path, data, check=False)
    except OSError as exc:
        raise PackageRefused("sync.package_unwritable", path=str(path), reason=exc.strerror or str(exc)) from None


def package_key(device_secret: str) -> str:
    """The key packages are signed with, derived from the device secret (the central store keeps only this)."""
    import hashlib

    return hashlib.sha256(f"injury-desk-package:{device_secret}".encode()).hexdigest()


def package_signature(package: Package, key_hex: str) -> str:
    import hashlib
    import hmac
    import json

    body = json.dumps(package.model_dump(mode="json", exclude={"signature"}), sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False)
    # surrogatepass: a lone surrogate in a queued value has bytes to sign; any other text encodes as before.
    return hmac.new(bytes.fromhex(key_hex), body.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


def row_state_digest(table: str, row_id: str, version: int) -> int:
    """One row's contribution to an office state hash (combined by XOR, so order does not matter)."""
    import hashlib

    return int.from_bytes(hashlib.sha256(f"{table}:{row_id}:{version}".encode()).digest()[:16], "big")


def table_state_digests(table: str, versions: Iterable[tuple[str, int]]) -> tuple[int, int]:
    """(XOR of ``row_state_digest``, rows) over one table's (id, version) pairs: the same digest, in one loop, for
    hashing a whole office (a function call per row was a third of the desktop's state check)."""
    import hashlib

    sha256, from_bytes = hashlib.sha256, int.from_bytes
    acc = rows = 0
    for row_id, version in versions:
        acc ^= from_bytes(sha256(f"{table}:{row_id}:{version}".encode()).digest()[:16], "big")
        rows += 1
    return acc, rows


def changed_state_digests(office_id: str, changes: Iterable[tuple[Any, ...]]) -> tuple[int, int]:
    """(XOR, change in rows) that row changes make to an office's state: each change is (table, old id, old office,
    old version, new id, new office, new version), a side None when the row was not there; a side counts as in
    ``table_state_digests`` when the row is the office's at a version above 0."""
    import hashlib

    sha256, from_bytes = hashlib.sha256, int.from_bytes
    acc = rows = 0
    for table, old_id, old_office, old_version, new_id, new_office, new_version in changes:
        if old_office == office_id and old_version is not None and old_version > 0:
            acc ^= from_bytes(sha256(f"{table}:{old_id}:{old_version}".encode()).digest()[:16], "big")
            rows -= 1
        if new_office == office_id and new_version is not None and new_version > 0:
            acc ^= from_bytes(sha256(f"{table}:{new_id}:{new_version}".encode()).digest()[:16], "big")
            rows += 1
    return acc, rows


def office_state_digests(tables: Iterable[tuple[str, Iterable[tuple[str, int]]]]) -> tuple[int, int]:
    """(XOR, rows) over an office's tables, each given as (name, its (id, version) pairs), read as they come."""
    acc = rows = 0
    for table, versions in tables:
        table_acc, table_rows = table_state_digests(table, versions)
        acc ^= table_acc
        rows += table_rows
    return acc, rows


def format_state_hash(acc: int, rows: int) -> str:
    return f"{rows}:{acc:032x}"
