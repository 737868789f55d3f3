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

_ALLOWED_TAGS = {
    "p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre", "br", "hr",
    "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "sub", "sup",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
_HEADING = re.compile(r"<(/?)h([1-6])>")


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
    return None


def to_html(text: str) -> str:
    """Render one narrative field. The caller has validated its length and nesting."""
    import nh3

    if not text or not text.strip():
        return ""
    md = _parser()
    md.reset()  # type: ignore[attr-defined]
    html: str = md.convert(text)  # type: ignore[attr-defined]
    html = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + 3)}>", html)
    clean: str = nh3.clean(html, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES,
                           url_schemes={"http", "https", "mailto"}, link_rel=None,
                           strip_comments=True)
    return clean.strip()
