"""Handlers for the sections of the document: the cover (a section without header or
footer), landscape sections, page breaks before chapters, and the running header."""

from __future__ import annotations

from typing import Any

from generator.render.docx import ooxml as ox
from generator.render.docx.ooxml import W
from generator.render.docx.stylemap import STYLE_MAP, Rule
from generator.render.docx.translator import Ctx, Translator, classes_of

_RUNNING = STYLE_MAP.rule("header.running")


def write_running_header(t: Translator, body: Any) -> None:
    """The header of every page after the cover: `DocxOptions.header`, else the text of
    the HTML's running header."""
    text = t.options.header
    if text is None:
        running = next((h for h in body.iter("header") if _RUNNING.matches("header",
                                                                             classes_of(h))),
                       None)
        if running is not None:
            text = " · ".join(" ".join(span.text_content().split())
                              for span in running.iter("span") if span.text_content())
    t.page.write_header(text or "")


def running_header(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """Nothing in the body: it is the header of every page (`write_running_header`)."""


def cover(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    t.flow(element, out, ctx.deeper())
    if out is t.body:
        end_section(t, landscape=False, cover=True)


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
