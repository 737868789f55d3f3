"""generator.render.urls: what a document may refer to, the one check of both writers."""

from __future__ import annotations

import pytest

from generator.errors import RenderError
from generator.render.urls import allowed, css_references, refuse_external_references


@pytest.mark.parametrize("url", ["data:image/png;base64,AAAA", "DATA:image/png,x",
                                 "  data:text/css,x", "da\tta:x", "#h-1", ""])
def test_data_urls_fragments_and_nothing_are_allowed(url: str) -> None:
    assert allowed(url)


@pytest.mark.parametrize("url", ["http://example.com/x.png", "https://x", "file:///etc/passwd",
                                 "logo.png", "//example.com/x", "javascript:alert(1)",
                                 "masterplan-font:Carlito-Regular.ttf", " ht\ttp://x"])
def test_everything_else_is_refused(url: str) -> None:
    assert not allowed(url)


@pytest.mark.parametrize("css, urls", [
    ("@import url(http://a/x.css);", ["http://a/x.css"]),
    ('@import "http://a/y.css" screen;', ["http://a/y.css"]),
    ("@IMPORT 'z.css';", ["z.css"]),
    ('h1 { background: url("file:///etc/hostname") }', ["file:///etc/hostname"]),
    ("h1 { background: URL( http://a/b.png ) }", ["http://a/b.png"]),
    ("@font-face { src: url(x.woff) format('woff'), local(Arial) }", ["x.woff"]),
    ('h1 { background-image: image-set("a.png" 1x, "b.png" 2x) }', ["a.png", "b.png"]),
    (r"h1 { background: \75 rl(http://a/esc.png) }", ["http://a/esc.png"]),
    ("/* url(http://a/comment.png) */ h1 { color: red }", []),
    ("h1 { content: 'url(http://a/text)' }", []),
    ("@media print { h1 { background: url(m.png) } }", ["m.png"]),
])
def test_css_references_are_read_as_a_css_parser_reads_them(css: str, urls: list[str]) -> None:
    assert list(css_references(css)) == urls


def refused(html: str) -> str | None:
    try:
        refuse_external_references(html)
    except RenderError as error:
        return str(error)
    return None


@pytest.mark.parametrize("markup, url", [
    ('<img src="http://a/x.png">', "http://a/x.png"),
    ('<IMG SRC="http://a/up.png">', "http://a/up.png"),
    ('<img srcset="data:image/png;base64,AA 1x, http://a/2x.png 2x">', "http://a/2x.png"),
    ('<link rel="icon" href="https://a/favicon.ico">', "https://a/favicon.ico"),
    ('<base href="http://a/">', "http://a/"),
    ('<object data="file:///etc/passwd"></object>', "file:///etc/passwd"),
    ('<embed src="x.svg">', "x.svg"),
    ('<video poster="http://a/p.png"></video>', "http://a/p.png"),
    ('<iframe src="https://a/"></iframe>', "https://a/"),
    ('<script src="https://a/x.js"></script>', "https://a/x.js"),
    ('<svg><image xlink:href="http://a/s.png"/></svg>', "http://a/s.png"),
    ('<svg><style>rect { fill: url(http://a/f.svg#g) }</style></svg>', "http://a/f.svg#g"),
    ('<p style="background:url(http://a/s.png)">x</p>', "http://a/s.png"),
    ('<table background="http://a/t.png"></table>', "http://a/t.png"),
])
def test_every_place_a_resource_is_loaded_from_is_checked(markup: str, url: str) -> None:
    assert refused(f"<html><body>{markup}</body></html>") == (
        f"refused to fetch {url!r}: a document may only use data: URLs and the bundled fonts")


@pytest.mark.parametrize("markup", [
    '<a href="https://example.org/">a link is followed, not loaded</a>',
    '<a href="mailto:x@example.org">mail</a>',
    '<area href="http://a/">', '<form action="http://a/f"></form>',
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
    '<svg><use href="#icon"/></svg>', '<a href="#bab-1">Bab 1</a>',
    "<p>&lt;img src=http://a/text.png&gt; is text</p>",
    "<!-- <img src='http://a/comment.png'> -->",
    '<svg><a xlink:href="http://a/">a link in SVG</a></svg>',
])
def test_links_data_and_text_pass(markup: str) -> None:
    assert refused(f"<html><body>{markup}</body></html>") is None


def test_attachment_links_are_refused_first() -> None:
    assert refused('<a rel="Attachment" href="file:///etc/passwd">x</a><img src="http://a">') \
        == "refused <a rel=attachment href='file:///etc/passwd'>: only the source spec may be " \
           "attached to the PDF"


def test_many_refusals_are_named_together() -> None:
    images = "".join(f'<img src="http://a/{i}.png">' for i in range(8))
    assert refused(images) == (
        "refused to fetch 'http://a/0.png', 'http://a/1.png', 'http://a/2.png', "
        "'http://a/3.png', 'http://a/4.png' and 3 more: a document may only use data: URLs "
        "and the bundled fonts")
