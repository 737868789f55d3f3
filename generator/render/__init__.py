"""The writers: one per output format, in one registry.

Every writer turns the same HTML of one document (`Document`) into the bytes of one file.
A writer is named as ``module:function`` and imported on first use, so `--help` and
`validate` never import WeasyPrint or python-docx. Adding a format is one module with a
`write(document) -> Written` function and one `register(Writer(...))`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from generator.errors import Diagnostic


@dataclass
class Document:
    """One document, ready for the writers: its HTML and everything a file's metadata needs."""

    kind: str
    stem: str
    html: str
    title: str
    author: str
    subject: str
    keywords: list[str]
    language: str
    created: datetime
    #: a PDF variant (`generator.settings.PDF_VARIANTS`: PDF/A, PDF/UA), or None
    pdf_variant: str | None = None
    #: the Word styles of the DOCX
    reference_docx: Path | None = None
    #: the page numbers of the DOCX contents (`generator.settings.DOCX_TOCS`): "pages"
    #: measured with LibreOffice when it is installed, "field" left to Word
    docx_toc: str = "field"
    #: the running header of formats that draw their own (DOCX); None: the HTML's own
    #: `header.running` (the draft mark of a legal draft), if any
    header: str | None = ""
    #: chart key → PNG, for formats that cannot take the SVG in the HTML
    chart_images: dict[str, bytes] = field(default_factory=dict)
    #: dimension key → colour (#rrggbb) of the framework: a roadmap cell `td.dim-KEY`'s fill
    #: in formats that do not read the stylesheet (DOCX)
    dimension_colours: dict[str, str] = field(default_factory=dict)
    #: chart key → its figures (`generator.documents.charts.ChartData`), for native charts
    chart_data: dict[str, Any] = field(default_factory=dict)
    #: the charts of the DOCX: "native" or "picture" (`generator.settings.DOCX_CHARTS`)
    docx_charts: str = "picture"
    #: the master slides and layouts of the PPTX
    reference_pptx: Path | None = None
    #: (file name, bytes, description) attached to an archival PDF
    attachments: list[tuple[str, bytes, str]] = field(default_factory=list)
    #: figures for writers that build their own structure rather than read the HTML (the
    #: evaluation's `workbook` for `xlsx`, the `deck` of the document for `pptx`)
    data: dict[str, Any] = field(default_factory=dict)
    #: a redline (`render --redline`): the (author, ISO date) of its tracked changes
    revision: tuple[str, str] | None = None


@dataclass
class Written:
    data: bytes
    warnings: list[Diagnostic] = field(default_factory=list)


@dataclass(frozen=True)
class Writer:
    format: str
    #: ``module:function`` taking a `Document`, returning `Written`
    target: str
    #: the file name extension
    extension: str
    #: the writer wants the charts as PNG too (`Document.chart_images`)
    chart_images: bool = False
    #: it reads `Document.html` (else the pipeline leaves it empty: a deck, a workbook)
    html: bool = True
    #: it shows the charts' SVG of the HTML (else the pipeline need not draw them)
    chart_svg: bool = True
    #: what a process that renders this format imports before its first render
    modules: tuple[str, ...] = ()
    #: the document kinds it can write; empty: every kind (it reads the HTML)
    kinds: tuple[str, ...] = ()
    #: what of `Document.data` it reads that the pipeline makes only when asked: "deck"
    #: (`generator.documents.decks`, built from the format-neutral context)
    data: tuple[str, ...] = ()

    def writes(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds

    def load(self) -> Callable[[Document], Written]:
        module, _, function = self.target.partition(":")
        writer: Callable[[Document], Written] = getattr(importlib.import_module(module),
                                                        function)
        return writer


WRITERS: dict[str, Writer] = {}


def register(writer: Writer) -> Writer:
    """Add (or replace) the writer of a format."""
    WRITERS[writer.format] = writer
    return writer


def format_names() -> tuple[str, ...]:
    return tuple(WRITERS)


def check_formats(kinds: tuple[str, ...], formats: tuple[str, ...]) -> None:
    """Refuse (a usage error) a format that can write none of the document kinds asked for
    (`--document masterplan -f pptx`). One that writes some of them (`--document all
    -f pdf,pptx`: the decks of the kinds that have one) makes those; `skipped_kinds`
    names the others."""
    from generator.errors import LocalizedUsageError

    for name in formats:
        writer = WRITERS[name]
        if kinds and not any(writer.writes(kind) for kind in kinds):
            raise LocalizedUsageError("usage.format_kinds", format=name,
                                      kinds=", ".join(writer.kinds), refused=", ".join(kinds))


def skipped_kinds(kinds: tuple[str, ...], formats: tuple[str, ...]
                  ) -> list[tuple[str, tuple[str, ...]]]:
    """For each format of `formats` that writes only some of `kinds`: the format and the
    kinds it leaves out (the pipeline makes no file of them in that format)."""
    skipped = []
    for name in formats:
        left_out = tuple(kind for kind in kinds if not WRITERS[name].writes(kind))
        if left_out:
            skipped.append((name, left_out))
    return skipped


register(Writer("pdf", "generator.render.pdf:write_pdf", "pdf",
                modules=("generator.render.pdf",)))
register(Writer("html", "generator.render.html:write_html", "html"))
register(Writer("docx", "generator.render.docx:write_docx", "docx", chart_images=True,
                chart_svg=False, modules=("generator.render.docx",)))
register(Writer("xlsx", "generator.render.xlsx:write_xlsx", "xlsx", html=False,
                chart_svg=False, modules=("generator.render.xlsx", "openpyxl"),
                kinds=("evaluation",)))
register(Writer("pptx", "generator.render.pptx:write_pptx", "pptx", html=False,
                chart_svg=False, modules=("generator.render.pptx",),
                kinds=("quickwins", "summary", "evaluation"), data=("deck",)))
