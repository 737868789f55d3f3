"""Deterministic charts with matplotlib: SVG for HTML/PDF, PNG for DOCX, always with alt text;
and the same figures as format-neutral `ChartData` (categories, series, colours), from which the
DOCX and PPTX writers build native, editable Office charts (`generator.render.charts`).

Determinism: a fixed SVG hash salt, no dates or software names in the files, and the bundled
Carlito font for every label.

SVG text is kept as text (``svg.fonttype: none``), not drawn as glyph outlines: the PDF lays
it out with the same bundled Carlito as the body text (so the labels are real, searchable
text there), and WeasyPrint draws a chart ~5x faster than one whose every letter is a path
(`benchmarks/bench_render.py`). A browser showing the HTML preview uses Carlito when
installed, else the metric-compatible Calibri, else a sans-serif of the machine. The PNG
for DOCX is drawn by Agg with Carlito itself.
"""

from __future__ import annotations

import base64
import io
from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from typing import Any

from markupsafe import Markup

from generator.resources import fonts_dir
from generator.spec.enabler_vocabulary import ENABLER_COLOURS, ENABLER_GROUPS
from generator.spec.enablers import enablers_of
from generator.spec.model import Masterplan
from generator.spec.vocabulary import FUNDING_SOURCES

FONT_DIR = fonts_dir()
PNG_DPI = 150
#: Programs in one roadmap chart: 50 bars fill a portrait page.
ROADMAP_PART = 50
# What matplotlib writes for a label is `font-family: 'Carlito'` alone; browsers get fallbacks.
SVG_FONT_FAMILY = b"font-family: Carlito, Calibri, 'Liberation Sans', Arial, sans-serif"


@dataclass(frozen=True)
class Series:
    """One series of a chart: a value per category."""

    name: str
    values: tuple[float, ...]
    #: the series' colour (``#rrggbb``); None: the office application's own
    colour: str | None = None
    #: one colour per category instead (bars coloured by dimension)
    point_colours: tuple[str, ...] = ()
    #: drawn without fill or line: the offset a Gantt bar starts from
    hidden: bool = False


@dataclass(frozen=True)
class ChartData:
    """A chart's figures, independent of any format: what an editable Office chart holds."""

    #: "bar" (horizontal), "column" (vertical, clustered), "column_stacked", or "gantt"
    #: (horizontal stacked bars whose first, hidden series is each bar's start)
    kind: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    #: Excel number format of the values
    number_format: str = "General"
    axis_min: float | None = None
    axis_max: float | None = None
    major_unit: float | None = None
    #: the value axis' title (the unit)
    axis_title: str = ""
    #: height ÷ width of the chart as drawn
    aspect: float = 0.55
    legend: bool = False
    data_labels: bool = False


@dataclass
class Chart:
    key: str
    title: str
    alt: str
    svg: bytes
    width_cm: float
    png: bytes = b""
    _figure: Any = field(default=None, repr=False)
    #: the figures, for writers that build an editable chart (None: a picture only)
    data: ChartData | None = None

    @property
    def svg_data_uri(self) -> Markup:
        """Markup: base64 needs no escaping, and must not get soft breaks when printed."""
        return Markup("data:image/svg+xml;base64,"  # noqa: S704 - base64 alphabet only
                      + base64.b64encode(self.svg).decode("ascii"))


