"""A desktop's first enrolment into a data folder without a database: the database is made for it and removed again,
with its key id and keys, when the enrolment fails (the command line's `sync enrol` and the GUI's first run)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from injury_desk.services.container import Services

# The services load in enrol, not here: the login dialog knows this class before anything else is needed.


def has_database(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds a database already (then nothing here is ever removed)."""
    from injury_desk.store.database import DB_FILENAME

    return (Path(data_dir) / DB_FILENAME).exists()


def close_made(services: Services, *, made: bool, keep: Callable[[Services], bool]) -> bool:
    """Closes ``services``; a database ``made`` by this run is removed with its key id and its database and audit
    keys unless ``keep(services)``. True when it was removed."""
    db = services.ctx.db
    try:
        kept = not made or keep(services)
    except Exception:  # a database too broken to answer holds nothing worth keeping: it was made a moment ago
        kept = False
    services.close()
    if not kept:
        from injury_desk.store.discard import discard_new_database

        discard_new_database(db.path, db.device_id)
    return not kept


def enrolled(services: Services) -> bool:
    """What keeps a database made for an enrolment: the enrolment went through (the office may not have arrived)."""
    return services.sync.is_enrolled()


class FirstEnrolment(NamedTuple):
    services: Services  # open over the new database; the caller closes them
    device_tag: str
    report: Any  # the first pull's SyncReport, or None when it failed
    problem: Exception | None  # why the first pull failed (the desktop is enrolled all the same)


class NewDesktop:
    """A data folder without a database, before its first enrolment: it has no users, and ``enrol`` makes the
    database only for as long as the enrolment takes, keeping it only if the enrolment went through."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)

    def has_users(self) -> bool:
        return False

    def enrol(self, central_url: str, code: str) -> FirstEnrolment:
        """Makes the database, enrols this desktop with the one-time code (nobody is logged in: the code is the
        authority) and brings the office down. A refused or failed enrolment removes the database and its keys
        and raises; a first pull that fails after the enrolment went through is reported in ``problem``."""
        from injury_desk.services.container import Services
        from injury_desk.services.context import ServiceContext
        from injury_desk.store.database import open_database

        made = not has_database(self.data_dir)
        services = Services.build(ServiceContext(db=open_database(self.data_dir, purpose="gui")))
        try:
            tag = services.sync.enrol(None, central_url, code)
        except BaseException:
            close_made(services, made=made, keep=enrolled)
            raise
        try:
            return FirstEnrolment(services, tag, services.sync.first_pull(None), None)
        except Exception as exc:  # enrolled all the same: the login dialog says so, a later sync brings the rest
            return FirstEnrolment(services, tag, None, exc)
