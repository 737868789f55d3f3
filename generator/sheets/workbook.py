"""One agency's workbook (XLSX, openpyxl): its programs, indicators and budget lines.

Sheets, in this order: instructions, programs, indicators, budget, then two hidden ones: the
closed lists the cells pick from (`LISTS_SHEET`) and the fingerprint (`META_SHEET`: the
spec's SHA-256, region, agency, language, the program ids with their versions, and every
editable value as it was written, as JSON in column A). The id columns are locked (sheet
protection without a password, every other cell of the data area unlocked); the header row
stays in view; rupiah are integers shown with `#,##0` (display only: Excel's Indonesian
settings show dots, the stored number has none); years are shown with `0`, never as
`2.026`. The empty rows offered for new indicators and budget lines hold no cells: their
columns carry the style (unlocked, number format), so they cost nothing to write and any
row below them takes input as well. Printed, each sheet fits the page width (the data
sheets landscape, their header row on every page). Same spec, same bytes
(`generator.render.xlsx.workbook_bytes`).
"""

from __future__ import annotations

import json
from copy import copy
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from generator.sheets.layout import (
    BUDGET_COLUMNS,
    INDICATOR_HEAD,
    LAYOUT_VERSION,
    LISTS_SHEET,
    META_SHEET,
    NEW_PROGRAMS,
    NEW_ROWS,
    PROGRAM_COLUMNS,
    CellKey,
    budget_cells,
    closed_lists,
    import_openpyxl,
    indicator_cells,
    program_cells,
    program_version,
    sheet_texts,
)
from generator.spec.framework import Framework

RUPIAH = "#,##0"
YEAR = "0"
TEXT = "@"
HEAD_FILL = "1F3B63"
LOCKED_FILL = "E7E6E6"
#: Characters of JSON per cell of the hidden sheet (Excel's limit is 32,767).
CHUNK = 30_000
LIST_COLUMNS = ("dimensions", "sub_dimensions", "horizons", "statuses", "sources", "years",
                "scales")


@dataclass(frozen=True)
class Agency:
    """A workbook's owner: its code (or its name when the spec lists no agencies), its full
    name, and the programs it leads or supports as (dimension, sub-dimension, program)."""

    code: str
    name: str
    programs: tuple[tuple[str, str, dict[str, Any]], ...]


@dataclass(frozen=True)
class SheetSpec:
    """What every workbook of one spec shares."""

    data: dict[str, Any]
    framework: Framework
    spec_name: str
    spec_sha256: str
    lang: str
    moment: datetime


def build_workbook(spec: SheetSpec, agency: Agency, years: list[int]) -> bytes:
    """The workbook of `agency`; `years` are the target columns."""
    import_openpyxl()
    from openpyxl import Workbook

    from generator.render.xlsx import workbook_bytes

    labels = sheet_texts(spec.framework, spec.lang)
    lists = closed_lists(spec.data, spec.framework, spec.lang)
    book = Workbook()
    book.remove(book.active)
    _instructions(book, spec, agency, labels)
    placeholders = [labels["new_program"].format(n=n) for n in range(1, NEW_PROGRAMS + 1)]
    originals: dict[str, Any] = {}
    program_ids = [program["id"] for _d, _s, program in agency.programs]
    _programs(book, spec, agency, labels, placeholders, originals)
    _indicators(book, agency, labels, years, originals)
    _budget(book, agency, labels, originals)
    _lists(book, lists, [*program_ids, *placeholders])
    _validations(book, labels, lists, len(program_ids) + len(placeholders))
    _meta(book, spec, agency, years, placeholders, originals)
    props = book.properties
    props.creator = props.lastModifiedBy = "masterplan"
    props.title = labels["title"].format(agency=agency.name)
    props.language = spec.lang
    props.created = props.modified = spec.moment.replace(tzinfo=None)
    return workbook_bytes(book, spec.moment)


#: Characters of the instructions' column A per line at 11 pt, and of the title at 14 pt bold.
_LINE, _TITLE_LINE = 90, 62


