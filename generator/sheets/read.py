"""Read a filled workbook back, refusing anything that is not one of ours, unchanged in shape.

Checks in order, each a positioned refusal (`FILE.xlsx`, `FILE.xlsx:Sheet`,
`FILE.xlsx:Sheet!C12`): a regular file under `MAX_BYTES`; not an OLE container (a
password-protected workbook is one, so is an old .xls); not macro-enabled (`.xlsm`, a VBA
part or its content type); a zip whose entries are few, small and not a compression bomb;
openpyxl in read-only mode (streams, nothing is evaluated); the hidden fingerprint sheet;
the framework it was made under is the spec's; exactly our sheets; per data sheet at most
`MAX_ROWS` rows, no merged cells, the header row as written, no formulas. Values are
returned as the cells hold them; `merge` turns them into spec values.
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import Diagnostic, SourceSpan, SpecError
from generator.sheets.layout import (
    BUDGET_COLUMNS,
    INDICATOR_HEAD,
    LAYOUT_VERSION,
    LISTS_SHEET,
    META_SHEET,
    PROGRAM_COLUMNS,
    import_openpyxl,
    sheet_texts,
)
from generator.spec.framework import DEFAULT_FRAMEWORK, Framework

MAX_BYTES = 10 * 1024 * 1024
MAX_ENTRIES = 500
MAX_UNPACKED = 100 * 1024 * 1024
MAX_RATIO = 200
MAX_ROWS = 5_000
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MACRO_TYPE = b"macroEnabled"
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*ref=\"([A-Z]+[0-9]+)")
_ROW = re.compile(rb"<(?:\w+:)?row\s[^>]*?r=\"([0-9]+)\"")


def cell_span(file: str, sheet: str | None = None, cell: str | None = None) -> SourceSpan:
    """`FILE.xlsx:Sheet!C12` as a span (line 0: printed as it stands)."""
    where = file if sheet is None else f"{file}:{sheet}" if cell is None else \
        f"{file}:{sheet}!{cell}"
    return SourceSpan(where, 0, 0)


def refusal(span: SourceSpan, code: str, /, **params: object) -> SpecError:
    return SpecError([Diagnostic(span, "error", "", code, params)])


@dataclass
class Row:
    number: int
    values: dict[str, Any]
    cells: dict[str, str]  # field -> column letter + row


@dataclass
class FilledWorkbook:
    display: str
    meta: dict[str, Any]
    sheet_names: dict[str, str]  # kind -> title
    rows: dict[str, list[Row]] = field(default_factory=dict)

    def span(self, kind: str, row: Row | None = None, field_name: str | None = None) -> SourceSpan:
        cell = None
        if row is not None:
            cell = row.cells.get(field_name or "", None) or f"A{row.number}"
        return cell_span(self.display, self.sheet_names[kind], cell)


def read_workbook(path: Path, framework: Framework,
                  display: str | None = None) -> FilledWorkbook:
    """The workbook at `path`, made for a spec of `framework`; SpecError (positioned) when
    it is not one of ours, was made under another framework or changed shape."""
    display = display or str(path)
    whole = cell_span(display)
    data = _read_capped(path, whole)
    if data.startswith(_OLE):
        raise refusal(whole, "sheets.encrypted")
    if path.suffix.lower() in (".xlsm", ".xltm", ".xlam"):
        raise refusal(whole, "sheets.macro")
    if not data.startswith(b"PK"):
        raise refusal(whole, "sheets.not_xlsx")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise refusal(whole, "sheets.not_xlsx") from None
    _check_entries(infos, whole)
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise refusal(whole, "sheets.not_xlsx")
    if "xl/vbaProject.bin" in names or _MACRO_TYPE in _read(archive, "[Content_Types].xml",
                                                            whole):
        raise refusal(whole, "sheets.macro")
    with warnings.catch_warnings():  # openpyxl warns about parts it skips (extensions)
        warnings.simplefilter("ignore")
        try:
            import_openpyxl()
            from openpyxl import load_workbook

            book = load_workbook(io.BytesIO(data), read_only=True, data_only=False,
                                 keep_links=False)
        except Exception:  # openpyxl raises anything on a broken package; all mean the same
            raise refusal(whole, "sheets.not_xlsx") from None
        try:
            return _read_book(book, archive, display, whole, framework)
        except SpecError:
            raise
        except Exception:  # a sheet's XML that openpyxl cannot stream
            raise refusal(whole, "sheets.not_xlsx") from None
        finally:
            book.close()


def _read_capped(path: Path, whole: SourceSpan) -> bytes:
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise refusal(whole, "file.is_directory")
        if not stat.S_ISREG(info.st_mode):
            raise refusal(whole, "file.not_regular")
        if info.st_size > MAX_BYTES:
            raise refusal(whole, "file.too_large", size=_mib(info.st_size), limit=_mib(MAX_BYTES))
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise refusal(whole, "file.not_found") from None
    except OSError as exc:
        raise refusal(whole, "file.unreadable", reason=exc.strerror or str(exc)) from None
    if len(data) > MAX_BYTES:
        raise refusal(whole, "file.too_large", size=_mib(len(data)), limit=_mib(MAX_BYTES))
    return data


def _mib(size: int) -> tuple[str, str, str]:
    """A size as a message parameter in both languages: `12,5 MiB`, `12.5 MiB`."""
    from generator.i18n.numbers import message_number

    return message_number(size / 1024 / 1024, 1, fixed=True, unit="MiB")


def _check_entries(infos: list[zipfile.ZipInfo], whole: SourceSpan) -> None:
    if len(infos) > MAX_ENTRIES:
        raise refusal(whole, "sheets.zip_bomb", limit=_mib(MAX_UNPACKED))
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > MAX_UNPACKED or (info.file_size > 1024 * 1024 and ratio > MAX_RATIO):
            raise refusal(whole, "sheets.zip_bomb", limit=_mib(MAX_UNPACKED))


def _read(archive: zipfile.ZipFile, name: str, whole: SourceSpan) -> bytes:
    try:
        with archive.open(name) as handle:
            return handle.read(MAX_UNPACKED + 1)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise refusal(whole, "sheets.not_xlsx") from None


def _read_book(book: Any, archive: zipfile.ZipFile, display: str, whole: SourceSpan,
               framework: Framework) -> FilledWorkbook:
    if META_SHEET not in book.sheetnames:
        raise refusal(whole, "sheets.no_fingerprint")
    meta = _meta(book[META_SHEET], display)
    # workbooks made before frameworks were data name none: they are the default's
    made_under = str(meta.get("framework") or DEFAULT_FRAMEWORK)
    if made_under != framework.name:
        raise refusal(whole, "sheets.other_framework", sheet_framework=made_under,
                      spec_framework=framework.name)
    labels = sheet_texts(framework, str(meta.get("lang")))
    titles = {"instructions": labels["sheet_instructions"], "programs": labels["sheet_programs"],
              "indicators": labels["sheet_indicators"], "budget": labels["sheet_budget"]}
    expected = [*titles.values(), LISTS_SHEET, META_SHEET]
    for name in book.sheetnames:
        if name not in expected:
            raise refusal(cell_span(display, name), "sheets.extra_sheet", sheet=name,
                          expected=", ".join(expected[:4]))
    for name in expected:
        if name not in book.sheetnames:
            raise refusal(whole, "sheets.missing_sheet", sheet=name)
    result = FilledWorkbook(display, meta, titles)
    years = [int(y) for y in meta.get("years", [])]
    layouts = {
        "programs": PROGRAM_COLUMNS,
        "indicators": (*INDICATOR_HEAD, *((f"target:{y}", "col_target", 0, "value")
                                          for y in years)),
        "budget": BUDGET_COLUMNS,
    }
    for kind, columns in layouts.items():
        sheet = book[titles[kind]]
        _check_xml(archive, sheet, display, titles[kind], whole)
        heads = [labels[head].format(year=f.partition(":")[2]) for f, head, _w, _k in columns]
        result.rows[kind] = _rows(sheet, [c[0] for c in columns], heads, display, titles[kind])
    return result


def _meta(sheet: Any, display: str) -> dict[str, Any]:
    chunks = []
    for (value,) in sheet.iter_rows(min_col=1, max_col=1, max_row=1000, values_only=True):
        if value is None:
            break
        chunks.append(str(value))
    try:
        meta = json.loads("".join(chunks))
    except ValueError:
        meta = None
    if not isinstance(meta, dict) or meta.get("layout") != LAYOUT_VERSION or not isinstance(
            meta.get("originals"), dict):
        raise refusal(cell_span(display, META_SHEET, "A1"), "sheets.no_fingerprint")
    return meta


def _check_xml(archive: zipfile.ZipFile, sheet: Any, display: str, title: str,
               whole: SourceSpan) -> None:
    path = str(getattr(sheet, "_worksheet_path", "")).lstrip("/")
    xml = _read(archive, path, whole)
    rows = [int(m) for m in _ROW.findall(xml)]
    if rows and max(rows) > MAX_ROWS + 1:
        raise refusal(cell_span(display, title, f"A{MAX_ROWS + 2}"), "sheets.too_many_rows",
                      limit=MAX_ROWS)
    merged = _MERGE.search(xml)
    if merged:
        raise refusal(cell_span(display, title, merged.group(1).decode("ascii")),
                      "sheets.merged_cells")


def _rows(sheet: Any, fields: list[str], heads: list[str], display: str,
          title: str) -> list[Row]:
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(i) for i in range(1, len(fields) + 1)]
    problems: list[Diagnostic] = []
    rows: list[Row] = []
    for number, cells in enumerate(sheet.iter_rows(min_row=1, max_row=MAX_ROWS + 1,
                                                   max_col=len(fields)), start=1):
        values: dict[str, Any] = {}
        for index, cell in enumerate(cells):
            value = getattr(cell, "value", None)
            ref = f"{letters[index]}{number}"
            if getattr(cell, "data_type", None) == "f" or type(value).__name__ in (
                    "ArrayFormula", "DataTableFormula"):
                problems.append(Diagnostic(cell_span(display, title, ref), "error", "",
                                           "sheets.formula", {"formula": str(value)[:60]}))
                value = None
            if isinstance(value, str):
                value = value.strip() or None
            values[fields[index]] = value
        if number == 1:
            for index, head in enumerate(heads):
                found = values.get(fields[index])
                if (found or "") != head:
                    raise refusal(cell_span(display, title, f"{letters[index]}1"),
                                  "sheets.header", expected=head, found=found or "")
            continue
        if all(v is None for k, v in values.items() if k not in ("id", "number", "program")) \
                and values.get("number") is None and values.get("id") is None:
            continue
        rows.append(Row(number, values,
                        {f: f"{letters[i]}{number}" for i, f in enumerate(fields)}))
    if problems:
        raise SpecError(problems)
    return rows
