"""Page setup: the reference document's section made an A4 portrait page with our header
and footer, the section properties of portrait, landscape and cover sections, and the
document settings Word reads on opening."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from lxml import etree

from generator.render.docx import ooxml as ox
from generator.render.docx.ooxml import W
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


class Page:
    """The portrait page of the reference's section, with our header and footer; every
    section of the document is a copy of it (turned for landscape, bare for the cover)."""

    def __init__(self, document: Any, template_sect: Any, styles: Mapping[str, str]) -> None:
        self.styles = styles
        self.widths: dict[bool, int] = {}
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

    def write_header(self, text: str, style: str | None = None) -> None:
        """The running header's one paragraph (in `style`, by default the Header's)."""
        p = ox.paragraph(self.header_element, self.styles.get(style or _HEADER.target))
        text = " ".join(ox.clean_text(text).split())
        if text:
            ox.text_run(p, text)

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
