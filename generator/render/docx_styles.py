"""The DOCX side of the HTML vocabulary: which Word style each element and class becomes,
the numbering definitions, and the reference document the styles come from.

`VOCABULARY` is the single table the converter, the reference builder
(`scripts/build_reference_docx.py`), the documentation (`docs/templates.md`) and the tests
read: restyling the Word output means editing `templates/docx/reference.docx` (or passing a
consultant's own with ``--reference-docx``), never this code.

A consultant's reference document may lack some of our styles; each missing one is copied
from the built-in reference (with the styles it is based on) and reported as a
`DocxWarning`, as pandoc's ``--reference-doc`` does silently.
"""

from __future__ import annotations

import copy
import io
import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from lxml import etree

from generator.errors import RenderError
from generator.resources import templates_dir

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"

StyleKind = Literal["paragraph", "character", "table"]
RuleKind = Literal["paragraph", "character", "table", "numbering", "direct", "layout"]

# --- the styles the converter uses -----------------------------------------------------------

PARAGRAPH_STYLES = (
    "Normal", "Body Text", "Title", "Subtitle", "Cover Kicker", "Cover Region", "Cover Period",
    "Cover Meta", "Cover Logo", "Heading 1", "Heading 2", "Heading 3", "Heading 4",
    "Heading 5", "Heading 6", "Heading 7", "TOC Heading", "TOC 1", "TOC 2", "TOC 3",
    "Table of Figures", "Caption", "Figure", "Quote", "Block Text", "List Bullet",
    "List Bullet 2", "List Bullet 3", "List Number", "List Number 2", "List Number 3",
    "List Continue", "List Continue 2", "List Continue 3", "Table Heading", "Table Text",
    "Table Number", "Table Group", "Table Total", "Fact Term", "Fact Value", "Key Figure",
    "Signature", "Status", "HTML Preformatted", "Horizontal Line", "Header", "Footer",
)
CHARACTER_STYLES = (
    "Hyperlink", "HTML Code", "Key Figure Value", "Status Baik", "Status Cukup",
    "Status Kurang",
)
TABLE_STYLES = ("Masterplan Table", "SWOT Table", "Facts Table", "Key Figures Table")

STYLES: dict[str, StyleKind] = {
    **{name: "paragraph" for name in PARAGRAPH_STYLES},
    **{name: "character" for name in CHARACTER_STYLES},
    **{name: "table" for name in TABLE_STYLES},
}

MAX_LIST_LEVELS = 3  # deeper lists stay at the third level (styles List Bullet 3 etc.)
BULLET_STYLES = ("List Bullet", "List Bullet 2", "List Bullet 3")
NUMBER_STYLES = ("List Number", "List Number 2", "List Number 3")
CONTINUE_STYLES = ("List Continue", "List Continue 2", "List Continue 3")
HEADING_STYLES = ("Heading 1", "Heading 2", "Heading 3", "Heading 4")
NARRATIVE_HEADING_STYLES = {"h4": "Heading 5", "h5": "Heading 6", "h6": "Heading 7"}
TOC_STYLES = {"toc-1": "TOC 1", "toc-2": "TOC 2", "toc-3": "TOC 3"}
STATUS_STYLES = {"status-baik": "Status Baik", "status-cukup": "Status Cukup",
                 "status-kurang": "Status Kurang"}


@dataclass(frozen=True)
class Rule:
    """One entry of the HTML vocabulary and what it becomes in Word."""

    selector: str
    kind: RuleKind
    target: str
    note: str = ""


