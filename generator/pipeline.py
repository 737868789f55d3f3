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
    from generator.spec.diff import Revision
    from generator.spec.load import SpecDocument
    from generator.spec.model import Masterplan
    from generator.spec.progress import Progress
    from generator.spec.weights import Weights


@dataclass
class RenderResult:
    outputs: list[Path] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    pages: dict[str, int] = field(default_factory=dict)
    #: the bytes of every output when the render was asked not to write them (`write=False`:
    #: a child process hands them to its parent, which writes them)
    files: list[tuple[Path, bytes]] = field(default_factory=list)


@dataclass(frozen=True)
class Needs:
    """What the writers of a render read (`needs_of`): the HTML of which document kinds,
    and which charts, drawn or only as figures. A render computes nothing else: a deck
    alone builds no HTML and draws no chart, a DOCX of native charts draws none."""

    #: the kinds whose HTML a writer reads (`Writer.html`)
    html: frozenset[str]
    #: the charts made (`generator.documents.charts.make_charts` keys; None: all)
    charts: frozenset[str] | None
    #: those of them drawn with matplotlib (the SVG; None: all of `charts`)
    drawn: frozenset[str] | None
    #: the drawn charts as PNG too (`--docx-charts picture`)
    png: bool

    @property
    def draws(self) -> bool:
        return self.drawn is None or bool(self.drawn)


def needs_of(settings: RenderSettings) -> Needs:
    """What a render of `settings.documents` to `settings.formats` needs: the HTML of the
    kinds a writer of HTML writes; the charts their templates show (`DocumentKind.charts`;
    all of them with a `--template-dir`, whose templates may show any) and those of their
    decks (`documents.decks.DECK_CHARTS`); drawn only for a writer that shows a picture of
    a chart (`Writer.chart_svg`, or the PNG of `--docx-charts picture`) or a redline (which
    compares the pictures)."""
    from generator.documents.decks import DECK_CHARTS

    writers = [WRITERS[name] for name in settings.formats]
    html = frozenset(kind for kind in settings.documents
                     if any(w.html and w.writes(kind) for w in writers))
    png = wants_png(settings)
    pictures = png or settings.redline is not None or any(
        w.chart_svg and w.html for w in writers)
    declared = [KINDS[kind].charts if kind in KINDS else None for kind in html]
    if settings.user_templates or None in declared:
        return Needs(html, None, None if pictures else frozenset(), png)
    shown = frozenset(key for keys in declared for key in keys or ())
    decks = {key for kind in settings.documents
             if any("deck" in w.data and w.writes(kind) for w in writers)
             for key in DECK_CHARTS.get(kind, ())}
    return Needs(html, shown | decks, shown if pictures else frozenset(), png)


def preload_modules(settings: RenderSettings) -> list[str]:
    """The modules a render of `settings` imports (for processes that settle their heap):
    the template engine only when a writer reads the HTML (`needs_of`)."""
    needs = needs_of(settings)
    modules = ["generator.pipeline", "generator.spec", "generator.documents.context",
               "generator.documents.charts"]
    if needs.html:
        modules.append("generator.render.html")
    for name in settings.formats:
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
                               framework=settings.framework,
                               requirements=requirements_of(settings.documents))
    plan = build_model(doc)
    needs = needs_of(settings)
    if settle_heap:
        settle(preload_modules(settings), charts=needs.draws)
    pause = collector_paused if pause_collector else contextlib.nullcontext
    with pause():
        lang = settings.document_lang(plan.document.get("language"))
        env = _environment(settings) if needs.html else None
        charts = make_charts(plan, lang, labels(lang), png=needs.png, keys=needs.charts,
                             drawn=needs.drawn)
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

    older = (_older_version(settings, env, needs) if env is not None and settings.redline
             else None)
    revision = _revision_mark(plan, lang) if older is not None else None

    def document(kind: DocumentKind) -> Document:
        meta = document_meta(kind, context)
        stem = output_stem(plan.region, int(plan.cohort["year"]), kind.name,
                           redline=settings.redline is not None)
        images = {key: chart.png for key, chart in charts.items()}
        html = ""  # no writer of this kind reads it (a deck)
        if env is not None and kind.name in needs.html:
            html = document_html(kind, {**context, **meta}, env, settings)
            if older is not None:
                html, old_images = older(kind, html)
                images.update(old_images)
        return Document(
            data=writer_data(kind.name, {**context, **meta}, settings),
            chart_data=chart_data(charts), docx_charts=settings.docx_charts,
            reference_pptx=settings.reference_pptx,
            kind=kind.name, stem=stem, html=html,
            title=meta["title"], author=meta["author"], subject=meta["subject"],
            keywords=meta["keywords"], language=lang, created=created,
            pdf_variant=settings.pdf_variant, reference_docx=settings.reference_docx,
            docx_toc=settings.docx_toc,
            header=f"{context['region']['government']} · {meta['title']}"
            if kind.running_header else None,
            chart_images=images, revision=revision,
            dimension_colours=context["dimension_colours"],
            attachments=[(name or f"{stem}.yaml", data, what)
                         for name, data, what in attachments])

    result = RenderResult(warnings=warnings)
    write_documents([functools.partial(document, KINDS[name]) for name in settings.documents],
                    settings, result, pause=pause, write=write)
    return result


