"""Handlers for inline elements: each adds to the segments of the paragraph being built,
with the run format and link its rule gives."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from generator.render.docx import pictures
from generator.render.docx.ooxml import RunFormat, clean_text
from generator.render.docx.stylemap import STYLE_MAP, Rule
from generator.render.docx.translator import Ctx, Link, Segment, Translator, classes_of

MAX_URL = 2000
COVER_LOGO_HEIGHT_CM = 3.8  # as `.cover-logo img { height: 38mm }`
COVER_CARD_HEIGHT_CM = 4.2  # `.cover-logo.card`: a 34 mm logo with 4 mm of card around it
_COVER_LOGO = STYLE_MAP.rule("div.cover-logo")
_COVER_CARD = STYLE_MAP.rule("div.cover-logo.card")


def text(t: Translator, element: Any, segments: list[Segment], fmt: RunFormat, link: Link,
         ctx: Ctx, rule: Rule | None) -> None:
    """Its text, in a status style if it has a status class (also every element no rule
    names: its text is kept)."""
    fmt = t.status_format(element.tag, classes_of(element), fmt)
    t.inline_children(element, segments, fmt, link, ctx)


def bold(t: Translator, element: Any, segments: list[Segment], fmt: RunFormat, link: Link,
         ctx: Ctx, rule: Rule | None) -> None:
    text(t, element, segments, fmt.with_(bold=True), link, ctx, rule)


def italic(t: Translator, element: Any, segments: list[Segment], fmt: RunFormat, link: Link,
           ctx: Ctx, rule: Rule | None) -> None:
    text(t, element, segments, fmt.with_(italic=True), link, ctx, rule)


def underline(t: Translator, element: Any, segments: list[Segment], fmt: RunFormat, link: Link,
              ctx: Ctx, rule: Rule | None) -> None:
    text(t, element, segments, fmt.with_(underline=True), link, ctx, rule)


def revision(t: Translator, element: Any, segments: list[Segment], fmt: RunFormat, link: Link,
             ctx: Ctx, rule: Rule | None) -> None:
    """A redline's inserted or deleted text (`generator.render.redline`): a tracked change
    when the document is a redline (`DocxOptions.revision`), else underlined or struck."""
    if t.options.revision is None:
        change = {"underline": True} if element.tag.lower() == "ins" else {"strike": True}
        text(t, element, segments, fmt.with_(**change), link, ctx, rule)
        return
    text(t, element, segments, fmt.with_(revision=element.tag.lower()), link, ctx, rule)


def strike(t: Translator, element: Any, segments: list[Segment], fmt: RunFormat, link: Link,
           ctx: Ctx, rule: Rule | None) -> None:
    text(t, element, segments, fmt.with_(strike=True), link, ctx, rule)


def vertical_align(t: Translator, element: Any, segments: list[Segment], fmt: RunFormat,
                   link: Link, ctx: Ctx, rule: Rule | None) -> None:
    assert rule is not None
    text(t, element, segments, fmt.with_(vert=rule.target), link, ctx, rule)


def character(t: Translator, element: Any, segments: list[Segment], fmt: RunFormat,
              link: Link, ctx: Ctx, rule: Rule | None) -> None:
    """Its text in the rule's character style."""
    assert rule is not None
    text(t, element, segments, fmt.with_(style=t.styles.get(rule.target)), link, ctx, rule)


def link(t: Translator, element: Any, segments: list[Segment], fmt: RunFormat,
         outer: Link, ctx: Ctx, rule: Rule | None) -> None:
    """A hyperlink where the address may go (see `_target`); plain text elsewhere."""
    assert rule is not None
    target = _target(t, element.get("href", ""))
    if target:
        outer, fmt = target, fmt.with_(style=t.styles.get(rule.target))
    text(t, element, segments, fmt, outer, ctx, rule)


def keyfigure_value(t: Translator, element: Any, segments: list[Segment], fmt: RunFormat,
                    link: Link, ctx: Ctx, rule: Rule | None) -> None:
    """A key figure's value: its own line."""
    assert rule is not None
    fmt = fmt.with_(style=t.styles.get(rule.target))
    t.inline_children(element, segments, fmt, link, ctx)
    segments.append(Segment("", fmt, link, kind="break"))


def tab(t: Translator, element: Any, segments: list[Segment], fmt: RunFormat, link: Link,
        ctx: Ctx, rule: Rule | None) -> None:
    """A column of a clause (span.tab): its text, then a tab to the next tab stop of the
    paragraph style (Menimbang → : → a. → the text)."""
    t.inline_children(element, segments, fmt, link, ctx)
    segments.append(Segment("", fmt, link, kind="tab"))


def line_break(t: Translator, element: Any, segments: list[Segment], fmt: RunFormat,
               link: Link, ctx: Ctx, rule: Rule | None) -> None:
    segments.append(Segment("", fmt, link, kind="break"))


def picture(t: Translator, element: Any, segments: list[Segment], fmt: RunFormat, link: Link,
            ctx: Ctx, rule: Rule | None) -> None:
    """An inline picture for an ``<img>`` with a data: URL (the cover logo)."""
    alt = pictures.alt_text(element)
    what = f"DOCX: image `{alt[:60]}`" if alt else "DOCX: image"
    image = pictures.check_picture(
        pictures.decode_data_uri(str(element.get("src", "")), what), what)
    if ctx.style == _COVER_LOGO.target:
        height_cm = COVER_LOGO_HEIGHT_CM
        parent = element.getparent()
        if parent is not None and _COVER_CARD.matches(parent.tag, classes_of(parent)):
            # an opaque logo: on a white card, as the PDF draws it on the blue cover
            image = pictures.on_card(image)
            height_cm = COVER_CARD_HEIGHT_CM
        width_emu = round(height_cm * pictures.EMU_PER_CM * image.width / image.height)
    else:
        width_emu = pictures.width_emu(element.get("data-width-cm"),
                                       image.width * pictures.EMU_PER_PIXEL)
    segments.append(Segment("", fmt, link, kind="picture",
                            picture=t.place_picture(
                                image, width_emu, ctx, alt,
                                decorative=pictures.is_decorative(element))))


def _target(t: Translator, href: str) -> Link:
    """Where a link may go: a bookmark of this document, or an http, https or mailto
    address; anything else (javascript:, file:, relative paths) stays plain text."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    href = clean_text(href).strip()
    if href.startswith("#"):
        name = t.bookmarks.get(href[1:])
        return ("anchor", name) if name else None
    scheme = href.split(":", 1)[0].lower() if ":" in href else ""
    if scheme not in ("http", "https", "mailto") or len(href) > MAX_URL:
        return None
    target = quote(href, safe="!#$%&'()*+,/:;=?@[]~-._")  # Word refuses spaces and such
    return ("rel", t.part.relate_to(target, RT.HYPERLINK, is_external=True))
