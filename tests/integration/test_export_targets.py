"""The export service (the GUI's File → Export as much as the command line) never writes over the database, its
journals, the file naming its key or into the backups folder (issue 13, finding 2)."""

from __future__ import annotations

import pytest

from injury_desk.domain.errors import DomainError
from injury_desk.services.integrity import check_database


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
