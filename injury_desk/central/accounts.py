"""Offices, users, device enrolment and expiring tokens on the central store."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from injury_desk.central.office_log import OfficeLog
from injury_desk.central.roles import DEVICE_SETTING, ENROL_SETTING, TOKEN_SETTING
from injury_desk.central.central_db import CentralStore
from injury_desk.central.tables import devices, enrolment_codes, tokens
from injury_desk.login_hash import login_hasher
from injury_desk.store.models import Office, User
from injury_desk.protocol.messages import EnrollReply, EnrollRequest, TokenReply, TokenRequest, package_key

TOKEN_TTL = timedelta(hours=1)
ENROLMENT_TTL = timedelta(hours=72)
ROLES = ("caseworker", "supervisor", "administrator")


class CentralError(Exception):
    """A refusal with a message key and parameters; ``status`` is the HTTP status to answer with."""

    def __init__(self, key: str, status: int = 400, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.status = status
        self.params = params
        self.field: str | None = None  # the field it is about, when one (the command line names it)

    @classmethod
    def on_field(cls, field: str, key: str, status: int = 400, **params: Any) -> "CentralError":
        exc = cls(key, status, **params)
        exc.field = field
        return exc


@dataclass(frozen=True)
class DeviceAuth:
    device_id: str
    office_id: str


def password_hasher() -> PasswordHasher:
    """argon2id with the library's recommended parameters for device secrets (checked by this service; the hash
    records them, so they can change). Users' passwords, checked on desktops at every start, use login_hasher."""
    return PasswordHasher()


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _row_json(table, values: dict[str, Any]) -> dict[str, Any]:
    from injury_desk.store.jsonvalues import to_jsonable

    return {c.name: to_jsonable(values.get(c.name)) for c in table.columns}


def check_lengths(table, **values: str) -> None:
    """``field.too_long`` for the first value longer than its column allows, before anything is written: PostgreSQL
    would refuse it mid-transaction (an internal error) while SQLite keeps any length, so both stores are alike."""
    for name, value in values.items():
        limit = table.c[name].type.length
        if limit is not None and len(value) > limit:
            raise CentralError.on_field(name, "field.too_long", max=limit, actual=len(value))


def office_by_code(store: CentralStore, code: str) -> dict[str, Any]:
    with store.transaction(write=False) as conn:
        row = conn.execute(select(Office.__table__).where(Office.__table__.c.code == code)).mappings().first()
    if row is None:
        raise CentralError("central.unknown_office", 404, code=code)
    return dict(row)


def add_office(store: CentralStore, code: str, name: str, region: str = "example") -> str:
    code = code.strip().upper()
    if not code or len(code) > 16 or not code.isalnum():
        raise CentralError("central.office_code", code=code)
    check_lengths(Office.__table__, name=name, region=region)
    office_id = str(uuid.uuid4())
    with store.transaction(office_id) as conn:
        exists = conn.execute(select(func.count()).select_from(Office.__table__)
                              .where(Office.__table__.c.code == code)).scalar()
        if exists:
            raise CentralError("central.office_exists", 409, code=code)
        log = OfficeLog(conn, office_id, create=True)
        row = _row_json(Office.__table__, {"id": office_id, "office_id": office_id, "code": code, "name": name,
                                           "region": region, "decision_prefix": "", "decision_pattern": "",
                                           "deleted": False, "updated_at": _now(),
                                           "version": log.next_version()})
        log.stage_row("offices", row, inserted=True)
        log.stage_audit(action="central.add_office", table="offices", row_id=office_id, user_id=None,
                        device_id=None, mutation_id=None, before=None, after={"code": code, "name": name})
        log.flush()
    return office_id


def add_user(store: CentralStore, office_code: str, username: str, display_name: str, role: str,
             password: str) -> str:
    if role not in ROLES:
        raise CentralError("central.role", role=role, allowed=", ".join(ROLES))
    if not username or len(username) > 64:
        raise CentralError("central.username", username=username)
    if len(password) < 8:
        raise CentralError("central.password_short", min=8)
    check_lengths(User.__table__, display_name=display_name)
    office = office_by_code(store, office_code)
    user_id = str(uuid.uuid4())
    with store.transaction(office["id"]) as conn:
        taken = conn.execute(select(func.count()).select_from(User.__table__)
                             .where(User.__table__.c.username == username)).scalar()
        if taken:
            raise CentralError("central.user_exists", 409, username=username)
        log = OfficeLog(conn, office["id"])
        row = _row_json(User.__table__, {
            "id": user_id, "office_id": office["id"], "username": username, "display_name": display_name,
            "role": role, "password_hash": login_hasher().hash(password), "active": True, "deleted": False,
            "updated_at": _now(), "version": log.next_version()})
        log.stage_row("users", row, inserted=True)
        log.stage_audit(action="central.add_user", table="users", row_id=user_id, user_id=None, device_id=None,
                        mutation_id=None, before=None, after={"username": username, "role": role})
        log.flush()
    return user_id


