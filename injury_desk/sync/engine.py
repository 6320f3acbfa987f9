"""The desktop side of sync: push the outbox, pull the office feed, check the state hash and repair."""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from operator import itemgetter
from typing import Any, Protocol

from sqlalchemy import bindparam, delete, select, text, update
from sqlalchemy.orm import Session

from injury_desk.protocol.messages import (
    MAX_BATCH,
    MAX_PAGE,
    SCHEMA_VERSION,
    AnchorReply,
    AnchorRequest,
    AuditHead,
    Mutation,
    PushReply,
    PushRequest,
    format_state_hash,
    office_state_digests,
)
from injury_desk.store.audit_key import Anchor, load_anchor, store_anchor
from injury_desk.store.audit_records import OUTBOX, contents_as_bound
from injury_desk.store.batches import in_batches
from injury_desk.store.capture import AUDIT_HEAD_KEY, GENESIS_HASH, record_event
from injury_desk.store.cipher import sqlite
from injury_desk.store.database import ActorContext, Database
from injury_desk.store.models import MODEL_BY_TABLE, SYNCED_MODELS, LocalSetting, OutboxEntry
from injury_desk.store.rowcodec import sqlite_converters
from injury_desk.store.quick_read import driver_connection
from injury_desk.store.read_model import ListFill, add_missing_list_rows
from injury_desk.sync import kept_state
from injury_desk.sync.errors import Cancelled, SyncError

# Tables the local claims list (a read model kept by triggers) is built from.
READ_MODEL_SOURCES = frozenset({"claims", "people", "employers"})

# Rows asked for per page (the protocol allows up to MAX_PAGE). The desktop holds up to three pages as Python
# objects (the one it applies, the next, the one being read), several times their JSON: pages of 5,000 claims
# (14 MB of JSON each) took a pull's peak about 100 MiB above its resting size, and only in offices that have
# that many claims, so the peak grew with the office. At 500, a page arrives while the one before is applied (the
# service answers well within that): the extra round trips cost no time, and the peak is the same for any office.
PAGE_SIZE = min(500, MAX_PAGE)
FIRST_PAGE_SIZE = 500
GROUP_ROWS = 50_000  # pulled rows per local transaction at most
GROUP_HOLD_S = 1.5  # no further part of a page joins a pull transaction that has held the write lock this long
GROUP_WAIT_S = 0.5  # how long a pull transaction waits for the next page before it commits
# A page is applied in parts of at most this many rows, so one transaction never holds the write lock for much
# longer than GROUP_HOLD_S whatever the page brings: a part of claims (the claims list and its trigram index
# follow each row) takes about 0.7 s here, a part of most tables a tenth of that.
PART_ROWS = 500
# Between two pull transactions the saves of this process that wait go first (for at most YIELD_LONGEST_S), and
# while another process has the database open the write lock stays free for YIELD_S: longer than SQLite's
# longest sleep while it waits for a lock (100 ms), so a writer there gets its turn.
YIELD_S = 0.15
YIELD_LONGEST_S = 2.0
# Rows upserted under one savepoint (kept so that a row refused for a local unique value can be held back alone).
# SQLite keeps in memory (this build's temp store) a copy of every page a savepoint changes that was there before
# it: 500 claims, whose random ids and list columns touch a different leaf of every index, took about 25 MiB more once
# the office's indexes had grown past a few hundred leaves (SQLite's heap peaked at 39 MiB pulling 100,000 rows,
# 14 MiB pulling 11,000). Fifty rows keep it to a few MiB; the extra savepoints cost nothing measurable.
SAVEPOINT_ROWS = 50
ROWS_PER_REQUEST = 1000  # rows a state repair asks the service for at once
# Pulls a state check makes at most to reach the feed position of the service's state hash (other desktops of the
# office push meanwhile); after that the office is too busy to compare this time, which is no drift.
STATE_CATCH_UP = 3
CURSOR_KEY = "sync.cursor"

# Per table, an upsert's savepoints in order: the rows each bound, and whether every one of them was written.
Savepoints = dict[str, list[tuple[list[list[Any]], bool]]]

# Tables in dependency order (parents first), so a page applies parents before children.
TABLE_ORDER = [t.name for t in SYNCED_MODELS[0].metadata.sorted_tables if t.name in MODEL_BY_TABLE]


class Transport(Protocol):
    def push(self, req: PushRequest) -> PushReply: ...
    def anchor(self, req: AnchorRequest) -> AnchorReply: ...
    def pull(self, cursor: int, limit: int) -> dict[str, Any]: ...
    def state(self) -> dict[str, Any]: ...
    def versions(self) -> list[list[Any]]: ...
    def rows(self, table: str, ids: list[str]) -> list[dict[str, Any]]: ...


