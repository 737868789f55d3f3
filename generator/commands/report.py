"""`masterplan report`: one comparative document across a cohort.

The figures of every spec are read in the worker pool (`generator.batch.gather`), then the
pipeline renders the `report` document kind (`generator.pipeline.render_report`) with the
same templates, stylesheet and writers as a region's documents; a `--template-dir` may
override `report/*.j2`.

Settings come from the command line, else the manifest's `options` (formats, outdir, lang,
timeout, memory_limit, template_dir, reference_docx, docx_toc, pdf_variant, strict), else
the defaults (pdf,html into `out`, in Bahasa Indonesia, 120 s to read one spec, 2048 MiB per
process); so
a manifest's `outdir` puts the report next to the documents `masterplan batch` wrote. With a
template folder the report is rendered in a process of its own, under the same time and
memory limits (`generator.batch.isolated`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.batch.cohort import DEFAULT_READ_TIMEOUT, Cohort
from generator.batch.records import Extracted
from generator.errors import Diagnostic, RenderError
from generator.settings import RenderSettings, resolve

DEFAULT_FORMATS = "pdf,html"


def report_settings(cohort: Cohort, given: dict[str, Any],
                    notes: list[str] | None = None) -> RenderSettings:
    """The command line's options (`given`), else the manifest's, else the defaults.

    A format of the command line that cannot write the report (`-f pptx`) is a usage
    error; one of the manifest's, which serve its documents in `batch` too, is left out
    with a line in `notes`."""
    from generator.i18n.messages import message
    from generator.render import WRITERS, check_formats, format_names
    from generator.settings import parse_list

    settings = resolve({**given, "formats": None}, cohort, formats=DEFAULT_FORMATS,
                       lang="id", timeout=DEFAULT_READ_TIMEOUT)
    if given.get("formats"):
        chosen = parse_list(given["formats"], format_names(), "format")
        check_formats(("report",), chosen)
        return settings.replace(formats=chosen)
    kept = tuple(name for name in settings.formats if WRITERS[name].writes("report"))
    if not kept:
        check_formats(("report",), settings.formats)
    for name in settings.formats:
        if name not in kept and notes is not None:
            notes.append("masterplan: " + message(
                "note.format_skipped", settings.messages_lang, format=name,
                kinds=", ".join(WRITERS[name].kinds), skipped="report"))
    return settings.replace(formats=kept)


@dataclass
class ReportResult:
    paths: list[Path]
    items: list[Extracted]
    warnings: list[Diagnostic] = field(default_factory=list)


def run_report(cohort: Cohort, settings: RenderSettings, jobs: int, *,
               progress: str | None = None) -> ReportResult:
    """With `progress` (`--progress`, else the manifest's `options.progress`: a glob
    relative to each spec's folder), the report has the evaluation results too."""
    from generator.batch import isolated
    from generator.batch.gather import gather
    from generator.commands.export import progress_pattern
    from generator.pipeline import render_report

    lang = settings.lang or "id"
    items = gather(cohort, lang=lang, jobs=jobs, timeout=settings.timeout,
                   strict=settings.strict, messages_lang=lang,
                   memory_limit=settings.memory_limit, framework=settings.framework,
                   progress=progress_pattern(cohort, progress, lang))
    if not any(i.data is not None for i in items):
        raise RenderError("no spec of the cohort is valid: nothing to report "
                          f"({items[0].source.display}: {items[0].first_error})")
    if isolated.isolated(settings):
        result = isolated.render_report(cohort, items, settings)
    else:
        result = render_report(cohort, items, settings)
    return ReportResult(result.outputs, items, result.warnings)
