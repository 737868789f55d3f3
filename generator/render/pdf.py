"""The HTML document to PDF bytes with WeasyPrint, reading nothing we did not hand it.

WeasyPrint's default URL fetcher reads any ``file://`` path and any network address, and
only *logs* a fetch that fails. Here every fetch goes through `_GuardedFetcher`, which
serves ``data:`` URLs and the four bundled Carlito fonts and refuses everything else; a
refusal (or any error WeasyPrint logs while rendering) makes `render_pdf` raise
`RenderError`, so a PDF with a silently missing image is never produced.

The same input gives byte-identical PDF bytes: dates come from `PdfOptions.created`, the
file identifier is a hash of the content, attachments get a fixed MIME type, and fonts
re-saved by fontTools are stamped with ``SOURCE_DATE_EPOCH`` rather than the clock.

Every PDF is tagged (`PdfOptions.tagged`, ~10 % of a render), and `_finish` mends, before
WeasyPrint writes its objects, what PDF/A and PDF/UA validators refuse in WeasyPrint 70's
output (docs/accessibility.md says which validators, and what they found).

Speed: WeasyPrint's user-agent stylesheet gives *every* element six pseudo-element styles
(``::marker`` and five footnote/note pseudo-elements), which made the cascade ~25 % of a
render. `_HTML` renders with a copy whose ``::marker`` rule is scoped to ``li`` and whose
footnote and note rules are dropped (our documents have neither; a template that floats
footnotes must style ``::footnote-call`` itself): the PDF bytes are identical, the render
~14 % faster (`benchmarks/bench_render.py`).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import threading
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args
from xml.etree.ElementTree import Element

import pydyf
from cssselect2 import ElementWrapper
from weasyprint import CSS, HTML, Attachment
from weasyprint.css.counters import CounterStyle
from weasyprint.html import UA, UA_COUNTER_STYLE, UA_FORM_STYLESHEET
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from generator.errors import RenderError
from generator.output import source_date_epoch
from generator.render import Document, Written
from generator.render.urls import is_data_url, refuse_attachment_links, refused_error, shorten
from generator.resources import fonts_dir

PdfVariant = Literal["pdf/a-3b", "pdf/a-3a", "pdf/a-2b", "pdf/ua-1"]
PDF_A_3B: PdfVariant = "pdf/a-3b"
#: every variant `--pdf-variant` offers (`generator.settings.PDF_VARIANTS` names the same)
PDF_VARIANTS: tuple[PdfVariant, ...] = get_args(PdfVariant)
#: the PDF/A parts (ISO 19005): no image interpolation (6.2.8-3), an sRGB output intent
PDF_A_VARIANTS: frozenset[PdfVariant] = frozenset({"pdf/a-3b", "pdf/a-3a", "pdf/a-2b"})
#: the variants that may embed the source spec: PDF/A-3 allows any embedded file (with its
#: relationship); PDF/A-2 only PDF/A files, so WeasyPrint would drop a YAML attachment's
#: content and leave a broken file specification; PDF/UA-1 would allow one, but a reader of
#: an accessible copy gains nothing from it, and an archive takes PDF/A-3a, which has both
ATTACHING_VARIANTS: frozenset[PdfVariant] = frozenset({"pdf/a-3b", "pdf/a-3a"})
#: the variants that are always tagged, whatever `PdfOptions.tagged` says
TAGGED_VARIANTS: frozenset[PdfVariant] = frozenset({"pdf/a-3a", "pdf/ua-1"})

FONTS_DIR = fonts_dir()
FONT_FAMILY = "Carlito"
#: The serif of the legal drafts (templates/legal/legal.css), metric-compatible with
#: Cambria; its faces are loaded only for a document whose stylesheets name it.
SERIF_FAMILY = "Caladea"
# Fonts are named by a scheme of our own rather than by file:// URLs: the fetcher then
# maps four fixed names to bytes it reads itself, and never has to decide whether a
# path taken from the document (symlinks, "..", %-escapes) is really inside the folder.
# (data: URLs would work too, but mean parsing ~3 MB of base64 CSS on every render.)
FONT_SCHEME = "masterplan-font"
_FONT_FACES: tuple[tuple[str, str, str], ...] = (
    ("Carlito-Regular.ttf", "normal", "normal"),
    ("Carlito-Bold.ttf", "bold", "normal"),
    ("Carlito-Italic.ttf", "normal", "italic"),
    ("Carlito-BoldItalic.ttf", "bold", "italic"),
)
_SERIF_FACES: tuple[tuple[str, str, str], ...] = (
    ("Caladea-Regular.ttf", "normal", "normal"),
    ("Caladea-Bold.ttf", "bold", "normal"),
    ("Caladea-Italic.ttf", "normal", "italic"),
    ("Caladea-BoldItalic.ttf", "bold", "italic"),
)
_ATTACHMENT_SCHEME = "masterplan-attachment"
# WeasyPrint guesses an attachment's MIME type from the system's mime.types, which
# differs between machines (and knows no .yaml on Debian): name it ourselves.
_ATTACHMENT_TYPES = {
    ".yaml": "application/yaml",
    ".yml": "application/yaml",
    ".json": "application/json",
    ".csv": "text/csv",
    ".txt": "text/plain",
    ".pdf": "application/pdf",
}
_LANGUAGE_RE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")

# One render at a time per process: the fontTools clock is the process environment,
# and the log capture must not mix two documents' records.
_render_lock = threading.Lock()


# The universal pseudo-element rules of WeasyPrint's html5_ua.css that `_HTML` leaves out
# (footnotes, notes) or scopes to list items (markers).
_UA_MARKER_RE = re.compile(r"^::marker\b", re.MULTILINE)
_UA_NOTES_RE = re.compile(r"^::(?:footnote|note)-[a-z]+ *\{[^}]*\}\n", re.MULTILINE)
_UA_NOTE_RULES = 5


@cache
def _user_agent_stylesheet() -> CSS | None:
    """The trimmed user-agent stylesheet, or None when WeasyPrint's file no longer has the
    rules we expect (then `_HTML` keeps WeasyPrint's own: slower, never different)."""
    text, markers = _UA_MARKER_RE.subn("li::marker", UA)
    text, notes = _UA_NOTES_RE.subn("", text)
    if markers != 1 or notes != _UA_NOTE_RULES:
        return None
    return CSS(string=text, counter_style=UA_COUNTER_STYLE)


def _previous_siblings(element: Any) -> tuple[Any, ...]:
    """cssselect2's `ElementWrapper.previous_siblings`, without recursion.

    cssselect2 builds the tuple recursively from the previous sibling's, so matching a
    sibling selector (`h2 ~ h2`, `:nth-child`) on an element with ~1,000 earlier siblings
    (the rows of a spec with thousands of programs) exceeded Python's recursion limit.
    Here the chain is walked back to the nearest element whose tuple is known, then built
    forward: the same tuples, the same cache, no depth."""
    if element._previous_siblings is None:
        chain = []
        node = element
        while node._previous_siblings is None and node.previous is not None:
            chain.append(node)
            node = node.previous
        if node._previous_siblings is None:
            node._previous_siblings = ()
        for later in reversed(chain):
            earlier = later.previous
            later._previous_siblings = (*earlier._previous_siblings, earlier)
    siblings: tuple[Any, ...] = element._previous_siblings
    return siblings


if isinstance(getattr(ElementWrapper, "previous_siblings", None), property) and hasattr(
        ElementWrapper(Element("p"), None, 0, None, True), "_previous_siblings"):
    ElementWrapper.previous_siblings = property(_previous_siblings)


def _page_references(pdf: Any) -> tuple[bytes, ...]:
    """pydyf's `PDF.page_references`, built once per page count rather than on every read.

    WeasyPrint's tagging reads it for each structure element (``/Pg``), and pydyf builds
    the tuple of every page's reference anew each time: with ~12,000 elements on 71 pages
    that was a quarter of what tagging costs. Same tuple, same bytes."""
    kids = pdf.pages["Kids"]
    cached: tuple[int, tuple[bytes, ...]] | None = pdf.__dict__.get("_page_references")
    if cached is None or cached[0] != len(kids):
        cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf.__dict__["_page_references"] = cached
    return cached[1]


if isinstance(getattr(pydyf.PDF, "page_references", None), property) and \
        pydyf.PDF().page_references == ():
    pydyf.PDF.page_references = property(_page_references)


class _HTML(HTML):  # type: ignore[misc]
    """`weasyprint.HTML` with the trimmed user-agent stylesheet (see the module doc)."""

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        sheet = _user_agent_stylesheet()
        if sheet is None:
            return list(super()._ua_stylesheets(forms))
        return [sheet, UA_FORM_STYLESHEET] if forms else [sheet]


@dataclass(frozen=True)
class PdfOptions:
    """Document metadata and output variant; everything that is not the HTML itself.

    ``attachments`` are ``(filename, content, description)`` embedded with the
    relationship *Source* (the spec the document was made from); they are only allowed
    with a variant of `ATTACHING_VARIANTS` (PDF/A-3, the PDF/A part that permits
    embedded files).

    ``tagged`` writes a tagged PDF (structure tree: headings, lists, tables with their
    header cells, figures with their alt text, in reading order; MarkInfo, /Lang, the
    title shown as the window title); `TAGGED_VARIANTS` are tagged whatever it says.
    """

    title: str
    author: str = ""
    subject: str = ""
    keywords: list[str] = field(default_factory=list)
    language: str = "id"
    created: datetime = field(default_factory=lambda: source_date_epoch(None))
    variant: PdfVariant | None = None
    attachments: list[tuple[str, bytes, str]] = field(default_factory=list)
    tagged: bool = True

    def __post_init__(self) -> None:
        if self.created.tzinfo is None or self.created.utcoffset() is None:
            raise ValueError("PdfOptions.created must be timezone-aware")
        if self.variant is not None and self.variant not in PDF_VARIANTS:
            raise ValueError(f"unsupported PDF variant {self.variant!r}")
        if not _LANGUAGE_RE.fullmatch(self.language):
            raise ValueError(f"not a BCP 47 language tag: {self.language!r}")
        if self.attachments and self.variant not in ATTACHING_VARIANTS:
            raise ValueError("attachments need a PDF/A-3 variant ('pdf/a-3b' or 'pdf/a-3a'),"
                             f" not {self.variant!r}")
        names = [name for name, _, _ in self.attachments]
        for name in names:
            if not name or name != name.strip() or any(
                    char in name for char in "/\\:") or not name.isprintable():
                raise ValueError(f"not a plain file name for an attachment: {name!r}")
        if len(set(names)) != len(names):
            raise ValueError(f"attachment names must be unique: {names}")


def fonts_css(serif: bool = False) -> str:
    """``@font-face`` rules for the bundled Carlito family (regular, bold, italics), and
    with `serif` the Caladea family too.

    The URLs use the ``masterplan-font:`` scheme, which only `render_pdf`'s fetcher
    understands; `render_pdf` always loads these rules first.
    """
    families = [(FONT_FAMILY, _FONT_FACES)] + ([(SERIF_FAMILY, _SERIF_FACES)] if serif else [])
    rules = [
        f'@font-face {{ font-family: "{family}"; '
        f'src: url("{FONT_SCHEME}:{file_name}") format("truetype"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for family, faces in families for file_name, weight, style in faces
    ]
    return "\n".join(rules) + "\n"


def render_pdf(html: str, stylesheets: list[str], options: PdfOptions) -> bytes:
    """Render an HTML document (plus CSS texts) to PDF bytes.

    Raises `RenderError` naming the URL when the document asks for anything but a
    ``data:`` URL or a bundled font (image, stylesheet, ``@import``, ``url()``, SVG
    ``<image>``, ``local()`` font, ``<link>``/``<a rel=attachment>``), and for any
    other error WeasyPrint logs (unreadable image, invalid inline SVG, ...).
    """
    serif = _names_serif(html, stylesheets)
    fetcher = _GuardedFetcher(_font_resources(serif))
    attachment_fetcher = _GuardedFetcher({
        f"{_ATTACHMENT_SCHEME}:{index}": (content, _attachment_type(name))
        for index, (name, content, _) in enumerate(options.attachments)})
    with _render_lock, _capture_weasyprint_errors() as logged, \
            _fonttools_clock(options.created):
        try:
            pdf = _render(html, stylesheets, options, fetcher, attachment_fetcher,
                          serif=serif)
        except RecursionError as error:
            raise RenderError("the document is nested too deeply to lay out") from error
    # The render goes on after a refusal (WeasyPrint drops the resource), so that one
    # error names every refused URL. The fetcher's own record is the authority: some
    # failures never reach the log (WeasyPrint swallows every exception while it draws
    # an SVG image), and a refusal's log record would only repeat it.
    refused = fetcher.refused + attachment_fetcher.refused
    if refused:
        raise refused_error(refused)
    problems = fetcher.failures + attachment_fetcher.failures + logged
    if problems:
        more = len(problems) - 1
        raise RenderError(problems[0] + (f" (and {more} more)" if more else ""))
    return pdf


def _render(html: str, stylesheets: list[str], options: PdfOptions,
            fetcher: _GuardedFetcher, attachment_fetcher: _GuardedFetcher, *,
            serif: bool = False) -> bytes:
    document_html = _HTML(string=html, url_fetcher=fetcher, base_url=None)
    root: Element = document_html.etree_element
    refuse_attachment_links(root.iter())
    if not root.get("lang"):
        root.set("lang", options.language)  # hyphenation and quotes follow it
    font_config = FontConfiguration()
    counter_style = CounterStyle()
    css = [CSS(string=text, base_url=None, url_fetcher=fetcher, font_config=font_config,
               counter_style=counter_style)
           for text in (fonts_css(serif), *stylesheets)]
    document = document_html.render(
        font_config=font_config, counter_style=counter_style, stylesheets=css,
        pdf_variant=options.variant)
    _set_metadata(document.metadata, options)
    created = options.created.astimezone(UTC)
    attachments = [
        Attachment(url=f"{_ATTACHMENT_SCHEME}:{index}", url_fetcher=attachment_fetcher,
                   name=name, description=description or None, created=created,
                   modified=created, relationship="Source")
        for index, (name, _, description) in enumerate(options.attachments)]
    tagged = options.tagged or options.variant in TAGGED_VARIANTS
    with warnings.catch_warnings():
        # WeasyPrint 70 opens its bundled sRGB profile for PDF/A output intents and never
        # closes it; CPython frees the file right away, inside this block.
        warnings.filterwarnings("ignore", message=r"unclosed file .*sRGB2014\.icc",
                                category=ResourceWarning)
        pdf: bytes = document.write_pdf(
            finisher=functools.partial(_finish, variant=options.variant),
            pdf_variant=options.variant,
            pdf_tags=tagged,
            attachments=attachments,
            # True means "the MD5 of the file content": stable, unlike a random ID.
            pdf_identifier=True,
            uncompressed_pdf=False,
            custom_metadata=False,
        )
    return pdf


def _set_metadata(metadata: Any, options: PdfOptions) -> None:
    """Options win over whatever <title>/<meta>/<link> the HTML carries."""
    stamp = options.created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    metadata.title = options.title
    metadata.authors = [options.author] if options.author else []
    metadata.description = options.subject or None
    metadata.keywords = list(options.keywords)
    metadata.generator = "masterplan"
    metadata.created = stamp
    metadata.modified = stamp
    metadata.lang = options.language
    metadata.attachments = []  # only our explicit attachments are embedded
    metadata.custom = {}
    metadata.xmp_metadata = []


def _finish(document: Any, pdf: Any, variant: PdfVariant | None) -> None:
    """Mend, in WeasyPrint's own objects before it writes them (so the file identifier,
    a hash of the content, still covers the final bytes), what validators refuse."""
    _deduplicate_associated_files(pdf)
    _drop_empty_resources(pdf)
    if variant in PDF_A_VARIANTS:
        _no_interpolation(pdf)
    if "StructTreeRoot" in pdf.catalog:
        _scope_header_cells(pdf)
    _serialise_once(pdf)


def _serialise_once(pdf: Any) -> None:
    """Make each object of `pdf` keep its serialised bytes once they are made.

    pydyf 0.13 serialises every object twice when the file has an identifier: once to write
    it, once more for the MD5 of the content (`pdf_identifier=True`), recompressing every
    stream (page contents, fonts, images) at zlib level 9. Nothing changes an object between
    the two (this runs last, right before `PDF.write`), so the second reading returns the
    first one's bytes: the same file, ~0.6 CPU-s less for the complete example. The objects
    `PDF.write` itself adds (the info dictionary, the object stream holding every small
    object) are caught as they are added."""
    def once(obj: Any) -> Any:
        kind: type = type(obj)
        cached = _serialising_once(kind)
        if cached is not None:
            obj.__class__ = cached
        return obj

    for obj in pdf.objects:
        once(obj)
    add_object = pdf.add_object
    pdf.add_object = lambda obj: add_object(once(obj))


@cache
def _serialising_once(kind: type) -> type | None:
    """`kind` with its `data` property computed once per object (None: `kind` has no
    plain `data` property, or its objects carry no instance dictionary)."""
    data = next((base.__dict__["data"] for base in kind.__mro__ if "data" in base.__dict__),
                None)
    if not isinstance(data, property) or data.fget is None or \
            not issubclass(kind, pydyf.Object) or "__slots__" in kind.__dict__:
        return None
    once = functools.cached_property(data.fget)
    subclass = type(f"_Once{kind.__name__}", (kind,), {"data": once, "__module__": __name__})
    once.__set_name__(subclass, "data")
    return subclass


def _scope_header_cells(pdf: Any) -> None:
    """Give every table header cell (/TH) its /Scope: /Row when it heads cells of its own
    row (``<th scope="row">``), else /Column.

    WeasyPrint 70 links each data cell to its headers (/Headers on the /TD, /ID on the
    /TH), which PDF/UA-1 accepts; screen readers and checkers that look at the header
    cell itself (pdfua's UA-15-003) want the scope there too."""
    cells = [obj for obj in pdf.objects if isinstance(obj, pydyf.Dictionary)
             and obj.get("Type") == "/StructElem" and obj.get("S") in ("/TH", "/TD")]
    row_of: dict[str, str] = {}
    for cell in cells:
        if cell["S"] == "/TH" and isinstance(cell.get("ID"), pydyf.String):
            row_of[cell["ID"].string] = cell["P"]
    row_headers = {key for cell in cells if cell["S"] == "/TD"
                   for key in _header_keys(cell) if row_of.get(key) == cell["P"]}
    for cell in cells:
        if cell["S"] == "/TH" and isinstance(cell.get("A"), dict):
            key = cell["ID"].string if isinstance(cell.get("ID"), pydyf.String) else None
            cell["A"]["Scope"] = "/Row" if key in row_headers else "/Column"


def _header_keys(cell: Any) -> list[str]:
    attributes = cell.get("A")
    headers = attributes.get("Headers", []) if isinstance(attributes, dict) else []
    return [key.string for key in headers if isinstance(key, pydyf.String)]


def _drop_empty_resources(pdf: Any) -> None:
    """WeasyPrint 70 gives every resource dictionary a /Pattern and a /Shading entry, empty
    unless the page draws a gradient: PDF allows that, but pikepdf's PDF/A validator then
    answers "not checked" (it does not check patterns) rather than "pass"."""
    for obj in pdf.objects:
        resources = obj.extra.get("Resources") if isinstance(obj, pydyf.Stream) else obj
        if not isinstance(resources, dict):
            continue
        for key in ("Pattern", "Shading"):
            entry = resources.get(key)
            if isinstance(entry, dict) and not entry:
                del resources[key]


def _no_interpolation(pdf: Any) -> None:
    """PDF/A forbids ``/Interpolate true`` on images and their soft masks (ISO 19005-2/3
    6.2.8-3), which WeasyPrint 70 writes for every image with ``image-rendering: auto``."""
    for obj in pdf.objects:
        if isinstance(obj, pydyf.Stream) and obj.extra.get("Subtype") == "/Image" and \
                obj.extra.get("Interpolate") == "true":
            obj.extra["Interpolate"] = "false"


def _deduplicate_associated_files(pdf: Any) -> None:
    """WeasyPrint 70 lists each PDF/A-3 attachment twice in the catalog's /AF array."""
    associated = pdf.catalog.get("AF")
    if associated is not None:
        unique = list(dict.fromkeys(associated))
        associated.clear()
        associated.extend(unique)


class _GuardedFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no type hints
    """Serves ``data:`` URLs and a fixed set of named resources; refuses the rest.

    Every refused URL is kept in ``refused``, every allowed one that could not be read
    in ``failures``; WeasyPrint itself only logs them (or, in SVG, not even that).
    """

    def __init__(self, resources: Mapping[str, tuple[bytes, str]]) -> None:
        super().__init__(allowed_protocols={"data"}, allow_redirects=False)
        self._resources = resources
        self.refused: list[str] = []
        self.failures: list[str] = []

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> Any:
        if url in self._resources:
            content, mime_type = self._resources[url]
            return URLFetcherResponse(url, content, {"Content-Type": mime_type})
        if is_data_url(url):
            try:
                return super().fetch(url, headers)
            except Exception as error:
                self.failures.append(f"unreadable data: URL {shorten(url)!r}: {error}")
                raise
        self.refused.append(url)
        raise PermissionError(f"masterplan refuses to fetch {shorten(url)!r}")


@cache
def _font_resources(serif: bool = False) -> dict[str, tuple[bytes, str]]:
    faces = (*_FONT_FACES, *_SERIF_FACES) if serif else _FONT_FACES
    return {f"{FONT_SCHEME}:{file_name}": ((FONTS_DIR / file_name).read_bytes(), "font/ttf")
            for file_name, _, _ in faces}


def _names_serif(html: str, stylesheets: list[str]) -> bool:
    """Whether the document's styles use the serif family (a legal draft's do)."""
    return any(SERIF_FAMILY in text for text in (html, *stylesheets))


def _attachment_type(name: str) -> str:
    return _ATTACHMENT_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")


_NO_ALT_RE = re.compile(r"^Image .* has no required alt description$", re.DOTALL)


class _ErrorCollector(logging.Handler):
    """Keeps the message of every error WeasyPrint logs from the rendering thread."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.thread = threading.get_ident()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # A tagged PDF logs every picture without alt text. Writing it is the author's
        # part (the spec's validator warns); the PDF is made, its figure has no /Alt.
        if record.thread == self.thread and not _NO_ALT_RE.search(record.getMessage()):
            self.messages.append(f"WeasyPrint: {shorten(record.getMessage(), 300)}")


@contextlib.contextmanager
def _capture_weasyprint_errors() -> Iterator[list[str]]:
    # "weasyprint.progress" is a child of "weasyprint" and only logs INFO: one handler
    # on the parent sees everything. If an application silences the "weasyprint"
    # logger, refused fetches are still caught by the fetcher itself.
    logger = logging.getLogger("weasyprint")
    collector = _ErrorCollector()
    logger.addHandler(collector)
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)


@contextlib.contextmanager
def _fonttools_clock(created: datetime) -> Iterator[None]:
    """Make fontTools stamp ``created``, not the clock, into fonts it re-saves.

    WeasyPrint subsets with HarfBuzz when libharfbuzz-subset is present, which keeps
    the font's own ``head.modified``; but it falls back to fontTools (no hb-subset,
    variable fonts, WOFF, colour emoji), and fontTools' ``TTFont.save`` stamps
    ``head.modified`` with ``timestampNow()``, which honours only the environment
    variable. An existing SOURCE_DATE_EPOCH wins (``created`` normally came from it).
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(max(0, int(created.timestamp())))
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def write_pdf(document: Document) -> Written:
    """The PDF writer of the registry (`generator.render`): tagged, in the document's
    variant, with the spec attached where the variant permits it (`ATTACHING_VARIANTS`)."""
    variant = _variant(document.pdf_variant)
    options = PdfOptions(title=document.title, author=document.author,
                         subject=document.subject, keywords=document.keywords,
                         language=document.language, created=document.created,
                         variant=variant,
                         attachments=document.attachments
                         if variant in ATTACHING_VARIANTS else [])
    return Written(render_pdf(document.html, [], options))


def _variant(name: str | None) -> PdfVariant | None:
    for variant in PDF_VARIANTS:
        if name == variant:
            return variant
    if name:
        raise ValueError(f"unsupported PDF variant {name!r}")
    return None
