"""`masterplan render`: one spec's documents, through the pipeline (`generator.pipeline`);
with a `--template-dir`, in a process of its own under a time and a memory limit
(`generator.batch.isolated`)."""

from __future__ import annotations

from pathlib import Path

import click

from generator.settings import RenderSettings


def run_render(spec: Path, settings: RenderSettings) -> None:
    from generator.batch import isolated
    from generator.pipeline import render_spec

    if isolated.isolated(settings):
        result = isolated.render_spec(spec, settings)
    else:
        result = render_spec(spec, settings, settle_heap=True, pause_collector=True)
    for warning in result.warnings:
        click.echo(warning.format(settings.messages_lang), err=True)
    for path in result.outputs:
        click.echo(str(path))
