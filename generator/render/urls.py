"""What a document may refer to: one check for the PDF writer's fetcher and the HTML writer.

A document carries everything it shows (images as ``data:`` URLs, the stylesheet inline);
nothing is ever fetched. The PDF writer enforces that where WeasyPrint fetches
(`generator.render.pdf`); the HTML preview is opened by a browser, which would fetch what
the PDF refused, so the HTML writer looks for the same references in the HTML itself
(every attribute a browser or WeasyPrint loads a resource from, ``url()`` and ``@import`` in
``<style>`` and ``style=""``) and refuses them with the same message.

Parsing: lxml for the HTML (WeasyPrint's own html5 parser takes ~0.7 s on the complete
example, lxml ~15 ms), tinycss2 (WeasyPrint's CSS tokenizer) for the CSS, so escapes such as
``u\\72l(…)`` are read as WeasyPrint reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from generator.errors import RenderError

_MAX_URL_IN_MESSAGE = 120
_MAX_URLS_IN_MESSAGE = 5
# What URL parsers drop before they read a URL (so "da\tta:" is "data:").
_IGNORED_IN_URL = re.compile(r"[\t\n\r]")

# Attributes a browser or WeasyPrint loads a resource from, on any element.
_RESOURCE_ATTRIBUTES = frozenset({
    "src", "data", "poster", "background", "lowsrc", "dynsrc", "manifest", "codebase",
    "archive", "classid", "icon", "xlink:href", "href"})
_CANDIDATE_LISTS = frozenset({"srcset", "imagesrcset"})
# Elements whose href is a link the reader follows, not a resource that is loaded.
_LINK_ELEMENTS = frozenset({"a", "area"})
_CSS_URL_FUNCTIONS = frozenset({"url", "src"})
_CSS_IMAGE_FUNCTIONS = frozenset({"image-set", "-webkit-image-set", "image", "cross-fade"})


def is_data_url(url: str) -> bool:
    """The one kind of URL a document may load: its content is the URL itself."""
    return _IGNORED_IN_URL.sub("", url).strip()[:5].lower() == "data:"


def allowed(url: str) -> bool:
    """A reference a document may keep: a ``data:`` URL, a fragment of the document itself,
    or nothing. (The PDF writer also serves its bundled fonts, by names only it uses.)"""
    text = _IGNORED_IN_URL.sub("", url).strip()
    return not text or text.startswith("#") or is_data_url(text)


def shorten(text: str, limit: int = _MAX_URL_IN_MESSAGE) -> str:
    return text if len(text) <= limit else f"{text[:limit]}..."


def refused_error(urls: Iterable[str]) -> RenderError:
    """The error naming every refused URL (the first five)."""
    refused = list(dict.fromkeys(urls))
    shown = ", ".join(repr(shorten(url)) for url in refused[:_MAX_URLS_IN_MESSAGE])
    more = len(refused) - _MAX_URLS_IN_MESSAGE
    return RenderError(
        f"refused to fetch {shown}{f' and {more} more' if more > 0 else ''}: "
        "a document may only use data: URLs and the bundled fonts")


def refuse_attachment_links(elements: Iterable[Any]) -> None:
    """``<link rel=attachment>`` and ``<a rel=attachment>`` embed their target in a PDF."""
    for element in elements:
        if element.tag not in ("a", "link"):
            continue
        rel = element.get("rel", "") or ""
        if "attachment" in (token.lower() for token in rel.split()):
            href = shorten(element.get("href", "") or "")
            raise RenderError(
                f"refused <{element.tag} rel=attachment href={href!r}>: "
                "only the source spec may be attached to the PDF")


def refuse_external_references(html: str) -> None:
    """Raise what the PDF writer raises for the same document: an attachment link, or
    every reference that is not `allowed`."""
    from lxml import html as lxml_html

    if not html.strip():
        return
    root = lxml_html.document_fromstring(html)
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    refuse_attachment_links(elements)
    refused = [url for url in references(elements) if not allowed(url)]
    if refused:
        raise refused_error(refused)


def references(elements: Iterable[Any]) -> Iterator[str]:
    """Every URL the elements load a resource from, in document order."""
    for element in elements:
        tag = element.tag.lower()
        for name, value in element.attrib.items():
            name = name.lower()
            if name in _CANDIDATE_LISTS:
                yield from _candidates(value)
            elif name == "style":
                yield from css_references(value)
            elif name in _RESOURCE_ATTRIBUTES and not (
                    tag in _LINK_ELEMENTS and name in ("href", "xlink:href")):
                yield value
        if tag == "style":
            yield from css_references(element.text_content())


def _candidates(srcset: str) -> Iterator[str]:
    """The URLs of a ``srcset`` as the HTML standard splits it: a URL runs to the next
    whitespace (a ``data:`` URL may hold commas), its descriptors to the next comma."""
    position, end = 0, len(srcset)
    while position < end:
        while position < end and (srcset[position].isspace() or srcset[position] == ","):
            position += 1
        start = position
        while position < end and not srcset[position].isspace():
            position += 1
        url = srcset[start:position]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            depth = 0
            while position < end and (srcset[position] != "," or depth):
                depth = max(0, depth + {"(": 1, ")": -1}.get(srcset[position], 0))
                position += 1
        if url:
            yield url


def css_references(css: str) -> Iterator[str]:
    """Every URL of a stylesheet (or a style attribute): ``url()``, ``@import "…"`` and the
    strings of image functions."""
    import tinycss2

    yield from _walk(tinycss2.parse_component_value_list(css, skip_comments=True))


def _walk(tokens: list[Any]) -> Iterator[str]:
    importing = False
    for token in tokens:
        kind = token.type
        if kind in ("whitespace", "comment"):
            continue
        if importing and kind == "string":
            yield token.value
        importing = kind == "at-keyword" and token.lower_value == "import"
        if kind == "url":
            yield token.value
        elif kind == "function":
            name = token.lower_name
            strings = [t.value for t in token.arguments if t.type == "string"]
            if name in _CSS_URL_FUNCTIONS:
                yield from strings[:1]
            elif name in _CSS_IMAGE_FUNCTIONS:
                yield from strings
            yield from _walk(token.arguments)
        elif kind in ("() block", "[] block", "{} block"):
            yield from _walk(token.content)