def set_numbering(store: CentralStore, office_code: str, prefix: str | None, pattern: str | None) -> tuple[str, str]:
    """The office's decision-number prefix and pattern (domain/decision_numbers.py), set centrally like every
    office fact and pulled by each of its desktops; None keeps the office's own. Returns both as now set."""
    from injury_desk.domain.decision_numbers import pattern_errors

    if pattern is not None:
        errors = pattern_errors(pattern)
        if errors:
            raise CentralError.on_field("decision_pattern", errors[0].rule, **errors[0].params)
    if prefix is not None:
        check_lengths(Office.__table__, decision_prefix=prefix)
    office_id = office_by_code(store, office_code)["id"]
    with store.transaction(office_id) as conn:
        log = OfficeLog(conn, office_id)
        # Read under the office lock the log holds: two runs at once (one --prefix, one --pattern) each keep the
        # other's new value, never write back an old one.
        office = dict(conn.execute(select(Office.__table__).where(Office.__table__.c.id == office_id)).mappings().one())
        prefix = office["decision_prefix"] if prefix is None else prefix
        pattern = office["decision_pattern"] if pattern is None else pattern
        before = {"decision_prefix": office["decision_prefix"], "decision_pattern": office["decision_pattern"]}
        row = _row_json(Office.__table__, {**office, "decision_prefix": prefix, "decision_pattern": pattern,
                                           "updated_at": _now(), "version": log.next_version()})
        log.stage_row("offices", row, inserted=False)
        log.stage_audit(action="central.set_numbering", table="offices", row_id=office["id"], user_id=None,
                        device_id=None, mutation_id=None, before=before,
                        after={"decision_prefix": prefix, "decision_pattern": pattern})
        log.flush()
    return prefix, pattern


def make_enrolment_code(store: CentralStore, office_code: str) -> str:
    """A one-time code for one desktop of the office; only its hash is stored."""
    office = office_by_code(store, office_code)
    code = f"{office['code']}-{secrets.token_hex(8).upper()}"
    with store.transaction(office["id"]) as conn:
        conn.execute(insert(enrolment_codes).values(code_hash=_sha(code), office_id=office["id"],
                                                    created_at=_now(), expires_at=_now() + ENROLMENT_TTL))
    return code


def enrol(store: CentralStore, req: EnrollRequest) -> EnrollReply:
    code_hash = _sha(req.code.strip().upper())
    with store.transaction(**{ENROL_SETTING: code_hash}) as conn:
        code = conn.execute(select(enrolment_codes).where(enrolment_codes.c.code_hash == code_hash)).mappings().first()
    if code is None or code["used_by"] is not None or code["expires_at"] < _now():
        raise CentralError("central.enrolment_code", 403)
    office_id = code["office_id"]
    if req.office_id is not None and req.office_id != office_id:
        # The desktop holds another office's data and could not join this one: refused while the code is still
        # unused, so the administrator's code stays good for the desktop it was meant for.
        with store.transaction(office_id, write=False) as conn:
            office_code = conn.execute(select(Office.__table__.c.code)
                                       .where(Office.__table__.c.id == office_id)).scalar()
        raise CentralError("sync.enrol_other_office", 409, office=office_code or "")
    secret = secrets.token_urlsafe(32)
    with store.transaction(office_id) as conn:
        used = conn.execute(update(enrolment_codes).where(enrolment_codes.c.code_hash == code_hash,
                                                          enrolment_codes.c.used_by.is_(None))
                            .values(used_by=req.device_id)).rowcount
        if used != 1:
            raise CentralError("central.enrolment_code", 403)
        existing = conn.execute(select(devices).where(devices.c.id == req.device_id)).mappings().first()
        if existing is not None:
            # The same desktop enrolling again with a fresh code of its own office (its first reply was lost,
            # or its keyring was wiped): it gets a new secret and keeps its tag and its sequences, so nothing
            # it already sent is applied twice.
            tag = existing["tag"]
            secret_hash = password_hasher().hash(secret)
            # The office's chain shows it revoked: it must show it back as well. The office lock is taken before
            # the device row is written, in the order a push takes them (the other order can deadlock with one).
            log = OfficeLog(conn, office_id) if not existing["active"] else None
            conn.execute(update(devices).where(devices.c.id == req.device_id).values(
                secret_hash=secret_hash, package_key=package_key(secret), active=True,
                name=req.device_name or existing["name"]))
            if log is not None:
                log.stage_audit(action="central.reinstate_device", table="devices", row_id=req.device_id,
                                user_id=None, device_id=req.device_id, mutation_id=None, before={"active": False},
                                after={"active": True, "tag": tag, "name": req.device_name or existing["name"]})
                log.flush()
        else:
            taken = set(conn.execute(select(devices.c.tag).where(devices.c.office_id == office_id)).scalars())
            # The tag the desktop used before enrolment (its device id's first hex digits: claim and decision
            # numbers it issued carry it) when no other desktop of the office has it; else a free random one.
            provisional = req.device_id.replace("-", "")[:4].upper()
            candidates = [provisional] + [secrets.token_hex(2).upper() for _ in range(1000)]
            tag = next(t for t in candidates if t not in taken)
            try:
                with conn.begin_nested():
                    conn.execute(insert(devices).values(
                        id=req.device_id, office_id=office_id, tag=tag, name=req.device_name,
                        secret_hash=password_hasher().hash(secret), package_key=package_key(secret),
                        enrolled_at=_now(), active=True, last_seq=0, last_package_seq=0))
            except IntegrityError:  # the id belongs to a device of another office
                raise CentralError("central.device_exists", 409) from None
        office = conn.execute(select(Office.__table__).where(Office.__table__.c.id == office_id)).mappings().one()
    return EnrollReply(device_id=req.device_id, device_tag=tag, device_secret=secret, office_id=office_id,
                       office_code=office["code"], office_name=office["name"])


