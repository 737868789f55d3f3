"""Build templates/docx/reference.docx: the Word styles of every DOCX masterplan writes.

    .venv/bin/python scripts/build_reference_docx.py [--check] [OUTPUT]

Starts from python-docx's default template, drops what a reference document does not need
(the preview thumbnail, unused table styles), defines every style the converter uses
(`generator.render.docx.stylemap.STYLES`) to look like templates/style.css, the heading and
list numbering, and an A4 page. The body holds one sample paragraph per style, so a
consultant can open the file, restyle it in Word and pass it back with --reference-docx.

The output is byte-reproducible (fixed properties and zip entry times): run it after
changing a style here and commit the result; `--check` fails if the committed file is stale.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import generated  # noqa: E402  (scripts/generated.py)
from docx import Document  # noqa: E402
from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.opc.constants import RELATIONSHIP_TYPE as RT  # noqa: E402
from lxml import etree  # type: ignore[import-untyped, unused-ignore]  # noqa: E402

from generator.render.docx import numbering as nb  # noqa: E402
from generator.render.docx import page  # noqa: E402
from generator.render.docx import stylemap as sm  # noqa: E402
from generator.render.docx.ooxml import W  # noqa: E402
from generator.render.docx.package import normalise_zip  # noqa: E402
from generator.render.docx.reference import style_index  # noqa: E402

OUTPUT = REPO / "templates" / "docx" / "reference.docx"
FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)
FONT = "Calibri"  # LibreOffice shows the metric-compatible Carlito
MONO = "Courier New"
LEGAL_FONT = "Bookman Old Style"  # as regional legislation is typed; LibreOffice substitutes
DRAFT_RED = "8B0000"

BLUE, TEXT, RULE, LIGHT_RULE, GREY = "1F4E79", "1B1B1B", "9BB3CC", "B7C6D6", "666666"
MID_BLUE = nb.CHAPTER_LABEL[1]  # the chapter label's colour, as `h1 .num` in style.css
TEXT_WIDTH = page.A4_WIDTH - page.PORTRAIT_MARGINS["left"] - page.PORTRAIT_MARGINS["right"]
TOC_TAB = ("right", TEXT_WIDTH, "none")
TOC_RULE = "DFE6EE"


def pt(value: float) -> int:
    """Points → twentieths of a point."""
    return round(value * 20)


@dataclass
class Look:
    """The appearance of one style, in CSS terms (sizes in points)."""

    base: str | None = "Normal"
    next: str | None = None
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    caps: bool = False
    color: str | None = None
    font: str | None = None
    letter_spacing: float | None = None
    align: str | None = None  # left, center, right, both
    before: float | None = None
    after: float | None = None
    line: float | None = None  # multiple of single spacing
    keep_next: bool = False
    keep_lines: bool = False
    left: int | None = None  # twips
    right: int | None = None
    hanging: int | None = None
    outline: int | None = None  # 0-based outline level; 9 = body text
    no_numbering: bool = False
    borders: dict[str, tuple[float, str]] = field(default_factory=dict)  # side → (pt, colour)
    tabs: list[tuple[str, int, str]] = field(default_factory=list)  # (align, pos, leader)
    quick: bool = False


PARAGRAPHS: dict[str, Look] = {
    "Normal": Look(base=None, size=11, color=TEXT, after=0, line=1.15),
    "Body Text": Look(align="both", after=7, line=1.3, quick=True),
    # The cover is left-aligned, as `section.cover p { text-align: left }`; Word has no
    # per-section background, so its text is blue on white instead of white on blue.
    "Title": Look(next="Subtitle", size=30, bold=True, color=BLUE, align="left", after=17,
                  line=1.15, quick=True),
    "Subtitle": Look(size=15, color=BLUE, align="left", after=28, quick=True),
    # No letter spacing (as the PDF): spaced capitals copy out of a PDF as "B U K U".
    "Cover Kicker": Look(size=13, caps=True, color=MID_BLUE, align="left", after=11),
    "Cover Region": Look(size=22, bold=True, color=BLUE, align="left", before=51, after=6),
    "Cover Period": Look(size=15, color=BLUE, align="left", after=85),
    "Cover Meta": Look(size=10.5, color=MID_BLUE, align="left"),
    "Cover Logo": Look(align="left", before=43, after=34),
    "Heading 1": Look(next="Body Text", size=20, bold=True, caps=True, color=BLUE,
                      align="center", after=23, line=1.0, keep_next=True, keep_lines=True,
                      outline=0, quick=True),
    "Heading 2": Look(next="Body Text", size=14.5, bold=True, color=BLUE, before=23, after=8.5,
                      line=1.0, keep_next=True, keep_lines=True, outline=1,
                      borders={"bottom": (0.75, RULE)}, quick=True),
    "Heading 3": Look(next="Body Text", size=12.5, bold=True, color=BLUE, before=17, after=6,
                      line=1.0, keep_next=True, keep_lines=True, outline=2, quick=True),
    "Heading 4": Look(next="Body Text", size=11, bold=True, color=BLUE, before=14, after=4,
                      line=1.0, keep_next=True, keep_lines=True, outline=3, quick=True),
    "Heading 5": Look(next="Body Text", size=11, bold=True, italic=False, color=TEXT, before=10,
                      after=3, keep_next=True, outline=4),
    "Heading 6": Look(next="Body Text", size=11, bold=True, italic=False, color=TEXT, before=8,
                      after=3, keep_next=True, outline=5),
    "Heading 7": Look(next="Body Text", size=11, bold=False, italic=True, color=TEXT, before=8,
                      after=3, keep_next=True, outline=6),
    "TOC Heading": Look(base="Heading 1", next="Body Text", outline=9, no_numbering=True),
    # nav.toc: a hairline under each entry, the page number flush right, no dot leaders.
    "TOC 1": Look(next="Body Text", bold=True, before=8.5, after=3.4, tabs=[TOC_TAB],
                  borders={"bottom": (0.4, TOC_RULE)}),
    "TOC 2": Look(next="Body Text", left=454, after=3.4, tabs=[TOC_TAB],
                  borders={"bottom": (0.4, TOC_RULE)}),
    "TOC 3": Look(next="Body Text", left=907, after=3.4, size=10, tabs=[TOC_TAB],
                  borders={"bottom": (0.4, TOC_RULE)}),
    "Table of Figures": Look(next="Body Text", after=3.4, tabs=[TOC_TAB],
                             borders={"bottom": (0.4, TOC_RULE)}),
    "Caption": Look(next="Body Text", size=9.5, bold=True, color=BLUE, before=6, after=4,
                    keep_next=True, quick=True),
    "Figure": Look(next="Caption", align="center", before=8, after=0, keep_next=True),
    "Quote": Look(next="Body Text", size=15, italic=True, color=BLUE, align="center",
                  before=11, after=17, left=567, right=567,
                  borders={"top": (1, RULE), "bottom": (1, RULE)}, quick=True),
    "Block Text": Look(base="Body Text", italic=True, left=567, right=567, color="444444",
                       borders={"left": (1.5, RULE)}),
    "List Bullet": Look(align="left", after=3, line=1.3),
    "List Bullet 2": Look(align="left", after=3, line=1.3),
    "List Bullet 3": Look(align="left", after=3, line=1.3),
    "List Number": Look(align="left", after=3, line=1.3),
    "List Number 2": Look(align="left", after=3, line=1.3),
    "List Number 3": Look(align="left", after=3, line=1.3),
    "List Continue": Look(align="left", after=3, line=1.3, left=360),
    "List Continue 2": Look(align="left", after=3, line=1.3, left=720),
    "List Continue 3": Look(align="left", after=3, line=1.3, left=1080),
    "Table Text": Look(size=9.5, align="left", after=0, line=1.1),
    "Table Heading": Look(base="Table Text", bold=True, color="FFFFFF", keep_next=True),
    "Table Number": Look(base="Table Text", align="right"),
    "Table Group": Look(base="Table Text", bold=True, color=BLUE, keep_next=True),
    "SWOT Heading": Look(base="Table Text", bold=True, keep_next=True),
    "Table Total": Look(base="Table Text", bold=True),
    "Fact Term": Look(size=10, bold=True, color=BLUE, align="left", after=0),
    "Fact Value": Look(size=10, align="left", after=0),
    "Key Figure": Look(align="center", after=0),
    "Signature": Look(base="Body Text", align="left", before=34, left=round(TEXT_WIDTH * 0.55)),
    # p.reference: APA's hanging indent, left-aligned (long URLs), as style.css
    "Bibliography": Look(base="Body Text", align="left", after=8.5, left=567, hanging=567),
    # the approval page (lembar pengesahan), centred as `section.approval p`
    "Approval Document": Look(size=14, bold=True, color=BLUE, align="center", before=6,
                              after=23, line=1.3, keep_next=True),
    "Approval Basis": Look(align="center", after=23, line=1.5, keep_next=True),
    "Signature Block": Look(align="center", after=0, line=1.15),
    # div.sign-here { height: 22mm }: a line and the spacing around it
    "Signature Space": Look(base="Signature Block", before=24, after=24),
    "Seal Place": Look(base="Signature Block", size=7.5, italic=True, color=MID_BLUE,
                       before=26, after=26, right=1800),
    # p.status and p.label belong to what follows them (break-after: avoid in style.css).
    "Status": Look(base="Body Text", keep_next=True),
    "Label": Look(base="Body Text", bold=True, align="left", after=4, keep_next=True,
                  quick=True),
    "HTML Preformatted": Look(font=MONO, size=9, align="left", after=7, line=1.0,
                              left=284, borders={"left": (1.5, RULE)}),
    "Horizontal Line": Look(after=7, borders={"bottom": (0.75, RULE)}),
    "Header": Look(size=8.5, color=GREY, align="right", borders={"bottom": (0.5, RULE)}),
    # the legal drafts (templates/legal/legal.css): Bookman Old Style 12 pt, black, the
    # clause columns at tab stops (label 28 mm, colon 4 mm, mark 8 mm) and hanging text
    "Draft Mark": Look(size=11, bold=True, color=DRAFT_RED, align="right"),
    "Legal Text": Look(font=LEGAL_FONT, size=12, color="000000", align="both", after=6,
                       line=1.15),
    "Legal Emblem": Look(base="Legal Text", align="center", after=6),
    "Legal Heading": Look(base="Legal Text", bold=True, align="center", before=8, after=14,
                          keep_next=True),
    "Legal Chapter": Look(base="Legal Text", align="center", before=14, after=8,
                          keep_next=True),
    "Legal Article": Look(base="Legal Text", align="center", before=10, after=6,
                          keep_next=True),
    "Legal Clause": Look(base="Legal Text", left=page.mm(40), hanging=page.mm(40),
                         tabs=[("left", page.mm(28), "none"), ("left", page.mm(32), "none"),
                               ("left", page.mm(40), "none")]),
    "Legal Dictum": Look(base="Legal Text", left=page.mm(32), hanging=page.mm(32), after=8,
                         tabs=[("left", page.mm(28), "none"), ("left", page.mm(32), "none")]),
    "Legal Item": Look(base="Legal Text", left=page.mm(8), hanging=page.mm(8),
                       tabs=[("left", page.mm(8), "none")]),
    "Legal Subitem": Look(base="Legal Text", left=page.mm(16), hanging=page.mm(8),
                          tabs=[("left", page.mm(16), "none")]),
    "Legal Gazette": Look(base="Legal Text", bold=True, align="left", before=22),
    "Legal Annex Head": Look(base="Legal Text", size=11, align="left", after=28, line=1.0,
                             left=page.mm(80)),
    "Legal Signature": Look(base="Legal Text", align="center", after=0),
    "Legal Signature Left": Look(base="Legal Text", align="left", after=0),
    "Legal Table Text": Look(base="Legal Text", size=11, align="left", after=0, line=1.0),
    "Legal Table Heading": Look(base="Legal Table Text", bold=True, align="center",
                                keep_next=True),
    "Footer": Look(size=9, color="555555", align="center"),
}

CHARACTERS: dict[str, Look] = {
    "Hyperlink": Look(base="Default Paragraph Font", color=BLUE),
    "HTML Code": Look(base="Default Paragraph Font", font=MONO, size=10),
    "Key Figure Value": Look(base="Default Paragraph Font", size=16, bold=True, color=BLUE),
    "Status Baik": Look(base="Default Paragraph Font", color="2F6B1F"),
    "Status Cukup": Look(base="Default Paragraph Font", color="8A6100"),
    "Status Kurang": Look(base="Default Paragraph Font", color="A02020"),
    # A roadmap's active year, white on the dimension's fill (text for screen readers,
    # copy and paste, and greyscale print: the HTML and PDF hide it from sight).
    "Cell Mark": Look(base="Default Paragraph Font", size=7, color="FFFFFF"),
}


@dataclass
class TableLook:
    borders: dict[str, tuple[float, str]]
    margins: tuple[int, int]  # (vertical, horizontal) twips
    header_fill: str | None = None
    header_color: str | None = None


TABLES: dict[str, TableLook] = {
    "Masterplan Table": TableLook(
        {side: (0.5, LIGHT_RULE) for side in ("top", "left", "bottom", "right", "insideH",
                                              "insideV")},
        (68, 113), header_fill=BLUE, header_color="FFFFFF"),
    "SWOT Table": TableLook(
        {side: (0.5, LIGHT_RULE) for side in ("top", "left", "bottom", "right", "insideH",
                                              "insideV")}, (113, 113)),
    "Facts Table": TableLook(
        {side: (0.5, LIGHT_RULE) for side in ("top", "bottom", "insideH")}, (57, 57)),
    "Key Figures Table": TableLook(
        {side: (0.75, RULE) for side in ("top", "left", "bottom", "right", "insideV")},
        (170, 170)),
    # the approval page's signature grid: no borders, room between the blocks
    "Signature Table": TableLook({}, (113, 113)),
    # a legal draft's lampiran (membership) and the commitment's quick wins: black rules
    "Legal Table": TableLook(
        {side: (0.5, "000000") for side in ("top", "left", "bottom", "right", "insideH",
                                            "insideV")}, (57, 85)),
}

_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_STYLE_TYPES = {"paragraph": WD_STYLE_TYPE.PARAGRAPH, "character": WD_STYLE_TYPE.CHARACTER,
                "table": WD_STYLE_TYPE.TABLE}


def _child(parent: Any, tag: str, order: tuple[str, ...] = ()) -> Any:
    """The `tag` child of `parent`, created at its schema position if missing."""
    found = parent.find(W + tag)
    if found is not None:
        return found
    element = etree.Element(W + tag)
    if tag in order:
        later = set(order[order.index(tag) + 1:])
        for index, sibling in enumerate(parent):
            if etree.QName(sibling).localname in later:
                parent.insert(index, element)
                return element
    parent.append(element)
    return element


_STYLE_ORDER = ("name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden",
                "uiPriority", "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal",
                "personalCompose", "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr",
                "tcPr", "tblStylePr")
_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
              "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
              "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
              "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
              "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
              "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr")
_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
              "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
              "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
              "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
              "em", "lang", "eastAsianLayout", "specVanish", "oMath")
_TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
                "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
                "shd", "tblLayout", "tblCellMar", "tblLook")


def _set(parent: Any, tag: str, order: tuple[str, ...], **attrs: str) -> Any:
    element = _child(parent, tag, order)
    for key, value in attrs.items():
        element.set(W + key, value)
    return element


def _borders(parent: Any, tag: str, order: tuple[str, ...],
             borders: dict[str, tuple[float, str]]) -> None:
    if not borders:
        return
    box = _child(parent, tag, order)
    sides = ("top", "left", "bottom", "right", "between", "bar", "insideH", "insideV")
    for side in sides:
        if side in borders:
            width, colour = borders[side]
            edge = etree.SubElement(box, W + side)
            edge.set(W + "val", "single")
            edge.set(W + "sz", str(round(width * 8)))
            edge.set(W + "space", "1" if tag == "pBdr" else "0")
            edge.set(W + "color", colour)


def _run_properties(rpr: Any, look: Look) -> None:
    if look.font:
        _set(rpr, "rFonts", _RPR_ORDER, ascii=look.font, hAnsi=look.font, cs=look.font)
    if look.bold is not None:
        _set(rpr, "b", _RPR_ORDER, val="1" if look.bold else "0")
        _set(rpr, "bCs", _RPR_ORDER, val="1" if look.bold else "0")
    if look.italic is not None:
        _set(rpr, "i", _RPR_ORDER, val="1" if look.italic else "0")
        _set(rpr, "iCs", _RPR_ORDER, val="1" if look.italic else "0")
    if look.caps:
        _set(rpr, "caps", _RPR_ORDER)
    if look.color:
        _set(rpr, "color", _RPR_ORDER, val=look.color)
    if look.letter_spacing:
        _set(rpr, "spacing", _RPR_ORDER, val=str(pt(look.letter_spacing)))
    if look.size:
        _set(rpr, "sz", _RPR_ORDER, val=str(round(look.size * 2)))
        _set(rpr, "szCs", _RPR_ORDER, val=str(round(look.size * 2)))


def _paragraph_properties(ppr: Any, look: Look) -> None:
    if look.keep_next:
        _set(ppr, "keepNext", _PPR_ORDER)
    if look.keep_lines:
        _set(ppr, "keepLines", _PPR_ORDER)
    if look.no_numbering:
        num_pr = _child(ppr, "numPr", _PPR_ORDER)
        etree.SubElement(num_pr, W + "ilvl").set(W + "val", "0")
        etree.SubElement(num_pr, W + "numId").set(W + "val", "0")
    _borders(ppr, "pBdr", _PPR_ORDER, look.borders)
    if look.tabs:
        tabs = _child(ppr, "tabs", _PPR_ORDER)
        for align, position, leader in look.tabs:
            tab = etree.SubElement(tabs, W + "tab")
            tab.set(W + "val", align)
            tab.set(W + "leader", leader)
            tab.set(W + "pos", str(position))
    spacing: dict[str, str] = {}
    if look.before is not None:
        spacing["before"] = str(pt(look.before))
    if look.after is not None:
        spacing["after"] = str(pt(look.after))
    if look.line is not None:
        spacing["line"] = str(round(look.line * 240))
        spacing["lineRule"] = "auto"
    if spacing:
        _set(ppr, "spacing", _PPR_ORDER, **spacing)
    indent: dict[str, str] = {}
    if look.left is not None:
        indent["left"] = str(look.left)
    if look.right is not None:
        indent["right"] = str(look.right)
    if look.hanging is not None:
        indent["hanging"] = str(look.hanging)
    if indent:
        _set(ppr, "ind", _PPR_ORDER, **indent)
    if look.align:
        _set(ppr, "jc", _PPR_ORDER, val=look.align)
    if look.outline is not None:
        _set(ppr, "outlineLvl", _PPR_ORDER, val=str(look.outline))


def _reset(style: Any, keep: tuple[str, ...] = ("name", "aliases", "basedOn")) -> None:
    for child in list(style):
        if etree.QName(child).localname not in keep:
            style.remove(child)


def _style(document: Any, name: str, kind: str) -> Any:
    styles = document.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, _STYLE_TYPES[kind])
    return style


def define_styles(document: Any) -> None:
    styles = document.styles
    for name in PARAGRAPHS:  # all exist before any refers to another as base or next
        _reset(_style(document, name, "paragraph").element, keep=("name", "aliases"))
    for name, look in PARAGRAPHS.items():
        style = styles[name]
        element = style.element
        if look.base:
            _set(element, "basedOn", _STYLE_ORDER, val=styles[look.base].style_id)
        if look.next:
            _set(element, "next", _STYLE_ORDER, val=styles[look.next].style_id)
        if look.quick or name in ("Normal",):
            _set(element, "qFormat", _STYLE_ORDER)
        _paragraph_properties(_child(element, "pPr", _STYLE_ORDER), look)
        _run_properties(_child(element, "rPr", _STYLE_ORDER), look)
    for name, look in CHARACTERS.items():
        style = _style(document, name, "character")
        element = style.element
        _reset(element, keep=("name", "aliases"))
        _set(element, "basedOn", _STYLE_ORDER, val=styles[look.base or ""].style_id)
        _set(element, "uiPriority", _STYLE_ORDER, val="99")
        _run_properties(_child(element, "rPr", _STYLE_ORDER), look)
    for name, table_look in TABLES.items():
        style = _style(document, name, "table")
        element = style.element
        _reset(element, keep=("name", "aliases"))
        _set(element, "basedOn", _STYLE_ORDER, val=styles["Normal Table"].style_id)
        _set(element, "uiPriority", _STYLE_ORDER, val="59")
        _paragraph_properties(_child(element, "pPr", _STYLE_ORDER), Look(after=0, line=1.0))
        tbl_pr = _child(element, "tblPr", _STYLE_ORDER)
        _borders(tbl_pr, "tblBorders", _TBLPR_ORDER, table_look.borders)
        margins = _child(tbl_pr, "tblCellMar", _TBLPR_ORDER)
        vertical, horizontal = table_look.margins
        for side, value in (("top", vertical), ("left", horizontal), ("bottom", vertical),
                            ("right", horizontal)):
            edge = etree.SubElement(margins, W + side)
            edge.set(W + "w", str(value))
            edge.set(W + "type", "dxa")
        if table_look.header_fill:
            header = etree.SubElement(element, W + "tblStylePr")
            header.set(W + "type", "firstRow")
            header_rpr = etree.SubElement(header, W + "rPr")
            etree.SubElement(header_rpr, W + "b")
            etree.SubElement(header_rpr, W + "color").set(W + "val",
                                                          table_look.header_color or "auto")
            etree.SubElement(header, W + "tblPr")
            etree.SubElement(header, W + "trPr").append(etree.Element(W + "tblHeader"))
            header_tc = etree.SubElement(header, W + "tcPr")
            shd = etree.SubElement(header_tc, W + "shd")
            shd.set(W + "val", "clear")
            shd.set(W + "color", "auto")
            shd.set(W + "fill", table_look.header_fill)
    for name in sm.STYLES:
        style = styles[name]
        element = style.element
        for tag in ("semiHidden", "unhideWhenUsed", "hidden"):
            for old in element.findall(W + tag):
                element.remove(old)


def drop_unused(document: Any) -> None:
    """Table styles nobody uses, the preview thumbnail and stylesWithEffects."""
    keep = set(sm.TABLE_STYLES) | {"Normal Table", "Table Grid"}
    root = document.styles.element
    for style in list(root.iterchildren(W + "style")):
        if style.get(W + "type") == "table":
            name = style.find(W + "name").get(W + "val")
            if name not in keep:
                root.remove(style)
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype in (_STYLES_WITH_EFFECTS, RT.CUSTOM_XML):
            document.part.rels.pop(rel_id)


def define_defaults(document: Any) -> None:
    root = document.styles.element
    defaults = root.find(W + "docDefaults")
    rpr_default = defaults.find(W + "rPrDefault")
    rpr = rpr_default.find(W + "rPr")
    _reset(rpr, keep=())
    fonts = etree.SubElement(rpr, W + "rFonts")
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(W + attr, FONT)
    etree.SubElement(rpr, W + "sz").set(W + "val", "22")
    etree.SubElement(rpr, W + "szCs").set(W + "val", "22")
    lang = etree.SubElement(rpr, W + "lang")
    lang.set(W + "val", "id-ID")
    lang.set(W + "eastAsia", "en-US")
    lang.set(W + "bidi", "ar-SA")
    settings = document.settings.element
    for tag in ("savePreviewPicture", "rsids", "attachedTemplate"):
        for old in settings.findall(W + tag):
            settings.remove(old)
    w14 = "{http://schemas.microsoft.com/office/word/2010/wordml}docId"
    for old in settings.findall(w14):
        settings.remove(old)


def define_numbering(document: Any) -> None:
    styles = document.styles
    numbering_element = document.part.numbering_part.element
    for child in list(numbering_element):
        numbering_element.remove(child)
    numbering = nb.Numbering.of(numbering_element)
    heading_ids: list[str | None] = [styles[n].style_id for n in sm.HEADING_STYLES]
    lists = nb.define_lists(numbering, heading_ids)
    numbering.add_num(nb.ANNEXES_NAME)
    for names, num_id in lists.items():
        for level, name in enumerate(names):
            nb.set_style_numbering(styles[name].element, num_id, level)


def define_page(document: Any) -> None:
    section = document.sections[0]
    sect_pr = section._sectPr
    pg_sz = sect_pr.find(W + "pgSz")
    pg_sz.set(W + "w", str(page.A4_WIDTH))
    pg_sz.set(W + "h", str(page.A4_HEIGHT))
    pg_mar = sect_pr.find(W + "pgMar")
    for key, value in page.PORTRAIT_MARGINS.items():
        pg_mar.set(W + key, str(value))


def sample_body(document: Any) -> None:
    """One paragraph per paragraph style (the converter clears the body)."""
    document.add_paragraph("masterplan reference styles", style="Title")
    document.add_paragraph("Edit the styles of this document in Word, save it, and render "
                           "with --reference-docx FILE. The text below only shows them.",
                           style="Body Text")
    for name in sm.PARAGRAPH_STYLES:
        if name in ("Title", "Header", "Footer"):
            continue
        document.add_paragraph(name, style=name)
    paragraph = document.add_paragraph("Character styles: ", style="Body Text")
    for name in sm.CHARACTER_STYLES:
        paragraph.add_run(name, style=name)
        paragraph.add_run(" ")
    for name in sm.TABLE_STYLES:
        document.add_paragraph(name, style="Caption")
        table = document.add_table(rows=2, cols=3)
        table.style = document.styles[name]
        for row_index, row in enumerate(table.rows):
            for column, cell in enumerate(row.cells):
                cell.text = f"{'Header' if row_index == 0 else 'Cell'} {column + 1}"


def set_properties(document: Any) -> None:
    props = document.core_properties
    props.title = "masterplan reference styles"
    props.author = "masterplan"
    props.last_modified_by = "masterplan"
    props.subject = "Word styles of the DOCX documents"
    props.keywords = "masterplan, reference.docx, styles"
    props.comments = "Generated by scripts/build_reference_docx.py; do not edit by hand."
    props.language = "id-ID"
    props.category = ""
    props.revision = 1
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE


def build() -> bytes:
    document = Document()
    drop_unused(document)
    define_defaults(document)
    define_styles(document)
    define_numbering(document)
    define_page(document)
    sample_body(document)
    set_properties(document)
    missing = [name for name in sm.STYLES
               if name.lower() not in style_index(document.styles.element)]
    if missing:
        raise SystemExit(f"styles not defined: {missing}")
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue(), FIXED_DATE)


def main(argv: list[str] | None = None) -> int:
    return generated.main(argv, description=__doc__.split("\n")[0], default=OUTPUT,
                          make=lambda _: build(), script="scripts/build_reference_docx.py")

if __name__ == "__main__":
    raise SystemExit(main())
