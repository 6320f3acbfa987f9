"""The claims list and its full-text index stay exact when claims and workers change (0011's guarded triggers)."""

from __future__ import annotations

from sqlalchemy import text

from injury_desk.services.claim_list import ClaimQuery
from tests.conftest import claim_draft, worker_data


def found(services, actor, words: str) -> int:
    return services.claim_list.count(actor, ClaimQuery(text=words))


def fts_is_exact(db) -> None:
    """FTS5's own check that the index holds exactly the list's rows (raises otherwise)."""
    with db.write(None, "test.check") as s:
        s.execute(text("INSERT INTO claim_list_fts(claim_list_fts, rank) VALUES ('integrity-check', 1)"))


def test_a_claim_is_found_by_its_worker_after_every_step_and_after_a_rename(services, db, cw):
    claim_id = services.claims.create(cw, claim_draft(applicant_type="worker"))
    claim_no = services.claims.get(cw, claim_id).claim_no
    assert found(services, cw, "张伟") == found(services, cw, claim_no) == 1
    # Status and deadline change (the list's row is updated; its searchable values are not).
    services.claims.accept(cw, claim_id, {"accepted_on": "2026-11-15", "clear_case": True})
    listed = services.claim_list.first_page(cw, ClaimQuery(text=claim_no), 10)[0]
    assert [r.status for r in listed] == ["determination"]
    assert found(services, cw, "张伟") == 1
    fts_is_exact(db)
    # The worker's name changes: the new name finds the claim, the old one no longer does.
    person_id = services.claims.get(cw, claim_id).worker.id
    token = services.people.get(cw, person_id).token
    services.people.update(cw, person_id, worker_data(name="张卫国"), token=token)
    assert found(services, cw, "张卫国") == 1
    assert found(services, cw, "张伟") == 0
    fts_is_exact(db)
