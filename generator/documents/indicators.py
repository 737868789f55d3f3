"""One program's indicators and targets, as its own table in the strategy chapter (BAB VI).

The annex lists every indicator against every year of the period; a program's own table is
portrait and compact: a column for each year the program has a target in (the years after
the period, such as an RPJPD's 2045, marked with an asterisk) as long as they are at most
`MAX_YEAR_COLUMNS`, else only each indicator's final target. Values are those of the annex
(the same decimals per unit, a scale's levels as the scale prints them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.i18n.numbers import year_span
from generator.spec.enablers import Enabler
from generator.spec.model import Indicator, Masterplan, Program, Value

#: Year columns that fit a portrait page beside the indicator, its unit and its baseline.
MAX_YEAR_COLUMNS = 6
#: A table of at most this many indicators is kept on one page with its caption.
KEEP_ROWS = 12


def indicator_table(plan: Masterplan, program: Program | Enabler, t: dict[str, str],
                    show: Callable[[Indicator, Value | None], str],
                    legend: Callable[[list[str]], list[str]]) -> dict[str, Any] | None:
    """What the `program_indicator_table` macro prints for `program` (or an enabler); None
    without indicators."""
    indicators = program.indicators
    if not indicators:
        return None
    within = sorted({y for i in indicators for y in i.targets if not plan.beyond_period(y)})
    beyond = sorted({y for i in indicators for y in i.targets if plan.beyond_period(y)})
    baseline_years = {i.baseline_year for i in indicators if i.baseline is not None}
    common_baseline = next(iter(baseline_years)) if len(baseline_years) == 1 else None
    by_year = len(within) + len(beyond) <= MAX_YEAR_COLUMNS
    finals = {max((y for y in i.targets if not plan.beyond_period(y)), default=None)
              for i in indicators}
    common_final = next(iter(finals)) if len(finals) == 1 else None
    if by_year:
        heads = [str(y) for y in within]
    elif common_final is not None:
        heads = [t["target_year"].format(year=common_final)]
    else:
        heads = [t["final_target"]]
    heads += [t["beyond_year"].format(year=y) for y in beyond]

    def baseline(i: Indicator) -> str:
        shown = show(i, i.baseline)
        if common_baseline is None and i.baseline is not None and i.baseline_year:
            return f"{shown} ({i.baseline_year})"
        return shown

    def cells(i: Indicator) -> list[str]:
        if by_year:
            out = [show(i, i.targets[y]) if y in i.targets else "-" for y in within]
        else:
            last = max((y for y in i.targets if not plan.beyond_period(y)), default=None)
            value = "-" if last is None else show(i, i.targets[last])
            out = [value if common_final is not None or last is None
                   else f"{value} ({last})"]
        return out + [show(i, i.targets[y]) if y in i.targets else "-" for y in beyond]

    return {
        "caption": t["program_indicators"].format(program=f"{program.id} {program.name}"),
        "baseline_head": t["baseline_year"].format(year=common_baseline)
        if common_baseline else t["baseline"],
        "heads": heads,
        "rows": [{"name": i.name, "unit": i.unit, "baseline": baseline(i), "cells": cells(i)}
                 for i in indicators],
        "keep": len(indicators) <= KEEP_ROWS,
        "beyond_note": t["beyond_note"].format(period=year_span(plan.start_year, plan.end_year))
        if beyond else "",
        "scale_legend": legend([i.scale for i in indicators if i.scale]),
    }
