"""`masterplan render`: one spec's documents, through the pipeline (`generator.pipeline`)."""

from __future__ import annotations

from pathlib import Path

import click

from generator.settings import RenderSettings


def run_render(spec: Path, settings: RenderSettings) -> None:
    from generator.pipeline import render_spec

    result = render_spec(spec, settings, settle_heap=True, pause_collector=True)
    for warning in result.warnings:
        click.echo(warning.format(settings.messages_lang), err=True)
    for path in result.outputs:
        click.echo(str(path))
