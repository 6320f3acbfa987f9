"""Opens the local database (SQLite encrypted with SQLCipher): key, pragmas, checks, backups, migrations
and session factories."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.orm import Session, sessionmaker

from injury_desk.domain.errors import DomainError
from injury_desk.store import cipher, db_key, migrate
from injury_desk.store.audit_key import KEYED_SETTING, KeyingRefused, create_key, keyed_event, load_key
from injury_desk.store.audit_records import AUDITED_TABLES
from injury_desk.store.capture import install_capture, record_event
from injury_desk.store.encrypt_plain import Progress, encrypt_in_place, encrypt_old_backups
from injury_desk.store.location import APPLICATION_ID, check_existing_file, check_local, check_writable
from injury_desk.store.models import LocalSetting
from injury_desk.store.presence import Presence, locked_refusal, others_present
from injury_desk.private_files import create_private_file, private_dir, private_file

DB_FILENAME = "injury_desk.sqlite3"
BUSY_TIMEOUT_MS = 10_000
WAL_KEEP_BYTES = 8 * 1024 * 1024  # the write-ahead log file is cut back to this after a checkpoint
CACHE_KIB = 32 * 1024


@dataclass(frozen=True)
class ActorContext:
    """Who is acting, as the store needs it for capture: plain ids, no ORM objects."""

    user_id: str
    office_id: str | None


def _on_connect(dbapi_con, key: bytes | None) -> None:
    # The key first: SQLCipher must have it before SQLite reads the first page.
    cipher.apply_key(dbapi_con, key)
    # Autocommit at the driver level so SQLAlchemy's begin event below controls BEGIN itself.
    dbapi_con.isolation_level = None
    cur = dbapi_con.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # 32 MiB of page cache per connection (SQLite's default is 2 MiB): the claims list at a million
    # rows touches indexes, the trigram index and rows all over the file. With SQLCipher the cache also
    # holds decrypted pages, so a page read twice is decrypted once.
    cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    # After a large pull the log is as big as what was pulled; once it has been copied into the database,
    # the next write starts it again and cuts the file back to this size.
    cur.execute(f"PRAGMA journal_size_limit={WAL_KEEP_BYTES}")
    cur.close()


# The page cache of the connections that apply pulled rows: bounded, so that a sync of 100,000 rows needs no more
# memory than one of 10,000 (the list's readers keep their 32 MiB). Pulled rows have random ids, so each index of a
# table takes them on leaves all over it, and a leaf that fell out of the cache is read and decrypted again.
# Measured on the demo mix (bench sync_pull, docs/sync.md): the upserts of 99,958 rows 3.20 s with 8 MiB against
# 3.59 s with 2 MiB, the desktop's peak at 100,000 rows 1.14x its peak at 11,000 (1.46x with 32 MiB; target 1.3x).
PULL_CACHE_KIB = 8 * 1024
SCAN_CACHE_KIB = 2 * 1024  # the state hash's scan reads each page once (Database.read_scan)


def _pull_connection(dbapi_con, _record) -> None:
    dbapi_con.execute("PRAGMA foreign_keys=OFF")
    dbapi_con.execute(f"PRAGMA cache_size=-{PULL_CACHE_KIB}")


def _page_connection(dbapi_con, record) -> None:
    """Pull pages: commits that do not wait for the disk (see Database.write_pulled), and no checkpoint
    after every page, which would copy a page's index pages into the file again and again; the pull
    checkpoints once when it is done (Database.checkpoint), other connections as usual."""
    _pull_connection(dbapi_con, record)
    dbapi_con.execute("PRAGMA synchronous=NORMAL")
    dbapi_con.execute("PRAGMA wal_autocheckpoint=0")


def _on_connect_read_only(dbapi_con, key: bytes | None) -> None:
    cipher.apply_key(dbapi_con, key)
    # No journal-mode change (that is a write); query_only refuses a write even before the file would.
    dbapi_con.isolation_level = None
    for pragma in ("query_only=ON", "foreign_keys=ON", f"busy_timeout={BUSY_TIMEOUT_MS}", f"cache_size=-{CACHE_KIB}"):
        dbapi_con.execute(f"PRAGMA {pragma}")


def make_engine(path: Path, key: bytes | None, *, immediate: bool, read_only: bool = False) -> Engine:
    """An engine of the local database: SQLCipher with ``key`` (None only for a plain file: the embedded
    central store and the benchmarks' plain baseline), then WAL, foreign keys, FULL sync, busy timeout.
    ``read_only``: SQLite's own read-only mode (URI mode=ro), so no statement on it can write."""
    # LIFO: the most recently used connection (with the warmest page cache) serves the next read.
    if read_only:
        uri = f"{Path(path).resolve().as_uri()}?mode=ro"
        engine = create_engine(f"sqlite:///{path}", module=cipher.sqlite, pool_use_lifo=True,
                               creator=lambda: cipher.sqlite.connect(uri, uri=True, check_same_thread=False))
        event.listen(engine, "connect", lambda dbapi_con, _record: _on_connect_read_only(dbapi_con, key))
    else:
        engine = create_engine(f"sqlite:///{path}", module=cipher.sqlite, pool_use_lifo=True,
                               creator=lambda: cipher.sqlite.connect(str(path), check_same_thread=False))
        event.listen(engine, "connect", lambda dbapi_con, _record: _on_connect(dbapi_con, key))

    # Writers take the write lock at BEGIN, so two writers never deadlock on a lock upgrade.
    begin_sql = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql(begin_sql)

    return engine


DISK_REFUSALS = ("database or disk is full", "disk I/O error")  # SQLite's words when the disk refused a write


def sqlite_says(exc: BaseException, words: tuple[str, ...]) -> str | None:
    """Which of ``words`` SQLite's OperationalError says, in ``exc`` or in what caused it (the driver's own, or
    SQLAlchemy's around it; SQLCipher's are not the standard module's type); None when none does."""
    while exc is not None:
        found = next((w for w in words if w in str(exc)), None)
        if found is not None and "OperationalError" in type(exc).__name__:
            return found
        exc = exc.__cause__ or exc.__context__
    return None


def disk_refusal(exc: BaseException) -> str | None:
    """SQLite's words when ``exc`` (or what caused it) is the disk refusing a write; None otherwise."""
    return sqlite_says(exc, DISK_REFUSALS)


class Database:
    """The local database of one desktop: one writer engine, one reader engine (only a reader when read-only)."""

    def __init__(self, path: Path, key: bytes | None, *, read_only: bool = False, purpose: str = "desktop") -> None:
        self.path = path
        self._key = key
        self.read_only = read_only
        # Marks the database as open by this process (see store/presence.py) until dispose().
        self._presence: Presence | None = Presence(path.parent, purpose)
        self.reader = make_engine(path, key, immediate=False, read_only=read_only)
        # A read-only database has no writer: every write path fails at once instead of on the file.
        self.writer = self.reader if read_only else make_engine(path, key, immediate=True)
        self._write_factory = sessionmaker(self.writer, expire_on_commit=False)
        install_capture(self._write_factory)
        event.listen(self._write_factory, "after_begin", self._began)
        self._read_factory = sessionmaker(self.reader, expire_on_commit=False)
        self._pull_factories: dict[bool, sessionmaker] = {}
        self._pull_engines: list[Engine] = []
        self.device_id = self._ensure_device_id()
        self._audit_key: bytes | None = None
        # Writes of this process in progress (write()): a long pull lets them go first between its transactions.
        self._writes = 0
        self._writes_done = threading.Condition()
        # Transactions of this process that hold the write lock (their BEGIN IMMEDIATE went through): a write that
        # meets the lock while one does was kept waiting by this program's own work, not by another program.
        self._holding = 0
        self._holding_lock = threading.Lock()

    def audit_key(self) -> bytes:
        """The key of this database's audit chain, read from the keyring on the first write."""
        if self._audit_key is None:
            key = load_key(self.device_id)
            if key is None:
                raise KeyingRefused("audit.key_missing", device=self.device_id)
            self._audit_key = key
        return self._audit_key

    def ensure_keyed(self) -> None:
        """At the first open by this version (or a new database's first run) the audit chain gets its key, with
        an event saying so: ``audit.keyed``, or ``audit.rekeyed`` for a chain that was unkeyed until now. The
        rows as they are then are recorded under that event: what came before cannot be verified by key."""
        if self.setting(KEYED_SETTING):
            return
        key = load_key(self.device_id)
        con = self.raw_connection()
        try:
            already = keyed_event(con, key) if key is not None else None
            events = con.execute("SELECT count(*) FROM audit_events").fetchone()[0]
            rows = sum(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in AUDITED_TABLES)
            if already is not None:  # keyed before; only the marker was lost
                with con:
                    con.execute("INSERT OR REPLACE INTO local_settings (key, value) VALUES (?, ?)",
                                (KEYED_SETTING, str(already)))
                return
            if key is not None and (events or rows):
                # A key exists, yet no event of this chain was written with it: the log was wiped or replaced.
                # Keying again would vouch for whatever the file holds now, so a person must look first.
                raise KeyingRefused("audit.chain_not_keyed", device=self.device_id, events=events)
            from injury_desk.store.audit_verify import verify_chain

            legacy = verify_chain(con, None) if events else None
            # Events of earlier versions copied password hashes; they stay (links of the chain) and are counted.
            with_hashes = con.execute("SELECT count(*) FROM audit_events WHERE table_name = 'users' AND"
                                      " (before LIKE '%$argon2%' OR after LIKE '%$argon2%')").fetchone()[0]
        finally:
            con.close()
        self._audit_key = key = key or create_key(self.device_id)
        with self.write(ActorContext(None, None), "audit.keyed", applying_pulled=True) as s:  # type: ignore[arg-type]
            if legacy is None:
                ev = record_event(s, "audit.keyed", "audit_events", self.device_id, {"rows_recorded": rows},
                                  rows=dict.fromkeys(AUDITED_TABLES))
            else:
                head_seq, head_hash = legacy.head  # type: ignore[attr-defined]
                ev = record_event(s, "audit.rekeyed", "audit_events", self.device_id, {
                    "unkeyed_events": legacy.events, "unkeyed_head": f"{head_seq}:{head_hash}",
                    "unkeyed_chain_problems": len(legacy.problems), "rows_recorded": rows,
                    "unkeyed_events_with_password_hashes": with_hashes,
                    "note": "events up to here were hashed without a key; rows are recorded as found now",
                }, rows=dict.fromkeys(AUDITED_TABLES))
            s.add(LocalSetting(key=KEYED_SETTING, value=str(ev.seq)))

    def _ensure_device_id(self) -> str | None:
        # Read without the write lock (a pull may hold it for seconds while a command starts); written once.
        with self.reader.connect() as conn:
            found = conn.execute(select(LocalSetting.value).where(LocalSetting.key == "device_id")).scalar()
        if found is not None or self.read_only:
            return found
        with self.writer.begin() as conn:
            row = conn.execute(select(LocalSetting.value).where(LocalSetting.key == "device_id")).first()
            if row:
                return row[0]
            device_id = str(uuid.uuid4())
            conn.execute(LocalSetting.__table__.insert().values(key="device_id", value=device_id))
            return device_id

    @contextmanager
    def write(self, actor: ActorContext | None, action: str, **info: Any) -> Iterator[Session]:
        """One transaction; capture writes outbox and audit with it. Rolled back on any exception."""
        with self._writes_done:
            self._writes += 1
        try:
            with self._unit_of_work(self._write_factory, actor, action, info) as session:
                yield session
        finally:
            with self._writes_done:
                self._writes -= 1
                self._writes_done.notify_all()

    def let_writers_in(self, longest: float, pause: float) -> None:
        """Called by a long series of transactions (a pull) between two of them, holding no lock: writes of this
        process that are waiting or running finish first (for at most ``longest`` seconds), and while another
        process has the database open the lock stays free for ``pause`` seconds, so a writer polling for it
        there (SQLite's busy handler sleeps at most 100 ms) gets its turn."""
        with self._writes_done:
            self._writes_done.wait_for(lambda: self._writes == 0, timeout=longest)
        if pause > 0 and others_present(self.path.parent):
            time.sleep(pause)

    def _began(self, session: Session, _transaction: Any, _connection: Any) -> None:
        """A write transaction's BEGIN IMMEDIATE went through: it holds the write lock until it ends."""
        if not session.info.get("holds_lock"):
            session.info["holds_lock"] = True
            with self._holding_lock:
                self._holding += 1

    @contextmanager
    def _unit_of_work(self, factory: sessionmaker, actor: ActorContext | None, action: str,
                      info: dict[str, Any]) -> Iterator[Session]:
        session = factory()
        session.info.update(info)
        session.info["device_id"] = self.device_id
        session.info["audit_key"] = self.audit_key
        session.info["action"] = action
        if actor is not None:
            session.info["actor"] = {"user_id": actor.user_id, "office_id": actor.office_id}
        try:
            with session.begin():
                yield session
        except Exception as exc:  # SQLAlchemy's OperationalError, or the driver's from a plain executemany
            # Rolled back, and said as what it is, in the GUI as on the command line: a full or failing disk, or
            # another program holding the write lock longer than SQLite waits (BUSY_TIMEOUT_MS).
            detail = disk_refusal(exc)
            if detail is not None:
                raise DomainError("store.disk_write_failed", path=str(self.path.parent), detail=detail) from exc
            if sqlite_says(exc, ("locked",)) is not None:
                with self._holding_lock:
                    own = self._holding > 0
                # An import, a pull or another save of this process held it (the GUI runs them side by side).
                raise (DomainError("store.locked_by_own_work") if own else locked_refusal(self.path.parent)) from exc
            raise
        finally:
            if session.info.pop("holds_lock", False):
                with self._holding_lock:
                    self._holding -= 1
            session.close()

    @contextmanager
    def write_pulled(self, actor: ActorContext | None, action: str, *, durable: bool = True) -> Iterator[Session]:
        """A transaction that applies rows the central store already accepted: no outbox, and foreign
        keys unchecked, because a page of the feed may bring a child before its re-sent parent (the
        central store enforces the keys; the read model is mended after the pull).

        ``durable=False`` is for pull pages only: their commit does not wait for the disk. The log stays
        consistent; a power cut may undo the last pages together with the cursor that moved with them,
        and the next sync pulls them again."""
        factory = self._pull_factories.get(durable)
        if factory is None:
            engine = make_engine(self.path, self._key, immediate=True)
            event.listen(engine, "connect", _pull_connection if durable else _page_connection)
            self._pull_engines.append(engine)
            factory = self._pull_factories[durable] = sessionmaker(engine, expire_on_commit=False)
            install_capture(factory)
            event.listen(factory, "after_begin", self._began)
        with self._unit_of_work(factory, actor, action, {"applying_pulled": True}) as session:
            yield session

    def checkpoint(self) -> None:
        """Copies the write-ahead log into the database file without waiting for readers (after pulled
        pages, whose connection leaves it to this)."""
        pooled = self.writer.raw_connection()  # outside any transaction, as a checkpoint must be
        try:
            pooled.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            pooled.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._read_factory()
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    @contextmanager
    def read_scan(self) -> Iterator[Session]:
        """A read transaction for streaming a whole office once (the sync's state hash): its connection keeps a
        small page cache meanwhile. Each page is read once, so a full cache would only have pushed the claims
        list's pages out and held 32 MiB of the office's pages (the desktop's peak after a large pull)."""
        with self.read() as s:
            s.execute(text(f"PRAGMA cache_size=-{SCAN_CACHE_KIB}"))
            try:
                yield s
            finally:
                s.execute(text(f"PRAGMA cache_size=-{CACHE_KIB}"))

    def raw_connection(self) -> cipher.sqlite.Connection:
        """A plain DB-API connection (keyed, same pragmas) for checks and bulk seeding; read-only when the
        database was opened so."""
        if self.read_only:
            con = cipher.sqlite.connect(f"{Path(self.path).resolve().as_uri()}?mode=ro", uri=True,
                                        check_same_thread=False)
            _on_connect_read_only(con, self._key)
            return con
        con = cipher.sqlite.connect(str(self.path), check_same_thread=False)
        _on_connect(con, self._key)
        return con

    def recovery_key(self) -> tuple[str, bytes]:
        """(key id, key) of this encrypted database, for its recovery file (store.key_export)."""
        key_id = db_key.read_key_id(self.path)
        if self._key is None or key_id is None:
            raise DomainError("store.not_encrypted", path=str(self.path))
        return key_id, self._key

    def backup(self, label: str) -> Path:
        """An encrypted copy of this database in the backups folder."""
        return backup_database(self.path, self.path.parent / "backups", label, self._key)

    def setting(self, key: str) -> str | None:
        with self.read() as s:
            row = s.get(LocalSetting, key)
            return row.value if row else None

    def dispose(self) -> None:
        self.writer.dispose()
        self.reader.dispose()
        for engine in self._pull_engines:
            engine.dispose()
        if self._presence is not None:
            self._presence.close()
            self._presence = None


def backup_database(path: Path, backup_dir: Path, label: str, key: bytes | None) -> Path:
    """Copy a live database with SQLite's online backup API (consistent even in WAL mode). The copy is
    encrypted with the same key (SQLCipher copies pages only between databases of one key) and readable
    by the user only."""
    private_dir(backup_dir)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = create_private_file(backup_dir / f"{path.stem}-{stamp}-{label}.sqlite3")
    src = cipher.connect(path, key)
    try:
        dst = cipher.connect(target, key)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def database_key(path: Path) -> bytes:
    """The key of the database at ``path``: loaded from the keyring for an existing encrypted file, or
    made now (a new database, or a plain one about to be encrypted; one made by an earlier attempt that
    was interrupted is reused)."""
    encrypted = path.exists() and path.stat().st_size > 0 and not cipher.is_plain(path)
    if encrypted or db_key.read_key_id(path):
        try:
            return db_key.load_key(path)
        except DomainError as exc:
            if encrypted or exc.key not in ("store.key_missing", "store.not_a_database"):
                raise
    return db_key.create_key(path)


def require_database(data_dir: Path, *, filename: str = DB_FILENAME) -> Path:
    """The database file of ``data_dir``; ``store.no_database`` when it is missing or empty (0 bytes)."""
    path = Path(data_dir) / filename
    if not (path.is_file() and path.stat().st_size > 0):
        raise DomainError("store.no_database", path=str(path))
    return path


def open_read_only(path: Path, *, purpose: str = "desktop") -> Database:
    """An existing database in SQLite's read-only mode, for commands that only read: a missing or empty one
    is ``store.no_database``; one that would first need encrypting or a migration (both write) is
    ``store.needs_upgrade``."""
    require_database(path.parent, filename=path.name)
    check_local(path)
    if cipher.is_plain(path):
        raise DomainError("store.needs_upgrade", path=str(path))
    key = db_key.load_key(path)
    check_existing_file(path, key)
    if migrate.needs_upgrade(path, key):
        raise DomainError("store.needs_upgrade", path=str(path))
    return Database(path, key, read_only=True, purpose=purpose)


def open_database(data_dir: Path, *, filename: str = DB_FILENAME, read_only: bool = False, create: bool = True,
                  purpose: str = "desktop", progress: Progress | None = None) -> Database:
    """Open (creating if needed) the database in ``data_dir``: an old plain database is encrypted first;
    migrate to head after a backup. ``read_only``: see open_read_only (nothing is created or changed).
    ``create=False`` refuses a missing or empty database (``store.no_database``) instead of making an empty
    one: only the GUI, the demo and enrolment make databases. ``purpose`` names the command in the marker
    other processes see (store/presence.py). ``progress`` watches the one-time encryption of a plain database
    (store/encrypt_plain.py), which takes minutes on a big one."""
    if read_only:
        return open_read_only(Path(data_dir) / filename, purpose=purpose)
    if not create:
        require_database(Path(data_dir), filename=filename)
    if (Path(data_dir) / filename).is_dir():  # before anything is made: database_key would open the folder as a file
        raise DomainError("store.not_a_file", path=str(Path(data_dir) / filename))
    data_dir = private_dir(Path(data_dir))
    path = data_dir / filename
    check_local(path)
    check_writable(path)
    key = database_key(path)
    existed = check_existing_file(path, key)
    if existed and cipher.is_plain(path):
        encrypt_in_place(path, key, data_dir / "backups", progress)
    encrypt_old_backups(data_dir / "backups", key, progress)  # a header read per backup when there is nothing to do
    if not existed:
        create_private_file(path)
    if existed and migrate.needs_upgrade(path, key):
        backup_database(path, data_dir / "backups", "before-migration", key)
    migrate.upgrade(path, key)
    con = cipher.connect(path, key, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        # Written once: setting it takes the write lock, which a pull may hold for seconds while a command starts.
        if con.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            con.execute(f"PRAGMA application_id={APPLICATION_ID}")
            con.commit()
    finally:
        con.close()
    for companion in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        private_file(companion)  # files an older version made 0644
    db = Database(path, key, purpose=purpose)
    try:
        db.ensure_keyed()
    except BaseException:
        db.dispose()
        raise
    return db