VOCABULARY: tuple[Rule, ...] = (
    # document shell
    Rule("html[lang]", "direct", "core properties", "language of the document properties"),
    Rule("head, title, meta, style", "layout", "ignored",
         "properties come from DocxOptions; the CSS is mirrored by reference.docx"),
    Rule("body.doc-*", "layout", "document", "doc-masterplan, doc-summary, doc-quickwins, "
         "doc-readiness"),
    Rule("header.running", "paragraph", "Header",
         "the running header of every page after the cover (DocxOptions.header wins)"),
    Rule("span.running-region", "layout", "header text", "region in the running header"),
    Rule("span.running-title", "layout", "header text", "title in the running header"),
    Rule("footer (generated)", "paragraph", "Footer", "centred PAGE field"),
    # cover
    Rule("section.cover", "layout", "own section", "first section: no header or footer, "
         "vertically centred"),
    Rule("div.cover-logo", "paragraph", "Cover Logo", "the logo picture (data: PNG/JPEG)"),
    Rule("p.cover-kicker", "paragraph", "Cover Kicker"),
    Rule("p.cover-title", "paragraph", "Title"),
    Rule("p.cover-subtitle", "paragraph", "Subtitle"),
    Rule("p.cover-region", "paragraph", "Cover Region"),
    Rule("p.cover-period", "paragraph", "Cover Period"),
    Rule("p.cover-meta", "paragraph", "Cover Meta"),
    # structure
    Rule("section.front", "layout", "page break", "front matter starts on a new page"),
    Rule("section.chapter", "layout", "page break", "a chapter starts on a new page"),
    Rule("section.landscape", "layout", "landscape section",
         "section break before and after; A4 landscape; each further h2 on a new page"),
    Rule("section.annex", "layout", "annex numbering", "h1 becomes Lampiran A, B, …"),
    Rule("article.quickwin", "layout", "page break",
         "new page when the article starts with an h1 (quick-win document)"),
    Rule("h1.front-title", "paragraph", "TOC Heading", "unnumbered, not in the contents"),
    Rule("h1", "paragraph", "Heading 1", "Word numbering BAB I (or Lampiran A in annexes)"),
    Rule("h2", "paragraph", "Heading 2", "Word numbering 1.1"),
    Rule("h3", "paragraph", "Heading 3", "Word numbering 1.1.1"),
    Rule("h4", "paragraph", "Heading 4", "Word numbering 1.1.1.1"),
    Rule("span.num", "layout", "dropped in headings",
         "headings are numbered by Word; kept as text in captions and contents lists"),
    Rule("div.narrative", "layout", "container", "Markdown from the spec"),
    Rule("div.narrative h4", "paragraph", "Heading 5", "Markdown heading, unnumbered"),
    Rule("div.narrative h5", "paragraph", "Heading 6", "Markdown heading, unnumbered"),
    Rule("div.narrative h6", "paragraph", "Heading 7", "Markdown heading, unnumbered"),
    Rule("p", "paragraph", "Body Text"),
    Rule("p.signature", "paragraph", "Signature"),
    Rule("p.status", "paragraph", "Status"),
    Rule(".status-baik", "character", "Status Baik", "on p.status and td"),
    Rule(".status-cukup", "character", "Status Cukup", "on p.status and td"),
    Rule(".status-kurang", "character", "Status Kurang", "on p.status and td"),
    Rule("blockquote.vision", "paragraph", "Quote"),
    Rule("blockquote", "paragraph", "Block Text", "Markdown quote"),
    Rule("pre", "paragraph", "HTML Preformatted", "Markdown code block"),
    Rule("hr", "paragraph", "Horizontal Line"),
    Rule("br", "direct", "line break"),
    # lists
    Rule("ul > li", "paragraph", "List Bullet", "nested: List Bullet 2, List Bullet 3 "
         "(deeper levels stay at 3)"),
    Rule("ol > li", "paragraph", "List Number", "nested: List Number 2, List Number 3; every "
         "list restarts at 1 (or ol[start])"),
    Rule("li > p (second and later)", "paragraph", "List Continue",
         "List Continue 2, List Continue 3 when nested"),
    Rule("ul, ol", "numbering", "masterplan-bullets / masterplan-numbers",
         "abstract numbering definitions in numbering.xml"),
    # contents and lists of tables and figures
    Rule("nav.toc", "layout", "TOC field", 'TOC \\o "1-3" \\h \\z \\u, pre-filled with the '
         "entries of the HTML and updated when the document is opened (updateFields)"),
    Rule("nav.toc li.toc-1", "paragraph", "TOC 1"),
    Rule("nav.toc li.toc-2", "paragraph", "TOC 2"),
    Rule("nav.toc li.toc-3", "paragraph", "TOC 3"),
    Rule("nav.toc-tables li, nav.toc-figures li", "paragraph", "Table of Figures",
         "hyperlink to the caption and a PAGEREF field"),
    Rule("a[href^=http:], a[href^=https:], a[href^=mailto:]", "character", "Hyperlink",
         "external hyperlink; any other scheme (javascript:, file:, relative) stays text"),
    Rule("a[href^=#]", "character", "Hyperlink", "internal hyperlink to a bookmark"),
    # inline
    Rule("strong, b", "direct", "bold"),
    Rule("em, i", "direct", "italic"),
    Rule("sub, sup", "direct", "subscript / superscript"),
    Rule("code", "character", "HTML Code"),
    # tables
    Rule("table.data", "table", "Masterplan Table", "also Markdown tables without a class"),
    Rule("table.programs", "layout", "Masterplan Table", "program list"),
    Rule("table.glossary", "layout", "Masterplan Table", "glossary"),
    Rule("table.wide", "layout", "compact text",
         "8 pt cell text (7 pt for table.matrix); usually inside section.landscape"),
    Rule("table.matrix", "layout", "compact text", "7 pt cell text"),
    Rule("table.indicators", "layout", "Masterplan Table", "indicator annex"),
    Rule("table.roadmap", "layout", "Masterplan Table", "th.year columns are 9 mm wide"),
    Rule("table.swot", "table", "SWOT Table", "two equal columns"),
    Rule("caption", "paragraph", "Caption", "above the table, number kept as text, bookmarked"),
    Rule("thead", "direct", "repeated header row", "w:tblHeader on every thead row"),
    Rule("tbody, tr", "layout", "table rows", "rows never split across pages (w:cantSplit), "
         "except in table.swot"),
    Rule("th", "paragraph", "Table Heading"),
    Rule("th.num", "direct", "right aligned"),
    Rule("th.year", "direct", "centred, 9 mm"),
    Rule("td", "paragraph", "Table Text"),
    Rule("td.num", "paragraph", "Table Number", "right aligned, the column kept wide enough "
         "not to wrap"),
    Rule("td.nowrap", "direct", "column width", "the column is kept wide enough not to wrap"),
    Rule("td[colspan]", "direct", "merged cells", "w:gridSpan"),
    Rule("tr.group", "paragraph", "Table Group", "group heading row, shaded"),
    Rule("tfoot", "paragraph", "Table Total", "total row, shaded"),
    Rule("td.on", "direct", "cell shading", "roadmap cell, colour of its dimension"),
    Rule("td.off", "layout", "empty cell"),
    Rule("td.dim-*", "direct", "cell shading", "dim-governance, dim-branding, dim-economy, "
         "dim-living, dim-society, dim-environment"),
    Rule("td.swot-*", "direct", "cell shading", "swot-strengths, swot-weaknesses, "
         "swot-opportunities, swot-threats"),
    # cohort report (templates/report/)
    Rule("table.heatmap", "layout", "compact text", "readiness heat map of the cohort report"),
    Rule("td.heat", "layout", "Table Number", "a heat-map cell"),
    Rule("td.heat-*", "direct", "cell shading", "heat-1 … heat-4 (score bands), as report.css"),
    Rule("td.avg", "layout", "Table Number", "an average (bold in the PDF)"),
    Rule("p.legend", "paragraph", "Body Text", "abbreviations under the heat map"),
    Rule("dl.facts", "table", "Facts Table", "two-column table, one row per dt"),
    Rule("dt", "paragraph", "Fact Term"),
    Rule("dd", "paragraph", "Fact Value"),
    # figures
    Rule("figure.chart", "paragraph", "Figure", "the PNG of DocxOptions.charts[data-chart] at "
         "data-width-cm (at most the text width), img alt as alt text"),
    Rule("img", "direct", "inline picture", "data: PNG or JPEG only; nothing is fetched"),
    Rule("figcaption", "paragraph", "Caption", "below the picture, bookmarked"),
    # summary
    Rule("div.keyfigures", "table", "Key Figures Table", "one row, one cell per key figure"),
    Rule("p.keyfigure", "paragraph", "Key Figure"),
    Rule("span.value", "character", "Key Figure Value", "followed by a line break"),
)

