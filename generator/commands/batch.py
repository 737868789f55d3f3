"""`masterplan batch`: a whole cohort (manifest, folder or single spec) into one folder.

Options given on the command line win over the manifest's `options`, which win over the
defaults (formats `pdf,html`, document `masterplan`, OUTDIR `out`, one worker per CPU, 300 s
per spec, 2048 MiB of address space per worker).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click

from generator.batch.cohort import Cohort, resolve_target
from generator.batch.progress import Progress, clock
from generator.batch.records import BatchOptions, BatchResult
from generator.batch.run import default_jobs, run_batch
from generator.settings import resolve

DEFAULT_FORMATS = "pdf,html"


@dataclass
class BatchArguments:
    """The command line as given (None = not given)."""

    target: Path
    formats: str | None = None
    documents: str | None = None
    outdir: Path | None = None
    jobs: int | None = None
    force: bool = False
    fail_fast: bool = False
    timeout: float | None = None
    lang: str | None = None
    template_dir: Path | None = None
    reference_docx: Path | None = None
    pdf_variant: str | None = None
    strict: bool = False
    memory_limit: int | None = None
    progress: bool = True


def build_options(args: BatchArguments, cohort: Cohort, outdir: Path) -> BatchOptions:
    settings = resolve({
        "formats": args.formats, "documents": args.documents, "outdir": outdir,
        "lang": args.lang, "template_dir": args.template_dir,
        "reference_docx": args.reference_docx, "pdf_variant": args.pdf_variant,
        "strict": args.strict, "timeout": args.timeout, "memory_limit": args.memory_limit,
    }, cohort, formats=DEFAULT_FORMATS, documents="masterplan")
    return BatchOptions(settings, jobs=args.jobs or default_jobs(), force=args.force,
                        fail_fast=args.fail_fast)


def resolve_outdir(args: BatchArguments, target: Path) -> tuple[Cohort, Path]:
    """The cohort and its output folder (CLI, else the manifest's, else `out`)."""
    cohort = resolve_target(target, outdir=args.outdir or Path("out"))
    # only a manifest has an `outdir` option, and a manifest does not scan folders
    return cohort, args.outdir or cohort.option_path("outdir") or Path("out")


def run_batch_command(args: BatchArguments) -> int:
    cohort, outdir = resolve_outdir(args, args.target)
    options = build_options(args, cohort, outdir)
    progress = Progress(len(cohort.specs), enabled=args.progress)
    what = f"{len(cohort.specs)} spec(s)"
    if cohort.year is not None:
        what += f", cohort {cohort.year}"
    progress.line(f"masterplan: batch of {what} → {outdir} "
                  f"({', '.join(options.settings.formats)}; {options.jobs} worker(s))")
    result = run_batch(cohort, options, progress)
    for record in result.records:
        if record.status == "ok":
            for name in record.outputs:
                click.echo(str(outdir / name))
    click.echo(final_line(result), err=True)
    return result.exit_code


def final_line(result: BatchResult) -> str:
    counts = ", ".join(f"{n} {status}" for status, n in result.counts().items() if n)
    outdir = result.options.outdir
    text = (f"masterplan: {len(result.records)} spec(s): {counts} in {clock(result.seconds)}; "
            f"see {outdir / 'index.html'} and {outdir / 'summary.json'}")
    if result.state_damaged:
        text += " (the previous state file was unreadable: everything was rendered again)"
    if result.interrupted:
        text += f"; interrupted by {result.interrupted}, run again to continue"
    return text
