"""A stored dependant as the register's rules see it: the one mapping the dependants register and the Tasks page's
pension endings share (light: it takes any row with the dependants table's column names, ORM or plain)."""

from __future__ import annotations

from injury_desk.domain.compensation.dependants import Dependant as RegisterPerson, Event

SEX_CODES = {"M": "male", "F": "female"}


def register_person(row) -> RegisterPerson:
    """The stored row as the register's rules see it (one ending event at most)."""
    events = (Event(row.ended_by, row.ended_on),) if row.ended_by and row.ended_on else ()
    return RegisterPerson(key=row.id, name=row.name, relation=row.relation, sex=SEX_CODES.get(row.sex, row.sex),
                          birth_date=row.birth_date, condition=row.condition, lost_capacity=row.lost_capacity,
                          lonely_elderly_or_orphan=row.lonely_elderly_or_orphan, payee=row.payee or None,
                          events=events)
