"""Bad requests get a clear error and change nothing; the service is fuzzed through its OpenAPI schema."""

from __future__ import annotations

import json
import uuid

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from sqlalchemy import func, select

from injury_desk.central.integrity import mutation_entries
from injury_desk.central.tables import devices, feed
from injury_desk.protocol.messages import MAX_BATCH, MAX_BODY_BYTES, SCHEMA_VERSION
from injury_desk.domain.errors import ValidationFailed
from tests.conftest import employer_data


def central_counts(central) -> tuple[int, int, list[int]]:
    with central.admin.transaction(write=False) as conn:
        return (len(mutation_entries(conn)),
                conn.execute(select(func.count()).select_from(feed)).scalar(),
                sorted(conn.execute(select(devices.c.last_seq)).scalars()))


@pytest.fixture
def device(central, desktops):
    central.add_office("GZ01")
    d = desktops(central, "GZ01", "a")
    transport = d.services.sync._transport()
    return d, transport.url, transport._token_header()


def insert_mutation(d, seq=1, **over):
    m = {"mutation_id": str(uuid.uuid4()), "seq": seq, "table": "employers", "row_id": str(uuid.uuid4()),
         "op": "insert", "base_version": 0, "user_id": d.actor.user_id,
         "changes": {k: [None, v] for k, v in {**employer_data(), "office_id": d.actor.office_id}.items()}}
    m.update(over)
    return m


def push(url, headers, d, mutations, **over):
    body = {"schema_version": SCHEMA_VERSION, "device_id": d.db.device_id, "mutations": mutations, **over}
    return httpx.post(f"{url}/v1/push", headers=headers, json=body)


def test_malformed_json_is_refused_and_nothing_is_applied(central, device):
    d, url, headers = device
    before = central_counts(central)
    r = httpx.post(f"{url}/v1/push", headers={**headers, "Content-Type": "application/json"},
                   content=b'{"schema_version": 3, "mutations": [')
    assert r.status_code == 422 and r.json()["error"] == "sync.bad_request"
    assert central_counts(central) == before


def test_a_wrong_schema_version_is_refused(central, device):
    d, url, headers = device
    before = central_counts(central)
    r = push(url, headers, d, [insert_mutation(d)], schema_version=1)
    assert r.status_code == 409
    assert r.json() == {"error": "sync.schema_version", "params": {"got": 1, "expected": SCHEMA_VERSION}}
    assert central_counts(central) == before


@pytest.mark.parametrize("bad, reason", [
    ({"table": "salaries"}, "sync.unknown_table"),
    ({"changes": {"name": [None, "甲"], "favourite_colour": [None, "red"]}}, "sync.unknown_field"),
    ({"changes": {"name": [None, 42]}}, "sync.field_type"),
    ({"table": "users"}, "sync.not_permitted"),
])
def test_an_unknown_table_or_field_is_rejected_with_its_reason(central, device, bad, reason):
    d, url, headers = device
    _, feed_before, _ = central_counts(central)
    r = push(url, headers, d, [insert_mutation(d, **bad)])
    assert r.status_code == 200
    [result] = r.json()["results"]
    assert (result["status"], result["reason"]) == ("rejected", reason)
    assert central_counts(central)[1] == feed_before  # no row was written


def test_an_oversized_batch_and_an_oversized_body_are_refused(central, device):
    d, url, headers = device
    before = central_counts(central)
    many = [insert_mutation(d, seq=i + 1) for i in range(MAX_BATCH + 1)]
    r = push(url, headers, d, many)
    assert r.status_code == 422
    assert r.json()["params"]["problems"][0]["field"].startswith("body.mutations")
    blob = json.dumps({"schema_version": SCHEMA_VERSION, "device_id": d.db.device_id, "mutations": [],
                       "padding": "x" * (MAX_BODY_BYTES + 10)})
    r = httpx.post(f"{url}/v1/push", headers={**headers, "Content-Type": "application/json"}, content=blob)
    assert r.status_code == 413 and r.json()["error"] == "sync.body_too_large"
    assert central_counts(central) == before


