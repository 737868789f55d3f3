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

**The reader's regional settings (CSV).** Excel opens a CSV with the Windows list separator
as its field separator and reads numbers with the regional decimal mark: with Indonesian
settings that is ``;`` and ``,`` (``.`` groups thousands), with English ones ``,`` and
``.``. `csv_dialect` gives the pair for a language, so an Indonesian CSV opens in columns
with ``12,5`` read as a number, an English one with ``12.5``.

**Region codes (CSV).** A Kemendagri code ``35.10`` does not survive a spreadsheet as text:
Excel converts every cell that looks like a number, date or time under the regional settings
(with English settings ``35.10`` becomes the number 35.1; with Indonesian ones, where ``.``
separates thousands and hours from minutes, it is not kept as written either), and pandas
or R read it as the float 35.1. Quoting the cell changes nothing; a leading ``'`` keeps it
text only by becoming part of the value every reader gets; ``="35.10"`` is a formula (refused
above, and a formula to every other reader). So `region_code_cell` writes the code's four
digits, ``3510``: the form our file names use (``3510-kabupaten-banyuwangi-...``), an
integer that Excel, pandas and R all read the same way and that no locale regroups
(province codes start at 11, so there is never a leading zero); the dotted form is the
first two digits, a dot, the last two. JSON keeps ``"35.10"``.
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


#: (field separator, decimal mark) of a CSV for a reader with the language's regional settings
CSV_DIALECTS = {"id": (";", ","), "en": (",", ".")}
_REGION_CODE = re.compile(r"^[0-9]{2}\.[0-9]{2}$")


def csv_dialect(lang: str) -> tuple[str, str]:
    """The field separator and decimal mark Excel expects with `lang`'s regional settings."""
    return CSV_DIALECTS.get(lang, CSV_DIALECTS["id"])


def region_code_cell(code: Any) -> Any:
    """A region code as a spreadsheet keeps it: ``35.10`` → ``3510`` (see the module's
    docstring); anything else unchanged."""
    if isinstance(code, str) and _REGION_CODE.match(code):
        return code.replace(".", "")
    return code


def spreadsheet_cell(value: Any, decimal: str = ".") -> Any:
    """One cell for a spreadsheet: None is empty, numbers stay numbers (floats get at most
    three decimals, with `decimal` as their mark), text is `printable` and cannot start a
    formula."""
    if value is None:
        return ""
    if isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".").replace(".", decimal)
    text = printable(str(value))
    if text[:1] in ("\t", "\r") or text.lstrip(_LEADING)[:1] in FORMULA_STARTS:
        return "'" + text
    return text


def csv_bytes(columns: Sequence[str], rows: Iterable[dict[str, Any]], *, bom: bool = True,
              delimiter: str = ",", header: Sequence[str] | None = None,
              decimal: str = ".") -> bytes:
    """RFC 4180 CSV (CRLF line ends, minimal quoting) in UTF-8, with a BOM unless told not;
    the first row is `header` (default: the `columns` keys themselves); every cell, the
    header's too, through `spreadsheet_cell`."""
    heads = list(columns) if header is None else list(header)
    if len(heads) != len(columns):
        raise ValueError("one heading per column")
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(columns), delimiter=delimiter,
                            lineterminator="\r\n", extrasaction="raise")
    writer.writerow({key: spreadsheet_cell(head) for key, head in zip(columns, heads,
                                                                       strict=True)})
    for row in rows:
        writer.writerow({key: spreadsheet_cell(value, decimal) for key, value in row.items()})
    return ("\ufeff" if bom else "").encode("utf-8") + buffer.getvalue().encode("utf-8")
