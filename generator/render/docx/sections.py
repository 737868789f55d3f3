"""Handlers for the sections of the document: the cover (a section without header or
footer, on a full-page blue background as the PDF's), landscape sections, page breaks
before chapters, and the running header."""

from __future__ import annotations

from typing import Any

from lxml import etree

from generator.render.docx import ooxml as ox
from generator.render.docx import pictures
from generator.render.docx.ooxml import W
from generator.render.docx.stylemap import STYLE_MAP, Rule
from generator.render.docx.translator import Ctx, Translator, classes_of

_RUNNING = STYLE_MAP.rule("header.running")
_HEADER_HANDLER = frozenset({"running_header"})
#: The cover of style.css: `section.cover` on #1f4e79, its text white, the kicker and the
#: meta line #cfe0f1.
COVER_BACKGROUND = "1F4E79"
COVER_TEXT = "FFFFFF"
COVER_LIGHT_TEXT = "CFE0F1"
_COVER_LIGHT = (STYLE_MAP.rule("p.cover-kicker").target, STYLE_MAP.rule("p.cover-meta").target)


def write_running_header(t: Translator, body: Any) -> None:
    """The header of every page after the cover: `DocxOptions.header`, else the text of
    the HTML's running header."""
    text = t.options.header
    style = None
    if text is None:
        running = next((h for h in body.iter("header") if _RUNNING.matches("header",
                                                                             classes_of(h))),
                       None)
        if running is not None:
            text = " · ".join(" ".join(span.text_content().split())
                              for span in running.iter("span") if span.text_content())
            # the header's own style when its classes name one (a draft's RANCANGAN)
            rule = STYLE_MAP.find("header", classes_of(running), handlers=_HEADER_HANDLER)
            style = rule.target if rule is not None else None
    t.page.write_header(text or "", style)


def running_header(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """Nothing in the body: it is the header of every page (`write_running_header`)."""


def cover(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """The cover: a section of its own without header or footer, its first paragraph
    anchoring a picture of the cover colour over the whole page behind the text, and its
    text in white (direct formatting, so a reference document's blue Title stays readable
    on the blue page)."""
    if out is not t.body:
        t.flow(element, out, ctx.deeper())
        return
    start = len(t.body)
    t.flow(element, out, ctx.deeper(fmt=ctx.fmt.with_(color=COVER_TEXT)))
    written = [p for p in t.body[start:] if p.tag == W + "p"]
    light = {t.styles.get(name) for name in _COVER_LIGHT} - {None}
    for p in written:
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(W + "val") in light:
            for colour in p.iter(W + "color"):
                colour.set(W + "val", COVER_LIGHT_TEXT)
    if not written:
        written.append(t.new_paragraph(out, None, ctx))
    _cover_background(t, written[0])
    end_section(t, landscape=False, cover=True)


def _cover_background(t: Translator, p: Any) -> None:
    """The page-sized picture of the cover colour, anchored in `p` (first in it, so the
    paragraph's own content keeps its place)."""
    pg_sz = t.page.portrait.find(W + "pgSz")
    width = int(pg_sz.get(W + "w")) * pictures.EMU_PER_TWIP
    height = int(pg_sz.get(W + "h")) * pictures.EMU_PER_TWIP
    t.shape_count += 1
    anchor = pictures.page_background(t.part, pictures.solid_png(COVER_BACKGROUND), width,
                                      height, t.shape_count, "Cover background")
    run = etree.Element(W + "r")
    etree.SubElement(run, W + "drawing").append(anchor)
    ppr = p.find(W + "pPr")
    p.insert(0 if ppr is None else 1, run)


def landscape(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    if out is not t.body:
        t.flow(element, out, ctx.deeper())
        return
    if t.section_has_content:
        end_section(t, landscape=t.in_landscape)
    t.in_landscape, t.landscape_h2 = True, 0
    t.flow(element, out, ctx.deeper(width=t.page.text_width(True)))
    end_section(t, landscape=True)
    t.in_landscape = False


def page_break(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """A new page before the section (if anything came before it on this one)."""
    if out is t.body:
        t.pending_break = t.section_has_content
    t.flow(element, out, ctx.deeper())


def page_break_at_h1(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """A new page before an article that starts with a chapter heading."""
    first = next((child for child in element if isinstance(child.tag, str)), None)
    if first is not None and first.tag.lower() == "h1":
        page_break(t, element, out, ctx, rule)
    else:
        t.flow(element, out, ctx.deeper())


def end_section(t: Translator, *, landscape: bool, cover: bool = False) -> None:
    """Close the section written so far: its properties go on its last paragraph."""
    last = t.body[-1] if len(t.body) else None
    if last is None or last.tag != W + "p" or last.find(f"{W}pPr/{W}sectPr") is not None:
        last = ox.paragraph(t.body, None)
    ox.attach_section(last, t.page.sect_pr(landscape=landscape, cover=cover))
    t.section_has_content = False
    t.pending_break = False
