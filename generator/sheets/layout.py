"""What an agency's workbook holds, shared by the writer (`workbook`) and the reader (`merge`).

Three data sheets: programs (one row per program), indicators (one row per indicator, a
column per target year) and budget (one row per budget line). Every editable cell has a
stable *key* (`CellKey`): the program's id, the row's index in the spec's list, and the
field. The sheet shows values in a *sheet form* (labels instead of the spec's keys for
dimensions, horizons and statuses; lists joined with `; `); the same functions turn the
spec into that form for the workbook, for the originals stored in its hidden sheet and for
the current spec at import, so the three compare value by value.

The closed lists come from here and nowhere else in this package: the dimensions and
sub-dimensions (their labels, order and id prefixes) from the spec's framework
(`generator.spec.framework`), horizons, statuses and funding sources from
`generator.spec.vocabulary`. The framework's term ("Dimensi" or "Aspek") heads the columns
and names them in the instructions (`sheet_texts`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.i18n.labels import index_of, sheet_labels
from generator.spec.framework import Framework
from generator.spec.vocabulary import FUNDING_SOURCES as FUNDING_SOURCES
from generator.spec.vocabulary import HORIZONS as HORIZONS
from generator.spec.vocabulary import PROGRAM_STATUS as PROGRAM_STATUS

#: The version of this layout; a workbook of another version is refused.
LAYOUT_VERSION = 1
META_SHEET = "_masterplan"
LISTS_SHEET = "_daftar"
#: Empty rows offered for new programs, indicators and budget lines.
NEW_PROGRAMS = 10
NEW_ROWS = 25

#: (field, label key, width, kind). Kinds: id (locked), text, list:<name>, year, money, value.
PROGRAM_COLUMNS: tuple[tuple[str, str, int, str], ...] = (
    ("id", "col_id", 13, "id"),
    ("dimension", "col_dimension", 20, "list:dimensions"),
    ("sub_dimension", "col_sub_dimension", 30, "list:sub_dimensions"),
    ("name", "col_name", 44, "text"),
    ("lead_opd", "col_lead_opd", 22, "text"),
    ("supporting_opds", "col_supporting_opds", 30, "text"),
    ("horizon", "col_horizon", 18, "list:horizons"),
    ("status", "col_status", 12, "list:statuses"),
    ("start_year", "col_start_year", 12, "year"),
    ("end_year", "col_end_year", 12, "year"),
)
INDICATOR_HEAD: tuple[tuple[str, str, int, str], ...] = (
    ("program", "col_program", 13, "program"),
    ("number", "col_number", 6, "id"),
    ("name", "col_indicator", 44, "text"),
    ("unit", "col_unit", 14, "text"),
    ("scale", "col_scale", 14, "list:scales"),
    ("baseline", "col_baseline", 12, "value"),
    ("baseline_year", "col_baseline_year", 12, "year"),
)
BUDGET_COLUMNS: tuple[tuple[str, str, int, str], ...] = (
    ("program", "col_program", 13, "program"),
    ("number", "col_number", 6, "id"),
    ("year", "col_year", 14, "year"),
    ("source", "col_source", 16, "list:sources"),
    ("amount", "col_amount", 20, "money"),
    ("note", "col_note", 40, "text"),
)
SHEET_KINDS = ("programs", "indicators", "budget")


@dataclass(frozen=True)
class CellKey:
    """One editable value: `kind` programs/indicators/budget, the program id, the row's index
    in the spec's list (-1 for a program row), the field (`target:2027` for a target)."""

    kind: str
    program: str
    index: int
    field: str

    def text(self) -> str:
        return f"{self.kind}|{self.program}|{self.index}|{self.field}"

    @classmethod
    def parse(cls, text: str) -> CellKey:
        kind, program, index, field = text.split("|", 3)
        return cls(kind, program, int(index), field)