# Colours mirrored from templates/style.css (a unit test keeps them in step).
CELL_SHADING = {
    "th": "1F4E79",
    "tr.group": "DDE7F1",
    "tfoot": "E9EFF5",
    "on": "5B7FA6",
    "dim-governance": "1F4E79",
    "dim-branding": "C55A11",
    "dim-economy": "548235",
    "dim-living": "7030A0",
    "dim-society": "BF8F00",
    "dim-environment": "2E8B8B",
    "swot-strengths": "EEF5EA",
    "swot-weaknesses": "FBEEE6",
    "swot-opportunities": "EAF1F8",
    "swot-threats": "F6ECEC",
    # the cohort report's readiness heat map (templates/report/report.css)
    "heat-1": "F4C7C3",
    "heat-2": "FCE8B2",
    "heat-3": "D9EAD3",
    "heat-4": "A8D08D",
}

# --- page geometry (twentieths of a point) ---------------------------------------------------

def mm(value: float) -> int:
    return round(value / 25.4 * 1440)


A4_WIDTH, A4_HEIGHT = mm(210), mm(297)
PORTRAIT_MARGINS = {"top": mm(25), "right": mm(20), "bottom": mm(22), "left": mm(25),
                    "header": mm(12), "footer": mm(10), "gutter": 0}
