"""`masterplan export`: one row per program across a spec or a whole cohort, as CSV or JSON.

The table a ministry loads into its own database or spreadsheet. Columns, in this order (their
keys; JSON uses them, CSV heads them with labels in the language unless ``--headers keys``):

- region and cohort: ``region_code, region_name, region_type, province, cohort_year,
  cohort_track``;
- place in the framework: ``dimension, dimension_name, sub_dimension, sub_dimension_name``
  (keys are the fixed English vocabulary, names follow ``--lang``);
- the program: ``program_id, program_name, lead_opd, supporting_opds, partners, horizon,
  horizon_name, start_year, end_year``;
- money, in whole rupiah: ``budget_<year>`` for every year any exported program has money in
  (ascending), ``budget_source_<CODE>`` for every funding source used (the standard sources
  in their usual order, then others alphabetically), ``budget_total``;
- ``indicator_count``, ``indicators`` (``name (unit): baseline B (year) → target T (year)``,
  the last target, joined with `` | ``; B and T are the level's code, e.g. ``WTP``, when the
  indicator names a ``scale``), ``quick_wins`` (ids of the program's quick wins), ``spec``
  (the spec's path relative to TARGET: the manifest's or the folder's, or its file name).

Rows are sorted by region code, cohort year and document order.

CSV is written for the spreadsheet of a reader with the language's regional settings
(`generator.encoding`): in Indonesian (the default) fields are separated by ``;`` and
decimals use ``,``, as Excel with Indonesian regional settings expects; in English by ``,``
with ``.``. One number format in the whole file: number cells and the numbers inside text
cells (``indicators``: ``baseline 87,5``) alike have that decimal mark, no thousands
separator and at most three decimals (the XLSX's text cells too; its number cells are typed
numbers, JSON's plain JSON numbers); ``--delimiter`` chooses another separator. The first
row heads the columns in the language (``Kode wilayah``, ``Anggaran 2026 (Rp)``,
``Anggaran sumber APBD (Rp)``…);
``--headers keys`` writes the keys above instead, for programs. The region code is written as
its four digits (``3510`` for ``35.10``): Excel and pandas would turn ``35.10`` into the
number 35.1 or worse, and neither a quote nor an apostrophe nor a formula keeps it safely
text (the reasons are in `generator.encoding`); ``3510`` is read the same way everywhere and
is the form our file names use. Lists are joined with ``; ``, empty cells are empty, a text
cell a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``) gets a
leading ``'``; the file is UTF-8 with a byte-order mark (for Excel; ``--no-bom`` for loaders
that do not expect it). JSON is an array of objects with the keys, ``region_code`` as
``"35.10"``, lists as lists, ``indicators`` as a list of objects with every target (and a
``scale`` key when the values are grades).

Invalid specs are left out, listed on stderr with their first error, and make the exit code 1
(the rows of every valid spec are still written). What the command prints is Indonesian
unless the language is English.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from generator.batch.cohort import DEFAULT_READ_TIMEOUT, Cohort
from generator.batch.gather import gather
from generator.batch.records import Extracted
from generator.encoding import (
    csv_bytes,
    csv_dialect,
    json_bytes,
    region_code_cell,
    spreadsheet_cell,
)
from generator.i18n.messages import message
from generator.spec.vocabulary import FUNDING_SOURCES, HORIZONS

HEAD_COLUMNS = (
    "region_code", "region_name", "region_type", "province", "cohort_year", "cohort_track",
    "dimension", "dimension_name", "sub_dimension", "sub_dimension_name",
    "program_id", "program_name", "lead_opd", "supporting_opds", "partners",
    "horizon", "horizon_name", "start_year", "end_year",
)
TAIL_COLUMNS = ("budget_total", "indicator_count", "indicators", "quick_wins", "spec")
DELIMITERS = {",": ",", ";": ";", "tab": "\t"}
HEADERS = ("labels", "keys")


def _label(table: dict[str, Any], key: str, lang: str) -> str:
    return str(table[key][1 if lang == "en" else 0])


def _number(value: float | int | str | None, decimal: str = ".") -> str:
    """A number inside a text cell as the file's number cells are written: no thousands
    separator, `decimal` as the decimal mark (`87,5` in an Indonesian CSV, as the cell
    beside it has `0,875`); a grade's code as written."""
    if value is None:
        return "-"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return str(spreadsheet_cell(float(value), decimal))


