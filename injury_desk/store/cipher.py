"""SQLCipher: the driver of every local-database connection, and how a new connection is keyed.

The binding is ``sqlcipher3`` (SQLCipher 4 community edition with its own SQLite, FTS5 included), which
ships wheels for Windows x64 and Linux: nothing is compiled on a user's machine. It is a drop-in DB-API
module like the standard ``sqlite3``, so SQLAlchemy's SQLite dialect and Alembic run on top of it.
This module loads no SQLAlchemy: the quick start reads through it before the ORM is imported.
"""

from __future__ import annotations

from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite

KEY_BYTES = 32  # AES-256: a raw key, so no key derivation runs on every connection
PLAIN_HEADER = b"SQLite format 3\x00"


def key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def apply_key(con: sqlite.Connection, key: bytes | None) -> None:
    """Keys a fresh connection; it must be the first statement, before SQLite reads a page. ``key=None``
    leaves the connection plain: only the one-time encryption of an old plain database, and the plain
    baseline of the benchmarks, open files that way."""
    if key is not None:
        con.execute(key_pragma(key))
    # A wrong key or a damaged page is reported to the user by our own message; SQLCipher would also
    # print its internal log lines on the terminal.
    con.execute("PRAGMA cipher_log_level = NONE")


def connect(path: Path, key: bytes | None, *, read_only: bool = False, **kwargs) -> sqlite.Connection:
    """A keyed connection to ``path`` (read-only through SQLite's URI ``mode=ro`` when asked)."""
    if read_only:
        con = sqlite.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, **kwargs)
    else:
        con = sqlite.connect(str(path), **kwargs)
    try:
        apply_key(con, key)
    except BaseException:
        con.close()
        raise
    return con


def is_plain(path: Path) -> bool:
    """True when ``path`` starts with SQLite's plain-text header (an unencrypted database); an encrypted
    file starts with its random salt."""
    with Path(path).open("rb") as fh:
        return fh.read(len(PLAIN_HEADER)) == PLAIN_HEADER
