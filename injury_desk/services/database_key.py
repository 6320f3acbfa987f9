"""Recovery of the database key: an administrator exports it sealed with a passphrase, and restores it
on a new machine (or after the keyring was wiped) from that file."""

from __future__ import annotations

import os
from pathlib import Path

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.permissions import require
from injury_desk.store import cipher, db_key, key_export
from injury_desk.store.capture import record_event
from injury_desk.store.database import DB_FILENAME
from injury_desk.private_files import private_dir


def _same_file(a: Path, b: Path) -> bool:
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def check_export_target(data_dir: Path, target: Path) -> None:
    """The export never lands on the database, its log files, its key name or in the backups folder."""
    db_path = Path(data_dir) / DB_FILENAME
    protected = [db_path, *(db_path.with_name(db_path.name + s) for s in ("-wal", "-shm", "-journal", ".key-id"))]
    backups = Path(data_dir) / "backups"
    if any(_same_file(target, p) for p in protected) or os.path.abspath(target).startswith(
            os.path.abspath(backups) + os.sep):
        raise ValidationFailed([FieldError("file", "key_export.target_protected", {"path": str(target)})])


class DatabaseKeyService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def export_key(self, actor: Actor, target: Path | str, passphrase: str, repeated: str | None = None) -> Path:
        """Writes the recovery file (administrators only; audited, with the file's name, never the key)."""
        require(actor, "database.export_key")
        target = Path(target)
        check_export_target(self.ctx.db.path.parent, target)
        key_export.check_passphrase(passphrase)
        if repeated is not None and repeated != passphrase:
            raise ValidationFailed([FieldError("passphrase_again", "key_export.passphrase_mismatch")])
        try:
            written = self.ctx.db.export_key(target, passphrase)
        except OSError as exc:
            raise DomainError("key_export.unwritable", path=str(target), reason=exc.strerror or str(exc)) from None
        with self.ctx.write(actor, "database.key_export") as s:
            record_event(s, "database.key_export", "local_settings", db_key.read_key_id(self.ctx.db.path) or "",
                         {"file": str(written)})
        return written


def restore_key(data_dir: Path, source: Path | str, passphrase: str) -> str:
    """Puts the key of a recovery file into this computer's keyring for the database in ``data_dir``;
    returns the key id. When the database is there, the key must open it, or nothing changes. No login:
    without the key no one can log in, and the file with its passphrase is the authority."""
    key_id, key = key_export.read_export(Path(source), passphrase)
    db_path = Path(data_dir) / DB_FILENAME
    if db_path.exists() and db_path.stat().st_size > 0 and not cipher.is_plain(db_path):
        try:
            con = cipher.connect(db_path, key, read_only=True)
            try:
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                con.close()
        except cipher.sqlite.DatabaseError:
            raise DomainError("key_export.wrong_database", path=str(db_path)) from None
    private_dir(Path(data_dir))
    db_key.store_key(db_path, key_id, key)
    return key_id
