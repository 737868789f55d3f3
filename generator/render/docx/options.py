"""What the converter is told besides the HTML: `DocxOptions`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from generator.render.docx.ooxml import clean_text

LANGUAGE_TAGS = {"id": "id-ID", "en": "en-US"}


@dataclass(frozen=True)
class DocxOptions:
    """Everything about the DOCX that is not the HTML itself."""

    title: str = ""
    author: str = ""
    subject: str = ""
    keywords: Sequence[str] = ()
    language: str = "id"
    created: datetime | None = None
    header: str | None = None  # running header text; default: the HTML's header.running
    reference_docx: Path | None = None
    charts: Mapping[str, bytes] = field(default_factory=dict)  # data-chart key → PNG
    #: data-chart key → the chart's figures (`generator.documents.charts.ChartData`): these
    #: charts become native Word charts instead of their PNG (`--docx-charts native`)
    native_charts: Mapping[str, Any] = field(default_factory=dict)
    #: page numbers in the pre-filled table of contents: "" none (Word fills them when it
    #: updates the field), "placeholder" a placeholder as wide as any (the layout pass of
    #: `generator.render.docx.toc`), "pages" those of `toc_pages`
    toc_numbers: str = ""
    #: bookmark name → page number, for `toc_numbers` "pages"
    toc_pages: Mapping[str, int] = field(default_factory=dict)
    #: `dim-KEY` class → fill (RRGGBB) of a roadmap cell: the framework's colours
    dimension_fills: Mapping[str, str] = field(default_factory=dict)
    #: (author, ISO date) of the tracked changes of a redline; None: ins/del are no changes
    revision: tuple[str, str] | None = None

    @property
    def language_tag(self) -> str:
        """The language as Word writes it (``id-ID``)."""
        tag = clean_text(self.language or "id")
        return LANGUAGE_TAGS.get(tag, tag)
