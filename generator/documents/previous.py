"""The evaluation of the previous masterplan (a second-generation masterplan's BAB II): what
it planned, what became of each program, and which programs this plan continues.

Two tables come of it: per dimension (planned, each realisation, continued) with a total,
and per program (as it was written then, planned, realised, note, continued as), grouped by
dimension; and one summary sentence with the counts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.documents.narrative import Narrative
from generator.i18n.labels import pick
from generator.i18n.numbers import Formatter, year_span
from generator.spec.model import Masterplan, PreviousProgram, Program
from generator.spec.vocabulary import REALISATION_STATUS


def previous_context(plan: Masterplan, t: dict[str, str], f: Formatter, lang: str,
                     md: Callable[[str | None], Narrative]) -> dict[str, Any] | None:
    """What the `previous_masterplan` partial prints; None when the spec has no section."""
    previous = plan.previous
    if previous is None:
        return None
    programs = previous.programs
    statuses = list(REALISATION_STATUS)

    def counts(chosen: list[PreviousProgram]) -> dict[str, Any]:
        return {"planned": f.number(len(chosen), 0),
                "statuses": [f.number(sum(p.realisation == key for p in chosen), 0)
                             for key in statuses],
                "continued": f.number(sum(p.continued_as is not None for p in chosen), 0)}

    def successor(program_id: str | None) -> str:
        if program_id is None:
            return "-"
        found = plan.programs_by_id.get(program_id)
        return f"{program_id} {found.name}" if found else program_id

    dimensions = plan.fw.dimensions
    groups = []
    for key in dimensions:
        chosen = [p for p in programs if p.dimension == key]
        if chosen:
            groups.append({"title": pick(dimensions, key, lang), "rows": [{
                "program": f"{p.id} {p.name}" if p.id else p.name,
                "planned": p.planned or "-",
                "realisation": pick(REALISATION_STATUS, p.realisation, lang),
                "realisation_key": p.realisation, "note": p.note or "-",
                "continued_as": successor(p.continued_as)} for p in chosen]})
    parts = [t[f"previous_count_{key}"].format(n=f.number(n, 0)) for key in statuses
             if (n := sum(p.realisation == key for p in programs))]
    continued = sum(p.continued_as is not None for p in programs)
    summary = t["previous_summary"].format(
        planned=f.number(len(programs), 0),
        parts=_join(parts, t["and"]), continued=f.number(continued, 0)) if programs else ""
    period = year_span(previous.start_year, previous.end_year)
    return {
        "title": previous.title, "period": period, "regulation": previous.regulation,
        "evaluation": md(previous.evaluation),
        "statuses": [pick(REALISATION_STATUS, key, lang) for key in statuses],
        "dimensions": [{"title": pick(dimensions, key, lang)}
                       | counts([p for p in programs if p.dimension == key])
                       for key in dimensions] if programs else [],
        "total": counts(programs), "groups": groups, "summary": summary,
        "heading": t["previous_heading"],
        "caption_dimensions": t["previous_by_dimension"].format(period=period),
        "caption_programs": t["previous_by_program"].format(period=period),
    }


def continued_from(plan: Masterplan, program: Program, t: dict[str, str]) -> str:
    """A program's status as its facts print it: a continued one names the previous
    programs it continues, when the spec evaluates the previous masterplan."""
    if not program.status:
        return ""
    before = [f"{p.id} {p.name}" if p.id else p.name
              for p in (plan.previous.programs if plan.previous else [])
              if p.continued_as == program.id]
    if program.status == "continued" and before:
        return t["program_status_continued_from"].format(programs="; ".join(before))
    return t[f"program_status_{program.status}"]


def _join(parts: list[str], word: str) -> str:
    """`a, b dan c`."""
    if len(parts) < 2:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {word} {parts[-1]}"