Progress = Callable[[str, int, int], None]  # phase, done, total (0 when unknown)


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    held_back: int = 0  # pulled rows not applied because the row has unsent or rejected local changes
    repaired: int = 0
    state_ok: bool | None = None  # None: not compared (a package, or the office kept changing: state_busy)
    state_busy: bool = False  # the office's other desktops kept sending while this one caught up to compare
    drift_rows: list[tuple[str, str]] = field(default_factory=list)
    anchor: str = ""  # the service's verdict on this desktop's audit chain head (diverged: it was rewritten)
    longest_hold_s: float = 0.0  # the longest a pull transaction held the write lock (its commit included)


def _never() -> bool:
    return False


def put_setting(session: Session, key: str, value: str) -> None:
    """Set a sync setting (cursor, package sequence, central address ...) inside the caller's transaction."""
    session.execute(text("INSERT INTO local_settings(key, value) VALUES (:k, :v) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value"), {"k": key, "v": value})


class SyncEngine:
    """One desktop database, syncing as one office. ``after_pull`` lets services recompute derived columns."""

    def __init__(self, db: Database, office_id: str, user_id: str | None = None, *,
                 after_pull: Callable[[Session, dict[str, list[str]]], None] | None = None) -> None:
        self.db = db
        self.office_id = office_id
        self.actor = ActorContext(user_id, office_id)  # type: ignore[arg-type] - None: the sync itself
        self.after_pull = after_pull
        self.refused: list[tuple[str, str, str]] = []  # pulled rows a local unique value kept out
        self.read_model_stale = False  # claims, people or employers were written: the claims list may lag
        # While a pull transaction applies its parts: the ids they wrote, for after_pull once before it commits,
        # and the claims whose list rows it adds in one statement then (store/read_model.py).
        self._deferred: dict[str, list[str]] | None = None
        self._list_fill: ListFill | None = None
        self._log_pause: kept_state.LogPause | None = None

    # ------------------------------------------------------------------ settings

    def setting(self, key: str, default: str | None = None) -> str | None:
        value = self.db.setting(key)
        return default if value is None else value

    def cursor(self) -> int:
        return int(self.setting(CURSOR_KEY, "0") or 0)

    # ------------------------------------------------------------------ whole sync

    def sync(self, transport: Transport, progress: Progress | None = None,
             cancelled: Callable[[], bool] = _never) -> SyncReport:
        report = SyncReport()
        self.push(transport, report, progress, cancelled)
        self.pull(transport, report, progress, cancelled)
        self.check_state(transport, report, repair=True)
        self.anchor(transport, report)
        return report

    # ------------------------------------------------------------------ audit chain anchoring

    def _head_at(self, seq: int) -> AuditHead:
        """This database's own event ``seq`` (a hash of zeros when there is none)."""
        with self.db.read() as s:
            found = s.scalar(text("SELECT hash FROM audit_events WHERE seq = :s"), {"s": seq})
        return AuditHead(seq=seq, hash=found or GENESIS_HASH)

    def anchor_request(self, acked: Anchor | None = None) -> AnchorRequest:
        """The chain head to anchor, and this chain's event at the last head the service acknowledged (kept in
        the keyring, where a copy of the database file cannot rewind it)."""
        head = self.setting(AUDIT_HEAD_KEY) or f"0:{GENESIS_HASH}"
        seq, digest = head.split(":", 1)
        acked = acked or load_anchor(self.db.device_id)
        return AnchorRequest(schema_version=SCHEMA_VERSION, device_id=self.db.device_id,
                             head=AuditHead(seq=int(seq), hash=digest),
                             proof=self._head_at(acked.seq) if acked else None)

    def take_anchor(self, reply: AnchorReply, report: SyncReport) -> None:
        """Keeps the head the service anchored once this chain is seen to hold it; a chain that does not is
        flagged (the service flagged it too) and audited, and `check` reports it from then on."""
        report.anchor = reply.verdict
        anchored = reply.anchored
        if anchored is None:
            return
        mine = self._head_at(anchored.seq).hash
        if reply.verdict != "diverged" and mine == anchored.hash:
            store_anchor(self.db.device_id, Anchor(anchored.seq, anchored.hash))
            return
        report.anchor = "diverged"
        if mine != anchored.hash:
            store_anchor(self.db.device_id, Anchor(anchored.seq, anchored.hash))
        with self.db.write_pulled(self.actor, "audit.anchor_diverged") as s:
            record_event(s, "audit.anchor_diverged", "audit_events", self.db.device_id,
                         {"anchored_seq": anchored.seq, "anchored_hash": anchored.hash, "local_hash": mine})

    def anchor(self, transport: Transport, report: SyncReport | None = None) -> SyncReport:
        """Sends the head after the work is synced. A service that cannot record it now (busy, unreachable)
        does not undo the sync: the head is sent again with the next one (``anchor`` says "not_anchored")."""
        report = report or SyncReport()
        acked = load_anchor(self.db.device_id)
        request = self.anchor_request(acked)
        if (acked is not None and request.proof is not None and request.proof.hash == acked.hash
                and (request.head.seq, request.head.hash) == (acked.seq, acked.hash)):
            # The service acknowledged this very head already (nothing was written since): nothing to anchor,
            # and no write waits for the service's lock.
            report.anchor = "unchanged"
            return report
        try:
            reply = transport.anchor(request)
            self.take_anchor(reply, report)
            if report.anchor == "unproven":  # the acknowledgement of an earlier head was lost: prove it now
                self.take_anchor(transport.anchor(self.anchor_request()), report)
        except SyncError as exc:
            if not exc.retryable:
                raise
            report.anchor = "not_anchored"
        return report

    # ------------------------------------------------------------------ push

    def pending_count(self) -> int:
        with self.db.read() as s:
            return s.scalar(select(text("count(*)")).select_from(OutboxEntry).where(OutboxEntry.state == "pending"))

    def _batch(self, from_seq: int | None, *, after: int | None = None) -> list[Mutation]:
        """The next batch: the first pending changes (after the device sequence ``after``, when given), or,
        from ``from_seq`` on, the changes a reply asked to be sent again (refused ones included)."""
        with self.db.read() as s:
            # Plain rows (no ORM identity map): to_mutation reads the same attributes from them.
            q = select(*OutboxEntry.__table__.c).order_by(OutboxEntry.seq).limit(MAX_BATCH)
            if from_seq is None:
                q = q.where(OutboxEntry.state == "pending")
                if after is not None:
                    q = q.where(OutboxEntry.seq > after)
            else:
                q = q.where(OutboxEntry.seq >= from_seq, OutboxEntry.state.in_(("pending", "rejected")))
            return [to_mutation(e) for e in s.execute(q)]

    def push(self, transport: Transport, report: SyncReport | None = None, progress: Progress | None = None,
             cancelled: Callable[[], bool] = _never) -> SyncReport:
        report = report or SyncReport()
        total = self.pending_count()
        resend_from: int | None = None
        # Batches go one at a time and in order, but the desktop's own work hides behind the service's: while the
        # service applies a batch, the next one is read; once its answer came, that next batch is sent before the
        # answer is applied. A failure after that leaves the next batch applied centrally and its changes still in
        # the outbox here: the next sync sends them again and gets the same answers (exactly once).
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-push-ahead")
        try:
            batch = self._batch(None)
            sent: Future[PushReply] | None = None
            while True:
                if cancelled():
                    raise Cancelled()
                if not batch:
                    if resend_from is not None:
                        raise SyncError("sync.sequence_gap", expected=resend_from, first=0)
                    break
                if resend_from is not None and batch[0].seq != resend_from:
                    raise SyncError("sync.sequence_gap", expected=resend_from, first=batch[0].seq)
                if sent is None:
                    sent = pool.submit(transport.push, self._push_request(batch))
                ahead = self._batch(None, after=batch[-1].seq) if resend_from is None else []
                reply = sent.result()
                sent = None
                answered = {r.mutation_id for r in reply.results}
                if (ahead and reply.resend_from is None and all(m.mutation_id in answered for m in batch)
                        and not cancelled()):
                    sent = pool.submit(transport.push, self._push_request(ahead))
                self.apply_push_reply(reply, report)
                if reply.resend_from is not None:
                    if resend_from is not None and reply.resend_from == resend_from and not reply.results:
                        raise SyncError("sync.sequence_gap", expected=resend_from, first=batch[0].seq)
                    resend_from = reply.resend_from
                else:
                    resend_from = None
                if progress:
                    progress("push", report.pushed, total)
                # Every change of the batch answered and nothing to send again: the batch after it is the one read
                # ahead (already on its way). Otherwise the outbox says what comes next, as the reply left it.
                batch = ahead if sent is not None else self._batch(resend_from)
        finally:
            # Never wait for a batch sent ahead of a failure or a cancel: the next sync sends it again.
            pool.shutdown(wait=False, cancel_futures=True)
        return report

    def _push_request(self, batch: list[Mutation]) -> PushRequest:
        return PushRequest(schema_version=SCHEMA_VERSION, device_id=self.db.device_id, mutations=batch)

    def apply_push_reply(self, reply: PushReply, report: SyncReport | None = None) -> None:
        """Clears what the central store answered, records conflicts and rejections, updates versions."""
        report = report or SyncReport()
        if not reply.results:
            return
        ids = [r.mutation_id for r in reply.results]
        with self.db.write_pulled(self.actor, "sync.push") as s:
            entries = {e.mutation_id: (e.table_name, e.row_id, e.office_id)
                       for e in s.execute(select(OutboxEntry.mutation_id, OutboxEntry.table_name, OutboxEntry.row_id,
                                                 OutboxEntry.office_id).where(OutboxEntry.mutation_id.in_(ids)))}
            seqs = dict(s.execute(select(OutboxEntry.mutation_id, OutboxEntry.seq)
                                  .where(OutboxEntry.mutation_id.in_(ids))).tuples().all())
            rejected_seqs: list[str] = []
            done = [r.mutation_id for r in reply.results if r.status != "rejected" and r.mutation_id in entries]
            for chunk in in_batches(done):
                s.execute(delete(OutboxEntry).where(OutboxEntry.mutation_id.in_(chunk)))
            last: dict[tuple[str, str], Any] = {}
            for r in reply.results:
                where = entries.get(r.mutation_id)
                if where is None:
                    continue  # already handled by an earlier reply to the same batch
                table, row_id, office_id = where
                report.pushed += 1
                if r.status == "rejected":
                    report.rejected += 1
                    rejected_seqs.append(str(seqs[r.mutation_id]))
                    s.execute(update(OutboxEntry).where(OutboxEntry.mutation_id == r.mutation_id).values(
                        state="rejected", reject_reason=json.dumps({"key": r.reason, "params": r.params},
                                                                   ensure_ascii=False)))
                    continue
                report.applied += r.status == "applied"
                for c in r.conflicts:
                    report.conflicts += 1
                    s.execute(text(
                        "INSERT OR IGNORE INTO sync_conflicts (id, table_name, row_id, office_id, field, base_value,"
                        " central_value, local_value, central_version, mutation_id, detected_at, state)"
                        " VALUES (:id, :t, :r, :o, :f, :b, :c, :l, :v, :m, :at, 'open')"),
                        {"id": c.conflict_id, "t": table, "r": row_id, "o": office_id, "f": c.field,
                         "b": json.dumps(c.base), "c": json.dumps(c.central), "l": json.dumps(c.client),
                         "v": c.central_version, "m": r.mutation_id, "at": _now_sqlite()})
                last[(table, row_id)] = r
            held = _held_rows(s, {rid for _t, rid in last})
            rows: dict[str, list[dict[str, Any]]] = {}
            versions: dict[str, list[dict[str, Any]]] = {}
            for (table, row_id), r in last.items():
                if row_id in held:
                    continue  # a later local change is still unsent: the row stays as the user left it
                if r.row is not None:
                    rows.setdefault(table, []).append(r.row)
                elif r.version is not None:
                    versions.setdefault(table, []).append({"b_id": row_id, "b_version": r.version})
            for table, params in versions.items():  # one statement per table, executed for every row
                t = MODEL_BY_TABLE[table].__table__
                s.execute(update(t).where(t.c.id == bindparam("b_id"), t.c.version < bindparam("b_version"))
                          .values(version=bindparam("b_version")), params)
            batches = {t: Rows.from_dicts(t, batch) for t, batch in rows.items()}
            written, contents = self._written(batches, self._upsert(s, batches))
            self._take_refused(report)
            # Answered changes leave the outbox (check accepts a missing entry up to last_seq); refused ones
            # and the rows the service sent back are recorded as they are now.
            record_event(s, "sync.push", "outbox", self.db.device_id,
                         {"answered": len(reply.results), "last_seq": reply.last_seq},
                         rows={**written, **({OUTBOX: rejected_seqs} if rejected_seqs else {})}, contents=contents)

    # ------------------------------------------------------------------ pull

    def pull(self, transport: Transport, report: SyncReport | None = None, progress: Progress | None = None,
             cancelled: Callable[[], bool] = _never) -> SyncReport:
        report = report or SyncReport()
        cursor = self.cursor()
        # While one page is applied locally, the next is already requested (the service reads and sends it
        # meanwhile). Pages are applied in order, in parts (PART_ROWS), several parts and pages in one local
        # transaction while it has held the write lock less than GROUP_HOLD_S: a transaction writes the index
        # pages it touched once more, so fewer commits write less, and a save waits a few seconds at most.
        # The cursor moves with the last part of its page, so a transaction moves it past exactly the pages it
        # finished; a part committed before its page's cursor is applied again by the next pull (the same
        # versions: nothing changes).
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull-ahead")
        # What the committed transactions wrote is copied from the write-ahead log into the database file while
        # the next ones are applied (SQLite does it without the GIL, on its own connection, taking no write lock):
        # the checkpoint after the last one has only that one's pages left to copy.
        saver = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull-checkpoint")
        saving: Future[None] | None = None
        ahead: Future[dict[str, Any]] | None = None
        parts: deque[tuple[dict[str, Any], bool]] = deque()  # (part of a page, whether it ends its page)
        more = True
        try:
            while more or parts:
                if cancelled():
                    raise Cancelled()
                if not parts:
                    # Waited for outside any transaction. The first page is small, so applying starts while the
                    # full pages are on their way.
                    page = ahead.result() if ahead is not None else transport.pull(cursor, FIRST_PAGE_SIZE)
                    ahead = self._take_page(page, parts, pool, transport)
                    more = bool(page.get("more"))
                with self.db.write_pulled(self.actor, "sync.pull", durable=False) as s:
                    rows = 0
                    started = time.monotonic()
                    # Derived columns (a claim's deadline) follow once per transaction, over every row its parts
                    # wrote, just before it commits: a claim whose decision and appraisal arrive in later parts is
                    # recomputed once, not once per part, and every committed state is still consistent.
                    self._deferred = {}
                    self._list_fill = ListFill()
                    self._log_pause = kept_state.LogPause(self.office_id)
                    while True:
                        part, ends_page = parts.popleft()
                        rows += self._apply_page(s, part, report, move_cursor=ends_page)
                        if ends_page:
                            cursor = int(part["cursor"])
                            if progress:
                                progress("pull", report.pulled, 0)
                        held = time.monotonic() - started
                        if parts:
                            if held >= GROUP_HOLD_S or cancelled():
                                break
                            continue
                        # Commit now unless the next page is (almost) here and the lock has not been held
                        # long: a user's save waits at most a few seconds (its busy timeout is 10 s).
                        if (not more or rows >= GROUP_ROWS or ahead is None or cancelled()
                                or held >= GROUP_HOLD_S or not _arrives(ahead, GROUP_WAIT_S)):
                            break
                        page = ahead.result()
                        ahead = self._take_page(page, parts, pool, transport)
                        more = bool(page.get("more"))
                    deferred, self._deferred = self._deferred, None
                    if deferred and self.after_pull is not None:
                        self.after_pull(s, deferred)
                    # After the deadlines: each new claim's list row is made once, with its final values.
                    list_fill, self._list_fill = self._list_fill, None
                    list_fill.finish(driver_connection(s))
                    log_pause, self._log_pause = self._log_pause, None
                    log_pause.finish(driver_connection(s))
                report.longest_hold_s = max(report.longest_hold_s, time.monotonic() - started)
                if more or parts:
                    if saving is None or saving.done():
                        saving = saver.submit(self.db.checkpoint)
                    self.db.let_writers_in(YIELD_LONGEST_S, YIELD_S)  # a waiting save goes first
            saver.shutdown(wait=True)  # its failure, if any, is this one's to report
            self.db.checkpoint()
        finally:
            self._deferred = self._list_fill = self._log_pause = None
            # Never wait for a request made ahead of a failure or a cancel: its answer is simply dropped.
            pool.shutdown(wait=False, cancel_futures=True)
            saver.shutdown(wait=True)  # the database may be closed next: nothing of the pull's may still use it
        return report

    @staticmethod
    def _take_page(page: dict[str, Any], parts: deque[tuple[dict[str, Any], bool]], pool: ThreadPoolExecutor,
                   transport: Transport) -> Future[dict[str, Any]] | None:
        """Queues the parts of ``page`` and requests the page after it; returns that request (None at the end)."""
        following = _next_cursor(page)
        ahead = pool.submit(transport.pull, following, PAGE_SIZE) if following is not None else None
        split = _page_parts(page, PART_ROWS)
        parts.extend((part, i == len(split) - 1) for i, part in enumerate(split))
        return ahead

    def apply_pull_page(self, page: dict[str, Any], report: SyncReport | None = None) -> None:
        """One page and its cursor in one local transaction; rows with local changes are held back."""
        report = report or SyncReport()
        with self.db.write_pulled(self.actor, "sync.pull", durable=False) as s:
            self._apply_page(s, page, report)

    def _apply_page(self, s: Session, page: dict[str, Any], report: SyncReport, *, move_cursor: bool = True) -> int:
        """Applies one page (or a part of one) and moves the cursor past it (unless it is a part before its page's
        last), in the caller's transaction; returns its rows."""
        try:
            new_cursor = int(page["cursor"])
            tables = [(str(t["table"]), t["columns"], t["rows"]) for t in page.get("tables") or []]
        except (KeyError, TypeError, ValueError, AttributeError):
            raise SyncError("sync.bad_reply", retryable=True) from None
        received = 0
        batches: dict[str, Rows] = {}
        for name, columns, values in tables:
            if name not in MODEL_BY_TABLE or name in batches:
                raise SyncError("sync.bad_reply", retryable=False, table=name)
            batches[name] = Rows.checked(name, columns, values)
            received += len(values)
        held = _held_rows(s, (rid for b in batches.values() for rid in b.ids()))
        if held:
            for b in batches.values():
                b.drop(held)
        report.held_back += len(held)
        written, contents = self._written(batches, self._upsert(s, batches))
        self._take_refused(report)
        if move_cursor:
            old_cursor = int(s.scalar(select(LocalSetting.value).where(LocalSetting.key == CURSOR_KEY)) or 0)
            put_setting(s, CURSOR_KEY, str(max(old_cursor, new_cursor)))
        report.pulled += received
        if received:
            record_event(s, "sync.pull", "feed", self.office_id,
                         {"rows": received, "held_back": len(held), "cursor": new_cursor}, rows=written,
                         contents=contents)
        return received

    def _upsert(self, s: Session, batches: dict[str, Rows]) -> Savepoints:
        """Upserts the batches in dependency order; returns, per table, its savepoints in order: their rows as
        bound, and whether every one of them was written."""
        savepoints: Savepoints = {}
        if not batches:
            return savepoints
        raw = driver_connection(s)
        for table_name in TABLE_ORDER:
            batch = batches.get(table_name)
            if not batch or not batch.values:
                continue
            names, sql, special = _upsert_plan(table_name)
            if table_name == "claims" and self._list_fill is not None:
                self._list_fill.claims_written(raw, batch.ids())
            if self._log_pause is not None:
                self._log_pause.table_written(raw, table_name)
            try:
                params = batch.values_for(names)
                for i, convert in special:
                    convert(params, i)
            except (KeyError, TypeError, ValueError, IndexError) as exc:
                raise SyncError("sync.bad_reply", table=table_name, reason=str(exc)[:100]) from None
            chunks = savepoints[table_name] = []
            for start in range(0, len(params), SAVEPOINT_ROWS):
                chunk = params[start:start + SAVEPOINT_ROWS]
                chunks.append((chunk, self._upsert_rows(raw, table_name, names, sql, chunk)))
        if batches.keys() & READ_MODEL_SOURCES:
            self.read_model_stale = True
        if self.after_pull is not None:
            written = {t: b.ids() for t, b in batches.items() if b.values}
            if self._deferred is None:
                self.after_pull(s, written)
            else:
                for table, ids in written.items():
                    self._deferred.setdefault(table, []).extend(ids)
        return savepoints

    def _upsert_rows(self, raw: Any, table_name: str, names: list[str], sql: str, params: list[list[Any]]) -> bool:
        """Upserts rows of one table under a savepoint of their own (see SAVEPOINT_ROWS); returns whether every
        row was written as bound (none refused, none kept out by a newer stored copy)."""
        raw.execute("SAVEPOINT pulled_rows")
        try:
            try:
                # The rows the statement itself changed: an upsert whose WHERE kept the stored row counts none.
                every_row = raw.executemany(sql, params).rowcount == len(params)
            except sqlite.IntegrityError:
                every_row = False
                # A local row holds a unique value the central row needs (say, the same credit code saved
                # offline on two desktops and refused centrally for this one): apply the others one by
                # one and hold this row back; it stays visible as drift until the user settles it.
                raw.execute("ROLLBACK TO pulled_rows")
                id_at = names.index("id")
                for p in params:
                    raw.execute("SAVEPOINT pulled_row")
                    try:
                        raw.execute(sql, p)
                    except sqlite.IntegrityError as exc:
                        raw.execute("ROLLBACK TO pulled_row")
                        self.refused.append((table_name, p[id_at], str(exc)[:120]))
                    raw.execute("RELEASE pulled_row")
        except (sqlite.ProgrammingError, sqlite.InterfaceError) as exc:  # rows of the wrong length or kind
            raw.execute("ROLLBACK TO pulled_rows")
            raw.execute("RELEASE pulled_rows")
            self.refused = []  # the whole transaction is undone
            raise SyncError("sync.bad_reply", table=table_name, reason=str(exc)[:100]) from None
        raw.execute("RELEASE pulled_rows")
        return every_row

    def _written(self, batches: dict[str, Rows],
                 savepoints: Savepoints) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, Any]]]:
        """The rows an upsert (its ``savepoints``) wrote, for their audit records: per table, (1) those to read
        back, with the version each was sent at (a row stored at another version was not written: a newer copy was
        there), and (2) those whose content is known from the values bound (every row of their savepoint was
        written, and SQLite stores those values as they are: audit_records.contents_as_bound)."""
        refused = {(t, rid) for t, rid, _why in self.refused}
        read_back: dict[str, dict[str, int]] = {}
        known: dict[str, dict[str, Any]] = {}
        for table, batch in batches.items():
            contents: dict[str, Any] = {}
            names = _upsert_plan(table)[0]
            id_at = names.index("id")
            for chunk, every_row in savepoints.get(table, []):
                if every_row:
                    for row, content in zip(chunk, contents_as_bound(table, tuple(names), chunk)):
                        if content is None:
                            contents.pop(row[id_at], None)
                        else:
                            contents[row[id_at]] = content
                else:  # a row sent twice in one page is as its later savepoint left it: read back
                    for row in chunk:
                        contents.pop(row[id_at], None)
            versions = {rid: v for rid, v in batch.versions().items()
                        if rid not in contents and (table, rid) not in refused}
            if versions:
                read_back[table] = versions
            if contents:
                known[table] = contents
        return read_back, known

    def _take_refused(self, report: SyncReport) -> None:
        for table, row_id, _why in self.refused:
            report.held_back += 1
            report.drift_rows.append((table, row_id))
        self.refused = []

    def mend_read_model(self) -> None:
        """Claims pulled before their worker or employer arrived get their claims-list row now (a scan of
        the claims, so only after something that feeds the list was written)."""
        if not self.read_model_stale:
            return
        self.read_model_stale = False
        with self.db.write_pulled(self.actor, "sync.mend") as s:
            add_missing_list_rows(driver_connection(s), None)

    # ------------------------------------------------------------------ state hash and repair

    def _local_versions_of(self, raw: Any, name: str) -> Iterable[tuple[str, int]]:
        # Through the driver: each sync's state check reads every row of the office.
        return raw.execute(f"SELECT id, version FROM {name} WHERE office_id = ? AND version > 0", (self.office_id,))

    def local_versions(self) -> dict[tuple[str, str], int]:
        with self.db.read_scan() as s:
            raw = driver_connection(s)
            return {(name, rid): version
                    for name in TABLE_ORDER for rid, version in self._local_versions_of(raw, name)}

    def counted_state_hash(self) -> str:
        """The state hash counted over the office's every row (what the kept one must equal)."""
        return format_state_hash(*self._count_state()[:2])

    def _count_state(self) -> tuple[int, int, int, int]:
        """(XOR, rows) over the office's rows as stored, and the state log's position in the same snapshot (its
        last entry, how many transactions wrote without it)."""
        # Streamed: the office's rows are hashed as they are read, never held all at once.
        with self.db.read_scan() as s:
            raw = driver_connection(s)
            last, paused = kept_state.log_position(raw)
            acc, count = office_state_digests((name, self._local_versions_of(raw, name)) for name in TABLE_ORDER)
        return acc, count, last, paused

    def local_state_hash(self, *, count: bool = False) -> str:
        """The state hash kept as rows change (sync/kept_state.py), brought up to date with what changed since;
        counted over every row (and kept from then on) when ``count`` or when it is due to be counted."""
        return self._state_hash(count)[0]

    def _state_hash(self, count: bool) -> tuple[str, bool]:
        """(the state hash, whether it was counted over every row just now)."""
        kept = None
        if not count:
            with self.db.write_pulled(self.actor, "sync.state", durable=False) as s:
                kept = kept_state.fold(driver_connection(s), self.office_id)
        if kept is None:
            counted = self._count_state()
            with self.db.write_pulled(self.actor, "sync.state", durable=False) as s:
                kept = kept_state.fold(driver_connection(s), self.office_id, counted)
            assert kept is not None
            return format_state_hash(*kept), True
        return format_state_hash(*kept), False

    def check_state(self, transport: Transport, report: SyncReport | None = None, *,
                    repair: bool = True) -> SyncReport:
        report = report or SyncReport()
        self.mend_read_model()
        central = self._state_at_cursor(transport, report)
        if central is None:
            return report  # the office kept changing: not compared this time (state_ok stays None)
        local, counted = self._state_hash(count=False)
        # A kept hash that differs is counted afresh before anything is repaired: it would differ from the count
        # only after a change the log missed, and the count is what the office's rows really are.
        if central.get("hash") == local or (not counted and central.get("hash") == self.local_state_hash(count=True)):
            report.state_ok = True
            return report
        report.state_ok = False
        if repair:
            self.repair(transport, report)
            central = self._state_at_cursor(transport, report)
            report.state_ok = None if central is None else central.get("hash") == self.local_state_hash()
        return report

    def _state_at_cursor(self, transport: Transport, report: SyncReport) -> dict[str, Any] | None:
        """The central state hash once this desktop has pulled up to the feed position it stands at. Other desktops
        of a busy office push between this desktop's pull and its question: their changes are not drift, so they
        are pulled (STATE_CATCH_UP times at most) rather than repaired. None when the office kept moving ahead;
        a service that sends no position (before 2026-12-07) is compared as it answers."""
        for attempt in range(STATE_CATCH_UP + 1):
            central = transport.state()
            ahead = central.get("cursor")
            if not isinstance(ahead, int) or ahead <= self.cursor():
                return central
            if attempt < STATE_CATCH_UP:
                self.pull(transport, report)
                self.mend_read_model()
        report.state_busy = True
        return None

    def repair(self, transport: Transport, report: SyncReport) -> None:
        """Re-fetches rows whose version differs from the central one; never touches unsent work."""
        local = self.local_versions()
        central = {(t, r): v for t, r, v in transport.versions()}
        differ = [k for k, v in central.items() if local.get(k) != v]
        with self.db.read() as s:
            held = _held_rows(s, {rid for _t, rid in differ})
        wanted: dict[str, list[str]] = {}
        for table, rid in differ:
            if rid in held:
                report.drift_rows.append((table, rid))
            else:
                wanted.setdefault(table, []).append(rid)
        # Rows only this desktop has at a central version: reported, never deleted.
        report.drift_rows.extend(k for k in local if k not in central)
        for table, ids in wanted.items():
            for chunk in in_batches(ids, ROWS_PER_REQUEST):
                fetched = transport.rows(table, chunk)
                with self.db.write_pulled(self.actor, "sync.repair") as s:
                    batches = {table: Rows.from_dicts(table, [f["row"] for f in fetched])}
                    written, contents = self._written(batches, self._upsert(s, batches))
                    self._take_refused(report)
                    record_event(s, "sync.repair", table, self.office_id, {"rows": len(fetched)}, rows=written,
                                 contents=contents)
                report.repaired += len(fetched)
        self.mend_read_model()


