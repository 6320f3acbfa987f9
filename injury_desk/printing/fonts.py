"""Registers the shipped CJK TrueType fonts with ReportLab once per process, and picks one per character."""

from __future__ import annotations

import io
import lzma
import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from injury_desk.printing.font_cache import unpack_all, unpacked
from injury_desk.resources import fonts_dir

def _utf16(code: int) -> str:
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, but with characters beyond U+FFFF as UTF-16 surrogate pairs.

    ReportLab 4 writes ``<01> <20000>`` for U+20000, which PDF readers reject: the character prints, but
    copying it or searching for it (and pypdf's text extraction) finds nothing. A name must stay findable."""
    head = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
            f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
            f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar"]
    tail = ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(head + [f"<{i:02X}> <{_utf16(v)}>" for i, v in enumerate(subset)] + tail)


ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # looked up by name when a font subset is written

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


# Rarer characters fall back, by code point, to subsets of HanaMin and BabelStone Han
# (resources/fonts/FALLBACK-FONTS.md); each is loaded the first time a character needs it. They ship
# xz-compressed (38 MB of TrueType in 15 MB) and are unpacked once per machine into the font cache
# (printing/font_cache.py): unpacking took 2-3 s in every process that printed a rare character.
FALLBACK_FONTS = (
    ("HanaMinA", "HanaMinA-ExtA.ttf.xz", ((0x3400, 0x4DBF),)),
    ("HanaMinB", "HanaMinB-ExtB-F.ttf.xz", ((0x20000, 0x2FFFF),)),
    ("BabelStoneHanGH", "BabelStoneHan-ExtG-H.ttf.xz", ((0x30000, 0x323AF),)),
)
# A character without a glyph anywhere is drawn as this (never left out) and reported before printing.
MISSING_MARK = "□"
_glyphs: dict[str, frozenset[int]] = {}
_font_of: dict[str, str | None] = {}


def _has(name: str, file: str, ch: str, directory: Path | None) -> bool:
    if name not in _glyphs:
        with _lock:
            if name not in _glyphs:
                if name in _registered:  # the main font, already parsed by ensure_fonts
                    font = pdfmetrics.getFont(name)
                else:
                    path = (directory or fonts_dir()) / file
                    if not path.is_file():
                        raise FontMissing(f"printing font not found: {path}")
                    font = TTFont(name, _font_file(path))
                    pdfmetrics.registerFont(font)
                    _registered[name] = str(path)
                _glyphs[name] = frozenset(font.face.charToGlyph)
    return ord(ch) in _glyphs[name]


def _font_file(path: Path) -> str | io.BytesIO:
    """A TrueType file for ReportLab: its path, the unpacked copy of an ``.xz`` one in the font cache, or (the cache
    cannot be written) its bytes unpacked in memory, named after it."""
    if path.suffix != ".xz":
        return str(path)
    cached = unpacked(path)
    if cached is not None:
        return str(cached)
    data = io.BytesIO(lzma.decompress(path.read_bytes()))
    data.name = str(path.with_suffix(""))
    return data


def prepare_fallback_fonts(directory: Path | None = None) -> list[Path]:
    """Unpack every fallback font into the cache ahead of need (the GUI does it in the background once it is up),
    so that even the first print of a rare character reads a file instead of unpacking one."""
    return unpack_all(directory or fonts_dir(), [file for _name, file, _ranges in FALLBACK_FONTS])


def font_for(ch: str, directory: Path | None = None) -> str | None:
    """The font that draws ``ch``: the main one, else the fallback for its range; None when none has it."""
    found = _font_of.get(ch, "")
    if found != "":
        return found
    main = ensure_fonts(directory)
    if _has(main, FONT_FILE, ch, directory) or ch in "\n\t" or ord(ch) < 0x20:
        found = main
    else:
        code = ord(ch)
        # the font made for the character's range first, then the others (a few characters sit in two)
        ordered = sorted(FALLBACK_FONTS, key=lambda f: not any(lo <= code <= hi for lo, hi in f[2]))
        found = next((name for name, file, _ranges in ordered if _has(name, file, ch, directory)), None)
    _font_of[ch] = found
    return found


def missing_glyphs(text: str) -> list[str]:
    """The characters of ``text`` no shipped font can draw, each once, in order of appearance."""
    seen: list[str] = []
    for ch in text:
        if ch not in seen and not ch.isspace() and font_for(ch) is None:
            seen.append(ch)
    return seen


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` cut into (font, text) runs; a character no font has becomes MISSING_MARK in the main font."""
    out: list[tuple[str, str]] = []
    main = ensure_fonts()
    for ch in text:
        font = font_for(ch)
        if font is None:
            font, ch = main, MISSING_MARK
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out
