"""The context of the cohort report: every figure compared across a cohort's specs.

Made from the plain figures of each spec (`generator.documents.figures`); the templates
(`templates/report/`) only arrange them. Chapters: overview and totals, programs per
dimension per region, budget per dimension and per funding source, quick wins, readiness
heat map, with progress files the evaluation results (`generator.documents.results`), and
the specs left out with their first error.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, Protocol

from generator.i18n.labels import SHORT_ASPECTS, pick, report_labels
from generator.i18n.numbers import Formatter, year_span
from generator.spec.framework import Framework, default_framework
from generator.spec.vocabulary import (
    FUNDING_SOURCES,
    QUICK_WIN_TYPES,
    READINESS_STATUS,
    REGION_TYPES,
)


class CohortInfo(Protocol):
    """What the report shows of the cohort itself (a `generator.batch.cohort.Cohort`)."""

    year: int | None
    track: str | None
    title: str | None


class SourceInfo(Protocol):
    display: str


class CohortItem(Protocol):
    """One spec of a cohort: its figures (`data`), or None and why
    (a `generator.batch.records.Extracted`)."""

    @property
    def source(self) -> SourceInfo: ...

    @property
    def data(self) -> dict[str, Any] | None: ...

    @property
    def status(self) -> str: ...

    @property
    def first_error(self) -> str: ...


# A status without a score stands for the middle of its band (see STATUS_SCORE_RANGE).
STATUS_SCORES = {"baik": 3.5, "cukup": 2.5, "kurang": 1.5}



def _enablers(data: dict[str, Any]) -> list[dict[str, Any]]:
    """A spec's enablers with their budget lines (none in figures made before they were)."""
    return list(data.get("enablers", []))


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


