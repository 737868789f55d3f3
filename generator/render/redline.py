"""Two renders of one document merged into one HTML that shows the revision.

`merge(old_html, new_html)` aligns the blocks of the two documents (paragraphs, headings,
list items, captions, table rows; a figure, a list of facts or key figures as a whole) by
their text, ignoring what the templates number (``span.num``), and writes the new
document with the changes marked:

- a block only in the new document: ``data-redline="ins"``, its text in ``<ins class="rl">``;
- a block only in the old one: a copy of it (without its ids) where it stood, with
  ``data-redline="del"`` and its text in ``<del class="rl">``; a container whose blocks
  are all gone (a whole table) is copied whole;
- a block in both whose text differs: its words diffed (`generator.words`), the removed
  ones in ``<del class="rl">``, the added ones in ``<ins class="rl">``, each word in the
  inline formatting of its side.

Removing every ``del`` and unwrapping every ``ins`` gives the new document's text back,
the reverse the old one's. The PDF and the preview show the marks (`STYLE`); the DOCX
converter turns them into tracked changes (``w:ins``/``w:del``) a reviewer can accept or
reject one by one. The charts of removed figures are named ``old:KEY`` (`OLD_CHART`).
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from generator.words import tokens

#: blocks compared as text (the innermost of them: a `li` holding paragraphs is not one)
TEXT_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "caption",
                         "figcaption", "dt", "dd", "pre", "blockquote", "td", "th"})
#: blocks compared as a whole: changed means removed and added again
WHOLE_BLOCKS = frozenset({"figure", "dl", "svg", "img", "hr"})
_WHOLE_CLASSES = frozenset({"keyfigures", "cover-logo"})
_SKIP = frozenset({"head", "script", "style", "template"})
_NUMBER_CLASS = "num"
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
OLD_CHART = "old:"
REVISION_CLASS = "rl"

STYLE = """
ins.rl { color: #1a6b2a; background: #e6f4e8; text-decoration: underline; }
del.rl { color: #a11d1d; background: #fbe9e9; text-decoration: line-through; }
span.num > del.rl { margin-right: 0.3em; }
[data-redline="ins"] { border-left: 2.5pt solid #1a6b2a; padding-left: 2mm; }
[data-redline="del"] { border-left: 2.5pt solid #a11d1d; padding-left: 2mm; }
tr[data-redline], td[data-redline] { border-left: none; }
tr[data-redline="ins"] td { background: #e6f4e8; }
tr[data-redline="del"] td { background: #fbe9e9; }
p.redline-legend { border: 0.5pt solid #8a9bb0; padding: 2mm 3mm; font-size: 9pt; }
p.redline-legend ins { color: #1a6b2a; background: #e6f4e8; }
p.redline-legend del { color: #a11d1d; background: #fbe9e9; }
"""


@dataclass
class _Unit:
    element: Any
    key: str
    shape: str
    whole: bool
    row: bool

    @property
    def numbered_text(self) -> str:
        """The text with what the templates number (a caption's `Tabel 6.4`): kept blocks
        whose numbers moved show the new number as a change, except headings, which Word
        numbers itself."""
        if self.whole or self.element.tag in _HEADINGS:
            return ""
        return " ".join(self.element.text_content().split())


@dataclass
class _Plan:
    """The alignment: kept pairs (old → new), changed pairs, blocks only on one side."""

    same: dict[Any, Any] = field(default_factory=dict)
    changed: list[tuple[_Unit, _Unit]] = field(default_factory=list)
    inserted: list[_Unit] = field(default_factory=list)
    deleted: list[_Unit] = field(default_factory=list)


def merge(old_html: str, new_html: str, *, legend: str = "", inserted: str = "",
          deleted: str = "") -> str:
    """The new document's HTML with the changes from the old one marked (see the module);
    with `legend`, a paragraph explaining the marks before the contents."""
    parser = lxml_html.HTMLParser(remove_comments=True, no_network=True, huge_tree=True)
    old = lxml_html.document_fromstring(old_html, parser=parser)
    new = lxml_html.document_fromstring(new_html, parser=parser)
    old_body, new_body = _body(old), _body(new)
    olds, news = list(_units(old_body)), list(_units(new_body))
    plan = _align(olds, news)
    for old_unit, new_unit in plan.changed:
        _mark_changed(old_unit, new_unit)
    _mark_heading_numbers(plan)
    for unit in plan.inserted:
        _mark_whole(unit.element, "ins")
    _place_deleted(plan, olds, old_body, new_body)
    _finish(new, legend, inserted, deleted)
    return "<!DOCTYPE html>\n" + str(etree.tostring(new, encoding="unicode", method="html"))


# --- the blocks ---------------------------------------------------------------------------


def _body(root: Any) -> Any:
    body = root.find("body")
    return body if body is not None else root


def _classes(element: Any) -> set[str]:
    return set(str(element.get("class", "")).split())


def _units(body: Any) -> Iterator[_Unit]:
    """The blocks of a document in order (`TEXT_BLOCKS`, `WHOLE_BLOCKS`, table rows)."""
    def walk(element: Any) -> Iterator[_Unit]:
        for child in element:
            if not isinstance(child.tag, str):
                continue
            tag = child.tag.lower()
            if tag in _SKIP or (tag == "header" and "running" in _classes(child)):
                continue
            if tag in WHOLE_BLOCKS or _classes(child) & _WHOLE_CLASSES:
                yield _Unit(child, f"{tag}|{_whole_key(child)}", tag, True, False)
            elif tag == "tr":
                cells = [c for c in child if isinstance(c.tag, str)]
                table = next((a for a in child.iterancestors() if a.tag == "table"), None)
                caption = table.find("caption") if table is not None else None
                title = _text_key(caption) if caption is not None else ""
                # a row belongs to its table: one that moved to another table is removed
                # there and added here, so that each table reads as it did
                yield _Unit(child, f"tr|{title}|" + "|".join(_text_key(c) for c in cells),
                            f"tr{len(cells)}|{title}|{_shape(child)}", False, True)
            elif tag in TEXT_BLOCKS and not _has_blocks(child):
                yield _Unit(child, f"{tag}|{_text_key(child)}", _shape(child), False, False)
            else:
                yield from walk(child)

    return walk(body)


def _has_blocks(element: Any) -> bool:
    return any(isinstance(e.tag, str) and e.tag.lower() in TEXT_BLOCKS | WHOLE_BLOCKS | {"table"}
               for e in element.iterdescendants())


def _shape(element: Any) -> str:
    """Where a block stands: its tag and class and those of its containers."""
    chain = [element, *element.iterancestors()]
    return "/".join(f"{e.tag}.{'.'.join(sorted(_classes(e)))}" for e in chain[:4])


def _text_key(element: Any) -> str:
    """A block's text without what the templates number."""
    parts = []
    for piece, _chain in _pieces(element):
        if isinstance(piece, str):
            parts.append(piece)
        elif piece.tag != "span":
            parts.append(f"\x00{piece.tag}")
    return " ".join("".join(parts).split())


def _whole_key(element: Any) -> str:
    clone = copy.deepcopy(element)
    for e in clone.iter():
        if isinstance(e.tag, str):
            e.attrib.pop("id", None)
            if e.tag == "span" and _NUMBER_CLASS in _classes(e):
                e.text = ""
    clone.tail = None
    return str(etree.tostring(clone, encoding="unicode", method="html"))


# --- the alignment ------------------------------------------------------------------------


def _align(olds: list[_Unit], news: list[_Unit]) -> _Plan:
    plan = _Plan()
    matcher = difflib.SequenceMatcher(None, [u.key for u in olds], [u.key for u in news],
                                      autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for a, b in zip(olds[i1:i2], news[j1:j2], strict=True):
                plan.same[a.element] = b.element
                if a.numbered_text != b.numbered_text:
                    plan.changed.append((a, b))
            continue
        left, right = olds[i1:i2], news[j1:j2]
        shapes = difflib.SequenceMatcher(None, [u.shape for u in left],
                                         [u.shape for u in right], autojunk=False)
        for op, a1, a2, b1, b2 in shapes.get_opcodes():
            if op == "equal":
                for a, b in zip(left[a1:a2], right[b1:b2], strict=True):
                    if (a.whole and not _same_terms(a, b)) or (a.row and not _same_head(a, b)):
                        plan.deleted.append(a)
                        plan.inserted.append(b)
                    else:
                        plan.same[a.element] = b.element
                        plan.changed.append((a, b))
            else:
                plan.deleted.extend(left[a1:a2])
                plan.inserted.extend(right[b1:b2])
    order = {id(u.element): index for index, u in enumerate(olds)}
    plan.deleted.sort(key=lambda u: order[id(u.element)])
    return plan


def _same_terms(a: _Unit, b: _Unit) -> bool:
    """Two lists of facts with the same terms: their values are compared word by word."""
    if a.element.tag != "dl" or b.element.tag != "dl":
        return False
    terms = [[_text_key(e) for e in u.element if e.tag == "dt"] for u in (a, b)]
    shapes = [[e.tag for e in u.element if isinstance(e.tag, str)] for u in (a, b)]
    return terms[0] == terms[1] and shapes[0] == shapes[1]


def _same_head(a: _Unit, b: _Unit) -> bool:
    """Two rows with the same first cell (a program's code, a dimension): one row changed;
    else one removed and another added."""
    first = [next((c for c in u.element if isinstance(c.tag, str)), None) for u in (a, b)]
    return all(c is not None for c in first) and _text_key(first[0]) == _text_key(first[1])


# --- marking ------------------------------------------------------------------------------


def _mark_changed(old: _Unit, new: _Unit) -> None:
    if new.whole:  # a list of facts with the same terms
        pairs = zip([e for e in old.element if e.tag == "dd"],
                    [e for e in new.element if e.tag == "dd"], strict=True)
        for old_value, new_value in pairs:
            if _text_key(old_value) != _text_key(new_value):
                _merge_words(old_value, new_value)
        return
    if new.row:
        cells = zip([c for c in old.element if isinstance(c.tag, str)],
                    [c for c in new.element if isinstance(c.tag, str)], strict=True)
        for old_cell, new_cell in cells:
            if _text_key(old_cell) != _text_key(new_cell):
                _merge_words(old_cell, new_cell)
        return
    _merge_words(old.element, new.element)


def _number_span(heading: Any) -> Any:
    first = next((c for c in heading if isinstance(c.tag, str)), None)
    if first is None or first.tag != "span" or _NUMBER_CLASS not in _classes(first) or \
            (heading.text or "").strip():
        return None
    return first


def _mark_heading_numbers(plan: _Plan) -> None:
    """A kept heading whose number changed (a section added before it): the old number
    removed, the new one added, inside its ``span.num`` (the DOCX has Word number it in
    both versions where it can, `generator.render.docx.numbering.HeadingNumbers`)."""
    for old, new in plan.same.items():
        if not isinstance(new.tag, str) or new.tag not in _HEADINGS:
            continue
        spans = _number_span(old), _number_span(new)
        if spans[0] is None or spans[1] is None:
            continue
        before, after = (" ".join(s.text_content().split()) for s in spans)
        if before == after:
            continue
        span = spans[1]
        for child in list(span):
            span.remove(child)
        span.text = None
        for revision, text in (("del", before), ("ins", after)):
            etree.SubElement(span, revision, {"class": REVISION_CLASS}).text = text


def _mark_whole(element: Any, revision: str) -> None:
    """A block added or removed: the attribute, and its text wrapped."""
    element.set("data-redline", revision)
    targets = [element]
    if element.tag == "tr":
        targets = [c for c in element if isinstance(c.tag, str)]
    elif element.tag.lower() not in TEXT_BLOCKS:
        targets = [e for e in element.iter() if isinstance(e.tag, str)
                   and e.tag.lower() in TEXT_BLOCKS and not _has_blocks(e)]
    for target in targets:
        _wrap_content(target, revision)


def _wrap_content(element: Any, revision: str) -> None:
    if not (element.text or len(element)):
        return
    span = _number_span(element) if element.tag in _HEADINGS else None
    if span is not None:  # a heading's number stays first, for the DOCX to find
        _wrap_content(span, revision)
        rest = etree.Element(revision, {"class": REVISION_CLASS})
        rest.text, span.tail = span.tail, None
        for child in list(element)[1:]:
            rest.append(child)
        if rest.text or len(rest):
            element.append(rest)
        return
    wrapper = etree.Element(revision, {"class": REVISION_CLASS})
    wrapper.text, element.text = element.text, None
    for child in list(element):
        wrapper.append(child)  # moves it, its tail with it
    element.append(wrapper)


Piece = str | Any  # text, or an element kept whole (br, img, the number)
Chain = tuple[Any, ...]


def _pieces(element: Any, chain: Chain = ()) -> Iterator[tuple[Piece, Chain]]:
    """The inline content of `element` in order: text and atoms, each with the inline
    elements it sits in (outermost first)."""
    if element.text:
        yield element.text, chain
    for child in element:
        if isinstance(child.tag, str):
            tag = child.tag.lower()
            if tag in ("br", "img", "svg") or (tag == "span" and
                                               _NUMBER_CLASS in _classes(child)):
                yield child, chain
            else:
                yield from _pieces(child, (*chain, child))
        if child.tail:
            yield child.tail, chain


def _tokens(element: Any) -> list[tuple[str, Piece, Chain]]:
    """(compared key, piece, chain): one per word, one per atom."""
    out: list[tuple[str, Piece, Chain]] = []
    for piece, chain in _pieces(element):
        if isinstance(piece, str):
            out.extend((token.strip() or " ", token, chain) for token in tokens(piece))
        elif piece.tag == "span":
            number = "" if old_heading(element) else " ".join(piece.text_content().split())
            out.append((f"\x00num:{number}", piece, chain))
        else:
            out.append((f"\x00{piece.tag}|{piece.get('src', '')}", piece, chain))
    return out


def old_heading(element: Any) -> bool:
    return bool(element.tag in _HEADINGS)


def _merge_words(old: Any, new: Any) -> None:
    """`new`'s content replaced by both sides' words, the changed ones marked."""
    left, right = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(None, [k for k, _, _ in left], [k for k, _, _ in right],
                                      autojunk=False)
    runs: list[tuple[str, Piece, Chain]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.extend(("", piece, chain) for _, piece, chain in right[j1:j2])
            continue
        runs.extend(("del", piece, chain) for _, piece, chain in left[i1:i2]
                    if not (isinstance(piece, str) and not piece.strip() and not runs))
        runs.extend(("ins", piece, chain) for _, piece, chain in right[j1:j2])
    new.text = None
    for child in list(new):
        new.remove(child)
    groups: list[tuple[str, Chain, list[Piece]]] = []
    for revision, piece, chain in runs:
        if groups and groups[-1][0] == revision and _same_chain(groups[-1][1], chain):
            groups[-1][2].append(piece)
        else:
            groups.append((revision, chain, [piece]))
    for revision, chain, pieces in groups:
        target = new
        if revision:
            target = etree.SubElement(new, revision, {"class": REVISION_CLASS})
        for element in chain:
            target = etree.SubElement(target, element.tag, dict(element.attrib))
        for piece in pieces:
            _add_piece(target, piece)


def _same_chain(a: Chain, b: Chain) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


def _add_piece(target: Any, piece: Piece) -> None:
    if isinstance(piece, str):
        if len(target):
            target[-1].tail = (target[-1].tail or "") + piece
        else:
            target.text = (target.text or "") + piece
    else:
        clone = copy.deepcopy(piece)
        clone.tail = None
        target.append(clone)


# --- the removed blocks, where they stood -------------------------------------------------


def _place_deleted(plan: _Plan, olds: list[_Unit], old_body: Any, new_body: Any) -> None:
    """Each removed block (or the largest container holding only removed blocks) copied
    into the new document between the new counterparts of the kept blocks around it, so
    that the document read without the insertions is the old one, in its order."""
    holds_kept: set[Any] = set()
    for element in plan.same:
        holds_kept.update(element.iterancestors())
    order = {e: i for i, e in enumerate(new_body.iter())}
    ends = {e: order[e] for e in order}
    for e in new_body.iter():  # the last element inside each, for "after it"
        for ancestor in e.iterancestors():
            if ancestor in ends:
                ends[ancestor] = max(ends[ancestor], order[e])
    before: dict[Any, int] = {}  # a removed unit → the index of the kept one before it
    after: dict[Any, int] = {}
    last = -1
    for unit in olds:
        if unit.element in plan.same:
            last = order[plan.same[unit.element]]
        before[unit.element] = last
    following = len(order) + 1
    for unit in reversed(olds):
        if unit.element in plan.same:
            following = order[plan.same[unit.element]]
        after[unit.element] = following
    placed: dict[Any, Any] = {}
    for unit in plan.deleted:
        whole = unit.element
        while (parent := whole.getparent()) is not None and parent is not old_body \
                and parent not in holds_kept:
            whole = parent
        if whole in placed:
            continue
        clone = _deleted_copy(whole)
        low, high = before[unit.element], after[unit.element]
        if not _insert(clone, whole, plan, placed, new_body, order, ends, low, high):
            _insert_between(clone, whole, plan, new_body, order, ends, low, high)
        placed[whole] = clone


def _deleted_copy(whole: Any) -> Any:
    clone = copy.deepcopy(whole)
    for e in clone.iter():
        if isinstance(e.tag, str):
            e.attrib.pop("id", None)
            if e.get("data-chart"):
                e.set("data-chart", OLD_CHART + str(e.get("data-chart")))
    clone.tail = "\n"
    holder = etree.Element("div")
    holder.append(clone)
    for unit in list(_units(holder)):
        _mark_whole(unit.element, "del")
    holder.remove(clone)
    clone.set("data-redline", "del")
    return clone


def _insert(clone: Any, whole: Any, plan: _Plan, placed: dict[Any, Any], new_body: Any,
            order: dict[Any, int], ends: dict[Any, int], low: int, high: int) -> bool:
    """Put `clone` (of the old `whole`) next to the new counterpart of its old neighbour,
    if that keeps the order; whether it did."""
    for sibling in whole.itersiblings(preceding=True):
        if sibling in placed:
            placed[sibling].addnext(clone)
            return True
        twin = _counterpart(sibling, plan, last=True)
        if twin is not None:
            if not low <= ends[twin] < high:
                return False
            twin.addnext(clone)
            return True
    for sibling in whole.itersiblings():
        twin = _counterpart(sibling, plan, last=False)
        if twin is not None:
            if not low < order[twin] <= high:
                return False
            twin.addprevious(clone)
            return True
    return False


def _counterpart(element: Any, plan: _Plan, *, last: bool) -> Any:
    """The element of the new document standing where `element` of the old one stands:
    found through a kept block inside it, climbing as many levels as it lies deep."""
    inside = [e for e in element.iter() if e in plan.same]
    if not inside:
        return None
    kept = inside[-1] if last else inside[0]
    depth, probe = 0, kept
    while probe is not element:
        probe = probe.getparent()
        depth += 1
    twin = plan.same[kept]
    for _ in range(depth):
        twin = twin.getparent()
        if twin is None:
            return None
    return twin


_FLOW = frozenset({"body", "main", "section", "article", "div", "aside", "nav"})


def _insert_between(clone: Any, whole: Any, plan: _Plan, new_body: Any,
                    order: dict[Any, int], ends: dict[Any, int], low: int,
                    high: int) -> None:
    """Put `clone` after the kept block before it (climbing to a flow container), in a
    shell of its old container where it needs one (a row in a table)."""
    tag = whole.tag.lower()
    parent = whole.getparent()
    if tag not in _FLOW | TEXT_BLOCKS - {"td", "th", "li", "dt", "dd", "caption"} | \
            WHOLE_BLOCKS | {"table", "ul", "ol"} and parent is not None:
        shell = etree.Element(parent.tag, {k: v for k, v in parent.attrib.items()
                                           if k != "id"})
        if tag == "tr" and parent.tag in ("thead", "tbody", "tfoot"):
            table = parent.getparent()
            outer = etree.Element("table", {k: v for k, v in (table.attrib.items()
                                                              if table is not None else [])
                                            if k != "id"})
            outer.append(shell)
            shell.append(clone)
            clone = outer
        else:
            shell.append(clone)
            clone = shell
        clone.set("data-redline", "del")
        clone.tail = "\n"
    elements = list(order)
    anchor = elements[low] if low >= 0 else None
    if anchor is None:
        first = elements[high] if high < len(elements) else None
        target = first
        while target is not None and target.getparent() is not None and \
                target.getparent().tag not in _FLOW:
            target = target.getparent()
        (target.addprevious(clone) if target is not None else new_body.append(clone))
        return
    while anchor.getparent() is not None and anchor.getparent() is not new_body and \
            (anchor.getparent().tag not in _FLOW) and ends[anchor.getparent()] < high:
        anchor = anchor.getparent()
    anchor.addnext(clone)


# --- the finish ---------------------------------------------------------------------------


def _finish(root: Any, legend: str, inserted: str, deleted: str) -> None:
    ids = {e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id")}
    for link in list(root.iter("a")):
        href = str(link.get("href", ""))
        if href.startswith("#") and href[1:] not in ids:  # removed text's own links
            link.tag = "span"
            link.attrib.clear()
    head = root.find("head")
    if head is not None:
        style = etree.SubElement(head, "style")
        style.text = STYLE
    if not legend:
        return
    paragraph = etree.Element("p", {"class": "redline-legend"})
    paragraph.text = legend + " "
    ins = etree.SubElement(paragraph, "ins")
    ins.text = inserted
    ins.tail = " · "
    delete = etree.SubElement(paragraph, "del")
    delete.text = deleted
    body = _body(root)
    anchor = body.find(".//section[@class='front']")
    if anchor is not None:
        anchor.insert(0, paragraph)
    else:
        cover = body.find(".//section[@class='cover']")
        if cover is not None:
            cover.addnext(paragraph)
        else:
            body.insert(0, paragraph)
