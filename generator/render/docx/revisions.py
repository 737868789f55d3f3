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
    for text in body.iter(W + "t", W + "instrText"):
        if any(a.tag == W + "del" for a in text.iterancestors()):
            text.tag = W + "delText" if text.tag == W + "t" else W + "delInstrText"
    for number, change in enumerate(body.iter(W + "ins", W + "del"), start=1):
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
    ppr = p.find(W + "pPr")
    if ppr is None:
        ppr = etree.Element(W + "pPr")
        p.insert(0, ppr)
    if ppr.find(W + "sectPr") is not None:
        return  # a section's last paragraph stays
    rpr = ppr.find(W + "rPr")
    if rpr is None:
        rpr = etree.SubElement(ppr, W + "rPr")
    if rpr.find(W + "ins") is None and rpr.find(W + "del") is None:
        rpr.insert(0, etree.Element(W + revision))


def _mark_row(tr: etree._Element, revision: str) -> None:
    trpr = tr.find(W + "trPr")
    if trpr is None:
        trpr = etree.Element(W + "trPr")
        position = 1 if tr.find(W + "tblPrEx") is not None else 0
        tr.insert(position, trpr)
    if trpr.find(W + "ins") is None and trpr.find(W + "del") is None:
        trpr.append(etree.Element(W + revision))
