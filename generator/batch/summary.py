"""The three files a batch leaves beside the documents: `summary.json` (everything, for
tools), `summary.csv` (one row per spec, for a spreadsheet) and `index.html` (a page that links
every document and lists the failures). Each is written atomically.

CSV files are UTF-8 *with* a byte-order mark: Excel (the coordinators' tool) otherwise reads
them as the local ANSI code page and garbles every non-ASCII name; Python (`utf-8-sig`),
pandas and LibreOffice read the mark transparently. `masterplan export --no-bom` leaves it
out for loaders that do not. Every cell goes through `generator.encoding.spreadsheet_cell`:
a spec or region name starting with `=`, `+`, `-` or `@` is shown by Excel as text, never
run as a formula.

`summary.csv` follows `masterplan export`'s choices, in the language of messages: its
columns are headed with labels and statuses are words (`summary.json` keeps the keys),
fields are separated by `;` and decimals written with `,` in Indonesian (`,` and `.` in
English), the region code is its four digits (`3510`, which spreadsheets keep as written;
see `generator.encoding`) and `spec` is the spec's path relative to the batch's TARGET.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from generator import __version__
from generator.encoding import csv_bytes, csv_dialect, json_bytes, printable, region_code_cell
from generator.errors import count_diagnostics, format_plain
from generator.output import atomic_write

if TYPE_CHECKING:
    from generator.batch.records import BatchResult, SpecRecord

SUMMARY_JSON = "summary.json"
SUMMARY_CSV = "summary.csv"
INDEX_HTML = "index.html"
CSV_COLUMNS = ("spec", "status", "region_code", "region_type", "region_name", "province",
               "cohort_year", "outputs", "warning_count", "warnings", "error_count", "errors",
               "seconds", "attempts")


def record_json(record: SpecRecord) -> dict[str, Any]:
    identity = record.identity or {}
    return {
        "spec": record.source.display, "key": record.source.key, "status": record.status,
        "region": None if not identity else {
            "code": identity.get("code"), "name": identity.get("name"),
            "type": identity.get("type"), "province": identity.get("province")},
        "cohort_year": identity.get("cohort_year"),
        "outputs": record.outputs, "warnings": record.warnings, "errors": record.errors,
        "seconds": round(record.seconds, 3), "attempts": record.attempts,
        "peak_rss_mib": round(record.peak_rss / 2**20, 1) if record.peak_rss else None,
    }


def _sorted(records: list[SpecRecord]) -> list[SpecRecord]:
    def key(record: SpecRecord) -> tuple[int, str, int, str]:
        identity = record.identity or {}
        return (0 if identity else 1, str(identity.get("code", "")),
                int(identity.get("cohort_year", 0) or 0), record.source.display)
    return sorted(records, key=key)


def summary_data(result: BatchResult) -> dict[str, Any]:
    cohort, options = result.cohort, result.options
    settings = options.settings
    return {
        "tool": {"name": "masterplan", "version": __version__},
        "target": str(cohort.target), "kind": cohort.kind,
        "cohort": {"year": cohort.year, "track": cohort.track, "title": cohort.title},
        "outdir": str(settings.outdir),
        "options": {"formats": list(settings.formats), "documents": list(settings.documents),
                    "lang": settings.lang, "strict": settings.strict, "jobs": options.jobs,
                    "timeout": settings.timeout, "force": options.force,
                    "fail_fast": options.fail_fast,
                    "template_dir": str(settings.template_dir) if settings.template_dir
                    else None,
                    "pdf_variant": settings.pdf_variant},
        "finished_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "seconds": round(result.seconds, 3),
        "interrupted": result.interrupted,
        "counts": result.counts(),
        "workers_started": result.workers_started,
        "peak_rss_mib": round(result.peak_rss / 2**20, 1) if result.peak_rss else None,
        "specs": [record_json(r) for r in _sorted(result.records)],
    }


def summary_rows(result: BatchResult) -> list[dict[str, Any]]:
    """One row per spec for summary.csv (a status in the language of messages)."""
    from generator.i18n.messages import message

    lang = result.options.messages_lang
    rows = []
    for record in _sorted(result.records):
        identity = record.identity or {}
        errors, warnings = count_diagnostics([*record.errors, *record.warnings])
        rows.append({
            "spec": record.source.key, "status": message(f"status.{record.status}", lang),
            "region_code": region_code_cell(identity.get("code")),
            "region_type": identity.get("type"),
            "region_name": identity.get("name"), "province": identity.get("province"),
            "cohort_year": identity.get("cohort_year"), "outputs": " ".join(record.outputs),
            "warning_count": warnings,
            "warnings": " | ".join(format_plain(w) for w in record.warnings),
            "error_count": errors,
            "errors": " | ".join(format_plain(e) for e in record.errors),
            "seconds": round(record.seconds, 3), "attempts": record.attempts})
    return rows


def index_html(result: BatchResult, data: dict[str, Any]) -> str:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from generator.documents import KINDS, kind_of_file
    from generator.i18n.labels import INDEX_LABELS, labels, localised
    from generator.i18n.messages import message
    from generator.i18n.numbers import Formatter
    from generator.render.html import ConfinedLoader
    from generator.resources import templates_dir

    documents_names = labels(result.options.messages_lang)
    t = localised(INDEX_LABELS, result.options.messages_lang)
    numbers = Formatter(result.options.messages_lang)
    regions = []
    for record in _sorted(result.records):
        identity = record.identity or {}
        documents: dict[str, list[dict[str, str]]] = {}
        for name in record.outputs:
            kind = kind_of_file(name) or name
            documents.setdefault(kind, []).append({"href": name,
                                                   "format": name.rpartition(".")[2].upper()})
        regions.append({
            "code": identity.get("code", ""), "year": identity.get("cohort_year", ""),
            "name": (f"{t.get(str(identity.get('type')), '')} {identity.get('name')}".strip()
                     if identity else ""),
            "province": identity.get("province", ""), "spec": record.source.display,
            "status": record.status, "status_label": t.get(record.status, record.status),
            "documents": [{"kind": documents_names.get(KINDS[k].title_label, k)
                           if k in KINDS else k, "files": v}
                          for k, v in documents.items()],
            "warnings": [format_plain(w) for w in record.warnings],
            "errors": [format_plain(e) for e in record.errors],
            "seconds": numbers.seconds(record.seconds),
        })
    counts = [{"status": k, "label": t.get(k, k), "count": v}
              for k, v in data["counts"].items() if v]
    cohort = result.cohort
    title = cohort.title or t["title"]
    # A screen page, not a print document: the built-in templates, sandboxed and autoescaped,
    # without the print environment's tweaks (they would touch link targets too).
    env = SandboxedEnvironment(loader=ConfinedLoader(templates_dir()), autoescape=True,
                               undefined=StrictUndefined)
    return env.get_template("report/index.html.j2").render({
        "lang": result.options.messages_lang, "t": t, "title": title,
        "cohort": {"year": cohort.year, "track": cohort.track},
        "target": str(cohort.target), "generated": data["finished_at"],
        "duration": message("progress.seconds", result.options.messages_lang,
                            seconds=numbers.number(result.seconds, 0)),
        "counts": counts, "regions": regions,
        "failures": [r for r in regions if r["status"] in
                     ("failed", "timeout", "crashed", "cancelled")],
        "interrupted": t["interrupted"].format(signal=result.interrupted)
        if result.interrupted else "",
        "version": __version__, "summary_json": SUMMARY_JSON, "summary_csv": SUMMARY_CSV,
    })


def write_summaries(result: BatchResult) -> None:
    from generator.i18n.labels import csv_headers

    outdir = result.options.outdir
    data = summary_data(result)
    atomic_write(outdir / SUMMARY_JSON, json_bytes(data))
    lang = result.options.messages_lang
    delimiter, decimal = csv_dialect(lang)
    atomic_write(outdir / SUMMARY_CSV, csv_bytes(
        CSV_COLUMNS, summary_rows(result), delimiter=delimiter, decimal=decimal,
        header=csv_headers(CSV_COLUMNS, lang)))
    atomic_write(outdir / INDEX_HTML, printable(index_html(result, data)).encode("utf-8"))
