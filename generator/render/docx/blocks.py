"""Handlers for block elements: containers, paragraphs, headings, captions, lists, the
table of contents and the lists of tables and figures, figures."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from generator.errors import RenderError
from generator.render.docx import ooxml as ox
from generator.render.docx import pictures, revisions
from generator.render.docx.ooxml import PLAIN, W
from generator.render.docx.stylemap import STYLE_MAP, Rule
from generator.render.docx.translator import (
    BODY_TEXT,
    CELL_TEXT_SIZE,
    Ctx,
    ListItem,
    Segment,
    Translator,
    classes_of,
    normalise,
)

_NUMBER = STYLE_MAP.rule("span.num")
_NARRATIVE_HEADING = STYLE_MAP.rule("div.narrative h4")
_BULLET_ITEM = STYLE_MAP.rule("ul > li")
_NUMBER_ITEM = STYLE_MAP.rule("ol > li")
_CONTINUE = STYLE_MAP.rule("li > p (second and later)")
_TOC_ENTRY = STYLE_MAP.rule("nav.toc li, nav.toc li.toc-1")
_TOC_LEVEL = re.compile(r"toc-([1-9])")
_TOC_OUTLINE = re.compile(r'\\o "1-[1-9]"')
#: The page number of every entry in the first pass of `--docx-toc pages`: as wide as any
#: page number of a book of up to 999 pages, so the real numbers never make an entry wrap.
TOC_PLACEHOLDER = "888"
_CHART_WIDTH_EMU = 16 * pictures.EMU_PER_CM  # when the img gives no data-width-cm

# --- containers ----------------------------------------------------------------------------------


def container(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """Its content flows on (also li outside a list, table parts outside a table)."""
    t.flow(element, out, ctx.deeper())


def narrative(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    t.flow(element, out, ctx.deeper(narrative=True))


def styled_flow(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """Its loose text in the rule's paragraph style."""
    t.flow(element, out, ctx.deeper(style=rule.target))


# --- paragraphs ----------------------------------------------------------------------------------


