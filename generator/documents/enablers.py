"""The enablers chapter, the enablers' lanes on the roadmap and their lines in the funding,
and the risk register of the governance chapter.

An enabler is printed as a program is (its facts, activities and indicator table); the
chapter opens with one overview table of every enabler grouped by kind, and ends with the
calendar of the regular meetings (the Smart City Forum, the council) when some enabler names
its months. On the roadmap each group is a lane of its own in grey; in the funding each
group is a line of its own beside the dimensions, so the totals are the whole plan's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any, Literal, Protocol

from generator.documents.indicators import indicator_table
from generator.documents.narrative import Narrative
from generator.i18n.labels import index_of, pick
from generator.i18n.numbers import Formatter, year_span
from generator.spec.enabler_vocabulary import (
    ENABLER_COLOURS,
    ENABLER_GROUPS,
    ENABLER_STATUS,
    IMPACT,
    LIKELIHOOD,
    RISK_LEVELS,
    risk_bands,
)
from generator.spec.enablers import Enabler, EnablerPlan, Risk
from generator.spec.model import BudgetLine, Indicator, Masterplan, Value


class Builder(Protocol):
    """What this module borrows from `context.ContextBuilder`."""

    plan: Masterplan
    lang: str
    t: dict[str, str]
    f: Formatter
    beyond_years: list[int]

    def md(self, text: str | None) -> Narrative: ...

    def millions(self, amount: int) -> str: ...

    def agency(self, code: str) -> str: ...

    def source_name(self, code: str) -> str: ...

    def indicator(self, indicator: Indicator, value: Value | None) -> str: ...

    def scale_legend(self, keys: list[str]) -> list[str]: ...


def group_title(group: str, lang: str) -> str:
    return pick(ENABLER_GROUPS, group, lang)


def enablers_context(b: Builder, enablers: EnablerPlan | None) -> dict[str, Any] | None:
    """What the `enablers_chapter` partial and the annexes print; None without a section."""
    if enablers is None:
        return None
    groups = [{"key": key, "title": group_title(key, b.lang), "class": f"enb-{key}",
               "items": [_item(b, item) for item in items]}
              for key, items in enablers.groups.items() if items]
    calendar = [{"id": item.id, "name": item.name, "group": item.group,
                 "marks": [month in item.meeting_months for month in range(1, 13)],
                 "text": _meetings(b, item)}
                for item in enablers.items if item.meeting_months]
    return {
        "introduction": b.md(enablers.introduction),
        "groups": groups,
        "count": len(enablers.items),
        "months": _month_names(b.f.locale, "abbreviated"),
        "calendar": calendar,
    }


def _item(b: Builder, item: Enabler) -> dict[str, Any]:
    by_year: dict[int, int] = defaultdict(int)
    for line in item.budget:
        by_year[line.year] += line.amount
    t = b.t
    return {
        "id": item.id, "name": item.name, "group": item.group,
        "description": b.md(item.description), "output": item.output,
        "activities": item.activities, "lead_opd": b.agency(item.lead_opd),
        "supporting_opds": [b.agency(o) for o in item.supporting_opds],
        "status": pick(ENABLER_STATUS, item.status, b.lang) if item.status else "",
        "years": year_span(item.start_year, item.end_year),
        "meetings": _meetings(b, item),
        "budget_total": b.f.money_words(item.total_budget) if item.budget else "-",
        "budget_total_millions": b.millions(item.total_budget),
        "budget_years": [b.millions(by_year.get(y, 0)) for y in b.plan.years],
        "sources": ", ".join(b.source_name(s) for s in sorted({x.source for x in item.budget})),
        "indicator_table": indicator_table(b.plan, item, t, b.indicator, b.scale_legend),
        "indicators": [{
            "name": i.name, "unit": i.unit, "baseline": b.indicator(i, i.baseline),
            "targets": [b.indicator(i, i.targets[y]) if y in i.targets else ""
                        for y in b.plan.years],
            "beyond_targets": [b.indicator(i, i.targets[y]) if y in i.targets else ""
                               for y in b.beyond_years],
        } for i in item.indicators],
    }


def _meetings(b: Builder, item: Enabler) -> str:
    if not item.meeting_months:
        return ""
    names = _month_names(b.f.locale)
    shown = [names[month - 1] for month in item.meeting_months]
    listed = shown[0] if len(shown) == 1 else (
        f"{', '.join(shown[:-1])} {b.t['and']} {shown[-1]}")
    return b.t["enabler_meetings"].format(months=listed, count=len(shown))


def _month_names(locale: str,
                 width: Literal["abbreviated", "narrow", "wide"] = "wide") -> list[str]:
    from babel.dates import get_month_names

    names = get_month_names(width, locale=locale)
    return [str(names[month]) for month in range(1, 13)]


# --- the roadmap and the funding ---------------------------------------------------------------

def roadmap_groups(b: Builder, enablers: EnablerPlan | None) -> list[dict[str, Any]]:
    """The enablers' lanes of the roadmap table, after the dimensions'."""
    if enablers is None:
        return []
    years = b.plan.years
    return [{"title": f"{b.t['enablers_lane']}: {group_title(key, b.lang)}", "key": key,
             "cell_class": f"enb-{key}", "colour": ENABLER_COLOURS[key],
             "rows": [{"id": item.id, "name": item.name,
                       "cells": [item.start_year <= y <= item.end_year for y in years]}
                      for item in items]}
            for key, items in enablers.groups.items() if items]


def budget_lines(enablers: EnablerPlan | None) -> list[tuple[str, BudgetLine]]:
    """(group, line) of every enabler's budget line."""
    if enablers is None:
        return []
    return [(item.group, line) for item in enablers.items for line in item.budget]


