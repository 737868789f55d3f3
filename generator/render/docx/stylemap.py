"""The style map: every element and class of the HTML vocabulary, what it becomes in Word,
and which handler of the converter writes it.

`VOCABULARY` is data the converter dispatches on (as mammoth's style map): the walk looks an
element up by its tag and classes (`StyleMap.find`) and calls the rule's handler; handlers
take their style names from the rules. docs/templates.md's mapping table is generated from
it (``python scripts/gen_template_docs.py``), the reference builder
(`scripts/build_reference_docx.py`) and the tests read it. An element class no rule maps is
reported as a `DocxWarning` (docx.unmapped_class), never dropped silently.

Restyling the Word output means editing `templates/docx/reference.docx` (or passing a
consultant's own with ``--reference-docx``), never this table.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from generator.spec.enabler_vocabulary import ENABLER_COLOURS

StyleKind = Literal["paragraph", "character", "table"]
RuleKind = Literal["paragraph", "character", "table", "numbering", "direct", "layout"]

# --- the styles of the reference document ----------------------------------------------------

PARAGRAPH_STYLES = (
    "Normal", "Body Text", "Title", "Subtitle", "Cover Kicker", "Cover Region", "Cover Period",
    "Cover Meta", "Cover Logo", "Heading 1", "Heading 2", "Heading 3", "Heading 4",
    "Heading 5", "Heading 6", "Heading 7", "TOC Heading", "TOC 1", "TOC 2", "TOC 3",
    "Table of Figures", "Caption", "Figure", "Quote", "Block Text", "List Bullet",
    "List Bullet 2", "List Bullet 3", "List Number", "List Number 2", "List Number 3",
    "List Continue", "List Continue 2", "List Continue 3", "Table Heading", "Table Text",
    "Table Number", "Table Group", "Table Total", "SWOT Heading", "Fact Term", "Fact Value",
    "Key Figure", "Signature", "Approval Document", "Approval Basis", "Signature Block",
    "Signature Space", "Seal Place", "Status", "Label", "HTML Preformatted", "Horizontal Line",
    "Header", "Footer", "Bibliography", "Draft Mark", "Legal Emblem", "Legal Heading",
    "Legal Clause", "Legal Dictum", "Legal Chapter", "Legal Article", "Legal Text",
    "Legal Item", "Legal Subitem", "Legal Gazette", "Legal Annex Head",
    "Legal Signature", "Legal Signature Left", "Legal Table Text", "Legal Table Heading",
)
CHARACTER_STYLES = (
    "Hyperlink", "HTML Code", "Key Figure Value", "Status Baik", "Status Cukup",
    "Status Kurang", "Cell Mark",
)
TABLE_STYLES = ("Masterplan Table", "SWOT Table", "Facts Table", "Key Figures Table",
                "Signature Table", "Legal Table")

STYLES: dict[str, StyleKind] = {
    **{name: "paragraph" for name in PARAGRAPH_STYLES},
    **{name: "character" for name in CHARACTER_STYLES},
    **{name: "table" for name in TABLE_STYLES},
}


# --- selectors ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Compound:
    """One element of a selector: ``td.num``, ``.status-baik``, ``td.dim-*``.

    A class ending in ``*`` stands for the classes in `values` (any class with that prefix
    when there are none). Attribute conditions (``a[href^=#]``) are documentation only.
    """

    tag: str | None
    classes: tuple[str, ...]
    values: frozenset[str] = frozenset()
    _exact: frozenset[str] = field(init=False, repr=False, compare=False)
    _prefixes: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_exact", frozenset(
            name for name in self.classes if not name.endswith("*")))
        object.__setattr__(self, "_prefixes", tuple(
            name[:-1] for name in self.classes if name.endswith("*")))

    def has(self, css_class: str) -> bool:
        """Whether this compound names `css_class`."""
        return css_class in self._exact or any(self._stands_for(prefix, css_class)
                                               for prefix in self._prefixes)

    def matches(self, tag: str, classes: Collection[str]) -> bool:
        return (self.tag in (None, tag) and self._exact.issubset(classes)
                and all(any(self._stands_for(prefix, c) for c in classes)
                        for prefix in self._prefixes))

    def _stands_for(self, prefix: str, css_class: str) -> bool:
        if self.values:
            return css_class in self.values
        return css_class.startswith(prefix)


@dataclass(frozen=True)
class Selector:
    """One alternative of a rule's selector: the element it styles and what it sits in."""

    subject: Compound
    context: str  # the ancestors as written: "", "div.narrative", "ul >", "nav.toc"


_ANNOTATION = re.compile(r"\(.*?\)")
_ATTRIBUTES = re.compile(r"\[.*?\]")
_COMBINATOR = re.compile(r"\s*>\s*|\s+")


def parse_selector(text: str, values: Iterable[str] = ()) -> tuple[Selector, ...]:
    """``"nav.toc li.toc-1, li > p (second and later)"`` → its alternatives."""
    found = []
    for alternative in _ANNOTATION.sub("", text).split(","):
        alternative = alternative.strip()
        parts = _COMBINATOR.split(alternative)
        last = parts[-1]
        tag, *classes = _ATTRIBUTES.sub("", last).split(".")
        subject = Compound(tag or None, tuple(classes), frozenset(values))
        found.append(Selector(subject, alternative[:-len(last)].strip()))
    return tuple(found)


# --- the rules ---------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)  # a rule is itself: compared and hashed by identity
class Rule:
    """One entry of the HTML vocabulary and what it becomes in Word.

    `target` is a style name for the style kinds, the numbering definition for
    ``numbering``, a field instruction or a description otherwise. `handler` names the
    function of the converter that writes the element (`writer.BLOCK_HANDLERS`,
    `writer.INLINE_HANDLERS`, or one of `writer.IMPLICIT_HANDLERS`).
    """

    selector: str
    kind: RuleKind
    target: str
    handler: str
    note: str = ""
    nested: tuple[str, ...] = ()  # the styles of nested levels (lists)
    size: int | None = None  # half-points of the cell text (compact tables)
    shading: str | None = None  # cell fill, as in style.css
    values: Mapping[str, str] = field(default_factory=dict)  # class → fill, for `prefix-*`
    selectors: tuple[Selector, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "selectors", parse_selector(self.selector, self.values))

    def matches(self, tag: str, classes: Collection[str]) -> bool:
        """Whether an element `tag` with `classes` is what some alternative styles
        (regardless of where it sits)."""
        return any(selector.subject.matches(tag, classes) for selector in self.selectors)

    @property
    def styles(self) -> tuple[str, ...]:
        """The style of each list level, the first level's being `target`."""
        return (self.target, *self.nested)

    def description(self) -> str:
        """The note of the documentation, with what the data of the rule adds."""
        parts = []
        if self.nested:
            parts.append("nested: " + ", ".join(self.nested))
        if self.size:
            parts.append(f"cell text {self.size / 2:g} pt")
        parts.append(self.note)
        if self.shading:
            parts.append(f"fill #{self.shading}")
        if self.values:
            parts.append(", ".join(f"{name} #{fill}" for name, fill in self.values.items()))
        return "; ".join(part for part in parts if part)


def _fills(prefix: str, fills: Mapping[str, str]) -> dict[str, str]:
    return {f"{prefix}{name}": fill for name, fill in fills.items()}


# Colours of templates/style.css and templates/report/report.css (a unit test keeps them in
# step); the dimensions' are the framework's (`DocxOptions.dimension_fills`).
_ENABLER_FILLS = _fills("enb-", {name: colour.lstrip("#").upper()
                                 for name, colour in ENABLER_COLOURS.items()})
_RISK_FILLS = _fills("risk-", {"low": "D9EAD3", "medium": "FCE8B2", "high": "F8CBAD",
                               "very-high": "F4B6B0"})
_SWOT_FILLS = _fills("swot-", {"strengths": "EEF5EA", "weaknesses": "FBEEE6",
                               "opportunities": "EAF1F8", "threats": "F6ECEC"})
_HEAT_FILLS = _fills("heat-", {"1": "F4C7C3", "2": "FCE8B2", "3": "D9EAD3", "4": "A8D08D"})

_HEADING_NOTE = "Markdown heading, unnumbered"

# Where an element matches several rules, the one naming more classes wins, then the one
# listed first (so section.landscape before section.chapter, table.swot before table.data).
VOCABULARY: tuple[Rule, ...] = (
    # document shell
    Rule("html[lang]", "direct", "core properties", "properties",
         "language of the document properties (DocxOptions.language)"),
    Rule("head, title, meta, style, script, template, link, noscript, object, embed, iframe, "
         "svg, math", "layout", "ignored", "ignore",
         "properties come from DocxOptions; the CSS is mirrored by reference.docx"),
    Rule("body.doc-*", "layout", "document", "document", "doc-masterplan, doc-summary, "
         "doc-quickwins, doc-readiness, doc-report"),
    Rule("header.running", "paragraph", "Header", "running_header",
         "the running header of every page after the cover (DocxOptions.header wins)"),
    Rule("span.running-region", "layout", "header text", "text",
         "region in the running header"),
    Rule("span.running-title", "layout", "header text", "text", "title in the running header"),
    Rule("footer (generated)", "paragraph", "Footer", "page_setup", "centred PAGE field"),
    # cover
    Rule("section.cover", "layout", "own section", "cover",
         "first section: no header or footer, a page-sized picture of the cover colour "
         "behind the text (wp:anchor behindDoc), the text white"),
    Rule("div.cover-logo", "paragraph", "Cover Logo", "styled_flow",
         "the logo picture (data: PNG/JPEG)"),
    Rule("div.cover-logo.card", "paragraph", "Cover Logo", "styled_flow",
         "an opaque logo: on a white card with rounded corners, as on the PDF's blue cover"),
    Rule("p.cover-kicker", "paragraph", "Cover Kicker", "paragraph"),
    Rule("p.cover-title", "paragraph", "Title", "paragraph"),
    Rule("p.cover-subtitle", "paragraph", "Subtitle", "paragraph"),
    Rule("p.cover-region", "paragraph", "Cover Region", "paragraph"),
    Rule("p.cover-period", "paragraph", "Cover Period", "paragraph"),
    Rule("p.cover-meta", "paragraph", "Cover Meta", "paragraph"),
    Rule("p.cover-note", "paragraph", "Cover Meta", "paragraph",
         "the framework's note (a draft framework)"),
    # structure
    Rule("section.landscape", "layout", "landscape section", "landscape",
         "section break before and after; A4 landscape; each further h2 on a new page"),
    Rule("section.front", "layout", "page break", "page_break",
         "front matter starts on a new page"),
    Rule("section.approval", "layout", "page break", "page_break",
         "the approval page (lembar pengesahan), in the front matter"),
    Rule("section.chapter", "layout", "page break", "page_break",
         "a chapter starts on a new page"),
    Rule("section.bibliography", "layout", "page break", "page_break",
         "the bibliography: a chapter whose h1 has no number (no span.num)"),
    Rule("section.annex", "layout", "annex numbering", "container",
         "h1 becomes Lampiran A, B, …"),
    Rule("section.alignment", "layout", "container", "container",
         "the alignment annex (RPJMD items × dimensions): an annex like the others"),
    Rule("section.indicator-plan", "layout", "container", "container",
         "the indicator plan's chapter"),
    Rule("article, article.quickwin", "layout", "page break", "page_break_at_h1",
         "new page when the article starts with an h1 (quick-win document)"),
    Rule("div.scroll", "layout", "container", "container",
         "a wide table's region, which scrolls sideways on screen: its table flows on"),
    Rule("section, main, div, aside, header, footer, nav, form, fieldset, details, address",
         "layout", "container", "container", "any other container: its content flows on"),
    Rule("h1.front-title, h2.front-title, h3.front-title, h4.front-title", "paragraph",
         "TOC Heading", "front_title", "unnumbered, not in the contents"),
    Rule("h1", "paragraph", "Heading 1", "numbered_heading",
         "Word numbering BAB I (or Lampiran A in annexes)"),
    Rule("h2", "paragraph", "Heading 2", "numbered_heading", "Word numbering 1.1"),
    Rule("h3", "paragraph", "Heading 3", "numbered_heading", "Word numbering 1.1.1"),
    Rule("h4", "paragraph", "Heading 4", "numbered_heading", "Word numbering 1.1.1.1"),
    Rule("span.num", "layout", "dropped in headings", "text",
         "headings are numbered by Word; kept as text in captions and contents lists"),
    Rule("div.narrative", "layout", "container", "narrative", "Markdown from the spec"),
    Rule("div.narrative h4", "paragraph", "Heading 5", "unnumbered_heading",
         f"{_HEADING_NOTE} (so is any h1–h4 in div.narrative)"),
    Rule("h5", "paragraph", "Heading 6", "unnumbered_heading", _HEADING_NOTE),
    Rule("h6", "paragraph", "Heading 7", "unnumbered_heading", _HEADING_NOTE),
    Rule("p", "paragraph", "Body Text", "paragraph"),
    Rule("p.signature", "paragraph", "Signature", "paragraph"),
    Rule("p.reference", "paragraph", "Bibliography", "paragraph",
         "an entry of the bibliography (section.bibliography): hanging indent"),
    Rule("p.approval-document", "paragraph", "Approval Document", "paragraph",
         "the approval page: the document, region and period"),
    Rule("p.approval-basis", "paragraph", "Approval Basis", "paragraph",
         "the approval page: the regulation adopting the masterplan"),
    Rule("p.coverage", "paragraph", "Body Text", "paragraph",
         "the alignment annex: a line of its coverage statement"),
    Rule("p.status", "paragraph", "Status", "paragraph", "kept with the next paragraph"),
    Rule("p.redline-legend", "paragraph", "Body Text", "paragraph",
         "a redline's note on its marks, before the contents"),
    Rule("p.label", "paragraph", "Label", "paragraph",
         "a label line (Kegiatan:, Uraian); kept with the next paragraph"),
    Rule(".status-baik", "character", "Status Baik", "status", "on p.status and td"),
    Rule(".status-cukup", "character", "Status Cukup", "status", "on p.status and td"),
    Rule(".status-kurang", "character", "Status Kurang", "status", "on p.status and td"),
    Rule("blockquote.vision", "paragraph", "Quote", "styled_flow"),
    Rule("blockquote", "paragraph", "Block Text", "styled_flow", "Markdown quote"),
    Rule("pre", "paragraph", "HTML Preformatted", "preformatted", "Markdown code block"),
    Rule("hr", "paragraph", "Horizontal Line", "horizontal_line"),
    Rule("br", "direct", "line break", "line_break"),
    # lists
    Rule("ul > li", "paragraph", "List Bullet", "list_item",
         "deeper levels stay at the last", nested=("List Bullet 2", "List Bullet 3")),
    Rule("ol > li", "paragraph", "List Number", "list_item",
         "every list restarts at 1 (or ol[start])",
         nested=("List Number 2", "List Number 3")),
    Rule("li > p (second and later)", "paragraph", "List Continue", "paragraph",
         nested=("List Continue 2", "List Continue 3")),
    Rule("ul", "numbering", "masterplan-bullets", "bullet_list",
         "abstract numbering definition in numbering.xml"),
    Rule("ol", "numbering", "masterplan-numbers", "numbered_list",
         "abstract numbering definition in numbering.xml; a new instance per list"),
    # contents and lists of tables and figures
    Rule("nav.toc", "layout", 'TOC \\o "1-2" \\h \\z \\u', "contents",
         "a TOC field of the levels the HTML lists (1-2; a template listing toc-3 makes it "
         "1-3), pre-filled with the entries of the HTML and their page numbers as "
         "LibreOffice lays them out (--docx-toc pages), updated by Word on opening "
         "(updateFields)"),
    Rule("nav.toc li, nav.toc li.toc-1", "paragraph", "TOC 1", "list_item"),
    Rule("nav.toc li.toc-2", "paragraph", "TOC 2", "list_item"),
    Rule("nav.toc li.toc-3", "paragraph", "TOC 3", "list_item"),
    Rule("nav.toc.toc-tables, nav.toc.toc-figures", "paragraph", "Table of Figures",
         "entries", "each li: a hyperlink to the caption and a PAGEREF field"),
    Rule("a[href^=http:], a[href^=https:], a[href^=mailto:]", "character", "Hyperlink",
         "link", "external hyperlink; any other scheme (javascript:, file:, relative) stays "
         "text"),
    Rule("a[href^=#]", "character", "Hyperlink", "link", "internal hyperlink to a bookmark"),
    Rule("a.cite", "character", "Hyperlink", "link",
         "a citation in Markdown: internal hyperlink to its entry (p.reference)"),
    # inline
    Rule("strong, b", "direct", "bold", "bold"),
    Rule("em, i, cite, dfn, var", "direct", "italic", "italic"),
    Rule("u, ins", "direct", "underline", "underline", "a signatory's name"),
    Rule("del, s, strike", "direct", "strikethrough", "strike",
         "words removed, in the change matrix"),
    Rule("ins.rl, del.rl", "direct", "tracked change", "revision",
         "a redline's added and removed text (render --redline): w:ins and w:del"),
    Rule("sub", "direct", "subscript", "vertical_align"),
    Rule("sup", "direct", "superscript", "vertical_align"),
    Rule("code, kbd, samp, tt", "character", "HTML Code", "character"),
    # tables
    Rule("table.swot", "table", "SWOT Table", "even_table",
         "two equal columns; rows may split across pages (unless table.keep)"),
    Rule("table.signatures", "table", "Signature Table", "even_table",
         "the approval page's signature blocks: equal columns, no borders; with table.keep "
         "on one page"),
    Rule("table, table.data", "table", "Masterplan Table", "table",
         "also Markdown tables without a class; column widths from the content"),
    Rule("table.programs", "layout", "Masterplan Table", "table", "program list"),
    Rule("table.glossary", "layout", "Masterplan Table", "table", "glossary"),
    Rule("table.matrix", "direct", "compact text", "table", size=14),
    Rule("table.alignment-matrix", "direct", "compact text", "table", size=14),
    Rule("table.alignment-programs", "layout", "Masterplan Table", "table",
         "the alignment annex: each program's Renstra, SPBE and RTRW links"),
    Rule("table.indicator-plan", "layout", "Masterplan Table", "table",
         "the indicator plan: ISO indicators with baseline, targets, agency and source"),
    Rule("table.wide", "direct", "compact text", "table",
         "usually inside section.landscape; table.matrix wins", size=16),
    Rule("table.indicators", "layout", "Masterplan Table", "table", "indicator annex"),
    Rule("table.program-indicators", "layout", "Masterplan Table", "table",
         "one program's indicators and targets, under the program (table.keep when short)"),
    Rule("table.previous", "layout", "Masterplan Table", "table",
         "the previous masterplan's programs, planned against realised"),
    Rule("table.roadmap", "layout", "Masterplan Table", "table",
         "th.year columns are 9 mm wide"),
    Rule("colgroup, col", "layout", "ignored", "ignore",
         "the PDF's column widths of a fixed table (table.roadmap-years); the converter"
         " sizes the grid itself (th.year columns 9 mm)"),
    Rule("table.roadmap-years", "layout", "Masterplan Table", "table",
         "the book's roadmap: fixed columns (its colgroup), every year as wide as the others"),
    Rule("table.calendar", "layout", "Masterplan Table", "table",
         "the enablers' meeting calendar (with table.roadmap: a th.year column per month)"),
    Rule("table.risks", "direct", "compact text", "table",
         "the risk register of the governance chapter", size=16),
    Rule("table.keep", "layout", "rows kept together", "table",
         "a short table never splits: no row splits and every row is kept with the next"),
    Rule("caption", "paragraph", "Caption", "caption",
         "above the table, number kept as text, bookmarked"),
    Rule("thead", "direct", "repeated header row", "table_part",
         "w:tblHeader on every thead row"),
    Rule("tbody, tr", "layout", "table rows", "table_part",
         "rows never split across pages (w:cantSplit), except in table.swot; the first "
         "body row and the last but one are kept with the next (no row alone at the foot "
         "or head of a page)"),
    Rule("th", "paragraph", "Table Heading", "table_part"),
    Rule("th.num", "direct", "right aligned", "table_part",
         "the column kept wide enough not to wrap"),
    Rule("th.year", "direct", "centred, 9 mm", "table_part"),
    Rule("th.phase", "direct", "centred", "table_part",
         "a roadmap phase above its years (th[colspan])"),
    Rule("td", "paragraph", "Table Text", "table_part"),
    Rule("td.signatory", "paragraph", "Signature Block", "table_part",
         "a signature block: label, position, name, rank, NIP, centred"),
    Rule("div.sign-here", "paragraph", "Signature Space", "styled_flow",
         "room for a signature, in td.signatory"),
    Rule("div.sign-here.seal", "paragraph", "Seal Place", "styled_flow",
         "room for the signature and the official seal (cap), marked"),
    Rule("td.num", "paragraph", "Table Number", "table_part",
         "right aligned, the column kept wide enough not to wrap"),
    Rule("td.nowrap", "direct", "column width", "table_part",
         "the column is kept wide enough not to wrap"),
    Rule("td[colspan]", "direct", "merged cells", "table_part", "w:gridSpan"),
    Rule("tr.group", "paragraph", "Table Group", "table_part", "group heading row",
         shading="DDE7F1"),
    Rule("tfoot", "paragraph", "Table Total", "table_part", "total row", shading="E9EFF5"),
    Rule("td.on", "direct", "cell shading", "table_part",
         "roadmap cell, centred; with td.dim-* the colour of its dimension",
         shading="55779D"),
    Rule("td.off", "layout", "empty cell", "table_part"),
    Rule("td.dim-*", "direct", "cell shading", "table_part",
         "on td.on; the colour of the framework's dimension KEY (`dim-KEY`)"),
    Rule("td.enb-*", "direct", "cell shading", "table_part",
         "on td.on: an enabler's lane (roadmap, meeting calendar), in its group's grey",
         values=_ENABLER_FILLS),
    Rule("td.risk-*", "direct", "cell shading", "table_part",
         "a risk's level in the risk register", values=_RISK_FILLS),
    Rule("td.swot-*", "direct", "cell shading", "table_part", values=_SWOT_FILLS),
    Rule("th.swot-*", "paragraph", "SWOT Heading", "table_part",
         "a quadrant's title, a row above its items, shaded as they are; the first title "
         "row is the header row (w:tblHeader) of a SWOT that never splits",
         values=_SWOT_FILLS),
    Rule("tr.rpjmd-*", "layout", "table row", "table_part",
         "the alignment matrix: a mission, goal, target or regional program row (a mission"
         " row is also tr.group)"),
    Rule("tr.sign-where, tr.sign-label, tr.sign-role, tr.sign-name, tr.sign-top", "layout",
         "table row", "table_part",
         "the approval page's signature blocks, a row per part: place and date, label,"
         " position, signature and name (sign-top: the first row of a row of blocks)"),
    Rule("tr.swot-head", "layout", "row kept with the next", "table_part",
         "a SWOT title row stays with its items"),
    Rule("span.sr-only", "character", "Cell Mark", "character",
         "text the colour around it shows (a roadmap's active years): white, small, on the "
         "cell's fill (the HTML and PDF hide it from sight)"),
    # facts
    Rule("dl, dl.facts", "table", "Facts Table", "facts",
         "two-column table, one row per dt; kept on one page"),
    Rule("dt", "paragraph", "Fact Term", "styled_flow"),
    Rule("dd", "paragraph", "Fact Value", "styled_flow"),
    # figures
    Rule("figure.chart", "paragraph", "Figure", "chart",
         "the PNG of DocxOptions.charts[data-chart] at data-width-cm (at most the text "
         "width), img alt as alt text"),
    Rule("figure.picture", "paragraph", "Figure", "picture_figure",
         "a picture of the spec: the data: PNG or JPEG of its img at data-width-cm (at most "
         "the text width), img alt as alt text"),
    Rule("figure", "paragraph", "Figure", "styled_flow", "a figure without a chart"),
    Rule("img", "direct", "inline picture", "picture",
         "data: PNG or JPEG only; nothing is fetched"),
    Rule("figcaption", "paragraph", "Caption", "caption", "below the picture, bookmarked"),
    Rule("span.source", "layout", "caption text", "text",
         "the source of a picture, on its own line of the caption"),
    # summary
    Rule("div.keyfigures", "table", "Key Figures Table", "keyfigures",
         "one row, one cell per key figure"),
    Rule("p.keyfigure", "paragraph", "Key Figure", "paragraph"),
    Rule("span.value", "character", "Key Figure Value", "keyfigure_value",
         "followed by a line break"),
    # the legal drafts (templates/legal/, perkada, sk-dewan, sk-tim, komitmen)
    Rule("body.legal", "layout", "folio page", "folio_page",
         "a legal draft: F4 paper (215 x 330 mm), its own margins, the page number \"- 2 -\""
         " centred on top from the second page, none in the footer"),
    Rule("header.running.draft-mark", "paragraph", "Draft Mark", "running_header",
         "RANCANGAN on top of every page of a draft"),
    Rule("section.legal-act", "layout", "container", "container",
         "the regulation or decree itself"),
    Rule("div.legal-head", "layout", "container", "container",
         "the heading under the coat of arms"),
    Rule("section.legal-annex", "layout", "page break", "page_break", "the lampiran"),
    Rule("p.legal-emblem", "paragraph", "Legal Emblem", "paragraph",
         "the region's coat of arms, centred"),
    Rule("p.legal-heading", "paragraph", "Legal Heading", "paragraph",
         "centred bold capitals: the head, the title, MEMUTUSKAN"),
    Rule("p.legal-clause", "paragraph", "Legal Clause", "paragraph",
         "a row of Menimbang or Mengingat: label, colon, mark and text at tab stops, the "
         "text hanging"),
    Rule("p.legal-dictum", "paragraph", "Legal Dictum", "paragraph",
         "Menetapkan and each dictum (KESATU, KEDUA, …): label, colon, text hanging"),
    Rule("p.legal-chapter", "paragraph", "Legal Chapter", "paragraph",
         "BAB I and its title, centred"),
    Rule("p.legal-article", "paragraph", "Legal Article", "paragraph", "Pasal 1, centred"),
    Rule("p.legal-text", "paragraph", "Legal Text", "paragraph", "justified text"),
    Rule("p.legal-closing", "layout", "Legal Text", "paragraph",
         "the promulgation order, space above"),
    Rule("p.legal-item", "paragraph", "Legal Item", "paragraph",
         "a numbered definition or paragraph (1., (1)): mark, tab, text hanging"),
    Rule("p.legal-subitem", "paragraph", "Legal Subitem", "paragraph",
         "a lettered item within a paragraph (a., b.)"),
    Rule("p.legal-gazette", "paragraph", "Legal Gazette", "paragraph",
         "BERITA DAERAH … TAHUN … NOMOR …"),
    Rule("p.legal-annex-head", "paragraph", "Legal Annex Head", "paragraph",
         "LAMPIRAN … NOMOR … TENTANG …, in the right half of the page"),
    Rule("span.tab, span.tab-label, span.tab-colon, span.tab-mark, span.tab-item", "direct",
         "text and a tab", "tab",
         "a column of a clause: its text, then a tab to the style's next tab stop"),
    Rule("table.legal-signatures", "table", "Signature Table", "even_table",
         "the head's signature (right) and the promulgation or witnesses (left)"),
    Rule("td.signatory.legal-sign, p.legal-sign", "paragraph", "Legal Signature",
         "table_part", "a legal draft's signature block, centred"),
    Rule("td.signatory.legal-sign-left, p.legal-sign-left", "paragraph",
         "Legal Signature Left", "table_part",
         "a signature block aligned left (Diundangkan di …)"),
    Rule("table.legal-members, table.legal-quickwins", "table", "Legal Table", "table",
         "a lampiran's membership list, the commitment's quick wins: black rules"),
    Rule("td.legal", "paragraph", "Legal Table Text", "table_part"),
    Rule("th.legal", "paragraph", "Legal Table Heading", "table_part"),
    # cohort report (templates/report/)
    Rule("table.heatmap", "layout", "compact text", "table",
         "readiness heat map of the cohort report"),
    Rule("td.heat", "layout", "Table Number", "table_part", "a heat-map cell"),
    Rule("td.heat-*", "direct", "cell shading", "table_part", "score bands, as report.css",
         values=_HEAT_FILLS),
    Rule("td.avg", "layout", "Table Number", "table_part", "an average (bold in the PDF)"),
    Rule("p.legend", "paragraph", "Body Text", "paragraph", "abbreviations under the heat map"),
)


# --- looking rules up ----------------------------------------------------------------------------


_MAX_REMEMBERED = 10_000  # lookups remembered (few distinct tag and class sets per document)


class StyleMap:
    """The rules, indexed by the tag of the element they style."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = tuple(rules)
        self._by_selector = {rule.selector: rule for rule in self.rules}
        self._by_tag: dict[str | None, list[tuple[Selector, Rule]]] = {}
        self._found: dict[tuple[Any, ...], Rule | None] = {}
        for rule in self.rules:
            for selector in rule.selectors:
                self._by_tag.setdefault(selector.subject.tag, []).append((selector, rule))

    def rule(self, selector: str) -> Rule:
        """The rule written with exactly this selector."""
        return self._by_selector[selector]

    def with_handler(self, handler: str) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.handler == handler)

    def find(self, tag: str, classes: Collection[str], *,
             handlers: frozenset[str] | None = None, kinds: frozenset[str] | None = None,
             context: str | None = None) -> Rule | None:
        """The rule for a `tag` element with `classes`: among the rules naming that tag
        (and, if given, with one of `handlers`, of one of `kinds`, within `context`), the
        one naming the most classes, then the first listed."""
        key = (tag, frozenset(classes), handlers, kinds, context)
        try:
            return self._found[key]
        except KeyError:
            pass
        if len(self._found) >= _MAX_REMEMBERED:  # hostile HTML: endless class lists
            self._found.clear()
        rule = self._found[key] = self._find(*key)
        return rule

    def _find(self, tag: str, classes: frozenset[str], handlers: frozenset[str] | None,
              kinds: frozenset[str] | None, context: str | None) -> Rule | None:
        best: Rule | None = None
        best_classes = -1
        for selector, rule in self._by_tag.get(tag, ()):
            subject = selector.subject
            if (len(subject.classes) > best_classes and subject.matches(tag, classes)
                    and (handlers is None or rule.handler in handlers)
                    and (kinds is None or rule.kind in kinds)
                    and (context is None or selector.context == context)):
                best, best_classes = rule, len(subject.classes)
        return best

    def tags(self, handlers: Collection[str]) -> frozenset[str]:
        """The tags a rule without classes gives one of `handlers`."""
        return frozenset(tag for tag, entries in self._by_tag.items() if tag is not None
                         and any(not selector.subject.classes and rule.handler in handlers
                                 for selector, rule in entries))

    def maps(self, tag: str, css_class: str) -> bool:
        """Whether some rule says what `css_class` on a `tag` element becomes."""
        return any(selector.subject.has(css_class)
                   for key in (tag, None) for selector, _ in self._by_tag.get(key, ()))


STYLE_MAP = StyleMap(VOCABULARY)

# Derived from the table, for the numbering set-up and the reference builder.
HEADING_STYLES = tuple(STYLE_MAP.rule(tag).target for tag in ("h1", "h2", "h3", "h4"))
BULLET_STYLES = STYLE_MAP.rule("ul > li").styles
NUMBER_STYLES = STYLE_MAP.rule("ol > li").styles


# --- warnings ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocxWarning:
    """Something the converter worked around; `code` and `params` are stable, `message`
    is English (render.py may translate the code through the message catalogue).
    `source` names the template or document the warning is about when that is not the
    reference document, `where` the element (``p.lead``)."""

    code: str
    params: dict[str, str]
    message: str
    source: str = ""
    where: str = ""


# --- the documentation ---------------------------------------------------------------------------

_KIND_NAMES = {"paragraph": "paragraph style", "character": "character style",
               "table": "table style", "numbering": "numbering",
               "direct": "direct formatting", "layout": "layout"}


def markdown_table(rules: Iterable[Rule] = VOCABULARY) -> str:
    """The mapping table of docs/templates.md."""
    lines = ["| HTML | Word | kind | notes |", "|---|---|---|---|"]
    for rule in rules:
        word = f"**{rule.target}**" if rule.kind in ("paragraph", "character", "table") \
            else rule.target
        note = rule.description().replace("|", "\\|")
        lines.append(f"| `{rule.selector}` | {word} | {_KIND_NAMES[rule.kind]} | {note} |")
    return "\n".join(lines) + "\n"
