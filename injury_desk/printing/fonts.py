"""Registers the shipped CJK TrueType font with ReportLab once per process."""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from injury_desk.resources import fonts_dir

FONT_NAME = "WQYMicroHei"
FONT_FILE = "wqy-microhei.ttc"

# Fonts only: parsing the 5 MB collection takes ~150 ms, so it is done once and shared by every render.
_registered: dict[str, str] = {}
_lock = threading.Lock()


class FontMissing(RuntimeError):
    """The shipped font file is not where the application expects it."""


def ensure_fonts(directory: Path | None = None) -> str:
    """Register the form font (idempotent, thread-safe) and return its ReportLab name."""
    if FONT_NAME in _registered:
        return FONT_NAME
    with _lock:
        if FONT_NAME not in _registered:
            path = (directory or fonts_dir()) / FONT_FILE
            if not path.is_file():
                raise FontMissing(f"printing font not found: {path}")
            # Sub-font 0 of the collection is the proportional face; ReportLab embeds TrueType as subsets.
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
            _registered[FONT_NAME] = str(path)
    return FONT_NAME
