"""Shared fixtures: a real SQLite database in a temporary folder, services, and one actor per role."""

from __future__ import annotations

import os
import shutil
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.support.secret_service import ensure_secret_service  # noqa: E402

# Every database is encrypted with a key kept in the OS keyring: the tests use a real one (GNOME Keyring's
# Secret Service), started here unless the test run already has one (CI: .ci/run).
ensure_secret_service()

from injury_desk.domain.errors import ValidationFailed  # noqa: E402
from injury_desk.services.bootstrap import create_office  # noqa: E402
from injury_desk.services.container import Services  # noqa: E402
from injury_desk.services.context import ServiceContext  # noqa: E402
from injury_desk.store.database import open_database  # noqa: E402

TODAY = date(2026, 11, 28)
TEST_USERS = [
    {"username": "cw", "display_name": "Case Worker", "role": "caseworker", "password": "cw-pass-123"},
    {"username": "cw2", "display_name": "Second Caseworker", "role": "caseworker", "password": "cw2-pass-123"},
    {"username": "sup", "display_name": "Super Visor", "role": "supervisor", "password": "sup-pass-123"},
    {"username": "adm", "display_name": "Admin", "role": "administrator", "password": "adm-pass-123"},
]


@pytest.fixture(scope="session")
def qapp_cls():
    """The QApplication of every test that needs one: it times the GUI thread's events (tests/support/gui_guard.py;
    the check is switched on by tests/gui/conftest.py only)."""
    from tests.support.gui_guard import GuardedApplication

    return GuardedApplication


@pytest.fixture(scope="session")
def _template(tmp_path_factory):
    """One migrated database with the test office and users; each test gets a copy (hashing passwords
    and running migrations once instead of per test)."""
    folder = tmp_path_factory.mktemp("template") / "data"
    database = open_database(folder)
    ctx = ServiceContext(db=database, today=lambda: TODAY)
    made = create_office(ctx, code="GZ01", name="测试工伤保险服务中心", region="example", users=TEST_USERS)
    database.dispose()
    return folder, made


@pytest.fixture
def db(tmp_path, _template):
    folder, _ = _template
    target = tmp_path / "data"
    shutil.copytree(folder, target)
    database = open_database(target)
    yield database
    database.dispose()


@pytest.fixture
def quick(db):
    """The quick start (sqlite3 alone, no SQLAlchemy) of the test database, closed afterwards."""
    from injury_desk.services.quick_start import QuickStart

    started = QuickStart.open(db.path.parent)
    yield started
    started.close()


@pytest.fixture
def ctx(db):
    return ServiceContext(db=db, today=lambda: TODAY)


@pytest.fixture
def services(ctx):
    return Services.build(ctx)


@pytest.fixture
def actors(_template, db):
    return dict(_template[1])


@pytest.fixture
def cw(actors):
    return actors["cw"]


@pytest.fixture
def sup(actors):
    return actors["sup"]


@pytest.fixture
def adm(actors):
    return actors["adm"]


def worker_data(**over):
    data = {"id_number": "11010519491231002X", "name": "张伟", "phone": "13800000000", "address": "北京市朝阳区"}
    data.update(over)
    return data


def employer_data(**over):
    data = {"credit_code": "91350100M000100Y43", "name": "福州示例机械有限公司", "industry": "制造业",
            "risk_class": 3, "headcount": 120, "address": "福州市", "contact_name": "李明", "contact_phone": "0591-1234567"}
    data.update(over)
    return data


def rules(exc: ValidationFailed) -> set[tuple[str, str]]:
    """The (field, rule) pairs a refusal names: what the user sees marked, without the wording."""
    return {(e.field, e.rule) for e in exc.errors}


def rule_keys(errors) -> list[str]:
    """The rules a list of field errors names, in order (domain checks return the list, not a refusal)."""
    return [e.rule for e in errors]


# An article that supports each outcome (the determination's basis is a choice, domain/legal_basis.py).
BASIS_FOR = {"recognised": "art14_1", "deemed": "art15_1", "not_recognised": "art16_1"}


def decided_claim(services, actor, outcome: str = "recognised", *, decided_on: str = "2026-11-20",
                  basis_code: str | None = None, decision: dict | None = None, **draft) -> str:
    """A claim made from ``claim_draft(**draft)``, accepted on 2026-11-11 and decided (``decision`` adds fields)."""
    claim_id = services.claims.create(actor, claim_draft(**draft))
    services.claims.accept(actor, claim_id, {"accepted_on": "2026-11-11"})
    services.claims.decide(actor, claim_id, {"outcome": outcome, "decided_on": decided_on,
                                             "basis_code": basis_code or BASIS_FOR[outcome], **(decision or {})})
    return claim_id


def claim_draft(**over):
    draft = {
        "worker": worker_data(),
        "employer": employer_data(),
        "accident_date": "2026-11-01",
        "accident_time": "09:30",
        "accident_place": "二号车间冲压线",
        "circumstances": "操作冲压机时右手被压伤。",
        "body_parts": "右手",
        "diagnosis": "右手中指骨折",
        "applicant_type": "employer",
        "application_received_on": "2026-11-10",
    }
    draft.update(over)
    return draft
