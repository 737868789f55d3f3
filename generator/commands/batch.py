"""`masterplan batch`: a whole cohort (manifest, folder or single spec) into one folder.

Options given on the command line win over the manifest's `options`, which win over the
defaults (formats `pdf,html`, document `masterplan`, OUTDIR `out`, one worker per CPU, 300 s
per spec, 2048 MiB of address space per worker). What it prints on stderr (the first line,
the progress, the final line) is in the language of messages: Indonesian unless `--lang en`
(or the manifest's `lang: en`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from generator.batch.cohort import Cohort, resolve_target
from generator.batch.progress import Progress, clock
from generator.batch.records import BatchOptions, BatchResult
from generator.batch.run import default_jobs, run_batch
from generator.batch.summary import INDEX_HTML, SUMMARY_JSON
from generator.commands.render import skip_notes
from generator.i18n.messages import message
from generator.settings import resolve

DEFAULT_FORMATS = "pdf,html"


def build_options(given: Mapping[str, Any], cohort: Cohort, outdir: Path) -> BatchOptions:
    """The command line's options (`given`), else the manifest's, else the defaults."""
    settings = resolve({**given, "outdir": outdir}, cohort, formats=DEFAULT_FORMATS,
                       documents="masterplan")
    return BatchOptions(settings, jobs=given.get("jobs") or default_jobs(),
                        force=bool(given.get("force")), fail_fast=bool(given.get("fail_fast")))


def resolve_outdir(given: Mapping[str, Any], target: Path) -> tuple[Cohort, Path]:
    """The cohort and its output folder (CLI, else the manifest's, else `out`)."""
    outdir: Path | None = given.get("outdir")
    cohort = resolve_target(target, outdir=outdir or Path("out"), lang=given.get("lang") or "id")
    # only a manifest has an `outdir` option, and a manifest does not scan folders
    return cohort, outdir or cohort.option_path("outdir") or Path("out")


def run_batch_command(target: Path, given: Mapping[str, Any]) -> int:
    """`given`: the command line's options by name (None = not given)."""
    cohort, outdir = resolve_outdir(given, target)
    options = build_options(given, cohort, outdir)
    lang = options.messages_lang
    progress = Progress(len(cohort.specs), enabled=given.get("progress", True), lang=lang)
    year = ("@msg", "hint.cohort_year", {"year": cohort.year}) if cohort.year else ""
    progress.line("masterplan: " + message(
        "batch.start", lang, count=len(cohort.specs), cohort=year, outdir=outdir,
        formats=", ".join(options.settings.formats), jobs=options.jobs))
    for note in skip_notes(options.settings):
        click.echo(note, err=True)
    result = run_batch(cohort, options, progress)
    for record in result.records:
        if record.status == "ok":
            for name in record.outputs:
                click.echo(str(outdir / name))
    click.echo(final_line(result), err=True)
    return result.exit_code


def final_line(result: BatchResult) -> str:
    lang = result.options.messages_lang
    counts = ", ".join(f"{n} {message(f'status.{status}', lang)}"
                       for status, n in result.counts().items() if n)
    outdir = result.options.outdir
    text = "masterplan: " + message(
        "batch.done", lang, count=len(result.records), counts=counts,
        clock=clock(result.seconds), index=outdir / INDEX_HTML, summary=outdir / SUMMARY_JSON)
    if result.state_damaged:
        text += message("hint.state_damaged", lang)
    if result.state_unsaved:
        text += message("hint.state_unsaved", lang, reason=result.state_unsaved)
    if result.interrupted:
        text += message("hint.interrupted", lang, signal=result.interrupted)
    return text
