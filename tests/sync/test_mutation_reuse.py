"""A mutation id sent again with other content is refused (sync.mutation_reused); the earlier result stays."""

from __future__ import annotations

import copy

from sqlalchemy import select

from injury_desk.store.models import Employer
from tests.conftest import employer_data
from tests.sync.raw_client import RawDevice


def central_employer(central, office_id: str, row_id: str) -> dict | None:
    t = Employer.__table__
    with central.admin.transaction(office_id, write=False) as conn:
        row = conn.execute(select(t).where(t.c.id == row_id)).mappings().first()
    return dict(row) if row else None


def test_a_reused_mutation_id_with_other_content_is_refused_and_the_first_result_stays(central):
    central.add_office("GZ01")
    dev = RawDevice.enrol(central, "GZ01")
    first = dev.mutation("employers", **{**employer_data(), "office_id": dev.office_id})
    [applied] = dev.results(first)
    assert applied["status"] == "applied"

    # The same id and sequence, but another name: not a resend of the same change.
    other = copy.deepcopy(first)
    other["changes"]["name"] = [None, "另一家公司"]
    [refused] = dev.results(other)
    assert (refused["status"], refused["reason"]) == ("rejected", "sync.mutation_reused")
    assert refused["mutation_id"] == first["mutation_id"]
    assert central_employer(central, dev.office_id, first["row_id"])["name"] == employer_data()["name"]

    # The same id for another row, under a new sequence number: refused too, and the sequence moves on.
    elsewhere = dev.mutation("employers", **{**employer_data(credit_code="91350100M000200Y3P"),
                                             "office_id": dev.office_id})
    elsewhere["mutation_id"] = first["mutation_id"]
    [refused] = dev.results(elsewhere)
    assert (refused["status"], refused["reason"]) == ("rejected", "sync.mutation_reused")
    assert central_employer(central, dev.office_id, elsewhere["row_id"]) is None

    # A true resend still gets the earlier answer, unchanged by the refusals.
    [again] = dev.results(first)
    assert again == applied
    # ... and the device's next change goes through (the refused one held no sequence back).
    [nxt] = dev.results(dev.mutation("employers", **{**employer_data(credit_code="91350100M000300Y2X"),
                                                     "office_id": dev.office_id}))
    assert nxt["status"] == "applied"
