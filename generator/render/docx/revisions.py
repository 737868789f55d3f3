"""Tracked changes: the ``w:ins`` and ``w:del`` of a redline (`generator.render.redline`).

The walk wraps the runs of ``<ins class="rl">`` and ``<del class="rl">`` (and every run of
a block marked ``data-redline``) in ``w:ins``/``w:del`` (`wrap`, `mark_block`); `finish`
then completes what Word and LibreOffice need to accept or reject each change:

- a run inside ``w:del`` holds ``w:delText`` (and ``w:delInstrText``), never ``w:t``;
- a paragraph whose every text is inserted (deleted) has its paragraph mark inserted
  (deleted) too (``w:pPr/w:rPr/w:ins|w:del``), and its other runs (tabs, field codes)
  with it, so that accepting a removal leaves no empty paragraph and rejecting an
  addition none either; the last paragraph of a table cell keeps its mark (a cell needs
  one), a row whose every paragraph went is a deleted row (``w:trPr/w:del``);
- every change gets its own ``w:id``, the author and the date (the new spec's version and
  date: the same input, the same bytes).
"""

from __future__ import annotations

import copy

from lxml import etree

from generator.render.docx.ooxml import W

REVISIONS = ("ins", "del")
_CONTENT = (W + "t", W + "delText", W + "drawing", W + "br")


def wrapper(parent: etree._Element, revision: str) -> etree._Element:
    """A new ``w:ins`` or ``w:del`` at the end of `parent` (a paragraph or hyperlink)."""
    return etree.SubElement(parent, W + revision)


def mark_block(element: etree._Element, revision: str) -> None:
    """Every run in `element` (a paragraph, table or anything the walk wrote) wrapped,
    unless it already is; the paragraph marks and rows follow in `finish`."""
    for run in list(element.iter(W + "r")):
        if _revision_of(run) is None:
            parent = run.getparent()
            wrap = etree.Element(W + revision)
            parent.replace(run, wrap)
            wrap.append(run)
    for p in ([element] if element.tag == W + "p" else list(element.iter(W + "p"))):
        p.set(_BLOCK, revision)


_BLOCK = "data-redline-block"  # a temporary mark, gone after `finish`


def _revision_of(run: etree._Element) -> str | None:
    for ancestor in run.iterancestors():
        if ancestor.tag in (W + "ins", W + "del"):
            return str(ancestor.tag)[len(W):]
        if ancestor.tag == W + "p":
            return None
    return None


def finish(body: etree._Element, author: str, date: str) -> None:
    for p in body.iter(W + "p"):
        revision = p.attrib.pop(_BLOCK, None) or _whole(p)
        if revision is None:
            continue
        for run in list(p.iter(W + "r")):
            if _revision_of(run) is None:
                wrap = etree.Element(W + revision)
                run.getparent().replace(run, wrap)
                wrap.append(run)
        if not _last_in_cell(p):
            _mark_paragraph(p, revision)
    for tr in body.iter(W + "tr"):
        kinds = {_whole(p) for p in tr.iter(W + "p") if _has_content(p)}
        kind = kinds.pop() if len(kinds) == 1 else None
        if kind is not None:
            _mark_row(tr, kind)
    for p in body.iter(W + "p"):
        revision = _separator(p)
        if revision is not None:
            _mark_paragraph(p, revision)
    for container in dict.fromkeys(p.getparent() for p in body.iter(W + "p")):
        _join_insertions(container)
    for p in body.iter(W + "p"):
        _unnumber_before_table(p)
    for text in body.iter(W + "t", W + "instrText"):
        if any(a.tag == W + "del" for a in text.iterancestors()):
            text.tag = W + "delText" if text.tag == W + "t" else W + "delInstrText"
    for number, change in enumerate(body.iter(W + "ins", W + "del", W + "pPrChange"),
                                    start=1):
        change.set(W + "id", str(number))
        change.set(W + "author", author)
        change.set(W + "date", date)


def _separator(p: etree._Element) -> str | None:
    """An empty paragraph between two tables (the converter keeps them apart) goes with a
    table that is removed or added whole."""
    before, after = p.getprevious(), p.getnext()
    if _has_content(p) or before is None or after is None or \
            before.tag != W + "tbl" or after.tag != W + "tbl":
        return None
    for revision in ("del", "ins"):
        for table in (after, before):
            rows = table.findall(W + "tr")
            if rows and all(tr.find(f"{W}trPr/{W}{revision}") is not None for tr in rows):
                return revision
    return None