def _older_version(settings: RenderSettings, env: SandboxedEnvironment, needs: Needs
                   ) -> Callable[[DocumentKind, str], tuple[str, dict[str, bytes]]]:
    """For `--redline OLD`: a function from a kind and the new document's HTML to the HTML
    showing the changes from OLD (`generator.render.redline`) and the charts of OLD: those
    the new render makes (`needs`: the kinds' templates show them), no others."""
    from generator.documents.charts import make_charts
    from generator.documents.context import build_context
    from generator.documents.naming import document_meta
    from generator.documents.revision import RevisionView
    from generator.i18n.labels import labels, revision_labels
    from generator.render.redline import OLD_CHART, merge
    from generator.spec import check_spec
    from generator.spec.diff import Revision
    from generator.spec.model import build_model

    assert settings.redline is not None
    doc, _ = check_spec(settings.redline, str(settings.redline), strict=settings.strict)
    plan = build_model(doc)
    lang = settings.document_lang(plan.document.get("language"))
    png = any(WRITERS[name].chart_images for name in settings.formats)
    charts = make_charts(plan, lang, labels(lang), png=png, keys=needs.charts,
                         drawn=needs.drawn)
    context = build_context(plan, lang, charts)
    images = {OLD_CHART + key: chart.png for key, chart in charts.items()}
    t = revision_labels(lang)
    version = RevisionView(Revision(doc, doc), lang).version(doc)

    def older(kind: DocumentKind, new_html: str) -> tuple[str, dict[str, bytes]]:
        meta = document_meta(kind, context)
        old_html = document_html(kind, {**context, **meta}, env, settings)
        return merge(old_html, new_html, legend=t["rv_legend"].format(old=version),
                     inserted=t["rv_inserted"], deleted=t["rv_deleted"]), images

    return older


def _revision_mark(plan: Any, lang: str) -> tuple[str, str]:
    """The author and date of a redline's tracked changes: the new version and its date."""
    from generator.documents.revision import RevisionView
    from generator.spec.diff import Revision

    author = RevisionView(Revision(plan.doc, plan.doc), lang).version(plan.doc)
    return author[:1].upper() + author[1:], f"{plan.document['date']}T00:00:00Z"


def render_evaluation(spec: Path, progress_files: Sequence[Path], settings: RenderSettings, *,
                      weights_file: Path | None = None, write: bool = True,
                      settle_heap: bool = False, pause_collector: bool = False) -> RenderResult:
    """The evaluation pack of one spec and one or more years of progress, in every format of
    `settings.formats` (the workbook too, with `xlsx`), into `settings.outdir`.

    `settle_heap` and `pause_collector` as for `render_spec` (the `evaluate` command, a
    one-shot process, asks for both)."""
    from generator.heap import collector_paused, settle
    from generator.spec import check_spec
    from generator.spec.model import build_model
    from generator.spec.progress import check_progress_files
    from generator.spec.weights import load_weights

    doc, warnings = check_spec(spec, str(spec), strict=settings.strict,
                               framework=settings.framework)
    plan = build_model(doc)
    progresses, found = check_progress_files(progress_files, plan, spec,
                                             strict=settings.strict)
    warnings.extend(found)
    latest = progresses[-1]
    weights = load_weights(weights_file).for_year(latest.year)
    if settle_heap:
        settle([*preload_modules(settings), "generator.documents.evaluation"])
    pause = collector_paused if pause_collector else contextlib.nullcontext
    result = RenderResult(warnings=warnings)
    write_documents([functools.partial(_evaluation_document, doc, plan, progresses, weights,
                                       settings)], settings, result, pause=pause, write=write)
    return result


def _evaluation_document(doc: SpecDocument, plan: Masterplan, progresses: Sequence[Progress],
                         weights: Weights, settings: RenderSettings) -> Document:
    """The evaluation pack's `Document` (its HTML, charts and workbook)."""
    from generator.documents.charts import Canvas
    from generator.documents.context import build_context
    from generator.documents.evaluation import EvaluationBuilder
    from generator.documents.logo import needs_card
    from generator.documents.naming import document_meta, output_stem
    from generator.output import stamp_for
    from generator.spec.assets import resolve_image

    latest = progresses[-1]
    lang = settings.document_lang(plan.document.get("language"))
    base = build_context(plan, lang, {})
    builder = EvaluationBuilder(plan, progresses, weights, lang, base)
    needs = needs_of(settings.replace(documents=("evaluation",)))
    # the pack has its own two charts, none of the masterplan's
    charts = builder.charts(Canvas(draw=needs.draws, png=needs.png))
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
        kind=kind.name, stem=stem, html=document_html(
            kind, {**context, **meta}, _environment(settings), settings)
        if kind.name in needs.html else "",
        title=meta["title"], author=meta["author"], subject=meta["subject"],
        keywords=meta["keywords"], language=lang, created=stamp_for(latest.date),
        pdf_variant=settings.pdf_variant, reference_docx=settings.reference_docx,
        header=f"{context['region']['government']} · {meta['title']}",
        chart_images={key: chart.png for key, chart in charts.items()},
        dimension_colours=context["dimension_colours"],
        chart_data=chart_data(charts), docx_charts=settings.docx_charts,
        reference_pptx=settings.reference_pptx,
        data={"workbook": builder.workbook(),
              **writer_data(kind.name, {**context, **meta}, settings)})
    return document


