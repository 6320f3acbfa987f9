"""Sync use cases: enrolment, sync now, conflicts, rejected changes and sync packages."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed
from injury_desk.services.actor import Actor
from injury_desk.services.claim_facts import refresh_deadlines
from injury_desk.services.context import ServiceContext
from injury_desk.services.permissions import require
from injury_desk.store.audit_records import OUTBOX
from injury_desk.store.batches import in_batches
from injury_desk.store.own_files import refuse_own_file
from injury_desk.store.quick_read import driver_connection
from injury_desk.store.quick_sync import (  # noqa: F401 - the keys and rows re-exported, as before
    CREDENTIAL_GONE_KEYS,
    INSECURE_KEY,
    LAST_ERROR_KEY,
    LAST_OK_KEY,
    OFFICE_KEY,
    OLD_CREDENTIALS_KEY,
    TAG_KEY,
    URL_KEY,
    ConflictView,
    RejectedView,
    SyncStatus,
    conflict_views,
    old_credentials,
    rejected_views,
    sync_status,
)
from injury_desk.store.capture import audit_view, record_event
from injury_desk.store.database import ActorContext
from injury_desk.store.models import MODEL_BY_TABLE, Office, OutboxEntry, SyncConflict
from injury_desk.store.rowcodec import BadValue, check_value, to_python, writable_columns
from injury_desk.store.sql_values import placeholders
from injury_desk.sync.errors import Cancelled, SyncError

if TYPE_CHECKING:
    from injury_desk.sync.engine import SyncEngine, SyncReport, Transport
    from injury_desk.sync.http_transport import HttpTransport

# The sync engine, HTTP client, keyring and message models load on first use: the status bar asks for
# the sync status at start-up, and that needs only the database.

def _sync_error(exc: SyncError) -> DomainError:
    return DomainError(exc.key, **exc.params)


# The audit event and the Sync page's notice of a credential the keyring kept under an old address.
OLD_CREDENTIAL_KEPT = "sync.old_credential_kept"
# Child tables whose rows change a claim's clocks (services/claim_facts.py reads them).
CLAIM_FACT_TABLES = ("determinations", "appraisals", "assessments", "determination_suspensions", "deliveries")


class SyncService:
    def __init__(self, ctx: ServiceContext, transport_factory: Callable[[], Transport] | None = None) -> None:
        self.ctx = ctx
        self._transport_factory = transport_factory
        self._http: HttpTransport | None = None  # kept between syncs, so its token is reused until it expires

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    # ------------------------------------------------------------------ state

    def _setting(self, key: str) -> str | None:
        return self.ctx.db.setting(key)

    def is_enrolled(self) -> bool:
        return bool(self._setting(URL_KEY))

    def status(self, actor: Actor) -> SyncStatus:
        require(actor, "sync.run")
        with self.ctx.read() as s:  # the Sync page's quick start reads it by the same function
            return sync_status(driver_connection(s))

    def _after_pull(self, s: Session, ids_by_table: dict[str, list[str]]) -> None:
        """The stored governing deadline (local, derived, independent of today) of every claim whose facts
        were pulled is recomputed in bulk (services/claim_facts.py): a few queries per batch of ids."""
        claim_ids = set(ids_by_table.get("claims", []))
        con = driver_connection(s)  # plain reads: a pull names tens of thousands of rows
        for table in CLAIM_FACT_TABLES:
            for batch in in_batches(ids_by_table.get(table, [])):
                claim_ids.update(r[0] for r in con.execute(
                    f"SELECT claim_id FROM {table} WHERE id IN ({placeholders(batch)})", tuple(batch)))
        refresh_deadlines(s, claim_ids)

    # ------------------------------------------------------------------ enrolment

    def enrol(self, actor: Actor | None, central_url: str, code: str, *,
              allow_insecure_http: bool | None = None) -> str:
        """Registers this desktop with the central service; the credential goes to the keyring only.
        A new desktop has no users yet: the one-time code is then the only authority needed."""
        if actor is None:
            with self.ctx.read() as s:
                if s.scalar(select(func.count()).select_from(Office)):
                    raise DomainError("sync.login_required")
        else:
            require(actor, "sync.enrol")
        allow = self._insecure_allowed() if allow_insecure_http is None else allow_insecure_http
        from injury_desk.sync import device_secret
        from injury_desk.sync.engine import put_setting
        from injury_desk.sync.http_transport import HttpTransport, check_central_url

        # Both fields are checked before either refusal is raised: the user corrects them together.
        errors = []
        url = ""
        if not central_url.strip():
            errors.append(FieldError("central_url", "field.required"))
        else:
            try:
                url = check_central_url(central_url, allow_insecure_http=allow)
            except SyncError as exc:
                errors.append(FieldError("central_url", exc.key, exc.params))
        from injury_desk.protocol.messages import ENROL_CODE_LENGTH

        shortest, longest = ENROL_CODE_LENGTH
        if not code.strip():
            errors.append(FieldError("code", "field.required"))
        elif len(code.strip()) < shortest:  # the service would refuse it as malformed: say so before sending
            errors.append(FieldError("code", "field.too_short", {"min": shortest}))
        elif len(code.strip()) > longest:
            errors.append(FieldError("code", "field.too_long", {"max": longest, "actual": len(code.strip())}))
        if errors:
            raise ValidationFailed(errors)
        old_url = self._setting(URL_KEY) or ""
        if old_url and not self._credential_refused():
            raise DomainError("sync.already_enrolled", url=old_url)
        if allow and (actor is None or actor.role != "administrator"):
            raise DomainError("permission.denied", permission="sync.configure", role=actor.role if actor else "")
        try:
            device_secret.require_keyring()  # fail before the one-time code is used up
            reply = HttpTransport.enrol(url, code, self.ctx.db.device_id, socket.gethostname()[:200],
                                        office_id=actor.office_id if actor is not None else None,
                                        allow_insecure_http=allow)
        except SyncError as exc:
            if exc.key == "central.enrolment_code":
                raise ValidationFailed([FieldError("code", exc.key, exc.params)]) from None
            # Not "your changes are kept and will be sent later": nothing is waiting to be sent, the user enrols
            # again (and the code may have been used if only the answer was lost).
            if exc.key == "sync.network":
                raise DomainError("sync.enrol_network", **exc.params) from None
            if exc.key == "sync.timeout":
                raise DomainError("sync.enrol_timeout", **exc.params) from None
            raise _sync_error(exc) from None
        if actor is not None and reply.office_id != actor.office_id:
            # This database already holds another office's data: it cannot join a different office. (The service
            # refuses such a code itself, unused; this holds against one that predates that rule.)
            raise DomainError("sync.enrol_other_office", office=reply.office_code)
        try:
            device_secret.store_secret(reply.device_id, url, reply.device_secret)
        except SyncError as exc:
            raise _sync_error(exc) from None
        self.close()  # a transport kept from before holds the old credential's token
        who = ActorContext(actor.user_id if actor else None, reply.office_id)
        # Back at an address whose old credential was kept: the credential there is this enrolment's now.
        kept = old_credentials(self._setting(OLD_CREDENTIALS_KEY) or "")
        kept.pop(url, None)
        with self.ctx.db.write_pulled(who, "sync.enrol") as s:
            # The last error (the refused credential that led here) no longer describes this enrolment.
            for key, value in ((URL_KEY, url), (OFFICE_KEY, reply.office_id), (TAG_KEY, reply.device_tag),
                               (INSECURE_KEY, "1" if allow else "0"), (LAST_ERROR_KEY, ""),
                               (OLD_CREDENTIALS_KEY, json.dumps(kept) if kept else "")):
                put_setting(s, key, value)
            record_event(s, "sync.enrol", "local_settings", self.ctx.db.device_id,
                         {"central_url": url, "office": reply.office_code, "device_tag": reply.device_tag})
        if old_url and old_url != url:
            try:
                # Kept under the old address it would stay in the keyring for good: nothing reads it any more.
                device_secret.delete_secret(self.ctx.db.device_id, old_url)
            except SyncError as exc:
                # Enrolled all the same (the service refuses that old credential now), but the Sync page says it is
                # still in the keyring until a later sync manages to remove it, and the audit log keeps where.
                reason = str(exc.params.get("reason") or exc.params.get("backend") or exc.key)
                with self.ctx.db.write_pulled(who, OLD_CREDENTIAL_KEPT) as s:
                    put_setting(s, OLD_CREDENTIALS_KEY, json.dumps({**kept, old_url: reason}))
                    record_event(s, OLD_CREDENTIAL_KEPT, "local_settings", self.ctx.db.device_id,
                                 {"central_url": old_url, "reason": reason})
        return reply.device_tag

    def _credential_refused(self) -> bool:
        """Whether this enrolled desktop's credential is gone: the service no longer knows it (revoked, the device
        switched off) or the keyring lost it. Such a desktop may enrol again with a new code; its queue stays."""
        from injury_desk.sync import device_secret
        from injury_desk.sync.http_transport import HttpTransport

        url, device_id = self._setting(URL_KEY) or "", self.ctx.db.device_id
        try:
            transport = HttpTransport(url, device_id, lambda: device_secret.load_secret(device_id, url),
                                      allow_insecure_http=self._insecure_allowed())
        except SyncError:
            return False
        try:
            transport.check_credential()
        except SyncError as exc:
            # Unreachable, a server error or anything else does not show the credential is gone.
            return exc.key in CREDENTIAL_GONE_KEYS
        finally:
            transport.close()
        return False

    def first_pull(self, actor: Actor | None) -> SyncReport:
        """Right after enrolment: bring the office, its users and its rows down (no login needed yet)."""
        if actor is not None:
            return self.sync_now(actor)
        if not self.is_enrolled():
            raise DomainError("sync.not_enrolled")
        return self._run(None, remember=False)  # part of enrolment: the status starts at the first real sync

    def _insecure_allowed(self) -> bool:
        return self._setting(INSECURE_KEY) == "1"

    def set_insecure_http(self, actor: Actor, allowed: bool) -> None:
        from injury_desk.sync.engine import put_setting

        require(actor, "sync.configure")
        with self.ctx.db.write_pulled(ActorContext(actor.user_id, actor.office_id), "sync.configure") as s:
            put_setting(s, INSECURE_KEY, "1" if allowed else "0")
            record_event(s, "sync.configure", "local_settings", INSECURE_KEY, {"allow_insecure_http": allowed})
        # The next sync builds its transport under the new rule; one running now finishes with the old one
        # (closing it here would pull the connection from under that sync).
        self._http = None

    def _transport(self) -> Transport:
        if self._transport_factory is not None:
            return self._transport_factory()
        url = self._setting(URL_KEY)
        if not url:
            raise DomainError("sync.not_enrolled")
        from injury_desk.sync import device_secret
        from injury_desk.sync.http_transport import HttpTransport

        device_id = self.ctx.db.device_id
        if self._http is not None and self._http.url == url:
            return self._http
        try:
            device_secret.require_keyring()
            self._http = HttpTransport(url, device_id, lambda: device_secret.load_secret(device_id, url),
                                       allow_insecure_http=self._insecure_allowed())
        except SyncError as exc:
            raise _sync_error(exc) from None
        return self._http

    # ------------------------------------------------------------------ sync now

    def sync_now(self, actor: Actor, progress: Callable[[str, int, int], None] | None = None,
                 cancelled: Callable[[], bool] = lambda: False) -> SyncReport:
        """Push, pull and check; each step commits as it goes, so cancel or a failure loses nothing."""
        require(actor, "sync.run")
        return self._run(actor, progress, cancelled)

    def _run(self, actor: Actor | None, progress: Callable[[str, int, int], None] | None = None,
             cancelled: Callable[[], bool] = lambda: False, *, remember: bool = True) -> SyncReport:
        engine = self.engine_for(actor)
        transport = self._transport()
        try:
            report = engine.sync(transport, progress, cancelled)
        except SyncError as exc:
            if remember:
                self._remember(engine, {LAST_ERROR_KEY: json.dumps({"key": exc.key, "params": exc.params})})
            raise _sync_error(exc) from None
        except Cancelled:
            raise DomainError("sync.cancelled") from None
        if remember:
            values = {LAST_OK_KEY: datetime.now(timezone.utc).isoformat(timespec="seconds"), LAST_ERROR_KEY: ""}
            kept = old_credentials(engine.setting(OLD_CREDENTIALS_KEY, "") or "")
            if kept:
                left = self._remove_old_credentials(kept)
                values[OLD_CREDENTIALS_KEY] = json.dumps(left) if left else ""
            self._remember(engine, values)
        return report

    def _remove_old_credentials(self, kept: dict[str, str]) -> dict[str, str]:
        """Tries again to remove the credentials kept under old addresses; returns those still there."""
        from injury_desk.sync import device_secret

        left = {}
        current = self._setting(URL_KEY)
        for url, reason in kept.items():
            if url == current:  # enrolled there again since: that credential is the one in use
                continue
            try:
                device_secret.delete_secret(self.ctx.db.device_id, url)
            except SyncError:
                left[url] = reason
        return left

    def _remember(self, engine: SyncEngine, values: dict[str, str]) -> None:
        from injury_desk.sync.engine import put_setting

        with self.ctx.db.write_pulled(engine.actor, "sync.status") as s:
            for key, value in values.items():
                put_setting(s, key, value)

    # ------------------------------------------------------------------ conflicts

    def conflicts(self, actor: Actor, *, open_only: bool = True) -> list[ConflictView]:
        require(actor, "sync.run")
        with self.ctx.read() as s:
            return conflict_views(driver_connection(s), open_only=open_only)

    def resolve_conflict(self, actor: Actor, conflict_id: str, choice: str, value: Any = None) -> None:
        """Settles one conflict: keep the central value, take the local one, or write a new one.
        A changed value is an ordinary audited change, so it syncs as a normal mutation."""
        require(actor, "sync.resolve")
        if choice not in ("central", "local", "new"):
            raise ValidationFailed([FieldError("choice", "field.choice", {"value": choice})])
        with self.ctx.write(actor, "sync.resolve_conflict") as s:
            c = s.get(SyncConflict, conflict_id)
            if c is None or c.state != "open":
                raise DomainError("sync.conflict_gone")
            model = MODEL_BY_TABLE[c.table_name]
            row = s.get(model, c.row_id)
            if row is None:
                raise DomainError("sync.conflict_gone")
            chosen = {"central": c.central_value, "local": c.local_value, "new": value}[choice]
            column = writable_columns(model.__table__)[c.field]
            try:
                check_value(column, chosen)
            except BadValue as exc:
                raise ValidationFailed([FieldError(c.field, exc.key, exc.params)]) from None
            setattr(row, c.field, to_python(column, chosen))
            c.state = "resolved"
            c.resolved_by = actor.user_id
            c.resolution = {"choice": choice, "value": chosen}
            record_event(s, "sync.resolve_conflict", c.table_name, c.row_id,
                         {"field": c.field, "choice": choice, "value": chosen, "conflict": c.id})

    # ------------------------------------------------------------------ rejected changes

    def rejected(self, actor: Actor) -> list[RejectedView]:
        require(actor, "sync.run")
        with self.ctx.read() as s:
            return rejected_views(driver_connection(s))

    def correct_rejected(self, actor: Actor, seq: int, values: dict[str, Any]) -> None:
        """Fixes the values of a refused change and queues it again (as a new, complete mutation)."""
        require(actor, "sync.resolve")
        with self.ctx.write(actor, "sync.correct_rejected") as s:
            old = s.get(OutboxEntry, seq)
            if old is None or old.state != "rejected":
                raise DomainError("sync.rejected_gone")
            model = MODEL_BY_TABLE[old.table_name]
            row = s.get(model, old.row_id)
            columns = writable_columns(model.__table__)
            errors = []
            for name, value in values.items():
                if name not in columns or name == "office_id":
                    errors.append(FieldError(name, "sync.unknown_field", {"table": old.table_name, "field": name}))
                    continue
                try:
                    check_value(columns[name], value)
                except BadValue as exc:
                    errors.append(FieldError(name, exc.key, exc.params))
            if errors:
                raise ValidationFailed(errors)
            for name, value in values.items():
                setattr(row, name, to_python(columns[name], value))
            s.flush()
            new = s.scalars(select(OutboxEntry).where(OutboxEntry.row_id == old.row_id, OutboxEntry.seq > old.seq)
                            .order_by(OutboxEntry.seq.desc())).first()
            fields = dict(old.changes)
            for name, value in values.items():
                before = fields[name][0] if name in fields else (new.changes.get(name, [None])[0] if new else None)
                fields[name] = [before, value]
            if new is None:  # corrected to the values already there: queue the original change again
                raise DomainError("sync.correction_unchanged")
            new.op = old.op
            new.base_version = old.base_version
            new.changes = {**fields, **{k: v for k, v in new.changes.items() if k not in fields}}
            s.delete(old)
            record_event(s, "sync.correct_rejected", old.table_name, old.row_id,
                         {"replaces_seq": old.seq, "fields": sorted(values)})

    def discard_rejected(self, actor: Actor, seq: int) -> None:
        """Gives up a refused change: the row goes back to its values before it (an insert is withdrawn)."""
        require(actor, "sync.resolve")
        with self.ctx.db.write(ActorContext(actor.user_id, actor.office_id), "sync.discard_rejected",
                               applying_pulled=True) as s:
            old = s.get(OutboxEntry, seq)
            if old is None or old.state != "rejected":
                raise DomainError("sync.rejected_gone")
            model = MODEL_BY_TABLE[old.table_name]
            row = s.get(model, old.row_id)
            later = s.scalar(select(func.count()).select_from(OutboxEntry).where(
                OutboxEntry.row_id == old.row_id, OutboxEntry.seq > old.seq))
            if later:
                raise DomainError("sync.discard_has_later", count=later)
            columns = writable_columns(model.__table__)
            if row is not None:
                if old.op == "insert" and row.version == 0:
                    # The central store never had this row: withdraw it, so its unique values (a credit code)
                    # are free for the central row; the audit event keeps its content. A row other local rows
                    # still point to is tombstoned instead.
                    try:
                        with s.begin_nested():
                            s.execute(delete(model.__table__).where(model.__table__.c.id == old.row_id))
                        s.expunge(row)
                    except IntegrityError:
                        row.deleted = True
                elif old.op == "insert":
                    row.deleted = True
                else:
                    for name, (before, _after) in old.changes.items():
                        if name in columns:
                            setattr(row, name, to_python(columns[name], before))
            s.execute(delete(OutboxEntry).where(OutboxEntry.seq == old.seq))
            # The withdrawn row and the outbox entry are gone on purpose: recorded so under this event.
            record_event(s, "sync.discard_rejected", old.table_name, old.row_id,
                         {"seq": old.seq, "op": old.op, "changes": audit_view(old.table_name, old.changes)},
                         rows={old.table_name: [old.row_id], OUTBOX: [str(old.seq)]})

    # ------------------------------------------------------------------ packages

    def _package_key(self) -> str:
        from injury_desk.protocol.messages import package_key
        from injury_desk.sync import device_secret

        url = self._setting(URL_KEY)
        if not url:
            raise DomainError("sync.not_enrolled")
        try:
            return package_key(device_secret.load_secret(self.ctx.db.device_id, url))
        except SyncError as exc:
            raise _sync_error(exc) from None

    def export_package(self, actor: Actor, path: Path) -> int:
        require(actor, "sync.run")
        from injury_desk.sync import packages

        refuse_own_file(Path(path), self.ctx.db.path, field="file")  # the GUI's dialog as much as the command
        key = self._package_key()
        try:
            pkg = packages.export_package(self.engine_for(actor), Path(path), key)
        except SyncError as exc:
            raise _sync_error(exc) from None
        return pkg.package_seq

    def import_reply(self, actor: Actor, path: Path) -> SyncReport:
        require(actor, "sync.run")
        from injury_desk.sync import packages

        key = self._package_key()
        try:
            return packages.import_reply(self.engine_for(actor), Path(path), key)
        except SyncError as exc:
            raise _sync_error(exc) from None

    def engine_for(self, actor: Actor | None) -> SyncEngine:
        """The engine for this desktop's office (the enrolled one), acting as ``actor`` or as the sync itself."""
        from injury_desk.sync.engine import SyncEngine

        office = self._setting(OFFICE_KEY) or (actor.office_id if actor else "")
        return SyncEngine(self.ctx.db, office, actor.user_id if actor else None, after_pull=self._after_pull)
