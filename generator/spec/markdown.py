"""Narrative Markdown → safe HTML, split into the parts the templates number.

Raw HTML is switched off in the parser (it prints as text), the output then passes an
allowlist sanitiser (nh3): links only http, https and mailto; headings are shifted below the
document's own levels. Two things are lifted out of the flow as parts of their own, so that
the templates can number them in document order ("Gambar 2.1", "Tabel 2.3") and list them:

- a picture standing alone in its paragraph, `![caption](file.png "alt text")`: an
  `ImagePart` naming the file; the context resolves it through the asset resolver (the
  sanitiser allows no `<img>`: no picture ever comes from the Markdown's own URL);
- a table, with its caption when a paragraph `Tabel: …` (or `Table: …`, or `: …`) stands
  right before or after it: a `TablePart`.

A picture anywhere else (in a sentence, a list, a quote, a table) is not a figure: the
validator refuses it with a positioned error (`images`), and were it rendered anyway it
would print as its caption text.

A citation, `[@key]`, `[@key, hlm. 12]` or `[@a; @b]` (as Pandoc writes them), names an entry
of the spec's `references`: every one is recorded (`Parsed.citations`, what the validator
checks) and, given the entries' author–year labels, printed as "(BPS, 2024, hlm. 12)" with
each label a link to its entry in the bibliography (`reference_anchor`). `\\[@` writes the
text itself.
"""

from __future__ import annotations

import functools
import html as html_lib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

MAX_NESTING = 8
MAX_BRACKETS = 300
MAX_INLINE_DEPTH = 16
MAX_PICTURES = 30  # in one narrative field: each may be a few MB once inlined

