"""`masterplan report`: one comparative document across a cohort.

Rendered through the same machinery as a region's documents: the sandboxed Jinja environment
of `generator.render.html` (a `--template-dir` may override `report/*.j2`), the shared
stylesheet plus `report/report.css`, the shared macros (numbered headings and captions), and
`render_pdf` and the DOCX converter. Every figure is computed here; the
templates only arrange them. Chapters: overview and totals, programs per dimension per
region, budget per dimension and per funding source, quick wins, readiness heat map, and the
specs left out with their first error.

Settings come from the command line, else the manifest's `options` (formats, outdir, lang,
timeout, template_dir, reference_docx, pdf_variant, strict), else the defaults; so a
manifest's `outdir` puts the report next to the documents `masterplan batch` wrote.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2.sandbox import SandboxedEnvironment

from generator.batch_extract import Extracted, gather
from generator.cohort import DEFAULT_READ_TIMEOUT, Cohort
from generator.context import DIMENSION_COLOURS, Formatter
from generator.errors import Diagnostic, RenderError
from generator.render.labels import labels
from generator.spec.vocabulary import (
    DIMENSIONS,
    FUNDING_SOURCES,
    QUICK_WIN_TYPES,
    READINESS_AREAS,
    READINESS_ASPECTS,
    READINESS_STATUS,
    REGION_TYPES,
)

REPORT_FORMATS = ("pdf", "html", "docx")
DEFAULT_FORMATS = "pdf,html"
# A status without a score stands for the middle of its band (see STATUS_SCORE_RANGE).
STATUS_SCORES = {"baik": 3.5, "cukup": 2.5, "kurang": 1.5}

REPORT_LABELS: dict[str, tuple[str, str]] = {
    "doc_report": ("Laporan Perbandingan Masterplan Smart City",
                   "Smart City Masterplan Comparative Report"),
    "report_dimension_totals": ("Program, Quick Win dan Anggaran per Dimensi (Rp juta)",
                                "Programs, Quick Wins and Budget per Dimension (IDR million)"),
    "report_subtitle": ("Gerakan Menuju 100 Smart City", "Towards 100 Smart Cities Movement"),
    "report_overview": ("Gambaran Umum Angkatan", "Cohort Overview"),
    "report_intro": ("Laporan ini membandingkan {count} masterplan smart city daerah {cohort}"
                     " yang lolos validasi.", "This report compares the {count} regional smart"
                     " city masterplans of {cohort} that passed validation."),
    "report_programs": ("Program per Dimensi dan Daerah", "Programs per Dimension and Region"),
    "report_budget": ("Anggaran per Dimensi", "Budget per Dimension"),
    "report_sources": ("Anggaran per Sumber Dana", "Budget per Funding Source"),
    "report_quickwins": ("Program Quick Win", "Quick-Win Programs"),
    "report_readiness": ("Peta Kesiapan Daerah", "Readiness Heat Map"),
    "report_readiness_note": ("Skor 1-4 per aspek; warna: merah kurang (di bawah 2), kuning"
                              " cukup (2 sampai di bawah 2,75), hijau muda (2,75 sampai di"
                              " bawah 3,5), hijau baik (3,5 ke atas). Status tanpa skor dihitung"
                              " sebagai titik tengah rentangnya.",
                              "Score 1-4 per aspect; colours: red poor (below 2), amber moderate"
                              " (2 to below 2.75), light green (2.75 to below 3.5), green good"
                              " (3.5 and above). A status without a score counts as the middle"
                              " of its band."),
    "report_excluded": ("Spec yang Tidak Disertakan", "Specs Left Out"),
    "report_excluded_intro": ("Spec berikut tidak disertakan dalam angka laporan ini; perbaiki"
                              " galat pertamanya lalu buat ulang laporan.",
                              "The following specs are not part of this report's figures; fix"
                              " their first error and make the report again."),
    "report_none_excluded": ("Semua spec disertakan.", "Every spec is included."),
    "regions": ("Daerah", "Regions"),
    "region": ("Daerah", "Region"),
    "region_code": ("Kode", "Code"),
    "kabupaten_count": ("Kabupaten", "Regencies (kabupaten)"),
    "kota_count": ("Kota", "Cities (kota)"),
    "provinces": ("Provinsi", "Provinces"),
    "overall": ("Keseluruhan", "Overall"),
    "cohort_average": ("Rata-rata angkatan", "Cohort average"),
    "spec_file": ("Berkas spec", "Spec file"),
    "first_error": ("Galat pertama", "First error"),
    "excluded_count": ("Tidak disertakan", "Left out"),
    "generated_on": ("Disusun", "Compiled"),
    "qw_per_dimension": ("Quick win per dimensi", "Quick wins per dimension"),
    "key_totals": ("Angka kunci angkatan", "Cohort key figures"),
    "item": ("Uraian", "Item"),
}
# Column heads of the heat map: the aspects' full names do not fit 15 columns on A4.
SHORT_ASPECTS: dict[str, tuple[str, str]] = {
    "human_resources": ("SDM", "People"), "budget": ("Anggaran", "Budget"),
    "governance": ("Tata Kelola", "Governance"), "physical": ("Fisik", "Physical"),
    "digital": ("Digital", "Digital"), "social": ("Sosial", "Social"),
    "policy": ("Kebijakan", "Policy"), "institutions": ("Kelembagaan", "Institutions"),
    "procedures": ("Tata Laksana", "Procedures"),
}


def report_labels(lang: str) -> dict[str, str]:
    index = 1 if lang == "en" else 0
    return {**labels(lang), **{k: v[index] for k, v in REPORT_LABELS.items()}}


def heat(score: float | None) -> int:
    """The colour band 1-4 of a readiness score (0 = no data)."""
    if score is None:
        return 0
    if score < 2.0:
        return 1
    if score < 2.75:
        return 2
    if score < 3.5:
        return 3
    return 4


def _label(table: dict[str, Any], key: str, lang: str) -> str:
    return str(table[key][1 if lang == "en" else 0])


class ReportBuilder:
    def __init__(self, cohort: Cohort, items: list[Extracted], lang: str) -> None:
        self.cohort, self.lang = cohort, lang
        self.included = [i for i in items if i.data is not None]
        self.excluded = [i for i in items if i.data is None]
        self.t = report_labels(lang)
        self.f = Formatter(lang)

    def region(self, data: dict[str, Any]) -> dict[str, Any]:
        region = data["region"]
        full = f"{REGION_TYPES[region['type']].id} {region['name']}"
        return {"code": region["code"], "full_name": full, "province": region["province"],
                "type": region["type"], "year": data["cohort"]["year"]}

    def programs(self) -> dict[str, Any]:
        rows, totals = [], dict.fromkeys(DIMENSIONS, 0)
        for item in self.included:
            data = item.data or {}
            counts = dict.fromkeys(DIMENSIONS, 0)
            for p in data["programs"]:
                counts[p["dimension"]] += 1
            for key, value in counts.items():
                totals[key] += value
            rows.append({"region": self.region(data), "cells": list(counts.values()),
                         "total": sum(counts.values())})
        return {"rows": rows, "totals": list(totals.values()), "total": sum(totals.values())}

    def budget(self) -> dict[str, Any]:
        rows, totals = [], dict.fromkeys(DIMENSIONS, 0)
        for item in self.included:
            data = item.data or {}
            sums = dict.fromkeys(DIMENSIONS, 0)
            for p in data["programs"]:
                sums[p["dimension"]] += sum(int(line[1]) for line in p["budget"])
            for key, value in sums.items():
                totals[key] += value
            rows.append({"region": self.region(data),
                         "cells": [self.f.millions(v) for v in sums.values()],
                         "total": self.f.millions(sum(sums.values()))})
        grand = sum(totals.values())
        return {"rows": rows, "totals": [self.f.millions(v) for v in totals.values()],
                "total": self.f.millions(grand), "total_words": self.f.money_words(grand),
                "shares": [self.f.percent(v / grand) if grand else "-"
                           for v in totals.values()], "raw_total": grand}

    def sources(self) -> dict[str, Any]:
        per_region: list[tuple[dict[str, Any], dict[str, int]]] = []
        used: set[str] = set()
        for item in self.included:
            data = item.data or {}
            sums: dict[str, int] = defaultdict(int)
            for p in data["programs"]:
                for _year, amount, source in p["budget"]:
                    sums[str(source)] += int(amount)
            used.update(sums)
            per_region.append((self.region(data), sums))
        codes = [c for c in FUNDING_SOURCES if c in used] + sorted(used - set(FUNDING_SOURCES))
        totals = {c: sum(s.get(c, 0) for _r, s in per_region) for c in codes}
        grand = sum(totals.values())
        return {
            "sources": [{"code": c, "name": _label(FUNDING_SOURCES, c, self.lang)
                         if c in FUNDING_SOURCES else c} for c in codes],
            "rows": [{"region": r, "cells": [self.f.millions(s.get(c, 0)) for c in codes],
                      "total": self.f.millions(sum(s.values()))} for r, s in per_region],
            "totals": [self.f.millions(totals[c]) for c in codes],
            "shares": [self.f.percent(totals[c] / grand) if grand else "-" for c in codes],
            "total": self.f.millions(grand)}

    def quick_wins(self) -> dict[str, Any]:
        rows = []
        per_dimension = dict.fromkeys(DIMENSIONS, 0)
        for item in self.included:
            data = item.data or {}
            region = self.region(data)
            for q in data["quick_wins"]:
                per_dimension[q["dimension"]] += 1
                years = (str(q["start_year"]) if q["start_year"] == q["end_year"]
                         else f"{q['start_year']}–{q['end_year']}")
                rows.append({"region": region, "id": q["id"], "name": q["name"],
                             "dimension": _label(DIMENSIONS, q["dimension"], self.lang),
                             "type": _label(QUICK_WIN_TYPES, q["type"], self.lang),
                             "owner": q["owner_opd"], "years": years,
                             "budget": self.f.money_words(q["budget"]) if q["budget"] else "-"})
        return {"rows": rows, "per_dimension": list(per_dimension.values())}

    def readiness(self) -> dict[str, Any]:
        areas: list[dict[str, Any]] = [
            {"key": area, "title": _label(READINESS_AREAS, area, self.lang),
             "aspects": [{"key": key, "title": _label(SHORT_ASPECTS, key, self.lang),
                          "full_title": _label(aspects, key, self.lang)} for key in aspects]}
            for area, aspects in READINESS_ASPECTS.items()]
        columns: dict[str, list[float]] = defaultdict(list)
        rows = []
        for item in self.included:
            data = item.data or {}
            cells, all_scores = [], []
            for area in areas:
                scores = []
                for aspect in area["aspects"]:
                    entry = data["readiness"][area["key"]][aspect["key"]]
                    score = entry.get("score")
                    status = entry.get("status")
                    value = float(score) if score is not None else STATUS_SCORES.get(
                        str(status)) if status else None
                    text = (self.f.number(score, 1) if score is not None
                            else _label(READINESS_STATUS, status, self.lang) if status else "-")
                    cells.append({"text": text, "heat": heat(value), "average": False})
                    if value is not None:
                        scores.append(value)
                        columns[f"{area['key']}.{aspect['key']}"].append(value)
                average = sum(scores) / len(scores) if scores else None
                if average is not None:
                    columns[area["key"]].append(average)
                all_scores += scores
                cells.append({"text": self.f.number(average, 2) if average is not None else "-",
                              "heat": heat(average), "average": True})
            overall = sum(all_scores) / len(all_scores) if all_scores else None
            if overall is not None:
                columns["overall"].append(overall)
            rows.append({"region": self.region(data), "cells": cells,
                         "overall": {"text": self.f.number(overall, 2) if overall is not None
                                     else "-", "heat": heat(overall)}})
        footer = []
        for area in areas:
            for aspect in area["aspects"]:
                footer.append({**self._average(columns[f"{area['key']}.{aspect['key']}"]),
                               "average": False})
            footer.append({**self._average(columns[area["key"]]), "average": True})
        return {"areas": areas, "rows": rows, "footer": footer,
                "overall": self._average(columns["overall"])}

    def _average(self, values: list[float]) -> dict[str, Any]:
        if not values:
            return {"text": "-", "heat": 0}
        mean = sum(values) / len(values)
        return {"text": self.f.number(mean, 2), "heat": heat(mean)}

    def build(self) -> dict[str, Any]:
        t, cohort = self.t, self.cohort
        years = sorted({i.data["cohort"]["year"] for i in self.included if i.data})
        cohort_name = (f"{t['cohort']} {cohort.year}" if cohort.year is not None else
                       ", ".join(f"{t['cohort']} {y}" for y in years) or t["cohort"])
        title = cohort.title or f"{t['doc_report']} {cohort_name}"
        dates = sorted(i.data["document_date"] for i in self.included
                       if i.data and i.data["document_date"])
        programs, budget = self.programs(), self.budget()
        quick_wins = self.quick_wins()
        types = [i.data["region"]["type"] for i in self.included if i.data]
        provinces = {i.data["region"]["province"] for i in self.included if i.data}
        dimensions = [{"key": k, "title": _label(DIMENSIONS, k, self.lang),
                       "short": _label(DIMENSIONS, k, self.lang).replace("Smart ", ""),
                       "colour": DIMENSION_COLOURS[k]} for k in DIMENSIONS]
        return {
            "lang": self.lang, "t": t, "title": title, "cohort_name": cohort_name,
            "subtitle": t["report_subtitle"], "track": cohort.track or "",
            "date": self.f.date(dates[-1]) if dates else "",
            "author": "masterplan", "subject": f"{t['doc_report']} – {cohort_name}",
            "keywords": ["smart city", "masterplan", "cohort report", cohort_name],
            "intro": t["report_intro"].format(count=len(self.included), cohort=cohort_name),
            "overview": [
                {"label": t["regions"], "value": self.f.number(len(self.included), 0)},
                {"label": t["kabupaten_count"], "value": self.f.number(
                    types.count("kabupaten"), 0)},
                {"label": t["kota_count"], "value": self.f.number(types.count("kota"), 0)},
                {"label": t["provinces"], "value": self.f.number(len(provinces), 0)},
                {"label": t["total_programs"], "value": self.f.number(programs["total"], 0)},
                {"label": t["qw_count"], "value": self.f.number(len(quick_wins["rows"]), 0)},
                {"label": t["total_budget"], "value": budget["total_words"]},
                {"label": t["excluded_count"], "value": self.f.number(len(self.excluded), 0)},
            ],
            "key_figures": [
                {"value": self.f.number(len(self.included), 0), "label": t["regions"]},
                {"value": self.f.number(programs["total"], 0), "label": t["total_programs"]},
                {"value": budget["total_words"], "label": t["total_budget"]},
            ],
            "dimensions": dimensions, "programs": programs, "budget": budget,
            "sources": self.sources(), "quick_wins": quick_wins,
            "readiness": self.readiness(),
            "excluded": [{"spec": i.source.display, "status": i.status,
                          "problem": i.first_error} for i in self.excluded],
            "created": dates[-1] if dates else None,
        }


def render_report_html(context: dict[str, Any], env: SandboxedEnvironment, *,
                       user_templates: bool = False) -> str:
    """The report as one self-contained HTML string (report/document.html.j2)."""
    from generator.render.html import render_html

    return render_html("report", context, env, user_templates=user_templates,
                       frame="report/document.html.j2",
                       extra_stylesheets=("report/report.css",))


def report_stem(cohort: Cohort) -> str:
    from generator.commands.render import slug

    parts = ["cohort"]
    if cohort.year is not None:
        parts.append(str(cohort.year))
    if cohort.track:
        parts.append(slug(cohort.track))
    return "-".join([*parts, "report"])


@dataclass
class ReportSettings:
    """What `run_report` needs, resolved: command line, else the manifest's `options`, else
    the defaults (pdf,html into `out`, in Bahasa Indonesia, 120 s to read one spec)."""

    formats: list[str]
    outdir: Path
    lang: str
    jobs: int
    timeout: float
    template_dir: Path | None = None
    reference_docx: Path | None = None
    pdf_variant: str | None = None
    strict: bool = False


def report_settings(cohort: Cohort, *, formats: str | None = None, outdir: Path | None = None,
                    lang: str | None = None, jobs: int | None = None,
                    timeout: float | None = None, template_dir: Path | None = None,
                    reference_docx: Path | None = None, pdf_variant: str | None = None,
                    strict: bool = False) -> ReportSettings:
    from generator.batch import default_jobs
    from generator.commands.render import parse_list

    template_dir, reference_docx = cohort.shared_paths(template_dir, reference_docx)
    return ReportSettings(
        formats=parse_list(cohort.setting("formats", formats, DEFAULT_FORMATS), REPORT_FORMATS,
                           "format"),
        outdir=cohort.setting_path("outdir", outdir) or Path("out"),
        lang=cohort.setting("lang", lang, "id"), jobs=jobs or default_jobs(),
        timeout=float(cohort.setting("timeout", timeout, DEFAULT_READ_TIMEOUT)),
        template_dir=template_dir, reference_docx=reference_docx,
        pdf_variant=cohort.setting("pdf_variant", pdf_variant),
        strict=bool(cohort.setting("strict", strict, False)))


@dataclass
class ReportResult:
    paths: list[Path]
    items: list[Extracted]
    warnings: list[Diagnostic] = field(default_factory=list)


def run_report(cohort: Cohort, settings: ReportSettings) -> ReportResult:
    from generator.output import atomic_write, stamp_for
    from generator.render.html import make_environment

    lang = settings.lang
    items = gather(cohort, lang=lang, jobs=settings.jobs, timeout=settings.timeout,
                   strict=settings.strict, messages_lang=lang)
    if not any(i.data is not None for i in items):
        raise RenderError("no spec of the cohort is valid: nothing to report "
                          f"({items[0].source.display}: {items[0].first_error})")
    context = ReportBuilder(cohort, items, lang).build()
    env = make_environment(settings.template_dir)
    html = render_report_html(context, env, user_templates=settings.template_dir is not None)
    created = stamp_for(context["created"])
    stem = report_stem(cohort)
    outdir = settings.outdir
    result = ReportResult([], items)
    produced: list[tuple[Path, bytes]] = []
    if "html" in settings.formats:
        produced.append((outdir / f"{stem}.html", html.encode("utf-8")))
    if "pdf" in settings.formats:
        from generator.render.pdf import PdfOptions, render_pdf

        options = PdfOptions(title=context["title"], author=context["author"],
                             subject=context["subject"], keywords=context["keywords"],
                             language=lang, created=created,
                             variant="pdf/a-3b" if settings.pdf_variant else None)
        produced.append((outdir / f"{stem}.pdf", render_pdf(html, [], options)))
    if "docx" in settings.formats:
        from generator.render.docx import DocxOptions, convert

        docx_options = DocxOptions(title=context["title"], author=context["author"],
                                   subject=context["subject"], keywords=context["keywords"],
                                   language=lang, created=created,
                                   header=f"{context['subtitle']} · {context['title']}",
                                   reference_docx=settings.reference_docx, charts={})
        converted = convert(html, docx_options)
        result.warnings.extend(converted.diagnostics(settings.reference_docx))
        produced.append((outdir / f"{stem}.docx", converted.data))
    for path, data in produced:
        atomic_write(path, data)
        result.paths.append(path)
    return result
