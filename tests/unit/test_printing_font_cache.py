"""The fallback fonts are unpacked once into the font cache and read from there afterwards."""

from __future__ import annotations

import lzma
import os

import pytest

from injury_desk.printing import font_cache, fonts


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(font_cache.CACHE_ENV, str(folder))
    return folder


def packed(folder, name: str, content: bytes):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(lzma.compress(content))
    return path


def test_a_packed_font_is_unpacked_once_and_then_read_from_the_cache(tmp_path, cache, monkeypatch):
    source = packed(tmp_path / "fonts", "Demo.ttf.xz", b"\x00\x01\x00\x00" + b"glyphs" * 1000)
    first = font_cache.unpacked(source)
    assert first is not None and first.parent == cache and first.name.startswith("Demo.ttf.")
    assert first.read_bytes() == b"\x00\x01\x00\x00" + b"glyphs" * 1000
    # the second time nothing is unpacked: decompressing would fail the test
    monkeypatch.setattr(font_cache.lzma, "decompress", lambda _data: pytest.fail("unpacked again"))
    assert font_cache.unpacked(source) == first
    assert [p.name for p in cache.iterdir()] == [first.name]  # no partial file left behind


def test_a_new_version_of_the_shipped_font_is_unpacked_anew(tmp_path, cache):
    source = packed(tmp_path / "fonts", "Demo.ttf.xz", b"old")
    old = font_cache.unpacked(source)
    source.write_bytes(lzma.compress(b"newer and longer"))
    os.utime(source, ns=(1, 1))
    new = font_cache.unpacked(source)
    assert new != old and new.read_bytes() == b"newer and longer"


def test_without_a_writable_cache_the_font_is_unpacked_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv(font_cache.CACHE_ENV, str(blocker / "fonts"))
    source = packed(tmp_path / "fonts", "Demo.ttf.xz", b"bytes of a font")
    assert font_cache.unpacked(source) is None
    data = fonts._font_file(source)
    assert data.read() == b"bytes of a font" and data.name == str(tmp_path / "fonts" / "Demo.ttf")


def test_the_renderer_reads_a_cached_copy_of_a_packed_font(tmp_path, cache):
    source = packed(tmp_path / "fonts", "Demo.ttf.xz", b"bytes of a font")
    path = fonts._font_file(source)
    assert isinstance(path, str) and path.startswith(str(cache)) and open(path, "rb").read() == b"bytes of a font"


def test_every_shipped_fallback_font_is_prepared_and_still_draws_its_characters(cache):
    prepared = fonts.prepare_fallback_fonts()
    assert len(prepared) == len(fonts.FALLBACK_FONTS) and all(p.parent == cache for p in prepared)
    # 䶮 is CJK Extension A (HanaMinA), 𠀀 Extension B (HanaMinB)
    assert fonts.font_for("䶮") == "HanaMinA" and fonts.font_for("𠀀") == "HanaMinB"
