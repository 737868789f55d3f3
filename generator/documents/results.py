"""Cohort results: the progress files of many regions side by side (`masterplan report` and
`export` with `--progress`).

Two halves. `progress_records` runs where a spec is read (a batch worker): each year of a
region's progress becomes plain, language-neutral data (the figures of
`generator.documents.evaluation`, the estimated index under the bundled weights, the scores
received, the claims without evidence, one row per program). `ResultsBuilder` runs in the
report: the index and aspect heat map of the cohort, ranks within the province and the
cohort from the received scores and from the estimate (each labelled), realisation totals
per dimension, and who is missing evidence.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from generator.documents.evaluation import (
    estimated_index,
    evidence_claims,
    met,
    planned_budget,
    planned_in,
    year_figures,
)
from generator.errors import SpecError
from generator.i18n.labels import pick
from generator.i18n.numbers import Formatter, half_up
from generator.spec.enablers import enablers_of
from generator.spec.model import Masterplan
from generator.spec.progress import Progress
from generator.spec.progress_schema import ASPECTS
from generator.spec.vocabulary import Label
from generator.spec.weights import WeightTable

#: Claims without evidence listed per region in the report before "and N more".
MISSING_SHOWN = 12


def progress_records(plan: Masterplan, progresses: Sequence[Progress], weights: WeightTable,
                     folder: Path) -> list[dict[str, Any]]:
    """One plain record per progress year (ascending); `file` is the progress file's path
    relative to the spec's `folder`."""
    records = []
    for progress in progresses:
        figures = year_figures(plan, progress)
        try:
            row = weights.for_year(progress.year)
            index = estimated_index(figures.aspects, row)
            weights_year: int | None = row.year
        except SpecError:  # a year before the table's first row: no estimate
            index, weights_year = None, None
        claims = evidence_claims(plan, progress)
        received = progress.received
        records.append({
            "year": progress.year, "date": progress.date,
            "file": Path(os.path.relpath(progress.doc.path, folder)).as_posix(),
            "planned": figures.planned, "executed": figures.executed,
            "budget_planned": figures.budget_planned,
            "budget_realised": figures.budget_realised,
            # the enablers' budget lines per group: counted in every total
            "enabler_planned": figures.enabler_planned,
            "enabler_realised": figures.enabler_realised,
            "aspects": figures.aspects, "index": index, "weights_year": weights_year,
            "received": {"index": received.get("index"),
                         "aspects": dict(received.get("aspects", {})),
                         "dimensions": dict(received.get("dimensions", {}))},
            "claims": len(claims),
            "missing": [c.key for c in claims if not c.evidence],
            "programs": _program_rows(plan, progress),
            "enablers": _enabler_rows(plan, progress),
        })
    return records


def _evidence_of(progress: Progress) -> dict[str, list[str]]:
    """Subject (a program, quick win or enabler id) → the evidence items naming it or
    one of its indicators."""
    evidence: dict[str, list[str]] = defaultdict(list)
    for item in progress.evidence:
        for claim in item.supports:
            subject = claim.partition(":")[0].strip()
            if item.id not in evidence[subject]:
                evidence[subject].append(item.id)
    return evidence


def _enabler_rows(plan: Masterplan, progress: Progress) -> list[dict[str, Any]]:
    """Plan against progress for every enabler of the plan (`enablers`) in its years that
    year, with money planned that year, or reported (`enabler_items`): the pack's rule."""
    enablers = enablers_of(plan)
    year, evidence, rows = progress.year, _evidence_of(progress), []
    for enabler in enablers.items if enablers else []:
        entry = progress.enabler_items.get(enabler.id)
        planned = enabler.start_year <= year <= enabler.end_year
        budget = planned_budget(enabler, year)
        if entry is None and not planned and not budget:
            continue
        rows.append({"id": enabler.id, "planned": planned,
                     "status": entry.status if entry else None,
                     "budget_planned": budget,
                     "budget_realised": entry.realised if entry else 0,
                     "evidence": evidence.get(enabler.id, [])})
    return rows


