"""The rehabilitation cases list as a plain DB-API read: the quick start and RehabService ask it the same way."""

from __future__ import annotations

from injury_desk.store import cipher
from injury_desk.store.sql_values import sql_date, stored_token

# The values of one listed case in row order (budget in integer fen, the edit token as the ORM writes it).
CASE_COLUMNS = ("id", "claim_id", "claim_no", "worker_name", "referral_type", "provider", "status", "opened_on",
                "closed_on", "budget_fen", "rtw_outcome", "token")


def case_list(con: cipher.sqlite.Connection, office_id: str, status: str | None) -> list[tuple]:
    """An office's (not deleted) rehabilitation cases, newest opened first (ties by id), only those in ``status``
    when given. Values in CASE_COLUMNS order, dates as dates."""
    sql = ("SELECT rc.id, rc.claim_id, c.claim_no, p.name, rc.referral_type, rc.provider, rc.status, rc.opened_on,"
           " rc.closed_on, rc.budget_fen, rc.rtw_outcome, rc.updated_at"
           " FROM rehab_cases AS rc JOIN claims AS c ON rc.claim_id = c.id JOIN people AS p ON c.worker_id = p.id"
           " WHERE rc.deleted = 0 AND rc.office_id = ?")
    params: list[object] = [office_id]
    if status:
        sql += " AND rc.status = ?"
        params.append(status)
    sql += " ORDER BY rc.opened_on DESC, rc.id DESC"
    return [(*r[:7], sql_date(r[7]), sql_date(r[8]), int(r[9]), r[10], stored_token(r[11])) for r in con.execute(sql, params)]
