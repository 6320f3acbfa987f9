"""The fallback fonts unpacked once per machine into the user's cache folder, instead of once per process in memory."""

from __future__ import annotations

import lzma
import os
from pathlib import Path

from injury_desk.output_files import write_whole

CACHE_ENV = "INJURY_DESK_FONT_CACHE"


def cache_dir() -> Path:
    """Where unpacked fonts are kept: INJURY_DESK_FONT_CACHE, else the user's cache folder (not the data folder:
    the fonts hold nothing of the office's, and a cache may be cleared at any time)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("injury-desk", "injury-desk")) / "fonts"


def cached_name(packed: Path) -> str:
    """The unpacked file's name: the shipped file's name, size and time, so a new version of it unpacks anew."""
    stat = packed.stat()
    return f"{packed.name.removesuffix('.xz')}.{stat.st_size}-{stat.st_mtime_ns}"


def unpacked(packed: Path) -> Path | None:
    """The unpacked copy of the ``.xz`` font ``packed``, made now if missing; None when the cache folder cannot
    be written (the caller then unpacks in memory, as before).

    Unpacking HanaMinB (29 MB from 13 MB) takes 2-3 s and reading it back from the cache 0.2 s: the first print of a
    name with a rare character paid those seconds in every process, on top of rendering."""
    folder = cache_dir()
    target = folder / cached_name(packed)
    if target.is_file():
        return target
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = lzma.decompress(packed.read_bytes())
        # Written whole: a reader never sees half a font, and two processes unpacking at once both end with the
        # same whole file. The name is the application's own, so nothing is checked before.
        write_whole(target, data, check=False)
    except OSError:
        return None
    return target


def unpack_all(directory: Path, names: list[str]) -> list[Path]:
    """Unpack each of ``names`` (files in ``directory``) that is not in the cache yet; returns the cached files."""
    done = []
    for name in names:
        path = unpacked(directory / name)
        if path is not None:
            done.append(path)
    return done
