"""A pushed batch is one central audit event covering its mutations in order; resends are answered by device
sequence; `central check` finds a changed mutation, a removed batch and a reordered batch."""

from __future__ import annotations

from sqlalchemy import delete, insert, select, update

from injury_desk.central.integrity import check_chains
from injury_desk.central.office_log import GENESIS_HASH, audit_hash, audit_payload
from injury_desk.central.tables import central_audit, office_counters
from injury_desk.domain.identifiers import make_credit_code
from tests.conftest import employer_data
from tests.sync.raw_client import RawDevice

a = central_audit.c


def employer(dev: RawDevice, n: int) -> dict:
    data = employer_data(name=f"公司{n}", credit_code=make_credit_code(f"9144000{n:010d}"))
    return dev.mutation("employers", **{**data, "office_id": dev.office_id})


def batch_events(central, office_id: str) -> list[dict]:
    with central.admin.transaction(write=False) as conn:
        return [dict(r) for r in conn.execute(select(central_audit).where(
            a.office_id == office_id, a.action == "sync.batch").order_by(a.seq)).mappings()]


def pushed_batches(central, sizes: tuple[int, ...]) -> tuple[RawDevice, list[list[dict]]]:
    central.add_office("GZ01")
    dev = RawDevice.enrol(central, "GZ01")
    sent, n = [], 0
    for size in sizes:
        batch = []
        for _ in range(size):
            n += 1
            batch.append(employer(dev, n))
        assert [r["status"] for r in dev.results(*batch)] == ["applied"] * size
        sent.append(batch)
    return dev, sent


def rewrite_chain(central, office_id: str, events: list[dict]) -> None:
    """What someone with write access to the database could do: put ``events`` back as the office's whole chain,
    renumbered from 1 and every hash recomputed, with the head moved to match."""
    with central.admin.transaction() as conn:
        conn.execute(delete(central_audit).where(a.office_id == office_id))
        prev = GENESIS_HASH
        for seq, ev in enumerate(events, start=1):
            ev = {**ev, "seq": seq, "prev_hash": prev}
            ev["hash"] = prev = audit_hash(prev, audit_payload(ev))
            conn.execute(insert(central_audit).values(ev))
        conn.execute(update(office_counters).where(office_counters.c.office_id == office_id)
                     .values(audit_seq=len(events), audit_hash=prev))


def all_events(central, office_id: str) -> list[dict]:
    with central.admin.transaction(write=False) as conn:
        return [dict(r) for r in conn.execute(select(central_audit).where(a.office_id == office_id)
                                              .order_by(a.seq)).mappings()]


def test_a_batch_is_one_event_covering_every_mutation_in_order(central):
    dev, [sent] = pushed_batches(central, (3,))
    [ev] = batch_events(central, dev.office_id)
    # Three mutations in one request: one event for device sequences 1..3, entries in the order sent.
    assert (ev["device_id"], ev["first_seq"], ev["last_seq"]) == (dev.device_id, 1, 3)
    assert [e["result"]["mutation_id"] for e in ev["entries"]] == [m["mutation_id"] for m in sent]
    assert [e["row_id"] for e in ev["entries"]] == [m["row_id"] for m in sent]
    assert all(e["after"]["name"] == m["changes"]["name"][1] for e, m in zip(ev["entries"], sent))
    report = check_chains(central.admin)
    assert report.ok, report.problems


def test_an_older_batch_sent_again_gets_its_first_answers(central):
    dev, (first, second) = pushed_batches(central, (2, 1))
    events = batch_events(central, dev.office_id)
    assert [(e["first_seq"], e["last_seq"]) for e in events] == [(1, 2), (3, 3)]
    answers = [e["result"] for ev in events for e in ev["entries"]]
    # The first batch is not the device's last one: its answers come from its audit event, unchanged.
    again = dev.results(*first)
    assert [(r["mutation_id"], r["status"], r["version"]) for r in again] == \
        [(x["mutation_id"], x["status"], x["version"]) for x in answers[:2]]
    # Everything again plus one new change (a package carrying all unsent work): old answers, one new event.
    newer = employer(dev, 9)
    replies = dev.results(*first, *second, newer)
    assert [r["status"] for r in replies] == ["applied"] * 4
    assert [r["version"] for r in replies[:3]] == [x["version"] for x in answers]
    assert replies[3]["version"] == answers[-1]["version"] + 1
    events = batch_events(central, dev.office_id)
    assert [(e["first_seq"], e["last_seq"]) for e in events] == [(1, 2), (3, 3), (4, 4)]
    assert check_chains(central.admin).ok


