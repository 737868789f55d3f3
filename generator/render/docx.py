"""The HTML document to DOCX bytes, with the Word styles of a reference document.

The same semantic HTML that WeasyPrint turns into the PDF is walked once with lxml and
written as WordprocessingML: each element and class of the template vocabulary becomes a
Word style (`docx_styles.VOCABULARY`), so the two formats cannot drift apart in content and
restyling the Word output means editing one .docx (docs/templates.md lists the mapping).

Decisions:

- Headings are numbered by Word (multi-level numbering linked to Heading 1–4) and the
  number text of the HTML (``span.num``) is dropped; a heading whose HTML number the Word
  numbering would not reproduce keeps its text instead (`docx_styles.HeadingNumbers`).
- The table of contents is a real ``TOC`` field, pre-filled with the entries of the HTML and
  rebuilt by Word on opening (``w:updateFields``); LibreOffice shows the pre-filled entries
  until "Update index". Lists of tables and figures carry PAGEREF fields, which LibreOffice
  computes on load and Word on opening.
- The cover is its own section without header or footer; ``section.landscape`` content gets
  a landscape section, and portrait resumes after it.
- Spec text is only ever text: characters XML forbids are removed, links are kept only for
  http, https and mailto (or internal anchors), pictures come only from the chart PNGs the
  caller passes and from ``data:`` URLs, checked by Pillow. Any problem is a `RenderError`
  and no bytes are returned, so the caller never writes a half-made file.
- The same input gives the same bytes: fixed core properties and zip entries.
"""

from __future__ import annotations

import copy
import io
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from lxml import etree
from lxml import html as lxml_html

from generator.errors import Diagnostic, RenderError, SourceSpan
from generator.render import docx_ooxml as ox
from generator.render import docx_styles as ds
from generator.render.docx_ooxml import PLAIN, RunFormat, W
from generator.render.docx_styles import DocxWarning

__all__ = ["DocxOptions", "DocxResult", "DocxWarning", "convert", "render_docx"]

logger = logging.getLogger(__name__)

EMU_PER_TWIP = 635
EMU_PER_CM = 360000
EMU_PER_PIXEL = 9525  # at 96 dpi
MAX_DEPTH = 120  # element nesting; our templates use < 20, Markdown is capped at 8
MAX_URL = 2000
DEFAULT_DATE = datetime(2000, 1, 1, tzinfo=UTC)
LANGUAGE_TAGS = {"id": "id-ID", "en": "en-US"}
TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'
COVER_LOGO_HEIGHT_CM = 3.8  # as `.cover-logo img { height: 38mm }`
CELL_PADDING = 2 * 113  # twips left and right of a cell's text

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
})
CONTAINER_TAGS = frozenset({"section", "article", "main", "div", "aside", "footer", "form",
                            "fieldset", "details", "address", "header"})