def import_openpyxl() -> None:
    """Import openpyxl without numpy. openpyxl imports numpy, when it is installed, only to
    take numpy's numbers as cell values (these workbooks hold none), and numpy's import
    costs a command more than writing all of its workbooks. Once openpyxl is in, numpy
    imports as usual for whoever needs it."""
    import sys

    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` fails
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]


def label(pair: Any, lang: str) -> str:
    return str(pair[index_of(lang)])


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@functools.cache
def sheet_texts(framework: Framework, lang: str) -> dict[str, str]:
    """The workbook's texts in `lang`, worded with the framework's term ("Dimensi"/"Aspek")."""
    texts = dict(sheet_labels(lang))
    term, sub_term = label(framework.term, lang), label(framework.sub_term, lang)
    texts["col_dimension"], texts["col_sub_dimension"] = _capital(term), _capital(sub_term)
    plural = "s" if lang == "en" else ""
    texts["steps"] = texts["steps"].format(dimensions=term.lower() + plural,
                                           sub_dimensions=sub_term.lower() + plural)
    return texts


@functools.cache
def dimension_names(framework: Framework, lang: str) -> dict[str, str]:
    return {key: label(value, lang) for key, value in framework.dimensions.items()}


@functools.cache
def sub_dimension_names(framework: Framework, lang: str) -> dict[tuple[str, str], str]:
    return {(dim, sub): label(value, lang) for dim, subs in framework.sub_dimensions.items()
            for sub, value in subs.items()}


@functools.cache
def horizon_names(lang: str) -> dict[str, str]:
    return {key: label(value, lang) for key, value in HORIZONS.items()}


@functools.cache
def status_names(lang: str) -> dict[str, str]:
    return {key: label(value, lang) for key, value in PROGRAM_STATUS.items()}


def source_codes(data: dict[str, Any]) -> list[str]:
    """The standard funding sources, then the spec's own (`funding_sources`)."""
    own = [s.get("code") for s in _list(data.get("funding_sources")) if isinstance(s, dict)]
    return [*FUNDING_SOURCES, *(c for c in own if isinstance(c, str) and c not in FUNDING_SOURCES)]


def period_years(data: dict[str, Any]) -> list[int]:
    period = _dict(_dict(data.get("document")).get("period"))
    start, end = period.get("start_year"), period.get("end_year")
    if isinstance(start, int) and isinstance(end, int) and start <= end:
        return list(range(start, end + 1))
    return []


def closed_lists(data: dict[str, Any], framework: Framework,
                 lang: str) -> dict[str, list[Any]]:
    """Every closed list a cell picks from, in the workbook's language."""
    from generator.spec.scales import scales_of

    return {
        "dimensions": list(dimension_names(framework, lang).values()),
        "sub_dimensions": list(sub_dimension_names(framework, lang).values()),
        "horizons": list(horizon_names(lang).values()),
        "statuses": list(status_names(lang).values()),
        "sources": source_codes(data),
        "years": period_years(data),
        "scales": list(scales_of(data)),
    }


def iter_programs(data: dict[str, Any],
                  framework: Framework) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(dimension, sub-dimension, program) in the framework's order."""
    dimensions = _dict(data.get("dimensions"))
    for dim, subs_of_dim in framework.sub_dimensions.items():
        subs = _dict(_dict(dimensions.get(dim)).get("sub_dimensions"))
        for sub in subs_of_dim:
            for program in _list(_dict(subs.get(sub)).get("programs")):
                if isinstance(program, dict) and isinstance(program.get("id"), str):
                    yield dim, sub, program


def program_version(program: dict[str, Any], dim: str, sub: str) -> str:
    """A short hash of everything a program holds (and where it stands)."""
    text = json.dumps([dim, sub, program], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def target_years(data: dict[str, Any], programs: list[dict[str, Any]]) -> list[int]:
    """The period's years, plus any later year an indicator of `programs` has a target for."""
    years = set(period_years(data))
    for program in programs:
        for indicator in _list(program.get("indicators")):
            for key in _dict(_dict(indicator).get("targets")):
                if str(key).isdigit():
                    years.add(int(key))
    return sorted(years)


def _join(values: Any) -> str | None:
    items = [str(v) for v in _list(values)]
    return "; ".join(items) if items else None


def _plain(value: Any) -> Any:
    """A spec value as a cell holds it: None for absent or empty text."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def program_cells(framework: Framework, dim: str, sub: str, program: dict[str, Any],
                  lang: str) -> dict[str, Any]:
    """The sheet form of a program's row, by field."""
    horizon, status = program.get("horizon"), program.get("status")
    return {
        "id": program["id"],
        "dimension": dimension_names(framework, lang).get(dim, dim),
        "sub_dimension": sub_dimension_names(framework, lang).get((dim, sub), sub),
        "name": _plain(program.get("name")),
        "lead_opd": _plain(program.get("lead_opd")),
        "supporting_opds": _join(program.get("supporting_opds")),
        "horizon": horizon_names(lang).get(horizon, horizon) if isinstance(horizon, str)
        else None,
        "status": status_names(lang).get(status, status) if isinstance(status, str) else None,
        "start_year": _plain(program.get("start_year")),
        "end_year": _plain(program.get("end_year")),
    }


def indicator_cells(indicator: dict[str, Any], years: list[int]) -> dict[str, Any]:
    targets = {str(k): v for k, v in _dict(indicator.get("targets")).items()}
    cells = {field: _plain(indicator.get(field))
             for field in ("name", "unit", "scale", "baseline", "baseline_year")}
    cells.update({f"target:{year}": _plain(targets.get(str(year))) for year in years})
    return cells


def budget_cells(line: dict[str, Any]) -> dict[str, Any]:
    return {field: _plain(line.get(field)) for field in ("year", "source", "amount", "note")}


def spec_cells(data: dict[str, Any], framework: Framework, lang: str, years: list[int],
               ids: set[str] | None = None) -> dict[CellKey, Any]:
    """Every editable value of the programs `ids` (all when None), in sheet form."""
    cells: dict[CellKey, Any] = {}
    for dim, sub, program in iter_programs(data, framework):
        pid = program["id"]
        if ids is not None and pid not in ids:
            continue
        for field, value in program_cells(framework, dim, sub, program, lang).items():
            if field != "id":
                cells[CellKey("programs", pid, -1, field)] = value
        for index, indicator in enumerate(_list(program.get("indicators"))):
            for field, value in indicator_cells(_dict(indicator), years).items():
                cells[CellKey("indicators", pid, index, field)] = value
        for index, line in enumerate(_list(program.get("budget"))):
            for field, value in budget_cells(_dict(line)).items():
                cells[CellKey("budget", pid, index, field)] = value
    return cells


def next_program_id(framework: Framework, dim: str, taken: set[str]) -> str:
    """`GOV-07` after the highest `GOV-nn` already taken (two digits at least); the prefix
    is the framework's code of the dimension."""
    prefix = framework.code_of(dim)
    numbers = [int(m.group(1)) for t in taken
               if (m := re.fullmatch(re.escape(prefix) + r"-([0-9]+)", t))]
    return f"{prefix}-{max(numbers, default=0) + 1:02d}"


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
