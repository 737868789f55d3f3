"""Model + language → the format-neutral render context.

Everything a template prints is computed here: totals, the roadmap matrix, numbers, money and
dates formatted with Babel, narrative Markdown rendered (once) to safe HTML, charts. Templates
only arrange it. Spec text enters the context as plain strings (autoescaped by Jinja) or as
sanitised HTML wrapped in Markup; it is never compiled as a template.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from markupsafe import Markup

from generator.documents.markdown import to_html
from generator.i18n.labels import labels, pick
from generator.i18n.numbers import Formatter, year_span
from generator.spec.model import BudgetLine, Masterplan, Program
from generator.spec.vocabulary import (
    DIMENSION_CODES,
    DIMENSION_COLOURS,
    DIMENSIONS,
    FUNDING_SOURCES,
    HORIZONS,
    QUICK_WIN_STATUS,
    QUICK_WIN_TYPES,
    READINESS_AREAS,
    READINESS_ASPECTS,
    READINESS_STATUS,
    REGION_TYPES,
    SUB_DIMENSIONS,
)


def md(text: str | None) -> Markup:
    return Markup(to_html(text or ""))  # noqa: S704 - sanitised by nh3 in to_html


class ContextBuilder:
    def __init__(self, plan: Masterplan, lang: str, charts: dict[str, Any] | None = None) -> None:
        self.plan = plan
        self.lang = lang
        self.t = labels(lang)
        self.f = Formatter(lang)
        self.charts = charts or {}
        # One format per column: every `Rp juta` figure with the same decimals, and the
        # indicators' values of one unit too (the annex lists them all in one table).
        self.million_digits = Formatter.million_digits(
            line.amount for p in plan.programs for line in p.budget)
        self.indicator_digits = Formatter.unit_decimals(
            (i.unit, [i.baseline, *i.targets.values()])
            for p in plan.programs for i in p.indicators)

    def millions(self, amount: int) -> str:
        return self.f.millions(amount, self.million_digits)

    def indicator_value(self, unit: str, value: float | int | None) -> str:
        return self.f.number(value, self.indicator_digits.get(unit, 0), fixed=True)

    def label(self, table: dict[str, Any], key: str) -> str:
        return pick(table, key, self.lang)

    def agency(self, code: str) -> str:
        return self.plan.agencies.get(code, code)

    def source_name(self, code: str) -> str:
        if code in FUNDING_SOURCES:
            return self.label(FUNDING_SOURCES, code)
        return self.plan.funding_sources.get(code, code)

    def dimension_title(self, key: str) -> str:
        return self.label(DIMENSIONS, key)

    def sub_title(self, dim: str, sub: str) -> str:
        return self.label(SUB_DIMENSIONS[dim], sub)

    # --- pieces --------------------------------------------------------------------------
    def region(self) -> dict[str, Any]:
        r = self.plan.region
        type_label = self.label(REGION_TYPES, r["type"])
        full = f"{REGION_TYPES[r['type']].id} {r['name']}"
        return {"code": r["code"], "name": r["name"], "type": r["type"],
                "type_label": type_label, "full_name": full, "province": r["province"],
                "head_title": self.plan.head_title, "head_name": r.get("head_name", ""),
                "government": f"{self.t['government']} {full}"}

    def program(self, p: Program) -> dict[str, Any]:
        by_year: dict[int, int] = defaultdict(int)
        sources: dict[str, int] = defaultdict(int)
        for line in p.budget:
            by_year[line.year] += line.amount
            sources[line.source] += line.amount
        return {
            "id": p.id, "name": p.name, "dimension": p.dimension,
            "dimension_title": self.dimension_title(p.dimension),
            "sub_dimension_title": self.sub_title(p.dimension, p.sub_dimension),
            "description": md(p.description), "activities": p.activities,
            "lead_opd": self.agency(p.lead_opd),
            "supporting_opds": [self.agency(o) for o in p.supporting_opds],
            "partners": p.partners, "horizon": self.label(HORIZONS, p.horizon),
            "years": year_span(p.start_year, p.end_year),
            "start_year": p.start_year, "end_year": p.end_year,
            "budget_total": self.f.money_words(p.total_budget) if p.budget else "-",
            "budget_total_millions": self.millions(p.total_budget),
            "budget_years": [self.millions(by_year.get(y, 0)) for y in self.plan.years],
            "sources": ", ".join(self.source_name(s) for s in sorted(sources)),
            "indicators": [{
                "name": i.name, "unit": i.unit,
                "baseline": self.indicator_value(i.unit, i.baseline),
                "baseline_year": i.baseline_year or "",
                "targets": [self.indicator_value(i.unit, i.targets[y]) if y in i.targets else ""
                            for y in self.plan.years],
                "final_target": self.indicator_value(i.unit, i.targets[max(i.targets)])
                if i.targets else "-",
            } for i in p.indicators],
            "sdg": ", ".join(str(n) for n in p.sdg), "iso37122": ", ".join(p.iso37122),
            "colour": DIMENSION_COLOURS[p.dimension],
        }

    def dimensions(self) -> list[dict[str, Any]]:
        out = []
        for d in self.plan.dimensions:
            total = sum(p.total_budget for p in d.programs)
            out.append({
                "key": d.key, "code": DIMENSION_CODES[d.key], "title": self.dimension_title(d.key),
                "label": d.label or self.dimension_title(d.key),
                "current_condition": md(d.current_condition),
                "target_condition": md(d.target_condition), "gap": md(d.gap),
                "swot": [{"key": k, "title": self.t[k], "items": d.swot[k]}
                         for k in ("strengths", "weaknesses", "opportunities", "threats")],
                "strategies": d.strategies, "colour": DIMENSION_COLOURS[d.key],
                "program_count": len(d.programs),
                "budget_total": self.f.money_words(total), "budget_total_raw": total,
                "sub_dimensions": [{
                    "key": s.key, "title": s.label or self.sub_title(d.key, s.key),
                    "standard_title": self.sub_title(d.key, s.key),
                    "strategies": s.strategies,
                    "programs": [self.program(p) for p in s.programs],
                } for s in d.sub_dimensions],
            })
        return out

    def budget(self) -> dict[str, Any]:
        years = self.plan.years
        lines: list[tuple[str, BudgetLine]] = [
            (p.dimension, line) for p in self.plan.programs for line in p.budget]
        matrix: dict[str, dict[int, int]] = {d: defaultdict(int) for d in DIMENSIONS}
        by_source: dict[str, int] = defaultdict(int)
        for dim, line in lines:
            matrix[dim][line.year] += line.amount
            by_source[line.source] += line.amount
        grand = sum(by_source.values())
        rows = [{"title": self.dimension_title(d),
                 "cells": [self.millions(matrix[d][y]) for y in years],
                 "total": self.millions(sum(matrix[d].values())),
                 "total_words": self.f.money_words(sum(matrix[d].values())),
                 "share": self.f.percent(sum(matrix[d].values()) / grand) if grand else "-"}
                for d in DIMENSIONS]
        year_totals = [self.millions(sum(matrix[d][y] for d in DIMENSIONS)) for y in years]
        sources = sorted(by_source.items(), key=lambda item: (-item[1], item[0]))
        return {
            "years": years, "rows": rows, "year_totals": year_totals,
            "grand_total": self.millions(grand), "grand_total_words": self.f.money_words(grand),
            "total_share": self.f.percent(1),
            "grand_total_full": self.f.money(grand), "grand_total_raw": grand,
            "sources": [{"code": code, "name": self.source_name(code),
                         "amount": self.millions(amount),
                         "amount_words": self.f.money_words(amount),
                         "share": self.f.percent(amount / grand) if grand else "-"}
                        for code, amount in sources],
        }

    def roadmap(self) -> dict[str, Any]:
        years = self.plan.years
        groups = []
        for d in self.plan.dimensions:
            rows = []
            for s in d.sub_dimensions:
                for p in s.programs:
                    rows.append({"id": p.id, "name": p.name,
                                 "sub_dimension": self.sub_title(d.key, s.key),
                                 "horizon": self.label(HORIZONS, p.horizon),
                                 "cells": [p.start_year <= y <= p.end_year for y in years]})
            groups.append({"title": self.dimension_title(d.key), "key": d.key, "rows": rows,
                           "colour": DIMENSION_COLOURS[d.key]})
        first = self.plan.start_year
        stages: list[dict[str, Any]] = [
            {"title": self.label(HORIZONS, "short"),
             "years": year_span(first, min(first + 1, self.plan.end_year))},
            {"title": self.label(HORIZONS, "medium"),
             "years": year_span(first, min(first + 4, self.plan.end_year))},
        ]
        if self.plan.end_year >= first + 5:
            stages.append({"title": self.label(HORIZONS, "long"),
                           "years": f"{first + 5}–{self.plan.end_year}"})
        for stage in stages:
            key = next(k for k in HORIZONS if self.label(HORIZONS, k) == stage["title"])
            chosen = [p for p in self.plan.programs if p.horizon == key]
            stage["count"] = len(chosen)
            stage["programs"] = ", ".join(p.id for p in chosen)
        charts = [chart for key, chart in self.charts.items()
                  if key == "roadmap" or key.startswith("roadmap-")]
        return {"years": years, "groups": groups, "stages": stages, "charts": charts,
                "title": self.t["roadmap"].format(years=len(years))}

    def readiness(self) -> dict[str, Any]:
        areas = []
        for area, aspects in self.plan.readiness.items():
            scores = [a.score for a in aspects if a.score is not None]
            areas.append({
                "key": area, "title": self.label(READINESS_AREAS, area),
                "summary": md(self.plan.readiness_summaries.get(area)),
                "average": self.f.score(sum(scores) / len(scores)) if scores else "-",
                "aspects": [{
                    "key": a.key, "title": self.label(READINESS_ASPECTS[area], a.key),
                    "status": a.status or "",
                    "status_label": self.label(READINESS_STATUS, a.status) if a.status else "-",
                    "score": self.f.score(a.score) if a.score is not None else "-",
                    "narrative": md(a.narrative),
                } for a in aspects]})
        return {"areas": areas, "summary": md(self.plan.data["readiness"].get("summary"))}

    def quick_wins(self) -> list[dict[str, Any]]:
        out = []
        for q in self.plan.quick_wins:
            kpi_digits = self.f.unit_decimals((k.unit, [k.baseline, k.target]) for k in q.kpis)
            out.append({
                "id": q.id, "name": q.name, "type": self.label(QUICK_WIN_TYPES, q.type),
                "status": self.label(QUICK_WIN_STATUS, q.status),
                "dimension_title": self.dimension_title(q.program.dimension),
                "sub_dimension_title": self.sub_title(q.program.dimension,
                                                      q.program.sub_dimension),
                "program": f"{q.program.id} {q.program.name}",
                "problem": md(q.problem), "description": md(q.description),
                "owner_opd": self.agency(q.owner_opd),
                "supporting_opds": [self.agency(o) for o in q.supporting_opds],
                "partners": q.partners, "location": q.location,
                "beneficiaries": q.beneficiaries,
                "years": year_span(q.start_year, q.end_year),
                "milestones": [{"when": w, "description": d} for w, d in q.milestones],
                "budget": self.f.money_words(q.total_budget) if q.budget else "-",
                "sources": ", ".join(sorted({self.source_name(b.source) for b in q.budget})),
                "kpis": [{"name": k.name, "unit": k.unit,
                          "baseline": self.f.number(k.baseline, kpi_digits[k.unit], fixed=True),
                          "target": self.f.number(k.target, kpi_digits[k.unit], fixed=True)}
                         for k in q.kpis],
                "colour": DIMENSION_COLOURS[q.program.dimension],
            })
        return out

    def profile(self) -> dict[str, Any]:
        profile = self.plan.data["profile"]
        sections = []
        for key in ("geography", "demography", "economy"):
            body = profile.get(key, {})
            digits = self.f.unit_decimals(
                (f.get("unit", ""), [f["value"]]) for f in body.get("figures", []))
            sections.append({"key": key, "title": self.t[key], "narrative": md(
                body.get("narrative")), "figures": [{
                    "name": f["name"], "value": self.f.number(
                        f["value"], digits[f.get("unit", "")], fixed=True),
                    "unit": f.get("unit", ""), "year": f["year"], "source": f["source"]}
                    for f in body.get("figures", [])]})
        rpjmd = profile.get("rpjmd")
        return {"sections": sections, "strategic_issues": profile.get("strategic_issues", []),
                "rpjmd": None if not rpjmd else {
                    "period": f"{rpjmd['start_year']}–{rpjmd['end_year']}",
                    "vision": rpjmd["vision"], "missions": rpjmd.get("missions", [])}}

    def build(self) -> dict[str, Any]:
        data, plan, f = self.plan.data, self.plan, self.f
        document = plan.document
        region = self.region()
        period = f"{plan.start_year}–{plan.end_year}"
        governance = data.get("governance", {})
        vision = data["vision"]
        intro = data.get("introduction", {})
        foreword = data.get("foreword")
        programs = [self.program(p) for p in plan.programs]
        targets = vision.get("targets", [])
        target_digits = f.unit_decimals((t.get("unit", ""), [t.get("value")]) for t in targets)
        return {
            "lang": self.lang, "t": self.t, "region": region,
            "cohort": {"year": plan.cohort["year"], "track": plan.cohort.get("track", "")},
            "document": {
                "title": document["title"], "subtitle": document.get("subtitle", ""),
                "period": period, "start_year": plan.start_year, "end_year": plan.end_year,
                "version": document.get("version", ""), "date": f.date(document["date"]),
                "year": document["date"][:4], "authors": document.get("authors", []),
                "consultant": document.get("consultant", ""),
                "legal_basis": document.get("legal_basis", []),
            },
            "foreword": None if not foreword else {
                "text": md(foreword.get("text")),
                "signatory": "" if " ".join(str(foreword.get("signatory", "")).split()).lower()
                == f"{region['head_title']} {region['name']}".lower()
                else foreword.get("signatory", ""),
                "place": foreword.get("place", ""), "date": f.date(document["date"])},
            "introduction": {"background": md(intro.get("background")),
                             "purpose": md(intro.get("purpose")), "scope": md(intro.get("scope"))},
            "profile": self.profile(),
            "readiness": self.readiness(),
            "vision": {"statement": vision["statement"], "description": md(
                vision.get("description")), "missions": vision.get("missions", []),
                "goals": vision.get("goals", []), "targets": [{
                    "description": t["description"], "indicator": t.get("indicator", ""),
                    "unit": t.get("unit", ""), "value": f.number(
                        t.get("value"), target_digits[t.get("unit", "")], fixed=True),
                    "year": t["year"]} for t in targets]},
            "dimensions": self.dimensions(),
            "programs": programs,
            "program_count": len(programs),
            "budget": self.budget(),
            "roadmap": self.roadmap(),
            "quick_wins": self.quick_wins(),
            "governance": {
                "bodies": [{"key": key, "title": self.t[key], "name": body.get("name", ""),
                            "legal_basis": body.get("legal_basis", ""),
                            "duties": body.get("duties", []),
                            "members": body.get("members", [])}
                           for key in ("council", "implementation_team")
                           if (body := governance.get(key))],
                "monitoring": md(governance.get("monitoring")),
                "evaluation": md(governance.get("evaluation")),
            },
            "glossary": sorted(data.get("glossary", []), key=lambda g: g["term"].lower()),
            "closing": md(data.get("closing")) or Markup("<p>{}</p>").format(
                self.t["closing_default"].format(region=region["full_name"])),
            "charts": self.charts,
            "logo": None, "logo_card": False,
        }


def build_context(plan: Masterplan, lang: str, charts: dict[str, Any] | None = None) -> dict[
        str, Any]:
    """The render context for every document of one spec."""
    return ContextBuilder(plan, lang, charts).build()