def test_the_desktop_keeps_a_rejected_change_visible_and_the_rest_of_the_queue_flows(central, device):
    d, url, headers = device
    ok_id = d.services.employers.create(d.actor, employer_data())
    from injury_desk.domain.identifiers import make_credit_code
    from injury_desk.store.models import OutboxEntry

    bad_id = d.services.employers.create(d.actor, employer_data(credit_code=make_credit_code("91110000MA0000001"),
                                                                name="乙公司"))
    # The queued insert says risk class 42, as a buggy older client might: only the central check refuses it.
    with d.db.write_pulled(None, "test.corrupt") as s:
        entry = s.query(OutboxEntry).filter(OutboxEntry.row_id == bad_id).one()
        changes = dict(entry.changes)
        changes["risk_class"] = [None, 42]
        entry.changes = changes
    report = d.services.sync.sync_now(d.actor)
    assert (report.applied, report.rejected) == (1, 1)
    [rejected] = d.services.sync.rejected(d.actor)
    assert rejected.row_id == bad_id and rejected.reason_key == "sync.constraint"
    assert d.services.sync.status(d.actor).pending == 0
    # Corrected and resent, it goes through.
    d.services.sync.correct_rejected(d.actor, rejected.seq, {"risk_class": 4})
    report = d.services.sync.sync_now(d.actor)
    assert report.applied == 1 and d.services.sync.rejected(d.actor) == []
    assert ok_id != bad_id


def test_a_correction_holding_a_nul_or_a_lone_surrogate_is_refused_naming_the_field(central, device):
    from injury_desk.store.models import OutboxEntry

    d, _url, _headers = device
    bad_id = d.services.employers.create(d.actor, employer_data())
    with d.db.write_pulled(None, "test.corrupt") as s:
        entry = s.query(OutboxEntry).filter(OutboxEntry.row_id == bad_id).one()
        entry.changes = {**entry.changes, "risk_class": [None, 42]}
    d.services.sync.sync_now(d.actor)
    [rejected] = d.services.sync.rejected(d.actor)
    for values, rule in (({"name": "甲\x00公司"}, ("field.control_character", {"field": "name"})),
                         ({"name": "甲\ud800公司"}, ("field.invalid_character", {"field": "name", "code": "U+D800"}))):
        with pytest.raises(ValidationFailed) as refused:
            d.services.sync.correct_rejected(d.actor, rejected.seq, {"risk_class": 4, **values})
        [error] = refused.value.errors
        assert (error.field, error.rule, error.params) == ("name", *rule)
    # Nothing changed: the change is still refused, waiting for a correction the service can take.
    assert [r.seq for r in d.services.sync.rejected(d.actor)] == [rejected.seq]
    assert d.services.employers.get(d.actor, bad_id).name == employer_data()["name"]


@pytest.mark.slow
def test_fuzzing_the_api_through_its_openapi_schema_never_gives_a_server_error(central, device):
    """Every operation, with generated valid and invalid inputs, over real HTTP with a real token."""
    from hypothesis import given

    d, url, headers = device
    schema = schemathesis.openapi.from_url(f"{url}/openapi.json")
    operations = [op.ok() for op in schema.get_all_operations()]
    assert {o.path for o in operations} >= {"/v1/push", "/v1/pull", "/v1/enroll", "/v1/token", "/v1/rows"}
    seen: list[int] = []
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            response = case.call(headers=headers)
            seen.append(response.status_code)
            assert response.status_code < 500, (case.method, case.path, response.text[:300])

        check()
    assert len(seen) >= 5 * 10
    # The fuzzing left the device usable and the desktop in step with the central store.
    assert d.services.sync.sync_now(d.actor).state_ok


def test_a_device_time_out_of_range_is_not_a_server_error(central, device):
    d, url, headers = device
    r = push(url, headers, d, [insert_mutation(d, at="0001-01-01T00:00:00+05:00")])
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied"


def test_a_timestamp_field_out_of_range_is_rejected_as_bad_input():
    from injury_desk.store.models import Assessment
    from injury_desk.store.rowcodec import BadValue, check_value

    with pytest.raises(BadValue) as err:
        check_value(Assessment.__table__.c.proposed_at, "0001-01-01T00:00:00+05:00")
    assert err.value.key == "sync.field_type"


def post_raw(url, path, headers, body):
    """``body`` sent as JSON with every non-ASCII character escaped, so a lone surrogate travels as ``\\ud800``."""
    return httpx.post(f"{url}{path}", headers={**headers, "Content-Type": "application/json"},
                      content=json.dumps(body).encode("ascii"))


def refused_naming(r, field):
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "sync.bad_request"
    assert field in [p["field"] for p in r.json()["params"]["problems"]], r.text