def _has_content(p: etree._Element) -> bool:
    return next(p.iter(*_CONTENT), None) is not None


def _whole(p: etree._Element) -> str | None:
    """"ins" or "del" when every run with content in `p` is inside one kind of change."""
    kinds = set()
    for run in p.iter(W + "r"):
        if next(run.iter(*_CONTENT), None) is not None:
            kinds.add(_revision_of(run))
    if len(kinds) == 1 and None not in kinds:
        return kinds.pop()
    return None


def _last_in_cell(p: etree._Element) -> bool:
    parent = p.getparent()
    return parent is not None and parent.tag == W + "tc" and \
        p.getnext() is None


def _mark_paragraph(p: etree._Element, revision: str) -> None:
    ppr = _ppr(p)
    if ppr.find(W + "sectPr") is not None:
        return  # a section's last paragraph stays
    rpr = ppr.find(W + "rPr")
    if rpr is None:
        rpr = etree.SubElement(ppr, W + "rPr")
    if rpr.find(W + "ins") is None and rpr.find(W + "del") is None:
        rpr.insert(0, etree.Element(W + revision))


def _inserted_mark(p: etree._Element) -> bool:
    return p.tag == W + "p" and p.find(f"{W}pPr/{W}rPr/{W}ins") is not None


def _base_properties(p: etree._Element) -> list[etree._Element]:
    """The paragraph properties of `p` a w:pPrChange can hold (CT_PPrBase: no rPr, sectPr
    or pPrChange)."""
    ppr = p.find(W + "pPr")
    return [child for child in (ppr if ppr is not None else [])
            if child.tag not in (W + "rPr", W + "sectPr", W + "pPrChange")]


def _plain_mark(p: etree._Element) -> bool:
    """A paragraph whose mark is neither added nor removed, nor a section's end."""
    return p.tag == W + "p" and p.find(f"{W}pPr/{W}rPr/{W}ins") is None and \
        p.find(f"{W}pPr/{W}rPr/{W}del") is None and p.find(f"{W}pPr/{W}sectPr") is None


def _deleted_mark(p: etree._Element) -> bool:
    return p.tag == W + "p" and p.find(f"{W}pPr/{W}rPr/{W}del") is not None


def _join_insertions(container: etree._Element) -> None:
    """Each run of added paragraphs written so that rejecting it restores the paragraph
    next to it with its own properties (style, heading numbering).

    Rejecting an added paragraph mark joins two paragraphs, and which one's properties
    the joined paragraph keeps is up to the application: LibreOffice keeps the first
    one's, so a run written as its paragraphs with their marks added ("X¶", how Word
    records Enter typed at the start of the heading after it) gave the heading after it
    the style of the first added paragraph (a caption, its number gone). Written as Word
    records Enter typed at the *end* of the paragraph before it, the mark of that
    paragraph is the added one and the run's last paragraph carries the old mark: the
    joined paragraph is the one before, whichever properties are kept, as long as the
    run's last paragraph records that paragraph's properties as its former ones
    (``w:pPrChange``), which rejecting restores.

    A run right after a removed paragraph (a chart replaced) shares that paragraph's mark
    (`_share_mark`), the rest of the run then follows a kept mark. A run with no
    paragraph before it (the first in a cell, after a table) keeps its marks and records
    the properties of the paragraph it joins (``w:pPrChange``): Word restores them,
    LibreOffice keeps the run's first paragraph's."""
    children = list(container)
    index = 0
    while index < len(children):
        if not _inserted_mark(children[index]):
            index += 1
            continue
        end = index
        while end + 1 < len(children) and _inserted_mark(children[end + 1]):
            end += 1
        run = children[index:end + 1]
        before = run[0].getprevious()
        former = before  # whose properties the joined paragraph must keep
        if before is not None and _deleted_mark(before):
            _share_mark(before, run[0])
            run = run[1:]
            before, former = run[0].getprevious() if run else None, before
        if run and before is not None and _plain_mark(before):
            mark = run[-1].find(f"{W}pPr/{W}rPr/{W}ins")
            assert mark is not None
            rpr = mark.getparent()
            rpr.remove(mark)
            if not len(rpr):
                rpr.getparent().remove(rpr)
            _paragraph_rpr(before).insert(0, mark)
            _record_properties(run[-1], former)
        elif run:
            after = run[-1].getnext()
            if after is not None and after.tag == W + "p":
                for p in run:
                    _record_properties(p, after)
        children = list(container)
        index = children.index(run[-1]) + 1 if run else index