def to_mutation(e: OutboxEntry) -> Mutation:
    return Mutation(mutation_id=e.mutation_id, seq=e.seq, table=e.table_name, row_id=e.row_id, op=e.op,
                    base_version=e.base_version, changes={k: (v[0], v[1]) for k, v in e.changes.items()},
                    user_id=e.user_id, at=e.created_at.isoformat() if e.created_at else "")


def _arrives(future: Future[Any], seconds: float) -> bool:
    """Whether the page requested ahead is there, not an error, within ``seconds``."""
    try:
        return future.exception(timeout=seconds) is None
    except TimeoutError:
        return False


def _page_parts(page: Any, size: int) -> list[Any]:
    """``page`` cut into pages of at most ``size`` rows, tables in the page's order (parents first); each keeps the
    page's cursor. A page that is not a dict of tables is passed on whole, for _apply_page to refuse."""
    try:
        tables = page["tables"] or []
        if sum(len(t["rows"]) for t in tables) <= size:
            return [page]
        parts: list[dict[str, Any]] = []
        current: list[dict[str, Any]] = []
        room = size
        for t in tables:
            rows = t["rows"]
            start = 0
            while start < len(rows):
                piece = rows[start:start + room]
                current.append({**t, "rows": piece})
                start += len(piece)
                room -= len(piece)
                if room == 0:
                    parts.append({**page, "tables": current})
                    current, room = [], size
        if current or not parts:
            parts.append({**page, "tables": current})
        return parts
    except (KeyError, TypeError, AttributeError):
        return [page]


