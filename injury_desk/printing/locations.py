"""Where the shipped form definitions and fonts live, relative to the source tree."""

from __future__ import annotations

from pathlib import Path


def project_root() -> Path:
    """The folder that holds injury_desk/, forms/ and resources/ (the repository or the unpacked app)."""
    return Path(__file__).resolve().parents[2]


def forms_dir() -> Path:
    """The shipped form definitions."""
    return project_root() / "forms"


def fonts_dir() -> Path:
    """The fonts printing embeds, so no office depends on the fonts installed on its machine."""
    return project_root() / "resources" / "fonts"
