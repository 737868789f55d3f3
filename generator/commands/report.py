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


def report_settings(cohort: Cohort, given: dict[str, Any]) -> RenderSettings:
    """The command line's options (`given`), else the manifest's, else the defaults."""
    return resolve(given, cohort, formats=DEFAULT_FORMATS, lang="id",
                   timeout=DEFAULT_READ_TIMEOUT)


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