BAD_TEXTS = [pytest.param("Bad \ud800 name", id="lone-surrogate"), pytest.param("a\x00b", id="nul")]


# Outside a mutation's values (its ids, table, the field names it sets, the device's fields) bad text is the
# request's fault: the whole request is refused, as malformed JSON is.
@pytest.mark.parametrize("bad", BAD_TEXTS)
@pytest.mark.parametrize("where, field", [
    ("field", "body.mutations.0.changes"),
    ("row_id", "body.mutations.0.row_id"), ("table", "body.mutations.0.table"), ("at", "body.mutations.0.at"),
    ("device_id", "body.device_id"),
])
def test_a_push_with_a_lone_surrogate_or_nul_is_refused_naming_the_field(central, device, bad, where, field):
    d, url, headers = device
    before = central_counts(central)
    m = insert_mutation(d)
    if where == "field":
        m["changes"][bad] = [None, "x"]
    elif where != "device_id":
        m[where] = bad
    body = {"schema_version": SCHEMA_VERSION, "device_id": bad if where == "device_id" else d.db.device_id,
            "mutations": [m]}
    refused_naming(post_raw(url, "/v1/push", headers, body), field)
    assert central_counts(central) == before
    # The device is still usable: the same change with good text goes through.
    m["changes"] = insert_mutation(d)["changes"]
    m.update(row_id=str(uuid.uuid4()), table="employers", at="")
    assert push(url, headers, d, [m]).json()["results"][0]["status"] == "applied"


BAD_VALUES = [pytest.param("Bad \ud800 name", "field.invalid_character", {"code": "U+D800"}, id="lone-surrogate"),
              pytest.param("a\x00b", "field.control_character", {}, id="nul")]


@pytest.mark.parametrize("bad, rule, params", BAD_VALUES)
def test_bad_text_in_a_value_rejects_that_mutation_alone_and_the_rest_of_the_batch_applies(central, device, bad,
                                                                                         rule, params):
    from injury_desk.domain.identifiers import make_credit_code

    d, url, headers = device
    _, feed_before, _ = central_counts(central)
    first = insert_mutation(d, seq=1)
    spoilt = insert_mutation(d, seq=2)
    # Deep inside a value, and in the value it replaces too: a desktop's stored text, as an old import left it.
    spoilt["changes"]["address"] = [{"lines": ["福州市", bad]}, f"福州市{bad}"]
    other = employer_data(credit_code=make_credit_code("91110000MA0000001"), name="乙公司", office_id=d.actor.office_id)
    third = insert_mutation(d, seq=3, changes={k: [None, v] for k, v in other.items()})
    body = {"schema_version": SCHEMA_VERSION, "device_id": d.db.device_id, "mutations": [first, spoilt, third]}
    r = post_raw(url, "/v1/push", headers, body)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["status"] for x in results] == ["applied", "rejected", "applied"]
    assert (results[1]["reason"], results[1]["params"]) == (rule, {"table": "employers", "field": "address", **params})
    assert r.json()["last_seq"] == 3
    assert central_counts(central)[1:] == (feed_before + 2, [3])  # the two good rows, nothing of the spoilt one
    # A resend (the reply was lost) gets the same answers and writes nothing more.
    again = post_raw(url, "/v1/push", headers, body)
    assert again.status_code == 200 and again.json()["results"] == results
    assert central_counts(central)[1] == feed_before + 2
    # The device's queue goes on.
    fourth = insert_mutation(d, seq=4, changes={k: [None, v] for k, v in {
        **employer_data(credit_code=make_credit_code("91110000MA0000002"), name="丙公司"),
        "office_id": d.actor.office_id}.items()})
    assert push(url, headers, d, [fourth]).json()["results"][0]["status"] == "applied"


