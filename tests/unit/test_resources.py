"""The shipped-data lookups find the real files from source and the unpacked bundle when frozen."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from injury_desk import resources

REPO = Path(__file__).resolve().parents[2]


def test_app_root_from_source_is_the_repository():
    assert resources.app_root() == REPO
    assert (resources.app_root() / "pyproject.toml").is_file()


def test_forms_are_found_from_source():
    assert (resources.forms_dir() / "claim_application.json").is_file()


def test_fonts_are_found_from_source():
    assert (resources.fonts_dir() / "wqy-microhei.ttc").is_file()


def test_rules_are_found_from_source():
    assert list((resources.rules_dir() / "national").glob("*.json"))
    assert (resources.rules_dir() / "regions").is_dir()


def test_migrations_are_found_from_source_where_alembic_looks():
    from injury_desk.store.migrate import MIGRATIONS_DIR

    assert (resources.migrations_dir() / "env.py").is_file()
    assert list((resources.migrations_dir() / "versions").glob("0001_*.py"))
    assert resources.migrations_dir().resolve() == MIGRATIONS_DIR.resolve()


def test_translations_dir_is_under_resources():
    assert resources.translations_dir() == REPO / "resources" / "translations"
    assert resources.translations_dir().is_dir()


@pytest.fixture
def frozen(monkeypatch, tmp_path):
    """A simulated PyInstaller run: sys.frozen set and the bundle unpacked in tmp_path."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    return tmp_path


def test_frozen_build_looks_in_meipass(frozen):
    assert resources.app_root() == frozen
    assert resources.resources_dir() == frozen / "resources"
    assert resources.forms_dir() == frozen / "forms"
    assert resources.fonts_dir() == frozen / "resources" / "fonts"
    assert resources.rules_dir() == frozen / "resources" / "rules"
    assert resources.translations_dir() == frozen / "resources" / "translations"
    assert resources.migrations_dir() == frozen / "injury_desk" / "store" / "migrations"


def test_existing_lookups_follow_the_frozen_root(frozen):
    from injury_desk import printing
    from injury_desk.commands import calc
    from injury_desk.services.context import ServiceContext

    assert ServiceContext(db=None).resources_dir == frozen / "resources"
    assert printing.forms_dir() == frozen / "forms"
    assert printing.fonts_dir() == frozen / "resources" / "fonts"
    assert calc.rules_dir() == frozen / "resources" / "rules"


def test_meipass_without_frozen_is_ignored(monkeypatch, tmp_path):
    """A stray _MEIPASS (e.g. left by a test tool) does not move a source run away from the checkout."""
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.app_root() == REPO
