"""The walk over the HTML: one pass, each element dispatched on the style map.

`Translator.flow` writes the children of a block container: loose text and inline
elements become paragraphs, and every block child goes to the handler its rule names
(`StyleMap.find`); `Translator.inline` does the same for inline elements, which add to the
segments of the paragraph being built. The handlers (blocks.py, tables.py, sections.py,
inline.py) come in as `Handlers`, so this module knows none of them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any

from generator.errors import RenderError
from generator.render.docx import ooxml as ox
from generator.render.docx import pictures, revisions
from generator.render.docx.numbering import (
    HeadingNumbers,
    Numbering,
    define_lists,
    set_style_numbering,
)
from generator.render.docx.ooxml import PLAIN, RunFormat, W
from generator.render.docx.options import DocxOptions
from generator.render.docx.page import Page
from generator.render.docx.reference import style_ids, style_index
from generator.render.docx.stylemap import BULLET_STYLES, HEADING_STYLES, STYLE_MAP, Rule

MAX_DEPTH = 120  # element nesting; our templates use < 20, Markdown is capped at 8
IGNORE = "ignore"  # the handler of elements whose content never reaches the document
BODY_TEXT = STYLE_MAP.rule("p").target
CELL_TEXT = STYLE_MAP.rule("td").target
CELL_TEXT_SIZE = 19  # half-points: 9.5 pt, the table text of style.css
_NUMBER = STYLE_MAP.rule("span.num")
_STATUS = STYLE_MAP.with_handler("status")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")

Link = tuple[str, str] | None  # ("rel", rId) or ("anchor", bookmark)


def classes_of(element: Any) -> set[str]:
    return set(str(element.get("class", "")).split())


@dataclass(frozen=True)
class Ctx:
    """Where the walk is: the paragraph style for loose text, the run format, and more."""

    style: str = BODY_TEXT
    fmt: RunFormat = PLAIN
    list_depth: int = 0
    narrative: bool = False
    in_cell: bool = False
    width: int = 0  # twips available to a table or picture here
    depth: int = 0
    jc: str | None = None  # alignment of every paragraph (table cells)

    def but(self, **changes: Any) -> Ctx:
        return replace(self, **changes)

    def deeper(self, **changes: Any) -> Ctx:
        return replace(self, depth=self.depth + 1, **changes)


@dataclass
class ListItem:
    """The list item being written: its first paragraph takes the number or bullet."""

    style: str
    continue_style: str
    numbering: tuple[int, int]
    started: bool = False


@dataclass
class Segment:
    """A piece of a paragraph: text with its format, a line break or a picture."""

    text: str = ""
    fmt: RunFormat = PLAIN
    link: Link = None
    kind: str = "text"  # text | break | tab | picture
    picture: Any = None


BlockHandler = Callable[["Translator", Any, Any, Ctx, Rule], None]
InlineHandler = Callable[["Translator", Any, list[Segment], RunFormat, Link, Ctx, Rule | None],
                         None]


@dataclass(frozen=True)
class Handlers:
    """The functions the rules name; `text` takes the inline elements no rule gives an
    inline handler (their text is kept)."""

    block: Mapping[str, BlockHandler]
    inline: Mapping[str, InlineHandler]
    text: InlineHandler


class Translator:
    """Writes the body of `document` from the HTML tree `root`, in one pass.

    Setting up follows the reference document: our numbering definitions linked to its
    heading and list styles, its first section made our portrait page.
    """

    def __init__(self, document: Any, options: DocxOptions, root: Any,
                 handlers: Handlers) -> None:
        self.document = document
        self.options = options
        self.handlers = handlers
        self.part = document.part
        self.styles = style_ids(document.styles.element)
        self.body = document.element.body
        template_sect = self.body.find(W + "sectPr")
        for child in list(self.body):
            self.body.remove(child)
        self.numbering = Numbering.of(self.part.numbering_part.element)
        self.headings = HeadingNumbers(
            self.numbering, [self.styles.get(name) for name in HEADING_STYLES])
        self.block_tags = STYLE_MAP.tags(handlers.block)
        self.ignored_tags = STYLE_MAP.tags({IGNORE})
        self._block_handlers = frozenset(handlers.block)
        self._inline_handlers = frozenset(handlers.inline)
        self.bookmark_count = 0
        self.shape_count = 0
        self.chart_count = 0
        self.pending_break = False
        self.section_has_content = False
        self.in_landscape = False
        self.landscape_h2 = 0
        self.current_item: ListItem | None = None
        self.bullets_num = self._prepare_numbering()
        self.page = Page(document, template_sect, self.styles)
        self.bookmarks = bookmark_names(root)

    def _prepare_numbering(self) -> int:
        """Our numbering definitions, and the heading and list styles linked to them;
        returns the numId every bulleted list shares."""
        lists = define_lists(self.numbering, [self.styles.get(name) for name in HEADING_STYLES])
        index = style_index(self.document.styles.element)
        for names, num_id in lists.items():
            for level, name in enumerate(names):
                style = index.get(name.lower())
                if style is not None and name in self.styles:
                    set_style_numbering(style, num_id, level)
        return lists[BULLET_STYLES]

    # --- dispatch ------------------------------------------------------------------------------

    def flow(self, element: Any, out: Any, ctx: Ctx) -> None:
        """The children of a block container: loose inline content becomes paragraphs in
        `ctx.style`, block children go to their handlers."""
        if ctx.depth > MAX_DEPTH:
            raise RenderError(f"DOCX: the HTML is nested more than {MAX_DEPTH} levels deep")
        inline: list[Any] = []  # text and inline elements, in order
        if element.text:
            inline.append(element.text)
        for child in element:
            if isinstance(child.tag, str):
                tag = child.tag.lower()
                if tag in self.block_tags:
                    self.loose(inline, out, ctx)
                    inline = []
                    self.block(child, out, ctx)
                elif tag not in self.ignored_tags:
                    inline.append(child)
            if child.tail:
                inline.append(child.tail)
        self.loose(inline, out, ctx)

    def loose(self, inline: list[Any], out: Any, ctx: Ctx) -> None:
        if all(isinstance(item, str) and not item.strip() for item in inline):
            return
        segments: list[Segment] = []
        for item in inline:
            if isinstance(item, str):
                segments.append(Segment(item, ctx.fmt))
            else:
                self.inline(item, segments, ctx.fmt, None, ctx)
        self.paragraph_from(segments, out, ctx.style, ctx)

    def block(self, element: Any, out: Any, ctx: Ctx) -> None:
        tag = element.tag.lower()
        rule = STYLE_MAP.find(tag, classes_of(element), handlers=self._block_handlers)
        assert rule is not None  # every block tag has a rule without classes
        revision = element.get("data-redline")
        before = len(out)
        self.handlers.block[rule.handler](self, element, out, ctx, rule)
        if revision in revisions.REVISIONS and self.options.revision is not None:
            for child in out[before:]:
                revisions.mark_block(child, revision)

    def inline(self, element: Any, segments: list[Segment], fmt: RunFormat, link: Link,
               ctx: Ctx) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not tag or tag in self.ignored_tags:
            return
        if ctx.depth > MAX_DEPTH:
            raise RenderError(f"DOCX: the HTML is nested more than {MAX_DEPTH} levels deep")
        rule = STYLE_MAP.find(tag, classes_of(element), handlers=self._inline_handlers)
        handler = self.handlers.inline[rule.handler] if rule else self.handlers.text
        handler(self, element, segments, fmt, link, ctx.deeper(), rule)

    def inline_children(self, element: Any, segments: list[Segment], fmt: RunFormat,
                        link: Link, ctx: Ctx, *, drop_number: bool = False) -> None:
        if element.text:
            segments.append(Segment(element.text, fmt, link))
        for child in element:
            if isinstance(child.tag, str):
                if drop_number and _NUMBER.matches(child.tag, classes_of(child)):
                    drop_number = False  # Word numbers this heading
                else:
                    self.inline(child, segments, fmt, link, ctx)
            if child.tail:
                segments.append(Segment(child.tail, fmt, link))

    # --- paragraphs ----------------------------------------------------------------------------

    def new_paragraph(self, out: Any, style_name: str | None, ctx: Ctx, *,
                      numbering: tuple[int, int] | None = None,
                      keep_next: bool | None = None) -> Any:
        """A paragraph at the end of `out`; the first paragraph of a list item takes its
        number, the later ones continue it."""
        item = self.current_item
        if item is not None and style_name in (ctx.style, BODY_TEXT, CELL_TEXT):
            if not item.started:
                style_name, numbering = item.style, item.numbering
                item.started = True
            else:
                style_name = item.continue_style
        page_break = False
        if out is self.body:
            page_break, self.pending_break = self.pending_break, False
            self.section_has_content = True
        return ox.paragraph(out, self.styles.get(style_name) if style_name else None,
                            page_break=page_break, numbering=numbering, jc=ctx.jc,
                            mark_size=ctx.fmt.size if ctx.in_cell else None,
                            keep_next=keep_next)

    def paragraph_from(self, segments: list[Segment], out: Any, style: str, ctx: Ctx, *,
                       numbering: tuple[int, int] | None = None, bookmark: str | None = None,
                       keep_next: bool | None = None) -> Any:
        p = self.new_paragraph(out, style, ctx, numbering=numbering, keep_next=keep_next)
        self.emit(p, normalise(segments))
        name = self.bookmarks.get(bookmark) if bookmark else None
        if name:
            self.bookmark_count += 1
            ox.bookmark(p, self.bookmark_count, name)
        return p

    def emit(self, p: Any, segments: list[Segment]) -> None:
        container = p
        current_link: Link = None
        change: Any = None  # the w:ins or w:del the runs go into
        for segment in segments:
            if segment.link != current_link:
                current_link = segment.link
                change = None
                if current_link is None:
                    container = p
                elif current_link[0] == "rel":
                    container = ox.hyperlink(p, rel_id=current_link[1])
                else:
                    container = ox.hyperlink(p, anchor=current_link[1])
            revision = segment.fmt.revision if self.options.revision is not None else None
            if revision is None:
                change, target = None, container
            else:
                if change is None or change.tag != W + revision or change.getnext() is not None:
                    change = revisions.wrapper(container, revision)
                target = change
            if segment.kind == "text":
                ox.text_run(target, segment.text, segment.fmt)
            elif segment.kind == "break":
                ox.break_run(target, segment.fmt)
            elif segment.kind == "tab":
                ox.tab_run(target)
            elif segment.kind == "picture":
                pictures.picture_run(target, segment.picture)

    def status_format(self, tag: str, classes: Collection[str], fmt: RunFormat) -> RunFormat:
        """`fmt` with the character style of a status class (``.status-baik``), if any."""
        for name in _status_styles(tag, frozenset(classes)):
            if name in self.styles:
                return fmt.with_(style=self.styles[name])
        return fmt

    # --- room on the page ----------------------------------------------------------------------

    def available_width(self, ctx: Ctx) -> int:
        """Twips a table or picture may take here."""
        return ctx.width or self.page.text_width(self.in_landscape)

    def place_picture(self, picture: pictures.Picture, width_emu: int, ctx: Ctx,
                      alt: str, *, decorative: bool = False) -> Any:
        """A ``wp:inline`` for `picture`, at most as wide as the room here."""
        available = self.available_width(ctx) * pictures.EMU_PER_TWIP
        self.shape_count += 1
        return pictures.inline_picture(
            self.part, picture, max(min(width_emu, available), pictures.EMU_PER_PIXEL),
            self.shape_count, alt, decorative=decorative)


    def place_chart(self, data: Any, width_emu: int, ctx: Ctx, alt: str) -> Any:
        """A ``wp:inline`` for the native chart of `data`, at most as wide as the room."""
        from generator.render.docx.charts import chart_inline
        from generator.render.docx.package import DEFAULT_DATE

        available = self.available_width(ctx) * pictures.EMU_PER_TWIP
        self.shape_count += 1
        self.chart_count += 1
        return chart_inline(self.part, data, self.chart_count, self.shape_count,
                            max(min(width_emu, available), pictures.EMU_PER_PIXEL), alt,
                            self.options.created or DEFAULT_DATE)


@functools.lru_cache(maxsize=1024)
def _status_styles(tag: str, classes: frozenset[str]) -> tuple[str, ...]:
    return tuple(rule.target for rule in _STATUS if rule.matches(tag, classes))


def bookmark_names(root: Any) -> dict[str, str]:
    """A bookmark name for every HTML id (internal links may point forward)."""
    bookmarks: dict[str, str] = {}
    used: set[str] = set()
    for element in root.iter():
        html_id = element.get("id") if isinstance(element.tag, str) else None
        if not html_id or html_id in bookmarks:
            continue
        # Word: at most 40 characters, letters, digits and "_"; a leading "_" hides it.
        name = "_" + re.sub(r"[^A-Za-z0-9_]", "_", html_id)[:36]
        if name in used:
            name = f"{name[:30]}_{len(used)}"
        used.add(name)
        bookmarks[html_id] = name
    return bookmarks


def normalise(segments: list[Segment]) -> list[Segment]:
    """HTML white space: runs of spaces collapse to one, none at the start or end of a
    paragraph or next to a line break; adjacent text in the same format is merged."""
    out: list[Segment] = []
    after_space = True
    for segment in segments:
        if segment.kind != "text":
            if segment.kind in ("break", "tab") and out and out[-1].kind == "text":
                out[-1].text = out[-1].text.rstrip(" ")
            out.append(segment)
            after_space = segment.kind in ("break", "tab")
            continue
        text = _HTML_SPACE.sub(" ", ox.clean_text(segment.text))
        if after_space:
            text = text.lstrip(" ")
        if not text:
            continue
        after_space = text.endswith(" ")
        previous = out[-1] if out else None
        if previous is not None and previous.kind == "text" and previous.fmt == segment.fmt \
                and previous.link == segment.link:
            previous.text += text
        else:
            out.append(Segment(text, segment.fmt, segment.link))
    while out and out[-1].kind == "break":
        out.pop()
    if out and out[-1].kind == "text":
        out[-1].text = out[-1].text.rstrip(" ")
        if not out[-1].text:
            out.pop()
    return out
