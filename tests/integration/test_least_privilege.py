"""Least privilege: exports follow the viewing permissions, and searches take what a user types literally."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from injury_desk.domain.errors import DomainError
from injury_desk.domain.identifiers import make_credit_code
from injury_desk.store.models import AuditEvent
from tests.conftest import claim_draft, employer_data


def test_employer_search_takes_percent_and_underscore_literally(services, cw):
    services.employers.create(cw, employer_data(name="福州示例机械有限公司"))
    services.employers.create(cw, employer_data(name="百分百_安全%科技有限公司", credit_code=make_credit_code("91350100M00010077")))
    names = lambda text: [e.name for e in services.employers.search(cw, text)]  # noqa: E731
    assert names("%") == ["百分百_安全%科技有限公司"]  # a wildcard would list every employer
    assert names("_") == ["百分百_安全%科技有限公司"]
    assert names("百分百_安全%") == ["百分百_安全%科技有限公司"]
    assert names("示例_机械") == []  # "_" is not "any one character"
    assert names("示例机械") == ["福州示例机械有限公司"]


def _people(path) -> list[str]:
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    return [r["id_number"] for r in lines if r["type"] == "person"]


def test_an_export_shows_id_numbers_as_the_user_may_see_them_and_is_audited(db, services, cw, adm, tmp_path):
    services.claims.create(cw, claim_draft())
    services.transfer.export_jsonl(adm, tmp_path / "adm.jsonl")
    assert _people(tmp_path / "adm.jsonl") == ["110105********002X"]  # an administrator lacks person.view_full_id
    with pytest.raises(DomainError) as caught:
        services.transfer.export_jsonl(adm, tmp_path / "adm-full.jsonl", full_ids=True)
    assert caught.value.key == "permission.denied" and caught.value.params["permission"] == "person.view_full_id"
    assert not (tmp_path / "adm-full.jsonl").exists()
    services.transfer.export_jsonl(cw, tmp_path / "cw.jsonl", full_ids=True)
    assert _people(tmp_path / "cw.jsonl") == ["11010519491231002X"]
    assert (tmp_path / "cw.jsonl").stat().st_mode & 0o777 == 0o600
    with db.read() as s:
        events = s.execute(select(AuditEvent.user_id, AuditEvent.after).where(AuditEvent.action == "data.export")
                           .order_by(AuditEvent.seq)).all()
    assert [(user, after["full_id_numbers"], after["file"]) for user, after in events] == [
        (adm.user_id, False, "adm.jsonl"), (cw.user_id, True, "cw.jsonl")]
