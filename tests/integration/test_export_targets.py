"""The export service (the GUI's File → Export as much as the command line), and every other service that writes a
file a user picked in a dialog, never writes over the database, its journals, the file naming its key or into the
backups folder (issue 13, finding 2)."""

from __future__ import annotations

import csv
import errno
import json
import os
import stat
import sys
from datetime import date

import pytest

from injury_desk.domain.errors import DomainError
from injury_desk.domain.identifiers import make_credit_code
from injury_desk.services.integrity import check_database
from tests.conftest import employer_data


@pytest.mark.parametrize("name, rule", [("injury_desk.sqlite3", "output.is_database"),
                                        ("injury_desk.sqlite3-wal", "output.is_database"),
                                        ("injury_desk.sqlite3-shm", "output.is_database"),
                                        ("injury_desk.sqlite3.key-id", "output.is_database"),
                                        ("backups/any.jsonl", "output.is_backup")])
def test_the_export_refuses_the_databases_own_files(services, sup, db, name, rule):
    folder = db.path.parent
    (folder / "backups").mkdir(exist_ok=True)
    key_name = (folder / "injury_desk.sqlite3.key-id").read_bytes()
    with pytest.raises(DomainError) as refused:
        services.transfer.export_jsonl(sup, folder / name)
    assert refused.value.key == rule
    assert (folder / "injury_desk.sqlite3.key-id").read_bytes() == key_name
    assert not (folder / "backups" / "any.jsonl").exists()
    assert check_database(db).ok, check_database(db).problems


@pytest.mark.parametrize("name", ["writer.lock", "settings.ini", "errors.log", "running/4242.json",
                                  "logs/cli-errors.log", "logs/new.jsonl", ".demo-build-x1/new.jsonl"])
def test_the_export_refuses_the_files_the_application_keeps_beside_the_database(services, sup, db, name):
    """An export to writer.lock was reported done, then deleted by the next command as a stale marker; one to
    logs/cli-errors.log replaced the error log. Refused, and what was there stays."""
    target = db.path.parent / name
    target.parent.mkdir(exist_ok=True)
    if not name.endswith("new.jsonl"):
        target.write_bytes(b"kept")
    with pytest.raises(DomainError) as refused:
        services.transfer.export_jsonl(sup, target)
    assert refused.value.key == "output.is_app_file"
    assert refused.value.params["path"] == str(target)
    assert (target.read_bytes() == b"kept") if target.exists() else name.endswith("new.jsonl")


def test_every_file_the_gui_lets_a_user_save_refuses_the_database_and_its_key_name(services, sup, db, tmp_path):
    # Whatever a save dialog is given: statistics CSV, a copy of an attachment, a sync package.
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 photo")
    records = [{"type": "employer", "id": "00000000-0000-4000-8000-000000000001", "credit_code": "91350100M000100Y43",
                "name": "福州测试机械有限公司", "risk_class": 3},
               {"type": "inspection", "id": "00000000-0000-4000-8000-000000000002",
                "employer_id": "00000000-0000-4000-8000-000000000001", "planned_on": "2026-01-10",
                "inspector": "刘洋", "status": "planned"},
               {"type": "attachment", "id": "00000000-0000-4000-8000-000000000003", "owner_table": "inspections",
                "owner_id": "00000000-0000-4000-8000-000000000002", "file_name": "photo.jpg",
                "media_type": "image/jpeg", "file": "photo.jpg"}]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    services.transfer.import_jsonl(sup, source)
    folder = db.path.parent
    before = {name: (folder / name).read_bytes() for name in ("injury_desk.sqlite3.key-id",)}
    saves = [
        lambda target: services.attachments.save_to(sup, "00000000-0000-4000-8000-000000000003", target),
        lambda target: services.prevention_stats.export_csv(sup, target, date(2026, 1, 1), date(2026, 12, 31),
                                                            "employer"),
        lambda target: services.rehab_stats.export_csv(
            sup, target, services.rehab_stats.return_to_work(sup, date(2026, 1, 1), date(2026, 12, 31)),
            header=[], dimension_labels={}, type_labels={}),
        lambda target: services.sync.export_package(sup, target),
    ]
    for save in saves:
        for name in ("injury_desk.sqlite3", "injury_desk.sqlite3-wal", "injury_desk.sqlite3.key-id"):
            with pytest.raises(DomainError) as refused:
                save(folder / name)
            assert refused.value.key == "output.is_database"
    assert (folder / "injury_desk.sqlite3.key-id").read_bytes() == before["injury_desk.sqlite3.key-id"]
    assert check_database(db).ok, check_database(db).problems


