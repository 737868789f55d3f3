"""`masterplan evaluate`: the evaluation pack of one spec and its progress files, through
the pipeline (`generator.pipeline.render_evaluation`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from generator.settings import RenderSettings


def run_evaluate(spec: Path, progress: Sequence[Path], settings: RenderSettings,
                 weights: Path | None) -> None:
    from generator.pipeline import render_evaluation

    result = render_evaluation(spec, progress, settings, weights_file=weights, settle_heap=True,
                               pause_collector=True)
    for warning in result.warnings:
        click.echo(warning.format(settings.messages_lang), err=True)
    for path in result.outputs:
        click.echo(str(path))