def paragraph(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """A ``p`` in the style of its rule, unless it sits in something styled (a cell, a
    quote, a list item)."""
    style = rule.target if not ctx.in_cell and ctx.style == BODY_TEXT else ctx.style
    _paragraph(t, element, out, ctx, style)


def _paragraph(t: Translator, element: Any, out: Any, ctx: Ctx, style: str) -> None:
    segments: list[Segment] = []
    fmt = t.status_format(element.tag, classes_of(element), ctx.fmt)
    t.inline_children(element, segments, fmt, None, ctx)
    t.paragraph_from(segments, out, style, ctx, bookmark=element.get("id"))


def preformatted(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    text = ox.clean_text(element.text_content())
    if text.startswith("\n"):
        text = text[1:]
    p = t.new_paragraph(out, rule.target, ctx)
    for number, line in enumerate(text.rstrip("\n").split("\n")):
        if number:
            ox.break_run(p, ctx.fmt)
        if line:
            ox.text_run(p, line.replace("\t", "    "), ctx.fmt)


def horizontal_line(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    t.new_paragraph(out, rule.target, ctx)


def caption(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    write_caption(t, element, out, ctx)


def write_caption(t: Translator, element: Any, out: Any, ctx: Ctx,
                  bookmark: str | None = None) -> None:
    """A table's caption (kept with its table, as the Caption style says) or a figure's
    (below its picture: kept with nothing, or long keep-with-next chains of heading,
    picture, caption, table would push whole pages forward)."""
    segments: list[Segment] = []
    t.inline_children(element, segments, PLAIN, None, ctx)
    below = element.tag == "figcaption"
    t.paragraph_from(segments, out, STYLE_MAP.rule(element.tag.lower()).target, ctx.but(jc=None),
                     bookmark=bookmark or element.get("id"), keep_next=False if below else None)


# --- headings ------------------------------------------------------------------------------------


def numbered_heading(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """h1–h4, numbered by Word where Word shows the number of the HTML; in a redline,
    where Word shows it in both versions (`HeadingNumbers.revision`), the old numbering
    recorded as the paragraph's former properties."""
    if ctx.in_cell or ctx.narrative:
        unnumbered_heading(t, element, out, ctx, rule)
        return
    level = _level(element)
    number, old_number = _heading_number(element), _heading_number(element, old=True)
    revision = element.get("data-redline") if t.options.revision is not None else None
    assigned = former = None
    if number or old_number:
        assigned, former = t.headings.revision(level, number, old_number, revision)
    if revision is None and (assigned is None or former is None):
        assigned = former = None  # numbered in one version only: the number as text
    # A heading whose number Word would not reproduce keeps its text (its changes
    # marked): the style is numbered, this paragraph is not.
    p = _heading(t, element, out, ctx, rule.target, numbering=assigned or (0, 0),
                 drop_number=assigned is not None)
    if former is not None and former != assigned:
        revisions.record_numbering(p, *former)


def front_title(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    if ctx.in_cell or ctx.narrative:
        unnumbered_heading(t, element, out, ctx, rule)
        return
    _heading(t, element, out, ctx, rule.target, numbering=(0, 0))


def unnumbered_heading(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """h5, h6 and every heading of Markdown; in a table cell, a bold paragraph (no outline
    entries from inside a table)."""
    if ctx.in_cell:
        _paragraph(t, element, out, ctx.but(fmt=ctx.fmt.with_(bold=True)), ctx.style)
        return
    style = _NARRATIVE_HEADING.target if _level(element) <= 4 else rule.target
    _heading(t, element, out, ctx, style)


def _heading(t: Translator, element: Any, out: Any, ctx: Ctx, style: str, *,
             numbering: tuple[int, int] | None = None, drop_number: bool = False) -> Any:
    level = _level(element)
    if level == 2 and t.in_landscape and out is t.body:
        t.landscape_h2 += 1  # section.landscape h2 ~ h2 { break-before: page }
        if t.landscape_h2 > 1:
            t.pending_break = True
    segments: list[Segment] = []
    if drop_number and level == 1:  # "BAB I" on its own line, as in the PDF
        segments.append(Segment("", PLAIN, None, kind="break"))
    t.inline_children(element, segments, PLAIN, None, ctx, drop_number=drop_number)
    return t.paragraph_from(segments, out, style, ctx, numbering=numbering,
                            bookmark=element.get("id"))


def _level(element: Any) -> int:
    return int(element.tag.lower()[1])


def _heading_number(element: Any, *, old: bool = False) -> str:
    """The text of a heading's leading ``span.num``, or ""; in a redline, where the
    number changed (``<del>`` the old one, ``<ins>`` the new one), the new one or the
    `old` one."""
    first = next((child for child in element if isinstance(child.tag, str)), None)
    if first is None or not _NUMBER.matches(first.tag, classes_of(first)) \
            or (element.text or "").strip():
        return ""
    skip = "ins" if old else "del"
    parts = [first.text or ""]
    for child in first:
        if not (isinstance(child.tag, str) and child.tag.lower() == skip):
            parts.append(child.text_content() if isinstance(child.tag, str) else "")
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


# --- lists ---------------------------------------------------------------------------------------


def bullet_list(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    _list(t, element, out, ctx.deeper(), _BULLET_ITEM, lambda level: t.bullets_num)


def numbered_list(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """Every ``ol`` is a new instance of the numbered definition: it restarts at 1 (or at
    ``start``)."""
    try:
        start = max(1, min(int(element.get("start", "1")), 32767))
    except ValueError:
        start = 1
    _list(t, element, out, ctx.deeper(), _NUMBER_ITEM,
          lambda level: t.numbering.add_num(rule.target, {level: start}))


def _list(t: Translator, element: Any, out: Any, ctx: Ctx, item_rule: Rule,
          num_id_at: Callable[[int], int]) -> None:
    level = min(ctx.list_depth, len(item_rule.styles) - 1)  # deeper lists stay at the last
    num_id = num_id_at(level)
    style = item_rule.styles[level]
    item_ctx = ctx.but(style=style, list_depth=ctx.list_depth + 1,
                       fmt=ctx.fmt.with_(size=ctx.fmt.size or (
                           CELL_TEXT_SIZE if ctx.in_cell else None)))
    outer = t.current_item
    ends: list[Any] = []  # the last paragraph of each item
    for child in element:
        if not isinstance(child.tag, str):
            continue
        tag = child.tag.lower()
        if tag != "li":
            t.current_item = None
            if tag in t.block_tags:
                t.block(child, out, ctx)
            continue
        item = t.current_item = ListItem(style, _CONTINUE.styles[level], (num_id, level))
        t.flow(child, out, item_ctx)
        if not item.started:  # an empty item still shows its bullet
            t.new_paragraph(out, style, item_ctx)
        if len(out) and out[-1].tag == W + "p":
            ends.append(out[-1])
    # No item alone at the foot or the head of a page (as style.css): the first item and
    # the last but one are kept with the item after them.
    if len(ends) >= 2 and not ctx.in_cell:
        for end in {id(ends[0]): ends[0], id(ends[-2]): ends[-2]}.values():
            ox.keep_with_next(end)
    t.current_item = outer
    if outer is not None:
        outer.started = True


# --- contents ------------------------------------------------------------------------------------


def contents(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """The entries of the HTML inside a TOC field (the rule's target is its instruction),
    which Word rebuilds on opening. The field asks for the levels the HTML lists, so the
    rebuilt contents are the pre-filled ones; with `DocxOptions.toc_numbers` each entry
    ends in its page number (the pages LibreOffice found, or a placeholder as wide)."""
    inner = ctx.deeper()
    paragraphs = _entries(t, element, out, inner, _toc_style, page_refs=False,
                          page_of=_toc_page(t))
    if not paragraphs:
        paragraphs.append(t.new_paragraph(out, _TOC_ENTRY.target, inner))
    first = paragraphs[0]
    holder = etree.Element(W + "p")
    ox.field_begin(holder, toc_instruction(rule.target, element))
    position = 1 if first.find(W + "pPr") is not None else 0
    for run in reversed(list(holder)):
        first.insert(position, run)
    ox.field_end(paragraphs[-1])


def toc_levels(element: Any) -> int:
    """The deepest level the contents `element` lists (``li.toc-N``; 1 without a class)."""
    levels = [1]
    for li in element.iter("li"):
        for css_class in classes_of(li):
            match = _TOC_LEVEL.fullmatch(css_class)
            if match:
                levels.append(int(match.group(1)))
    return max(levels)


def toc_instruction(instruction: str, element: Any) -> str:
    """The TOC field's `instruction` asking for the outline levels the HTML lists: Word
    rebuilds exactly the pre-filled entries, and the book keeps its pages."""
    return _TOC_OUTLINE.sub(f'\\\\o "1-{toc_levels(element)}"', instruction, count=1)


def _toc_page(t: Translator) -> Callable[[str], str | None] | None:
    mode = t.options.toc_numbers
    if mode == "placeholder":
        return lambda target: TOC_PLACEHOLDER
    if mode == "pages":
        pages = t.options.toc_pages
        return lambda target: str(pages[target]) if target in pages else None
    return None


def entries(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """A list of tables or figures: each entry links to its caption, with its page."""
    _entries(t, element, out, ctx.deeper(), lambda li: rule.target, page_refs=True)


def _toc_style(li: Any) -> str:
    rule = STYLE_MAP.find("li", classes_of(li), context="nav.toc")
    return (rule or _TOC_ENTRY).target


def _entries(t: Translator, element: Any, out: Any, ctx: Ctx, style_of: Callable[[Any], str],
             *, page_refs: bool,
             page_of: Callable[[str], str | None] | None = None) -> list[Any]:
    paragraphs = []
    for li in element.iter("li"):
        anchor = li.find(".//a")
        href = "" if anchor is None else str(anchor.get("href", ""))
        target = t.bookmarks.get(href[1:]) if href.startswith("#") else None
        segments: list[Segment] = []
        p = t.new_paragraph(out, style_of(li), ctx)
        paragraphs.append(p)
        if li.find(".//*[@class='rl']") is not None:
            # a redline's entry: its changes wrap the link, which each piece carries
            t.inline_children(li, segments, PLAIN, None, ctx)
            link = p
        else:
            t.inline_children(li if anchor is None else anchor, segments, PLAIN, None, ctx)
            link = ox.hyperlink(p, anchor=target) if target else p
        t.emit(link, normalise(segments))
        if target and page_refs:
            # LibreOffice computes PAGEREF fields as it lays the document out, Word when
            # it updates the fields on opening. Inside the TOC field they would stay
            # empty in LibreOffice (it keeps a TOC's text as it is), so entries there
            # go without.
            ox.tab_run(p)
            ox.field(p, f"PAGEREF {target} \\h")
        elif target and page_of is not None:
            number = page_of(target)
            if number:  # the page as text, inside the link as Word writes its entries
                ox.tab_run(link)
                ox.text_run(link, number)
    return paragraphs


# --- figures -------------------------------------------------------------------------------------


def chart(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """The PNG of the chart ``data-chart`` names, then its caption."""
    key = element.get("data-chart")
    if key is None:
        styled_flow(t, element, out, ctx, rule)
        return
    native = t.options.native_charts.get(key)
    if native is not None:
        _native_figure(t, element, out, ctx, rule, native)
        return
    png = t.options.charts.get(key)
    if not png:
        raise RenderError(f"DOCX: no PNG for chart `{key}` (DocxOptions.charts)")
    _figure(t, element, out, ctx, rule, png, f"DOCX: chart `{key}`")


def _native_figure(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule,
                   data: Any) -> None:
    """The native chart of `data` (`charts`) at ``data-width-cm``, with the ``img``'s alt
    text; then the figure's caption, bookmarked as `_figure` does."""
    inner = ctx.deeper()
    img = element.find(".//img")
    width_emu = pictures.width_emu(None if img is None else img.get("data-width-cm"),
                                   _CHART_WIDTH_EMU)
    p = t.new_paragraph(out, rule.target, inner)
    pictures.picture_run(p, t.place_chart(data, width_emu, inner, pictures.alt_text(img)))
    for child in element:
        if isinstance(child.tag, str) and child.tag.lower() == "figcaption":
            write_caption(t, child, out, inner, bookmark=element.get("id") or child.get("id"))


def picture_figure(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """A picture of the spec (the ``data:`` PNG or JPEG of its ``img``), then its caption."""
    img = element.find(".//img")
    if img is None:
        styled_flow(t, element, out, ctx, rule)
        return
    alt = pictures.alt_text(img)
    what = f"DOCX: picture `{alt[:60]}`" if alt else "DOCX: picture"
    _figure(t, element, out, ctx, rule,
            pictures.decode_data_uri(str(img.get("src", "")), what), what)


def _figure(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule, data: bytes,
            what: str) -> None:
    """The picture at ``data-width-cm`` of its ``img`` (at most the room here), with the
    ``img``'s alt text, in the rule's paragraph style; then the figure's caption,
    bookmarked with the figure's id (the lists of figures link to it)."""
    inner = ctx.deeper()
    img = element.find(".//img")
    alt = pictures.alt_text(img)
    picture = pictures.check_picture(data, what)
    width_emu = pictures.width_emu(None if img is None else img.get("data-width-cm"),
                                   _CHART_WIDTH_EMU)
    p = t.new_paragraph(out, rule.target, inner)
    pictures.picture_run(p, t.place_picture(picture, width_emu, inner, alt,
                                            decorative=pictures.is_decorative(img)))
    for child in element:
        if isinstance(child.tag, str) and child.tag.lower() == "figcaption":
            write_caption(t, child, out, inner, bookmark=element.get("id") or child.get("id"))
