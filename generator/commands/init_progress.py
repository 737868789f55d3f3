"""`masterplan init-progress`: a starter progress file for one year, prefilled from the plan
(`generator.spec.progress_starter`)."""

from __future__ import annotations

from pathlib import Path

import click

from generator.errors import UsageError
from generator.i18n.messages import message
from generator.output import atomic_write


def run_init_progress(spec: Path, year: int, output: Path | None, *, lang: str,
                      force: bool) -> Path:
    """Write the starter (default: `progress/YEAR.yaml` beside SPEC) and return its path."""
    from generator.spec import check_spec
    from generator.spec.model import build_model
    from generator.spec.progress_starter import starter_progress

    doc, _warnings = check_spec(spec, str(spec))
    plan = build_model(doc)
    if not plan.start_year <= year <= plan.end_year:
        raise UsageError(message("rule.year_outside_period", lang, year=year,
                                 start=plan.start_year, end=plan.end_year))
    target = output if output is not None else spec.parent / "progress" / f"{year}.yaml"
    if target.exists() and not force:
        raise UsageError(message("usage.progress_exists", lang, path=str(target)))
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, starter_progress(plan, spec, year, target, lang).encode("utf-8"))
    click.echo(str(target))
    return target
