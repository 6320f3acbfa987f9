"""Where the shipped data lives: the source checkout, or the unpacked PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder that holds forms/, resources/ and injury_desk/: the repository, or sys._MEIPASS when frozen."""
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS)
    return Path(__file__).resolve().parents[1]


def resources_dir() -> Path:
    """Fonts, rule tables, translations and demo data."""
    return app_root() / "resources"


def forms_dir() -> Path:
    """The printed-form definitions (data, not code)."""
    return app_root() / "forms"


def fonts_dir() -> Path:
    """The TrueType fonts printing embeds, so every office prints the same."""
    return resources_dir() / "fonts"


def rules_dir() -> Path:
    """The statutory rule sets and regional parameters of the compensation engine."""
    return resources_dir() / "rules"


def translations_dir() -> Path:
    """The .ts sources and the compiled .qm translations of the GUI."""
    return resources_dir() / "translations"


def migrations_dir() -> Path:
    """The Alembic scripts; a frozen build ships them as data at the same relative place."""
    return app_root() / "injury_desk" / "store" / "migrations"
