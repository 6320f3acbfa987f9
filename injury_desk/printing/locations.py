"""Where the shipped form definitions and fonts live (see injury_desk.resources)."""

from __future__ import annotations

from pathlib import Path

from injury_desk import resources


def project_root() -> Path:
    """The folder that holds injury_desk/, forms/ and resources/ (the repository or the unpacked app)."""
    return resources.app_root()


def forms_dir() -> Path:
    """The shipped form definitions."""
    return resources.forms_dir()


def fonts_dir() -> Path:
    """The fonts printing embeds, so no office depends on the fonts installed on its machine."""
    return resources.fonts_dir()
