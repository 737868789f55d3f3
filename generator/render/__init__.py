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
    """Refuse (a usage error) a format asked for a document kind its writer cannot write."""
    from generator.errors import UsageError

    for name in formats:
        writer = WRITERS[name]
        refused = [kind for kind in kinds if not writer.writes(kind)]
        if refused:
            raise UsageError(f"format `{name}` is only for the document kind(s)"
                             f" {', '.join(writer.kinds)}, not {', '.join(refused)}")


register(Writer("pdf", "generator.render.pdf:write_pdf", "pdf",
                modules=("generator.render.pdf",)))
register(Writer("html", "generator.render.html:write_html", "html"))
register(Writer("docx", "generator.render.docx:write_docx", "docx", chart_images=True,
                modules=("generator.render.docx",)))
register(Writer("xlsx", "generator.render.xlsx:write_xlsx", "xlsx",
                modules=("generator.render.xlsx", "openpyxl"), kinds=("evaluation",)))
register(Writer("pptx", "generator.render.pptx:write_pptx", "pptx",
                modules=("generator.render.pptx",),
                kinds=("quickwins", "summary", "evaluation"), data=("deck",)))