LANDSCAPE_MARGINS = {"top": mm(20), "right": mm(18), "bottom": mm(18), "left": mm(18),
                     "header": mm(10), "footer": mm(8), "gutter": 0}

# --- numbering -------------------------------------------------------------------------------

# `h1 .num { display: block; font-size: 13pt; letter-spacing: 0.1em; color: #5b7fa6 }`:
# the chapter label is a line of its own above the title, smaller and lighter. The heading
# text starts with a line break (Word's own idiom for "Chapter 1" above a centred title;
# its TOC field ignores the break, so the entry reads "BAB I Pendahuluan").
CHAPTER_LABEL = (26, "5B7FA6", 26)  # half-points, colour, twips of letter spacing
HEADINGS_NAME = "masterplan-headings"
ANNEXES_NAME = "masterplan-annexes"
BULLETS_NAME = "masterplan-bullets"
NUMBERS_NAME = "masterplan-numbers"
_BULLET_CHARS = ("\u2022", "\u2013", "\u25aa")
_NUMBER_FORMATS = (("decimal", "%{n}."), ("lowerLetter", "%{n}."), ("lowerRoman", "%{n}."))


def _lvl(ilvl: int, fmt: str, text: str, *, style_id: str | None = None, start: int = 1,
         legal: bool = False, indent: tuple[int, int] = (0, 0), suffix: str = "tab",
         font: str | None = None, label: tuple[int, str, int] | None = None,
         ) -> etree._Element:
    lvl = etree.Element(W + "lvl")
    lvl.set(W + "ilvl", str(ilvl))
    etree.SubElement(lvl, W + "start").set(W + "val", str(start))
    etree.SubElement(lvl, W + "numFmt").set(W + "val", fmt)
    if style_id:
        etree.SubElement(lvl, W + "pStyle").set(W + "val", style_id)
    if legal:
        etree.SubElement(lvl, W + "isLgl")
    etree.SubElement(lvl, W + "suff").set(W + "val", suffix)
    etree.SubElement(lvl, W + "lvlText").set(W + "val", text)
    etree.SubElement(lvl, W + "lvlJc").set(W + "val", "left")
    ppr = etree.SubElement(lvl, W + "pPr")
    left, hanging = indent
    ind = etree.SubElement(ppr, W + "ind")
    ind.set(W + "left", str(left))
    ind.set(W + "hanging", str(hanging))
    if font or label:
        rpr = etree.SubElement(lvl, W + "rPr")
        if font:
            fonts = etree.SubElement(rpr, W + "rFonts")
            for attr in ("ascii", "hAnsi", "cs"):
                fonts.set(W + attr, font)
        if label:
            size, colour, spacing = label
            etree.SubElement(rpr, W + "color").set(W + "val", colour)
            etree.SubElement(rpr, W + "spacing").set(W + "val", str(spacing))
            etree.SubElement(rpr, W + "sz").set(W + "val", str(size))
            etree.SubElement(rpr, W + "szCs").set(W + "val", str(size))
    return lvl