def indicator_text(indicator: dict[str, Any], decimal: str = ".") -> str:
    """`name (unit): baseline B (year) → target T (year)`, numbers with `decimal`."""
    text = f"{indicator['name']} ({indicator['unit']})"
    parts = []
    if indicator.get("baseline") is not None:
        year = indicator.get("baseline_year")
        parts.append(f"baseline {_number(indicator['baseline'], decimal)}"
                     + (f" ({year})" if year else ""))
    targets = indicator.get("targets", {})
    if targets:
        last = max(targets, key=int)
        parts.append(f"target {_number(targets[last], decimal)} ({last})")
    return f"{text}: {' → '.join(parts)}" if parts else text


def columns_for(items: list[Extracted]) -> tuple[list[str], list[int], list[str]]:
    """All columns, the budget years and the funding source codes, in their fixed order."""
    years: set[int] = set()
    sources: set[str] = set()
    for item in items:
        for program in (item.data or {}).get("programs", []):
            for year, _amount, source in program["budget"]:
                years.add(int(year))
                sources.add(str(source))
    ordered_sources = [s for s in FUNDING_SOURCES if s in sources] + sorted(
        sources - set(FUNDING_SOURCES))
    ordered_years = sorted(years)
    columns = [*HEAD_COLUMNS, *(f"budget_{y}" for y in ordered_years),
               *(f"budget_source_{s}" for s in ordered_sources), *TAIL_COLUMNS]
    return columns, ordered_years, ordered_sources


def program_rows(items: list[Extracted], lang: str) -> tuple[list[str], list[dict[str, Any]]]:
    """Columns and rows; list-valued cells stay lists (CSV joins them)."""
    columns, years, sources = columns_for(items)
    rows = []
    for item in items:
        data = item.data
        if data is None:
            continue
        region, cohort = data["region"], data["cohort"]
        for p in data["programs"]:
            by_year = dict.fromkeys(years, 0)
            by_source = dict.fromkeys(sources, 0)
            for year, amount, source in p["budget"]:
                by_year[int(year)] += int(amount)
                by_source[str(source)] += int(amount)
            row: dict[str, Any] = {
                "region_code": region["code"], "region_name": region["name"],
                "region_type": region["type"], "province": region["province"],
                "cohort_year": cohort["year"], "cohort_track": cohort.get("track"),
                "dimension": p["dimension"],
                "dimension_name": p["dimension_label"][1 if lang == "en" else 0],
                "sub_dimension": p["sub_dimension"],
                "sub_dimension_name": p["sub_dimension_label"][1 if lang == "en" else 0],
                "program_id": p["id"], "program_name": p["name"], "lead_opd": p["lead_opd"],
                "supporting_opds": list(p["supporting_opds"]), "partners": list(p["partners"]),
                "horizon": p["horizon"], "horizon_name": _label(HORIZONS, p["horizon"], lang),
                "start_year": p["start_year"], "end_year": p["end_year"],
            }
            row.update({f"budget_{y}": by_year[y] for y in years})
            row.update({f"budget_source_{s}": by_source[s] for s in sources})
            row.update({"budget_total": sum(by_year.values()),
                        "indicator_count": len(p["indicators"]),
                        "indicators": p["indicators"], "quick_wins": list(p["quick_wins"]),
                        "spec": item.source.key})
            rows.append(row)
    return columns, rows


PROGRAM_YEAR_COLUMNS = (
    "region_code", "region_name", "region_type", "province", "cohort_year", "year", "kind",
    "dimension", "dimension_name", "sub_dimension", "sub_dimension_name", "enabler_group",
    "enabler_group_name", "program_id", "program_name", "lead_opd", "planned", "status",
    "status_name", "budget_planned", "budget_realised", "absorption", "indicators_planned",
    "indicators_reported", "indicators_met", "evidence", "progress_file", "spec",
)
#: What a row of `export --progress` is (the `kind` column): one of the plan's programs, or
#: one of its enablers (`enablers`: REG-01, TIK-01, ...), whose budget counts in every total.
ROW_KINDS = ("program", "enabler")