def _instructions(book: Any, spec: SheetSpec, agency: Agency, labels: dict[str, str]) -> None:
    sheet = book.create_sheet(labels["sheet_instructions"])
    region = spec.data.get("region", {})
    years = [spec.data["document"]["period"][k] for k in ("start_year", "end_year")]
    title = labels["title"].format(agency=agency.name)
    made_from = labels["made_from"].format(
        spec=spec.spec_name, region=f"{region.get('type', '')} {region.get('name', '')}".strip(),
        start=years[0], end=years[1])
    # every text wraps inside column A, which the page holds: a long agency name makes the
    # title two lines, never a line running off the printed page
    lines = [(1, title, "title", _TITLE_LINE, 19), (2, made_from, "note", _LINE, 15),
             *((row, step, "note", _LINE, 15)
               for row, step in enumerate(labels["steps"].split("\n"), start=4))]
    for row, text, kind, width, height in lines:
        _cell(sheet, row, 1, text, kind)
        # not every spreadsheet grows a row for wrapped text by itself
        sheet.row_dimensions[row].height = height * (len(text) // width + 1) + 3
    sheet.column_dimensions["A"].width = _LINE
    _print_setup(sheet, landscape=False)


def _print_setup(sheet: Any, *, landscape: bool) -> None:
    """A4, as wide as the page (as many pages down as it takes); a data sheet landscape with
    its header row on every page."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if landscape:
        sheet.print_title_rows = "1:1"


def _head(sheet: Any, columns: list[tuple[str, int, str]]) -> None:
    """The header row, the columns' widths and styles (what their empty cells take), the
    frozen header and the sheet's protection."""
    from openpyxl.utils import get_column_letter

    for column, (text, width, kind) in enumerate(columns, start=1):
        _cell(sheet, 1, column, text, "head")
        dimension = sheet.column_dimensions[get_column_letter(column)]
        dimension.width = width
        if kind != "id":  # locked is every cell's default; an id column greys its rows only
            dimension._style = copy(_style(sheet, kind))
    sheet.row_dimensions[1].height = 32  # two lines of a wrapped heading
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = True  # no password: the lock guards against slips, not people
    for option in ("formatColumns", "formatRows", "formatCells", "autoFilter"):
        setattr(sheet.protection, option, False)
    _print_setup(sheet, landscape=True)


def _style(sheet: Any, kind: str) -> Any:
    """The style of a kind of cell (head, title, note, locked id, or unlocked with its number
    format), made once per workbook: setting styles attribute by attribute costs openpyxl a
    lookup each, once most of `sheets`' time."""
    styles = sheet.parent.__dict__.setdefault("_masterplan_styles", {})
    if kind not in styles:
        from openpyxl.cell.cell import Cell
        from openpyxl.styles import Alignment, PatternFill, Protection

        from generator.render.xlsx import font

        cell = Cell(sheet)  # a scratch cell, in no sheet: only its style is kept
        if kind == "head":
            cell.font = font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor=HEAD_FILL)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        elif kind in ("title", "note"):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if kind == "title":
                cell.font = font(bold=True, size=14)
        elif kind == "id":
            cell.fill = PatternFill("solid", fgColor=LOCKED_FILL)
            cell.number_format = TEXT
        else:
            cell.protection = Protection(locked=False)
            if kind == "money":
                cell.number_format = RUPIAH
            elif kind == "year":
                cell.number_format = YEAR
            elif kind in ("text", "program") or kind.startswith("list:"):
                cell.number_format = TEXT
        styles[kind] = cell._style
    return styles[kind]


def _cell(sheet: Any, row: int, column: int, value: Any, kind: str) -> None:
    """One cell with the style of its kind. Made directly (what `sheet.cell` does, without
    its lookups): a workbook of the complete example holds a few thousand."""
    from openpyxl.cell.cell import Cell

    sheet._cells[(row, column)] = Cell(sheet, row=row, column=column, value=value,
                                       style_array=copy(_style(sheet, kind)))


def _empty_rows(sheet: Any, row: int, kinds: list[str]) -> None:
    """`NEW_ROWS` rows for new entries from `row` on: only their locked id cells are
    written (grey); the others are empty and take their column's style."""
    for column, kind in enumerate(kinds, start=1):
        if kind == "id":
            for offset in range(NEW_ROWS):
                _cell(sheet, row + offset, column, None, kind)


def _programs(book: Any, spec: SheetSpec, agency: Agency, labels: dict[str, str],
              placeholders: list[str], originals: dict[str, Any]) -> None:
    sheet = book.create_sheet(labels["sheet_programs"])
    _head(sheet, [(labels[head], width, kind) for _f, head, width, kind in PROGRAM_COLUMNS])
    row = 2
    for dim, sub, program in agency.programs:
        values = program_cells(spec.framework, dim, sub, program, spec.lang)
        for column, (field, _head_key, _w, kind) in enumerate(PROGRAM_COLUMNS, start=1):
            _cell(sheet, row, column, values[field], kind)
            if field != "id":
                originals[CellKey("programs", program["id"], -1, field).text()] = values[field]
        row += 1
    for placeholder in placeholders:
        for column, (field, _head_key, _w, kind) in enumerate(PROGRAM_COLUMNS, start=1):
            value = placeholder if field == "id" else agency.code if field == "lead_opd" else None
            _cell(sheet, row, column, value, kind)
        row += 1


