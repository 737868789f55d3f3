"""What the templates print of the plan's alignment and of its SNI ISO indicators.

- `program_links`: a program's links, as its facts in the strategy chapter (BAB VI) list them.
- `alignment_annex`: the annex's matrix of RPJMD items × dimensions (the programs linking to
  each item, directly), the number of programs serving each item or an item under it, the
  coverage statement (n of m RPJMD targets served; missions without a program), and the table
  of every program's links to the Renstra, SPBE and the spatial plan.
- `indicator_plan`: the indicators that name an SNI ISO indicator (`iso`), grouped by it,
  with baseline, yearly targets, responsible agency and data source: the `indicator-plan`
  document; and the ISO numbers programs refer to (`iso37122`) that no indicator measures.

Nothing here when the spec uses none of it: a spec without alignment renders as before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from generator.i18n.labels import index_of, pick
from generator.i18n.numbers import Formatter
from generator.spec.alignment import Alignment, Links
from generator.spec.model import Indicator, Masterplan, Program, Value
from generator.spec.standards import (
    ISO_STANDARDS,
    ISO_THEMES,
    SPBE,
    iso_parts,
    iso_sort_key,
)

Show = Callable[[Indicator, Value | None], str]


def _kind(t: dict[str, str], kind: str) -> str:
    return t[f"rpjmd_kind_{kind}"]


def program_links(alignment: Alignment, links: Links | None, t: dict[str, str],
                  lang: str) -> list[dict[str, str]]:
    """(title, text) rows of a program's links, in a fixed order; empty without links."""
    if not links:
        return []
    items = alignment.by_id()
    rows = []
    if links.rpjmd:
        rows.append({"title": t["align_rpjmd"], "text": "; ".join(
            f"{_kind(t, items[i].kind)} {i}: {items[i].text}" for i in links.rpjmd
            if i in items)})
    if links.renstra:
        rows.append({"title": t["align_renstra"], "text": links.renstra})
    if links.spbe:
        rows.append({"title": t["align_spbe"],
                     "text": ", ".join(pick(SPBE, code, lang) for code in links.spbe)})
    if links.spatial:
        rows.append({"title": t["align_spatial"], "text": links.spatial})
    return rows


def alignment_annex(plan: Masterplan, alignment: Alignment, dimensions: list[dict[str, Any]],
                    t: dict[str, str], lang: str, f: Formatter) -> dict[str, Any] | None:
    if not alignment.declared:
        return None
    programs = plan.programs
    direct = alignment.direct(programs)
    rows = []
    for item in alignment.items:
        linked = direct.get(item.id, [])
        serving = alignment.serving(item.id, programs)
        rows.append({
            "id": item.id, "kind": _kind(t, item.kind), "kind_key": item.kind,
            "text": item.text, "depth": item.depth,
            "cells": [", ".join(p.id for p in linked if p.dimension == d["key"])
                      for d in dimensions],
            "count": len(serving), "flag": not serving,
        })
    targets = [item for item in alignment.items if item.kind == "target"]
    covered = [item for item in targets if alignment.serving(item.id, programs)]
    missions = [item for item in alignment.items if item.kind == "mission"]
    idle = [item.id for item in missions if not alignment.serving(item.id, programs)]
    coverage: list[str] = []
    if targets:
        coverage.append(t["alignment_coverage"].format(
            covered=len(covered), total=len(targets), share=f.percent(len(covered) /
                                                                       len(targets))))
    if missions:
        coverage.append(t["alignment_missions_uncovered"].format(missions=", ".join(idle))
                        if idle else t["alignment_missions_all"])
    table = []
    for program in programs:
        links = alignment.links.get(program.id)
        if not links:
            continue
        table.append({"id": program.id, "name": program.name,
                      "rpjmd": ", ".join(links.rpjmd), "renstra": links.renstra,
                      "spbe": ", ".join(pick(SPBE, code, lang) for code in links.spbe),
                      "spatial": links.spatial})
    unlinked = [p.id for p in programs if not (alignment.links.get(p.id)
                                                and alignment.links[p.id].rpjmd)]
    return {
        "heads": [d["label"] for d in dimensions], "rows": rows, "coverage": coverage,
        "programs": table,
        "unlinked": t["alignment_unlinked"].format(programs=", ".join(unlinked))
        if unlinked and alignment.items else "",
    }


def indicator_plan(plan: Masterplan, t: dict[str, str], lang: str, show: Show,
                   agency: Callable[[str], str], beyond_years: list[int],
                   period: str) -> dict[str, Any]:
    """The indicator plan's groups (one per SNI ISO indicator, in the standards' order)."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    measured: set[str] = set()
    for program in plan.programs:
        for indicator in program.indicators:
            if not indicator.iso:
                continue
            measured.add(indicator.iso)
            baseline = show(indicator, indicator.baseline)
            if indicator.baseline is not None and indicator.baseline_year:
                baseline = f"{baseline} ({indicator.baseline_year})"
            groups[indicator.iso].append({
                "program": program.id, "program_name": program.name, "name": indicator.name,
                "unit": indicator.unit, "baseline": baseline,
                "targets": [show(indicator, indicator.targets[y]) if y in indicator.targets
                            else "-" for y in plan.years],
                "beyond": [show(indicator, indicator.targets[y]) if y in indicator.targets
                           else "-" for y in beyond_years],
                "opd": agency(program.lead_opd), "source": indicator.source or "-"})
    referred: dict[str, list[Program]] = defaultdict(list)
    for program in plan.programs:
        for number in program.iso37122:
            if f"37122:{number}" not in measured:
                referred[f"37122:{number}"].append(program)
    out_groups = [{**_iso_heading(iso, t, lang), "rows": rows}
                  for iso, rows in sorted(groups.items(), key=lambda kv: iso_sort_key(kv[0]))]
    return {
        "groups": out_groups, "years": plan.years,
        "beyond_years": [t["beyond_year"].format(year=y) for y in beyond_years],
        "beyond_note": t["beyond_note"].format(period=period) if beyond_years else "",
        "indicator_count": sum(len(g["rows"]) for g in out_groups),
        "iso_count": len(out_groups),
        "unmeasured": [{**_iso_heading(iso, t, lang),
                        "programs": ", ".join(dict.fromkeys(p.id for p in programs))}
                       for iso, programs in sorted(referred.items(),
                                                   key=lambda kv: iso_sort_key(kv[0]))],
    }


def _iso_heading(iso: str, t: dict[str, str], lang: str) -> dict[str, str]:
    parts = iso_parts(iso)
    if parts is None:  # pragma: no cover - validation allows only `37122:10.2` forms
        return {"iso": iso, "standard": "", "number": iso, "theme": "", "title": iso}
    standard, clause, item = parts
    theme = ISO_THEMES[clause][index_of(lang)] if clause in ISO_THEMES else ""
    name = pick(ISO_STANDARDS, standard, lang)
    return {"iso": iso, "standard": name, "number": f"{clause}.{item}", "theme": theme,
            "title": t["iso_group"].format(standard=name, number=f"{clause}.{item}",
                                           theme=theme)}