_ALLOWED_TAGS = {
    "p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre", "br", "hr",
    "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "sub", "sup",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
_ALLOWED_CLASSES = {"td": {"num"}, "th": {"num"}, "a": {"cite"}}
_HEADING = re.compile(r"<(/?)h([1-6])>")
_TAG = re.compile(r"<(/)?([a-z0-9]+)[^>]*?(/)?>")
# Markers our tree processor puts between the parts. Spec text cannot forge one: raw HTML is
# off, so every `<` of the text reaches the output escaped.
_MARKER_TAG, _END_TAG = "masterplan-part", "masterplan-end"
_MARKER = re.compile(r'<(masterplan-part|masterplan-end) i="([0-9]+)">\s*</\1>')
#: a reference's key, as Pandoc's: letters, digits and `_`, with `:.-` inside
REFERENCE_KEY = r"[A-Za-z0-9_](?:[A-Za-z0-9_:.\-]*[A-Za-z0-9_])?"
_CITED = rf"@({REFERENCE_KEY})\s*(?:,([^;\[\]]*))?"
# not an image's `![@…]`, nor a link's text `[@handle](https://…)`
_CITATION = (rf"(?<!!)\[\s*(@{REFERENCE_KEY}\s*(?:,[^;\[\]]*)?"
             rf"(?:;\s*@{REFERENCE_KEY}\s*(?:,[^;\[\]]*)?)*)\](?![(\[])")
_CAPTION = re.compile(r"^\s*(?:(?:tabel|table)\s*:|:)\s*(.*?)\s*$", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class HtmlPart:
    """Sanitised HTML of the flow between figures and tables."""

    html: str
    kind: Literal["html"] = "html"


@dataclass(frozen=True)
class ImagePart:
    """A picture standing alone in its paragraph: `![caption](src "alt")`."""

    src: str
    caption: str
    alt: str  # the title when one is given, else the caption
    kind: Literal["image"] = "image"


@dataclass(frozen=True)
class TablePart:
    """A Markdown table: its caption (may be empty) and its sanitised rows (`<thead>`,
    `<tbody>`: the inside of `<table>`, which the template writes around its caption)."""

    caption: str
    body: str
    kind: Literal["table"] = "table"


Part = HtmlPart | ImagePart | TablePart


@dataclass(frozen=True)
class ImageRef:
    """A picture the text names, wherever it stands (what the validator checks)."""

    src: str
    caption: str
    alt: str
    standalone: bool


@dataclass(frozen=True)
class CiteRef:
    """One key a citation names, as written, with its locator ("hlm. 12") if any."""

    key: str
    locator: str = ""


@dataclass
class Parsed:
    parts: list[Part] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    citations: list[CiteRef] = field(default_factory=list)


def reference_anchor(key: str) -> str:
    """The HTML id of a reference's entry in the bibliography (keys match regardless of
    case)."""
    return "pustaka-" + key.casefold()


class _Lift:
    """The tree processor: marks standalone pictures and tables, records every picture."""

    def __init__(self, md: Any) -> None:
        self.md = md
        self.images: list[ImageRef] = []
        self.lifted: list[ImageRef | str] = []  # a picture, or a table's caption
        self.citations: list[CiteRef] = []
        self.labels: Mapping[str, tuple[str, str]] | None = None  # key → ("BPS", "2024")

    def cite(self, match: re.Match[str]) -> Any:
        """A citation's element, or None to leave it as written (a key without a label)."""
        import xml.etree.ElementTree as ET

        from markdown.util import AtomicString

        cited = [CiteRef(key, " ".join(locator.split()))
                 for key, locator in re.findall(_CITED, match.group(1))]
        self.citations += cited
        labels = self.labels
        if labels is None or any(c.key.casefold() not in labels for c in cited):
            return None
        group = ET.Element("span")  # dropped by the sanitiser, its content kept
        group.text = AtomicString("(")
        link = None
        previous: CiteRef | None = None
        for item in cited:
            name, year = labels[item.key.casefold()]
            # APA: one author's works together, "(Pemerintah RI, 2014, 2022a)"
            same = (link is not None and previous is not None and not previous.locator
                    and labels[previous.key.casefold()][0] == name)
            if link is not None:
                link.tail = AtomicString(", " if same else "; ")
            link = ET.SubElement(group, "a", {"href": "#" + reference_anchor(item.key),
                                              "class": "cite"})
            label = year if same else f"{name}, {year}"
            link.text = AtomicString(f"{label}, {item.locator}" if item.locator else label)
            previous = item
        assert link is not None
        link.tail = AtomicString(")")
        return group

    def run(self, root: Any) -> None:
        import xml.etree.ElementTree as ET

        self.images, self.lifted = [], []
        top = list(root)
        parents = {child: parent for parent in root.iter() for child in parent}
        standalone: set[Any] = set()
        for image in list(root.iter("img")):
            parent = parents[image]
            alone = (parent.tag == "p" and parent in top and len(parent) == 1
                     and not (parent.text or "").strip() and not (image.tail or "").strip())
            caption = self.plain(image.get("alt", ""))
            title = self.plain(image.get("title", ""))
            ref = ImageRef(self.plain(image.get("src", "")), caption, title or caption, alone)
            self.images.append(ref)
            if alone:
                standalone.add(parent)
                parent.remove(image)
                self.mark(parent, len(self.lifted))
                self.lifted.append(ref)
            else:  # never rendered once validated: its caption as text, the picture dropped
                image.tag, image.text = "span", caption
                image.attrib.clear()
        for cell in root.iter():
            # `|--:|` aligns a column right: as the document's own number columns
            if cell.tag in ("td", "th") and "right" in cell.attrib.pop("style", ""):
                cell.set("class", "num")
        tables = [index for index, element in enumerate(top) if element.tag == "table"]
        # a caption paragraph right before a table is its own; right after, only if the
        # next table has not claimed it as standing before it
        captions: dict[Any, int] = {}
        for step in (-1, 1):
            for index in tables:
                near = index + step
                if index in captions.values() or not 0 <= near < len(top):
                    continue
                neighbour = top[near]
                if neighbour.tag == "p" and neighbour not in captions and (
                        neighbour not in standalone) and self.caption(neighbour):
                    captions[neighbour] = index
        titles = {index: self.caption(p) for p, index in captions.items()}
        for index in tables:
            element = top[index]
            position = list(root).index(element)
            root.insert(position, ET.Element(_MARKER_TAG, {"i": str(len(self.lifted))}))
            root.insert(position + 2, ET.Element(_END_TAG, {"i": str(len(self.lifted))}))
            self.lifted.append(titles.get(index, ""))
        for paragraph in captions:
            root.remove(paragraph)

    def caption(self, paragraph: Any) -> str:
        """The caption a `Tabel: …` paragraph gives, or ""."""
        match = _CAPTION.match(self.plain("".join(paragraph.itertext())))
        return " ".join(match.group(1).split()) if match else ""

    @staticmethod
    def mark(element: Any, index: int) -> None:
        element.tag = _MARKER_TAG
        element.attrib.clear()
        element.attrib["i"] = str(index)
        element.text = None

    def plain(self, text: str) -> str:
        """Text of the tree as a reader sees it: stashed entities and `&` restored."""
        from markdown.util import AMP_SUBSTITUTE

        text = self.md.treeprocessors["unescape"].unescape(text)
        text = self.md.postprocessors["raw_html"].run(text) if "\x02" in text else text
        return html_lib.unescape(text.replace(AMP_SUBSTITUTE, "&"))


@functools.cache
def _parser() -> tuple[Any, _Lift]:
    import markdown
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension
    from markdown.inlinepatterns import InlineProcessor
    from markdown.treeprocessors import Treeprocessor

    # instances, not names: a name is looked up among the installed packages' entry points
    # (importlib.metadata, ~25 ms of every start)
    md = markdown.Markdown(extensions=[TableExtension(), SaneListExtension()],
                           output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    lift = _Lift(md)

    class LiftProcessor(Treeprocessor):
        def run(self, root: Any) -> None:
            lift.run(root)

    class CiteProcessor(InlineProcessor):
        # the stubs type InlineProcessor.handleMatch as its base class's (one argument)
        def handleMatch(  # type: ignore[override]
                self, m: re.Match[str], data: str) -> tuple[Any, int | None, int | None]:
            element = lift.cite(m)
            return (element, m.start(0), m.end(0)) if element is not None else (None, None, None)

    # after the escapes (180: `\[@` is text), before the links (170, 160)
    md.inlinePatterns.register(CiteProcessor(_CITATION, md), "masterplan-cite", 175)
    # after the inline patterns (20) have made the `<img>` elements and the emphasis
    md.treeprocessors.register(LiftProcessor(md), "masterplan-lift", 15)
    return md, lift


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


def names_nothing(text: str) -> bool:
    """True when `text` can name no picture and cite no reference, so that `parse` would
    find neither (what the validator asks of most narratives, without parsing them).

    A picture is written `![`, a citation `[@`: both need a `[` in the text itself, the one
    a `!`, the other an `@` (raw HTML is off; an entity such as `&#91;` is never taken for
    the character). The characters are looked for anywhere, not side by side: a quote's `>`
    or a line break may stand between them in the source."""
    return "[" not in text or ("!" not in text and "@" not in text)


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


def parse(text: str, citations: Mapping[str, tuple[str, str]] | None = None) -> Parsed:
    """One narrative field as parts, and every picture and citation it names. The caller
    has validated its length and nesting.

    `citations` maps each reference's key, casefolded, to the name and year its citations
    print; without it (or for a key it lacks) a citation stays as written."""
    out = Parsed()
    if not text or not text.strip():
        return out
    md, lift = _parser()
    md.reset()
    lift.citations, lift.labels = [], citations
    try:
        html: str = md.convert(text)
    finally:
        lift.labels = None
    out.images = list(lift.images)
    out.citations = list(lift.citations)
    lifted = list(lift.lifted)
    position = 0
    table: tuple[int, str] | None = None  # the open table: where its HTML starts, caption
    for match in _MARKER.finditer(html):
        item = lifted[int(match.group(2))]
        if isinstance(item, ImageRef):
            _flow(out.parts, html[position:match.start()])
            out.parts.append(ImagePart(item.src, item.caption, item.alt))
        elif table is None:
            _flow(out.parts, html[position:match.start()])
            table = (match.end(), item)
        else:
            body = _clean(html[table[0]:match.start()]).strip()
            body = body.removeprefix("<table>").removesuffix("</table>").strip()
            out.parts.append(TablePart(table[1], body))
            table = None
        position = match.end()
    _flow(out.parts, html[position:])
    return out


def _flow(parts: list[Part], html: str) -> None:
    clean = _clean(html).strip()
    if clean:
        parts.append(HtmlPart(clean))


def _clean(html: str) -> str:
    import nh3

    html = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + 3)}>", html)
    clean: str = nh3.clean(html, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES,
                           url_schemes={"http", "https", "mailto"}, link_rel=None,
                           strip_comments=True, allowed_classes=_ALLOWED_CLASSES)
    return clean


def to_html(text: str) -> str:
    """One narrative field as a single HTML fragment, pictures as their captions and tables
    without them (for measuring; documents print `parse`'s parts)."""
    pieces = []
    for part in parse(text).parts:
        if isinstance(part, HtmlPart):
            pieces.append(part.html)
        elif isinstance(part, ImagePart):
            pieces.append(f"<p>{html_lib.escape(part.caption)}</p>")
        else:
            pieces.append(f"<table>{part.body}</table>")
    return "\n".join(pieces)


def images(text: str) -> list[ImageRef]:
    """Every picture a narrative names, in order (for the validator)."""
    return parse(text).images


def citations(text: str) -> list[CiteRef]:
    """Every key a narrative's citations name, in order (for the validator)."""
    return parse(text).citations