def check_revision(old: Path, new: Path, *, strict: bool = False) -> Revision:
    """Both versions of a spec loaded and validated (the problems of both reported
    together), and the changes from `old` to `new`."""
    from generator.errors import SpecError
    from generator.spec import check_spec
    from generator.spec.diff import compare

    docs, problems = [], []
    for path in (old, new):
        try:
            doc, _ = check_spec(path, str(path), strict=strict)
        except SpecError as exc:
            problems.extend(exc.diagnostics)
            continue
        docs.append(doc)
    if problems:
        raise SpecError(problems)
    return compare(docs[0], docs[1])


def render_revision(old: Path, new: Path, settings: RenderSettings, *,
                    write: bool = True) -> RenderResult:
    """The change matrix from `old` to `new` (`masterplan diff -f pdf,html,docx`), in every
    format of `settings.formats`, into `settings.outdir`."""
    from generator.documents.context import build_context
    from generator.documents.naming import document_meta, output_stem
    from generator.documents.revision import RevisionView
    from generator.output import stamp_for
    from generator.spec.model import build_model

    revision = check_revision(old, new, strict=settings.strict)
    plan = build_model(revision.new)
    lang = settings.document_lang(plan.document.get("language"))
    view = RevisionView(revision, lang)
    context = {**build_context(plan, lang, {}), "rv": view.context()}
    context["t"] = {**context["t"], **view.t}
    kind = KINDS["revision"]
    meta = document_meta(kind, context)
    document = Document(
        kind=kind.name, stem=output_stem(plan.region, int(plan.cohort["year"]), kind.name),
        html=document_html(kind, {**context, **meta}, _environment(settings), settings),
        title=meta["title"], author=meta["author"], subject=meta["subject"],
        keywords=meta["keywords"], language=lang, created=stamp_for(plan.document["date"]),
        pdf_variant=settings.pdf_variant, reference_docx=settings.reference_docx,
        header=f"{context['region']['government']} · {meta['title']}")
    result = RenderResult()
    write_documents([lambda: document], settings, result, write=write)
    return result


def render_report(cohort: CohortInfo, items: Sequence[CohortItem],
                  settings: RenderSettings, *, write: bool = True) -> RenderResult:
    """The cohort report of the specs whose figures `items` holds, into `settings.outdir`
    (with `write` False: into `RenderResult.files`)."""
    from generator.documents.naming import report_stem
    from generator.documents.report import build_report_context
    from generator.output import stamp_for
    from generator.spec.framework import bundled_framework, bundled_names, default_framework
    from generator.spec.frameworks import framework_option

    kind = KINDS["report"]
    lang = settings.lang or "id"
    named = next((i.data.get("framework") for i in items if i.data is not None), None)
    framework = (framework_option(settings.framework) if settings.framework
                 else bundled_framework(named) if named in bundled_names()
                 else default_framework())
    context = build_report_context(cohort, items, lang, framework)
    html = document_html(kind, context, _environment(settings), settings)
    document = Document(
        kind=kind.name, stem=report_stem(cohort), html=html, title=context["title"],
        author=context["author"], subject=context["subject"], keywords=context["keywords"],
        language=lang, created=stamp_for(context["created"]),
        pdf_variant=settings.pdf_variant, reference_docx=settings.reference_docx,
        docx_toc=settings.docx_toc,
        header=f"{context['subtitle']} · {context['title']}",
        dimension_colours=context["dimension_colours"])
    result = RenderResult()
    write_documents([lambda: document], settings, result, write=write)
    return result


def wants_png(settings: RenderSettings) -> bool:
    """Whether a writer of `settings.formats` needs the charts as PNG: the DOCX only for
    `--docx-charts picture` (every chart of a spec has its figures for a native chart)."""
    return any(WRITERS[name].chart_images
               and not (name == "docx" and settings.docx_charts == "native")
               for name in settings.formats)


def chart_data(charts: dict[str, Any]) -> dict[str, Any]:
    """Chart key → its figures, for the writers that draw native charts."""
    return {key: chart.data for key, chart in charts.items() if chart.data is not None}


def writer_data(kind: str, context: dict[str, Any], settings: RenderSettings) -> dict[str, Any]:
    """What the writers of `settings.formats` read besides the HTML (`Writer.data`): the
    `deck` of a document kind, built from its context, for the PPTX writer."""
    wanted = {item for name in settings.formats if WRITERS[name].writes(kind)
              for item in WRITERS[name].data}
    if "deck" not in wanted:
        return {}
    from generator.documents.decks import build_deck

    return {"deck": build_deck(kind, context)}


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
                if not writer.writes(document.kind):
                    continue  # a deck of a kind that has none (`render.skipped_kinds`)
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