def pyplot() -> Any:
    """matplotlib's pyplot on the Agg backend, with the bundled fonts and our defaults."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    for font in sorted(FONT_DIR.glob("*.ttf")):
        font_manager.fontManager.addfont(str(font))
    family = "Carlito" if any(FONT_DIR.glob("Carlito*.ttf")) else "DejaVu Sans"
    plt.rcParams.update({
        "svg.hashsalt": "masterplan", "svg.fonttype": "none", "font.family": family,
        "font.size": 9, "axes.spines.top": False, "axes.spines.right": False,
        "axes.titlesize": 10,
        # tight_layout measures the labels with the canvas renderer; at the PNG resolution the
        # PNG draw reuses those measurements instead of taking them again.
        "figure.dpi": PNG_DPI,
    })
    return plt


def _finish(plt: Any, fig: Any, key: str, title: str, alt: str, width_cm: float,
            png: bool, data: ChartData | None = None) -> Chart:
    fig.tight_layout()
    svg = io.BytesIO()
    fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    svg_bytes = svg.getvalue().replace(b"font-family: 'Carlito'", SVG_FONT_FAMILY)
    png_bytes = b""
    if png:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None})
        png_bytes = buffer.getvalue()
    plt.close(fig)
    return Chart(key, title, alt, svg_bytes, width_cm, png_bytes, data=data)


@dataclass(frozen=True)
class Canvas:
    """What of a chart is made: its figures (`ChartData`) always; drawn with matplotlib
    (the SVG) only with `draw`, the PNG too with `png`. A render whose writers read no
    picture of a chart (a deck, a DOCX of native charts) imports no matplotlib at all."""

    draw: bool = True
    #: a drawn chart as PNG too
    png: bool = False

    def chart(self, key: str, title: str, alt: str, width_cm: float,
              figsize: tuple[float, float], paint: Callable[[Any, Any], None],
              data: ChartData | None = None) -> Chart:
        """The chart `key`: `paint(plt, ax)` draws it on a figure of `figsize` inches."""
        if data is not None:  # height ÷ width as drawn (tight_layout keeps the size)
            data = replace(data, aspect=round(float(figsize[1]) / float(figsize[0]), 3))
        if not self.draw:
            return Chart(key, title, alt, b"", width_cm, data=data)
        plt = pyplot()
        fig, ax = plt.subplots(figsize=figsize)
        paint(plt, ax)
        return _finish(plt, fig, key, title, alt, width_cm, self.png, data)


#: The charts of a masterplan (`make_charts`); `roadmap` stands for all its parts.
CHART_KEYS = ("readiness", "budget", "funding", "roadmap")


def make_charts(plan: Masterplan, lang: str, labels: dict[str, str], *,
                png: bool = False, keys: Collection[str] | None = None,
                drawn: Collection[str] | None = None) -> dict[str, Chart]:
    """The charts of a masterplan, keyed by name: those of `keys` (None: all four,
    `CHART_KEYS`; `roadmap` stands for all its parts), each with its figures; drawn with
    matplotlib (the SVG, and the PNG with `png`) those of `drawn` (None: every one, empty:
    none; see `Canvas`)."""
    from generator.i18n.labels import index_of
    from generator.i18n.numbers import Formatter

    wanted = set(CHART_KEYS if keys is None else keys)

    def canvas(key: str) -> Canvas:
        return Canvas(draw=drawn is None or key in drawn, png=png)

    fmt = Formatter(lang)
    index = index_of(lang)
    charts: dict[str, Chart] = {}
    fw = plan.fw
    labels = fw.relabel(labels, lang)
    # the dimensions' colours, in order; other series (readiness areas, funding sources)
    # reuse them
    colour_list = list(fw.colours.values())
    enablers = enablers_of(plan)
    # the enablers' groups that have items: a series of the budget, lanes of the roadmap
    groups = {key: items for key, items in (enablers.groups if enablers else {}).items()
              if items}

    if "readiness" in wanted:
        charts["readiness"] = _readiness(canvas("readiness"), plan, labels, fmt, index,
                                         colour_list)
    if "budget" in wanted:
        charts["budget"] = _budget(canvas("budget"), plan, labels, fmt, index, colour_list,
                                   groups)
    if "funding" in wanted:
        charts["funding"] = _funding(canvas("funding"), plan, labels, fmt, index, colour_list,
                                     groups)
    if "roadmap" not in wanted:
        return charts
    # roadmap: one bar per program from start to end year, coloured by dimension; a plan of
    # many programs gets one chart per ROADMAP_PART programs (`roadmap`, `roadmap-2`, …), each
    # of which fits a page
    # (and the enablers' lanes after them, in their group's grey)
    bars = [_Bar(p.id, p.start_year, p.end_year, fw.colours[p.dimension])
            for p in plan.programs]
    bars += [_Bar(item.id, item.start_year, item.end_year, ENABLER_COLOURS[group])
             for group, items in groups.items() for item in items]
    legend = [(fw.colours[key], d[index]) for key, d in fw.dimensions.items()] + [
        (ENABLER_COLOURS[group], ENABLER_GROUPS[group][index]) for group in groups]
    parts = [bars[i:i + ROADMAP_PART] for i in range(0, len(bars), ROADMAP_PART)]
    for number, part in enumerate(parts or [[]], start=1):
        key = "roadmap" if number == 1 else f"roadmap-{number}"
        title, alt = labels["chart_roadmap"], labels["chart_alt_roadmap"].format(
            count=len(plan.programs), start=plan.start_year, end=plan.end_year)
        if groups:
            alt += " " + labels["chart_alt_roadmap_enablers"].format(
                count=len(bars) - len(plan.programs))
        if len(parts) > 1:
            title = f"{title} ({number}/{len(parts)})"
            alt = f"{alt} {part[0].id}–{part[-1].id}."
        charts[key] = _roadmap(canvas("roadmap"), part, plan, legend, key, title, alt)
    return charts


@dataclass(frozen=True)
class _Bar:
    """One lane of the roadmap chart: a program, or an enabler."""

    id: str
    start_year: int
    end_year: int
    colour: str


def _readiness(canvas: Canvas, plan: Masterplan, labels: dict[str, str], fmt: Any, index: int,
               colour_list: list[str]) -> Chart:
    """Horizontal bars, one per aspect, grouped by area."""
    fw = plan.fw
    names, scores, colours = [], [], []
    for number, (area, aspects) in enumerate(plan.readiness.items()):
        for aspect in aspects:
            names.append(fw.readiness_aspects[area][aspect.key][index])
            scores.append(aspect.score if aspect.score is not None else _status_score(
                aspect.status))
            colours.append(colour_list[number % len(colour_list)])

    def paint(plt: Any, ax: Any) -> None:
        positions = list(range(len(names)))[::-1]
        ax.barh(positions, scores, color=colours)
        ax.set_yticks(positions, names)
        ax.set_xlim(0, 4)
        ax.set_xticks([0, 1, 2, 3, 4])
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)

    items = "; ".join(f"{n} {fmt.score(s)}" for n, s in zip(names, scores, strict=True))
    readiness = ChartData("bar", tuple(names), (Series(
        labels["score"], tuple(float(s) for s in scores), point_colours=tuple(colours)),),
        number_format=fmt.office_format("0.0"), axis_min=0, axis_max=4, major_unit=1,
        data_labels=True)
    return canvas.chart("readiness", labels["chart_readiness"],
                        labels["chart_alt_readiness"].format(items=items), 16, (6.3, 3.4),
                        paint, readiness)


def _budget(canvas: Canvas, plan: Masterplan, labels: dict[str, str], fmt: Any, index: int,
            colour_list: list[str], groups: dict[str, list[Any]]) -> Chart:
    """Stacked bars per year by dimension, then one per group of enablers (in grey), in Rp
    million."""
    fw = plan.fw
    years = plan.years
    series = [([line for p in plan.programs if p.dimension == dim for line in p.budget],
               colour_list[number % len(colour_list)], fw.dimensions[dim][index])
              for number, dim in enumerate(fw.dimensions)]
    series += [([line for item in members for line in item.budget], ENABLER_COLOURS[group],
                ENABLER_GROUPS[group][index]) for group, members in groups.items()]
    budget_series = []
    for budget_lines, colour, name in series:
        per_year: dict[int, int] = defaultdict(int)
        for line in budget_lines:
            per_year[line.year] += line.amount
        values = [per_year.get(y, 0) / 1_000_000 for y in years]
        budget_series.append(Series(name, tuple(values), colour))

    def paint(plt: Any, ax: Any) -> None:
        bottom = [0.0] * len(years)
        for item in budget_series:
            values = list(item.values)
            ax.bar([str(y) for y in years], values, bottom=bottom, color=item.colour,
                   label=item.name, width=0.7)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.set_ylabel(labels["budget_million"])
        ax.yaxis.set_major_formatter(_tick_formatter(fmt))
        ax.legend(fontsize=7, frameon=False, ncol=3, loc="upper center",
                  bbox_to_anchor=(0.5, -0.12))
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)

    total = sum(p.total_budget for p in plan.programs) + sum(
        item.total_budget for items in groups.values() for item in items)
    return canvas.chart("budget", labels["chart_budget"], labels["chart_alt_budget"].format(
        start=plan.start_year, end=plan.end_year, total=fmt.money_words(total)), 16,
        (6.3, 3.2), paint, ChartData("column_stacked", tuple(str(y) for y in years),
                                     tuple(budget_series),
                                     number_format=fmt.office_format("#,##0"),
                                     axis_title=labels["budget_million"], legend=True))


def _funding(canvas: Canvas, plan: Masterplan, labels: dict[str, str], fmt: Any, index: int,
             colour_list: list[str], groups: dict[str, list[Any]]) -> Chart:
    """Horizontal bars of shares per source (the enablers' budget too)."""
    by_source: dict[str, int] = defaultdict(int)
    lines = [line for p in plan.programs for line in p.budget] + [
        line for items in groups.values() for item in items for line in item.budget]
    for line in lines:
        by_source[line.source] += line.amount
    ordered = sorted(by_source.items(), key=lambda item: (-item[1], item[0]))
    grand = sum(by_source.values()) or 1
    source_names = [FUNDING_SOURCES[c][index] if c in FUNDING_SOURCES
                    else plan.funding_sources.get(c, c) for c, _ in ordered]
    shares = [amount / grand * 100 for _, amount in ordered]

    def paint(plt: Any, ax: Any) -> None:
        positions = list(range(len(ordered)))[::-1]
        ax.barh(positions, shares, color=[colour_list[i % len(colour_list)]
                                          for i in range(len(ordered))])
        ax.set_yticks(positions, source_names)
        for pos, share in zip(positions, shares, strict=True):
            ax.text(share + 0.8, pos, fmt.percent(share / 100), va="center", fontsize=8)
        ax.set_xlim(0, max([*shares, 10]) * 1.18)
        ax.set_xlabel("%")

    items = "; ".join(f"{n} {fmt.percent(s / 100)}" for n, s in zip(source_names, shares,
                                                                      strict=True))
    funding = ChartData("bar", tuple(source_names), (Series(
        "%", tuple(round(share, 2) for share in shares),
        point_colours=tuple(colour_list[i % len(colour_list)] for i in range(len(ordered)))),),
        number_format=fmt.office_format("0.0"), axis_min=0, data_labels=True)
    return canvas.chart("funding", labels["chart_funding"],
                        labels["chart_alt_funding"].format(items=items or "-"), 14,
                        (6.3, 0.45 * max(len(ordered), 2) + 0.8), paint, funding)


def _roadmap(canvas: Canvas, programs: list[_Bar], plan: Masterplan,
             legend: list[tuple[str, str]], key: str, title: str, alt: str) -> Chart:
    years = plan.years

    def paint(plt: Any, ax: Any) -> None:
        positions = list(range(len(programs)))[::-1]
        ax.barh(positions, [p.end_year - p.start_year + 1 for p in programs],
                left=[p.start_year - 0.5 for p in programs], height=0.7,
                color=[p.colour for p in programs])
        ax.set_yticks(positions, [p.id for p in programs], fontsize=6)
        ax.set_xticks(years, [str(y) for y in years])
        ax.set_xlim(plan.start_year - 0.6, plan.end_year + 0.6)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        handles = [plt.Rectangle((0, 0), 1, 1, color=colour) for colour, _name in legend]
        ax.legend(handles, [name for _colour, name in legend], fontsize=7,
                  frameon=False, ncol=3, loc="upper center",
                  bbox_to_anchor=(0.5, -0.04 - 1.5 / max(len(programs), 8)))

    bar_colours = tuple(p.colour for p in programs)
    gantt = ChartData("gantt", tuple(p.id for p in programs), (
        # a bar from the start of its first year to the end of its last: the ticks are the
        # years' beginnings
        Series("start", tuple(float(p.start_year) for p in programs), hidden=True),
        Series("years", tuple(float(p.end_year - p.start_year + 1) for p in programs),
               point_colours=bar_colours)),
        number_format="0", axis_min=plan.start_year, axis_max=plan.end_year + 1,
        major_unit=1)
    return canvas.chart(key, title, alt, 16, (6.3, max(2.2, 0.16 * len(programs) + 0.9)),
                        paint, gantt)


def _status_score(status: str | None) -> float:
    return {"baik": 3.5, "cukup": 2.5, "kurang": 1.5}.get(status or "", 0.0)


def _tick_formatter(fmt: Any) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: fmt.number(value, 0))