@pytest.mark.parametrize("bad", BAD_TEXTS)
@pytest.mark.parametrize("path, body, field", [
    ("/v1/rows", {"table": "employers", "ids": ["ok", "BAD"]}, "body.ids"),
    ("/v1/rows", {"table": "BAD", "ids": []}, "body.table"),
    ("/v1/anchor", {"schema_version": SCHEMA_VERSION, "device_id": "BAD", "head": {"seq": 0, "hash": "0" * 64}},
     "body.device_id"),
    ("/v1/token", {"device_id": "BAD" + "x" * 33, "device_secret": "s" * 20}, "body.device_id"),
    ("/v1/enroll", {"code": "c" * 10, "device_id": str(uuid.uuid4()), "device_name": "BAD",
                    "schema_version": SCHEMA_VERSION}, "body.device_name"),
])
def test_other_requests_with_a_lone_surrogate_or_nul_are_refused_naming_the_field(central, device, bad, path,
                                                                                 body, field):
    d, url, headers = device
    before = central_counts(central)
    text_of = json.dumps(body).replace("BAD", json.dumps(bad)[1:-1])
    r = httpx.post(f"{url}{path}", headers={**headers, "Content-Type": "application/json"}, content=text_of.encode())
    refused_naming(r, field)
    assert central_counts(central) == before



@pytest.mark.parametrize("over, field", [
    ({"seq": "1"}, "body.mutations.0.seq"), ({"base_version": 0.0}, "body.mutations.0.base_version"),
    ({"seq": True}, "body.mutations.0.seq"), ({"schema_version": str(SCHEMA_VERSION)}, "body.schema_version"),
])
def test_a_push_with_a_number_of_another_type_is_refused_not_converted(central, device, over, field):
    d, url, headers = device
    before = central_counts(central)
    m = insert_mutation(d)
    body_over = {k: v for k, v in over.items() if k == "schema_version"}
    m.update({k: v for k, v in over.items() if k != "schema_version"})
    refused_naming(push(url, headers, d, [m], **body_over), field)
    assert central_counts(central) == before
    r = post_raw(url, "/v1/anchor", headers, {"schema_version": SCHEMA_VERSION, "device_id": d.db.device_id,
                                               "head": {"seq": "0", "hash": "0" * 64}})
    refused_naming(r, "body.head.seq")


@pytest.mark.parametrize("content", [b"[" * 5000 + b"]" * 5000, b'{"schema_version": "\xff\xfe"}'],
                         ids=["deep-nesting", "not-utf-8"])
def test_a_body_the_json_reader_gives_up_on_is_refused_in_the_services_own_format(central, device, content):
    d, url, headers = device
    before = central_counts(central)
    r = httpx.post(f"{url}/v1/push", headers={**headers, "Content-Type": "application/json"}, content=content)
    refused_naming(r, "body")
    assert r.json()["params"]["problems"][0]["rule"] == "json_invalid"
    assert central_counts(central) == before


def queue_bad_text(central, desktops, bad: str):
    """Desktops a and b of office GZ01, and on a a claim whose queued assessment holds ``bad`` inside its inputs,
    as an import made by an older version queued it: below the services' checks (only the queued change matters
    here: the row itself is never sent). Returns (a, b, claim id, assessment id)."""
    from injury_desk.store.models import OutboxEntry
    from tests.integration.test_assessment_services import appraised_claim, proposal_inputs, with_wages

    central.add_office("GZ01")
    a = desktops(central, "GZ01", "a")
    b = desktops(central, "GZ01", "b")
    claim_id = appraised_claim(a.services, a.actor)
    with_wages(a.services, a.actor, claim_id)
    assessment_id = a.services.assessments.propose(a.actor, claim_id, proposal_inputs(a.services, a.actor, claim_id))
    with a.db.write_pulled(None, "test.old_import") as s:
        entry = s.query(OutboxEntry).filter(OutboxEntry.row_id == assessment_id).one()
        changes = dict(entry.changes)
        changes["inputs"] = [None, {**changes["inputs"][1], "remarks": {"lines": ["复核", bad]}}]
        entry.changes = changes
    return a, b, claim_id, assessment_id


