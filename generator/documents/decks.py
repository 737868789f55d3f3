"""The decks (`-f pptx`): what each slide of a document kind's presentation says, built from
the same format-neutral context as the documents (not from their HTML).

A `Deck` is plain data: a title slide, an agenda, then slides of points, tables, charts
(the charts' `ChartData`, drawn as native PowerPoint charts) and quick-win profiles. The
PPTX writer (`generator.render.pptx`) only lays these out on the reference's layouts.

- `quickwins`: the quick-win deck, one slide per quick win (problem, solution,
  milestones, KPIs, budget, agency) after an overview.
- `summary`: the head of region's presentation: vision, readiness, the strategy per
  dimension, roadmap, budget and funding.
- `evaluation`: the evaluation pack's deck: realisation, the estimated index, the
  year-on-year change (two or more progress files), quick wins with their KPIs, enablers,
  the evidence index's finding and the claims without evidence, recommendations.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from typing import Any

from generator.i18n.labels import DECK_LABELS, localised

#: Rows of a table on one slide; longer tables continue on the next.
TABLE_ROWS = 9
#: Rows on one slide of a table that ends in its total (six dimensions, three groups of
#: enablers, the total): kept on one slide, so that its rows are seen to add up.
TOTAL_ROWS = 11
#: Characters of a narrative on a slide (the document has the whole text).
NARRATIVE_CHARS = 520
#: Bullet points on one slide.
POINTS = 8
#: Rows of claims without evidence on the evidence slide (below its finding), and the
#: characters of one row (a line of the table, two at most).
EVIDENCE_ROWS = 10
CLAIM_CHARS = 100
#: The charts each kind's deck shows (`generator.documents.charts.make_charts` keys, or the
#: evaluation's own): a render that makes only a deck computes only these.
DECK_CHARTS: dict[str, tuple[str, ...]] = {
    "quickwins": (), "summary": ("readiness", "roadmap", "budget", "funding"),
    "evaluation": ("ev_budget", "ev_outcome")}
#: Bars of the roadmap's Gantt chart on one slide: each program's code stays legible.
TIMELINE_ROWS = 18
_PART = re.compile(r" \(\d+/\d+\)$")
_RANGE = re.compile(r" \S+–\S+\.$")
_BLOCK_END = re.compile(r"</(p|li|h\d|blockquote|tr)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


@dataclass
class Slide:
    #: "title", "points", "table", "chart", "quickwin" or "closing"
    kind: str
    title: str
    subtitle: str = ""
    points: list[str] = field(default_factory=list)
    #: a table: its head and rows of text
    head: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    #: columns of numbers, right-aligned (indexes into `head`)
    numeric: tuple[int, ...] = ()
    #: rows in bold (indexes into `rows`): a group's first row (a quick win above its KPIs)
    bold: tuple[int, ...] = ()
    #: a chart: its figures (`ChartData`) and alt text
    chart: Any = None
    alt: str = ""
    #: a quick win: labelled texts (problem, solution) and facts (label, value)
    blocks: list[tuple[str, str]] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    #: the colour of the slide's accent (a dimension's), ``#rrggbb``
    accent: str = ""
    #: what the presenter says (the notes page)
    notes: str = ""


@dataclass
class Deck:
    title: str
    subtitle: str
    slides: list[Slide]


def plain(value: Any, limit: int = NARRATIVE_CHARS) -> str:
    """The text of sanitised narrative HTML (or plain text): paragraphs on their own lines,
    at most `limit` characters, cut at a word with an ellipsis."""
    text = html.unescape(_TAG.sub("", _BLOCK_END.sub("\x00", str(value or ""))))
    lines = [" ".join(line.split()) for line in text.split("\x00")]
    text = "\n".join(line for line in lines if line)
    if len(text) <= limit:
        return text
    return text[:limit].rpartition(" ")[0].rstrip(" ,;:") + " …"


def build_deck(kind: str, context: dict[str, Any]) -> Deck:
    """The deck of document `kind` from its context (with the document's meta: `title`)."""
    t = {**context["t"], **localised(DECK_LABELS, context["lang"])}
    builder = {"quickwins": _quickwins, "summary": _summary, "evaluation": _evaluation}[kind]
    slides = builder(context, t)
    region, document = context["region"], context["document"]
    title = Slide("title", context["title"], f"{region['government']}\n{document['date']}")
    agenda = Slide("points", t["deck_agenda"], points=_agenda(slides))
    closing = Slide("closing", t["deck_thanks"], region["government"])
    return Deck(context["title"], region["government"], [title, agenda, *slides, closing])


def _agenda(slides: list[Slide]) -> list[str]:
    titles = list(dict.fromkeys(_PART.sub("", s.title) for s in slides
                                if s.kind != "quickwin"))
    quick_wins = [s.title for s in slides if s.kind == "quickwin"]
    room = POINTS - len(titles)
    titles += quick_wins[:room]
    return titles


def _table(title: str, head: list[str], rows: list[list[str]], t: dict[str, str],
           numeric: tuple[int, ...] = (), per_slide: int = TABLE_ROWS,
           **extra: Any) -> list[Slide]:
    """A table, over as many slides as its rows need (titled ``(1/2)``, ``(2/2)``)."""
    count = max(1, -(-len(rows) // per_slide))
    size = -(-len(rows) // count) if rows else 0  # the parts as even as they go
    parts = [rows[i:i + size] for i in range(0, len(rows), size)] if rows else [[]]
    return [Slide("table", t["deck_part"].format(title=title, number=n, count=len(parts))
                  if len(parts) > 1 else title, head=head, rows=part, numeric=numeric,
                  **extra) for n, part in enumerate(parts, start=1)]


def _chart(context: dict[str, Any], key: str, **extra: Any) -> list[Slide]:
    chart = context["charts"].get(key)
    if chart is None or chart.data is None:
        return []
    return [Slide("chart", chart.title, chart=chart.data, alt=chart.alt, **extra)]


def _timeline(context: dict[str, Any], keys: list[str], t: dict[str, str]) -> list[Slide]:
    """The roadmap's Gantt chart (all the book's parts of it) over as many slides as keep
    every program's code readable: at most `TIMELINE_ROWS` bars a slide, the parts as even
    as they go (titled ``(1/3)``…)."""
    charts = [context["charts"][key] for key in keys
              if key in context["charts"] and context["charts"][key].data is not None]
    if not charts:
        return []
    first = charts[0]
    categories = [c for chart in charts for c in chart.data.categories]
    count = max(1, -(-len(categories) // TIMELINE_ROWS))
    size = -(-len(categories) // count) if categories else 0
    title = _PART.sub("", first.title)
    alt = _RANGE.sub("", first.alt) if len(charts) > 1 else first.alt
    slides = []
    for number, start in enumerate(range(0, max(len(categories), 1), size or 1), start=1):
        data = replace(first.data, categories=tuple(categories[start:start + size]),
                       series=tuple(replace(
                           series,
                           values=tuple(v for chart in charts
                                        for v in chart.data.series[index].values
                                        )[start:start + size],
                           point_colours=tuple(c for chart in charts for c in
                                               chart.data.series[index].point_colours
                                               )[start:start + size])
                           for index, series in enumerate(first.data.series)))
        part_title, part_alt = title, alt
        if count > 1:
            part_title = t["deck_part"].format(title=title, number=number, count=count)
            part_alt = f"{alt} {data.categories[0]}–{data.categories[-1]}."
        slides.append(Slide("chart", part_title, chart=data, alt=part_alt))
    return slides


# --- the quick-win deck ----------------------------------------------------------------------

def _quickwins(context: dict[str, Any], t: dict[str, str]) -> list[Slide]:
    quick_wins = context["quick_wins"]
    slides = _table(t["deck_overview"], [t["id"], t["name"], t["qw_owner"], t["years"],
                                         t["budget"]],
                    [[q["id"], q["name"], q["owner_opd"], q["years"], q["budget"]]
                     for q in quick_wins], t, numeric=(4,))
    for q in quick_wins:
        facts = [(t["dimension"], q["dimension_title"]), (t["qw_owner"], q["owner_opd"]),
                 (t["years"], q["years"]), (t["budget"], q["budget"])]
        if q["sources"]:
            facts.append((t["source"], q["sources"]))
        if q["supporting_opds"]:
            facts.append((t["supporting_opds"], ", ".join(q["supporting_opds"])))
        milestones = [f"{m['when']}: {m['description']}" for m in q["milestones"]]
        kpis = [f"{k['name']}: {k['baseline']} → {k['target']} {k['unit']}".rstrip()
                for k in q["kpis"]]
        slides.append(Slide(
            "quickwin", f"{q['id']} {q['name']}", subtitle=q["type"],
            blocks=[(t["qw_problem"], plain(q["problem"])),
                    (t["deck_solution"], plain(q["description"]))],
            facts=facts, head=[t["qw_milestones"], t["qw_kpis"]],
            rows=[_capped(milestones, t), _capped(kpis, t)], accent=q["colour"],
            notes=plain(q["description"], 4000)))
    return slides


def _capped(items: list[str], t: dict[str, str], count: int = 5) -> list[str]:
    if len(items) <= count:
        return items
    return [*items[:count - 1], t["deck_more"].format(count=len(items) - count + 1)]


# --- the head of region's presentation ------------------------------------------------------

def _summary(context: dict[str, Any], t: dict[str, str]) -> list[Slide]:
    vision, budget = context["vision"], context["budget"]
    slides = [
        Slide("points", t["key_figures"], points=[
            f"{t['total_programs']}: {context['program_count']}",
            f"{t['qw_count']}: {len(context['quick_wins'])}",
            f"{t['total_budget']}: {budget['grand_total_words']}",
            f"{t['years']}: {context['document']['period']}"]),
        Slide("points", t["vision"], subtitle=vision["statement"],
              points=[f"{t['missions']} {n}: {m}" for n, m in enumerate(
                  vision["missions"][:POINTS - 2], start=1)]),
    ]
    slides += _chart(context, "readiness")
    areas = context["readiness"]["areas"]
    slides += _table(t["ch_readiness"], [t["ch_readiness"], t["score"]],
                     [[a["title"], a["average"]] for a in areas], t, numeric=(1,))
    # the dimensions, then the enablers' budget lines: the rows add up to the total (the
    # key figures' and the funding's), as in the summary document's table
    rows = [[d["label"], "; ".join(d["strategies"][:2]) + (
        " …" if len(d["strategies"]) > 2 else ""), str(d["program_count"]), row["total_words"]]
        for d, row in zip(context["dimensions"], budget["rows"], strict=True)]
    rows += [[r["title"], "", "-", r["total_words"]] for r in budget["enabler_rows"]]
    rows.append([t["total"], "", str(context["program_count"]), budget["grand_total_words"]])
    slides += _table(t["deck_strategy"], [t["dimension"], t["strategies"], t["program_count"],
                                          t["budget"]], rows, t, numeric=(2, 3),
                     per_slide=TOTAL_ROWS)
    roadmap = context["roadmap"]
    slides += _table(roadmap["title"], [t["horizon"], t["years"], t["program_count"]],
                     [[s["title"], s["years"], str(s.get("count", ""))]
                      for s in roadmap["stages"]], t, numeric=(2,))
    slides += _timeline(context, [part.key for part in roadmap["charts"]], t)
    slides += _chart(context, "budget")
    slides += _chart(context, "funding")
    slides += _table(t["funding"], [t["source"], t["budget"], t["share"]],
                     [[s["name"], s["amount_words"], s["share"]] for s in budget["sources"]],
                     t, numeric=(1, 2))
    return slides


# --- the evaluation deck ---------------------------------------------------------------------

def _evaluation(context: dict[str, Any], t: dict[str, str]) -> list[Slide]:
    ev = context["ev"]
    year = ev["latest"]
    slides = []
    summary = plain(ev["summary"])
    if summary:
        slides.append(Slide("points", t["ev_summary"], points=summary.splitlines()[:POINTS]))
    dims = ev["dimensions"]
    slides += _table(t["ev_per_dimension"].format(year=year),
                     [t["dimension"], t["ev_planned_programs"], t["ev_executed_programs"],
                      t["ev_executed_share"], t["ev_budget_planned"], t["ev_budget_realised"],
                      t["ev_budget_share"]],
                     [[r["title"], str(r["planned"]), str(r["executed"]), r["share"],
                       r["budget_planned"], r["budget_realised"], r["budget_share"]]
                      for r in dims["rows"] + dims["enablers"]] + [[
                          t["total"], str(dims["total"]["planned"]),
                          str(dims["total"]["executed"]), dims["total"]["share"],
                          dims["total"]["budget_planned"], dims["total"]["budget_realised"],
                          dims["total"]["budget_share"]]],
                     t, numeric=(1, 2, 3, 4, 5, 6), per_slide=TOTAL_ROWS)
    slides += _chart(context, "ev_budget")
    slides += _chart(context, "ev_outcome")
    index = ev["index"]
    rows = [[a["title"], a["weight"], a["estimated"], a["received"]] for a in index["aspects"]]
    rows.append([t["ev_index_total"], "", index["estimated"], index["received"]])
    slides += _table(t["ev_index"], [t["ev_aspect"], t["ev_weight"], t["ev_estimated"],
                                     t["ev_received"]], rows, t, numeric=(1, 2, 3),
                     notes=index["note"])
    trend = ev["trend"]
    if len(trend["years"]) > 1:  # the pack's year-on-year table, its figures as they are
        slides += _table(f"{t['ev_trend']} {ev['years_text']}",
                         [t["item"], *map(str, trend["years"]), t["ev_change"]],
                         [[r["title"], *r["cells"], r["change"]] for r in trend["rows"]], t,
                         numeric=tuple(range(1, len(trend["years"]) + 2)),
                         per_slide=TOTAL_ROWS)
    slides += _quick_win_table(ev, t)
    slides += _table(t["ev_enablers"], [t["ev_enabler"], t["ev_in_place"]],
                     [[e["title"], e["state"]] for e in ev["enablers"]], t)
    slides += _evidence(ev, t)
    # the year each came with (a recommendation carried over to the next year's file is
    # listed twice, as in the pack's table) and where its follow-up stands
    recommendations = [f"{r['year']}: {r['text']}" + (f" ({r['owner']})" if r["owner"] else "")
                       + (f" – {r['status']}" if r["status"] else "")
                       for r in ev["recommendations"]]
    if recommendations:
        slides.append(Slide("points", t["ev_follow_up"],
                            points=_capped(recommendations, t, POINTS)))
    return slides


def _quick_win_table(ev: dict[str, Any], t: dict[str, str]) -> list[Slide]:
    """The pack's quick-win table: each quick win (its row in bold) and under it its KPIs'
    baseline, target, value achieved and attainment; a quick win's rows stay on one slide."""
    groups = [[[q["id"], q["name"], q["status"], "", "", "", ""]]
              + [["", f"{k['name']} ({k['unit']})" if k["unit"] else k["name"], "",
                  k["baseline"], k["target"], k["value"], k["attainment"]] for k in q["kpis"]]
              for q in ev["quick_wins"]]
    parts: list[list[list[str]]] = [[]]
    for group in groups:  # (a quick win of more KPIs than a slide holds continues)
        for start in range(0, len(group), TABLE_ROWS):
            rows = group[start:start + TABLE_ROWS]
            if parts[-1] and len(parts[-1]) + len(rows) > TABLE_ROWS:
                parts.append([])
            parts[-1] += rows
    title = t["ev_quick_wins"].format(year=ev["latest"])
    head = [t["id"], f"{t['name']} / KPI", t["status"], t["baseline"], t["target"],
            t["ev_achieved"], t["ev_attainment"]]
    return [Slide("table", t["deck_part"].format(title=title, number=n, count=len(parts))
                  if len(parts) > 1 else title, head=head, rows=part, numeric=(3, 4, 5, 6),
                  bold=tuple(number for number, row in enumerate(part) if row[0]))
            for n, part in enumerate(parts, start=1)]


def _evidence(ev: dict[str, Any], t: dict[str, str]) -> list[Slide]:
    """The evidence index's finding (the pack's count, "30 dari 96 klaim didukung bukti")
    and the claims without evidence, one row per program, quick win or enabler, as many as
    a slide shows legibly; the rest counted ("… dan 40 klaim lainnya") and all of them in
    the notes."""
    evidence = ev["evidence"]
    missing = evidence["missing"]
    groups: dict[str, list[str]] = {}
    for claim in missing:
        groups.setdefault(claim["claim"].split(":")[0] or claim["what"], []).append(
            claim["what"])
    rows = [["" if key in items else key, plain("; ".join(items), CLAIM_CHARS)]
            for key, items in groups.items()]
    if len(rows) > EVIDENCE_ROWS:
        shown = rows[:EVIDENCE_ROWS - 1]
        rest = len(missing) - sum(len(items) for items in list(groups.values())[:len(shown)])
        rows = [*shown, ["", t["deck_more_claims"].format(count=rest)]]
    finding = f"{evidence['count']}. " + t["deck_evidence_missing"].format(count=len(missing))
    notes = "\n".join([t["ev_evidence_intro"].format(year=ev["latest"]), *(
        f"{c['claim'].split(':')[0]} {c['what']}".strip() for c in missing)])
    title = f"{t['ev_evidence']} {ev['latest']}"
    if not missing:
        return [Slide("points", title, subtitle=f"{evidence['count']}.", notes=notes)]
    return [Slide("table", title, subtitle=finding, head=[t["id"], t["deck_without_evidence"]],
                  rows=rows, notes=notes)]
