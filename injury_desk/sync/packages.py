"""Sync packages on the desktop: export the outbox as a numbered, signed file; import the reply once."""

from __future__ import annotations

import hmac
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select

from injury_desk.protocol.messages import (
    MAX_BATCH,
    SCHEMA_VERSION,
    Package,
    PackageRefused,
    PushRequest,
    check_package_target,
    package_signature,
    read_package_file,
    write_package_file,
)
from injury_desk.store.capture import record_event
from injury_desk.store.models import OutboxEntry
from injury_desk.store.quick_sync import CREDENTIAL_GONE_KEYS, LAST_ERROR_KEY, LAST_OK_KEY, error_key
from injury_desk.sync.engine import SyncEngine, SyncReport, put_setting, to_mutation
from injury_desk.sync.errors import SyncError

EXPORTED_KEY = "sync.package_seq"
IMPORTED_KEY = "sync.reply_seq"
MAX_PACKAGE_MUTATIONS = 200_000


def export_package(engine: SyncEngine, path: Path, key_hex: str) -> Package:
    """Writes every pending change (up to a limit) and the pull cursor; numbers the package."""
    db = engine.db
    try:
        check_package_target(path)  # before the outbox is read: a bad name costs nothing and changes nothing
    except PackageRefused as exc:
        raise SyncError(exc.key, **exc.params) from None
    seq = int(engine.setting(EXPORTED_KEY, "0") or 0) + 1
    with db.read() as s:
        entries = [to_mutation(e) for e in s.scalars(
            select(OutboxEntry).where(OutboxEntry.state == "pending").order_by(OutboxEntry.seq)
            .limit(MAX_PACKAGE_MUTATIONS))]
    pushes = [PushRequest(schema_version=SCHEMA_VERSION, device_id=db.device_id, mutations=entries[i:i + MAX_BATCH])
              for i in range(0, len(entries), MAX_BATCH)]
    pkg = Package(kind="request", schema_version=SCHEMA_VERSION, office_id=engine.office_id,
                  device_id=db.device_id, package_seq=seq, pushes=pushes, pull_cursor=engine.cursor(),
                  anchor=engine.anchor_request())
    pkg.signature = package_signature(pkg, key_hex)
    try:
        write_package_file(pkg, path)  # the office's records: readable by the user only, nothing left on a failure
    except PackageRefused as exc:
        raise SyncError(exc.key, **exc.params) from None
    with db.write_pulled(engine.actor, "sync.export_package") as s:
        put_setting(s, EXPORTED_KEY, str(seq))
        record_event(s, "sync.export_package", "outbox", db.device_id,
                     {"package_seq": seq, "mutations": len(entries), "file": path.name})
    return pkg


def read_reply(path: Path) -> Package:
    try:
        return read_package_file(path, "reply")
    except PackageRefused as exc:
        raise SyncError(exc.key, **exc.params) from None


def import_reply(engine: SyncEngine, path: Path, key_hex: str) -> SyncReport:
    """Applies a reply exactly once and in order; a replayed or foreign reply changes nothing."""
    pkg = read_reply(path)
    db = engine.db
    if pkg.device_id != db.device_id or pkg.office_id != engine.office_id:
        raise SyncError("sync.package_other_device")
    if not hmac.compare_digest(package_signature(pkg, key_hex), pkg.signature):
        raise SyncError("sync.package_signature")
    exported = int(engine.setting(EXPORTED_KEY, "0") or 0)
    imported = int(engine.setting(IMPORTED_KEY, "0") or 0)
    if pkg.package_seq <= imported:
        raise SyncError("sync.package_replayed", seq=pkg.package_seq, last=imported)
    if pkg.package_seq > exported:
        raise SyncError("sync.package_out_of_order", seq=pkg.package_seq, expected=imported + 1)
    report = SyncReport()
    for reply in pkg.push_replies:
        engine.apply_push_reply(reply, report)
    if pkg.pull is not None:
        engine.apply_pull_page(pkg.pull.model_dump(mode="json"), report)
    engine.mend_read_model()
    if pkg.anchor_reply is not None:
        engine.take_anchor(pkg.anchor_reply, report)
    with db.write_pulled(engine.actor, "sync.import_reply") as s:
        put_setting(s, IMPORTED_KEY, str(pkg.package_seq))
        # A reply is a whole sync carried by hand (pushed, pulled, anchored): `sync status` and the Sync page
        # must not go on showing the last network sync's time, or its error, as this desktop's latest.
        put_setting(s, LAST_OK_KEY, datetime.now(timezone.utc).isoformat(timespec="seconds"))
        # A reply made before a revocation does not undo it: the Sync page goes on offering to enrol again.
        if error_key(engine.setting(LAST_ERROR_KEY, "") or "") not in CREDENTIAL_GONE_KEYS:
            put_setting(s, LAST_ERROR_KEY, "")
        record_event(s, "sync.import_reply", "outbox", db.device_id,
                     {"package_seq": pkg.package_seq, "answered": report.pushed, "pulled": report.pulled})
    db.checkpoint()
    return report
