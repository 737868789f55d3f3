"""Advance widths of Carlito, the documents' font (metric-compatible with Calibri): how wide
a text sets, without laying it out. Shared by the DOCX converter's column widths
(`generator.render.docx.measure`) and the evaluation pack's (`generator.documents.evaluation`).
"""

from __future__ import annotations

import functools
from typing import Any

from generator.resources import fonts_dir

FONTS_DIR = fonts_dir()
_AVERAGE_ADVANCE = 0.52  # ems per character when the font cannot be read
_MAX_MEASURED = 2000  # characters of a text that are measured


class _Advances(dict[str, float]):
    """Advance width of each character in ems, read from Carlito on first use."""

    def __init__(self, font: Any) -> None:
        super().__init__()
        self.font = font

    def __missing__(self, char: str) -> float:
        width = (float(self.font.getlength(char)) / 1000 if self.font is not None
                 else _AVERAGE_ADVANCE)
        self[char] = width
        return width


@functools.cache
def _advances(bold: bool) -> _Advances:
    from PIL import ImageFont

    name = "Carlito-Bold.ttf" if bold else "Carlito-Regular.ttf"
    try:
        font = ImageFont.truetype(str(FONTS_DIR / name), 1000)
    except OSError:
        font = None
    return _Advances(font)


def measure(text: str, *, bold: bool = False) -> tuple[float, float]:
    """(the text on one line, its widest word) in ems of Carlito."""
    advances = _advances(bold)
    widths = [sum(advances[char] for char in word)
              for word in text[:_MAX_MEASURED].split()]
    line = sum(widths) + advances[" "] * max(len(widths) - 1, 0)
    return line, max(widths, default=0.0)
