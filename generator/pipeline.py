"""The pipeline: load → validate → model → context → HTML → writers → files.

`render_spec` makes the documents of one spec, `render_report` the cohort report from the
figures of many specs; both end in `write_documents`, which hands each document's HTML to
the writer of every format (`generator.render.WRITERS`) and writes the files only when all
of them were made, so a failed render leaves nothing behind. The render command, `watch`,
the batch workers and the cohort report all come through here; the same input gives
byte-identical files.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.documents import KINDS, DocumentKind, requirements_of
from generator.errors import Diagnostic
from generator.render import WRITERS, Document
from generator.settings import RenderSettings

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

    from generator.documents.report import CohortInfo, CohortItem


@dataclass
class RenderResult:
    outputs: list[Path] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    pages: dict[str, int] = field(default_factory=dict)
    #: the bytes of every output when the render was asked not to write them (`write=False`:
    #: a child process hands them to its parent, which writes them)
    files: list[tuple[Path, bytes]] = field(default_factory=list)


def preload_modules(formats: Sequence[str]) -> list[str]:
    """The modules a render to `formats` imports (for processes that settle their heap)."""
    modules = ["generator.pipeline", "generator.spec", "generator.documents.context",
               "generator.documents.charts", "generator.render.html"]
    for name in formats:
        modules.extend(WRITERS[name].modules)
    return modules


def render_spec(spec: Path, settings: RenderSettings, *, settle_heap: bool = False,
                pause_collector: bool = False, write: bool = True) -> RenderResult:
    """Every document of `settings.documents` of one spec, in every format, into
    `settings.outdir` (with `write` False: into `RenderResult.files`).

    `settle_heap`: a one-shot process (the `render` command) freezes its heap once the spec
    is known good (`generator.heap`); never a process that renders again and again.
    `pause_collector`: pause the cyclic collector while each document is made, collect
    after it (the render command and batch workers).
    """
    from generator.documents.charts import make_charts
    from generator.documents.context import build_context
    from generator.documents.logo import needs_card
    from generator.documents.naming import document_meta, output_stem
    from generator.heap import collector_paused, settle
    from generator.i18n.labels import labels
    from generator.output import stamp_for
    from generator.spec import check_spec
    from generator.spec.assets import resolve_image
    from generator.spec.model import build_model

    doc, warnings = check_spec(spec, str(spec), strict=settings.strict,
                               requirements=requirements_of(settings.documents))
    plan = build_model(doc)
    if settle_heap:
        settle(preload_modules(settings.formats))
    pause = collector_paused if pause_collector else contextlib.nullcontext
    with pause():
        lang = settings.document_lang(plan.document.get("language"))
        env = _environment(settings)
        png = any(WRITERS[name].chart_images for name in settings.formats)
        charts = make_charts(plan, lang, labels(lang), png=png)
        context = build_context(plan, lang, charts)
        logo = plan.region.get("logo")
        if logo:
            asset = resolve_image(doc, ("region", "logo"), str(logo))
            context["logo"] = asset.data_uri
            context["logo_card"] = needs_card(asset.data)
    created = stamp_for(plan.document["date"])
    attachments = []
    if settings.pdf_variant:
        safe_name = re.sub(r"[^A-Za-z0-9._-]", "_", spec.name).strip("._")
        attachments.append((safe_name, doc.source_bytes,
                            "Masterplan spec (YAML) this document was made from"))

    def document(kind: DocumentKind) -> Document:
        meta = document_meta(kind, context)
        stem = output_stem(plan.region, int(plan.cohort["year"]), kind.name)
        return Document(
            kind=kind.name, stem=stem, html=document_html(kind, {**context, **meta}, env, settings),
            title=meta["title"], author=meta["author"], subject=meta["subject"],
            keywords=meta["keywords"], language=lang, created=created,
            pdf_variant=settings.pdf_variant, reference_docx=settings.reference_docx,
            docx_toc=settings.docx_toc,
            header=f"{context['region']['government']} · {meta['title']}"
            if kind.running_header else None,
            chart_images={key: chart.png for key, chart in charts.items()},
            attachments=[(name or f"{stem}.yaml", data, what)
                         for name, data, what in attachments])

    result = RenderResult(warnings=warnings)
    write_documents([functools.partial(document, KINDS[name]) for name in settings.documents],
                    settings, result, pause=pause, write=write)
    return result


def render_evaluation(spec: Path, progress_files: Sequence[Path], settings: RenderSettings, *,
                      weights_file: Path | None = None, write: bool = True) -> RenderResult:
    """The evaluation pack of one spec and one or more years of progress, in every format of
    `settings.formats` (the workbook too, with `xlsx`), into `settings.outdir`."""
    from generator.documents.charts import make_charts
    from generator.documents.context import build_context
    from generator.documents.evaluation import EvaluationBuilder
    from generator.documents.logo import needs_card
    from generator.documents.naming import document_meta, output_stem
    from generator.errors import SpecError
    from generator.i18n.labels import labels
    from generator.output import stamp_for
    from generator.spec import check_spec
    from generator.spec.assets import resolve_image
    from generator.spec.model import build_model
    from generator.spec.progress import Progress, check_progress
    from generator.spec.weights import load_weights

    doc, warnings = check_spec(spec, str(spec), strict=settings.strict)
    plan = build_model(doc)
    progresses: list[Progress] = []
    problems: list[Diagnostic] = []
    for path in progress_files:
        try:
            progress, found = check_progress(path, plan, spec, strict=settings.strict)
        except SpecError as exc:
            problems.extend(exc.diagnostics)
            continue
        warnings.extend(found)
        twin = next((p for p in progresses if p.year == progress.year), None)
        if twin is not None:
            problems.append(Diagnostic(progress.doc.span(("year",)), "error", "year",
                                       "progress.same_year", {"year": progress.year,
                                                              "first": twin.doc.display_name}))
        progresses.append(progress)
    if problems:
        raise SpecError(problems)
    latest = max(progresses, key=lambda p: p.year)
    weights = load_weights(weights_file).for_year(latest.year)
    lang = settings.document_lang(plan.document.get("language"))
    base = build_context(plan, lang, {})
    builder = EvaluationBuilder(plan, progresses, weights, lang, base)
    png = any(WRITERS[name].chart_images for name in settings.formats)
    charts = {**make_charts(plan, lang, labels(lang), png=png), **builder.charts(png)}
    context = {**base, **builder.build(), "charts": charts}
    logo = plan.region.get("logo")
    if logo:
        asset = resolve_image(doc, ("region", "logo"), str(logo))
        context["logo"] = asset.data_uri
        context["logo_card"] = needs_card(asset.data)
    kind = KINDS["evaluation"]
    meta = document_meta(kind, context)
    stem = output_stem(plan.region, int(plan.cohort["year"]),
                       f"{latest.year}-{kind.name}")
    document = Document(
        kind=kind.name, stem=stem, html=document_html(kind, {**context, **meta},
                                                      _environment(settings), settings),
        title=meta["title"], author=meta["author"], subject=meta["subject"],
        keywords=meta["keywords"], language=lang, created=stamp_for(latest.date),
        pdf_variant=settings.pdf_variant, reference_docx=settings.reference_docx,
        header=f"{context['region']['government']} · {meta['title']}",
        chart_images={key: chart.png for key, chart in charts.items()},
        data={"workbook": builder.workbook()})
    result = RenderResult(warnings=warnings)
    write_documents([lambda: document], settings, result, write=write)
    return result


def render_report(cohort: CohortInfo, items: Sequence[CohortItem],
                  settings: RenderSettings, *, write: bool = True) -> RenderResult:
    """The cohort report of the specs whose figures `items` holds, into `settings.outdir`
    (with `write` False: into `RenderResult.files`)."""
    from generator.documents.naming import report_stem
    from generator.documents.report import build_report_context
    from generator.output import stamp_for

    kind = KINDS["report"]
    lang = settings.lang or "id"
    context = build_report_context(cohort, items, lang)
    html = document_html(kind, context, _environment(settings), settings)
    document = Document(
        kind=kind.name, stem=report_stem(cohort), html=html, title=context["title"],
        author=context["author"], subject=context["subject"], keywords=context["keywords"],
        language=lang, created=stamp_for(context["created"]),
        pdf_variant=settings.pdf_variant, reference_docx=settings.reference_docx,
        docx_toc=settings.docx_toc,
        header=f"{context['subtitle']} · {context['title']}")
    result = RenderResult()
    write_documents([lambda: document], settings, result, write=write)
    return result


def write_documents(documents: Sequence[Callable[[], Document]], settings: RenderSettings,
                    result: RenderResult, *,
                    pause: Callable[[], AbstractContextManager[Any]] = contextlib.nullcontext,
                    write: bool = True) -> None:
    """Make each document (one at a time: `pause` wraps the making and writing of one) in
    every format of `settings.formats`; write the files once all of them are made, all of
    them or none (`generator.output.write_files`)."""
    from generator.output import write_files

    produced: list[tuple[Path, bytes]] = []
    writers = [(WRITERS[name], WRITERS[name].load()) for name in settings.formats]
    for make in documents:
        with pause():
            document = make()
            for writer, make_bytes in writers:
                written = make_bytes(document)
                result.warnings.extend(w for w in written.warnings
                                       if w not in result.warnings)
                produced.append((settings.outdir / f"{document.stem}.{writer.extension}",
                                 written.data))
    if write:
        write_files(produced)
    else:
        result.files.extend(produced)
    result.outputs.extend(path for path, _ in produced)


def _environment(settings: RenderSettings) -> SandboxedEnvironment:
    from generator.render.html import make_environment

    return make_environment(settings.template_dir)


def document_html(kind: DocumentKind, context: dict[str, Any], env: SandboxedEnvironment,
                  settings: RenderSettings) -> str:
    """The whole HTML of one document of `kind` (the one stage every format shares)."""
    from generator.render.html import render_html

    values = {**context, "kind": kind.name, "doc": kind.template_values()}
    return render_html(values, env, body=kind.body, frame=kind.frame,
                       stylesheets=kind.stylesheets, user_templates=settings.user_templates,
                       seconds=settings.template_seconds)
