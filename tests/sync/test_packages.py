"""Sync packages carried by hand: the CLI on both sides, once and in order, a replay changes nothing."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from injury_desk.central.integrity import mutation_entries
from injury_desk.domain.identifiers import make_credit_code
from injury_desk.store.models import Employer
from tests.conftest import employer_data
from tests.sync.conftest import PASSWORD, REPO


def cli(*args, check=True):
    env = dict(os.environ, INJURY_DESK_PASSWORD=PASSWORD, INJURY_DESK_USER="cw.gz01")
    result = subprocess.run([sys.executable, "-m", "injury_desk", *map(str, args)], capture_output=True, text=True,
                            env=env, cwd=REPO, timeout=120)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def central_applied(central) -> int:
    with central.admin.transaction(write=False) as conn:
        return len(mutation_entries(conn))


def test_a_package_round_trip_by_hand_applies_once_and_in_order(central, desktops, tmp_path):
    central.add_office("GZ01")
    office = desktops(central, "GZ01", "offline")
    other = desktops(central, "GZ01", "online")
    # The other desktop's change will come back in the reply.
    other_id = other.services.employers.create(other.actor, employer_data(name="在线公司"))
    other.services.sync.sync_now(other.actor)
    mine = office.services.employers.create(office.actor, employer_data(
        credit_code=make_credit_code("91440300000000009"), name="离线公司"))
    path = office.path
    office.close()

    request = tmp_path / "gz01-1.sync"
    reply = tmp_path / "gz01-1.reply"
    out = cli("--data-dir", path, "sync", "export-package", request)
    assert "sync package 1" in out.stdout
    body = json.loads(request.read_text())
    assert (body["kind"], body["package_seq"], len(body["pushes"][0]["mutations"])) == ("request", 1, 1)

    before = central_applied(central)
    out = cli("--data-dir", tmp_path / "central-admin", "central", "import-package", request, "--reply", reply,
              "--store", central.admin_url)
    assert "package 1 applied" in out.stdout
    assert central_applied(central) == before + 1
    # The same package again is refused, and nothing changes.
    again = cli("--data-dir", tmp_path / "central-admin", "central", "import-package", request, "--reply",
                tmp_path / "again.reply", "--store", central.admin_url, check=False)
    assert again.returncode == 2 and "sync.package_replayed" in again.stderr
    assert central_applied(central) == before + 1
    assert not (tmp_path / "again.reply").exists()

    before_reply = datetime.now(timezone.utc).replace(microsecond=0)
    out = cli("--data-dir", path, "sync", "import-reply", reply)
    assert "pushed 1" in out.stdout
    replay = cli("--data-dir", path, "sync", "import-reply", reply, check=False)
    assert replay.returncode == 2 and "sync.package_replayed" in replay.stderr
    status = cli("--data-dir", path, "sync", "status")
    assert "pending changes: 0" in status.stdout
    # The reply was this desktop's latest sync: the status says when, not the enrolment's network sync before it.
    last = next(line for line in status.stdout.splitlines() if line.startswith("last successful sync: "))
    assert datetime.fromisoformat(last.removeprefix("last successful sync: ")) >= before_reply, status.stdout

    from injury_desk.services.container import Services
    from injury_desk.services.context import ServiceContext
    from injury_desk.store.database import open_database

    services = Services.build(ServiceContext(db=open_database(path)))
    try:
        with services.ctx.db.read() as s:
            names = set(s.scalars(select(Employer.name).where(Employer.id.in_((mine, other_id)))))
        assert names == {"离线公司", "在线公司"}
    finally:
        services.close()


def test_a_lost_package_is_covered_by_the_next_and_an_older_or_tampered_one_is_refused(central, desktops, tmp_path):
    central.add_office("GZ01")
    office = desktops(central, "GZ01", "offline")
    office.services.employers.create(office.actor, employer_data())
    path = office.path
    office.close()
    first, second = tmp_path / "1.sync", tmp_path / "2.sync"
    cli("--data-dir", path, "sync", "export-package", first)
    cli("--data-dir", path, "sync", "export-package", second)
    body = json.loads(first.read_text())
    body["pushes"][0]["mutations"][0]["changes"]["name"][1] = "篡改"
    tampered = tmp_path / "tampered.sync"
    tampered.write_text(json.dumps(body))
    before = central_applied(central)
    out = cli("--data-dir", tmp_path / "c", "central", "import-package", tampered, "--reply", tmp_path / "t.reply",
              "--store", central.admin_url, check=False)
    assert out.returncode == 2 and "sync.package_signature" in out.stderr
    assert central_applied(central) == before
    # Package 1 was lost on the way: package 2 carries the same change and is accepted...
    cli("--data-dir", tmp_path / "c", "central", "import-package", second, "--reply", tmp_path / "2.reply",
        "--store", central.admin_url)
    assert central_applied(central) == before + 1
    # ...and package 1 turning up afterwards is older than one already applied: refused, nothing changes.
    out = cli("--data-dir", tmp_path / "c", "central", "import-package", first, "--reply", tmp_path / "1.reply",
              "--store", central.admin_url, check=False)
    assert out.returncode == 2 and "sync.package_out_of_order" in out.stderr
    assert central_applied(central) == before + 1 and not (tmp_path / "1.reply").exists()
    cli("--data-dir", path, "sync", "import-reply", tmp_path / "2.reply")
    assert "pending changes: 0" in cli("--data-dir", path, "sync", "status").stdout


def _exported_request(central, desktops, tmp_path):
    """An offline desktop of GZ01 with one change, exported as package 1 (the desktop closed)."""
    central.add_office("GZ01")
    office = desktops(central, "GZ01", "offline")
    office.services.employers.create(office.actor, employer_data())
    path = office.path
    office.close()
    request = tmp_path / "1.sync"
    cli("--data-dir", path, "sync", "export-package", request)
    return request


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)
def test_a_reply_is_never_written_over_the_central_store_or_its_journals(central, desktops, tmp_path):
    request = _exported_request(central, desktops, tmp_path)
    store = Path(make_url(central.admin_url).database)
    assert store == tmp_path / "central" / "central.sqlite3"  # the default store of --data-dir tmp_path
    link = tmp_path / "harmless.reply"
    link.symlink_to(store)
    before = central_applied(central)
    for target in (store, *(store.with_name(store.name + s) for s in ("-wal", "-shm", "-journal")), link):
        out = cli("--data-dir", tmp_path, "central", "import-package", request, "--reply", target, check=False)
        assert out.returncode == 2 and "output.is_database" in out.stderr, (target, out.stdout, out.stderr)
    assert central_applied(central) == before and link.is_symlink()
    assert cli("--data-dir", tmp_path, "central", "check").returncode == 0
    # The package was not used up by the refusals.
    out = cli("--data-dir", tmp_path, "central", "import-package", request, "--reply", tmp_path / "1.reply")
    assert "package 1 applied" in out.stdout and central_applied(central) == before + 1


def test_a_reply_that_cannot_be_written_is_refused_before_the_package_is_applied(central, desktops, tmp_path):
    request = _exported_request(central, desktops, tmp_path)
    body = request.read_bytes()
    alias = tmp_path / "alias.sync"
    os.link(request, alias)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    before = central_applied(central)
    for target, says in ((tmp_path / "missing" / "r.reply", "sync.package_unwritable"),
                         ("", "argument --reply"),
                         (tmp_path, "is a folder, not a file: nothing was written over it"),
                         (request, "sync.reply_over_package"),
                         (alias, "sync.reply_over_package"),
                         (pipe, "sync.package_not_a_file")):
        out = cli("--data-dir", tmp_path / "c", "central", "import-package", request, "--reply", target,
                  "--store", central.admin_url, check=False)
        assert out.returncode == 2 and says in out.stderr, (target, out.stdout, out.stderr)
        assert "Traceback" not in out.stderr and "internal error" not in out.stderr
    assert central_applied(central) == before
    assert request.read_bytes() == body and stat.S_ISFIFO(pipe.stat().st_mode)
    assert not (tmp_path / "missing").exists() and not list(tmp_path.rglob("*.part"))
    out = cli("--data-dir", tmp_path / "c", "central", "import-package", request, "--reply", tmp_path / "1.reply",
              "--store", central.admin_url)
    assert "package 1 applied" in out.stdout and central_applied(central) == before + 1


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)
def test_a_reply_that_fails_to_write_leaves_nothing_and_the_package_can_be_imported_again(
        central, desktops, tmp_path, monkeypatch):
    from injury_desk.central.accounts import CentralError
    from injury_desk.central.packages import import_package

    request = _exported_request(central, desktops, tmp_path)
    reply = tmp_path / "1.reply"
    reply.write_text("an older reply")

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as m:
        m.setattr(os, "replace", disk_full)
        with pytest.raises(CentralError) as refused:
            import_package(central.admin, request, reply)
    assert refused.value.key == "sync.package_unwritable"
    assert reply.read_text() == "an older reply" and not list(tmp_path.rglob("*.part"))
    assert import_package(central.admin, request, reply).package_seq == 1


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)
def test_export_package_refuses_a_bad_file_and_leaves_nothing_behind(central, desktops, tmp_path):
    central.add_office("GZ01")
    office = desktops(central, "GZ01", "offline")
    office.services.employers.create(office.actor, employer_data())
    path = office.path
    office.close()
    folder = tmp_path / "a2"
    folder.mkdir()
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for target, says in ((folder, "output.is_a_folder"),
                         (pipe, "sync.package_not_a_file"),
                         (tmp_path / "missing" / "1.sync", "sync.package_unwritable"),
                         ("", "argument file")):
        out = cli("--data-dir", path, "sync", "export-package", target, check=False)
        assert out.returncode == 2 and says in out.stderr, (target, out.stdout, out.stderr)
        assert "Traceback" not in out.stderr and "internal error" not in out.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode) and list(folder.iterdir()) == []
    assert not (tmp_path / "missing").exists() and not list(tmp_path.rglob("*.part"))
    # No number was used up by the refusals.
    assert "sync package 1 " in cli("--data-dir", path, "sync", "export-package", tmp_path / "1.sync").stdout


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)
def test_an_export_that_fails_to_write_leaves_nothing_and_uses_no_number(central, desktops, tmp_path, monkeypatch):
    from injury_desk.domain.errors import DomainError

    central.add_office("GZ01")
    office = desktops(central, "GZ01", "offline")
    office.services.employers.create(office.actor, employer_data())
    target = tmp_path / "1.sync"

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as m:
        m.setattr(os, "replace", disk_full)
        with pytest.raises(DomainError) as refused:
            office.services.sync.export_package(office.actor, target)
    assert refused.value.key == "sync.package_unwritable"
    assert not target.exists() and not list(tmp_path.rglob("*.part"))
    assert office.services.sync.export_package(office.actor, target) == 1