def _program_rows(plan: Masterplan, progress: Progress) -> list[dict[str, Any]]:
    """Plan against progress for every program planned that year or reported."""
    year = progress.year
    evidence = _evidence_of(progress)
    rows = []
    for program in plan.programs:
        entry = progress.programs.get(program.id)
        planned = planned_in(program, year)
        if not planned and entry is None:
            continue
        targets = [i for i in program.indicators if year in i.targets]
        values = entry.indicators if entry else {}
        rows.append({
            "id": program.id, "planned": planned,
            "status": entry.status if entry else None,
            "budget_planned": planned_budget(program, year),
            "budget_realised": entry.realised if entry else 0,
            "indicators_planned": len(targets),
            "indicators_reported": len(values),
            "indicators_met": sum(bool(met(i, year, values[i.name])) for i in targets
                                  if i.name in values),
            "evidence": evidence.get(program.id, []),
        })
    return rows


def _enabler_budget(record: dict[str, Any]) -> dict[str, dict[str, int]]:
    """A progress record's enabler budget per group, planned and realised (none in
    records made before they were)."""
    return {"budget_planned": record.get("enabler_planned", {}),
            "budget_realised": record.get("enabler_realised", {})}


def heat(score: float | None) -> int:
    """The colour band 1-4 of a score on the programme's 1-4 scale (0 = none)."""
    if score is None:
        return 0
    return 1 if score < 2.0 else 2 if score < 2.75 else 3 if score < 3.5 else 4


def ranks(values: dict[str, float | None]) -> dict[str, int]:
    """Competition ranks (1, 2, 2, 4) of the known values, highest first."""
    known = sorted((v for v in values.values() if v is not None), reverse=True)
    return {key: known.index(value) + 1 for key, value in values.items() if value is not None}


