"""The claims list: paged, sorted and filtered reads of the claim_list read model, fast at 1M rows.

Filter semantics: the text matches the start of the claim number, worker name, ID number or employer
name; from three characters on it also matches anywhere inside the names (SQLite FTS5 trigram index),
and anywhere inside the numbers while it is at most six characters long (the last digits of an ID).
A filter with few matches is answered from the index; one that matches thousands of rows walks
the sort-order index instead, because then the first page is found within a short scan.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import contextmanager

from sqlalchemy import and_, func, literal_column, or_, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from injury_desk.store.cipher import sqlite

from injury_desk.services import like
from injury_desk.services.actor import Actor
from injury_desk.services.claim_rows import SORT_KEYS, ClaimQuery, ClaimRow, claim_row
from injury_desk.services.context import ServiceContext
from injury_desk.services.permissions import require
from injury_desk.store.models import claim_list
from injury_desk.store.quick_read import LIST_COLUMNS, claim_list_page, driver_connection

__all__ = ["SORT_KEYS", "ClaimListService", "ClaimQuery", "ClaimRow"]

SEARCH_COLUMNS = ("claim_no", "worker_name", "id_number", "employer_name")
# Below this many matches the candidate rows are fetched from the index; above it they are dense.
SPARSE_LIMIT = 800
MAX_NUMBER_FRAGMENT = 6

_ROW_COLUMNS = tuple(getattr(claim_list.c, name) for name in LIST_COLUMNS)


def _case(column: str, term: str) -> str:
    # Claim numbers and ID numbers are stored upper-case (the X check digit); names as written.
    return term.upper() if column in ("claim_no", "id_number") else term


def _prefix(column, term: str):
    """A range condition, so the column's B-tree index answers a prefix search."""
    return and_(column >= term, column < term + "\U0010ffff")


def _substring_search(term: str) -> bool:
    """Names match anywhere from three characters; numbers anywhere only up to six characters (the last
    digits of an ID number), since longer number fragments are typed from their start."""
    return len(term) >= 3 and (not term.isascii() or len(term) <= MAX_NUMBER_FRAGMENT)


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class _Interrupted:
    def __init__(self) -> None:
        self.happened = False

    def __bool__(self) -> bool:
        return self.happened


@contextmanager
def _interruptible(s: Session, stop: Callable[[], bool]):
    """Run the statements inside under SQLite's progress handler; an interruption is swallowed and
    reported through the yielded flag (the read transaction stays usable)."""
    raw = driver_connection(s)
    flag = _Interrupted()
    raw.set_progress_handler(lambda: int(stop()), 20_000)  # rarely enough not to contend for the GIL
    try:
        yield flag
    except (OperationalError, sqlite.OperationalError) as exc:
        if "interrupted" not in str(exc):
            raise
        flag.happened = True
    finally:
        raw.set_progress_handler(None, 0)


