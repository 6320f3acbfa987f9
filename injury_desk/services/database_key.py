"""Recovery of a database's secrets: an administrator exports them sealed with a passphrase (the database key,
the audit-chain key, the last anchored chain head and the sync credential), and restores them on a new
machine (or after the keyring was wiped) from that file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.permissions import require
from injury_desk.store import audit_key, cipher, db_key, key_export
from injury_desk.store.capture import record_event
from injury_desk.store.database import DB_FILENAME
from injury_desk.store.own_files import refuse_own_file
from injury_desk.private_files import output_refusal, private_dir
from injury_desk.sync import device_secret
from injury_desk.sync.errors import SyncError

# local_settings keys read before any ORM loads (the restore needs no login and no SQLAlchemy session).
_DEVICE_ID = "device_id"
_CENTRAL_URL = "sync.central_url"  # services.sync.URL_KEY


def _find_sync_secret(device_id: str, url: str) -> str | None:
    try:
        return device_secret.find_secret(device_id, url)
    except SyncError as exc:  # the keyring failed: a refusal like any other keyring error
        raise DomainError(exc.key, **exc.params) from None


def check_export_target(data_dir: Path, target: Path) -> None:
    """The export never lands on what every output is kept off (store/own_files.py: the database, its journals
    and key name, the backups, the application's lock, settings, logs and markers), said in the key export's words."""
    try:
        refuse_own_file(Path(target), Path(data_dir) / DB_FILENAME, field="file")
    except DomainError:
        raise ValidationFailed([FieldError("file", "key_export.target_protected", {"path": str(target)})]) from None


class DatabaseKeyService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def recovery_secrets(self) -> key_export.RecoverySecrets:
        """Every secret of this database that lives only in the keyring."""
        db = self.ctx.db
        key_id, key = db.recovery_key()
        anchor = audit_key.load_anchor(db.device_id)
        url = db.setting(_CENTRAL_URL)
        return key_export.RecoverySecrets(
            key_id, key, device_id=db.device_id, audit_key=db.audit_key(),  # audit.key_missing without one
            audit_anchor=f"{anchor.seq}:{anchor.hash}" if anchor else None, sync_url=url or None,
            sync_secret=_find_sync_secret(db.device_id, url) if url else None)

    def export_key(self, actor: Actor, target: Path | str, passphrase: str, repeated: str | None = None) -> Path:
        """Writes the recovery file (administrators only; audited, with the file's name and what it holds,
        never a secret)."""
        require(actor, "database.export_key")
        target = Path(target)
        check_export_target(self.ctx.db.path.parent, target)
        key_export.check_passphrase(passphrase)
        if repeated is not None and repeated != passphrase:
            raise ValidationFailed([FieldError("passphrase_again", "key_export.passphrase_mismatch")])
        found = self.recovery_secrets()
        try:
            written = key_export.write_export(target, found, passphrase)
        except OSError as exc:
            raise output_refusal(exc, target, "key_export.unwritable") from None
        with self.ctx.write(actor, "database.key_export") as s:
            record_event(s, "database.key_export", "local_settings", found.key_id, {
                "file": str(written), "format_version": key_export.VERSION,
                "holds": [name for name, there in (("database_key", True), ("audit_key", True),
                                                   ("audit_anchor", bool(found.audit_anchor)),
                                                   ("sync_credential", bool(found.sync_secret))) if there]})
        return written


@dataclass(frozen=True)
class RestoreReport:
    """What a restore put into the keyring, and what the database still needs that neither the file nor the
    keyring holds (``audit_key``: no change can be saved and ``check`` cannot verify the audit chain;
    ``sync_credential``: the desktop cannot sync). ``database_found`` is False when the data folder has no
    database yet: then what is missing cannot be told before it is copied there."""

    key_id: str
    version: int
    device_id: str | None
    restored: tuple[str, ...]
    missing: tuple[str, ...]
    database_found: bool
    central_url: str | None = None  # the service an enrolled database syncs with

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class _DatabaseFacts:
    device_id: str | None
    central_url: str | None
    keyed: bool  # the audit chain has a keying event, so the database cannot be changed without its key


def _database_facts(db_path: Path, found: key_export.RecoverySecrets) -> _DatabaseFacts:
    """Opens the database read-only with the file's key; ``key_export.wrong_database`` unless that key opens
    it and the file's device and audit key are this database's."""
    try:
        con = cipher.connect(db_path, found.database_key, read_only=True)
        try:
            settings = dict(con.execute("SELECT key, value FROM local_settings WHERE key IN (?, ?, ?)",
                                        (_DEVICE_ID, _CENTRAL_URL, audit_key.KEYED_SETTING)).fetchall())
            keyed_by_file = (found.audit_key is not None
                             and audit_key.keyed_event(con, found.audit_key) is not None)
        finally:
            con.close()
    except cipher.sqlite.DatabaseError:
        raise DomainError("key_export.wrong_database", path=str(db_path)) from None
    facts = _DatabaseFacts(settings.get(_DEVICE_ID), settings.get(_CENTRAL_URL) or None,
                           bool(settings.get(audit_key.KEYED_SETTING)))
    if found.device_id is not None and found.device_id != facts.device_id:
        raise DomainError("key_export.wrong_database", path=str(db_path))
    if found.audit_key is not None and facts.keyed and not keyed_by_file:
        raise DomainError("key_export.wrong_database", path=str(db_path))
    return facts


def restore_key(data_dir: Path, source: Path | str, passphrase: str) -> RestoreReport:
    """Puts the secrets of a recovery file into this computer's keyring for the database in ``data_dir``.
    When the database is there, the file must be its own (its key opens it, its device and audit key are
    the database's), or nothing changes. No login: without the key no one can log in, and the file with its
    passphrase is the authority. A version-1 file (earlier releases) holds the database key only: the
    report names what the database still lacks."""
    found = key_export.read_export(Path(source), passphrase)
    db_path = Path(data_dir) / DB_FILENAME
    facts = None
    if db_path.exists() and db_path.stat().st_size > 0 and not cipher.is_plain(db_path):
        facts = _database_facts(db_path, found)
    private_dir(Path(data_dir))
    db_key.store_key(db_path, found.key_id, found.database_key)
    restored = ["database_key"]
    device_id = found.device_id or (facts.device_id if facts else None)
    if found.audit_key is not None and device_id:
        audit_key.store_key(device_id, found.audit_key)
        restored.append("audit_key")
    if found.audit_anchor and device_id:
        seq, _, digest = found.audit_anchor.partition(":")
        held = audit_key.load_anchor(device_id)
        if held is None or held.seq < int(seq):  # never moves the anchored head back
            audit_key.store_anchor(device_id, audit_key.Anchor(int(seq), digest))
            restored.append("audit_anchor")
    if found.sync_url and found.sync_secret and device_id:
        try:
            device_secret.store_secret(device_id, found.sync_url, found.sync_secret)
        except SyncError as exc:
            raise DomainError(exc.key, **exc.params) from None
        restored.append("sync_credential")
    missing: list[str] = []
    if facts is not None:
        if facts.keyed and facts.device_id and audit_key.load_key(facts.device_id) is None:
            missing.append("audit_key")
        if facts.central_url and facts.device_id and _find_sync_secret(facts.device_id, facts.central_url) is None:
            missing.append("sync_credential")
    return RestoreReport(found.key_id, found.version, device_id, tuple(restored), tuple(missing), facts is not None,
                         facts.central_url if facts else None)
