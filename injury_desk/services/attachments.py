"""Attachments: photos and documents kept with an inspection, hazard or incident, by SHA-256 content hash."""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from injury_desk.domain.errors import DomainError, FieldError, raise_if
from injury_desk.private_files import private_output
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.permissions import require, require_office
from injury_desk.store.models import MODEL_BY_TABLE, Attachment
from injury_desk.store.own_files import refuse_own_file

# Every attachment travels whole in the outbox, the audit event and the sync messages (base64, a third
# larger), so one photo must stay small enough for a slow office line: 5 MiB covers a phone photo.
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
MAX_NOTE = 2000
MAX_FILE_NAME = 255
# What an inspector brings back: photos, scans and office documents. Programs and archives are refused.
ALLOWED_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff", ".heic",
                    ".pdf", ".txt", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods")
OWNER_TABLES = ("inspections", "hazards", "incidents")


@dataclass(frozen=True)
class AttachmentView:
    id: str
    owner_table: str
    owner_id: str
    file_name: str
    media_type: str
    sha256: str
    size: int
    note: str
    added_at: datetime


@dataclass(frozen=True)
class AttachmentFile:
    """A checked file ready to store: the bytes and what they are."""

    file_name: str
    media_type: str
    sha256: str
    content: bytes
    note: str = ""


def _view(a: Attachment) -> AttachmentView:
    return AttachmentView(a.id, a.owner_table, a.owner_id, a.file_name, a.media_type, a.sha256, a.size, a.note,
                          a.updated_at)


def file_errors(file_name: str, size: int, field: str = "attachment") -> list[FieldError]:
    """The rules a file breaks, from its name and size alone (checked before a large file is read)."""
    errors: list[FieldError] = []
    name = (file_name or "").strip()
    if not name:
        errors.append(FieldError(field, "attachment.no_name"))
        return errors
    if len(name) > MAX_FILE_NAME:
        errors.append(FieldError(field, "field.too_long", {"max": MAX_FILE_NAME, "actual": len(name)}))
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        errors.append(FieldError(field, "attachment.type_not_allowed",
                                 {"file_name": name, "allowed": " ".join(ALLOWED_SUFFIXES)}))
    if size <= 0:
        errors.append(FieldError(field, "attachment.empty", {"file_name": name}))
    elif size > MAX_ATTACHMENT_BYTES:
        errors.append(FieldError(field, "attachment.too_large",
                                 {"file_name": name, "size_mb": f"{size / 1048576:.1f}",
                                  "max_mb": f"{MAX_ATTACHMENT_BYTES / 1048576:.0f}"}))
    return errors


def prepare(file_name: str, content: bytes, note: str = "", field: str = "attachment") -> AttachmentFile:
    """Check a file's name, size and note and hash its bytes; raise ValidationFailed on a broken rule."""
    name = Path((file_name or "").strip()).name  # never a path from another machine, only the name
    errors = file_errors(name, len(content or b""), field)
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        errors.append(FieldError(field, "field.too_long", {"max": MAX_NOTE, "actual": len(note)}))
    raise_if(errors)
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return AttachmentFile(name, media_type, hashlib.sha256(content).hexdigest(), bytes(content), note)


def read_file(path: Path | str, note: str = "", field: str = "attachment") -> AttachmentFile:
    """Read and check a file picked from disk; its size is checked before it is read."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DomainError("attachment.unreadable", file_name=path.name, reason=exc.strerror or str(exc)) from exc
    raise_if(file_errors(path.name, size, field))
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise DomainError("attachment.unreadable", file_name=path.name, reason=exc.strerror or str(exc)) from exc
    return prepare(path.name, content, note, field)


def attach(s: Session, owner: Any, file: AttachmentFile) -> Attachment:
    """Store ``file`` with ``owner`` (a loaded synced row) inside the caller's transaction.

    The same content twice on one owner is refused: it is the same photo picked again.
    """
    table = owner.__tablename__
    same = s.scalar(select(Attachment.file_name).where(
        Attachment.owner_table == table, Attachment.owner_id == owner.id, Attachment.sha256 == file.sha256,
        Attachment.deleted.is_(False)))
    if same is not None:
        raise DomainError("attachment.duplicate", file_name=file.file_name, existing=same)
    row = Attachment(office_id=owner.office_id, owner_table=table, owner_id=owner.id, file_name=file.file_name,
                     media_type=file.media_type, sha256=file.sha256, size=len(file.content), content=file.content,
                     note=file.note)
    s.add(row)
    s.flush()
    return row


class AttachmentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _owner(self, s: Session, actor: Actor, owner_table: str, owner_id: str) -> Any:
        if owner_table not in OWNER_TABLES:
            raise DomainError("attachment.owner_not_allowed", table=owner_table)
        owner = s.get(MODEL_BY_TABLE[owner_table], owner_id)
        if owner is None or owner.deleted:
            raise DomainError("attachment.owner_not_found", table=owner_table, id=owner_id)
        require_office(actor, owner.office_id)
        return owner

    def add(self, actor: Actor, owner_table: str, owner_id: str, file_name: str, content: bytes,
            note: str = "") -> str:
        require(actor, "prevention.edit")
        file = prepare(file_name, content, note)
        with self.ctx.write(actor, "attachment.add") as s:
            return attach(s, self._owner(s, actor, owner_table, owner_id), file).id

    def add_file(self, actor: Actor, owner_table: str, owner_id: str, path: Path | str, note: str = "") -> str:
        require(actor, "prevention.edit")
        file = read_file(path, note)
        with self.ctx.write(actor, "attachment.add") as s:
            return attach(s, self._owner(s, actor, owner_table, owner_id), file).id

    def list(self, actor: Actor, owner_table: str, owner_id: str) -> list[AttachmentView]:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            self._owner(s, actor, owner_table, owner_id)
            rows = s.scalars(select(Attachment).where(
                Attachment.owner_table == owner_table, Attachment.owner_id == owner_id,
                Attachment.deleted.is_(False)).order_by(Attachment.file_name)).all()
            return [_view(a) for a in rows]

    def content(self, actor: Actor, attachment_id: str) -> tuple[AttachmentView, bytes]:
        """The stored bytes, checked against their hash: a damaged copy is reported, never shown as good."""
        require(actor, "claim.view")
        with self.ctx.read() as s:
            a = s.get(Attachment, attachment_id)
            if a is None or a.deleted:
                raise DomainError("attachment.not_found", id=attachment_id)
            require_office(actor, a.office_id)
            data = bytes(a.content)
            if hashlib.sha256(data).hexdigest() != a.sha256:
                raise DomainError("attachment.corrupt", file_name=a.file_name)
            return _view(a), data

    def save_to(self, actor: Actor, attachment_id: str, path: Path | str) -> Path:
        _view_, data = self.content(actor, attachment_id)
        path = Path(path)
        refuse_own_file(path, self.ctx.db.path, field="file")  # a dialog lets anyone pick the database itself
        with private_output(path, unwritable="attachment.unwritable") as fh:  # a medical record: the user's eyes only
            fh.write(data)
        return path

    def remove(self, actor: Actor, attachment_id: str) -> None:
        """A tombstone, as for every synced row: the attachment disappears from lists everywhere."""
        require(actor, "prevention.edit")
        with self.ctx.write(actor, "attachment.remove") as s:
            a = s.get(Attachment, attachment_id)
            if a is None or a.deleted:
                raise DomainError("attachment.not_found", id=attachment_id)
            require_office(actor, a.office_id)
            a.deleted = True
