"""Page setup: the reference document's section made an A4 portrait page with our header
and footer, the section properties of portrait, landscape and cover sections, and the
document settings Word reads on opening."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from lxml import etree

from generator.render.docx import ooxml as ox
from generator.render.docx.ooxml import RunFormat, W
from generator.render.docx.stylemap import STYLE_MAP

# --- page geometry (twentieths of a point) ---------------------------------------------------


def mm(value: float) -> int:
    return round(value / 25.4 * 1440)


A4_WIDTH, A4_HEIGHT = mm(210), mm(297)
PORTRAIT_MARGINS = {"top": mm(25), "right": mm(20), "bottom": mm(22), "left": mm(25),
                    "header": mm(12), "footer": mm(10), "gutter": 0}
#: Folio (F4), the paper of Indonesian regional legislation, and the margins of the legal
#: drafts (templates/legal/legal.css: 20 mm, 30 mm on the binding side).
FOLIO_WIDTH, FOLIO_HEIGHT = mm(215), mm(330)
FOLIO_MARGINS = {"top": mm(20), "right": mm(20), "bottom": mm(20), "left": mm(30),
                 "header": mm(10), "footer": mm(10), "gutter": 0}
LANDSCAPE_MARGINS = {"top": mm(20), "right": mm(18), "bottom": mm(18), "left": mm(18),
                     "header": mm(10), "footer": mm(8), "gutter": 0}

_HEADER = STYLE_MAP.rule("header.running")
_FOOTER = STYLE_MAP.rule("footer (generated)")
_LEGAL_NUMBER = STYLE_MAP.rule("p.legal-text")
#: The legal drafts' page number on top and draft mark (legal.css: 11 pt, #8b0000).
PAGE_NUMBER_SIZE = 22  # half-points
DRAFT_MARK_COLOUR = "8B0000"


class Page:
    """The portrait page of the reference's section, with our header and footer; every
    section of the document is a copy of it (turned for landscape, bare for the cover)."""

    def __init__(self, document: Any, template_sect: Any, styles: Mapping[str, str]) -> None:
        self.document = document
        self.styles = styles
        self.widths: dict[bool, int] = {}
        #: the page number on top ("- 2 -"), not in the footer (`numbers_on_top`)
        self.first_header_element: Any = None
        body = document.element.body
        sect = template_sect if template_sect is not None else etree.Element(W + "sectPr")
        for tag in ("headerReference", "footerReference", "titlePg", "type", "vAlign"):
            for old in sect.findall(W + tag):
                sect.remove(old)
        pg_sz = sect.find(W + "pgSz")
        if pg_sz is None:
            pg_sz = etree.Element(W + "pgSz")
            sect.insert(0, pg_sz)
        width = int(pg_sz.get(W + "w", A4_WIDTH))
        height = int(pg_sz.get(W + "h", A4_HEIGHT))
        pg_sz.set(W + "w", str(min(width, height)))
        pg_sz.set(W + "h", str(max(width, height)))
        pg_sz.attrib.pop(W + "orient", None)
        if sect.find(W + "pgMar") is None:
            pg_mar = etree.Element(W + "pgMar")
            pg_sz.addnext(pg_mar)
            for key, value in PORTRAIT_MARGINS.items():
                pg_mar.set(W + key, str(value))
        self.portrait = sect
        body.append(sect)  # python-docx's header API works on the body's sectPr
        section = document.sections[-1]
        header, footer = section.header, section.footer
        header.is_linked_to_previous = False
        footer.is_linked_to_previous = False
        for part_element in (header._element, footer._element):
            for child in list(part_element):
                part_element.remove(child)
        self.header_element = header._element
        self.footer_element = footer._element
        footer_p = ox.paragraph(footer._element, styles.get(_FOOTER.target))
        ox.field(footer_p, "PAGE", "1")
        self.header_refs = [ref for ref in sect if etree.QName(ref).localname in (
            "headerReference", "footerReference")]
        for ref in self.header_refs:
            sect.remove(ref)
        body.remove(sect)

    def folio(self) -> None:
        """Every section on F4 paper with the legal drafts' margins (whatever the reference
        document's page)."""
        pg_sz = self.portrait.find(W + "pgSz")
        pg_sz.set(W + "w", str(FOLIO_WIDTH))
        pg_sz.set(W + "h", str(FOLIO_HEIGHT))
        pg_mar = self.portrait.find(W + "pgMar")
        for key, value in FOLIO_MARGINS.items():
            pg_mar.set(W + key, str(value))
        self.widths.clear()

    def numbers_on_top(self) -> None:
        """The page number as Indonesian regional legislation prints it (Permendagri
        80/2015, its annex; templates/legal/legal.css): "- 2 -" centred on top of every page
        but the first, none in the footer. The first page gets a header of its own
        (``w:titlePg``), which holds only the draft mark (`write_header`)."""
        body = self.document.element.body
        body.append(self.portrait)  # python-docx's header API works on the body's sectPr
        section = self.document.sections[-1]
        section.different_first_page_header_footer = True
        first = section.first_page_header
        first.is_linked_to_previous = False
        self.first_header_element = first._element
        for child in list(self.first_header_element):
            self.first_header_element.remove(child)
        for ref in [ref for ref in self.portrait
                    if etree.QName(ref).localname == "headerReference"]:
            self.portrait.remove(ref)
            self.header_refs.append(ref)
        body.remove(self.portrait)
        for child in list(self.footer_element):
            self.footer_element.remove(child)
        ox.paragraph(self.footer_element, self.styles.get(_FOOTER.target))

    def write_header(self, text: str, style: str | None = None) -> None:
        """The running header's one paragraph (in `style`, by default the Header's); with
        `numbers_on_top`, the page number centred and `text` (a draft mark) at the right
        on one line, and `text` alone on the first page."""
        text = " ".join(ox.clean_text(text).split())
        if self.first_header_element is not None:
            self._numbered_header(text)
            return
        p = ox.paragraph(self.header_element, self.styles.get(style or _HEADER.target))
        if text:
            ox.text_run(p, text)

    def _numbered_header(self, text: str) -> None:
        """In the legal drafts' type (`p.legal-text`'s style), as legal.css prints both:
        the draft mark bold and dark red, the number black, 11 pt."""
        mark = RunFormat(bold=True, size=PAGE_NUMBER_SIZE, color=DRAFT_MARK_COLOUR)
        first = ox.paragraph(self.first_header_element, self.styles.get(_LEGAL_NUMBER.target),
                             jc="right")
        if text:
            ox.text_run(first, text, mark)
        p = ox.paragraph(self.header_element, self.styles.get(_LEGAL_NUMBER.target),
                         jc="left")
        width = self.text_width(False)
        tabs = etree.SubElement(p.find(W + "pPr"), W + "tabs")
        for kind, position in (("center", width // 2), ("right", width)):
            tab = etree.SubElement(tabs, W + "tab")
            tab.set(W + "val", kind)
            tab.set(W + "pos", str(position))
        # the tabs go before the justification in w:pPr
        p.find(W + "pPr").find(W + "jc").addprevious(tabs)
        number = RunFormat(size=PAGE_NUMBER_SIZE, color="000000")
        ox.tab_run(p)
        ox.text_run(p, "- ", number)
        ox.field(p, "PAGE", "2", number)
        ox.text_run(p, " -", number)
        if text:
            ox.tab_run(p)
            ox.text_run(p, text, mark)

    def text_width(self, landscape: bool) -> int:
        if landscape not in self.widths:
            sect = self.sect_pr(landscape=landscape)
            pg_sz, pg_mar = sect.find(W + "pgSz"), sect.find(W + "pgMar")
            self.widths[landscape] = (int(pg_sz.get(W + "w")) - int(pg_mar.get(W + "left", 0))
                                      - int(pg_mar.get(W + "right", 0)))
        return self.widths[landscape]

    def sect_pr(self, *, landscape: bool, cover: bool = False) -> Any:
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
            for key, value in LANDSCAPE_MARGINS.items():
                pg_mar.set(W + key, str(value))
        return sect


# Elements of CT_Settings that come after w:updateFields.
_AFTER_UPDATE_FIELDS = frozenset({
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator"})


def write_settings(document: Any, language_tag: str) -> None:
    """Fields updated on opening (the TOC), and the language of the default run style."""
    settings = document.settings.element
    for tag in ("updateFields", "evenAndOddHeaders"):
        for old in settings.findall(W + tag):
            settings.remove(old)
    update = etree.Element(W + "updateFields")
    update.set(W + "val", "true")
    for child in settings:
        if isinstance(child.tag, str) and etree.QName(child).localname in _AFTER_UPDATE_FIELDS:
            child.addprevious(update)
            break
    else:
        settings.append(update)
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    if defaults is not None:
        lang = defaults.find(W + "lang")
        if lang is None:
            lang = etree.SubElement(defaults, W + "lang")
        lang.set(W + "val", language_tag)
