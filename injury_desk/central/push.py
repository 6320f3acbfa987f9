"""Applies a batch of mutations in one central transaction. Idempotency rests on the device's contiguous sequence:
the device row keeps the highest sequence applied and the last batch's reply, and the batch is one audit event that
covers every mutation in order with its answer."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.exc import IntegrityError

from injury_desk.central.accounts import CentralError, DeviceAuth
from injury_desk.central.central_db import CentralStore
from injury_desk.central.id_lists import matching
from injury_desk.central.merge import CENTRAL_ONLY_TABLES, Outcome, Rejected, merge, referenced_rows, validate
from injury_desk.central.office_log import BATCH_ACTION, OfficeLog, insert_many, table_of
from injury_desk.central.tables import applied_mutations, central_audit, conflicts, devices, feed
from injury_desk.protocol.messages import (
    SCHEMA_VERSION,
    ConflictOut,
    Mutation,
    MutationResult,
    PushReply,
    PushRequest,
    bad_value_text,
)
from injury_desk.store.capture import audit_view
from injury_desk.store.models import User
from injury_desk.store.rowcodec import row_to_json, synced_table


def push(store: CentralStore, auth: DeviceAuth, req: PushRequest) -> PushReply:
    if req.schema_version != SCHEMA_VERSION:
        raise CentralError("sync.schema_version", 409, got=req.schema_version, expected=SCHEMA_VERSION)
    if req.device_id != auth.device_id:
        raise CentralError("sync.wrong_device", 403)
    seqs = [m.seq for m in req.mutations]
    if seqs != sorted(seqs) or len(set(seqs)) != len(seqs):
        raise CentralError("sync.batch_order", 400)
    try:
        with store.transaction(auth.office_id) as conn:
            return Batch(conn, auth).run(req.mutations, careful=False)
    except IntegrityError:
        # A database constraint refused something: redo the batch one mutation at a time, each in a
        # savepoint, so only the offending mutations are rejected.
        with store.transaction(auth.office_id) as conn:
            return Batch(conn, auth).run(req.mutations, careful=True)


class Batch:
    def __init__(self, conn: Connection, auth: DeviceAuth) -> None:
        self.conn = conn
        self.auth = auth
        self.office_id = auth.office_id
        self.log = OfficeLog(conn, auth.office_id, device_id=auth.device_id)
        # Locked for the batch (PostgreSQL; a SQLite store's writer holds the whole file already): a revocation
        # committed meanwhile is seen here, and one that comes later waits until this batch has committed, so no
        # batch of a revoked desktop is applied after its revocation's event.
        q = select(devices.c.last_seq, devices.c.last_batch, devices.c.active).where(
            devices.c.id == auth.device_id, devices.c.office_id == auth.office_id).with_for_update()
        dev = conn.execute(q).first()
        if dev is None or not dev.active:
            raise CentralError("central.device_unknown", 401)
        self.last_seq = dev.last_seq
        self.last_batch = dev.last_batch
        users = User.__table__.c
        self.users = {r.id: (r.role, r.active and not r.deleted) for r in conn.execute(
            select(users.id, users.role, users.active, users.deleted).where(users.office_id == auth.office_id))}
        self.cache: dict[tuple[str, str], dict[str, Any] | None] = {}
        self.ref_offices: dict[tuple[str, str], str] = {}  # (table, id) of a referenced row -> its office
        self.entries: list[dict[str, Any]] = []  # one per mutation processed, in order: the batch's audit event
        self.changed: tuple[Any, Any] = (None, None)  # audit before and after of the mutation being staged
        self.conflict_rows: list[dict[str, Any]] = []
        self.resolved: list[tuple[str, str, str, str]] = []
        self.open_conflicts: set[tuple[str, str, str]] = set()
        # Mutations whose values hold a NUL or a lone surrogate (seq -> rule, params): rejected alone, and never
        # looked up or written (PostgreSQL refuses a NUL in text, and a surrogate cannot be encoded at all).
        self.bad_text: dict[int, tuple[str, dict[str, Any]]] = {}

    def run(self, mutations: list[Mutation], *, careful: bool) -> PushReply:
        earlier = self._earlier([m.seq for m in mutations if m.seq <= self.last_seq])
        # Ids this device used lately (its last batch, the answers above, this batch): one of them again under a
        # new sequence number is refused. The sequence is the key now, so an older id would only be applied anew.
        recent = {mutation_id for mutation_id, _digest, _result in earlier.values()}
        fresh = [m for m in mutations if m.seq > self.last_seq]
        for m in fresh:
            problem = bad_value_text(m.changes)
            if problem is not None:
                self.bad_text[m.seq] = problem
        self._preload([m for m in fresh if m.seq not in self.bad_text])
        results: list[MutationResult] = []
        resend_from = None
        for m in mutations:
            if m.seq <= self.last_seq:
                known = earlier.get(m.seq)
                if known is not None and known[0] == m.mutation_id:
                    _id, digest, result = known
                    if digest is None or digest == mutation_digest(m):
                        results.append(MutationResult.model_validate(result))  # a resend: the same answer
                        continue
                    # The id of an earlier mutation with other content: refused, as an idempotency key reused for
                    # another request is; the earlier result stays as it was.
                    results.append(self._refused(m, "sync.mutation_reused"))
                    continue
                results.append(self._refused(m, "sync.sequence_reused"))
                continue
            if m.seq != self.last_seq + 1:
                resend_from = self.last_seq + 1
                break
            if m.mutation_id in recent:
                # Its number is used up (so the device's next change is no gap) and its answer kept like any other.
                result = self._refused(m, "sync.mutation_reused")
                self._record(m, result, None)
            elif careful:
                nested = self.conn.begin_nested()
                snapshot = dict(self.cache)
                counters = self.log.counters()
                entries = len(self.entries)
                try:
                    result = self._one(m)
                    self._flush()
                    nested.commit()
                except IntegrityError as exc:
                    nested.rollback()
                    self.cache = snapshot
                    self.log.restore(counters)
                    self._discard_staged()
                    del self.entries[entries:]
                    result = _result(mutation_id=m.mutation_id, seq=m.seq, status="rejected",
                                     reason="sync.constraint", params={"table": m.table, "detail": _short(exc)})
                    self._record(m, result, None)
            else:
                result = self._one(m)
            results.append(result)
            recent.add(m.mutation_id)
            self.last_seq = m.seq
        if self.entries:
            self.log.stage_audit(action=BATCH_ACTION, table="", row_id="", user_id=None,
                                 device_id=self.auth.device_id, mutation_id=None, before=None, after=None,
                                 first_seq=self.entries[0]["result"]["seq"], last_seq=self.last_seq,
                                 entries=self.entries)
            self.conn.execute(update(devices).where(devices.c.id == self.auth.device_id).values(
                last_seq=self.last_seq,
                last_batch={"digests": [e["digest"] for e in self.entries],
                            "results": [e["result"] for e in self.entries]}))
        self._flush()
        return PushReply(results=results, resend_from=resend_from, last_seq=self.last_seq)

    def _refused(self, m: Mutation, reason: str) -> MutationResult:
        return _result(mutation_id=m.mutation_id, seq=m.seq, status="rejected", reason=reason, params={"seq": m.seq})

    def _earlier(self, seqs: list[int]) -> dict[int, tuple[str, str | None, dict[str, Any]]]:
        """The answers already given for these device sequences: seq -> (mutation id, content digest, result).
        From the device's last batch (a lost reply: the usual resend), else from the batch audit events that
        cover them (a package carrying several batches again), else from the results stored per mutation
        before c0019. A sequence found nowhere has no answer to repeat."""
        found: dict[int, tuple[str, str | None, dict[str, Any]]] = {}
        last = self.last_batch or {}
        for digest, result in zip(last.get("digests", ()), last.get("results", ())):
            found[result["seq"]] = (result["mutation_id"], digest, result)
        missing = [q for q in seqs if q not in found]
        if missing:
            a = central_audit.c
            for entries in self.conn.execute(select(a.entries).where(
                    a.office_id == self.office_id, a.device_id == self.auth.device_id, a.action == BATCH_ACTION,
                    a.last_seq >= min(missing), a.first_seq <= max(missing))).scalars():
                for e in entries or ():
                    found[e["result"]["seq"]] = (e["result"]["mutation_id"], e["digest"], e["result"])
            missing = [q for q in missing if q not in found]
        if missing:
            am = applied_mutations.c
            for seqs_in in matching(self.conn, am.seq, missing):
                for r in self.conn.execute(select(am.seq, am.mutation_id, am.digest, am.result).where(
                        am.device_id == self.auth.device_id, am.office_id == self.office_id, seqs_in)):
                    found[r.seq] = (r.mutation_id, r.digest, r.result)
        return found

    # -------------------------------------------------------------- planning

    def _preload(self, mutations: list[Mutation]) -> None:
        by_table: dict[str, set[str]] = {}
        for m in mutations:
            by_table.setdefault(m.table, set()).add(m.row_id)
        c = conflicts.c
        for ids in matching(self.conn, c.row_id, {m.row_id for m in mutations}):
            self.open_conflicts.update(self.conn.execute(
                select(c.table_name, c.row_id, c.field).where(c.office_id == self.office_id, c.state == "open",
                                                               ids)).tuples())
        for name, row_ids in by_table.items():
            try:
                table = table_of(name)
            except KeyError:
                continue
            for rid in row_ids:
                self.cache[(name, rid)] = None
            for ids in matching(self.conn, table.c.id, row_ids):
                for row in self.conn.execute(select(table).where(ids)).mappings():
                    self.cache[(name, row["id"])] = row_to_json(table, row)
        # The offices of the rows the mutations point to (under row-level security only this office's are seen).
        wanted: dict[str, set[str]] = {}
        for m in mutations:
            if synced_table(m.table) is None:
                continue
            for _column, target, ref_id in referenced_rows(m, self.cache.get((m.table, m.row_id))):
                wanted.setdefault(target, set()).add(ref_id)
        for name, ref_ids in wanted.items():
            table = synced_table(name)
            if table is None:
                continue
            for ids in matching(self.conn, table.c.id, ref_ids):
                self.ref_offices.update(((name, r.id), r.office_id) for r in self.conn.execute(
                    select(table.c.id, table.c.office_id).where(ids)))

    def _edited_by_others(self, m: Mutation, current: dict[str, Any] | None) -> bool:
        if current is None or current["version"] == m.base_version:
            return False
        f = feed.c
        entry = self.conn.execute(select(f.device_id, f.seq, f.others_version).where(
            f.table_name == m.table, f.row_id == m.row_id, f.office_id == self.office_id)).first()
        if entry is None:
            return False  # a row this batch inserted: nobody else has written it
        # Versions are office sequence numbers. The feed keeps the row's writer and the highest version anyone else
        # wrote; what this batch staged for the row is this device's own and changes neither.
        others = (entry.others_version or 0) if entry.device_id == self.auth.device_id else entry.seq
        return others > m.base_version

    def _one(self, m: Mutation) -> MutationResult:
        try:
            if m.seq in self.bad_text:
                key, params = self.bad_text[m.seq]
                raise Rejected(key, table=m.table, **params)
            validate(m, self.office_id, self.users)
            current = self.cache.get((m.table, m.row_id))
            self._check_references(m, current)
            outcome = merge(m, current, self.office_id,
                            self._edited_by_others(m, current) if m.op == "delete" or
                            m.changes.get("deleted", (None, None))[1] is True else False)
        except Rejected as exc:
            result = _result(mutation_id=m.mutation_id, seq=m.seq, status="rejected", reason=exc.key,
                             params=exc.params)
            self._record(m, result, None)
            return result
        self.changed = (None, None)
        result = self._stage(m, current, outcome)
        self._record(m, result, *self.changed)
        return result

    def _check_references(self, m: Mutation, current: dict[str, Any] | None) -> None:
        """Every row ``m`` points to must be a row of this office: one staged earlier in this batch, or one the
        central store holds. A row of another office and a row nobody holds get the same answer, so the answer
        tells nothing of other offices."""
        for column, target, ref_id in referenced_rows(m, current):
            staged = self.cache.get((target, ref_id))
            office = staged["office_id"] if staged is not None else self.ref_offices.get((target, ref_id))
            if office != self.office_id or synced_table(target) is None or target in CENTRAL_ONLY_TABLES:
                raise Rejected("sync.reference_outside_office", table=m.table, field=column, target=target)

    def _stage(self, m: Mutation, current: dict[str, Any] | None, out: Outcome) -> MutationResult:
        row = out.row
        clean = False
        if out.applied:
            assert row is not None
            row = dict(row)
            row["version"] = self.log.next_version()
            row["updated_by"] = m.user_id
            row["updated_at"] = _device_time(m.at)
            self.cache[(m.table, m.row_id)] = row
            self.log.stage_row(m.table, row, inserted=out.inserted)
            self.changed = (audit_view(m.table, out.before) or None,
                            {**audit_view(m.table, out.applied), "version": row["version"]})
            # Nothing but this mutation changed the row: the desktop already holds it, so send the version only.
            clean = not out.conflicts and (current is None or current["version"] == m.base_version)
        found = []
        for name, base, central, client in out.conflicts:
            cid = str(uuid.uuid4())
            version = row["version"] if row else 0
            self.conflict_rows.append({"id": cid, "office_id": self.office_id, "table_name": m.table,
                                       "row_id": m.row_id, "field": name, "base": base, "central": central,
                                       "client": client, "central_version": version,
                                       "mutation_id": m.mutation_id, "device_id": self.auth.device_id,
                                       "state": "open"})
            found.append(ConflictOut(conflict_id=cid, table=m.table, row_id=m.row_id, field=name, base=base,
                                     central=central, client=client, central_version=version))
        # A later change to a field settles its open conflicts (a person chose; the choice synced as this).
        for name in out.applied:
            if (m.table, m.row_id, name) in self.open_conflicts:
                self.open_conflicts.discard((m.table, m.row_id, name))
                self.resolved.append((m.table, m.row_id, name, m.mutation_id))
        return _result(mutation_id=m.mutation_id, seq=m.seq, status=out.status,
                       version=row["version"] if row else None, row=None if clean else row, conflicts=found)

    def _record(self, m: Mutation, result: MutationResult, before: Any, after: Any = None) -> None:
        """The mutation's entry in the batch's audit event: what it said (digest), who, what it changed (before and
        after, as audit events show them, never a password hash) and the answer it got, to be given again."""
        self.entries.append({"digest": mutation_digest(m), "table": m.table, "row_id": m.row_id, "op": m.op,
                             "user_id": m.user_id, "before": before, "after": after,
                             "result": result.model_dump(mode="json", exclude_defaults=True)})

    # -------------------------------------------------------------- writing

    def _flush(self) -> None:
        self.log.flush()
        if self.conflict_rows:
            insert_many(self.conn, conflicts, self.conflict_rows)
        for table, row_id, name, mutation_id in self.resolved:
            c = conflicts.c
            self.conn.execute(update(conflicts).where(c.office_id == self.office_id, c.table_name == table,
                                                      c.row_id == row_id, c.field == name, c.state == "open")
                              .values(state="resolved", resolved_by=mutation_id))
        self._discard_staged()

    def _discard_staged(self) -> None:
        self.log.discard()
        self.conflict_rows = []
        self.resolved = []


_DIGESTED_FIELDS = tuple(name for name in Mutation.model_fields if name != "mutation_id")


def _result(**fields: Any) -> MutationResult:
    """An answer the service makes itself from a checked mutation and its own rows: built without validating it
    again (7 % of a push's processor under cProfile; the answers it keeps for a resend are read back validated)."""
    return MutationResult.model_construct(**fields)


def mutation_digest(m: Mutation) -> str:
    """SHA-256 of everything a mutation says but its id: equal for a resend, different for a reused id."""
    # The model's fields as they are (its values are JSON's own types; json writes a (before, after) pair as the list
    # model_dump made of it, so digests stored before 2026-12-07 still match), without a pydantic dump per mutation.
    body = json.dumps({name: getattr(m, name) for name in _DIGESTED_FIELDS}, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False)
    # surrogatepass: a lone surrogate in a value (such a mutation is rejected, and its answer kept for a resend)
    # has bytes to digest; any other text encodes as before, so earlier digests still match.
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def _device_time(at: str) -> str:
    """The device's timestamp is kept as information only; a malformed one becomes the server's."""
    try:
        parsed = datetime.fromisoformat(at)
        if parsed.tzinfo is not None:
            return parsed.astimezone(timezone.utc).isoformat()
    except (ValueError, OverflowError):
        pass
    return datetime.now(timezone.utc).isoformat()


def _short(exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc)).splitlines()[0]
    return text[:200]