def program_year_rows(items: list[Extracted], lang: str) -> tuple[list[str], list[dict[str, Any]]]:
    """One row per program and year of progress (`--progress`): every program the plan has
    that year or the progress file reports, plan against realisation; then one row per
    enabler of the plan (`kind` "enabler") in its years, with money that year, or reported:
    no dimension, its group in `enabler_group`, its id and name in `program_id` and
    `program_name`, no indicator counts (a progress file reports none for an enabler)."""
    from generator.i18n.labels import evaluation_labels, pick
    from generator.spec.enabler_vocabulary import ENABLER_GROUPS

    t = evaluation_labels(lang)
    index = 1 if lang == "en" else 0
    rows = []
    for item in items:
        data = item.data
        if data is None:
            continue
        region, cohort = data["region"], data["cohort"]
        programs = {p["id"]: p for p in data["programs"]}
        enablers = {e["id"]: e for e in data.get("enablers", [])}
        for record in data.get("progress", []):
            where = {"region_code": region["code"], "region_name": region["name"],
                     "region_type": region["type"], "province": region["province"],
                     "cohort_year": cohort["year"], "year": record["year"]}
            tail = {"progress_file": record["file"], "spec": item.source.key}

            def row(entry: dict[str, Any], cells: dict[str, Any],
                    where: dict[str, Any] = where,
                    tail: dict[str, Any] = tail) -> dict[str, Any]:
                status = entry["status"]
                planned, realised = entry["budget_planned"], entry["budget_realised"]
                return {
                    **where, **cells, "planned": entry["planned"], "status": status,
                    "status_name": t[f"progress_{status}"] if status else t["ev_not_reported"],
                    "budget_planned": planned, "budget_realised": realised,
                    "absorption": realised / planned if planned else None,
                    "indicators_planned": entry.get("indicators_planned"),
                    "indicators_reported": entry.get("indicators_reported"),
                    "indicators_met": entry.get("indicators_met"),
                    "evidence": list(entry["evidence"]), **tail,
                }

            for entry in record["programs"]:
                p = programs[entry["id"]]
                rows.append(row(entry, {
                    "kind": "program", "dimension": p["dimension"],
                    "dimension_name": p["dimension_label"][index],
                    "sub_dimension": p["sub_dimension"],
                    "sub_dimension_name": p["sub_dimension_label"][index],
                    "enabler_group": None, "enabler_group_name": None,
                    "program_id": p["id"], "program_name": p["name"],
                    "lead_opd": p["lead_opd"]}))
            for entry in record.get("enablers", []):  # none in records made before
                e = enablers[entry["id"]]
                rows.append(row(entry, {
                    "kind": "enabler", "dimension": None, "dimension_name": None,
                    "sub_dimension": None, "sub_dimension_name": None,
                    "enabler_group": e["group"],
                    "enabler_group_name": pick(ENABLER_GROUPS, e["group"], lang),
                    "program_id": e["id"], "program_name": e["name"],
                    "lead_opd": e.get("lead_opd")}))
    return list(PROGRAM_YEAR_COLUMNS), rows


def to_csv(columns: list[str], rows: list[dict[str, Any]], *, lang: str = "id",
           bom: bool = True, delimiter: str | None = None, headers: str = "labels") -> bytes:
    """The CSV of `program_rows`: `lang`'s separator (unless `delimiter`) and decimal mark,
    column heads in `lang` (``headers="labels"``) or the keys (``"keys"``)."""
    separator, decimal = csv_dialect(lang)

    def cell(key: str, value: Any) -> Any:
        if key == "indicators":
            return " | ".join(indicator_text(i, decimal) for i in value)
        if key == "region_code":
            return region_code_cell(value)
        if isinstance(value, bool):
            return int(value)
        return "; ".join(value) if isinstance(value, list) else value

    flat = [{key: cell(key, value) for key, value in row.items()} for row in rows]
    header = heads(columns, lang) if headers == "labels" else None
    return csv_bytes(columns, flat, bom=bom, delimiter=delimiter or separator, header=header,
                     decimal=decimal)


def to_json(rows: list[dict[str, Any]]) -> bytes:
    return json_bytes(rows)


def heads(columns: list[str], lang: str) -> list[str]:
    """The column heads in `lang`, of either table."""
    from generator.i18n.labels import program_year_headers

    return program_year_headers(columns, lang)


