"""Model + language → the format-neutral render context.

Everything a template prints is computed here: totals, the roadmap matrix, numbers, money and
dates formatted with Babel, narrative Markdown rendered (once) to safe HTML, charts. Templates
only arrange it. Spec text enters the context as plain strings (autoescaped by Jinja) or as
sanitised HTML wrapped in Markup; it is never compiled as a template.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from typing import Any

from markupsafe import Markup

from generator.documents import bibliography
from generator.documents import enablers as enabler_parts
from generator.documents.alignment import alignment_annex, indicator_plan, program_links
from generator.documents.approval import approval_context
from generator.documents.indicators import indicator_table
from generator.documents.legal import legal_context
from generator.documents.narrative import Figure, Flow, Narrative, Part, Table, paragraph
from generator.documents.previous import continued_from, previous_context
from generator.errors import SourceSpan
from generator.i18n.labels import labels, pick
from generator.i18n.numbers import Formatter, year_span
from generator.spec.alignment import build_alignment
from generator.spec.assets import ImageAsset, resolve_image
from generator.spec.enablers import Enabler, enablers_of, risks_of
from generator.spec.load import Pointer
from generator.spec.markdown import HtmlPart, ImagePart, parse
from generator.spec.model import BudgetLine, Indicator, Masterplan, Picture, Program, Value
from generator.spec.vocabulary import (
    FUNDING_SOURCES,
    HORIZONS,
    MEDIUM_YEARS,
    PROGRAM_STATUS,
    QUICK_WIN_STATUS,
    QUICK_WIN_TYPES,
    READINESS_STATUS,
    REGION_TYPES,
    SHORT_YEARS,
)


class ContextBuilder:
    def __init__(self, plan: Masterplan, lang: str, charts: dict[str, Any] | None = None) -> None:
        self.plan = plan
        self.lang = lang
        self.fw = plan.fw
        self.colours = self.fw.colours
        self.t = self.fw.relabel(labels(lang), lang)
        self.f = Formatter(lang)
        self.charts = charts or {}
        self.enablers = enablers_of(plan)
        planned: list[Program | Enabler] = [
            *plan.programs, *(self.enablers.items if self.enablers else [])]
        # the years after the period some indicator has a target for (an RPJPD's 2045): the
        # indicator annex gives each its own column, apart from the plan's years
        self.beyond_years = sorted({year for p in planned for i in p.indicators
                                    for year in i.targets if plan.beyond_period(year)})
        self._pictures: dict[str, ImageAsset] = {}
        self.alignment = build_alignment(plan)
        self._markdown_pointers: dict[str, Pointer] | None = None
        # before any narrative: their citations print these entries' labels
        self.references = bibliography.build(plan.data.get("references", []), self.t, self.f)
        self.cite_labels = bibliography.labels(self.references) or None

        # One format per column: every `Rp juta` figure with the same decimals, and the
        # indicators' values of one unit too (the annex lists them all in one table).
        self.million_digits = Formatter.million_digits(
            line.amount for p in planned for line in p.budget)
        self.indicator_digits = Formatter.unit_decimals(
            (i.unit, [i.baseline, *i.targets.values()])
            for p in planned for i in p.indicators)

    # --- narratives and pictures ---------------------------------------------------------
    def md(self, text: str | None) -> Narrative:
        """A Markdown field, rendered when a document first prints it (once): sanitised
        HTML, its pictures resolved (checked and inlined by the asset resolver), its tables
        apart, for the templates to number."""
        if not text or not text.strip():
            return Narrative()
        return Narrative(make=functools.partial(self._narrative_parts, text))

    def _narrative_parts(self, text: str) -> tuple[Part, ...]:
        parts: list[Part] = []
        for part in parse(text, self.cite_labels).parts:
            if isinstance(part, HtmlPart):
                parts.append(Flow(Markup(part.html)))  # noqa: S704 - sanitised by nh3
            elif isinstance(part, ImagePart):
                pointer = self._markdown_pointer(text)
                # where an error of drawing it points: the picture within the text
                span = self.plan.doc.span_within(pointer, f"]({part.src}", part.src,
                                                 back_to="![")
                parts.append(self.figure(pointer, part.src, part.caption, part.alt, span=span))
            else:
                parts.append(Table(part.caption, Markup(part.body)))  # noqa: S704 - nh3
        return tuple(parts)

    def figure(self, pointer: Pointer, name: str, caption: str, alt: str,
               source: str = "", span: SourceSpan | None = None) -> Figure:
        if name not in self._pictures:
            self._pictures[name] = resolve_image(self.plan.doc, pointer, name, svg=True,
                                                 span=span)
        asset = self._pictures[name]
        return Figure(asset.data_uri, alt, caption,
                      self.t["figure_source"].format(source=source) if source else "",
                      asset.width_cm())

    def picture(self, item: Picture | None) -> Figure | None:
        """A figure field, as the `picture` macro prints it."""
        if item is None:
            return None
        return self.figure((*item.pointer, "file"), item.file, item.caption,
                           item.alt or item.caption, item.source)

    def _markdown_pointer(self, text: str) -> Pointer:
        """Where a narrative stands (for the error of a picture that went missing since
        validation)."""
        if self._markdown_pointers is None:
            from generator.spec.validate import markdown_values

            self._markdown_pointers = {}
            for pointer, value in markdown_values(self.plan.data):
                self._markdown_pointers.setdefault(value, pointer)
        return self._markdown_pointers.get(text, ())

    def millions(self, amount: int) -> str:
        return self.f.millions(amount, self.million_digits)


    def label(self, table: dict[str, Any], key: str) -> str:
        return pick(table, key, self.lang)

    def agency(self, code: str) -> str:
        return self.plan.agencies.get(code, code)

    def source_name(self, code: str) -> str:
        if code in FUNDING_SOURCES:
            return self.label(FUNDING_SOURCES, code)
        return self.plan.funding_sources.get(code, code)

    def value(self, value: Value | None, scale: str | None, digits: int = 0) -> str:
        """A baseline or target as printed: a level's text on a scale, else the number
        with exactly `digits` decimals (those of its column)."""
        if value is None:
            return "-"
        level = self.plan.scales[scale].find(value) if scale in self.plan.scales else None
        if level is not None:
            return level.text(self.lang)
        return value if isinstance(value, str) else self.f.number(value, digits, fixed=True)

    def indicator(self, indicator: Indicator, value: Value | None) -> str:
        """An indicator's baseline or target, with the decimals of its unit's column."""
        return self.value(value, indicator.scale, self.indicator_digits.get(indicator.unit, 0))

    def scale_legend(self, keys: list[str]) -> list[str]:
        """One sentence per scale used: its name and its levels, lowest first."""
        out = []
        for key in dict.fromkeys(keys):
            scale = self.plan.scales[key]
            levels = []
            for level in scale.levels:
                shown, meaning = level.text(self.lang), level.meaning(self.lang)
                levels.append(f"{shown} ({meaning})" if meaning and meaning != shown else shown)
            out.append(self.t["scale_legend"].format(name=scale.name(self.lang),
                                                     levels=", ".join(levels)))
        return out

    def dimension_title(self, key: str) -> str:
        return self.label(self.fw.dimensions, key)

    def sub_title(self, dim: str, sub: str) -> str:
        return self.label(self.fw.sub_dimensions[dim], sub)

    # --- pieces --------------------------------------------------------------------------
    def region(self) -> dict[str, Any]:
        r = self.plan.region
        type_label = self.label(REGION_TYPES, r["type"])
        full = f"{REGION_TYPES[r['type']].id} {r['name']}"
        return {"code": r["code"], "name": r["name"], "type": r["type"],
                "type_label": type_label, "full_name": full, "province": r["province"],
                "head_title": self.plan.head_title, "head_name": r.get("head_name", ""),
                "deputy_title": self.plan.deputy_title,
                "deputy_head_name": r.get("deputy_head_name", ""),
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
            "description": self.md(p.description), "activities": p.activities,
            "lead_opd": self.agency(p.lead_opd),
            "supporting_opds": [self.agency(o) for o in p.supporting_opds],
            "partners": p.partners, "horizon": self.label(HORIZONS, p.horizon),
            "phases": ", ".join(f"{phase.name} ({year_span(phase.start_year, phase.end_year)})"
                                for phase in self.plan.phases_of(p)),
            "status": continued_from(self.plan, p, self.t),
            "years": year_span(p.start_year, p.end_year),
            "start_year": p.start_year, "end_year": p.end_year,
            "budget_total": self.f.money_words(p.total_budget) if p.budget else "-",
            "budget_total_millions": self.millions(p.total_budget),
            "budget_years": [self.millions(by_year.get(y, 0)) for y in self.plan.years],
            "sources": ", ".join(self.source_name(s) for s in sorted(sources)),
            "indicators": [{
                "name": i.name, "unit": i.unit, "baseline": self.indicator(i, i.baseline),
                "baseline_year": i.baseline_year or "",
                "targets": [self.indicator(i, i.targets[y]) if y in i.targets else ""
                            for y in self.plan.years],
                "beyond_targets": [self.indicator(i, i.targets[y]) if y in i.targets else ""
                                   for y in self.beyond_years],
                "final_target": self.indicator(i, i.targets[last]) if (last := max(
                    (y for y in i.targets if not self.plan.beyond_period(y)), default=None))
                else "-",
            } for i in p.indicators],
            "indicator_table": indicator_table(self.plan, p, self.t, self.indicator,
                                               self.scale_legend),
            "sdg": ", ".join(str(n) for n in p.sdg), "iso37122": ", ".join(p.iso37122),
            "colour": self.colours[p.dimension],
            "aligns": program_links(self.alignment, self.alignment.links.get(p.id), self.t,
                                    self.lang),
        }

    def dimensions(self) -> list[dict[str, Any]]:
        out = []
        for d in self.plan.dimensions:
            total = sum(p.total_budget for p in d.programs)
            out.append({
                "key": d.key, "code": self.fw.codes[d.key], "title": self.dimension_title(d.key),
                "label": d.label or self.dimension_title(d.key),
                "current_condition": self.md(d.current_condition),
                "target_condition": self.md(d.target_condition), "gap": self.md(d.gap),
                "swot": self.swot_cells(d.swot),
                "strategies": d.strategies, "colour": self.colours[d.key],
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
        matrix: dict[str, dict[int, int]] = {d: defaultdict(int) for d in self.fw.dimensions}
        by_source: dict[str, int] = defaultdict(int)
        for dim, line in lines:
            matrix[dim][line.year] += line.amount
            by_source[line.source] += line.amount
        enabler_years: dict[int, int] = defaultdict(int)
        for _group, line in enabler_parts.budget_lines(self.enablers):
            enabler_years[line.year] += line.amount
            by_source[line.source] += line.amount
        grand = sum(by_source.values())
        rows = [{"title": self.dimension_title(d),
                 "cells": [self.millions(matrix[d][y]) for y in years],
                 "total": self.millions(sum(matrix[d].values())),
                 "total_words": self.f.money_words(sum(matrix[d].values())),
                 "share": self.f.percent(sum(matrix[d].values()) / grand) if grand else "-"}
                for d in self.fw.dimensions]
        year_totals = [self.millions(sum(matrix[d][y] for d in self.fw.dimensions)
                                     + enabler_years[y])
                       for y in years]
        sources = sorted(by_source.items(), key=lambda item: (-item[1], item[0]))
        return {
            "years": years, "rows": rows, "year_totals": year_totals,
            "enabler_rows": enabler_parts.budget_rows(self, self.enablers, grand),
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
                           "colour": self.colours[d.key], "cell_class": f"dim-{d.key}"})
        groups += enabler_parts.roadmap_groups(self, self.enablers)
        first = self.plan.start_year

        def last_year(horizon: str, duration: int) -> int:
            """The stage's usual end, or later when one of its programs ends later (a medium
            program may start in year 2 or 3 and run five years)."""
            ends = [p.end_year for p in self.plan.programs if p.horizon == horizon]
            return max([min(first + duration - 1, self.plan.end_year), *ends])

        stages: list[dict[str, Any]] = [
            {"title": self.label(HORIZONS, "short"),
             "years": year_span(first, last_year("short", SHORT_YEARS))},
            {"title": self.label(HORIZONS, "medium"),
             "years": year_span(first, last_year("medium", MEDIUM_YEARS))},
        ]
        if self.plan.end_year >= first + MEDIUM_YEARS:
            stages.append({"title": self.label(HORIZONS, "long"),
                           "years": f"{first + MEDIUM_YEARS}–{self.plan.end_year}"})
        for stage in stages:
            key = next(k for k in HORIZONS if self.label(HORIZONS, k) == stage["title"])
            chosen = [p for p in self.plan.programs if p.horizon == key]
            stage["count"] = len(chosen)
            stage["programs"] = ", ".join(p.id for p in chosen)
            stage["statuses"] = [sum(p.status == key for p in chosen) for key in PROGRAM_STATUS]
        charts = [chart for key, chart in self.charts.items()
                  if key == "roadmap" or key.startswith("roadmap-")]
        with_status = any(p.status for p in self.plan.programs)
        return {"years": years, "groups": groups, "stages": stages, "charts": charts,
                "title": self.t["roadmap"].format(years=len(years)),
                "phases": [{"name": phase.name, "span": phase.end_year - phase.start_year + 1,
                            "years": year_span(phase.start_year, phase.end_year)}
                           for phase in self.plan.phases],
                "statuses": [self.label(PROGRAM_STATUS, key) for key in PROGRAM_STATUS]
                if with_status else []}

    def readiness(self) -> dict[str, Any]:
        areas = []
        for area, aspects in self.plan.readiness.items():
            scores = [a.score for a in aspects if a.score is not None]
            areas.append({
                "key": area, "title": self.label(self.fw.readiness_areas, area),
                "summary": self.md(self.plan.readiness_summaries.get(area)),
                "average": self.f.score(sum(scores) / len(scores)) if scores else "-",
                "aspects": [{
                    "key": a.key, "title": self.label(self.fw.readiness_aspects[area], a.key),
                    "status": a.status or "",
                    "status_label": self.label(READINESS_STATUS, a.status) if a.status else "-",
                    "score": self.f.score(a.score) if a.score is not None else "-",
                    "narrative": self.md(a.narrative),
                } for a in aspects],
                "swot": self.readiness_swot(area)})
        return {"areas": areas, "summary": self.md(self.plan.data["readiness"].get("summary"))}

    def readiness_swot(self, area: str) -> dict[str, Any] | None:
        """An area's optional SWOT, shaped as the `swot_table` macro prints a dimension's."""
        cells = self.swot_cells(self.plan.data["readiness"][area].get("swot") or {})
        if not cells:
            return None
        return {"label": self.label(self.fw.readiness_areas, area), "swot": cells}

    def swot_cells(self, swot: dict[str, list[str]]) -> list[dict[str, Any]]:
        """The four quadrants as `swot_table` prints them; none when all four are empty (a
        new dimension of `migrate`): the book prints no empty table."""
        keys = ("strengths", "weaknesses", "opportunities", "threats")
        if not any(swot.get(k) for k in keys):
            return []
        return [{"key": k, "title": self.t[k], "items": swot.get(k, [])} for k in keys]

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
                "problem": self.md(q.problem), "description": self.md(q.description),
                "owner_opd": self.agency(q.owner_opd),
                "supporting_opds": [self.agency(o) for o in q.supporting_opds],
                "partners": q.partners, "location": q.location,
                "beneficiaries": q.beneficiaries,
                "years": year_span(q.start_year, q.end_year),
                "milestones": [{"when": self.f.date(w), "description": d}
                               for w, d in q.milestones],
                "budget": self.f.money_words(q.total_budget) if q.budget else "-",
                "sources": ", ".join(sorted({self.source_name(b.source) for b in q.budget})),
                "kpis": [{"name": k.name, "unit": k.unit,
                          "baseline": self.f.number(k.baseline, kpi_digits[k.unit], fixed=True),
                          "target": self.f.number(k.target, kpi_digits[k.unit], fixed=True)}
                         for k in q.kpis],
                "colour": self.colours[q.program.dimension],
                "mockups": [self.picture(m) for m in q.mockups],
            })
        return out

    def profile(self) -> dict[str, Any]:
        profile = self.plan.data["profile"]
        sections = []
        for key in ("geography", "demography", "economy"):
            body = profile.get(key, {})
            digits = self.f.unit_decimals(
                (f.get("unit", ""), [f["value"]]) for f in body.get("figures", []))
            sections.append({"key": key, "title": self.t[key], "narrative": self.md(
                body.get("narrative")), "figures": [{
                    "name": f["name"], "value": self.f.number(
                        f["value"], digits[f.get("unit", "")], fixed=True),
                    "unit": f.get("unit", ""), "year": f["year"], "source": f["source"]}
                    for f in body.get("figures", [])]})
        rpjmd = profile.get("rpjmd")
        return {"sections": sections, "strategic_issues": profile.get("strategic_issues", []),
                "map": self.picture(self.plan.profile_map),
                "rpjmd": None if not rpjmd else {
                    "period": f"{rpjmd['start_year']}–{rpjmd['end_year']}",
                    "vision": rpjmd["vision"],
                    "missions": [m["text"] if isinstance(m, dict) else m
                                 for m in rpjmd.get("missions", [])]}}

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
        dimensions = self.dimensions()
        targets = vision.get("targets", [])
        target_digits = f.unit_decimals((t.get("unit", ""), [t.get("value")]) for t in targets)
        vision_targets = [{
            "description": t["description"], "indicator": t.get("indicator", ""),
            "unit": t.get("unit", ""),
            "value": self.value(t.get("value"), t.get("scale"), target_digits[t.get("unit", "")]),
            "year": f"{t['year']}*" if plan.beyond_period(t["year"]) else t["year"],
        } for t in targets]
        indicator_scales = [i.scale for p in plan.programs for i in p.indicators if i.scale]
        return {
            "lang": self.lang, "t": self.t, "region": region,
            "framework": {"name": self.fw.name, "title": self.label(
                {"_": self.fw.title}, "_"), "draft": self.fw.draft,
                "note": self.fw.note_text(self.lang)},
            "dimension_colours": dict(self.colours),
            "cohort": {"year": plan.cohort["year"], "track": plan.cohort.get("track", "")},
            "document": {
                "title": document["title"], "subtitle": document.get("subtitle", ""),
                "period": period, "start_year": plan.start_year, "end_year": plan.end_year,
                "version": document.get("version", ""), "date": f.date(document["date"]),
                "year": document["date"][:4], "authors": document.get("authors", []),
                "consultant": document.get("consultant", ""),
                "legal_basis": document.get("legal_basis", []),
            },
            "approval": approval_context(plan, self.t, f, region),
            "legal": legal_context(plan, self.t, f, region, self.lang),
            "foreword": None if not foreword else {
                "text": self.md(foreword.get("text")),
                "signatory": ("" if " ".join(str(foreword.get("signatory", "")).split()).lower()
                              == f"{region['head_title']} {region['name']}".lower()
                              else foreword.get("signatory", "")) or region["head_name"],
                "place": foreword.get("place", ""), "date": f.date(document["date"])},
            "introduction": {"background": self.md(intro.get("background")),
                             "purpose": self.md(intro.get("purpose")),
                             "scope": self.md(intro.get("scope"))},
            "profile": self.profile(),
            "previous": previous_context(plan, self.t, f, self.lang, self.md),
            "readiness": self.readiness(),
            "vision": {"statement": vision["statement"], "description": self.md(
                vision.get("description")), "missions": vision.get("missions", []),
                "goals": vision.get("goals", []), "targets": vision_targets,
                "beyond_note": self.t["beyond_note"].format(period=period) if any(
                    plan.beyond_period(t["year"]) for t in vision.get("targets", [])) else "",
                "scale_legend": self.scale_legend(
                    [t["scale"] for t in vision.get("targets", []) if "scale" in t])},
            "dimensions": dimensions,
            "programs": programs,
            "program_count": len(programs),
            "indicator_annex": {
                "beyond_years": self.beyond_years,
                "beyond_note": self.t["beyond_note"].format(period=period)
                if self.beyond_years else "",
                "scale_legend": self.scale_legend(indicator_scales)},
            "budget": self.budget(),
            "alignment": alignment_annex(plan, self.alignment, dimensions, self.t, self.lang,
                                         f),
            "indicator_plan": indicator_plan(plan, self.t, self.lang, self.indicator,
                                             self.agency, self.beyond_years, period),
            "roadmap": self.roadmap(),
            "quick_wins": self.quick_wins(),
            "enablers": enabler_parts.enablers_context(self, self.enablers),
            "risks": enabler_parts.risks_context(self, risks_of(plan)),
            "governance": {
                "bodies": [{"key": key, "title": self.t[key], "name": body.get("name", ""),
                            "legal_basis": body.get("legal_basis", ""),
                            "duties": body.get("duties", []),
                            "members": body.get("members", [])}
                           for key in ("council", "implementation_team")
                           if (body := governance.get(key))],
                "monitoring": self.md(governance.get("monitoring")),
                "evaluation": self.md(governance.get("evaluation")),
                "organisation_chart": self.picture(plan.organisation_chart),
            },
            "glossary": sorted(data.get("glossary", []), key=lambda g: g["term"].lower()),
            "bibliography": self.references,
            "annexes": [{"title": annex["title"], "content": self.md(annex.get("content"))}
                        for annex in data.get("annexes", [])],
            "closing": self.md(data.get("closing")) or paragraph(
                self.t["closing_default"].format(region=region["full_name"])),
            "charts": self.charts,
            "logo": None, "logo_card": False,
        }


def build_context(plan: Masterplan, lang: str, charts: dict[str, Any] | None = None) -> dict[
        str, Any]:
    """The render context for every document of one spec."""
    return ContextBuilder(plan, lang, charts).build()
