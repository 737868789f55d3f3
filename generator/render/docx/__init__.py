"""The HTML document to DOCX bytes, with the Word styles of a reference document.

The same semantic HTML that WeasyPrint turns into the PDF is walked once with lxml and
written as WordprocessingML: each element and class of the template vocabulary becomes what
its rule in the style map says (`stylemap.VOCABULARY`, listed in docs/templates.md), so the
two formats cannot drift apart in content and restyling the Word output means editing one
.docx. A class no rule maps is reported (`DocxWarning` docx.unmapped_class), not dropped.

The package, from the bottom up (each module imports only those above it in this list):
ooxml (XML builders), stylemap (the rule table), options, measure (column widths),
pictures, numbering, archive (a zip inflated under real caps), sanitize (what a reference
may bring, and the last check of the output), reference (the reference DOCX), package (core
properties, zip), page (page setup), revisions (the tracked changes of a redline),
translator (the walk and its dispatch), then the
handlers in sections, blocks, inline and tables, and writer (the handlers registered, the
walk run); libreoffice (the pages of the bookmarks, measured by LibreOffice headless)
stands apart.

Decisions:

- Headings are numbered by Word (multi-level numbering linked to Heading 1–4) and the
  number text of the HTML (``span.num``) is dropped; a heading whose HTML number the Word
  numbering would not reproduce keeps its text instead (`numbering.HeadingNumbers`).
- The table of contents is a real ``TOC`` field of the levels the HTML lists, pre-filled
  with the entries of the HTML and rebuilt by Word on opening (``w:updateFields``);
  LibreOffice shows the pre-filled entries until "Update index". With LibreOffice
  installed (`libreoffice`), the pre-filled entries carry the page numbers LibreOffice
  lays out, written by a second pass of our converter (never LibreOffice's own re-saved
  file). Lists of tables and figures carry PAGEREF fields, which LibreOffice computes on
  load and Word on opening.
- The cover is its own section without header or footer, on a page-sized picture of the
  cover colour anchored behind the text (plain DrawingML, no Word 2010 extensions), its
  text white; ``section.landscape`` content gets a landscape section, and portrait resumes
  after it.
- Spec text is only ever text: characters XML forbids are removed, links are kept only for
  http, https and mailto (or internal anchors), pictures come only from the chart PNGs the
  caller passes and from ``data:`` URLs, checked by Pillow. Any problem is a `RenderError`
  and no bytes are returned, so the caller never writes a half-made file.
- A consultant's reference document gives its styles, numbering, theme, fonts, settings and
  page setup, nothing else: its other parts and every external relationship are dropped
  (an ``attachedTemplate`` would make Word fetch a URL whenever the masterplan is opened),
  with a warning naming what would have reached outside. The written package is checked:
  no relationship points outside it except the http, https and mailto hyperlinks of the
  document's text, which Word follows when clicked, never on opening.
- Whatever validates is written: core properties longer than Word's 255 characters (a
  500-character title, many authors) are shortened at a word boundary with an ellipsis.
- The same input gives the same bytes: fixed core properties and zip entries.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.errors import Diagnostic, SourceSpan
from generator.render import Document, Written
from generator.render.docx import libreoffice
from generator.render.docx.options import DocxOptions
from generator.render.docx.package import finish
from generator.render.docx.reference import open_reference
from generator.render.docx.stylemap import DocxWarning
from generator.render.docx.translator import bookmark_names
from generator.render.docx.writer import has_contents, parse, write

__all__ = ["DocxOptions", "DocxResult", "DocxWarning", "convert", "convert_with_pages",
           "render_docx", "write_docx"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocxResult:
    data: bytes
    warnings: tuple[DocxWarning, ...] = ()

    def diagnostics(self, reference: Path | None) -> list[Diagnostic]:
        """The warnings as diagnostics naming the file they are about: the reference file
        (a .docx has no lines), or the template or document of an unmapped class."""
        return [Diagnostic(SourceSpan(w.source or str(reference), 0, 0), "warning", w.where,
                           w.code, dict(w.params)) for w in self.warnings]


def render_docx(html: str, options: DocxOptions) -> bytes:
    """The DOCX bytes; warnings (styles missing from --reference-docx, classes the style
    map does not know) are logged.

    `convert` returns the warnings as data instead, for the caller to report.
    """
    result = convert(html, options)
    for warning in result.warnings:
        logger.warning("%s", warning.message)
    return result.data


def convert(html: str, options: DocxOptions) -> DocxResult:
    """Convert the document `html` to DOCX; raise `RenderError` on anything unusable."""
    return _convert(parse(html), options)


def _convert(root: Any, options: DocxOptions) -> DocxResult:
    document, warnings = open_reference(options.reference_docx)
    warnings += write(document, options, root)
    return DocxResult(finish(document, options), tuple(warnings))


def convert_with_pages(html: str, options: DocxOptions,
                       soffice: str | None) -> tuple[DocxResult, DocxWarning | None]:
    """The DOCX with the page numbers of its table of contents as LibreOffice `soffice`
    lays the document out (see `libreoffice`), and None; without LibreOffice, or when it
    fails, the DOCX without page numbers and a warning that says why."""
    root = parse(html)
    if not has_contents(root):
        return _convert(root, options), None
    if soffice is None:
        return _convert(root, options), DocxWarning(
            "docx.toc_no_libreoffice", {}, "the DOCX table of contents has no page numbers: "
            "LibreOffice (soffice) was not found")
    measured = _convert(root, replace(options, toc_numbers="placeholder"))
    try:
        found = libreoffice.bookmark_pages(measured.data, soffice)
    except libreoffice.LibreOfficeError as error:
        return _convert(root, options), DocxWarning(
            "docx.toc_libreoffice_failed", {"reason": error.reason},
            f"the DOCX table of contents has no page numbers: {error.reason}")
    pages = {name: page for name in bookmark_names(root).values()
             if (page := libreoffice.page_of(found, name)) is not None}
    return _convert(root, replace(options, toc_numbers="pages", toc_pages=pages)), None


def write_docx(document: Document) -> Written:
    """The DOCX writer of the registry (`generator.render.WRITERS`): with `docx_toc`
    "pages" the contents carry their page numbers (LibreOffice measures them), else Word
    fills them on opening."""
    options = DocxOptions(title=document.title, author=document.author,
                          subject=document.subject, keywords=document.keywords,
                          language=document.language, created=document.created,
                          header=document.header, reference_docx=document.reference_docx,
                          charts=document.chart_images,
                          dimension_fills={f"dim-{key}": colour.lstrip("#").upper()
                                           for key, colour in document.dimension_colours.items()},
                          revision=document.revision,
                          native_charts=document.chart_data
                          if document.docx_charts == "native" else {})
    if document.docx_toc != "pages":
        converted = convert(document.html, options)
        return Written(converted.data, converted.diagnostics(document.reference_docx))
    converted, note = convert_with_pages(document.html, options, libreoffice.executable())
    warnings = converted.diagnostics(document.reference_docx)
    if note is not None:
        warnings.append(Diagnostic(SourceSpan(f"{document.stem}.docx", 0, 0), "warning", "",
                                   note.code, dict(note.params)))
    return Written(converted.data, warnings)
