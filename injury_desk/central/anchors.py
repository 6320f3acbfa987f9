"""Anchoring desktops' audit chains: every head a desktop sends is kept with a verdict, so a desktop whose chain
no longer extends a head it anchored before (rewritten, rewound, wiped) is flagged here and told so."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Connection, insert, select

from injury_desk.central.accounts import CentralError, DeviceAuth
from injury_desk.central.central_db import CentralStore
from injury_desk.central.tables import audit_anchors
from injury_desk.protocol.messages import SCHEMA_VERSION, AnchorReply, AnchorRequest, AuditHead

ACCEPTED = ("first", "extends", "unproven")


def anchor(store: CentralStore, auth: DeviceAuth, req: AnchorRequest) -> AnchorReply:
    if req.schema_version != SCHEMA_VERSION:
        raise CentralError("sync.schema_version", 409, got=req.schema_version, expected=SCHEMA_VERSION)
    if req.device_id != auth.device_id:
        raise CentralError("sync.wrong_device", 403)
    with store.transaction(auth.office_id) as conn:
        return anchor_in(conn, auth, req)


def anchor_in(conn: Connection, auth: DeviceAuth, req: AnchorRequest, *, late: bool = False) -> AnchorReply:
    """Keeps the head with its verdict. ``late``: the head comes in a package, made when the desktop wrote it and
    carried here since, so the desktop may have anchored a newer head over the network in the meantime."""
    a = audit_anchors.c
    latest = conn.execute(select(a.seq, a.hash).where(a.device_id == auth.device_id, a.verdict.in_(ACCEPTED))
                          .order_by(a.seq.desc(), a.id.desc()).limit(1)).first()
    verdict = _verdict(conn, auth.device_id, latest, req, late)
    conn.execute(insert(audit_anchors).values(
        office_id=auth.office_id, device_id=auth.device_id, seq=req.head.seq, hash=req.head.hash,
        proof_seq=req.proof.seq if req.proof else None, proof_hash=req.proof.hash if req.proof else None,
        verdict=verdict, received_at=datetime.now(timezone.utc)))
    if verdict in ("first", "extends"):
        anchored = req.head
    else:
        anchored = AuditHead(seq=latest.seq, hash=latest.hash) if latest is not None else None
    return AnchorReply(verdict=verdict, anchored=anchored)


def _verdict(conn: Connection, device_id: str, latest, req: AnchorRequest, late: bool) -> str:
    if latest is None:
        return "first"
    proof = req.proof
    if proof is not None and proof.seq == latest.seq:
        return "extends" if proof.hash == latest.hash and req.head.seq >= latest.seq else "diverged"
    if req.head.seq < latest.seq and (not late or _contradicts(conn, device_id, req.head)):
        # Sent now, a chain shorter than a head it already anchored was rewound. A package's head may be older
        # than one anchored since; it is flagged only where it differs from a head kept at the same event. (A
        # rewound desktop is caught by its proof: the head it last had acknowledged, kept in its keyring.)
        return "diverged"
    if proof is not None and _contradicts(conn, device_id, proof):
        return "diverged"
    # The desktop proved an older head, or none (its acknowledgement was lost), or its package is older than a
    # head anchored since: it is asked for the newest.
    return "unproven"


def _contradicts(conn: Connection, device_id: str, head: AuditHead) -> bool:
    """Whether heads were accepted at this event and none of them is this one."""
    a = audit_anchors.c
    kept = set(conn.execute(select(a.hash).where(a.device_id == device_id, a.seq == head.seq,
                                                 a.verdict.in_(ACCEPTED))).scalars())
    return bool(kept) and head.hash not in kept


def diverged_devices(conn: Connection) -> list[dict]:
    """Every head received that did not extend the device's anchored chain, oldest first."""
    a = audit_anchors.c
    return [dict(r) for r in conn.execute(select(audit_anchors).where(a.verdict == "diverged")
                                          .order_by(a.received_at, a.id)).mappings()]
