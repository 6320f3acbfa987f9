"""The claims list: paged, sorted and filtered reads of the claim_list read model, fast at 1M rows.

Filter semantics: fewer than three characters match the start of the claim number, worker name,
ID number or employer name; three or more match anywhere in them (SQLite FTS5 trigram index).
A filter with few matches is answered from the index; one that matches thousands of rows walks
the sort-order index instead, because then the first page is found within a short scan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from injury_desk.domain.identifiers import mask_resident_id
from injury_desk.services.actor import Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.permissions import require
from injury_desk.store.models import claim_list

SORT_KEYS = ("claim_no", "worker_name", "id_number", "employer_name", "accident_date", "status", "next_deadline")
SEARCH_COLUMNS = ("claim_no", "worker_name", "id_number", "employer_name")
# Below this many matches the candidate rows are fetched from the index; above it they are dense.
SPARSE_LIMIT = 3000


@dataclass(frozen=True)
class ClaimRow:
    claim_id: str
    claim_no: str
    worker_name: str
    id_number: str  # masked
    employer_name: str
    accident_date: date
    status: str
    next_deadline: date | None


@dataclass(frozen=True)
class ClaimQuery:
    text: str = ""
    sort: str = "accident_date"
    descending: bool = True


def _case(column: str, term: str) -> str:
    # Claim numbers and ID numbers are stored upper-case (the X check digit); names as written.
    return term.upper() if column in ("claim_no", "id_number") else term


def _prefix(column, term: str):
    """A range condition, so the column's B-tree index answers a prefix search."""
    return and_(column >= term, column < term + "\U0010ffff")


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class ClaimListService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _base(self, actor: Actor):
        t = claim_list.c
        return and_(t.deleted == False, t.office_id == actor.office_id)  # noqa: E712 - "= 0" uses the index

    def _candidates(self, s: Session, term: str) -> list[int] | None:
        """Row ids matching ``term`` when they are few, or None when the term is dense."""
        t = claim_list.c
        if len(term) >= 3:
            rows = s.execute(
                text("SELECT rowid FROM claim_list_fts WHERE claim_list_fts MATCH :q LIMIT :n"),
                {"q": _fts_phrase(term), "n": SPARSE_LIMIT + 1},
            ).scalars().all()
        else:
            parts = [
                select(t.rid).where(t.deleted == False, _prefix(getattr(t, col), _case(col, term)))  # noqa: E712
                .limit(SPARSE_LIMIT + 1)
                for col in SEARCH_COLUMNS
            ]
            seen: set[int] = set()
            for part in parts:
                seen.update(s.execute(part).scalars())
                if len(seen) > SPARSE_LIMIT:
                    return None
            return list(seen)
        return None if len(rows) > SPARSE_LIMIT else list(rows)

    def _dense_predicate(self, term: str):
        t = claim_list.c
        if len(term) >= 3:
            pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            return or_(*[getattr(t, c).like(pattern, escape="\\") for c in SEARCH_COLUMNS])
        return or_(*[_prefix(getattr(t, c), _case(c, term)) for c in SEARCH_COLUMNS])

    def _where(self, s: Session, actor: Actor, query: ClaimQuery):
        term = query.text.strip()
        cond = self._base(actor)
        if not term:
            return cond
        candidates = self._candidates(s, term)
        if candidates is None:
            return and_(cond, self._dense_predicate(term))
        if not candidates:
            return literal_column("0") == 1
        return and_(cond, claim_list.c.rid.in_(candidates))

    def page(self, actor: Actor, query: ClaimQuery, offset: int, limit: int) -> list[ClaimRow]:
        require(actor, "claim.view")
        if query.sort not in SORT_KEYS:
            raise ValueError(f"unknown sort key {query.sort}")
        t = claim_list.c
        col = getattr(t, query.sort)
        order = (col.desc(), t.rid.desc()) if query.descending else (col.asc(), t.rid.asc())
        with self.ctx.read() as s:
            stmt = (
                select(t.claim_id, t.claim_no, t.worker_name, t.id_number, t.employer_name, t.accident_date,
                       t.status, t.next_deadline)
                .where(self._where(s, actor, query))
                .order_by(*order)
                .offset(offset)
                .limit(limit)
            )
            return [
                ClaimRow(r.claim_id, r.claim_no, r.worker_name,
                         mask_resident_id(r.id_number),  # lists always mask (DESIGN.md)
                         r.employer_name, r.accident_date, r.status, r.next_deadline)
                for r in s.execute(stmt)
            ]

    def count(self, actor: Actor, query: ClaimQuery) -> int:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            return s.scalar(select(func.count()).select_from(claim_list).where(self._where(s, actor, query)))
