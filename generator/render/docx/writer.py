"""The converter put together: the handler each rule of the style map names, the walk over
the HTML, and the check that every class of the HTML is in the style map."""

from __future__ import annotations

from itertools import chain
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from generator.errors import RenderError
from generator.render.docx import blocks, inline, revisions, sections, tables
from generator.render.docx.ooxml import clean_text
from generator.render.docx.options import DocxOptions
from generator.render.docx.page import write_settings
from generator.render.docx.stylemap import STYLE_MAP, DocxWarning
from generator.render.docx.translator import (
    IGNORE,
    BlockHandler,
    Ctx,
    Handlers,
    InlineHandler,
    Translator,
    classes_of,
)

BLOCK_HANDLERS: dict[str, BlockHandler] = {
    "container": blocks.container,
    "list_item": blocks.container,  # outside a list
    "table_part": blocks.container,  # outside a table
    "narrative": blocks.narrative,
    "styled_flow": blocks.styled_flow,
    "paragraph": blocks.paragraph,
    "preformatted": blocks.preformatted,
    "horizontal_line": blocks.horizontal_line,
    "caption": blocks.caption,
    "numbered_heading": blocks.numbered_heading,
    "front_title": blocks.front_title,
    "unnumbered_heading": blocks.unnumbered_heading,
    "bullet_list": blocks.bullet_list,
    "numbered_list": blocks.numbered_list,
    "contents": blocks.contents,
    "entries": blocks.entries,
    "chart": blocks.chart,
    "picture_figure": blocks.picture_figure,
    "running_header": sections.running_header,
    "cover": sections.cover,
    "landscape": sections.landscape,
    "page_break": sections.page_break,
    "page_break_at_h1": sections.page_break_at_h1,
    "table": tables.table,
    "even_table": tables.even_table,
    "facts": tables.facts,
    "keyfigures": tables.keyfigures,
}
INLINE_HANDLERS: dict[str, InlineHandler] = {
    "bold": inline.bold,
    "italic": inline.italic,
    "underline": inline.underline,
    "vertical_align": inline.vertical_align,
    "character": inline.character,
    "link": inline.link,
    "keyfigure_value": inline.keyfigure_value,
    "line_break": inline.line_break,
    "tab": inline.tab,
    "picture": inline.picture,
    "revision": inline.revision,
    "strike": inline.strike,
}
# Handlers the walk does not dispatch to: what their rules describe happens elsewhere.
IMPLICIT_HANDLERS = {
    IGNORE: "Translator.flow and .inline skip the element and its content",
    "text": "inline.text, the fallback of Translator.inline, keeps the text",
    "properties": "package.finish writes the core properties",
    "document": "the walk starts at the body",
    "page_setup": "page.Page writes the footer",
    "folio_page": "writer.write makes the page F4 (Page.folio), its page number on top"
                  " (Page.numbers_on_top) for a body with the class",
    "status": "Translator.status_format styles the text of any element with the class",
}
HANDLERS = Handlers(BLOCK_HANDLERS, INLINE_HANDLERS, text=inline.text)
_FOLIO = frozenset({"folio_page"})


def parse(html: str) -> Any:
    text = clean_text(html)
    if not text.strip():
        raise RenderError("DOCX: the HTML document is empty")
    try:
        parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True,
                                      no_network=True, huge_tree=True)
        return lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise RenderError(f"DOCX: the HTML cannot be parsed ({error})") from None


def write(document: Any, options: DocxOptions, root: Any) -> list[DocxWarning]:
    """Replace the body of `document` with the HTML `root`; the warnings about it."""
    warnings = unmapped_classes(root, options.title)
    t = Translator(document, options, root, HANDLERS)
    body = root.find("body")
    if body is None:
        body = root
    if STYLE_MAP.find("body", classes_of(body), handlers=_FOLIO) is not None:
        t.page.folio()
        t.page.numbers_on_top()
    sections.write_running_header(t, body)
    t.flow(body, t.body, Ctx(width=t.page.text_width(False)))
    # The properties of the last section are the body's own sectPr.
    t.body.append(t.page.sect_pr(landscape=t.in_landscape))
    if options.revision is not None:
        revisions.finish(t.body, *options.revision)
    write_settings(document, options.language_tag)
    return warnings


def has_contents(root: Any) -> bool:
    """Whether the HTML has a table of contents with entries (a ``nav`` whose rule makes
    it the TOC field)."""
    handlers = frozenset(BLOCK_HANDLERS)
    for nav in root.iter("nav"):
        rule = STYLE_MAP.find("nav", classes_of(nav), handlers=handlers)
        if rule is not None and rule.handler == "contents" and nav.find(".//li") is not None:
            return True
    return False


# --- classes the style map does not know -------------------------------------------------------


def unmapped_classes(root: Any, title: str) -> list[DocxWarning]:
    """One warning per class (and tag) of the HTML that no rule maps: the converter writes
    such an element as if it had no class. The warning names the template where an
    element or an ancestor says (``data-template``), else the document."""
    title = title or " ".join((root.findtext(".//title") or "").split())
    ignored = STYLE_MAP.tags({IGNORE})
    known: dict[tuple[str, str], bool] = {}
    found: dict[tuple[str, str], list[Any]] = {}  # → [count, template]
    for element in chain([root], root.iterfind(".//*[@class]")):
        tag = element.tag.lower()
        for css_class in str(element.get("class", "")).split():
            key = (tag, css_class)
            if key not in known:
                known[key] = STYLE_MAP.maps(tag, css_class)
            if known[key]:
                continue
            lineage = [element, *element.iterancestors()]
            if any(e.tag.lower() in ignored for e in lineage):  # head, svg…: never written
                continue
            template = next((clean_text(str(e.get("data-template"))) for e in lineage
                             if e.get("data-template")), "")
            found.setdefault(key, [0, template])[0] += 1
    return [_unmapped(tag, css_class, count, template, title)
            for (tag, css_class), (count, template) in found.items()]


def _unmapped(tag: str, css_class: str, count: int, template: str, title: str) -> DocxWarning:
    where = template or f"document `{title}`"
    return DocxWarning(
        "docx.unmapped_class",
        {"class": css_class, "tag": tag, "count": str(count), "template": template,
         "document": title},
        f"{where}: class `{css_class}` of <{tag}> is not in the DOCX style map "
        f"(docs/templates.md); {count} such element(s) written as a plain <{tag}>",
        source=template or title, where=f"{tag}.{css_class}")
