"""Narrative Markdown → a safe HTML fragment.

Raw HTML is switched off in the parser (it prints as text), the output then passes an
allowlist sanitiser (nh3): links only http, https and mailto; no images (pictures come only
through the asset resolver); headings are shifted below the document's own levels.
"""

from __future__ import annotations

import functools
import re

MAX_NESTING = 8
MAX_BRACKETS = 300
MAX_INLINE_DEPTH = 16

_ALLOWED_TAGS = {
    "p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre", "br", "hr",
    "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "sub", "sup",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
_HEADING = re.compile(r"<(/?)h([1-6])>")
_TAG = re.compile(r"<(/)?([a-z0-9]+)[^>]*?(/)?>")
_VOID = {"br", "hr"}
_IMAGE = re.compile(r'<img [^>]*?alt="([^"]*)"[^>]*>')


@functools.cache
def _parser() -> object:
    import markdown

    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def nesting_depth(text: str) -> int:
    """Approximate nesting depth: quote markers plus indentation in steps of 4 spaces."""
    depth = 0
    for line in text.splitlines():
        body = line.lstrip(" \t>")
        prefix = line[: len(line) - len(body)]
        indent = len(prefix.replace("\t", "    ").replace(">", ""))
        depth = max(depth, prefix.count(">") + indent // 4)
    return depth


def problem(text: str) -> tuple[str, dict[str, object]] | None:
    """Why a narrative cannot be rendered safely and quickly, or None.

    Python-Markdown takes quadratic time on many unmatched `[` (20,000 take 44 s), and deep
    nesting ends in a RecursionError in the PDF writer: both are refused up front.
    """
    brackets = text.count("[")
    if brackets > MAX_BRACKETS:
        return "markdown.brackets", {"count": brackets, "limit": MAX_BRACKETS}
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        return "markdown.too_deep", {"depth": depth, "limit": MAX_NESTING}
    if sum(text.count(c) for c in "*_`") > 64:
        # many emphasis markers can nest inline elements deeply: measure the real result
        depth = tag_depth(to_html(text))
        if depth > MAX_INLINE_DEPTH:
            return "markdown.too_deep", {"depth": depth, "limit": MAX_INLINE_DEPTH}
    return None


def tag_depth(html: str) -> int:
    """Deepest element nesting of a (well-formed, sanitised) HTML fragment."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        if match.group(1):
            depth -= 1
        elif not match.group(3):
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def to_html(text: str) -> str:
    """Render one narrative field. The caller has validated its length and nesting."""
    import nh3

    if not text or not text.strip():
        return ""
    md = _parser()
    md.reset()  # type: ignore[attr-defined]
    html: str = md.convert(text)  # type: ignore[attr-defined]
    html = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + 3)}>", html)
    # pictures only come through the asset resolver: an image in a narrative keeps its alt
    # text (already escaped by the Markdown parser) and loses the picture
    html = _IMAGE.sub(lambda m: m.group(1), html)
    clean: str = nh3.clean(html, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES,
                           url_schemes={"http", "https", "mailto"}, link_rel=None,
                           strip_comments=True)
    return clean.strip()
