"""Plain DB-API reads for the first screen: a user's login row and unfiltered claims-list pages.

They go through the SQLCipher driver with the database key from the keyring, and need no SQLAlchemy, so the main window can show its first rows before the ORM has loaded; the
services ask the same questions through these functions (on their session's connection), so the quick
start and the full services can never disagree about who may log in or which rows come first.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from injury_desk.store import cipher, db_key, migrate
from injury_desk.store.location import check_existing_file, check_local
from injury_desk.store.sql_values import sql_date

# The same file name as store.database.DB_FILENAME (that module loads SQLAlchemy; a test keeps them equal).
DB_FILENAME = "injury_desk.sqlite3"
BUSY_TIMEOUT_MS = 10_000
# The claims list's columns in row order, and the ones it sorts by.
LIST_COLUMNS = ("claim_id", "claim_no", "worker_name", "id_number", "employer_name", "accident_date", "status",
                "next_deadline")
LIST_SORT_KEYS = LIST_COLUMNS[1:]


class LoginRow(NamedTuple):
    """What a login needs of a (not deleted) user and their office."""

    user_id: str
    username: str
    display_name: str
    role: str
    active: bool
    password_hash: str
    office_id: str
    office_code: str
    office_name: str
    office_region: str


def current_database(data_dir: Path) -> tuple[Path, bytes] | None:
    """The encrypted database in ``data_dir`` and its key when it exists and is at the current schema,
    after the start-up checks (on a local disk, ours, not damaged, its key in the keyring: a DomainError
    says otherwise); None when it must first be created, encrypted or migrated, which
    store.database.open_database does (after a backup)."""
    found = find_database(data_dir)
    if found is None or not is_current(*found):
        return None
    return found


def find_database(data_dir: Path) -> tuple[Path, bytes] | None:
    """current_database's first half: the encrypted database and its key, before its file is checked
    (is_current does that); None when there is none yet or it is a plain one from an earlier version."""
    path = Path(data_dir) / DB_FILENAME
    check_local(path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    if cipher.is_plain(path):
        check_existing_file(path, None)  # a foreign or damaged file is refused before anything else
        return None
    return path, db_key.load_key(path)


def is_current(path: Path, key: bytes) -> bool:
    """current_database's second half: the file checked (check_start_tables) and at the current schema (False:
    it must first be migrated)."""
    return check_start_tables(path, key) and not migrate.needs_upgrade(path, key)


def check_start_tables(path: Path, key: bytes) -> bool:
    """The file checked: a DomainError when it is damaged, foreign or not opened by ``key``.

    Only the schema and the tables every start reads are checked here, whatever the file's size: the full
    services, which alone write, check a small database whole when they open, right after the first paint
    (store.database.open_database), and a damaged page read before that fails its HMAC check, so nothing
    wrong is shown meanwhile."""
    return check_existing_file(path, key, start_tables_only=True)


def connect(path: Path, key: bytes) -> cipher.sqlite.Connection:
    """A read-only connection for the quick reads (SQLite's URI mode=ro: nothing here may write)."""
    con = cipher.connect(path, key, read_only=True, check_same_thread=False, isolation_level=None)
    con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    con.execute("PRAGMA query_only=ON")
    return con


def driver_connection(session) -> cipher.sqlite.Connection:
    """A SQLAlchemy session's own SQLite connection (inside its transaction): how a service runs the same plain
    reads as the quick start."""
    return session.connection().connection.driver_connection


def has_users(con: cipher.sqlite.Connection) -> bool:
    return con.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None


def login_row(con: cipher.sqlite.Connection, username: str) -> LoginRow | None:
    """The user called ``username`` (not deleted) with their office; None when there is none."""
    row = con.execute(
        "SELECT u.id, u.username, u.display_name, u.role, u.active, u.password_hash,"
        " o.id, o.code, o.name, o.region"
        " FROM users AS u JOIN offices AS o ON o.id = u.office_id"
        " WHERE u.username = ? AND u.deleted = 0", (username,)).fetchone()
    if row is None:
        return None
    return LoginRow(row[0], row[1], row[2], row[3], bool(row[4]), *row[5:])


def claim_list_page(con: cipher.sqlite.Connection, office_id: str, sort: str, descending: bool, offset: int,
                    limit: int) -> list[tuple]:
    """One page of an office's (not deleted) claims-list rows in ``sort`` order, ties by row id: the walk
    of the (deleted, sort column, rid) index. Values in LIST_COLUMNS order, dates as dates."""
    if sort not in LIST_SORT_KEYS:
        raise ValueError(f"unknown sort key {sort}")
    direction = "DESC" if descending else "ASC"
    sql = (f"SELECT {', '.join(LIST_COLUMNS)} FROM claim_list WHERE deleted = 0 AND office_id = ?"
           f" ORDER BY {sort} {direction}, rid {direction} LIMIT ? OFFSET ?")
    return [(*r[:5], sql_date(r[5]), r[6], sql_date(r[7])) for r in con.execute(sql, (office_id, limit, offset))]
