"""`masterplan render`: one spec's documents, through the pipeline (`generator.pipeline`);
with a `--template-dir`, in a process of its own under a time and a memory limit
(`generator.batch.isolated`)."""

from __future__ import annotations

from pathlib import Path

import click

from generator.settings import RenderSettings


def skip_notes(settings: RenderSettings) -> list[str]:
    """One line for each format that makes the files of only some of the kinds asked for
    (`--document all -f pptx`: the decks of the kinds that have one), in the language of
    messages."""
    from generator.i18n.messages import message
    from generator.render import WRITERS, skipped_kinds

    return ["masterplan: " + message("note.format_skipped", settings.messages_lang,
                                     format=name, kinds=", ".join(WRITERS[name].kinds),
                                     skipped=", ".join(kinds))
            for name, kinds in skipped_kinds(settings.documents, settings.formats)]


def run_render(spec: Path, settings: RenderSettings) -> None:
    from generator.pipeline import render_spec

    for note in skip_notes(settings):
        click.echo(note, err=True)
    if settings.user_templates:  # `generator.batch.isolated` (imported only then: ~17 ms)
        from generator.batch import isolated

        result = isolated.render_spec(spec, settings)
    else:
        result = render_spec(spec, settings, settle_heap=True, pause_collector=True)
    for warning in result.warnings:
        click.echo(warning.format(settings.messages_lang), err=True)
    for path in result.outputs:
        click.echo(str(path))