def _share_mark(removed: etree._Element, added: etree._Element) -> None:
    """The removed paragraph's content moved to the front of the added one, whose mark
    then serves both versions: kept, with the removed paragraph's properties as its
    former ones (``w:pPrChange``). A removed block followed by an added one (a chart
    replaced) thus leaves no added paragraph at a paragraph's start to join the next
    one on rejection (see `_join_insertions`)."""
    mark = added.find(f"{W}pPr/{W}rPr/{W}ins")
    assert mark is not None
    rpr = mark.getparent()
    rpr.remove(mark)
    if not len(rpr):
        rpr.getparent().remove(rpr)
    ppr = added.find(W + "pPr")
    position = 1 if ppr is not None else 0
    for child in list(removed):
        if child.tag != W + "pPr":
            added.insert(position, child)
            position += 1
    _record_properties(added, removed)
    removed.getparent().remove(removed)


def _ppr(p: etree._Element) -> etree._Element:
    """`p`'s w:pPr, made if it has none."""
    ppr = p.find(W + "pPr")
    if ppr is None:
        ppr = etree.Element(W + "pPr")
        p.insert(0, ppr)
    return ppr


def _paragraph_rpr(p: etree._Element) -> etree._Element:
    ppr = _ppr(p)
    rpr = ppr.find(W + "rPr")
    if rpr is None:
        rpr = etree.Element(W + "rPr")
        later = next((c for c in ppr if c.tag in (W + "sectPr", W + "pPrChange")), None)
        (later.addprevious(rpr) if later is not None else ppr.append(rpr))
    return rpr


def _former_properties(p: etree._Element) -> list[etree._Element]:
    """`p`'s paragraph properties in the old version."""
    change = p.find(f"{W}pPr/{W}pPrChange/{W}pPr")
    return list(change) if change is not None else _base_properties(p)


def record_numbering(p: etree._Element, num_id: int, ilvl: int) -> None:
    """A heading's numbering in the old version (``w:pPrChange``): rejecting the change
    numbers it as it was, accepting it as it is."""
    old = [copy.deepcopy(e) for e in _base_properties(p)]
    for element in old:
        if element.tag == W + "numPr":
            for tag, value in (("ilvl", ilvl), ("numId", num_id)):
                found = element.find(W + tag)
                if found is not None:
                    found.set(W + "val", str(value))
    _record(p, old)


def _record_properties(p: etree._Element, former: etree._Element) -> None:
    """`former`'s paragraph properties (in the old version) as `p`'s before the change,
    if they differ."""
    _record(p, _former_properties(former))


def _record(p: etree._Element, old: list[etree._Element]) -> None:
    if [etree.tostring(e) for e in old] == [etree.tostring(e) for e in _base_properties(p)]:
        return
    ppr = _ppr(p)
    for earlier in ppr.findall(W + "pPrChange"):
        ppr.remove(earlier)
    change = etree.SubElement(ppr, W + "pPrChange")
    held = etree.SubElement(change, W + "pPr")
    for element in old:
        held.append(copy.deepcopy(element))


def _unnumber_before_table(p: etree._Element) -> None:
    """A numbered paragraph (a heading) added right before a table: LibreOffice cannot
    join its mark with a table, so rejecting the addition leaves it there, empty and
    still numbered, shifting the numbers after it; it is recorded as unnumbered before
    (``w:pPrChange``), which rejecting restores. (The same for a removed one, unnumbered
    now and numbered before, makes LibreOffice 7.4 number it in a list of its own when
    the removal is rejected: a removed heading keeps its number as text instead,
    `HeadingNumbers.revision`.)"""
    following = p.getnext()
    ppr = p.find(W + "pPr")
    if following is None or following.tag != W + "tbl" or ppr is None:
        return
    num = ppr.find(f"{W}numPr/{W}numId")
    if num is None or num.get(W + "val") == "0" or ppr.find(f"{W}rPr/{W}ins") is None:
        return
    unnumbered = [copy.deepcopy(e) for e in _base_properties(p)]
    for element in unnumbered:
        found = element.find(W + "numId")
        if found is not None:
            found.set(W + "val", "0")
    _record(p, unnumbered)


def _mark_row(tr: etree._Element, revision: str) -> None:
    trpr = tr.find(W + "trPr")
    if trpr is None:
        trpr = etree.Element(W + "trPr")
        position = 1 if tr.find(W + "tblPrEx") is not None else 0
        tr.insert(position, trpr)
    if trpr.find(W + "ins") is None and trpr.find(W + "del") is None:
        trpr.append(etree.Element(W + revision))
