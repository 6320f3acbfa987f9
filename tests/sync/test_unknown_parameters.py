"""Unknown query parameters and body fields are refused with the name of what is unknown, never ignored."""

from __future__ import annotations

import httpx
import pytest

from injury_desk.protocol.messages import SCHEMA_VERSION
from tests.sync.raw_client import RawDevice


@pytest.fixture
def dev(central) -> RawDevice:
    central.add_office("GZ01")
    return RawDevice.enrol(central, "GZ01")


def refused(r: httpx.Response, field: str) -> None:
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"] == "sync.bad_request"
    assert field in [p["field"] for p in body["params"]["problems"]], body


@pytest.mark.parametrize("path", ["/v1/pull?cursor=0&limit=10&office_id=SOMEONE-ELSE", "/v1/state?office_id=x",
                                  "/v1/versions?table=employers", "/v1/pull?curser=5"])
def test_an_unknown_query_parameter_is_refused(dev, path):
    name = path.split("?")[1].split("&")[-1].split("=")[0]
    refused(httpx.get(dev.url + path, headers=dev.headers), f"query.{name}")


@pytest.mark.parametrize("path, name", [("/v1/pull?cursor=0&cursor=5", "cursor"),
                                        ("/v1/pull?limit=10&cursor=0&limit=10", "limit")])
def test_a_repeated_query_parameter_is_refused(dev, path, name):
    r = httpx.get(dev.url + path, headers=dev.headers)
    refused(r, f"query.{name}")
    assert [p["rule"] for p in r.json()["params"]["problems"]] == ["repeated"]


def test_an_unknown_query_parameter_on_a_post_is_refused(dev):
    r = httpx.post(f"{dev.url}/v1/push?dry_run=1", headers=dev.headers,
                   json={"schema_version": SCHEMA_VERSION, "device_id": dev.device_id, "mutations": []})
    refused(r, "query.dry_run")


def test_unknown_body_fields_are_refused_at_every_level(dev):
    refused(dev.push(office_id=dev.office_id), "body.office_id")
    m = dev.mutation("employers", name="甲")
    refused(dev.push({**m, "priority": 1}), "body.mutations.0.priority")
    r = httpx.post(f"{dev.url}/v1/rows", headers=dev.headers, json={"table": "employers", "ids": [],
                                                                      "office_id": "x"})
    refused(r, "body.office_id")
    r = httpx.post(f"{dev.url}/v1/token", json={"device_id": dev.device_id, "device_secret": "s" * 20, "scope": "all"})
    refused(r, "body.scope")


def test_known_parameters_still_work(dev):
    r = httpx.get(f"{dev.url}/v1/pull?cursor=0&limit=10", headers=dev.headers)
    assert r.status_code == 200 and r.json()["cursor"] >= 1
