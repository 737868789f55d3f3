"""What the Office writers share (DOCX, PPTX, XLSX and the workbooks of native charts), in a
module that imports none of them: text an Office XML part accepts (`clean_text`), a core
property within its 255 characters (`core_text`), and a package (zip) whose bytes depend
only on its content (`normalise_zip`). A deck imports no DOCX converter for these.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from datetime import datetime

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


def zip_timestamp(moment: datetime) -> tuple[int, int, int, int, int, int]:
    """A zip entry time for `moment` (zip cannot store dates before 1980)."""
    if moment.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute,
            moment.second - moment.second % 2)


def normalise_zip(data: bytes, moment: datetime, order: Iterable[str] = ("[Content_Types].xml",
                                                                             )) -> bytes:
    """Rewrite a zip with fixed entry times, attributes and order: same input, same bytes.

    python-docx stamps every entry with the current time; here each gets `moment`, the
    entries named in `order` come first (``[Content_Types].xml`` must, for some readers)
    and the others follow in the order python-docx wrote them.
    """
    stamp = zip_timestamp(moment)
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        names = source.namelist()
        first = [name for name in order if name in names]
        for name in first + [n for n in names if n not in first]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # MS-DOS: no Unix permission bits to differ by umask
            info.external_attr = 0
            target.writestr(info, source.read(name))
    return output.getvalue()