def budget_rows(b: Builder, enablers: EnablerPlan | None, grand: int) -> list[dict[str, Any]]:
    """One funding line per group that has a budget, as the dimensions' rows are."""
    if enablers is None:
        return []
    rows = []
    for key, items in enablers.groups.items():
        per_year: dict[int, int] = defaultdict(int)
        for item in items:
            for line in item.budget:
                per_year[line.year] += line.amount
        total = sum(per_year.values())
        if not items:
            continue
        rows.append({"title": f"{b.t['enablers_lane']}: {group_title(key, b.lang)}",
                     "count": len(items),
                     "cells": [b.millions(per_year[y]) for y in b.plan.years],
                     "total": b.millions(total), "total_words": b.f.money_words(total),
                     "share": b.f.percent(total / grand) if grand else "-", "raw": per_year})
    return rows


# --- the risk register -------------------------------------------------------------------------

def risks_context(b: Builder, risks: list[Risk]) -> dict[str, Any] | None:
    """What the `risk_register` partial prints; None without risks."""
    if not risks:
        return None
    lang = b.lang
    names = {**b.plan.programs_by_id}
    return {
        "rows": [{
            "id": r.id, "risk": r.risk, "mitigation": r.mitigation,
            "likelihood": str(r.likelihood), "impact": str(r.impact),
            "likelihood_label": _scale(LIKELIHOOD, r.likelihood, lang),
            "impact_label": _scale(IMPACT, r.impact, lang),
            "level": pick({k: label for k, (_h, label) in RISK_LEVELS.items()}, r.level, lang),
            "level_key": r.level.replace("_", "-"), "score": str(r.score),
            "owner": b.agency(r.owner_opd),
            "links": ", ".join(r.links),
            "link_names": [f"{i} {names[i].name}" if i in names else i for i in r.links],
        } for r in risks],
        "legend": b.t["risk_legend"].format(
            likelihood=", ".join(f"{k} {_scale(LIKELIHOOD, k, lang).lower()}"
                                 for k in LIKELIHOOD),
            impact=", ".join(f"{k} {_scale(IMPACT, k, lang).lower()}" for k in IMPACT),
            bands=risk_bands(lang, "–")),
        "counts": _level_counts(b, risks),
    }


def _scale(table: Mapping[int, tuple[str, str]], key: int, lang: str) -> str:
    return table[key][index_of(lang)]


def _level_counts(b: Builder, risks: list[Risk]) -> str:
    """`5 risiko: 1 tinggi, 3 sedang, 1 rendah`, the highest first."""
    levels = {key: label for key, (_highest, label) in RISK_LEVELS.items()}
    parts = [f"{n} {pick(levels, key, b.lang).lower()}" for key in reversed(RISK_LEVELS)
             if (n := sum(r.level == key for r in risks))]
    return b.t["risk_counts"].format(count=len(risks), levels=", ".join(parts))