def _abstract(name: str, levels: list[etree._Element]) -> etree._Element:
    abstract = etree.Element(W + "abstractNum")
    etree.SubElement(abstract, W + "multiLevelType").set(W + "val", "multilevel")
    etree.SubElement(abstract, W + "name").set(W + "val", name)
    abstract.extend(levels)
    return abstract


def heading_levels(chapter: str, style_ids: list[str | None], *, chapter_number: int = 0,
                   ) -> list[etree._Element]:
    """`BAB %1`, then `1.1`, `1.1.1`, `1.1.1.1`.

    With ``chapter_number`` the sub-levels name the chapter literally (``3.%2``) instead of
    relying on legal numbering (``w:isLgl``, which LibreOffice before 24.2 ignores and
    would show as ``III.1``); the converter gives every chapter such a level override.
    """
    levels = [_lvl(0, "upperRoman", f"{chapter} %1".strip(), style_id=(style_ids or [None])[0],
                   start=max(chapter_number, 1), suffix="space", label=CHAPTER_LABEL)]
    for ilvl in range(1, 9):  # Word expects all nine levels; 5-9 are not linked to styles
        parts = [f"%{n + 1}" for n in range(1, ilvl + 1)]
        head = str(chapter_number) if chapter_number else "%1"
        levels.append(_lvl(ilvl, "decimal", ".".join([head, *parts]),
                           style_id=style_ids[ilvl] if ilvl < len(style_ids) else None,
                           legal=not chapter_number, suffix="space"))
    return levels


def annex_levels(annex: str) -> list[etree._Element]:
    """`Lampiran %1` (A, B, …), then `A.1`, `A.1.1`, `A.1.1.1` (letters, as the HTML)."""
    levels = [_lvl(0, "upperLetter", f"{annex} %1".strip(), suffix="space",
                   label=CHAPTER_LABEL)]
    for ilvl in range(1, 9):
        levels.append(_lvl(ilvl, "decimal", ".".join(f"%{n + 1}" for n in range(ilvl + 1)),
                           suffix="space"))
    return levels


def bullet_levels() -> list[etree._Element]:
    return [_lvl(i, "bullet", _BULLET_CHARS[i % 3], indent=(360 * (i + 1), 360),
                 font="Calibri") for i in range(9)]


def number_levels() -> list[etree._Element]:
    levels = []
    for i in range(9):
        fmt, text = _NUMBER_FORMATS[i % 3]
        levels.append(_lvl(i, fmt, text.format(n=i + 1), indent=(360 * (i + 1), 360)))
    return levels