def _indicators(book: Any, agency: Agency, labels: dict[str, str], years: list[int],
                originals: dict[str, Any]) -> None:
    sheet = book.create_sheet(labels["sheet_indicators"])
    columns = [*INDICATOR_HEAD, *((f"target:{y}", "col_target", 12, "value") for y in years)]
    _head(sheet, [(labels[head].format(year=field.partition(":")[2]), width, kind)
                  for field, head, width, kind in columns])
    row = 2
    for _dim, _sub, program in agency.programs:
        for index, indicator in enumerate(program.get("indicators") or []):
            values = indicator_cells(indicator if isinstance(indicator, dict) else {}, years)
            values |= {"program": program["id"], "number": index + 1}
            for column, (field, _h, _w, kind) in enumerate(columns, start=1):
                _cell(sheet, row, column, values[field], "id" if field == "program" else kind)
                if field not in ("program", "number"):
                    key = CellKey("indicators", program["id"], index, field)
                    originals[key.text()] = values[field]
            row += 1
    _empty_rows(sheet, row, [kind for _f, _h, _w, kind in columns])


def _budget(book: Any, agency: Agency, labels: dict[str, str],
            originals: dict[str, Any]) -> None:
    sheet = book.create_sheet(labels["sheet_budget"])
    _head(sheet, [(labels[head], width, kind) for _f, head, width, kind in BUDGET_COLUMNS])
    row = 2
    for _dim, _sub, program in agency.programs:
        for index, line in enumerate(program.get("budget") or []):
            values = budget_cells(line if isinstance(line, dict) else {})
            values |= {"program": program["id"], "number": index + 1}
            for column, (field, _h, _w, kind) in enumerate(BUDGET_COLUMNS, start=1):
                _cell(sheet, row, column, values[field], "id" if field == "program" else kind)
                if field not in ("program", "number"):
                    originals[CellKey("budget", program["id"], index, field).text()] = \
                        values[field]
            row += 1
    _empty_rows(sheet, row, [kind for _f, _h, _w, kind in BUDGET_COLUMNS])


def _lists(book: Any, lists: dict[str, list[Any]], programs: list[str]) -> None:
    sheet = book.create_sheet(LISTS_SHEET)
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
    for column, name in enumerate([*LIST_COLUMNS, "programs"], start=1):
        values = programs if name == "programs" else lists[name]
        sheet.cell(row=1, column=column, value=name)
        for row, value in enumerate(values, start=2):
            sheet.cell(row=row, column=column, value=value)


def _validations(book: Any, labels: dict[str, str], lists: dict[str, list[Any]],
                 program_rows: int) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    names = [*LIST_COLUMNS, "programs"]

    def range_of(name: str) -> str:
        letter = get_column_letter(names.index(name) + 1)
        count = program_rows if name == "programs" else len(lists[name])
        return f"{LISTS_SHEET}!${letter}$2:${letter}${max(count, 1) + 1}"

    years = lists["years"]
    year_error = labels["pick_year"].format(start=years[0], end=years[-1]) if years else ""
    sheets = [(labels["sheet_programs"], PROGRAM_COLUMNS),
              (labels["sheet_indicators"], INDICATOR_HEAD),
              (labels["sheet_budget"], BUDGET_COLUMNS)]
    for title, columns in sheets:
        sheet = book[title]
        last = max(sheet.max_row, 2)
        for column, (field, _h, _w, kind) in enumerate(columns, start=1):
            name = kind.partition(":")[2] if kind.startswith("list:") else (
                "years" if kind == "year" and field != "baseline_year" else
                "programs" if kind == "program" else "")
            if not name or (name == "scales" and not lists["scales"]):
                continue
            rule = DataValidation(type="list", formula1=range_of(name), allow_blank=True,
                                  showErrorMessage=True, errorTitle=labels["pick_list"],
                                  error=year_error if name == "years" else labels["pick_list"])
            letter = get_column_letter(column)
            rule.add(f"{letter}2:{letter}{last}")
            sheet.add_data_validation(rule)
        for column, (_field, _h, _w, kind) in enumerate(columns, start=1):
            if kind == "money":
                rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                                      allow_blank=True, showErrorMessage=True)
                letter = get_column_letter(column)
                rule.add(f"{letter}2:{letter}{last}")
                sheet.add_data_validation(rule)


def _meta(book: Any, spec: SheetSpec, agency: Agency, years: list[int],
          placeholders: list[str], originals: dict[str, Any]) -> None:
    sheet = book.create_sheet(META_SHEET)
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
    meta = {
        "layout": LAYOUT_VERSION,
        "spec_sha256": spec.spec_sha256,
        "region_code": str(spec.data.get("region", {}).get("code", "")),
        "region_name": str(spec.data.get("region", {}).get("name", "")),
        "agency": agency.code,
        "framework": spec.framework.name,
        "lang": spec.lang,
        "years": years,
        "placeholders": placeholders,
        "programs": {program["id"]: program_version(program, dim, sub)
                     for dim, sub, program in agency.programs},
        "originals": originals,
    }
    text = json.dumps(meta, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for row, start in enumerate(range(0, len(text), CHUNK), start=1):
        sheet.cell(row=row, column=1, value=text[start:start + CHUNK]).number_format = TEXT