SKIPPED_TAGS = frozenset({"head", "script", "style", "template", "title", "meta", "link",
                          "noscript", "object", "embed", "iframe", "svg", "math"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_COVER_STYLES = (("cover-kicker", "Cover Kicker"), ("cover-title", "Title"),
                 ("cover-subtitle", "Subtitle"), ("cover-region", "Cover Region"),
                 ("cover-period", "Cover Period"), ("cover-meta", "Cover Meta"),
                 ("signature", "Signature"), ("status", "Status"),
                 ("keyfigure", "Key Figure"))
_ROW_GROUPS = {"thead": "head", "tbody": "body", "tfoot": "foot"}
_COMPACT_SIZES = {"matrix": 14, "wide": 16}  # half-points, as table.matrix / table.wide
_CELL_SIZE = 19  # 9.5 pt, the table text of style.css


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


@dataclass(frozen=True)
class DocxResult:
    data: bytes
    warnings: tuple[DocxWarning, ...] = ()

    def diagnostics(self, reference: Path | None) -> list[Diagnostic]:
        """The warnings as diagnostics naming the reference file (a .docx has no lines)."""
        return [Diagnostic(SourceSpan(str(reference), 0, 0), "warning", "", w.code,
                           dict(w.params)) for w in self.warnings]


def render_docx(html: str, options: DocxOptions) -> bytes:
    """The DOCX bytes; warnings (styles missing from --reference-docx) are logged.

    `convert` returns the warnings as data instead, for the caller to report.
    """
    result = convert(html, options)
    for warning in result.warnings:
        logger.warning("%s", warning.message)
    return result.data


def convert(html: str, options: DocxOptions) -> DocxResult:
    """Convert the document `html` to DOCX; raise `RenderError` on anything unusable."""
    root = _parse(html)
    document, warnings = _open_reference(options.reference_docx)
    _Writer(document, options, root).write()
    return DocxResult(_finish(document, options), tuple(warnings))


# --- input and output --------------------------------------------------------------------------


def _parse(html: str) -> Any:
    text = ox.clean_text(html)
    if not text.strip():
        raise RenderError("DOCX: the HTML document is empty")
    try:
        parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True,
                                      no_network=True, huge_tree=True)
        return lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise RenderError(f"DOCX: the HTML cannot be parsed ({error})") from None


def _open_reference(path: Path | None) -> tuple[Any, list[DocxWarning]]:
    from docx import Document

    builtin = ds.builtin_reference()
    if path is None:
        return Document(str(builtin)), []
    data = ds.check_reference_file(path)
    try:
        document = Document(io.BytesIO(data))
        document.part.numbering_part  # noqa: B018 - created now if the file has none
    except Exception as error:  # python-docx raises anything from KeyError to XMLSyntaxError
        raise RenderError(f"--reference-docx {path}: not a usable Word document "
                          f"({type(error).__name__}: {error})") from None
    ours = Document(str(builtin))
    warnings = ds.merge_missing_styles(document.styles.element, ours.styles.element,
                                       path.name)
    return document, warnings


def _finish(document: Any, options: DocxOptions) -> bytes:
    # python-docx writes the dates as given, with a "Z": hand it UTC without a zone.
    created = (options.created or DEFAULT_DATE).astimezone(UTC).replace(tzinfo=None)
    props = document.core_properties
    props.title = ox.clean_text(options.title)
    props.author = ox.clean_text(options.author)
    props.subject = ox.clean_text(options.subject)
    props.keywords = ox.clean_text(", ".join(options.keywords))
    props.language = _language_tag(options.language)
    props.last_modified_by = ox.clean_text(options.author)
    for name in ("comments", "category", "content_status", "identifier", "version"):
        setattr(props, name, "")
    props.revision = 1
    props.created = created
    props.modified = created
    props.last_printed = created
    buffer = io.BytesIO()
    document.save(buffer)
    return ox.normalise_zip(buffer.getvalue(), created)


def _language_tag(language: str) -> str:
    tag = ox.clean_text(language or "id")
    return LANGUAGE_TAGS.get(tag, tag)


def _classes(element: Any) -> set[str]:
    return set(str(element.get("class", "")).split())


# --- the walk ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Ctx:
    """Where the walk is: the paragraph style for loose text, the run format, and more."""

    style: str = "Body Text"
    fmt: RunFormat = PLAIN
    list_depth: int = 0
    narrative: bool = False
    in_cell: bool = False
    width: int = 0  # twips available to a table or picture here
    depth: int = 0
    jc: str | None = None  # alignment of every paragraph (table cells)

    def but(self, **changes: Any) -> _Ctx:
        return replace(self, **changes)

    def deeper(self, **changes: Any) -> _Ctx:
        return replace(self, depth=self.depth + 1, **changes)


@dataclass
class _ListItem:
    """The list item being written: its first paragraph takes the number or bullet."""

    style: str
    continue_style: str
    numbering: tuple[int, int]
    started: bool = False


@dataclass
class _Segment:
    """A piece of a paragraph: text with its format, a line break or a picture."""

    text: str = ""
    fmt: RunFormat = PLAIN
    link: tuple[str, str] | None = None  # ("rel", rId) or ("anchor", bookmark)
    kind: str = "text"  # text | break | picture
    picture: Any = None


class _Writer:
    """Writes the body of `document` from the HTML tree, in one pass."""

    def __init__(self, document: Any, options: DocxOptions, root: Any) -> None:
        self.document = document
        self.options = options
        self.root = root
        self.part = document.part
        self.styles = ds.style_ids(document.styles.element)
        self.body = document.element.body
        self.template_sect = self.body.find(W + "sectPr")
        for child in list(self.body):
            self.body.remove(child)
        self.numbering = ds.Numbering.of(self.part.numbering_part.element)
        self.headings = ds.HeadingNumbers(
            self.numbering, [self.styles.get(name) for name in ds.HEADING_STYLES])
        self.bullets_num = 0
        self.bookmarks: dict[str, str] = {}
        self.bookmark_count = 0
        self.shape_count = 0
        self.pending_break = False
        self.section_has_content = False
        self.in_landscape = False
        self.landscape_h2 = 0
        self.current_item: _ListItem | None = None
        self.header_refs: list[Any] = []
        self.widths: dict[bool, int] = {}

    def write(self) -> None:
        self._prepare_numbering()
        self._prepare_page()
        self._collect_ids()
        body = self.root.find("body")
        if body is None:
            body = self.root
        self._header(body)
        self._flow(body, self.body, _Ctx(width=self.text_width(False)))
        # The properties of the last section are the body's own sectPr.
        self.body.append(self._sect_pr(landscape=self.in_landscape))
        self._settings()

    # --- set-up --------------------------------------------------------------------------------

    def _prepare_numbering(self) -> None:
        """Our numbering definitions, and the heading and list styles linked to them."""
        self.numbering.define(ds.HEADINGS_NAME, ds.heading_levels(
            "BAB", [self.styles.get(name) for name in ds.HEADING_STYLES]))
        self.numbering.define(ds.ANNEXES_NAME, ds.annex_levels("Lampiran"))
        self.numbering.define(ds.BULLETS_NAME, ds.bullet_levels())
        self.numbering.define(ds.NUMBERS_NAME, ds.number_levels())
        headings = self.numbering.add_num(ds.HEADINGS_NAME)
        self.bullets_num = self.numbering.add_num(ds.BULLETS_NAME)
        numbers = self.numbering.add_num(ds.NUMBERS_NAME)
        index = ds.style_index(self.document.styles.element)
        for names, num_id in ((ds.HEADING_STYLES, headings),
                              (ds.BULLET_STYLES, self.bullets_num),
                              (ds.NUMBER_STYLES, numbers)):
            for level, name in enumerate(names):
                style = index.get(name.lower())
                if style is not None and name in self.styles:
                    ds.set_style_numbering(style, num_id, level)

    def _prepare_page(self) -> None:
        """A portrait page from the reference's section, and our header and footer."""
        sect = self.template_sect
        if sect is None:
            sect = etree.Element(W + "sectPr")
        for tag in ("headerReference", "footerReference", "titlePg", "type", "vAlign"):
            for old in sect.findall(W + tag):
                sect.remove(old)
        pg_sz = sect.find(W + "pgSz")
        if pg_sz is None:
            pg_sz = etree.Element(W + "pgSz")
            sect.insert(0, pg_sz)
        width = int(pg_sz.get(W + "w", ds.A4_WIDTH))
        height = int(pg_sz.get(W + "h", ds.A4_HEIGHT))
        pg_sz.set(W + "w", str(min(width, height)))
        pg_sz.set(W + "h", str(max(width, height)))
        pg_sz.attrib.pop(W + "orient", None)
        if sect.find(W + "pgMar") is None:
            pg_mar = etree.Element(W + "pgMar")
            pg_sz.addnext(pg_mar)
            for key, value in ds.PORTRAIT_MARGINS.items():
                pg_mar.set(W + key, str(value))
        self.portrait = sect
        self.body.append(sect)  # python-docx's header API works on the body's sectPr
        section = self.document.sections[-1]
        header, footer = section.header, section.footer
        header.is_linked_to_previous = False
        footer.is_linked_to_previous = False
        for part_element in (header._element, footer._element):
            for child in list(part_element):
                part_element.remove(child)
        self.header_element = header._element
        footer_p = ox.paragraph(footer._element, self.styles.get("Footer"))
        ox.field(footer_p, "PAGE", "1")
        self.header_refs = [ref for ref in sect if etree.QName(ref).localname in (
            "headerReference", "footerReference")]
        for ref in self.header_refs:
            sect.remove(ref)
        self.body.remove(sect)

    def _header(self, body: Any) -> None:
        text = self.options.header
        if text is None:
            running = next((h for h in body.iter("header") if "running" in _classes(h)), None)
            if running is not None:
                text = " · ".join(" ".join(span.text_content().split())
                                  for span in running.iter("span") if span.text_content())
        p = ox.paragraph(self.header_element, self.styles.get("Header"))
        text = " ".join(ox.clean_text(text or "").split())
        if text:
            ox.text_run(p, text)

    def _collect_ids(self) -> None:
        """A bookmark name for every HTML id (internal links may point forward)."""
        used: set[str] = set()
        for element in self.root.iter():
            html_id = element.get("id") if isinstance(element.tag, str) else None
            if not html_id or html_id in self.bookmarks:
                continue
            # Word: at most 40 characters, letters, digits and "_"; a leading "_" hides it.
            name = "_" + re.sub(r"[^A-Za-z0-9_]", "_", html_id)[:36]
            if name in used:
                name = f"{name[:30]}_{len(used)}"
            used.add(name)
            self.bookmarks[html_id] = name

    def _settings(self) -> None:
        settings = self.document.settings.element
        for tag in ("updateFields", "evenAndOddHeaders"):
            for old in settings.findall(W + tag):
                settings.remove(old)
        update = etree.Element(W + "updateFields")
        update.set(W + "val", "true")
        later = {"hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
                 "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
                 "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
                 "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary",
                 "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator"}
        for child in settings:
            if isinstance(child.tag, str) and etree.QName(child).localname in later:
                child.addprevious(update)
                break
        else:
            settings.append(update)
        defaults = self.document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        if defaults is not None:
            lang = defaults.find(W + "lang")
            if lang is None:
                lang = etree.SubElement(defaults, W + "lang")
            lang.set(W + "val", _language_tag(self.options.language))

    # --- sections ------------------------------------------------------------------------------

    def text_width(self, landscape: bool) -> int:
        if landscape not in self.widths:
            sect = self._sect_pr(landscape=landscape)
            pg_sz, pg_mar = sect.find(W + "pgSz"), sect.find(W + "pgMar")
            self.widths[landscape] = (int(pg_sz.get(W + "w")) - int(pg_mar.get(W + "left", 0))
                                      - int(pg_mar.get(W + "right", 0)))
        return self.widths[landscape]

    def _sect_pr(self, *, landscape: bool, cover: bool = False) -> Any:
        sect = copy.deepcopy(self.portrait)
        if not cover:  # the cover has neither header nor footer
            for index, ref in enumerate(self.header_refs):
                sect.insert(index, copy.deepcopy(ref))
        if landscape:
            pg_sz = sect.find(W + "pgSz")
            width, height = pg_sz.get(W + "w"), pg_sz.get(W + "h")
            pg_sz.set(W + "w", height)
            pg_sz.set(W + "h", width)
            pg_sz.set(W + "orient", "landscape")
            pg_mar = sect.find(W + "pgMar")
            for key, value in ds.LANDSCAPE_MARGINS.items():
                pg_mar.set(W + key, str(value))
        return sect

    def _end_section(self, *, landscape: bool, cover: bool = False) -> None:
        """Close the section written so far: its properties go on its last paragraph."""
        last = self.body[-1] if len(self.body) else None
        if last is None or last.tag != W + "p" or last.find(f"{W}pPr/{W}sectPr") is not None:
            last = ox.paragraph(self.body, None)
        ox.attach_section(last, self._sect_pr(landscape=landscape, cover=cover))
        self.section_has_content = False
        self.pending_break = False

    # --- blocks --------------------------------------------------------------------------------

    def _flow(self, element: Any, out: Any, ctx: _Ctx) -> None:
        """The children of a block container: loose inline content becomes paragraphs in
        `ctx.style`, block children are handled by tag."""
        if ctx.depth > MAX_DEPTH:
            raise RenderError(f"DOCX: the HTML is nested more than {MAX_DEPTH} levels deep")
        inline: list[Any] = []  # text and inline elements, in order
        if element.text:
            inline.append(element.text)
        for child in element:
            if isinstance(child.tag, str):
                tag = child.tag.lower()
                if tag in BLOCK_TAGS:
                    self._loose(inline, out, ctx)
                    inline = []
                    self._block(child, tag, out, ctx)
                elif tag not in SKIPPED_TAGS:
                    inline.append(child)
            if child.tail:
                inline.append(child.tail)
        self._loose(inline, out, ctx)

    def _loose(self, inline: list[Any], out: Any, ctx: _Ctx) -> None:
        if all(isinstance(item, str) and not item.strip() for item in inline):
            return
        segments: list[_Segment] = []
        for item in inline:
            if isinstance(item, str):
                segments.append(_Segment(item, ctx.fmt))
            else:
                self._inline(item, segments, ctx.fmt, None, ctx)
        self._paragraph_from(segments, out, ctx.style, ctx)

    def _block(self, element: Any, tag: str, out: Any, ctx: _Ctx) -> None:
        classes = _classes(element)
        inner = ctx.deeper()
        if tag in CONTAINER_TAGS:
            self._container(element, tag, classes, out, inner)
        elif tag in _HEADING_TAGS:
            self._heading(element, _HEADING_TAGS[tag], classes, out, ctx)
        elif tag == "p":
            self._p(element, classes, out, ctx)
        elif tag in ("ul", "ol"):
            self._list(element, tag, out, inner)
        elif tag == "table":
            self._table(element, classes, out, inner)
        elif tag == "dl":
            self._facts(element, out, inner)
        elif tag == "figure":
            self._figure(element, classes, out, inner)
        elif tag == "blockquote":
            self._flow(element, out, inner.but(style="Quote" if "vision" in classes
                                               else "Block Text"))
        elif tag == "pre":
            self._pre(element, out, ctx)
        elif tag == "hr":
            self._new_paragraph(out, "Horizontal Line", ctx)
        elif tag == "nav":
            self._nav(element, classes, out, inner)
        elif tag in ("caption", "figcaption"):
            self._caption(element, out, ctx)
        elif tag in ("dt", "dd"):
            self._flow(element, out, inner.but(style="Fact Term" if tag == "dt"
                                               else "Fact Value"))
        else:  # li outside a list, table parts outside a table: keep their text
            self._flow(element, out, inner)

    def _container(self, element: Any, tag: str, classes: set[str], out: Any,
                   ctx: _Ctx) -> None:
        top = out is self.body
        if tag == "header" and "running" in classes:
            return  # it is the running header of every page, written by _header
        if top and tag == "section" and "cover" in classes:
            self._flow(element, out, ctx)
            self._end_section(landscape=False, cover=True)
            return
        if top and tag == "section" and "landscape" in classes:
            if self.section_has_content:
                self._end_section(landscape=self.in_landscape)
            self.in_landscape, self.landscape_h2 = True, 0
            self._flow(element, out, ctx.but(width=self.text_width(True)))
            self._end_section(landscape=True)
            self.in_landscape = False
            return
        if top and ((tag == "section" and classes & {"chapter", "front"})
                    or (tag == "article" and _starts_with_h1(element))):
            self.pending_break = self.section_has_content
        if tag == "div" and "keyfigures" in classes:
            self._keyfigures(element, out, ctx)
        elif tag == "div" and "cover-logo" in classes:
            self._flow(element, out, ctx.but(style="Cover Logo"))
        else:
            narrative = ctx.narrative or (tag == "div" and "narrative" in classes)
            self._flow(element, out, ctx.but(narrative=narrative))

    def _new_paragraph(self, out: Any, style_name: str | None, ctx: _Ctx, *,
                       numbering: tuple[int, int] | None = None,
                       keep_next: bool | None = None) -> Any:
        """A paragraph at the end of `out`; the first paragraph of a list item takes its
        number, the later ones continue it."""
        item = self.current_item
        if item is not None and style_name in (ctx.style, "Body Text", "Table Text"):
            if not item.started:
                style_name, numbering = item.style, item.numbering
                item.started = True
            else:
                style_name = item.continue_style
        page_break = False
        if out is self.body:
            page_break, self.pending_break = self.pending_break, False
            self.section_has_content = True
        return ox.paragraph(out, self.styles.get(style_name) if style_name else None,
                            page_break=page_break, numbering=numbering, jc=ctx.jc,
                            mark_size=ctx.fmt.size if ctx.in_cell else None,
                            keep_next=keep_next)

    def _paragraph_from(self, segments: list[_Segment], out: Any, style: str, ctx: _Ctx, *,
                        numbering: tuple[int, int] | None = None,
                        bookmark: str | None = None, keep_next: bool | None = None) -> Any:
        p = self._new_paragraph(out, style, ctx, numbering=numbering, keep_next=keep_next)
        self._emit(p, _normalise(segments))
        name = self.bookmarks.get(bookmark) if bookmark else None
        if name:
            self.bookmark_count += 1
            ox.bookmark(p, self.bookmark_count, name)
        return p

    def _p(self, element: Any, classes: set[str], out: Any, ctx: _Ctx) -> None:
        style = ctx.style
        if not ctx.in_cell and style == "Body Text":
            style = next((name for css, name in _COVER_STYLES if css in classes), style)
        segments: list[_Segment] = []
        self._inline_children(element, segments, self._status_fmt(classes, ctx.fmt), None,
                              ctx)
        self._paragraph_from(segments, out, style, ctx, bookmark=element.get("id"))

    def _status_fmt(self, classes: set[str], fmt: RunFormat) -> RunFormat:
        for css_class, name in ds.STATUS_STYLES.items():
            if css_class in classes and name in self.styles:
                return fmt.with_(style=self.styles[name])
        return fmt

    def _heading(self, element: Any, level: int, classes: set[str], out: Any,
                 ctx: _Ctx) -> None:
        if ctx.in_cell:  # no outline entries from inside a table
            self._p(element, classes, out, ctx.but(fmt=ctx.fmt.with_(bold=True)))
            return
        numbering: tuple[int, int] | None = None
        drop_number = False
        if ctx.narrative or level > 4:
            style = ds.NARRATIVE_HEADING_STYLES[f"h{max(level, 4)}"]
        elif "front-title" in classes:
            style, numbering = "TOC Heading", (0, 0)
        else:
            style = f"Heading {level}"
            number = _heading_number(element)
            assigned = self.headings.assign(level, number) if number else None
            if assigned:
                numbering, drop_number = assigned, True
            else:
                numbering = (0, 0)  # the style is numbered, this heading is not
        if level == 2 and self.in_landscape and out is self.body:
            self.landscape_h2 += 1  # section.landscape h2 ~ h2 { break-before: page }
            if self.landscape_h2 > 1:
                self.pending_break = True
        segments: list[_Segment] = []
        if drop_number and level == 1:  # "BAB I" on its own line, as in the PDF
            segments.append(_Segment("", PLAIN, None, kind="break"))
        self._inline_children(element, segments, PLAIN, None, ctx, drop_number=drop_number)
        self._paragraph_from(segments, out, style, ctx, numbering=numbering,
                             bookmark=element.get("id"))

    def _caption(self, element: Any, out: Any, ctx: _Ctx, bookmark: str | None = None) -> None:
        """A table's caption (kept with its table, as the Caption style says) or a figure's
        (below its picture: kept with nothing, or long keep-with-next chains of heading,
        picture, caption, table would push whole pages forward)."""
        segments: list[_Segment] = []
        self._inline_children(element, segments, PLAIN, None, ctx)
        below = element.tag == "figcaption"
        self._paragraph_from(segments, out, "Caption", ctx.but(jc=None),
                             bookmark=bookmark or element.get("id"),
                             keep_next=False if below else None)

    def _pre(self, element: Any, out: Any, ctx: _Ctx) -> None:
        text = ox.clean_text(element.text_content())
        if text.startswith("\n"):
            text = text[1:]
        p = self._new_paragraph(out, "HTML Preformatted", ctx)
        for number, line in enumerate(text.rstrip("\n").split("\n")):
            if number:
                ox.break_run(p, ctx.fmt)
            if line:
                ox.text_run(p, line.replace("\t", "    "), ctx.fmt)

    # --- lists ---------------------------------------------------------------------------------

    def _list(self, element: Any, tag: str, out: Any, ctx: _Ctx) -> None:
        level = min(ctx.list_depth, ds.MAX_LIST_LEVELS - 1)  # deeper lists stay at level 3
        if tag == "ol":
            try:
                start = max(1, min(int(element.get("start", "1")), 32767))
            except ValueError:
                start = 1
            num_id = self.numbering.add_num(ds.NUMBERS_NAME, {level: start})
            style = ds.NUMBER_STYLES[level]
        else:
            num_id = self.bullets_num
            style = ds.BULLET_STYLES[level]
        item_ctx = ctx.but(style=style, list_depth=ctx.list_depth + 1,
                           fmt=ctx.fmt.with_(size=ctx.fmt.size or (
                               _CELL_SIZE if ctx.in_cell else None)))
        outer = self.current_item
        for child in element:
            if not isinstance(child.tag, str):
                continue
            tag_name = child.tag.lower()
            if tag_name != "li":
                self.current_item = None
                if tag_name in BLOCK_TAGS:
                    self._block(child, tag_name, out, ctx)
                continue
            item = self.current_item = _ListItem(style, ds.CONTINUE_STYLES[level],
                                                 (num_id, level))
            self._flow(child, out, item_ctx)
            if not item.started:  # an empty item still shows its bullet
                self._new_paragraph(out, style, item_ctx)
        self.current_item = outer
        if outer is not None:
            outer.started = True

    # --- inline content ------------------------------------------------------------------------

    def _inline_children(self, element: Any, segments: list[_Segment], fmt: RunFormat,
                         link: tuple[str, str] | None, ctx: _Ctx, *,
                         drop_number: bool = False) -> None:
        if element.text:
            segments.append(_Segment(element.text, fmt, link))
        for child in element:
            if isinstance(child.tag, str):
                if drop_number and child.tag == "span" and "num" in _classes(child):
                    drop_number = False  # Word numbers this heading
                else:
                    self._inline(child, segments, fmt, link, ctx)
            if child.tail:
                segments.append(_Segment(child.tail, fmt, link))

    def _inline(self, element: Any, segments: list[_Segment], fmt: RunFormat,
                link: tuple[str, str] | None, ctx: _Ctx) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not tag or tag in SKIPPED_TAGS:
            return
        if ctx.depth > MAX_DEPTH:
            raise RenderError(f"DOCX: the HTML is nested more than {MAX_DEPTH} levels deep")
        ctx = ctx.deeper()
        classes = _classes(element)
        if tag in ("strong", "b"):
            fmt = fmt.with_(bold=True)
        elif tag in ("em", "i", "cite", "dfn", "var"):
            fmt = fmt.with_(italic=True)
        elif tag in ("code", "kbd", "samp", "tt"):
            fmt = fmt.with_(style=self.styles.get("HTML Code"))
        elif tag in ("sub", "sup"):
            fmt = fmt.with_(vert="subscript" if tag == "sub" else "superscript")
        elif tag == "br":
            segments.append(_Segment("", fmt, link, kind="break"))
            return
        elif tag == "img":
            segments.append(_Segment("", fmt, link, kind="picture",
                                     picture=self._image(element, ctx)))
            return
        elif tag == "a":
            target = self._link(element.get("href", ""))
            if target:
                link, fmt = target, fmt.with_(style=self.styles.get("Hyperlink"))
        elif tag == "span" and "value" in classes:  # a key figure: its own line
            fmt = fmt.with_(style=self.styles.get("Key Figure Value"))
            self._inline_children(element, segments, fmt, link, ctx)
            segments.append(_Segment("", fmt, link, kind="break"))
            return
        self._inline_children(element, segments, self._status_fmt(classes, fmt), link, ctx)

    def _link(self, href: str) -> tuple[str, str] | None:
        """Where a link may go: a bookmark of this document, or an http, https or mailto
        address; anything else (javascript:, file:, relative paths) stays plain text."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        href = ox.clean_text(href).strip()
        if href.startswith("#"):
            name = self.bookmarks.get(href[1:])
            return ("anchor", name) if name else None
        scheme = href.split(":", 1)[0].lower() if ":" in href else ""
        if scheme not in ("http", "https", "mailto") or len(href) > MAX_URL:
            return None
        target = quote(href, safe="!#$%&'()*+,/:;=?@[]~-._")  # Word refuses spaces and such
        return ("rel", self.part.relate_to(target, RT.HYPERLINK, is_external=True))

    def _emit(self, p: Any, segments: list[_Segment]) -> None:
        container = p
        current_link: tuple[str, str] | None = None
        for segment in segments:
            if segment.link != current_link:
                current_link = segment.link
                if current_link is None:
                    container = p
                elif current_link[0] == "rel":
                    container = ox.hyperlink(p, rel_id=current_link[1])
                else:
                    container = ox.hyperlink(p, anchor=current_link[1])
            if segment.kind == "text":
                ox.text_run(container, segment.text, segment.fmt)
            elif segment.kind == "break":
                ox.break_run(container, segment.fmt)
            elif segment.kind == "picture":
                ox.picture_run(container, segment.picture)

    # --- pictures ------------------------------------------------------------------------------

    def _image(self, element: Any, ctx: _Ctx) -> Any:
        """An inline picture for an ``<img>`` with a data: URL (the cover logo)."""
        alt = ox.clean_text(" ".join(str(element.get("alt", "")).split()))
        what = f"DOCX: image `{alt[:60]}`" if alt else "DOCX: image"
        picture = ox.check_picture(ox.decode_data_uri(str(element.get("src", "")), what),
                                   what)
        if ctx.style == "Cover Logo":
            width_emu = round(COVER_LOGO_HEIGHT_CM * EMU_PER_CM * picture.width
                              / picture.height)
        else:
            width_emu = _width_emu(element.get("data-width-cm"),
                                   picture.width * EMU_PER_PIXEL)
        return self._inline_picture(picture, width_emu, ctx, alt)

    def _inline_picture(self, picture: ox.Picture, width_emu: int, ctx: _Ctx,
                        alt: str) -> Any:
        available = (ctx.width or self.text_width(self.in_landscape)) * EMU_PER_TWIP
        self.shape_count += 1
        return ox.inline_picture(self.part, picture, max(min(width_emu, available),
                                                         EMU_PER_PIXEL),
                                 self.shape_count, alt)

    def _figure(self, element: Any, classes: set[str], out: Any, ctx: _Ctx) -> None:
        key = element.get("data-chart")
        if "chart" not in classes or key is None:
            self._flow(element, out, ctx.but(style="Figure"))
            return
        png = self.options.charts.get(key)
        if not png:
            raise RenderError(f"DOCX: no PNG for chart `{key}` (DocxOptions.charts)")
        img = element.find(".//img")
        alt = "" if img is None else ox.clean_text(" ".join(str(img.get("alt", "")).split()))
        picture = ox.check_picture(png, f"DOCX: chart `{key}`")
        width_emu = _width_emu(None if img is None else img.get("data-width-cm"),
                               16 * EMU_PER_CM)
        p = self._new_paragraph(out, "Figure", ctx)
        ox.picture_run(p, self._inline_picture(picture, width_emu, ctx, alt))
        for child in element:
            if isinstance(child.tag, str) and child.tag.lower() == "figcaption":
                self._caption(child, out, ctx, bookmark=element.get("id") or child.get("id"))

    # --- contents ------------------------------------------------------------------------------

    def _nav(self, element: Any, classes: set[str], out: Any, ctx: _Ctx) -> None:
        if "toc" not in classes:
            self._flow(element, out, ctx)
            return
        is_contents = not classes & {"toc-tables", "toc-figures"}
        paragraphs = []
        for li in element.iter("li"):
            style = "Table of Figures"
            if is_contents:
                style = next((name for css, name in ds.TOC_STYLES.items()
                              if css in _classes(li)), "TOC 1")
            anchor = li.find(".//a")
            href = "" if anchor is None else str(anchor.get("href", ""))
            target = self.bookmarks.get(href[1:]) if href.startswith("#") else None
            segments: list[_Segment] = []
            self._inline_children(li if anchor is None else anchor, segments, PLAIN, None, ctx)
            p = self._new_paragraph(out, style, ctx)
            paragraphs.append(p)
            self._emit(ox.hyperlink(p, anchor=target) if target else p, _normalise(segments))
            if target and not is_contents:
                # LibreOffice computes PAGEREF fields as it lays the document out, Word when
                # it updates the fields on opening. Inside the TOC field they would stay
                # empty in LibreOffice (it keeps a TOC's text as it is), so entries there
                # go without.
                ox.tab_run(p)
                ox.field(p, f"PAGEREF {target} \\h")
        if is_contents:
            if not paragraphs:
                paragraphs.append(self._new_paragraph(out, "TOC 1", ctx))
            first = paragraphs[0]
            holder = etree.Element(W + "p")
            ox.field_begin(holder, TOC_INSTRUCTION)
            position = 1 if first.find(W + "pPr") is not None else 0
            for run in reversed(list(holder)):
                first.insert(position, run)
            ox.field_end(paragraphs[-1])

    # --- tables --------------------------------------------------------------------------------

    def _table(self, element: Any, classes: set[str], out: Any, ctx: _Ctx) -> None:
        caption = None
        parts: dict[str, list[Any]] = {"head": [], "body": [], "foot": []}
        for child in element:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag == "caption":
                caption = child
            elif tag in _ROW_GROUPS:
                parts[_ROW_GROUPS[tag]].extend(
                    r for r in child if isinstance(r.tag, str) and r.tag.lower() == "tr")
            elif tag == "tr":
                parts["body"].append(child)
        if caption is not None:
            self._caption(caption, out, ctx)
        rows = [(tr, part) for part in ("head", "body", "foot") for tr in parts[part]]
        grid = [[(c, _span(c)) for c in tr if isinstance(c.tag, str)
                 and c.tag.lower() in ("td", "th")] for tr, _ in rows]
        columns = max((sum(span for _, span in cells) for cells in grid), default=0)
        if columns == 0:
            return
        size = next((s for name, s in _COMPACT_SIZES.items() if name in classes), None)
        if ctx.in_cell:
            size = size or _CELL_SIZE
        swot = "swot" in classes
        width = ctx.width or self.text_width(self.in_landscape)
        widths = (_even(width, columns) if swot
                  else self._column_widths(grid, columns, width, size or _CELL_SIZE))
        self._before_table(out, ctx)
        style = self.styles.get("SWOT Table" if swot else "Masterplan Table")
        tbl = ox.table(out, style, widths, cell_margins=(51, 68) if size else None,
                       header_look=bool(parts["head"]))
        fmt = ctx.fmt.with_(size=size) if size else ctx.fmt
        for (tr, part), cells in zip(rows, grid, strict=True):
            row_classes = _classes(tr)
            w_tr = ox.row(tbl, header=part == "head", cant_split=not swot)
            column = 0
            for cell, span in cells:
                span = min(span, columns - column)
                self._cell(w_tr, cell, span, sum(widths[column:column + span]), part,
                           row_classes, fmt, ctx)
                column += span
            for missing in range(column, columns):  # keep the grid rectangular
                ox.finish_cell(ox.cell(w_tr, widths[missing]))

    def _before_table(self, out: Any, ctx: _Ctx) -> None:
        if out is self.body:
            if self.pending_break:  # a table cannot carry the page break itself
                self._new_paragraph(out, None, ctx)
            self.section_has_content = True
        if len(out) and out[-1].tag == W + "tbl":
            ox.paragraph(out, None)  # two adjacent tables would merge into one

    def _cell(self, w_tr: Any, cell: Any, span: int, width: int, part: str,
              row_classes: set[str], fmt: RunFormat, ctx: _Ctx) -> None:
        classes = _classes(cell)
        header = cell.tag.lower() == "th"
        fill = None
        if header:
            style = "Table Heading"
        elif part == "foot":
            style, fill = "Table Total", ds.CELL_SHADING["tfoot"]
        elif "group" in row_classes:
            style, fill = "Table Group", ds.CELL_SHADING["tr.group"]
        elif "num" in classes:
            style = "Table Number"
        else:
            style = "Table Text"
        if "on" in classes:
            fill = next((ds.CELL_SHADING[c] for c in sorted(classes)
                         if c.startswith("dim-") and c in ds.CELL_SHADING),
                        ds.CELL_SHADING["on"])
        fill = next((ds.CELL_SHADING[c] for c in sorted(classes)
                     if c.startswith(("swot-", "heat-")) and c in ds.CELL_SHADING), fill)
        jc = None
        if "num" in classes and (header or part == "foot"):
            jc = "right"
        elif header and "year" in classes:
            jc = "center"
        tc = ox.cell(w_tr, width, span=span, fill=fill)
        cell_ctx = _Ctx(style=style, fmt=self._status_fmt(classes, fmt),
                        narrative=ctx.narrative, in_cell=True, width=width - CELL_PADDING,
                        depth=ctx.depth + 1, jc=jc)
        outer_item, self.current_item = self.current_item, None
        self._flow(cell, tc, cell_ctx)
        self.current_item = outer_item
        if not len(tc) or tc[-1].tag != W + "p":  # a cell must end with a paragraph
            self._new_paragraph(tc, style, cell_ctx)

    def _column_widths(self, grid: list[list[tuple[Any, int]]], columns: int, width: int,
                       size: int) -> list[int]:
        stats = [ox.Column() for _ in range(columns)]
        for cells in grid:
            column = 0
            for cell, span in cells:
                if span == 1 and column < columns:
                    line, word = ox.measure(cell.text_content(), bold=cell.tag == "th")
                    if _classes(cell) & {"num", "nowrap"}:  # white-space: nowrap
                        word = line
                    stat = stats[column]
                    stat.longest_line = max(stat.longest_line, line)
                    stat.longest_word = max(stat.longest_word, word)
                    if "year" in _classes(cell):  # table.roadmap th.year { width: 9mm }
                        stat.fixed = ds.mm(9) + 2 * 68
                column += span
        return ox.column_widths(stats, width, size * 10)  # half-points → twips per em

    def _facts(self, element: Any, out: Any, ctx: _Ctx) -> None:
        """dl.facts: a two-column table, a term and its definitions per row."""
        pairs: list[tuple[Any, list[Any]]] = []
        for child in element:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag == "dt":
                pairs.append((child, []))
            elif tag == "dd":
                if not pairs:
                    pairs.append((None, []))
                pairs[-1][1].append(child)
        if not pairs:
            return
        width = ctx.width or self.text_width(self.in_landscape)
        term_width = min(ds.mm(45), width // 2)  # dl.facts { grid-template-columns: 45mm }
        widths = [term_width, width - term_width]
        self._before_table(out, ctx)
        tbl = ox.table(out, self.styles.get("Facts Table"), widths, header_look=False)
        cell_ctx = _Ctx(fmt=ctx.fmt, in_cell=True, depth=ctx.depth + 1)
        for term, definitions in pairs:
            tr = ox.row(tbl)
            tc = ox.cell(tr, widths[0])
            if term is not None:
                self._flow(term, tc, cell_ctx.but(style="Fact Term", width=widths[0]))
            ox.finish_cell(tc)
            tc = ox.cell(tr, widths[1])
            for definition in definitions:
                self._flow(definition, tc, cell_ctx.but(style="Fact Value", width=widths[1]))
            ox.finish_cell(tc)

    def _keyfigures(self, element: Any, out: Any, ctx: _Ctx) -> None:
        """div.keyfigures: one row, one cell per key figure."""
        figures = [c for c in element if isinstance(c.tag, str)]
        if not figures:
            return
        widths = _even(ctx.width or self.text_width(self.in_landscape), len(figures))
        self._before_table(out, ctx)
        tbl = ox.table(out, self.styles.get("Key Figures Table"), widths, header_look=False)
        tr = ox.row(tbl)
        for figure, width in zip(figures, widths, strict=True):
            tc = ox.cell(tr, width)
            segments: list[_Segment] = []
            self._inline_children(figure, segments, ctx.fmt, None, ctx)
            self._paragraph_from(segments, tc, "Key Figure", ctx.but(in_cell=True))
            ox.finish_cell(tc)


# --- helpers -----------------------------------------------------------------------------------


def _starts_with_h1(element: Any) -> bool:
    first = next((child for child in element if isinstance(child.tag, str)), None)
    return first is not None and first.tag.lower() == "h1"


def _heading_number(element: Any) -> str:
    """The text of a heading's leading ``span.num``, or ""."""
    first = next((child for child in element if isinstance(child.tag, str)), None)
    if first is not None and first.tag == "span" and "num" in _classes(first) \
            and not (element.text or "").strip():
        return " ".join(first.text_content().split())
    return ""


def _span(cell: Any) -> int:
    try:
        return max(1, min(int(cell.get("colspan", "1")), 1000))
    except ValueError:
        return 1


def _even(width: int, count: int) -> list[int]:
    each = width // count
    return [each] * (count - 1) + [width - each * (count - 1)]


def _width_emu(value: Any, default: int) -> int:
    """``data-width-cm`` in EMU; `default` if it is missing or not a sane number."""
    try:
        width_cm = float(value)
    except (TypeError, ValueError):
        return default
    if not 0.5 <= width_cm <= 100:  # also refuses nan and inf
        return default
    return round(width_cm * EMU_PER_CM)


def _normalise(segments: list[_Segment]) -> list[_Segment]:
    """HTML white space: runs of spaces collapse to one, none at the start or end of a
    paragraph or next to a line break; adjacent text in the same format is merged."""
    out: list[_Segment] = []
    after_space = True
    for segment in segments:
        if segment.kind != "text":
            if segment.kind == "break" and out and out[-1].kind == "text":
                out[-1].text = out[-1].text.rstrip(" ")
            out.append(segment)
            after_space = segment.kind == "break"
            continue
        text = _HTML_SPACE.sub(" ", ox.clean_text(segment.text))
        if after_space:
            text = text.lstrip(" ")
        if not text:
            continue
        after_space = text.endswith(" ")
        previous = out[-1] if out else None
        if previous is not None and previous.kind == "text" and previous.fmt == segment.fmt \
                and previous.link == segment.link:
            previous.text += text
        else:
            out.append(_Segment(text, segment.fmt, segment.link))
    while out and out[-1].kind == "break":
        out.pop()
    if out and out[-1].kind == "text":
        out[-1].text = out[-1].text.rstrip(" ")
        if not out[-1].text:
            out.pop()
    return out