def to_xlsx(columns: list[str], rows: list[dict[str, Any]], items: list[Extracted], *,
            lang: str = "id", headers: str = "labels") -> bytes:
    """One sheet (`program` or `program-year`), the header row frozen, numbers as numbers,
    the region code as its text (`35.10`: a typed cell, no spreadsheet turns it into a
    number). Dated by the newest spec or progress date, so the same input gives the same
    bytes."""
    from generator.output import stamp_for
    from generator.render.xlsx import table_xlsx

    decimal = csv_dialect(lang)[1]  # the text cells' numbers as the language writes them

    def cell(key: str, value: Any) -> Any:
        if key == "indicators":
            return " | ".join(indicator_text(i, decimal) for i in value)
        return "; ".join(value) if isinstance(value, list) else value

    dates = [d for item in items if item.data for d in (
        item.data["document_date"], *(r["date"] for r in item.data.get("progress", []))) if d]
    by_year = "year" in columns
    return table_xlsx("program-year" if by_year else "program",
                      heads(columns, lang) if headers == "labels" else list(columns),
                      [[cell(key, row[key]) for key in columns] for row in rows],
                      stamp_for(max(dates) if dates else "2000-01-01"),
                      money=[n for n, key in enumerate(columns, start=1)
                             if key.startswith("budget_")],
                      shares=[n for n, key in enumerate(columns, start=1)
                              if key == "absorption"],
                      widths={n: 40 if key in ("program_name", "indicators") else 14
                              for n, key in enumerate(columns, start=1)})


def progress_pattern(cohort: Cohort, given: str | None, lang: str) -> str | None:
    """`--progress`, else the manifest's `options.progress`: a glob relative to each spec's
    folder, which must stay inside it (no absolute path, no `..`)."""
    from generator.errors import UsageError

    pattern = cohort.setting("progress", given, None)
    if pattern is None:
        return None
    parts = str(pattern).replace("\\", "/").split("/")
    if str(pattern).startswith(("/", "\\")) or ".." in parts or ":" in parts[0]:
        raise UsageError(message("usage.progress_pattern", lang, pattern=str(pattern)))
    return str(pattern)


def export_lang(cohort: Cohort, lang: str | None) -> str:
    """`--lang`, else the manifest's `options.lang`, else id."""
    return str(cohort.setting("lang", lang, "id"))


def run_export(cohort: Cohort, *, output_format: str, output: Path | None, lang: str | None,
               jobs: int, timeout: float | None, bom: bool, delimiter: str | None,
               strict: bool, headers: str = "labels", progress: str | None = None) -> int:
    """Settings not given on the command line (lang, timeout, strict, progress) come from
    the manifest's `options`, else the defaults (id, 120 s per spec, not strict, no
    progress); the CSV's separator follows the language unless `delimiter` (a key of
    `DELIMITERS`) is given. With `progress`, one row per program and year of progress."""
    from generator.encoding import printable
    from generator.errors import UsageError
    from generator.output import atomic_write

    lang = export_lang(cohort, lang)
    progress = progress_pattern(cohort, progress, lang)
    if output_format == "xlsx" and output is None:
        raise UsageError(message("usage.xlsx_output", lang))
    items = gather(cohort, lang=lang, jobs=jobs,
                   timeout=float(cohort.setting("timeout", timeout, DEFAULT_READ_TIMEOUT)),
                   strict=bool(cohort.setting("strict", strict, False)), messages_lang=lang,
                   progress=progress)
    columns, rows = (program_rows(items, lang) if progress is None
                     else program_year_rows(items, lang))
    if output_format == "csv":
        data = to_csv(columns, rows, lang=lang, bom=bom, headers=headers,
                      delimiter=DELIMITERS[delimiter] if delimiter else None)
    elif output_format == "xlsx":
        data = to_xlsx(columns, rows, items, lang=lang, headers=headers)
    else:
        data = to_json(rows)
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        atomic_write(output, data)
    excluded = [item for item in items if item.data is None]
    for item in excluded:
        click.echo("masterplan: " + message(
            "export.left_out", lang, spec=item.source.display,
            status=("@msg", f"status.{item.status}"), problem=item.first_error), err=True)
    enabler_rows = sum(row.get("kind") == "enabler" for row in rows)
    click.echo("masterplan: " + message(
        "export.done" if progress is None else "export.done_years", lang, programs=len(rows),
        specs=len(items) - len(excluded),
        enablers=("@msg", "hint.enabler_rows", {"count": enabler_rows})
        if enabler_rows else "",
        excluded=("@msg", "hint.left_out_count", {"count": len(excluded)}) if excluded else "",
        output=("@msg", "hint.written_to", {"file": printable(str(output))})
        if output else ""), err=True)
    return 1 if excluded else 0