class ReportBuilder:
    def __init__(self, cohort: CohortInfo, items: Sequence[CohortItem], lang: str,
                 framework: Framework | None = None) -> None:
        self.fw = framework or default_framework()
        self.cohort, self.lang = cohort, lang
        # one framework per report: a spec of another (its figures name it) is left out
        self.included = [i for i in items if i.data is not None
                         and i.data.get("framework", self.fw.name) == self.fw.name]
        self.excluded = [i for i in items if i not in self.included]
        self.other_framework = {id(i) for i in self.excluded if i.data is not None}
        self.t = self.fw.relabel(report_labels(lang), lang)
        self.f = Formatter(lang)

    def region(self, data: dict[str, Any]) -> dict[str, Any]:
        region = data["region"]
        full = f"{REGION_TYPES[region['type']].id} {region['name']}"
        return {"code": region["code"], "full_name": full, "province": region["province"],
                "type": region["type"], "year": data["cohort"]["year"]}

    def programs(self) -> dict[str, Any]:
        rows, totals = [], dict.fromkeys(self.fw.dimensions, 0)
        for item in self.included:
            data = item.data or {}
            counts = dict.fromkeys(self.fw.dimensions, 0)
            for p in data["programs"]:
                counts[p["dimension"]] += 1
            for key, value in counts.items():
                totals[key] += value
            rows.append({"region": self.region(data), "cells": list(counts.values()),
                         "total": sum(counts.values())})
        return {"rows": rows, "totals": list(totals.values()), "total": sum(totals.values())}

    def budget(self) -> dict[str, Any]:
        """The budget per dimension and region, and the enablers' (`enablers` of the
        specs: regulation, ICT, people) in a column of their own: every total is the
        whole plan's, as in each region's book."""
        rows, totals = [], dict.fromkeys(self.fw.dimensions, 0)
        enablers_total = 0
        for item in self.included:
            data = item.data or {}
            sums = dict.fromkeys(self.fw.dimensions, 0)
            for p in data["programs"]:
                sums[p["dimension"]] += sum(int(line[1]) for line in p["budget"])
            for key, value in sums.items():
                totals[key] += value
            enablers = sum(int(line[1]) for e in _enablers(data) for line in e["budget"])
            enablers_total += enablers
            rows.append({"region": self.region(data),
                         "cells": [self.f.millions(v) for v in sums.values()],
                         "enablers": self.f.millions(enablers),
                         "total": self.f.millions(sum(sums.values()) + enablers)})
        grand = sum(totals.values()) + enablers_total

        def share(amount: int) -> str:
            return self.f.percent(amount / grand) if grand else "-"

        return {"rows": rows, "totals": [self.f.millions(v) for v in totals.values()],
                "total": self.f.millions(grand), "total_words": self.f.money_words(grand),
                "shares": [share(v) for v in totals.values()], "raw_total": grand,
                "enablers": {"title": self.t["enablers_total"],
                             "short": self.t["enablers_short"],
                             "total": self.f.millions(enablers_total),
                             "share": share(enablers_total)},
                "total_share": self.f.percent(1)}

    def sources(self) -> dict[str, Any]:
        per_region: list[tuple[dict[str, Any], dict[str, int]]] = []
        used: set[str] = set()
        for item in self.included:
            data = item.data or {}
            sums: dict[str, int] = defaultdict(int)
            for p in [*data["programs"], *_enablers(data)]:
                for _year, amount, source in p["budget"]:
                    sums[str(source)] += int(amount)
            used.update(sums)
            per_region.append((self.region(data), sums))
        codes = [c for c in FUNDING_SOURCES if c in used] + sorted(used - set(FUNDING_SOURCES))
        totals = {c: sum(s.get(c, 0) for _r, s in per_region) for c in codes}
        grand = sum(totals.values())
        return {
            "sources": [{"code": c, "name": pick(FUNDING_SOURCES, c, self.lang)
                         if c in FUNDING_SOURCES else c} for c in codes],
            "rows": [{"region": r, "cells": [self.f.millions(s.get(c, 0)) for c in codes],
                      "total": self.f.millions(sum(s.values()))} for r, s in per_region],
            "totals": [self.f.millions(totals[c]) for c in codes],
            "shares": [self.f.percent(totals[c] / grand) if grand else "-" for c in codes],
            "total": self.f.millions(grand), "total_share": self.f.percent(1)}

    def quick_wins(self) -> dict[str, Any]:
        rows = []
        per_dimension = dict.fromkeys(self.fw.dimensions, 0)
        for item in self.included:
            data = item.data or {}
            region = self.region(data)
            for q in data["quick_wins"]:
                per_dimension[q["dimension"]] += 1
                years = year_span(q["start_year"], q["end_year"])
                rows.append({"region": region, "id": q["id"], "name": q["name"],
                             "dimension": pick(self.fw.dimensions, q["dimension"], self.lang),
                             "type": pick(QUICK_WIN_TYPES, q["type"], self.lang),
                             "owner": q["owner_opd"], "years": years,
                             "budget": self.f.money_words(q["budget"]) if q["budget"] else "-"})
        return {"rows": rows, "per_dimension": list(per_dimension.values())}

    def readiness(self) -> dict[str, Any]:
        areas: list[dict[str, Any]] = [
            {"key": area, "title": pick(self.fw.readiness_areas, area, self.lang),
             "aspects": [{"key": key, "title": pick(
                 SHORT_ASPECTS if key in SHORT_ASPECTS else aspects, key, self.lang),
                          "full_title": pick(aspects, key, self.lang)} for key in aspects]}
            for area, aspects in self.fw.readiness_aspects.items()]
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
                    text = (self.f.score(score) if score is not None
                            else pick(READINESS_STATUS, status, self.lang) if status else "-")
                    cells.append({"text": text, "heat": heat(value), "average": False})
                    if value is not None:
                        scores.append(value)
                        columns[f"{area['key']}.{aspect['key']}"].append(value)
                average = sum(scores) / len(scores) if scores else None
                if average is not None:
                    columns[area["key"]].append(average)
                all_scores += scores
                cells.append({"text": self.f.number(average, 2, fixed=True)
                              if average is not None else "-",
                              "heat": heat(average), "average": True})
            overall = sum(all_scores) / len(all_scores) if all_scores else None
            if overall is not None:
                columns["overall"].append(overall)
            rows.append({"region": self.region(data), "cells": cells,
                         "overall": {"text": self.f.number(overall, 2, fixed=True)
                                     if overall is not None
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
        return {"text": self.f.number(mean, 2, fixed=True), "heat": heat(mean)}

    def build(self) -> dict[str, Any]:
        results = None
        if any("progress" in (i.data or {}) for i in self.included):
            from generator.documents.results import ResultsBuilder
            from generator.i18n.labels import results_labels

            self.t = self.fw.relabel(results_labels(self.lang), self.lang)
            results = ResultsBuilder([i.data for i in self.included if i.data is not None],
                                     self.region, self.t, self.lang, self.fw.dimensions).build()
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
        # by code: "DIY" and "DI Yogyakarta" are one province
        provinces = {str(i.data["region"]["code"])[:2] for i in self.included if i.data}
        dimensions = [{"key": k, "title": pick(self.fw.dimensions, k, self.lang),
                       "short": pick(self.fw.short, k, self.lang),
                       "colour": self.fw.colours[k]} for k in self.fw.dimensions]
        return {
            "dimension_colours": dict(self.fw.colours),
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
                          "problem": t["report_other_framework"].format(
                              framework=(i.data or {}).get("framework", ""), used=self.fw.name)
                          if id(i) in self.other_framework else i.first_error}
                         for i in self.excluded],
            "created": dates[-1] if dates else None,
            "results": results,
        }


def build_report_context(cohort: CohortInfo, items: Sequence[CohortItem], lang: str,
                         framework: Framework | None = None) -> dict[str, Any]:
    return ReportBuilder(cohort, items, lang, framework).build()
