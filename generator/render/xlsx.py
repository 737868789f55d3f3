"""The self-assessment workbook (XLSX, openpyxl): the evaluation's `xlsx` format.

Unlike the other writers it does not read the HTML: it lays out `Document.data["workbook"]`
(`generator.documents.evaluation.EvaluationBuilder.workbook`): one sheet per dimension with
the year's programs (status, planned and realised budget, evidence) and indicators, one of
the plan's enablers' budget lines laid out as the programs are (when the plan has any),
and an Output sheet with the enablers in place. Shares are formulas, so a region that
corrects a status or an amount sees them change; status cells take only the four
statuses; the header row stays in view. Same input, same bytes: the document properties
carry the document's date and the zip entries a fixed time and order
(`generator.zips.normalise_zip`).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Collection
from datetime import datetime
from typing import Any

from generator.errors import RenderError
from generator.render import Document, Written

RUPIAH = "#,##0"
#: A bold character's width in column-width units (the width of a `0`), with some room.
BOLD_CHARACTER = 1.15
#: Decimals shown at most for an indicator's value.
MAX_DECIMALS = 4
SHARE = "0.0%"
HEAD_FILL = "1F3B63"
#: Sheet titles: at most 31 characters, none of []:*?/\ (Excel's rules).
_BAD_TITLE = str.maketrans({c: " " for c in "[]:*?/\\"})


def write_xlsx(document: Document) -> Written:
    workbook_data = document.data.get("workbook")
    if workbook_data is None:  # the registry offers xlsx only for the evaluation
        raise RenderError(f"the {document.kind} document has no workbook")
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for sheet in workbook_data["sheets"]:
        _dimension_sheet(book, sheet, workbook_data)
    _output_sheet(book, workbook_data)
    created = document.created.replace(tzinfo=None)
    props = book.properties
    props.creator = props.lastModifiedBy = "masterplan"
    props.title, props.subject = document.title, document.subject
    props.keywords = ", ".join(document.keywords)
    props.language = document.language
    props.created = props.modified = created
    return Written(workbook_bytes(book, document.created))


def workbook_bytes(book: Any, moment: datetime) -> bytes:
    """The saved workbook with `moment` as its modification date and every zip entry's
    time: same input, same bytes (also for `generator.sheets`).

    Saved by openpyxl's writer into memory, uncompressed, then compressed once by
    `normalise_zip`: `Workbook.save` writes each sheet to a temporary file, deflates every
    part, and stamps `modified` with the time of saving (rewritten afterwards, one more
    pass over the zip); same bytes, a third of the time for `masterplan sheets`."""
    from generator.zips import normalise_zip

    book.properties.modified = moment.replace(tzinfo=None)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        _memory_writer()(book, archive).write_data()
    return normalise_zip(buffer.getvalue(), moment)


def _memory_writer() -> Any:
    """openpyxl's `ExcelWriter` writing each worksheet into memory, not a temporary file."""
    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.writer.excel import ExcelWriter

    class MemoryWriter(ExcelWriter):  # type: ignore[misc]
        def write_worksheet(self, ws: Any) -> None:
            if self.workbook.write_only:
                super().write_worksheet(ws)
                return
            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            writer = WorksheetWriter(ws, out=io.BytesIO())
            writer.write()
            ws._rels = writer._rels
            self._archive.writestr(ws.path[1:], writer.read())
            self.manifest.append(ws)

    return MemoryWriter


def _title(text: str) -> str:
    return text.translate(_BAD_TITLE)[:31]