def test_central_check_finds_a_changed_mutation_in_a_batch(central):
    dev, _sent = pushed_batches(central, (2,))
    [ev] = batch_events(central, dev.office_id)
    entries = ev["entries"]
    entries[1]["after"]["name"] = "改过的公司"
    with central.admin.transaction() as conn:
        conn.execute(update(central_audit).where(a.office_id == dev.office_id, a.seq == ev["seq"])
                     .values(entries=entries))
    assert check_chains(central.admin).problems == [f"office {dev.office_id}: audit event {ev['seq']} was changed"]


def test_central_check_finds_a_removed_batch_even_in_a_recomputed_chain(central):
    dev, _sent = pushed_batches(central, (2, 2, 1))
    events = all_events(central, dev.office_id)
    middle = [e for e in events if e["action"] == "sync.batch"][1]  # device sequences 3..4
    with central.admin.transaction() as conn:
        conn.execute(delete(central_audit).where(a.office_id == dev.office_id, a.seq == middle["seq"]))
    problems = check_chains(central.admin).problems
    assert f"office {dev.office_id}: audit event {middle['seq']} is missing (next is {middle['seq'] + 1})" in problems

    # The chain renumbered and rehashed over what is left: the hashes agree, the device's sequences do not.
    rewrite_chain(central, dev.office_id, [e for e in events if e["seq"] != middle["seq"]])
    problems = check_chains(central.admin).problems
    assert len(problems) == 1 and "covers sequences from 5 but the device's previous batch ended at 2" in problems[0]


def test_central_check_finds_the_last_batch_removed_from_a_recomputed_chain(central):
    dev, _sent = pushed_batches(central, (2, 1))
    events = all_events(central, dev.office_id)
    rewrite_chain(central, dev.office_id, events[:-1])  # the batch of sequence 3 gone, the head moved back
    problems = check_chains(central.admin).problems
    assert problems == [f"office {dev.office_id}: device {dev.device_id} has sequences up to 3 applied but its "
                        f"last batch event ends at 2 (a batch was removed)"]


def test_central_check_finds_reordered_batches(central):
    dev, _sent = pushed_batches(central, (1, 2))
    events = all_events(central, dev.office_id)
    first, second = (i for i, e in enumerate(events) if e["action"] == "sync.batch")
    # Swapping the two events' places: each now links to the wrong predecessor.
    with central.admin.transaction() as conn:
        for i, j in ((first, second), (second, first)):
            conn.execute(update(central_audit).where(a.office_id == dev.office_id, a.seq == events[i]["seq"])
                         .values({k: v for k, v in events[j].items() if k not in ("office_id", "seq")}))
    problems = check_chains(central.admin).problems
    assert f"office {dev.office_id}: audit event {events[first]['seq']} was changed" in problems

    # Swapped and rehashed: sequences 2..3 come before 1..1, and the device's newest batch seems to end at 1.
    swapped = list(events)
    swapped[first], swapped[second] = events[second], events[first]
    rewrite_chain(central, dev.office_id, swapped)
    problems = check_chains(central.admin).problems
    assert len(problems) == 2
    assert "covers sequences from 1 but the device's previous batch ended at 3" in problems[0]
    assert "has sequences up to 3 applied but its last batch event ends at 1" in problems[1]


def test_a_delete_is_a_conflict_only_when_another_device_edited_after_its_base(central):
    central.add_office("GZ01")
    a, b = RawDevice.enrol(central, "GZ01"), RawDevice.enrol(central, "GZ01")
    row = employer(a, 1)
    [inserted] = a.results(row)
    v1, rid = inserted["version"], row["row_id"]
    # b renames it from v1; a, not having seen that, changes the address from v1: merged, a wrote the newest version.
    rename = b.mutation("employers", rid, op="update", base_version=v1, user="sup.gz01")
    rename["changes"] = {"name": [row["changes"]["name"][1], "新名称有限公司"]}
    [renamed] = b.results(rename)
    move = a.mutation("employers", rid, op="update", base_version=v1, user="sup.gz01")
    move["changes"] = {"address": [row["changes"]["address"][1], "厦门市"]}
    [moved] = a.results(move)
    assert (renamed["status"], moved["status"]) == ("applied", "applied") and moved["version"] > renamed["version"]
    # a deletes from v1: b's edit (v2 > v1) came after that base, though the newest version is a's own: a conflict.
    gone = a.mutation("employers", rid, op="delete", base_version=v1, user="sup.gz01")
    gone["changes"] = {"deleted": [False, True]}
    [refused] = a.results(gone)
    assert refused["status"] == "conflict"
    # From b's version (seen): only a's own edit is newer than the base, so the delete applies.
    again = a.mutation("employers", rid, op="delete", base_version=renamed["version"], user="sup.gz01")
    again["changes"] = {"deleted": [False, True]}
    [deleted] = a.results(again)
    assert deleted["status"] == "applied"