class ClaimListService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _base(self, actor: Actor):
        t = claim_list.c
        return and_(t.deleted == False, t.office_id == actor.office_id)  # noqa: E712 - "= 0" uses the index

    def _candidates(self, s: Session, term: str) -> list[int] | str | None:
        """Row ids matching ``term`` when they are few; else the column whose prefix matches many (or
        None when the substring index does)."""
        t = claim_list.c
        seen: set[int] = set()
        for col in SEARCH_COLUMNS:
            part = (select(t.rid).where(t.deleted == False, _prefix(getattr(t, col), _case(col, term)))  # noqa: E712
                    .limit(SPARSE_LIMIT + 1))
            found = s.execute(part).scalars().all()
            seen.update(found)
            if len(found) > SPARSE_LIMIT:
                return col
            if len(seen) > SPARSE_LIMIT:
                return None
        if _substring_search(term):
            rows = s.execute(
                text("SELECT rowid FROM claim_list_fts WHERE claim_list_fts MATCH :q LIMIT :n"),
                {"q": _fts_phrase(term), "n": SPARSE_LIMIT + 1},
            ).scalars().all()
            seen.update(rows)
            if len(rows) > SPARSE_LIMIT or len(seen) > SPARSE_LIMIT:
                return None
        return list(seen)

    def _dense_predicate(self, term: str):
        t = claim_list.c
        parts = [_prefix(getattr(t, c), _case(c, term)) for c in SEARCH_COLUMNS]
        if _substring_search(term):
            pattern = "%" + like.literal(term) + "%"
            parts += [getattr(t, c).like(pattern, escape=like.ESCAPE) for c in SEARCH_COLUMNS]
        return or_(*parts)

    def _where(self, s: Session, actor: Actor, query: ClaimQuery, candidates=...):
        """(condition, sparse): sparse means a short list of row ids, to be sorted rather than walked."""
        term = query.text.strip()
        cond = self._base(actor)
        if not term:
            return cond, False
        if candidates is ...:
            candidates = self._candidates(s, term)
        if candidates is None or isinstance(candidates, str):
            return and_(cond, self._dense_predicate(term)), False
        if not candidates:
            return literal_column("0") == 1, True
        # Unary plus keeps SQLite from choosing a (deleted, …) index and scanning it: the rows are
        # fetched by id, and the few found are sorted.
        return and_(literal_column("+claim_list.deleted") == 0,
                    literal_column("+claim_list.office_id") == actor.office_id,
                    claim_list.c.rid.in_(candidates)), True

    def page(self, actor: Actor, query: ClaimQuery, offset: int, limit: int,
             cancelled: Callable[[], bool] | None = None) -> list[ClaimRow] | None:
        """One page in the exact requested order; None if ``cancelled`` turned true while it ran."""
        require(actor, "claim.view")
        if query.sort not in SORT_KEYS:
            raise ValueError(f"unknown sort key {query.sort}")
        with self.ctx.read() as s:
            if cancelled is None:
                return self._page(s, actor, query, offset, limit, ...)
            with _interruptible(s, cancelled) as interrupted:
                return self._page(s, actor, query, offset, limit, ...)
            if interrupted:
                return None
        return None

    def first_page(self, actor: Actor, query: ClaimQuery, limit: int, *,
                   budget_ms: float = 15) -> tuple[list[ClaimRow], bool]:
        """The first page as the user types: (rows, exact).

        A filter with few matches is sorted outright. A broad one walks the sort-order index, which is
        quick when matches are spread through it; when they lie far down (a year of claim numbers on a
        list sorted by newest accident), the walk stops after ``budget_ms`` and the first matches come
        in the order of their own index instead (exact=False); the caller then fetches the exactly
        sorted page in the background.
        """
        require(actor, "claim.view")
        if query.sort not in SORT_KEYS:
            raise ValueError(f"unknown sort key {query.sort}")
        term = query.text.strip()
        with self.ctx.read() as s:
            if not term:
                return self._page(s, actor, query, 0, limit, ...), True
            candidates = self._candidates(s, term)
            if isinstance(candidates, list):
                return self._page(s, actor, query, 0, limit, candidates), True
            deadline = time.perf_counter() + budget_ms / 1000
            with _interruptible(s, lambda: time.perf_counter() > deadline):
                return self._page(s, actor, query, 0, limit, None), True
        with self.ctx.read() as s:
            t = claim_list.c
            if isinstance(candidates, str):
                col = getattr(t, candidates)
                stmt = (select(*_ROW_COLUMNS).where(self._base(actor), _prefix(col, _case(candidates, term)))
                        .order_by(col, t.rid).limit(limit))
            else:
                ids = text("SELECT rowid FROM claim_list_fts WHERE claim_list_fts MATCH :q LIMIT :n"
                           ).bindparams(q=_fts_phrase(term), n=limit)
                stmt = (select(*_ROW_COLUMNS).where(
                    literal_column("+claim_list.deleted") == 0,
                    literal_column("+claim_list.office_id") == actor.office_id,
                    t.rid.in_(ids)).order_by(literal_column("+claim_list.rid")))
            return [claim_row(r) for r in s.execute(stmt)], False

    def _page(self, s: Session, actor: Actor, query: ClaimQuery, offset: int, limit: int,
              candidates) -> list[ClaimRow]:
        if not query.text.strip():  # the plain list: the same read the quick start makes
            rows = claim_list_page(driver_connection(s), actor.office_id, query.sort, query.descending, offset, limit)
            return [claim_row(r) for r in rows]
        t = claim_list.c
        where, sparse = self._where(s, actor, query, candidates)
        col = literal_column(f"+claim_list.{query.sort}") if sparse else getattr(t, query.sort)
        rid = literal_column("+claim_list.rid") if sparse else t.rid
        order = (col.desc(), rid.desc()) if query.descending else (col.asc(), rid.asc())
        stmt = select(*_ROW_COLUMNS).where(where).order_by(*order).offset(offset).limit(limit)
        return [claim_row(r) for r in s.execute(stmt)]

    def count(self, actor: Actor, query: ClaimQuery) -> int:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            return s.scalar(select(func.count()).select_from(claim_list).where(self._where(s, actor, query)[0]))