def _put(sheet: Any, row: int, column: int, value: Any) -> Any:
    """A cell holding `value` as data: a text starting with `=` stays text (openpyxl would
    store it as a formula, and the spreadsheet would run it)."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def font(**attributes: Any) -> Any:
    """A font in the workbook's own face and size (what unstyled cells show, Calibri 11),
    with `attributes` (bold, colour, size): a `Font(bold=True)` alone names no face, and
    LibreOffice draws it in its serif fallback. Also for `generator.sheets`."""
    from openpyxl.styles import Font
    from openpyxl.styles.fonts import DEFAULT_FONT

    return Font(**{"name": DEFAULT_FONT.name, "size": DEFAULT_FONT.size,
                   "family": DEFAULT_FONT.family, "scheme": DEFAULT_FONT.scheme,
                   **attributes})


def grouped_format(values: Collection[Any]) -> str:
    """A grouped number format showing `values` (an indicator's baseline, target and
    achieved value) whole: `#,##0` for integers, else as many decimals as the most precise
    of them has (at most `MAX_DECIMALS`)."""
    from generator.i18n.numbers import Formatter

    decimals = Formatter.decimals(values, MAX_DECIMALS)
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _head(sheet: Any, row: int, values: list[str]) -> None:
    from openpyxl.styles import Alignment, PatternFill

    for column, value in enumerate(values, start=1):
        cell = _put(sheet, row, column, value)
        cell.font = font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEAD_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _dimension_sheet(book: Any, sheet_data: dict[str, Any], data: dict[str, Any]) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet = book.create_sheet(_title(sheet_data["title"]))
    heads, labels = {**data["heads"], **sheet_data.get("heads", {})}, data["labels"]
    _head(sheet, 1, heads["programs"])
    sheet.freeze_panes = "A2"
    programs = sheet_data["programs"]
    first, last = 2, 1 + len(programs)
    executed = ",".join(f'D{{row}}="{status}"' for status in data["executed"])
    for row, values in enumerate(programs, start=first):
        for column, value in enumerate(values, start=1):
            _put(sheet, row, column, value)
        sheet.cell(row=row, column=5).number_format = RUPIAH
        sheet.cell(row=row, column=6).number_format = RUPIAH
        sheet.cell(row=row, column=8, value=f"=IF(OR({executed.format(row=row)}),1,0)")
        share = sheet.cell(row=row, column=9, value=f'=IF(E{row}>0,F{row}/E{row},"")')
        share.number_format = SHARE
    if programs:
        statuses = DataValidation(type="list", formula1=f'"{",".join(data["statuses"])}"',
                                  allow_blank=False, showErrorMessage=True,
                                  errorTitle=labels["pick_status"],
                                  error=", ".join(data["statuses"]))
        statuses.add(f"D{first}:D{last}")
        sheet.add_data_validation(statuses)
    # the shares of the dimension, under the programs
    row = last + 2
    span = f"{first}:{max(last, first)}"
    top, bottom = span.split(":")
    summary = [
        (heads["summary"][0], f"=COUNTA(A{top}:A{bottom})", None),
        (heads["summary"][1], f"=SUM(H{top}:H{bottom})", None),
        (heads["summary"][2], f"=IF(B{row}>0,B{row + 1}/B{row},0)", SHARE),
        (heads["summary"][3], f"=IF(SUM(E{top}:E{bottom})>0,SUM(F{top}:F{bottom})"
                              f"/SUM(E{top}:E{bottom}),0)", SHARE),
    ]
    for offset, (label, formula, number_format) in enumerate(summary):
        sheet.cell(row=row + offset, column=1, value=label).font = font(bold=True)
        cell = sheet.cell(row=row + offset, column=2, value=formula)
        if number_format:
            cell.number_format = number_format
    if "indicators" not in sheet_data:  # the enablers' sheet: budget lines only
        _widths(sheet)
        return
    # the indicators of the year, under the shares
    row += len(summary) + 1
    sheet.cell(row=row, column=1, value=labels["indicators"]).font = font(bold=True)
    _head(sheet, row + 1, heads["indicators"])
    for number, values in enumerate(sheet_data["indicators"], start=row + 2):
        for column, value in enumerate(values, start=1):
            _put(sheet, number, column, value)
        # baseline, target and achieved value (D–F), grouped, the decimals they have
        grouped = grouped_format([v for v in values[3:6] if isinstance(v, int | float)])
        for column in (4, 5, 6):
            sheet.cell(row=number, column=column).number_format = grouped
        cell = sheet.cell(row=number, column=8, value=(
            f"=IF(AND(ISNUMBER(D{number}),ISNUMBER(E{number}),ISNUMBER(F{number})),"
            f"IF(E{number}=D{number},IF(F{number}=E{number},1,0),"
            f"MAX(0,MIN(1,(F{number}-D{number})/(E{number}-D{number})))),\"\")"))
        cell.number_format = SHARE
    _widths(sheet)


def _widths(sheet: Any) -> None:
    # column A also carries the dimension's summary labels (`Program direncanakan`,
    # `Berjalan/selesai`) in bold, whose values sit in B: wide enough to read them whole
    longest = max((len(value) for (value,) in sheet.iter_rows(min_col=1, max_col=1,
                                                               values_only=True)
                   if isinstance(value, str)), default=0)
    first = max(13, round(longest * BOLD_CHARACTER) + 2)
    for letter, width in zip("ABCDEFGHI", (first, 46, 24, 13, 18, 18, 18, 14, 13), strict=True):
        sheet.column_dimensions[letter].width = width
    _print_setup(sheet)


def _print_setup(sheet: Any) -> None:
    """Printed: A4 landscape, as wide as the page (as many pages down as it takes), the
    header row on every page; as `masterplan sheets` prints its workbooks."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _output_sheet(book: Any, data: dict[str, Any]) -> None:
    from openpyxl.styles import Alignment

    labels, heads = data["labels"], data["heads"]
    sheet = book.create_sheet(_title(labels["output"]))
    _head(sheet, 1, heads["output"])
    sheet.freeze_panes = "A2"
    rows = data["output"]
    for row, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            cell = _put(sheet, row, column, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = 1 + len(rows)
    sheet.cell(row=last + 2, column=1, value=labels["total"]).font = font(bold=True)
    sheet.cell(row=last + 2, column=3, value=f"=SUM(C2:C{last})")
    sheet.cell(row=last + 3, column=1, value=labels["share"]).font = font(bold=True)
    share = sheet.cell(row=last + 3, column=3, value=f"=C{last + 2}/COUNT(C2:C{last})")
    share.number_format = SHARE
    for letter, width in zip("ABC", (40, 70, 14), strict=True):
        sheet.column_dimensions[letter].width = width
    _print_setup(sheet)


def table_xlsx(title: str, heads: list[str], rows: list[list[Any]], created: datetime, *,
               money: Collection[int] = (), shares: Collection[int] = (),
               widths: dict[int, float] | None = None) -> bytes:
    """One sheet of rows under a frozen header row (`masterplan export -f xlsx`): numbers
    stay numbers, text stays text (never a formula). Same input, same bytes (`created`
    dates the properties and the zip entries). `money` and `shares` are the columns
    (1-based) shown as rupiah and as percent."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = _title(title)
    _head(sheet, 1, heads)
    sheet.freeze_panes = "A2"
    for row, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            cell = _put(sheet, row, column, value)
            if column in money:
                cell.number_format = RUPIAH
            elif column in shares:
                cell.number_format = SHARE
    for column, width in (widths or {}).items():
        sheet.column_dimensions[_letter(column)].width = width
    stamp = created.replace(tzinfo=None)
    props = book.properties
    props.creator = props.lastModifiedBy = "masterplan"
    props.title = title
    props.created = props.modified = stamp
    return workbook_bytes(book, created)


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column))
