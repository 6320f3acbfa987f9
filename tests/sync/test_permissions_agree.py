"""Desktop and central service decide from one permission table: for every role and every change to every synced
table, the service applies exactly what the desktop lets that role do, and an import refuses up front what the
service would refuse."""

from __future__ import annotations

import json

import pytest

from injury_desk.central.tables import synced_tables
from injury_desk.domain.errors import DomainError
from injury_desk.domain.permissions import PERMISSIONS, ROLES, TABLE_PERMISSIONS, may_change
from injury_desk.services.record_schema import TYPE_OF_TABLE
from injury_desk.services.transfer import ImportFailed
from tests.conftest import employer_data
from tests.sync.generated_rows import family, row_values
from tests.sync.raw_client import RawDevice

USERS = (("cw", "caseworker"), ("sup", "supervisor"), ("adm", "administrator"))
USER_OF_ROLE = {role: f"{name}.gz01" for name, role in USERS}


def test_every_synced_table_has_its_permissions_in_the_one_table():
    assert set(TABLE_PERMISSIONS) == {t.name for t in synced_tables()}
    for pair in TABLE_PERMISSIONS.values():
        assert pair is None or all(p in PERMISSIONS for p in pair)


def test_the_service_applies_exactly_the_changes_the_table_allows_each_role(central):
    central.add_office("GZ01", users=USERS)
    dev = RawDevice.enrol(central, "GZ01")
    ids, rows = family(dev)  # one row of every table, made by a caseworker
    assert all(r["status"] == "applied" for r in dev.results(*rows))

    cases, mutations = [], []
    for role in ROLES:
        user = USER_OF_ROLE[role]
        for t in synced_tables():
            if t.name in ("offices", "users"):
                # Made centrally: no role may change them from a desktop.
                mutations.append(dev.mutation(t.name, op="update", user=user, base_version=1))
                mutations[-1]["changes"] = {"name" if t.name == "offices" else "display_name": ["x", "y"]}
                cases.append((role, t.name, "edit", may_change(role, t.name)))
                continue
            mutations.append(dev.mutation(t.name, user=user, **row_values(t, dev, ids)))
            cases.append((role, t.name, "insert", may_change(role, t.name)))
            mutations.append(dev.mutation(t.name, ids[t.name], op="update", user=user, base_version=1))
            mutations[-1]["changes"] = {"deleted": [False, True]}
            cases.append((role, t.name, "delete", may_change(role, t.name, delete=True)))
    results = dev.results(*mutations)
    service = [(role, table, change, r["status"] != "rejected") for (role, table, change, _), r in zip(cases, results)]
    assert service == cases, [(c, r.get("reason")) for c, r in zip(cases, results) if r["status"] == "rejected"
                              and c[3]]
    refused = [r for (_ro, _t, _c, ok), r in zip(cases, results) if not ok]
    assert refused and {r["reason"] for r in refused} == {"sync.not_permitted"}
    # Every role was refused something and allowed something else, so the walk tells the roles apart.
    assert {role for role, _t, _c, ok in cases if ok} == {"caseworker", "supervisor"}
    assert any(role == "caseworker" and not ok for role, _t, _c, ok in cases)


@pytest.mark.parametrize("role", ROLES)
def test_an_import_refuses_up_front_what_the_service_would_refuse(services, actors, tmp_path, role):
    """For every record type: the import lets a role write it only when the service would apply it (and a role that
    may import, exactly then)."""
    actor = next(a for a in actors.values() if a.role == role)
    for table, kind in TYPE_OF_TABLE.items():
        f = tmp_path / f"{role}-{kind}.jsonl"
        f.write_text(json.dumps({"type": kind}) + "\n", encoding="utf-8")
        try:
            services.transfer.import_jsonl(actor, f)
            refused_for_permission = False  # an empty record: this cannot be reached, but it would mean allowed
        except ImportFailed as exc:
            refused_for_permission = any(e.rule == "permission.denied" for e in exc.errors)
        except DomainError as exc:
            refused_for_permission = exc.key == "permission.denied"
        if not refused_for_permission:  # what the desktop lets a role import, the service applies
            assert may_change(role, table), (role, kind)
        if role in PERMISSIONS["data.import"]:  # and a role that imports is refused only what the service refuses
            assert refused_for_permission is not may_change(role, table), (role, kind)


def test_an_administrators_import_is_refused_at_once_and_a_supervisors_syncs(central, desktops, tmp_path):
    """The issue's case: the desktop let an administrator import employers the service then refused one by one."""
    central.add_office("GZ01", users=USERS)
    d = desktops(central, "GZ01", "a", login="adm")
    f = tmp_path / "employers.jsonl"
    f.write_text(json.dumps({"type": "employer", **employer_data()}, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(DomainError) as refused:
        d.services.transfer.import_jsonl(d.actor, f)
    assert (refused.value.key, refused.value.params["permission"]) == ("permission.denied", "data.import")
    assert d.services.sync.status(d.actor).pending == 0

    sup = d.login("sup.gz01")
    assert d.services.transfer.import_jsonl(sup, f)["employer"] == 1
    report = d.services.sync.sync_now(sup)
    assert (report.applied, report.rejected) == (1, 0)
