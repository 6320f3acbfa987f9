"""Measuring, wrapping and shrinking text so it fits a box: CJK breaks between characters, Latin between words."""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

from injury_desk.printing.fonts import MISSING_MARK, font_for

# Characters that must not begin a line (Chinese line-breaking rules): they stay with the previous line.
_NO_LINE_START = set("，。、；：？！）」』】》〉”’,.;:?!)]}%")
_NO_LINE_END = set("（「『【《〈“‘([{")


class Measurer:
    """Character widths of one font at size 1, cached, so measuring a string is a sum of look-ups."""

    def __init__(self, font_name: str) -> None:
        self.font_name = font_name
        self._widths: dict[str, float] = {}

    def char_width(self, ch: str) -> float:
        w = self._widths.get(ch)
        if w is None:
            font = font_for(ch) if ord(ch) >= 0x3400 else self.font_name  # rare characters: their fallback font
            w = stringWidth(ch if font else MISSING_MARK, font or self.font_name, 1000) / 1000.0
            self._widths[ch] = w
        return w

    def width(self, text: str, size: float) -> float:
        get = self._widths.get
        total = 0.0
        for ch in text:
            w = get(ch)
            if w is None:
                w = self.char_width(ch)
            total += w
        return total * size


def _is_wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80


@lru_cache(maxsize=4096)
def _tokens(paragraph: str) -> tuple[str, ...]:
    """Break opportunities: each CJK character alone, Latin words with their trailing spaces."""
    tokens: list[str] = []
    buf = ""
    for ch in paragraph:
        if _is_wide(ch) or ch in _NO_LINE_START and buf == "":
            if buf:
                tokens.append(buf)
                buf = ""
            tokens.append(ch)
        elif ch == " ":
            buf += ch
            tokens.append(buf)
            buf = ""
        else:
            buf += ch
    if buf:
        tokens.append(buf)
    # Glue forbidden line starts to the token before them and forbidden line ends to the token after.
    glued: list[str] = []
    for tok in tokens:
        if glued and (tok[0] in _NO_LINE_START or glued[-1][-1] in _NO_LINE_END):
            glued[-1] += tok
        else:
            glued.append(tok)
    return tuple(glued)


def wrap(m: Measurer, text: str, size: float, width: float) -> list[str]:
    """Greedy line filling; a token wider than the line is split by character so nothing sticks out."""
    lines: list[str] = []
    limit = width / size  # compare in units of size 1 to avoid a multiply per token
    for paragraph in text.split("\n"):
        line = ""
        line_w = 0.0
        for tok in _tokens(paragraph):
            tw = m.width(tok, 1.0)
            if line_w + tw <= limit or not line and tw <= limit:
                line += tok
                line_w += tw
                continue
            stripped = tok.rstrip(" ")
            if line and line_w + m.width(stripped, 1.0) <= limit:
                line += stripped
                line_w = limit  # a trailing space may hang off the end; the next token starts a line
                continue
            if line:
                lines.append(line.rstrip(" "))
                line, line_w = "", 0.0
            if tw <= limit:
                line, line_w = tok, tw
                continue
            for ch in tok:
                cw = m.width(ch, 1.0)
                if line_w + cw > limit and line:
                    lines.append(line)
                    line, line_w = "", 0.0
                line += ch
                line_w += cw
        lines.append(line.rstrip(" "))
    return lines


def ellipsize(m: Measurer, text: str, size: float, width: float) -> str:
    """Cut ``text`` so it and an ellipsis fit ``width``: the last resort before overflowing a box."""
    if m.width(text, size) <= width:
        return text
    out = text
    while out and m.width(out + "…", size) > width:
        out = out[:-1]
    return out + "…"


def fit(
    m: Measurer, text: str, width: float, height: float, size: float, min_size: float, leading: float = 1.25
) -> tuple[float, list[str]]:
    """The largest size from ``size`` down to ``min_size`` at which ``text`` wraps into the box.

    When even the smallest size does not fit, the lines that fit are kept and the last one ends in "…",
    so a value never draws outside its box.
    """
    s = size
    while True:
        lines = wrap(m, text, s, width)
        if len(lines) * s * leading <= height + 0.01:
            return s, lines
        if s - 0.5 < min_size:
            break
        s -= 0.5
    s = min_size
    lines = wrap(m, text, s, width)
    keep = max(1, int((height + 0.01) // (s * leading)))
    if len(lines) > keep:
        lines = lines[:keep]
        last = lines[-1]
        while last and m.width(last + "…", s) > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return s, lines