@pytest.mark.parametrize("bad, rule, params", BAD_VALUES)
def test_a_queued_json_value_with_bad_text_is_rejected_alone_and_the_queue_flows_on(central, desktops, bad, rule,
                                                                                     params):
    from injury_desk.domain.identifiers import make_credit_code
    from injury_desk.store.models import Assessment

    a, b, claim_id, assessment_id = queue_bad_text(central, desktops, bad)
    pending = a.services.sync.status(a.actor).pending
    report = a.services.sync.sync_now(a.actor)
    assert (report.pushed, report.rejected) == (pending, 1)
    [rejected] = a.services.sync.rejected(a.actor)
    assert (rejected.table, rejected.row_id) == ("assessments", assessment_id)
    assert (rejected.reason_key, rejected.reason_params) == (rule, {"table": "assessments", "field": "inputs",
                                                                    **params})
    assert a.services.sync.status(a.actor).pending == 0
    # Everything else of the claim reached the office: the other desktop has it, without the assessment.
    b.services.sync.sync_now(b.actor)
    assert b.services.claims.get(b.actor, claim_id).status == a.services.claims.get(a.actor, claim_id).status
    with b.db.read() as s:
        assert s.get(Assessment, assessment_id) is None
    # The queue is not stuck: the next change goes through, and the rejected one stays listed.
    employer_id = a.services.employers.create(a.actor, employer_data(
        credit_code=make_credit_code("91110000MA0000003"), name="丁公司"))
    report = a.services.sync.sync_now(a.actor)
    assert (report.pushed, report.applied, report.rejected) == (1, 1, 0)
    assert [r.row_id for r in a.services.sync.rejected(a.actor)] == [assessment_id]
    b.services.sync.sync_now(b.actor)
    assert b.services.employers.get(b.actor, employer_id).name == "丁公司"


@pytest.mark.parametrize("bad, rule, params", BAD_VALUES)
def test_a_package_carrying_bad_text_is_applied_but_that_change(central, desktops, tmp_path, bad, rule, params):
    """By package, as over the network: the package is written, signed and read although a queued value holds a
    lone surrogate (UTF-8 cannot encode one, pydantic's JSON reader refuses its escape: the export crashed, and an
    office syncing by files was stuck for good), and the service rejects that change alone."""
    from injury_desk.central.packages import import_package
    from injury_desk.store.models import Assessment

    a, b, claim_id, assessment_id = queue_bad_text(central, desktops, bad)
    pending = a.services.sync.status(a.actor).pending
    request, reply = tmp_path / "a-1.sync", tmp_path / "a-1.reply"
    assert a.services.sync.export_package(a.actor, request) == 1
    request.read_bytes().decode("utf-8")  # a file any JSON reader takes
    import_package(central.admin, request, reply)
    report = a.services.sync.import_reply(a.actor, reply)
    assert (report.pushed, report.rejected) == (pending, 1)
    [rejected] = a.services.sync.rejected(a.actor)
    assert (rejected.row_id, rejected.reason_key, rejected.reason_params) == (
        assessment_id, rule, {"table": "assessments", "field": "inputs", **params})
    assert a.services.sync.status(a.actor).pending == 0
    b.services.sync.sync_now(b.actor)
    assert b.services.claims.get(b.actor, claim_id).status == a.services.claims.get(a.actor, claim_id).status
    with b.db.read() as s:
        assert s.get(Assessment, assessment_id) is None


def test_a_package_without_surrogates_is_written_and_read_as_before(tmp_path):
    """The lone-surrogate path is taken only for such a package: any other is UTF-8 JSON, unescaped, read by
    pydantic's own reader, and signed over the same bytes as before."""
    import hashlib
    import hmac

    from injury_desk.protocol.messages import (
        Mutation,
        Package,
        PushRequest,
        package_signature,
        read_package_file,
        write_package_file,
    )

    mutation = Mutation(mutation_id=str(uuid.uuid4()), seq=1, table="employers", op="insert",
                        row_id=str(uuid.uuid4()), base_version=0, changes={"name": (None, "甲公司")},
                        at="2026-12-06T08:00:00+00:00")
    pkg = Package(kind="request", schema_version=SCHEMA_VERSION, office_id=str(uuid.uuid4()),
                  device_id=str(uuid.uuid4()), package_seq=1,
                  pushes=[PushRequest(schema_version=SCHEMA_VERSION, device_id=str(uuid.uuid4()),
                                      mutations=[mutation])])
    key = "ab" * 32
    body = json.dumps(pkg.model_dump(mode="json", exclude={"signature"}), sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")
    assert package_signature(pkg, key) == hmac.new(bytes.fromhex(key), body, hashlib.sha256).hexdigest()
    path = tmp_path / "p.sync"
    write_package_file(pkg, path)
    assert "甲公司" in path.read_text(encoding="utf-8")
    assert read_package_file(path, "request") == pkg
    odd = pkg.model_copy(deep=True)
    odd.pushes[0].mutations[0].changes["name"] = (None, "甲\ud800")
    write_package_file(odd, path)
    assert '"\\u7532\\ud800"' in path.read_text(encoding="ascii")  # escaped, only this package
    assert read_package_file(path, "request") == odd
