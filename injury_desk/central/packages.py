"""Sync packages on the central side: verify, apply in order exactly once, and write the signed reply."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.engine import make_url

from injury_desk.central.accounts import CentralError, DeviceAuth
from injury_desk.central.anchors import anchor_in
from injury_desk.central.pull import page_since
from injury_desk.central.push import push
from injury_desk.central.roles import DEVICE_SETTING
from injury_desk.central.central_db import CentralStore
from injury_desk.central.tables import devices, packages
from injury_desk.domain.errors import DomainError
from injury_desk.protocol.messages import (
    SCHEMA_VERSION,
    Package,
    PackageRefused,
    PullReply,
    check_package_target,
    package_signature,
    read_package_file,
    write_package_file,
)

REPLY_PULL_LIMIT = 200_000


def read_package(path: Path, kind: str) -> Package:
    try:
        return read_package_file(path, kind)
    except PackageRefused as exc:
        raise CentralError(exc.key, **exc.params) from None


def write_package(pkg: Package, path: Path) -> None:
    """Written to a temporary name and renamed, so a half-written file never looks like a package."""
    try:
        write_package_file(pkg, path)
    except PackageRefused as exc:
        raise CentralError(exc.key, **exc.params) from None


def check_reply_target(store: CentralStore, source: Path, reply_path: Path) -> None:
    """Refuses a reply file that cannot be written, or would be written over the package being imported or over
    the store's own SQLite file or its journals: checked before the package is applied, so nothing is."""
    try:
        check_package_target(reply_path, source=source)
    except PackageRefused as exc:
        raise CentralError(exc.key, **exc.params) from None
    database = make_url(store.url).database if store.url.startswith("sqlite") else None
    if database and database != ":memory:":
        from injury_desk.store.own_files import refuse_own_file

        try:
            refuse_own_file(reply_path, Path(database), field="reply")
        except DomainError as exc:
            raise CentralError(exc.key, **exc.params) from None


def import_package(store: CentralStore, source: Path, reply_path: Path) -> Package:
    check_reply_target(store, source, reply_path)
    pkg = read_package(source, "request")
    with store.transaction(write=False, **{DEVICE_SETTING: pkg.device_id}) as conn:
        dev = conn.execute(select(devices).where(devices.c.id == pkg.device_id)).mappings().first()
    if dev is None or not dev["active"] or dev["office_id"] != pkg.office_id:
        raise CentralError("central.device_unknown", 401)
    if not hmac.compare_digest(package_signature(pkg, dev["package_key"]), pkg.signature):
        raise CentralError("sync.package_signature")
    last = dev["last_package_seq"]
    # Every package carries all the device's unsent changes, so a newer one covers an older one that was
    # lost on the way (its changes answer by device sequence): a gap is accepted, while the same
    # package again, or an older one after a newer, is refused and changes nothing.
    if pkg.package_seq == last:
        raise CentralError("sync.package_replayed", seq=pkg.package_seq, last=last)
    if pkg.package_seq < last:
        raise CentralError("sync.package_out_of_order", seq=pkg.package_seq, expected=last + 1)
    for req in pkg.pushes:
        if req.device_id != pkg.device_id:
            raise CentralError("sync.wrong_device", 403)
    auth = DeviceAuth(device_id=pkg.device_id, office_id=pkg.office_id)
    # Each batch is its own transaction with its mutation ids, so a crash part-way leaves a package that
    # can be imported again: the applied batches answer by device sequence (last batch, batch audit events).
    replies = [push(store, auth, req) for req in pkg.pushes]
    if pkg.anchor is not None and pkg.anchor.device_id != pkg.device_id:
        raise CentralError("sync.wrong_device", 403)
    with store.transaction(pkg.office_id) as conn:
        anchored = anchor_in(conn, auth, pkg.anchor, late=True) if pkg.anchor is not None else None
        page = page_since(conn, pkg.office_id, pkg.pull_cursor, REPLY_PULL_LIMIT)
        reply = Package(kind="reply", schema_version=SCHEMA_VERSION, office_id=pkg.office_id,
                        device_id=pkg.device_id, package_seq=pkg.package_seq, push_replies=replies,
                        pull=PullReply.model_validate_json(page.body()), anchor_reply=anchored)
        reply.signature = package_signature(reply, dev["package_key"])
        taken = conn.execute(update(devices).where(devices.c.id == pkg.device_id,
                                                   devices.c.last_package_seq == last)
                             .values(last_package_seq=pkg.package_seq)).rowcount
        if taken != 1:
            raise CentralError("sync.package_replayed", seq=pkg.package_seq, last=last)
        conn.execute(insert(packages).values(
            device_id=pkg.device_id, package_seq=pkg.package_seq, office_id=pkg.office_id,
            applied_at=datetime.now(timezone.utc),
            reply_digest=hashlib.sha256(reply.model_dump_json().encode()).hexdigest()))
        write_package(reply, reply_path)
    return reply
