"""`masterplan render`: load → validate → model → context → HTML → {PDF, DOCX, HTML} → files.

Every output is produced in memory first and written atomically afterwards, so a failed
render leaves nothing behind; the same input gives byte-identical files.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import Diagnostic, UsageError

FORMATS = ("pdf", "html", "docx")


@dataclass
class RenderRequest:
    spec: Path
    documents: list[str]
    formats: list[str]
    outdir: Path
    lang: str | None = None
    template_dir: Path | None = None
    pdf_variant: str | None = None
    reference_docx: Path | None = None
    strict: bool = False
    # A one-shot process (the `render` command): freeze the heap once the spec is known good
    # (`generator.heap`). Never for a process that renders again and again.
    settle_heap: bool = False
    # Pause the cyclic collector while each document is made, collect after it
    # (`generator.heap.collector_paused`): the render command and batch workers.
    pause_collector: bool = False


@dataclass
class RenderResult:
    outputs: list[Path] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    pages: dict[str, int] = field(default_factory=dict)


def parse_list(value: str, allowed: tuple[str, ...], what: str, extra: tuple[str, ...] = ()) -> \
        list[str]:
    items = [v.strip().lower() for v in value.split(",") if v.strip()]
    result: list[str] = []
    for item in items:
        if item in extra:
            result.extend(allowed)
        elif item in allowed:
            result.append(item)
        else:
            raise UsageError(f"unknown {what} `{item}`; choose from "
                             f"{', '.join(allowed + extra)}")
    if not result:
        raise UsageError(f"no {what} given")
    return list(dict.fromkeys(result))


#: The longest slug in a file name: with the code, type, year and document a name stays far
#: below the 255 bytes most file systems allow, however long the region's name is.
SLUG_LIMIT = 60


def slug(text: str) -> str:
    """ASCII, lower case, words joined by `-`, cut at a word boundary after `SLUG_LIMIT`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    result = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "daerah"
    if len(result) > SLUG_LIMIT:
        cut = result[:SLUG_LIMIT + 1].rpartition("-")[0]  # "" when there is no boundary
        result = cut if len(cut) >= SLUG_LIMIT // 2 else result[:SLUG_LIMIT].rstrip("-")
    return result


def output_stem(region: dict[str, Any], cohort_year: int, document: str) -> str:
    """`3510-kabupaten-banyuwangi-2017-masterplan`: keyed on the code, never the name alone."""
    code = str(region["code"]).replace(".", "")
    return f"{code}-{region['type']}-{slug(str(region['name']))}-{cohort_year}-{document}"


def document_meta(kind: str, context: dict[str, Any]) -> dict[str, Any]:
    t, region, document = context["t"], context["region"], context["document"]
    base = document["title"] if kind == "masterplan" else t[f"doc_{kind}"]
    name = region["full_name"]
    title = base if name.lower() in base.lower() else f"{base} {name}"
    if document["period"] not in title:
        title = f"{title} {document['period']}"
    authors = list(document["authors"]) or [region["government"]]
    if document["consultant"]:
        authors.append(document["consultant"])
    return {"title": title, "author": "; ".join(authors),
            "subject": f"{t['doc_' + kind]} – {region['full_name']}",
            "keywords": ["smart city", "masterplan", region["full_name"], region["province"],
                         f"{t['cohort']} {context['cohort']['year']}"]}


def render(request: RenderRequest) -> RenderResult:
    from generator.assets import resolve_image
    from generator.charts import make_charts
    from generator.context import build_context
    from generator.heap import collector_paused
    from generator.output import atomic_write, stamp_for
    from generator.render.html import make_environment, render_html
    from generator.render.labels import labels
    from generator.spec import check_spec
    from generator.spec.model import build_model

    doc, warnings = check_spec(request.spec, str(request.spec), strict=request.strict)
    plan = build_model(doc)
    if request.settle_heap:
        from generator.heap import settle

        settle(request.formats)
    pause = collector_paused if request.pause_collector else contextlib.nullcontext
    with pause():
        lang = request.lang or str(plan.document.get("language", "id"))
        env = make_environment(request.template_dir)
        charts = make_charts(plan, lang, labels(lang), png="docx" in request.formats)
        context = build_context(plan, lang, charts)
        logo = plan.region.get("logo")
        if logo:
            context["logo"] = resolve_image(doc, ("region", "logo"), str(logo)).data_uri
    created = stamp_for(plan.document["date"])

    produced: list[tuple[Path, bytes]] = []
    result = RenderResult(warnings=warnings)
    for kind in request.documents:
        with pause():  # one document at a time: its cyclic garbage is collected after it
            meta = document_meta(kind, context)
            html = render_html(kind, {**context, **meta}, env,
                               user_templates=request.template_dir is not None)
            stem = output_stem(plan.region, int(plan.cohort["year"]), kind)
            if "html" in request.formats:
                produced.append((request.outdir / f"{stem}.html", html.encode("utf-8")))
            if "pdf" in request.formats:
                from generator.render.pdf import PdfOptions, render_pdf

                attachments = []
                if request.pdf_variant:
                    safe_name = re.sub(r"[^A-Za-z0-9._-]", "_", request.spec.name).strip("._")
                    attachments.append((safe_name or f"{stem}.yaml", doc.source_bytes,
                                        "Masterplan spec (YAML) this document was made from"))
                options = PdfOptions(title=meta["title"], author=meta["author"],
                                     subject=meta["subject"], keywords=meta["keywords"],
                                     language=lang, created=created,
                                     variant="pdf/a-3b" if request.pdf_variant else None,
                                     attachments=attachments)
                produced.append((request.outdir / f"{stem}.pdf", render_pdf(html, [], options)))
            if "docx" in request.formats:
                from generator.render.docx import DocxOptions, convert

                docx_options = DocxOptions(title=meta["title"], author=meta["author"],
                                           subject=meta["subject"], keywords=meta["keywords"],
                                           language=lang, created=created,
                                           header=f"{context['region']['government']} · "
                                                  f"{meta['title']}",
                                           reference_docx=request.reference_docx,
                                           charts={k: c.png for k, c in charts.items()})
                converted = convert(html, docx_options)
                if kind == request.documents[0]:  # the same reference file: warn once
                    result.warnings.extend(converted.diagnostics(request.reference_docx))
                produced.append((request.outdir / f"{stem}.docx", converted.data))
    for path, data in produced:
        atomic_write(path, data)
        result.outputs.append(path)
    return result