@dataclass
class Numbering:
    """The numbering part of the document being written, with our definitions in it."""

    element: Any  # the w:numbering element
    abstract_ids: dict[str, int] = field(default_factory=dict)
    _next_abstract: int = 0
    _next_num: int = 0

    @classmethod
    def of(cls, numbering_element: Any) -> Numbering:
        abstract = [int(a.get(W + "abstractNumId", "0"))
                    for a in numbering_element.iterchildren(W + "abstractNum")]
        nums = [int(n.get(W + "numId", "0")) for n in numbering_element.iterchildren(W + "num")]
        return cls(numbering_element, {}, max(abstract, default=-1) + 1, max(nums, default=0) + 1)

    def define(self, name: str, levels: list[etree._Element]) -> int:
        """(Re)define the abstract numbering called `name`; returns its abstractNumId.

        An existing definition of that name (our reference.docx ships them) is replaced in
        place, so the numbers that point to it keep working.
        """
        abstract = _abstract(name, levels)
        for old in self.element.iterchildren(W + "abstractNum"):
            names = old.findall(W + "name")
            if names and names[0].get(W + "val") == name:
                abstract.set(W + "abstractNumId", old.get(W + "abstractNumId"))
                old.getparent().replace(old, abstract)
                break
        else:
            abstract.set(W + "abstractNumId", str(self._next_abstract))
            self._next_abstract += 1
            first_num = self.element.find(W + "num")
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self.element.append(abstract)
        abstract_id = int(abstract.get(W + "abstractNumId"))
        self.abstract_ids[name] = abstract_id
        return abstract_id

    def add_num(self, abstract_name: str, overrides: dict[int, int | etree._Element] | None = None,
                ) -> int:
        """A new list instance; `overrides` maps a level to a start value or a whole w:lvl."""
        num = etree.Element(W + "num")
        cleanup = self.element.find(W + "numIdMacAtCleanup")  # must stay last (Word's files)
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            self.element.append(num)
        num_id = self._next_num
        self._next_num += 1
        num.set(W + "numId", str(num_id))
        etree.SubElement(num, W + "abstractNumId").set(
            W + "val", str(self.abstract_ids[abstract_name]))
        for ilvl, value in sorted((overrides or {}).items()):
            override = etree.SubElement(num, W + "lvlOverride")
            override.set(W + "ilvl", str(ilvl))
            if isinstance(value, int):
                etree.SubElement(override, W + "startOverride").set(W + "val", str(value))
            else:
                etree.SubElement(override, W + "startOverride").set(
                    W + "val", value.find(W + "start").get(W + "val"))
                override.append(value)
        return num_id


def num_pr(num_id: int, ilvl: int = 0) -> etree._Element:
    pr = etree.Element(W + "numPr")
    etree.SubElement(pr, W + "ilvl").set(W + "val", str(ilvl))
    etree.SubElement(pr, W + "numId").set(W + "val", str(num_id))
    return pr


def set_style_numbering(style: Any, num_id: int, ilvl: int) -> None:
    """Link a paragraph style (a w:style element) to a numbering level."""
    ppr = style.find(W + "pPr")
    if ppr is None:
        ppr = etree.Element(W + "pPr")
        anchor = None
        for tag in ("rPr", "tblPr", "trPr", "tcPr", "tblStylePr"):
            anchor = style.find(W + tag)
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addprevious(ppr)
        else:
            style.append(ppr)
    for old in ppr.findall(W + "numPr"):
        ppr.remove(old)
    # numPr comes after keepNext/keepLines/pageBreakBefore/framePr/widowControl in CT_PPr.
    position = 0
    for index, child in enumerate(ppr):
        if etree.QName(child).localname in ("pStyle", "keepNext", "keepLines",
                                            "pageBreakBefore", "framePr", "widowControl"):
            position = index + 1
    ppr.insert(position, num_pr(num_id, ilvl))


# --- heading numbers -------------------------------------------------------------------

_ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90),
          ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def _roman(value: int) -> str:
    out = []
    for letters, amount in _ROMAN:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def _from_roman(token: str) -> int | None:
    value = 0
    rest = token
    for letters, amount in _ROMAN:
        while rest.startswith(letters):
            value += amount
            rest = rest[len(letters):]
    return value if not rest and value and _roman(value) == token else None


