"""The evaluation pack's figures: the plan of a masterplan against one or more years of
progress (`generator.spec.progress`).

Everything the evaluation templates and the self-assessment workbook print is computed here:
realisation per dimension and program, Outcome as the executed share per dimension, the
*estimated* index under a weight table (`generator.spec.weights`), year-on-year change, the
evidence index (every claim and its evidence, the claims without evidence flagged), the
impact-survey plan and the assessors' recommendations. The estimate's rules are stated in
the document beside it: the programme does not publish its scoring.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.documents.charts import Canvas, Chart, ChartData, Series, _tick_formatter
from generator.i18n.labels import evaluation_labels, pick
from generator.i18n.numbers import Formatter, half_up
from generator.metrics import measure
from generator.spec.enabler_vocabulary import ENABLER_COLOURS, ENABLER_GROUPS
from generator.spec.enablers import Enabler, enablers_of
from generator.spec.model import Indicator, Masterplan, Program
from generator.spec.progress import ProgramProgress, Progress, claim_key
from generator.spec.progress_schema import ASPECTS, ENABLERS, PROGRESS_STATUS
from generator.spec.weights import Weights

#: Statuses that count as executed (the Outcome aspect: programs running ÷ planned).
EXECUTED = ("berjalan", "selesai")
#: Respondents of the impact survey per dimension (the programme's guidance).
SURVEY_RESPONDENTS = 50
#: Programs or services surveyed per sub-dimension.
SURVEY_PROGRAMS = 3
#: Forum meetings a year that count as a fully active forum (quarterly).
FORUM_MEETINGS = 4


#: One em of the tables' text (9.5 pt, `table` in style.css), in millimetres.
_EM_MM = 9.5 * 25.4 / 72
#: Millimetres of a table's width (A4 between the margins of style.css) and of each cell's
#: padding and borders; the text column is never narrower than `_TEXT_MM`.
_TABLE_MM, _CELL_MM, _TEXT_MM = 165.0, 4.2, 40.0


def column_layout(columns: Sequence[tuple[str, Sequence[str], bool] | None]) -> dict[str, Any]:
    """Column widths for a table laid out with `table-layout: fixed`, or none (`fixed`
    False: the browser's auto layout) when they would leave the text column too little.

    Auto layout measures every cell twice (its narrowest and widest width) before it sets
    any text: for the pack's long tables a third of what WeasyPrint spends on them. Here the
    columns of codes, statuses and figures get the width of their widest content (or of
    their heading's longest word), and the one text column (None) the rest. Each column is
    `(heading, cell texts, wraps)`: a cell that wraps between words needs its longest word
    (in bold), one that does not (figures, `td.num`) its whole text."""
    widths: list[int | None] = []
    for column in columns:
        if column is None:
            widths.append(None)
            continue
        heading, cells, wraps = column
        ems = measure(heading, bold=True)[1]
        for cell in cells:  # words as if bold (a status or verdict may be), figures not
            line, word = measure(cell, bold=wraps)
            ems = max(ems, word if wraps else line)
        widths.append(math.ceil(ems * _EM_MM * 1.04 + 0.5))
    used = sum(w for w in widths if w is not None) + _CELL_MM * len(widths)
    return {"fixed": used <= _TABLE_MM - _TEXT_MM, "widths": widths}


def planned_in(program: Program, year: int) -> bool:
    return program.start_year <= year <= program.end_year


def planned_budget(item: Program | Enabler, year: int) -> int:
    """The budget a program (or one of the plan's enablers) plans for `year`."""
    return sum(line.amount for line in item.budget if line.year == year)


def attainment(baseline: Any, target: Any, value: Any) -> float | None:
    """How far `value` went from `baseline` to `target` (0-1, capped); None when not
    numeric. A target below its baseline (waiting time, stunting) counts downwards."""
    if not all(isinstance(v, int | float) and not isinstance(v, bool)
               for v in (baseline, target, value)):
        return None
    if target == baseline:
        return 1.0 if value == target else 0.0
    return float(max(0.0, min(1.0, (value - baseline) / (target - baseline))))


def met(indicator: Indicator, year: int, value: Any) -> bool | None:
    target = indicator.targets.get(year)
    if target is None:
        return None
    if isinstance(target, str) or isinstance(value, str):
        return bool(value == target)
    baseline = indicator.baseline
    downwards = isinstance(baseline, int | float) and target < baseline
    return bool(value <= target) if downwards else bool(value >= target)


@dataclass(frozen=True)
class YearFigures:
    """The computed figures of one progress year."""

    year: int
    planned: dict[str, int]  # dimension → programs planned that year
    executed: dict[str, int]  # dimension → of those, running or done
    budget_planned: dict[str, int]  # dimension → the programs' budget planned that year
    budget_realised: dict[str, int]
    aspects: dict[str, float | None]  # estimated aspect scores (1-4)
    #: enabler group (`regulation`, ...) → the plan's enablers' budget planned that year
    #: and realised (`enabler_items`): part of every total beside the dimensions'
    enabler_planned: dict[str, int] = field(default_factory=dict)
    enabler_realised: dict[str, int] = field(default_factory=dict)

    def share(self, dim: str) -> float | None:
        return self.executed[dim] / self.planned[dim] if self.planned[dim] else None

    @property
    def executed_share(self) -> float | None:
        planned = sum(self.planned.values())
        return sum(self.executed.values()) / planned if planned else None

    @property
    def total_planned(self) -> int:
        """The year's whole budget planned: the programs' and the enablers'."""
        return sum(self.budget_planned.values()) + sum(self.enabler_planned.values())

    @property
    def total_realised(self) -> int:
        return sum(self.budget_realised.values()) + sum(self.enabler_realised.values())

    @property
    def absorption(self) -> float | None:
        planned = self.total_planned
        return self.total_realised / planned if planned else None


def year_figures(plan: Masterplan, progress: Progress) -> YearFigures:
    year = progress.year
    planned: dict[str, int] = defaultdict(int)
    executed: dict[str, int] = defaultdict(int)
    budget_planned: dict[str, int] = defaultdict(int)
    budget_realised: dict[str, int] = defaultdict(int)
    for program in plan.programs:
        entry = progress.programs.get(program.id)
        if planned_in(program, year):
            planned[program.dimension] += 1
            if entry is not None and entry.status in EXECUTED:
                executed[program.dimension] += 1
        budget_planned[program.dimension] += planned_budget(program, year)
        if entry is not None:
            budget_realised[program.dimension] += entry.realised
    dims = plan.fw.dimensions
    enabler_planned, enabler_realised = enabler_budgets(plan, progress)
    figures = YearFigures(year, {d: planned[d] for d in dims},
                          {d: executed[d] for d in dims},
                          {d: budget_planned[d] for d in dims},
                          {d: budget_realised[d] for d in dims}, {},
                          enabler_planned, enabler_realised)
    figures.aspects.update(estimate_aspects(plan, progress, figures))
    return figures


def enabler_budgets(plan: Masterplan, progress: Progress) -> tuple[dict[str, int],
                                                                   dict[str, int]]:
    """Per group of the plan's enablers that has any: the budget planned in the progress
    year and the budget realised (`enabler_items`)."""
    enablers = enablers_of(plan)
    if enablers is None:
        return {}, {}
    groups = [key for key, items in enablers.groups.items() if items]
    planned, realised = dict.fromkeys(groups, 0), dict.fromkeys(groups, 0)
    for item in enablers.items:
        planned[item.group] += planned_budget(item, progress.year)
        entry = progress.enabler_items.get(item.id)
        if entry is not None:
            realised[item.group] += entry.realised
    return planned, realised


def enablers_in_place(progress: Progress) -> dict[str, float]:
    """Each enabler's fulfilment (0-1): decrees present, forum meetings against quarterly,
    a smart-city APBD."""
    enablers = progress.enablers
    meetings = len(enablers.get("forum_meetings", []))
    return {"regulation": float("regulation" in enablers),
            "council": float("council" in enablers), "team": float("team" in enablers),
            "forum": min(meetings / FORUM_MEETINGS, 1.0),
            "apbd": float(enablers.get("smart_city_apbd", 0) > 0)}


def estimate_aspects(plan: Masterplan, progress: Progress,
                     figures: YearFigures) -> dict[str, float | None]:
    """The five aspect scores (1-4) as this tool estimates them (see `ev_rule_*`)."""
    shares = [s for d in plan.fw.dimensions if (s := figures.share(d)) is not None]
    improved: list[bool] = []
    for program in plan.programs:
        entry = progress.programs.get(program.id)
        for indicator in program.indicators:
            value = entry.indicators.get(indicator.name) if entry else None
            target = indicator.targets.get(progress.year)
            step = attainment(indicator.baseline, target, value) if target is not None else None
            if step is not None:
                improved.append(step > 0)
    quick: list[float] = []
    for quick_win in plan.quick_wins:
        qw_entry = progress.quick_wins.get(quick_win.id)
        if qw_entry is None:
            continue
        if qw_entry.status not in EXECUTED:
            quick.append(0.0)
            continue
        steps = [a for k in quick_win.kpis
                 if (a := attainment(k.baseline or 0, k.target, qw_entry.kpis.get(k.name)))
                 is not None]
        quick.append(sum(steps) / len(steps) if steps else 0.5)
    enablers = enablers_in_place(progress)
    survey = [score for _, score in progress.survey.values()]
    return {
        "baseline": 1 + 3 * sum(improved) / len(improved) if improved else None,
        "output": 1 + 3 * sum(enablers.values()) / len(enablers),
        "outcome": 1 + 3 * sum(shares) / len(shares) if shares else None,
        "impact": sum(survey) / len(survey) if survey else None,
        "quick_win": 1 + 3 * sum(quick) / len(quick) if quick else None,
    }


@dataclass(frozen=True)
class Claim:
    """One claim of a progress file and the evidence items naming it."""

    key: str  # as an evidence item names it: `regulation`, `GOV-01`, `GOV-01: name`
    subject: str  # the enabler, program or quick win it is about
    name: str  # the indicator or KPI, or "" when the claim is that it is in place or runs
    status: str  # the program's or quick win's status, for a claim that it runs
    evidence: tuple[str, ...]


def evidence_claims(plan: Masterplan, progress: Progress) -> list[Claim]:
    """Every claim the progress file makes (each enabler in place, each of the plan's
    enablers (`enabler_items`), program or quick win running or done, each indicator or KPI
    value), in the plan's order."""
    supporting: dict[str, list[str]] = defaultdict(list)
    for item in progress.evidence:
        for named in item.supports:
            supporting[claim_key(named)].append(item.id)
    out: list[Claim] = []

    def add(key: str, subject: str, name: str = "", status: str = "") -> None:
        out.append(Claim(key, subject, name, status, tuple(supporting.get(claim_key(key), []))))

    in_place = enablers_in_place(progress)
    for key in ENABLERS:
        if in_place[key] > 0:
            add(key, key)
    enablers = enablers_of(plan)
    for enabler in enablers.items if enablers else []:  # the plan's own: REG-01, ...
        reported = progress.enabler_items.get(enabler.id)
        if reported is not None and reported.status in EXECUTED:
            add(enabler.id, enabler.id, status=reported.status)
    for entry_id, entry in [(p.id, progress.programs.get(p.id)) for p in plan.programs] + [
            (q.id, progress.quick_wins.get(q.id)) for q in plan.quick_wins]:
        if entry is None:
            continue
        if entry.status in EXECUTED:
            add(entry_id, entry_id, status=entry.status)
        values = entry.indicators if isinstance(entry, ProgramProgress) else entry.kpis
        for name in values:
            add(f"{entry_id}: {name}", entry_id, name)
    return out


def estimated_index(aspects: dict[str, float | None], weights: Weights) -> float | None:
    """The weighted mean of the aspects that could be estimated (weights scaled up)."""
    known = {key: value for key, value in aspects.items() if value is not None}
    total = sum(weights.weights[key] for key in known)
    if not total:
        return None
    return sum(weights.weights[key] * value for key, value in known.items()) / total


class EvaluationBuilder:
    def __init__(self, plan: Masterplan, progresses: Sequence[Progress], weights: Weights,
                 lang: str, base: dict[str, Any]) -> None:
        self.plan, self.lang, self.base = plan, lang, base
        self.progresses = sorted(progresses, key=lambda p: p.year)
        self.latest = self.progresses[-1]
        self.weights = weights
        self.fw = plan.fw
        self.t = self.fw.relabel(evaluation_labels(lang), lang)
        self.f = Formatter(lang)
        self.figures = [year_figures(plan, p) for p in self.progresses]
        self.now = self.figures[-1]
        self.enabler_plan = enablers_of(plan)
        enabler_items = self.enabler_plan.items if self.enabler_plan else []
        self.digits = Formatter.million_digits(
            [line.amount for p in plan.programs for line in p.budget]
            + [line.amount for e in enabler_items for line in e.budget])

    # --- formatting --------------------------------------------------------------------
    def millions(self, amount: int) -> str:
        return self.f.millions(amount, self.digits)

    def percent(self, share: float | None) -> str:
        return "-" if share is None else self.f.percent(share)

    def score(self, value: float | None) -> str:
        return "-" if value is None else self.f.number(value, 2, fixed=True)

    def status(self, status: str | None) -> str:
        return self.t[f"progress_{status}"] if status else self.t["ev_not_reported"]

    def value(self, value: Any) -> str:
        if value is None:
            return "-"
        return value if isinstance(value, str) else self.f.number(value, 2)

    def dimension_title(self, key: str) -> str:
        return pick(self.fw.dimensions, key, self.lang)

    def group_title(self, group: str) -> str:
        """An enabler group's row beside the dimensions, as the book's funding names it."""
        return f"{self.t['enablers_lane']}: {pick(ENABLER_GROUPS, group, self.lang)}"

    def budget_share(self, realised: int, planned: int) -> str:
        return self.percent(realised / planned if planned else None)

    # --- sections ------------------------------------------------------------------------
    def dimensions(self) -> dict[str, Any]:
        now = self.now
        rows = [{"title": self.dimension_title(d), "colour": self.fw.colours[d],
                 "planned": now.planned[d], "executed": now.executed[d],
                 "share": self.percent(now.share(d)),
                 "budget_planned": self.millions(now.budget_planned[d]),
                 "budget_realised": self.millions(now.budget_realised[d]),
                 "budget_share": self.budget_share(now.budget_realised[d],
                                                   now.budget_planned[d])}
                for d in self.fw.dimensions]
        # the enablers' budget lines, one row per group: the total is the whole plan's
        enablers = [{"title": self.group_title(g), "colour": ENABLER_COLOURS[g],
                     "planned": "-", "executed": "-", "share": "-",
                     "budget_planned": self.millions(planned),
                     "budget_realised": self.millions(now.enabler_realised[g]),
                     "budget_share": self.budget_share(now.enabler_realised[g], planned)}
                    for g, planned in now.enabler_planned.items()]
        total = {"planned": sum(now.planned.values()), "executed": sum(now.executed.values()),
                 "share": self.percent(now.executed_share),
                 "budget_planned": self.millions(now.total_planned),
                 "budget_realised": self.millions(now.total_realised),
                 "budget_share": self.percent(now.absorption)}
        return {"rows": rows, "enablers": enablers, "total": total}

    def enabler_budget(self) -> list[dict[str, Any]]:
        """The plan's enablers planned in the latest year or reported, each with its
        budget planned and realised (the rows the groups of `dimensions` add up)."""
        if self.enabler_plan is None:
            return []
        year, out = self.latest.year, []
        for item in self.enabler_plan.items:
            entry = self.latest.enabler_items.get(item.id)
            planned = planned_budget(item, year)
            if entry is None and not planned and not item.start_year <= year <= item.end_year:
                continue
            realised = entry.realised if entry else 0
            out.append({"id": item.id, "name": item.name,
                        "group": pick(ENABLER_GROUPS, item.group, self.lang),
                        "status": self.status(entry.status if entry else None),
                        "status_key": entry.status if entry else "",
                        "planned": self.millions(planned), "realised": self.millions(realised),
                        "share": self.budget_share(realised, planned)})
        return out

    def programs(self) -> list[dict[str, Any]]:
        year, out = self.latest.year, []
        for program in self.plan.programs:
            entry = self.latest.programs.get(program.id)
            if not planned_in(program, year) and entry is None:
                continue
            planned = planned_budget(program, year)
            realised = entry.realised if entry else 0
            out.append({
                "id": program.id, "name": program.name,
                "dimension": self.dimension_title(program.dimension),
                "colour": self.fw.colours[program.dimension],
                "status": self.status(entry.status if entry else None),
                "status_key": entry.status if entry else "",
                "planned": self.millions(planned), "realised": self.millions(realised),
                "share": self.percent(realised / planned if planned else None),
                "indicators": self._indicators(program, entry)})
        return out

    def _indicators(self, program: Program, entry: ProgramProgress | None) -> list[dict[str, Any]]:
        year, rows = self.latest.year, []
        for indicator in program.indicators:
            value = entry.indicators.get(indicator.name) if entry else None
            target = indicator.targets.get(year)
            if target is None and value is None:
                continue
            reached = met(indicator, year, value) if value is not None else None
            rows.append({"name": indicator.name, "unit": indicator.unit,
                         "baseline": self.value(indicator.baseline),
                         "target": self.value(target), "value": self.value(value),
                         "met": reached,
                         "verdict": "" if reached is None else self.t[
                             "ev_met" if reached else "ev_not_met"]})
        return rows

    def quick_wins(self) -> list[dict[str, Any]]:
        out = []
        for quick_win in self.plan.quick_wins:
            entry = self.latest.quick_wins.get(quick_win.id)
            if entry is None and quick_win.start_year > self.latest.year:
                continue
            kpis = []
            for kpi in quick_win.kpis:
                value = entry.kpis.get(kpi.name) if entry else None
                step = attainment(kpi.baseline or 0, kpi.target, value)
                kpis.append({"name": kpi.name, "unit": kpi.unit,
                             "baseline": self.value(kpi.baseline),
                             "target": self.value(kpi.target), "value": self.value(value),
                             "attainment": self.percent(step)})
            out.append({"id": quick_win.id, "name": quick_win.name,
                        "dimension": self.dimension_title(quick_win.program.dimension),
                        "status": self.status(entry.status if entry else None),
                        "kpis": kpis})
        return out

    def enablers(self) -> list[dict[str, Any]]:
        enablers = self.latest.enablers
        rows = []
        for key in ("regulation", "council", "team"):
            decree = enablers.get(key)
            state = (f"{decree.get('kind', '')} {decree['number']}, {self.f.date(decree['date'])}"
                     .strip() + (f": {decree['title']}" if decree.get("title") else "")
                     if decree else self.t["ev_missing"])
            rows.append({"key": key, "title": self.t[f"ev_{key}"], "state": state,
                         "ok": decree is not None})
        meetings = enablers.get("forum_meetings", [])
        rows.append({"key": "forum", "title": self.t["ev_forum"],
                     "state": self.t["ev_meetings"].format(count=len(meetings)) + (
                         " (" + ", ".join(self.f.date(m["date"]) for m in meetings) + ")"
                         if meetings else ""), "ok": len(meetings) >= FORUM_MEETINGS})
        apbd = enablers.get("smart_city_apbd", 0)
        rows.append({"key": "apbd", "title": self.t["ev_apbd"],
                     "state": self.f.money_words(apbd) if apbd else self.t["ev_missing"],
                     "ok": apbd > 0})
        return rows

    def index(self) -> dict[str, Any]:
        aspects = self.now.aspects
        received = self.latest.received
        received_aspects = received.get("aspects", {})
        missing = [self.t[f"aspect_{key}"] for key in ASPECTS if aspects[key] is None]
        weights = self.weights.weights
        return {
            "aspects": [{"title": self.t[f"aspect_{key}"],
                         "weight": self.f.number(weights[key], 0),
                         "estimated": self.score(aspects[key]),
                         "received": self.score(received_aspects.get(key)),
                         "rule": self.t[f"ev_rule_{key}"]} for key in ASPECTS],
            "estimated": self.score(estimated_index(aspects, self.weights)),
            "received": self.score(received.get("index")),
            "has_received": bool(received),
            "note": self.t["ev_index_note"].format(
                year=self.weights.year, file=self.weights.file,
                weights="/".join(self.f.number(weights[k], 0) for k in ASPECTS)),
            "partial": self.t["ev_index_partial"].format(aspects=", ".join(missing))
            if missing else "",
            "dimensions": [{"title": self.dimension_title(d),
                            "score": self.score(received.get("dimensions", {}).get(d))}
                           for d in self.fw.dimensions] if received.get("dimensions") else [],
        }

    def trend(self) -> dict[str, Any]:
        """Each measure per year, and its change from the year before (shares in
        percentage points)."""
        def row(label: str, values: list[float | None], *, points: bool) -> dict[str, Any]:
            show = self.percent if points else self.score
            change = "-"
            if len(values) > 1 and values[-1] is not None and values[-2] is not None:
                # the change of the figures as shown, so that `97,1%` twice is `0,0 pp`
                if points:
                    change = self.f.change(half_up(values[-1] * 100, 1)
                                           - half_up(values[-2] * 100, 1), 1, "pp")
                else:
                    change = self.f.change(half_up(values[-1], 2) - half_up(values[-2], 2), 2)
            return {"title": label, "cells": [show(v) for v in values], "change": change}

        figures = self.figures
        rows = [
            row(self.t["ev_executed_share"], [f.executed_share for f in figures], points=True),
            row(self.t["ev_budget_share"], [f.absorption for f in figures], points=True),
            row(self.t["ev_index"], [estimated_index(f.aspects, self.weights)
                                     for f in figures], points=False),
            row(f"{self.t['ev_index_total']} ({self.t['ev_received'].lower()})",
                [p.received.get("index") for p in self.progresses], points=False),
            row(self.t["ev_evidence"], [self._coverage(p) for p in self.progresses],
                points=True),
            *[row(f"{self.t['ev_executed_share']}: {self.dimension_title(d)}",
                  [f.share(d) for f in figures], points=True) for d in self.fw.dimensions],
        ]
        return {"years": [p.year for p in self.progresses], "rows": rows}

    # --- evidence ----------------------------------------------------------------------------
    def claims(self, progress: Progress) -> list[dict[str, Any]]:
        """Every claim the progress file makes, with the evidence naming it."""
        names = {p.id: p.name for p in self.plan.programs} | {
            q.id: q.name for q in self.plan.quick_wins} | {
            e.id: e.name for e in (self.enabler_plan.items if self.enabler_plan else [])}
        rows = []
        for claim in evidence_claims(self.plan, progress):
            if claim.subject in ENABLERS:
                what = self.t[f"ev_{claim.subject}"]
            elif claim.name:
                what = claim.name
            else:
                what = f"{names[claim.subject]}: {self.status(claim.status)}"
            rows.append({"claim": "" if claim.subject in ENABLERS else claim.key,
                         "what": what, "evidence": ", ".join(claim.evidence),
                         "missing": not claim.evidence})
        return rows

    def _coverage(self, progress: Progress) -> float | None:
        claims = self.claims(progress)
        return sum(not c["missing"] for c in claims) / len(claims) if claims else None

    def evidence(self) -> dict[str, Any]:
        claims = self.claims(self.latest)
        covered = sum(not c["missing"] for c in claims)
        return {"claims": claims, "missing": [c for c in claims if c["missing"]],
                "count": self.t["ev_evidence_count"].format(with_evidence=covered,
                                                            claims=len(claims)),
                "entries": [{"id": e.id, "title": e.title, "where": e.file or e.reference,
                             "supports": ", ".join(self.supported(s) for s in e.supports)}
                            for e in self.latest.evidence]}

    def supported(self, claim: str) -> str:
        """What an evidence item supports, in the reader's words: an enabler's key
        (`council`) as its label, one of the plan's enablers as its id and name
        (`REG-02 (Peraturan ...)`), a program, quick win or indicator as written."""
        key = claim_key(claim)
        if key in ENABLERS:
            return self.t[f"ev_{key}"]
        enabler = next((e for e in (self.enabler_plan.items if self.enabler_plan else [])
                        if e.id == key), None)
        return f"{enabler.id} ({enabler.name})" if enabler else claim

    def survey(self) -> list[dict[str, Any]]:
        latest = self.latest
        out = []
        for dimension in self.plan.dimensions:
            subs = []
            for sub in dimension.sub_dimensions:
                ranked = sorted(sub.programs, key=lambda p: (
                    latest.programs[p.id].status not in EXECUTED if p.id in latest.programs
                    else True))
                chosen = ranked[:SURVEY_PROGRAMS]
                subs.append({"title": sub.label or pick(self.fw.sub_dimensions[dimension.key],
                                                        sub.key, self.lang),
                             "programs": "; ".join(f"{p.id} {p.name}" for p in chosen) or "-"})
            received = latest.survey.get(dimension.key)
            out.append({"title": self.dimension_title(dimension.key),
                        "colour": self.fw.colours[dimension.key],
                        "respondents": SURVEY_RESPONDENTS, "subs": subs,
                        "received": self.f.number(received[0], 0) if received else "-",
                        "score": self.score(received[1]) if received else "-"})
        return out

    def recommendations(self) -> list[dict[str, Any]]:
        return [{"year": p.year, "text": r["text"], "follow_up": r.get("follow_up", ""),
                 "owner": r.get("owner", ""), "due": self.f.date(r.get("due", "")),
                 "status": self.status(r.get("status")) if r.get("status") else ""}
                for p in self.progresses for r in p.recommendations]

    def build(self) -> dict[str, Any]:
        from generator.documents.context import ContextBuilder

        years = [p.year for p in self.progresses]
        years_text = self.f.listing(years)
        trend = self.trend()
        programs, quick_wins = self.programs(), self.quick_wins()
        evidence, survey = self.evidence(), self.survey()
        enabler_budget = self.enabler_budget()
        return {
            "t": {**self.base["t"], **self.t},
            "foreword": None,  # the masterplan's foreword is not the evaluation's,
            "approval": None,  # nor is the sheet adopting the masterplan by regulation
            "document": {**self.base["document"], "date": self.f.date(self.latest.date),
                         "subtitle": self.t["ev_years"].format(years=years_text)},
            "ev": {
                "years": years, "years_text": years_text, "latest": self.latest.year,
                "summary": ContextBuilder(self.plan, self.lang).md(self.latest.summary),
                "dimensions": self.dimensions(), "programs": programs,
                "enabler_budget": enabler_budget,
                "quick_wins": quick_wins, "enablers": self.enablers(),
                "index": self.index(), "trend": trend, "evidence": evidence,
                "survey": survey, "recommendations": self.recommendations(),
                "layout": self.layouts(programs, quick_wins, evidence, survey,
                                       enabler_budget),
            },
        }

    def layouts(self, programs: list[dict[str, Any]], quick_wins: list[dict[str, Any]],
                evidence: dict[str, Any], survey: list[dict[str, Any]],
                enablers: list[dict[str, Any]]) -> dict[str, Any]:
        """The column widths of the long tables (`column_layout`), in the order of their
        columns; the text column is None."""
        t = self.t
        indicators = [(p, i) for p in programs for i in p["indicators"]]
        kpis = [k for q in quick_wins for k in q["kpis"]]

        def figures(heading: str, cells: list[str]) -> tuple[str, list[str], bool]:
            return heading, cells, False

        def budget_rows(rows: list[dict[str, Any]]) -> dict[str, Any]:
            return column_layout([
                (t["id"], [p["id"] for p in rows], True), None,
                (t["status"], [p["status"] for p in rows], True),
                figures(t["ev_budget_planned"], [p["planned"] for p in rows]),
                figures(t["ev_budget_realised"], [p["realised"] for p in rows]),
                figures(t["ev_budget_share"], [p["share"] for p in rows])])

        return {
            "programs": budget_rows(programs),
            "enabler_budget": budget_rows(enablers),
            "indicators": column_layout([
                (t["id"], [p["id"] for p, _ in indicators], True), None,
                (t["unit"], [i["unit"] for _, i in indicators], True),
                figures(t["baseline"], [i["baseline"] for _, i in indicators]),
                figures(t["target"], [i["target"] for _, i in indicators]),
                figures(t["ev_achieved"], [i["value"] for _, i in indicators]),
                (t["ev_attainment"], [i["verdict"] for _, i in indicators], True)]),
            "quick_wins": column_layout([
                (t["id"], [q["id"] for q in quick_wins], True), None,
                (t["status"], [q["status"] for q in quick_wins], True),
                figures(t["baseline"], [k["baseline"] for k in kpis]),
                figures(t["target"], [k["target"] for k in kpis]),
                figures(t["ev_achieved"], [k["value"] for k in kpis]),
                figures(t["ev_attainment"], [k["attainment"] for k in kpis])]),
            "claims": column_layout([
                (t["id"], [c["claim"].split(":")[0] for c in evidence["claims"]], True), None,
                (t["ev_evidence_items"], [t["ev_no_evidence"],
                                          *(c["evidence"] for c in evidence["claims"])],
                 False)]),
            "survey": column_layout([
                (t["dimension"], [d["title"] for d in survey], False),
                (t["sub_dimension"], [s["title"] for d in survey for s in d["subs"]], True),
                None,
                figures(t["ev_respondents"], [f"{d['respondents']} ({d['received']})"
                                              for d in survey]),
                figures(f"{t['ev_survey_score']} {self.latest.year}",
                        [d["score"] for d in survey])]),
        }

    # --- the workbook --------------------------------------------------------------------------
    def workbook(self) -> dict[str, Any]:
        """What the self-assessment workbook holds: one sheet per dimension (the latest
        year's programs and indicators, prefilled), and Output (the enablers)."""
        t, year, latest = self.t, self.latest.year, self.latest
        supporting: dict[str, list[str]] = defaultdict(list)
        for item in latest.evidence:
            for claim in item.supports:
                supporting[claim_key(claim)].append(item.id)
        sheets: list[dict[str, Any]] = []
        for dimension in self.plan.dimensions:
            programs, indicators = [], []
            for program in dimension.programs:
                if not planned_in(program, year):
                    continue
                entry = latest.programs.get(program.id)
                programs.append([program.id, program.name,
                                 pick(self.fw.sub_dimensions[dimension.key], program.sub_dimension,
                                      self.lang),
                                 entry.status if entry else "belum",
                                 planned_budget(program, year), entry.realised if entry else 0,
                                 ", ".join(supporting.get(program.id, []))])
                for indicator in program.indicators:
                    if year not in indicator.targets:
                        continue
                    value = entry.indicators.get(indicator.name) if entry else None
                    indicators.append([program.id, indicator.name, indicator.unit,
                                       indicator.baseline, indicator.targets[year], value,
                                       ", ".join(supporting.get(
                                           claim_key(f"{program.id}: {indicator.name}"), []))])
            sheets.append({"key": dimension.key, "title": self.dimension_title(dimension.key),
                           "programs": programs, "indicators": indicators})
        enabler_rows = []
        for enabler in self.enabler_plan.items if self.enabler_plan else []:
            enabler_entry = latest.enabler_items.get(enabler.id)
            planned = planned_budget(enabler, year)
            if enabler_entry is None and not planned and not (
                    enabler.start_year <= year <= enabler.end_year):
                continue
            enabler_rows.append([enabler.id, enabler.name,
                                 pick(ENABLER_GROUPS, enabler.group, self.lang),
                                 enabler_entry.status if enabler_entry else "belum", planned,
                                 enabler_entry.realised if enabler_entry else 0,
                                 ", ".join(supporting.get(enabler.id, []))])
        if enabler_rows:  # the enablers' budget lines, as a dimension's programs
            sheets.append({"key": "enablers", "title": t["enablers_total"],
                           "programs": enabler_rows,
                           "heads": {"programs": [
                               t["id"], t["name"], t["wb_enabler_group"], t["wb_status"],
                               t["wb_planned_year"].format(year=year),
                               t["wb_realised_year"].format(year=year), t["wb_evidence"],
                               t["wb_executed"], t["ev_budget_share"]],
                               "summary": [t["wb_enablers_planned"], t["ev_executed_programs"],
                                           t["ev_executed_share"], t["ev_budget_share"]]}})
        enablers = enablers_in_place(latest)
        output = [[row["title"], row["state"], enablers[row["key"]]]
                  for row in self.enablers()]
        return {
            "year": year, "statuses": list(PROGRESS_STATUS), "executed": list(EXECUTED),
            "sheets": sheets, "output": output,
            "heads": {
                "programs": [t["id"], t["name"], t["sub_dimension"], t["wb_status"],
                             t["wb_planned_year"].format(year=year),
                             t["wb_realised_year"].format(year=year), t["wb_evidence"],
                             t["wb_executed"], t["ev_budget_share"]],
                "indicators": [t["id"], t["indicator"], t["unit"], t["baseline"],
                               t["wb_target_year"].format(year=year),
                               t["wb_value_year"].format(year=year), t["wb_evidence"],
                               t["ev_attainment"]],
                "output": [t["ev_enabler"], t["wb_value"], t["wb_in_place"]],
                "summary": [t["ev_planned_programs"], t["ev_executed_programs"],
                            t["ev_executed_share"], t["ev_budget_share"]],
            },
            "labels": {"output": t["wb_output"], "total": t["wb_total"],
                       "share": t["wb_share"], "pick_status": t["wb_pick_status"],
                       "indicators": t["indicators"]},
        }

    # --- charts ------------------------------------------------------------------------------
    def charts(self, canvas: Canvas) -> dict[str, Chart]:
        """The pack's two charts (its budget realisation and outcome), as `canvas` makes
        them (`generator.documents.charts.Canvas`: drawn or only their figures)."""
        index = 1 if self.lang == "en" else 0
        names = [d[index] for d in self.fw.dimensions.values()]
        now = self.now
        planned = [now.budget_planned[d] / 1_000_000 for d in self.fw.dimensions]
        realised = [now.budget_realised[d] / 1_000_000 for d in self.fw.dimensions]
        # the budget chart's bars: the dimensions, then the enablers (as its table's rows)
        budget_names, shorts = list(names), [d[index] for d in self.fw.short.values()]
        colours = list(self.fw.colours.values())
        amounts = [(now.budget_planned[d], now.budget_realised[d]) for d in self.fw.dimensions]
        if now.enabler_planned:
            budget_names.append(self.t["enablers_total"])
            shorts.append(self.t["enablers_short"])
            colours.append(ENABLER_COLOURS["infrastructure"])
            amounts.append((sum(now.enabler_planned.values()),
                            sum(now.enabler_realised.values())))
            planned.append(amounts[-1][0] / 1_000_000)
            realised.append(amounts[-1][1] / 1_000_000)

        def paint_budget(plt: Any, ax: Any) -> None:
            positions = list(range(len(budget_names)))
            ax.bar([p - 0.2 for p in positions], planned, width=0.4, color="#c9d3df",
                   label=self.t["ev_planned"])
            ax.bar([p + 0.2 for p in positions], realised, width=0.4,
                   color=colours, label=self.t["ev_realised"])
            ax.set_xticks(positions, shorts, fontsize=8)
            ax.set_ylabel(self.t["budget_million"])
            ax.yaxis.set_major_formatter(_tick_formatter(self.f))
            ax.legend(fontsize=7, frameon=False)
            ax.grid(axis="y", color="#dddddd", linewidth=0.6)
            ax.set_axisbelow(True)

        items = "; ".join(f"{n} {self.millions(plan)} / {self.millions(done)}"
                          for n, (plan, done) in zip(budget_names, amounts, strict=True))
        year = self.latest.year
        charts = {"ev_budget": canvas.chart(
            "ev_budget", self.t["ev_chart_budget_enablers" if len(shorts) > len(names)
                                else "ev_chart_budget"].format(year=year),
            self.t["ev_chart_budget_alt"].format(year=year, items=items), 16, (6.3, 3.0),
            paint_budget,
            ChartData("column", tuple(n.replace("Smart ", "") for n in names)
                      + tuple(shorts[len(names):]), (
                Series(self.t["ev_planned"], tuple(planned), "#c9d3df"),
                Series(self.t["ev_realised"], tuple(realised),
                       point_colours=tuple(colours))),
                number_format=self.f.office_format("#,##0"),
                axis_title=self.t["budget_million"], legend=True))}

        count = len(self.figures)
        width = 0.8 / count
        shades = ["#9fb3c8", "#4a6fa5", "#1f3b63", "#0b1d33"]
        shares = [[(figures.share(d) or 0) * 100 for d in self.fw.dimensions]
                  for figures in self.figures]
        outcome = [Series(str(figures.year), tuple(round(v, 2) for v in values),
                          shades[number % len(shades)])
                   for number, (figures, values) in enumerate(zip(self.figures, shares,
                                                                  strict=True))]

        def paint_outcome(plt: Any, ax: Any) -> None:
            positions = list(range(len(names)))
            for number, (figures, values) in enumerate(zip(self.figures, shares,
                                                           strict=True)):
                ax.bar([p - 0.4 + width * (number + 0.5) for p in positions], values,
                       width=width, color=shades[number % len(shades)],
                       label=str(figures.year))
            ax.set_xticks(positions, [n.replace("Smart ", "") for n in names], fontsize=8)
            ax.set_ylim(0, 105)
            ax.set_ylabel("%")
            ax.legend(fontsize=7, frameon=False, ncol=count, loc="upper center",
                      bbox_to_anchor=(0.5, -0.12))
            ax.grid(axis="y", color="#dddddd", linewidth=0.6)
            ax.set_axisbelow(True)

        items = "; ".join(
            f"{n} " + "/".join(self.percent(f.share(d)) for f in self.figures)
            for n, d in zip(names, self.fw.dimensions, strict=True))
        charts["ev_outcome"] = canvas.chart(
            "ev_outcome", self.t["ev_chart_outcome"],
            self.t["ev_chart_outcome_alt"].format(items=items), 16, (6.3, 2.8), paint_outcome,
            ChartData("column", tuple(n.replace("Smart ", "") for n in names), tuple(outcome),
                      number_format=self.f.office_format("0"), axis_min=0, axis_max=100,
                      axis_title="%",
                      legend=True))
        return charts