class ResultsBuilder:
    """The report's chapter of cohort results, for the latest year any region reports."""

    def __init__(self, included: Sequence[dict[str, Any]], region: Callable[
            [dict[str, Any]], dict[str, Any]], t: dict[str, str], lang: str,
                 dimensions: Mapping[str, Label]) -> None:
        self.included, self.region, self.t, self.lang = included, region, t, lang
        self.dimensions = dimensions  # the report's framework's
        self.f = Formatter(lang)
        years = [r["year"] for data in included for r in data.get("progress", [])]
        self.year = max(years) if years else None

    def record(self, data: dict[str, Any], year: int | None) -> dict[str, Any] | None:
        return next((r for r in data.get("progress", []) if r["year"] == year), None)

    def score(self, value: float | None) -> str:
        return "-" if value is None else self.f.number(value, 2, fixed=True)

    def share(self, part: int, whole: int) -> str:
        return self.f.percent(part / whole) if whole else "-"

    def build(self) -> dict[str, Any] | None:
        if self.year is None:
            return None
        year = self.year
        reporting = [(data, record) for data in self.included
                     if (record := self.record(data, year)) is not None]
        silent = [self.region(data) for data in self.included if self.record(data, year) is None]
        keys = [str(data["region"]["code"]) for data, _ in reporting]
        province = {str(data["region"]["code"]): str(data["region"]["code"])[:2]
                    for data, _ in reporting}
        estimated = {k: r["index"] for k, (_d, r) in zip(keys, reporting, strict=True)}
        received = {k: r["received"]["index"]
                    for k, (_d, r) in zip(keys, reporting, strict=True)}

        def ranked(values: dict[str, float | None]) -> tuple[dict[str, int], dict[str, int]]:
            within: dict[str, int] = {}
            for code in set(province.values()):
                within |= ranks({k: v for k, v in values.items() if province[k] == code})
            return ranks(values), within

        est_cohort, est_province = ranked(estimated)
        rec_cohort, rec_province = ranked(received)
        rows: list[dict[str, Any]] = []
        for key, (data, record) in zip(keys, reporting, strict=True):
            previous = self.record(data, year - 1)
            change = "-"
            if previous and previous["index"] is not None and record["index"] is not None:
                # the change of the indices as shown (two decimals)
                change = self.f.change(half_up(record["index"], 2)
                                       - half_up(previous["index"], 2), 2)
            aspects = record["aspects"]
            rows.append({
                "region": self.region(data),
                "aspects": [{"text": self.score(aspects[a]), "heat": heat(aspects[a])}
                            for a in ASPECTS],
                "estimated": {"text": self.score(record["index"]),
                              "heat": heat(record["index"])},
                "received": {"text": self.score(received[key]), "heat": heat(received[key])},
                "change": change,
                "rank_received": self._rank(rec_cohort, rec_province, key),
                "rank_estimated": self._rank(est_cohort, est_province, key),
            })
        rows.sort(key=lambda r: (r["rank_received"]["cohort_sort"],
                                 r["rank_estimated"]["cohort_sort"], r["region"]["code"]))
        return {
            "year": year, "rows": rows, "silent": silent,
            "aspects": [self.t[f"aspect_{a}"] for a in ASPECTS],
            "has_received": any(v is not None for v in received.values()),
            "intro": self.t["res_intro"].format(year=year, count=len(reporting),
                                                total=len(self.included)),
            "dimensions": self._dimensions(reporting),
            "evidence": self._evidence(reporting),
        }

    def _rank(self, cohort: dict[str, int], province: dict[str, int],
              key: str) -> dict[str, Any]:
        if key not in cohort:
            return {"cohort": "-", "province": "-", "cohort_sort": 10**6}
        return {"cohort": str(cohort[key]), "province": str(province[key]),
                "cohort_sort": cohort[key]}

    def _dimensions(self, reporting: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[
            str, Any]:
        sums = {field: dict.fromkeys(self.dimensions, 0)
                for field in ("planned", "executed", "budget_planned", "budget_realised")}
        enabler_sums = {"budget_planned": 0, "budget_realised": 0}
        for _data, record in reporting:
            for field, totals in sums.items():
                for dim in self.dimensions:
                    totals[dim] += record[field][dim]
            for field, amounts in _enabler_budget(record).items():
                enabler_sums[field] += sum(amounts.values())

        def row(title: str, pick_value: Callable[[str], int]) -> dict[str, Any]:
            values = {field: pick_value(field) for field in sums}
            return {"title": title, "planned": str(values["planned"]),
                    "executed": str(values["executed"]),
                    "share": self.share(values["executed"], values["planned"]),
                    "budget_planned": self.f.millions(values["budget_planned"]),
                    "budget_realised": self.f.millions(values["budget_realised"]),
                    "absorption": self.share(values["budget_realised"],
                                             values["budget_planned"])}

        def one(dim: str) -> Callable[[str], int]:
            return lambda field: sums[field][dim]

        rows = [row(pick(self.dimensions, dim, self.lang), one(dim)) for dim in self.dimensions]
        if any(_enabler_budget(record)["budget_planned"] or
               _enabler_budget(record)["budget_realised"] for _d, record in reporting):
            enablers = row(self.t["enablers_total"],
                           lambda field: enabler_sums.get(field, 0))
            rows.append({**enablers, "planned": "-", "executed": "-", "share": "-"})
        total = row(self.t["total"], lambda field: sum(sums[field].values())
                    + enabler_sums.get(field, 0))

        def budget(record: dict[str, Any], field: str) -> int:
            return int(sum(record[field].values())
                       + sum(_enabler_budget(record)[field].values()))

        per_region = [{
            "region": self.region(data),
            "cells": [self.share(record["executed"][d], record["planned"][d])
                      for d in self.dimensions],
            "total": self.share(sum(record["executed"].values()),
                                sum(record["planned"].values())),
            "absorption": self.share(budget(record, "budget_realised"),
                                     budget(record, "budget_planned"))}
            for data, record in reporting]
        return {"rows": rows, "total": total, "per_region": per_region}

    def _evidence(self, reporting: list[tuple[dict[str, Any], dict[str, Any]]]) -> list[
            dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for data, record in reporting:
            missing = record["missing"]
            shown = ", ".join(missing[:MISSING_SHOWN])
            if len(missing) > MISSING_SHOWN:
                shown += " " + self.t["res_more"].format(count=len(missing) - MISSING_SHOWN)
            out.append({"region": self.region(data), "claims": str(record["claims"]),
                        "with": str(record["claims"] - len(missing)),
                        "without": str(len(missing)),
                        "coverage": self.share(record["claims"] - len(missing),
                                               record["claims"]),
                        "missing": shown, "flag": bool(missing)})
        out.sort(key=lambda r: (-int(r["without"]), r["region"]["code"]))
        return out