def _alpha(value: int) -> str:
    letters = ""
    while value > 0:
        value, remainder = divmod(value - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _from_alpha(token: str) -> int | None:
    if not token.isascii() or not token.isalpha() or not token.isupper():
        return None
    value = 0
    for char in token:
        value = value * 26 + ord(char) - ord("A") + 1
    return value


@dataclass
class _Series:
    kind: str  # "chapters" (BAB I, 1.1) or "annexes" (Lampiran A, A.1)
    prefix: str


class HeadingNumbers:
    """Word numbering for headings that reproduces the HTML's numbers exactly.

    Every level-1 heading opens a new list instance (w:num) starting at its own number;
    for chapters, its sub-levels name the chapter literally (``4.%2``). A heading is
    numbered by Word only if the simulated Word number equals the HTML text.
    """

    def __init__(self, numbering: Numbering, heading_style_ids: list[str | None]) -> None:
        self.numbering = numbering
        self.style_ids = heading_style_ids
        self.series: dict[str, _Series] = {}
        self.num_id: int | None = None
        self.kind = ""
        self.prefix = ""
        self.counters = [0, 0, 0, 0]

    def assign(self, level: int, text: str) -> tuple[int, int] | None:
        """(numId, ilvl) for a heading whose HTML number is `text`, or None."""
        text = " ".join(text.split())
        if level == 1:
            return self._chapter(text)
        if self.num_id is None or not 2 <= level <= 4:
            return None
        counters = self.counters[:level]
        counters[level - 1] += 1
        head = _alpha(counters[0]) if self.kind == "annexes" else str(counters[0])
        expected = ".".join([head, *(str(c) for c in counters[1:level])])
        if expected != text:
            return None
        self.counters = counters + [0] * (4 - level)
        return self.num_id, level - 1

    def _chapter(self, text: str) -> tuple[int, int] | None:
        match = re.fullmatch(r"(.*?)\s*([A-Za-z]+|\d+)", text)
        if not match:
            self.num_id = None
            return None
        prefix, token = match.group(1), match.group(2)
        kind = self._kind_of(prefix, token)
        value = (_from_roman(token) if kind == "chapters" else _from_alpha(token)) \
            if kind else None
        if kind is None or value is None or not prefix:
            self.num_id = None
            return None
        series = self.series.get(kind)
        if series is None:
            series = self.series[kind] = _Series(kind, prefix)
            if kind == "chapters":
                self.numbering.define(HEADINGS_NAME, heading_levels(prefix, self.style_ids))
            else:
                self.numbering.define(ANNEXES_NAME, annex_levels(prefix))
        elif series.prefix != prefix:
            self.num_id = None
            return None
        if kind == "chapters":
            levels = heading_levels(prefix, [], chapter_number=value)[:4]
            overrides: dict[int, int | etree._Element] = dict(enumerate(levels))
            self.num_id = self.numbering.add_num(HEADINGS_NAME, overrides)
        else:
            self.num_id = self.numbering.add_num(ANNEXES_NAME, {0: value})
        self.kind, self.prefix = kind, prefix
        self.counters = [value, 0, 0, 0]
        return self.num_id, 0

    def _kind_of(self, prefix: str, token: str) -> str | None:
        for kind, series in self.series.items():
            if series.prefix == prefix:
                return kind
        if token.isdigit():
            return None
        if _from_roman(token) is not None and "chapters" not in self.series:
            return "chapters"
        if _from_alpha(token) is not None and "annexes" not in self.series:
            return "annexes"
        return None


# --- the reference document ------------------------------------------------------------------

MAX_REFERENCE_BYTES = 20 * 1024 * 1024
MAX_REFERENCE_UNPACKED = 200 * 1024 * 1024


@dataclass(frozen=True)
class DocxWarning:
    """Something the converter worked around; `code` and `params` are stable, `message`
    is English (render.py may translate the code through the message catalogue)."""

    code: str
    params: dict[str, str]
    message: str


def builtin_reference() -> Path:
    return templates_dir() / "docx" / "reference.docx"


def check_reference_file(path: Path) -> bytes:
    """Read a consultant's reference document, refusing anything that is not a small,
    sane .docx; the bytes are then opened from memory."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise RenderError(f"--reference-docx {path}: cannot be read ({error.strerror})") \
            from None
    if not stat.S_ISREG(info.st_mode):
        raise RenderError(f"--reference-docx {path}: not a regular file")
    if info.st_size > MAX_REFERENCE_BYTES:
        raise RenderError(f"--reference-docx {path}: {info.st_size} bytes, the limit is "
                          f"{MAX_REFERENCE_BYTES}")
    with open(path, "rb") as handle:
        data = handle.read(MAX_REFERENCE_BYTES + 1)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set()
            unpacked = 0
            for item in archive.infolist():
                names.add(item.filename)
                unpacked += item.file_size
            if unpacked > MAX_REFERENCE_UNPACKED:
                raise RenderError(f"--reference-docx {path}: unpacks to {unpacked} bytes, "
                                  f"the limit is {MAX_REFERENCE_UNPACKED}")
    except zipfile.BadZipFile:
        raise RenderError(f"--reference-docx {path}: not a Word document (.docx is a zip "
                          "file; this is not one)") from None
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise RenderError(f"--reference-docx {path}: not a Word document (no "
                          "word/document.xml)")
    return data


def style_index(styles_element: Any) -> dict[str, Any]:
    """Lower-cased style name → w:style element (Word stores built-in names in lower case,
    e.g. `heading 1`, and shows them capitalised)."""
    index: dict[str, Any] = {}
    for style in styles_element.iterchildren(W + "style"):
        name = style.find(W + "name")
        if name is not None:
            index.setdefault(str(name.get(W + "val", "")).lower(), style)
    return index


_KIND_OF_TYPE = {"paragraph": "paragraph", "character": "character", "table": "table",
                 "numbering": "numbering"}


def merge_missing_styles(target_styles: Any, source_styles: Any, reference_name: str,
                         ) -> list[DocxWarning]:
    """Copy every style of `STYLES` that `target_styles` lacks from `source_styles`,
    together with the styles it is based on; one warning per missing style."""
    warnings: list[DocxWarning] = []
    target = style_index(target_styles)
    source = style_index(source_styles)
    target_ids = {s.get(W + "styleId") for s in target_styles.iterchildren(W + "style")}

    def copy_style(name: str) -> str | None:
        """Copy the style called `name` (lower case) from source; return its id in target."""
        existing = target.get(name)
        if existing is not None:
            return str(existing.get(W + "styleId"))
        original = source.get(name)
        if original is None:
            return None
        clone = copy.deepcopy(original)
        target[name] = clone  # before recursing: a style chain never loops back to it
        style_id = str(clone.get(W + "styleId"))
        if style_id in target_ids:
            style_id = "Masterplan" + style_id
            clone.set(W + "styleId", style_id)
        target_ids.add(style_id)
        source_ids = {str(s.get(W + "styleId")): key for key, s in source.items()}
        for ref_tag in ("basedOn", "next", "link"):
            ref = clone.find(W + ref_tag)
            if ref is None:
                continue
            ref_name = source_ids.get(str(ref.get(W + "val")))
            ref_id = copy_style(ref_name) if ref_name and ref_tag == "basedOn" else (
                str(target[ref_name].get(W + "styleId")) if ref_name in target else None)
            if ref_id is None:
                clone.remove(ref)
            else:
                ref.set(W + "val", ref_id)
        clone.attrib.pop(W + "default", None)
        target_styles.append(clone)
        return style_id

    for name, kind in STYLES.items():
        found = target.get(name.lower())
        if found is not None:
            found_kind = _KIND_OF_TYPE.get(str(found.get(W + "type", "paragraph")), "?")
            if found_kind != kind:
                warnings.append(DocxWarning(
                    "docx.style_wrong_type", {"file": reference_name, "style": name,
                                              "expected": kind, "found": found_kind},
                    f"{reference_name}: style `{name}` is a {found_kind} style, expected a "
                    f"{kind} style; it is not applied"))
            continue
        copy_style(name.lower())
        warnings.append(DocxWarning(
            "docx.style_missing", {"file": reference_name, "style": name},
            f"{reference_name}: no style `{name}`; using the built-in one"))
    return warnings


def style_ids(styles_element: Any) -> dict[str, str]:
    """Our style name → style id in the document, for the styles usable as our kind."""
    index = style_index(styles_element)
    ids: dict[str, str] = {}
    for name, kind in STYLES.items():
        style = index.get(name.lower())
        if style is not None and _KIND_OF_TYPE.get(
                str(style.get(W + "type", "paragraph"))) == kind:
            ids[name] = str(style.get(W + "styleId"))
    return ids
