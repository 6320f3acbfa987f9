"""The employers list's rows and their plain DB-API read, without SQLAlchemy: shared by the employer service and the Employers page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from injury_desk.services import like
from injury_desk.services.actor import Actor
from injury_desk.services.permissions import require
from injury_desk.store.sql_values import sql_date, stored_token

# The columns employer_list reads, in EmployerView's order (updated_at becomes the edit token).
LIST_COLUMNS = ("id", "name", "credit_code", "industry", "risk_class", "headcount", "address", "contact_name",
                "contact_phone", "updated_at", "insured", "insured_from", "insured_to")


@dataclass(frozen=True)
class EmployerView:
    id: str
    name: str
    credit_code: str
    industry: str
    risk_class: int
    headcount: int
    address: str
    contact_name: str
    contact_phone: str
    token: str
    insured: bool = True  # issue 15 (Art. 62): insured, from/to (open dates: no limit)
    insured_from: date | None = None
    insured_to: date | None = None


def employer_row(values) -> EmployerView:
    """A list row from the LIST_COLUMNS values as stored, typed as the ORM types them."""
    (employer_id, name, credit_code, industry, risk_class, headcount, address, contact_name, contact_phone,
     updated_at, insured, insured_from, insured_to) = values
    return EmployerView(employer_id, name, credit_code, industry, risk_class, headcount, address, contact_name,
                        contact_phone, stored_token(updated_at), insured is None or bool(insured),
                        sql_date(insured_from), sql_date(insured_to))


def employer_list(con, actor: Actor, text: str = "", industry: str = "", risk_class: int | None = None,
                  limit: int = 200) -> list[EmployerView]:
    """The actor's office's (not deleted) employers whose name contains ``text`` or whose credit code starts
    with it, of ``industry`` and ``risk_class`` when given, by name. ``con`` is a DB-API connection: the quick
    start's (QuickStart.read) or a service session's (store.quick_read.driver_connection), so the page's first
    rows and the service's answer are the same read."""
    require(actor, "claim.view")
    where, params = ["deleted = 0", "office_id = ?"], [actor.office_id]
    text = (text or "").strip()
    if text:
        found = like.literal(text)  # a name like "100%_安全" is searched as written
        where.append(f"(name LIKE ? ESCAPE '{like.ESCAPE}' OR credit_code LIKE ? ESCAPE '{like.ESCAPE}')")
        params += [f"%{found}%", f"{found.upper()}%"]
    if industry:
        where.append("industry = ?")
        params.append(industry)
    if risk_class is not None:
        where.append("risk_class = ?")
        params.append(risk_class)
    sql = (f"SELECT {', '.join(LIST_COLUMNS)} FROM employers WHERE {' AND '.join(where)}"
           " ORDER BY name, id LIMIT ?")  # the id orders namesakes the same way every time
    return [employer_row(r) for r in con.execute(sql, (*params, limit))]
