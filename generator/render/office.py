"""What the Office writers share (DOCX, PPTX, XLSX and the workbooks of native charts), in a
module that imports none of them: text an Office XML part accepts (`clean_text`), a core
property within its 255 characters (`core_text`), and a package (zip) whose bytes depend
only on its content (`normalise_zip`). A deck imports no DOCX converter for these.
"""

from __future__ import annotations

import re

from generator.zips import normalise_zip as normalise_zip
from generator.zips import zip_timestamp as zip_timestamp

CORE_PROPERTY_LIMIT = 255  # characters, python-docx's and Word's limit
ELLIPSIS = "…"

# Whitespace-like controls become a space; every other character XML 1.0 forbids goes.
_SPACE_CONTROLS = re.compile("[\x0b\x0c\x85\u2028\u2029]")
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """`text` with only characters that XML 1.0 (and Word) accept."""
    if text.isascii() and text.isprintable():
        return text
    text = _SPACE_CONTROLS.sub(" ", text)
    text = _ILLEGAL.sub("", text)
    return _SURROGATES.sub("\ufffd", text)


def core_text(text: str, limit: int = CORE_PROPERTY_LIMIT) -> str:
    """`text` as a core property: XML-clean, and when longer than `limit` characters cut at
    the last word boundary that leaves room for an ellipsis (at a character when the only
    boundary would lose more than half)."""
    text = clean_text(text)
    if len(text) <= limit:
        return text
    room = limit - len(ELLIPSIS)
    cut = text[:room + 1].rpartition(" ")[0].rstrip(" ,;:–-")
    if len(cut) < room // 2:
        cut = text[:room].rstrip()
    return cut + ELLIPSIS