class _FullDisk:
    """A CSV writer on a disk that fills up after the first few bytes of the new report."""

    def __init__(self, fh, *_args, **_kwargs) -> None:
        self.fh = fh

    def writerow(self, _row) -> None:
        self.fh.write("half a r")
        self.fh.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def writeheader(self) -> None:
        self.writerow(None)

    def writerows(self, rows) -> None:
        for row in rows:
            self.writerow(row)


def test_a_report_that_fails_half_way_keeps_the_older_report_and_leaves_no_temporary_file(
        services, sup, tmp_path, monkeypatch):
    reports = {
        "prevention.csv": lambda target: services.prevention_stats.export_csv(
            sup, target, date(2026, 1, 1), date(2026, 12, 31), "employer"),
        "rehab.csv": lambda target: services.rehab_stats.export_csv(
            sup, target, services.rehab_stats.return_to_work(sup, date(2026, 1, 1), date(2026, 12, 31)),
            header=["dimension"], dimension_labels={}, type_labels={}),
        "payments.csv": lambda target: services.monthly_run.export_csv(sup, target, date(2026, 3, 1)),
    }
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in reports:
        (folder / name).write_bytes(f"the {name} of last month\n".encode())
    monkeypatch.setattr(csv, "writer", _FullDisk)
    monkeypatch.setattr(csv, "DictWriter", _FullDisk)
    for name, export in reports.items():
        with pytest.raises(DomainError) as failed:
            export(folder / name)
        assert (failed.value.key, failed.value.params["reason"]) == ("stats.export_failed", os.strerror(errno.ENOSPC))
        assert (folder / name).read_bytes() == f"the {name} of last month\n".encode(), name
    assert sorted(p.name for p in folder.iterdir()) == sorted(reports)


def test_an_export_that_fails_half_way_keeps_the_older_export(services, sup, tmp_path, monkeypatch):
    from injury_desk.services import transfer

    (tmp_path / "exports").mkdir()
    older = tmp_path / "exports" / "office.jsonl"
    older.write_bytes(b'{"type": "employer"}\n')
    written = []

    def second_line_fails(record):
        if written:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(record)
        return json.dumps(record) + "\n"

    services.employers.create(sup, employer_data())
    services.employers.create(sup, employer_data(credit_code=make_credit_code("91440300000000009"), name="第二家"))
    monkeypatch.setattr(transfer, "json_line", second_line_fails)
    with pytest.raises(DomainError) as failed:
        services.transfer.export_jsonl(sup, older)
    assert failed.value.key == "export.unwritable" and failed.value.params["reason"] == os.strerror(errno.ENOSPC)
    assert older.read_bytes() == b'{"type": "employer"}\n' and [p.name for p in older.parent.iterdir()] == [older.name]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_an_export_replaces_an_older_one_readable_by_everyone_with_a_private_file(services, sup, tmp_path):
    target = tmp_path / "office.jsonl"
    target.write_text("older\n")
    os.chmod(target, 0o644)
    services.transfer.export_jsonl(sup, target)
    assert target.read_text(encoding="utf-8") != "older\n" and stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_attachment_that_cannot_be_written_is_named_itself_not_the_export(services, sup, tmp_path, monkeypatch):
    """A photo saved beside the export that failed was reported as the export file that could not be written."""
    from injury_desk.services import transfer

    employer = services.employers.create(sup, employer_data())
    services.inspections.inspect(sup, {
        "plan": {"employer_id": employer, "planned_on": "2026-11-20", "inspector": "王芳"},
        "visit": {"inspected_on": "2026-11-20", "summary": "冲压线检查"},
        "hazards": [{"category": "机械防护", "severity": "high", "location": "二号车间",
                     "attachments": [{"file_name": "护栏.png", "content": b"\x89PNG\r\n\x1a\n" + b"\0" * 64}],
                     "actions": [{"description": "加装护栏", "owner": "李明", "due_date": "2026-12-20"}]}]})

    def disk_full(*_args, **_kw):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(transfer, "write_whole", disk_full)
    out = tmp_path / "office.jsonl"
    with pytest.raises(DomainError) as failed:
        services.transfer.export_jsonl(sup, out)
    assert failed.value.key == "export.unwritable"
    assert os.path.dirname(failed.value.params["path"]) == str(tmp_path / "office.jsonl.files")
    assert failed.value.params["reason"] == os.strerror(errno.ENOSPC) and not out.exists()
