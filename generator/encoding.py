"""Text as it leaves the tool for other programs: JSON that is always UTF-8, and CSV cells a
spreadsheet shows instead of running.

**File names that are not UTF-8.** On POSIX a file name is bytes; Python decodes the bytes
that are not UTF-8 to lone surrogates (``0xff`` → ``'\\udcff'``), which cannot be encoded to
UTF-8 at all: a JSON, CSV or HTML file holding one is either not UTF-8 or not written.
`printable` writes each such byte as the four characters ``\\xNN`` (the spelling of Python's
``backslashreplace`` and of ``ls -b``): names stay distinct and say which byte it was, and
no output carries a ``\\udcXX`` escape that strict JSON readers refuse. Every file name the
tool shows (diagnostics, summaries, exports) goes through it; `json_text` applies it to the
whole document as a last guard.

**Formula injection (CSV, later XLSX).** Excel and LibreOffice run a cell that starts with
``=``, ``+``, ``-`` or ``@`` as a formula (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``), and
skip a leading tab or carriage return first. As OWASP recommends, `spreadsheet_cell` puts a
single quote in front of every *text* cell that starts so (also after leading whitespace,
and for the full-width ``＝＋－＠`` that some spreadsheets accept): the cell is then shown as
text. Numbers stay numbers: ``-5`` as an ``int`` is written as ``-5``, the text ``"-5"`` as
``'-5``. Every CSV the tool writes goes through `csv_bytes`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")
#: What makes a spreadsheet read a cell as a formula (OWASP's list, plus full-width forms).
FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
#: Skipped by spreadsheets before they look for a formula.
_LEADING = " \t\r\n"


def _escape_surrogate(match: re.Match[str], backslash: str) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # one undecodable byte (PEP 383 surrogateescape)
        return f"{backslash}x{code - 0xDC00:02x}"
    return f"{backslash}u{code:04x}"


def printable(text: str) -> str:
    """`text` with every lone surrogate (an undecodable byte of a file name) as ``\\xNN``."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(lambda match: _escape_surrogate(match, "\\"), text)


def json_text(data: Any, *, indent: int | None = 2, compact: bool = False) -> str:
    """JSON of `data`, non-ASCII kept as is, always encodable as UTF-8.

    A surrogate can only stand inside a JSON string, so it is replaced in the finished text
    by an escaped backslash plus ``xNN``: the string then reads back as `printable` spells it.
    """
    separators = (",", ":") if compact else None
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(lambda match: _escape_surrogate(match, "\\\\"), text)


def json_bytes(data: Any, *, indent: int | None = 2, compact: bool = False) -> bytes:
    """`json_text` as UTF-8, ending with a newline unless `compact`."""
    text = json_text(data, indent=indent, compact=compact)
    return (text if compact else text + "\n").encode("utf-8")


def spreadsheet_cell(value: Any) -> Any:
    """One cell for a spreadsheet: None is empty, numbers stay numbers (floats get at most
    three decimals), text is `printable` and cannot start a formula."""
    if value is None:
        return ""
    if isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    text = printable(str(value))
    if text[:1] in ("\t", "\r") or text.lstrip(_LEADING)[:1] in FORMULA_STARTS:
        return "'" + text
    return text


def csv_bytes(columns: Sequence[str], rows: Iterable[dict[str, Any]], *, bom: bool = True,
              delimiter: str = ",") -> bytes:
    """RFC 4180 CSV (CRLF line ends, minimal quoting) in UTF-8, with a BOM unless told not;
    every cell, the header's too, through `spreadsheet_cell`."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(columns), delimiter=delimiter,
                            lineterminator="\r\n", extrasaction="raise")
    writer.writerow({key: spreadsheet_cell(key) for key in columns})
    for row in rows:
        writer.writerow({key: spreadsheet_cell(value) for key, value in row.items()})
    return ("\ufeff" if bom else "").encode("utf-8") + buffer.getvalue().encode("utf-8")