DEVICE_LIST_COLUMNS = ("id", "tag", "name", "enrolled_at", "active", "last_seq", "last_package_seq")


def list_devices(store: CentralStore, office_code: str) -> list[dict[str, Any]]:
    """The desktops enrolled in the office, by tag: what an administrator needs to pick the one to revoke."""
    office = office_by_code(store, office_code)
    with store.transaction(office["id"], write=False) as conn:
        rows = conn.execute(select(*(devices.c[name] for name in DEVICE_LIST_COLUMNS))
                            .where(devices.c.office_id == office["id"]).order_by(devices.c.tag)).mappings().all()
    return [dict(r) for r in rows]


def revoke_device(store: CentralStore, office_code: str, device: str) -> tuple[dict[str, Any], bool]:
    """Switches a desktop of the office off (a lost or stolen laptop): its credential and its tokens stop working
    at once, and the office's audit chain records who was revoked. ``device`` is its tag or its id. Returns the
    device and whether it was active until now; a new enrolment code lets the same desktop join again."""
    office = office_by_code(store, office_code)
    with store.transaction(office["id"]) as conn:
        found = conn.execute(select(*(devices.c[name] for name in DEVICE_LIST_COLUMNS)).where(
            devices.c.office_id == office["id"],
            (devices.c.tag == device.strip().upper()) | (devices.c.id == device.strip().lower()))).mappings().first()
        if found is None:
            raise CentralError.on_field("device", "central.unknown_device", 404, office=office["code"],
                                        device=device)
        dev = dict(found)
        if not dev["active"]:
            return dev, False
        # The office lock first, then the device row, as a push takes them: in the other order a revocation and
        # a push of the same desktop deadlock, and PostgreSQL may abort the revocation.
        log = OfficeLog(conn, office["id"])
        conn.execute(update(devices).where(devices.c.id == dev["id"]).values(active=False))
        conn.execute(delete(tokens).where(tokens.c.device_id == dev["id"]))
        log.stage_audit(action="central.revoke_device", table="devices", row_id=dev["id"], user_id=None,
                        device_id=dev["id"], mutation_id=None, before={"active": True},
                        after={"active": False, "tag": dev["tag"], "name": dev["name"]})
        log.flush()
    return dev, True


def device_secret_ok(store: CentralStore, device_id: str, secret: str) -> dict[str, Any]:
    with store.transaction(write=False, **{DEVICE_SETTING: device_id}) as conn:
        dev = conn.execute(select(devices).where(devices.c.id == device_id)).mappings().first()
    if dev is None or not dev["active"]:
        raise CentralError("central.device_unknown", 401)
    try:
        password_hasher().verify(dev["secret_hash"], secret)
    except (VerifyMismatchError, InvalidHashError):
        raise CentralError("central.device_unknown", 401) from None
    return dict(dev)


def issue_token(store: CentralStore, req: TokenRequest) -> TokenReply:
    dev = device_secret_ok(store, req.device_id, req.device_secret)
    token = secrets.token_urlsafe(32)
    with store.transaction(dev["office_id"]) as conn:
        conn.execute(delete(tokens).where(tokens.c.device_id == dev["id"], tokens.c.expires_at < _now()))
        conn.execute(insert(tokens).values(token_hash=_sha(token), device_id=dev["id"], office_id=dev["office_id"],
                                           expires_at=_now() + TOKEN_TTL))
    return TokenReply(token=token, expires_in=int(TOKEN_TTL.total_seconds()), office_id=dev["office_id"])


def authenticate(store: CentralStore, token: str) -> DeviceAuth:
    token_hash = _sha(token)
    # One transaction (every request asks this first): the token by its hash, then, with the office it names set,
    # whether its device is still on.
    with store.transaction(write=False, **{TOKEN_SETTING: token_hash}) as conn:
        row = conn.execute(select(tokens).where(tokens.c.token_hash == token_hash)).mappings().first()
        if row is None or row["expires_at"] < _now():
            raise CentralError("central.token_invalid", 401)
        store.enter_office(conn, row["office_id"])
        active = conn.execute(select(devices.c.active).where(devices.c.id == row["device_id"])).scalar()
    if not active:  # a device switched off centrally loses its tokens at once
        raise CentralError("central.device_unknown", 401)
    return DeviceAuth(device_id=row["device_id"], office_id=row["office_id"])