def _next_cursor(page: Any) -> int | None:
    """The cursor of the page after ``page`` when there is one (None for the last or a malformed page)."""
    try:
        return int(page["cursor"]) if page.get("more") else None
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _held_rows(s: Session, row_ids: Iterable[str]) -> set[str]:
    """Rows with unsent or rejected local changes: a pull must not overwrite them."""
    raw = driver_connection(s)
    if raw.execute("SELECT 1 FROM outbox LIMIT 1").fetchone() is None:
        return set()  # the usual case after a push: nothing can be held
    held: set[str] = set()
    for chunk in in_batches(list(row_ids)):
        held.update(r for (r,) in raw.execute(
            f"SELECT row_id FROM outbox WHERE row_id IN ({', '.join('?' * len(chunk))})", chunk))
    return held


@dataclass
class Rows:
    """Rows of one synced table as value lists under one list of column names (a pull page's form)."""

    table: str
    columns: list[str]
    values: list[list[Any]]

    @classmethod
    def checked(cls, table: str, columns: Any, values: Any) -> Rows:
        if (not isinstance(columns, list) or not isinstance(values, list) or "id" not in columns
                or not all(isinstance(c, str) for c in columns)):
            raise SyncError("sync.bad_reply", retryable=False, table=table)
        return cls(table, columns, values)

    @classmethod
    def from_dicts(cls, table: str, rows: list[dict[str, Any]]) -> Rows:
        names, _sql, _special = _upsert_plan(table)
        try:
            return cls(table, names, [[r[n] for n in names] for r in rows])
        except (KeyError, TypeError) as exc:
            raise SyncError("sync.bad_reply", table=table, reason=str(exc)[:100]) from None

    def ids(self) -> list[str]:
        at = self.columns.index("id")
        try:
            return [r[at] for r in self.values]
        except (TypeError, IndexError, KeyError):
            raise SyncError("sync.bad_reply", retryable=False, table=self.table) from None

    def versions(self) -> dict[str, int]:
        try:
            at, v_at = self.columns.index("id"), self.columns.index("version")
            return {r[at]: r[v_at] for r in self.values}
        except (ValueError, TypeError, IndexError, KeyError):
            raise SyncError("sync.bad_reply", retryable=False, table=self.table) from None

    def drop(self, ids: set[str]) -> None:
        at = self.columns.index("id")
        self.values = [r for r in self.values if r[at] not in ids]

    def values_for(self, names: list[str]) -> list[list[Any]]:
        """The rows with exactly ``names`` in that order (the page's own lists when they already are)."""
        if self.columns == names:
            return self.values
        at = {c: i for i, c in enumerate(self.columns)}
        missing = [n for n in names if n not in at]
        if missing:
            raise KeyError(f"missing column {missing[0]}")
        pick = itemgetter(*[at[n] for n in names])
        return [list(pick(r)) for r in self.values]


@cache
def _upsert_plan(table_name: str) -> tuple[list[str], str, list[tuple[int, Callable[[list[list[Any]], int], None]]]]:
    """(columns, upsert statement, converters by position) of one synced table."""
    model = MODEL_BY_TABLE[table_name]
    local = model.__local_columns__
    conv = [(n, f) for n, f in sqlite_converters(model.__table__) if n not in local]
    names = [n for n, _ in conv]
    sql = (f"INSERT INTO {table_name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
           f"ON CONFLICT(id) DO UPDATE SET "
           + ", ".join(f"{n} = excluded.{n}" for n in names if n != "id")
           # Never back in time: an old reply or page applied late does not undo a newer row.
           + f" WHERE excluded.version >= {table_name}.version")
    # Columns with a converter are converted in place; the rest go as they came.
    special = [(i, f) for i, (_n, f) in enumerate(conv) if f is not None]
    return names, sql, special


def _now_sqlite() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")


