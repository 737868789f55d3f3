"""Small WordprocessingML builders for the DOCX converter, and `clean_text` (of
`generator.render.office`).

The converter writes the document body as lxml elements directly (python-docx's proxy
objects cost a style lookup by name per call); the element order inside ``w:pPr``,
``w:rPr``, ``w:tcPr`` and ``w:sectPr`` follows the schema, which Word enforces.

Everything that reaches the XML passes `clean_text` first: characters XML 1.0 forbids (the
form feed and vertical tab of text pasted from Word, NUL, lone surrogates) would otherwise
make lxml raise half-way through a document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from lxml import etree

from generator.render.office import clean_text as clean_text  # the converter's name for it

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = f"{{{W_NS}}}"
R = f"{{{R_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# --- text --------------------------------------------------------------------------------------

# --- runs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunFormat:
    """Run properties: a character style id plus the direct formatting HTML asks for."""

    style: str | None = None
    bold: bool = False
    italic: bool = False
    vert: str | None = None  # "superscript" | "subscript"
    size: int | None = None  # half-points
    underline: bool = False
    color: str | None = None  # RRGGBB
    strike: bool = False
    #: a tracked change: "ins" or "del" (a redline), written as the run's w:ins/w:del
    revision: str | None = None

    def with_(self, **changes: Any) -> RunFormat:
        return replace(self, **changes)


PLAIN = RunFormat()


def _rpr(fmt: RunFormat) -> etree._Element | None:
    if fmt == PLAIN or replace(fmt, revision=None) == PLAIN:
        return None
    rpr = etree.Element(W + "rPr")
    if fmt.style:
        etree.SubElement(rpr, W + "rStyle").set(W + "val", fmt.style)
    if fmt.bold:
        etree.SubElement(rpr, W + "b")
    if fmt.italic:
        etree.SubElement(rpr, W + "i")
    if fmt.strike:
        etree.SubElement(rpr, W + "strike")
    if fmt.color:
        etree.SubElement(rpr, W + "color").set(W + "val", fmt.color)
    if fmt.size:
        etree.SubElement(rpr, W + "sz").set(W + "val", str(fmt.size))
        etree.SubElement(rpr, W + "szCs").set(W + "val", str(fmt.size))
    if fmt.underline:
        etree.SubElement(rpr, W + "u").set(W + "val", "single")
    if fmt.vert:
        etree.SubElement(rpr, W + "vertAlign").set(W + "val", fmt.vert)
    return rpr


def text_run(parent: etree._Element, text: str, fmt: RunFormat = PLAIN) -> etree._Element:
    run = etree.SubElement(parent, W + "r")
    rpr = _rpr(fmt)
    if rpr is not None:
        run.append(rpr)
    t = etree.SubElement(run, W + "t")
    t.text = text
    if text[:1].isspace() or text[-1:].isspace():
        t.set(XML_SPACE, "preserve")
    return run


def break_run(parent: etree._Element, fmt: RunFormat = PLAIN) -> None:
    run = etree.SubElement(parent, W + "r")
    rpr = _rpr(fmt)
    if rpr is not None:
        run.append(rpr)
    etree.SubElement(run, W + "br")


def tab_run(parent: etree._Element) -> None:
    etree.SubElement(etree.SubElement(parent, W + "r"), W + "tab")


def field(parent: etree._Element, instruction: str, result: str | None = None,
          fmt: RunFormat = PLAIN) -> None:
    """A complete complex field (begin, instruction, separate, result, end) in `parent`."""
    field_begin(parent, instruction, fmt)
    if result:
        text_run(parent, result, fmt)
    field_end(parent, fmt)


def field_begin(parent: etree._Element, instruction: str, fmt: RunFormat = PLAIN) -> None:
    _fld_char(parent, "begin", fmt)
    run = etree.SubElement(parent, W + "r")
    rpr = _rpr(fmt)
    if rpr is not None:
        run.append(rpr)
    instr = etree.SubElement(run, W + "instrText")
    instr.text = f" {instruction} "
    instr.set(XML_SPACE, "preserve")
    _fld_char(parent, "separate", fmt)


def field_end(parent: etree._Element, fmt: RunFormat = PLAIN) -> None:
    _fld_char(parent, "end", fmt)


def _fld_char(parent: etree._Element, kind: str, fmt: RunFormat) -> None:
    run = etree.SubElement(parent, W + "r")
    rpr = _rpr(fmt)
    if rpr is not None:
        run.append(rpr)
    etree.SubElement(run, W + "fldChar").set(W + "fldCharType", kind)


# --- paragraphs ----------------------------------------------------------------------------


def paragraph(parent: etree._Element, style: str | None, *, keep_next: bool | None = None,
              page_break: bool = False, numbering: tuple[int, int] | None = None,
              jc: str | None = None, mark_size: int | None = None) -> etree._Element:
    """A new w:p at the end of `parent`; `numbering` is (numId, ilvl), numId 0 = none;
    `keep_next` True or False overrides the style's keep-with-next;
    `mark_size` (half-points) sizes the paragraph mark, so an empty paragraph in a compact
    table is as low as its text."""
    p = etree.SubElement(parent, W + "p")
    if style or keep_next is not None or page_break or numbering or jc or mark_size:
        ppr = etree.SubElement(p, W + "pPr")
        if style:
            etree.SubElement(ppr, W + "pStyle").set(W + "val", style)
        if keep_next is not None:  # False overrides a style that keeps with the next
            keep = etree.SubElement(ppr, W + "keepNext")
            if not keep_next:
                keep.set(W + "val", "0")
        if page_break:
            etree.SubElement(ppr, W + "pageBreakBefore")
        if numbering is not None:
            num_pr = etree.SubElement(ppr, W + "numPr")
            etree.SubElement(num_pr, W + "ilvl").set(W + "val", str(numbering[1]))
            etree.SubElement(num_pr, W + "numId").set(W + "val", str(numbering[0]))
        if jc:
            etree.SubElement(ppr, W + "jc").set(W + "val", jc)
        if mark_size:
            rpr = etree.SubElement(ppr, W + "rPr")
            etree.SubElement(rpr, W + "sz").set(W + "val", str(mark_size))
            etree.SubElement(rpr, W + "szCs").set(W + "val", str(mark_size))
    return p


def keep_with_next(container: etree._Element) -> None:
    """Keep every paragraph in `container` (a table row) with the next one: Word and
    LibreOffice then keep the row on the page of the row after it."""
    for p in container.iter(W + "p"):
        ppr = p.find(W + "pPr")
        if ppr is None:
            ppr = etree.Element(W + "pPr")
            p.insert(0, ppr)
        keep = ppr.find(W + "keepNext")
        if keep is None:
            keep = etree.Element(W + "keepNext")
            style = ppr.find(W + "pStyle")  # keepNext comes right after pStyle in CT_PPr
            ppr.insert(0 if style is None else ppr.index(style) + 1, keep)
        keep.attrib.pop(W + "val", None)


def attach_section(p: etree._Element, sect_pr: etree._Element) -> None:
    """Make `p` the last paragraph of a section described by `sect_pr`."""
    ppr = p.find(W + "pPr")
    if ppr is None:
        ppr = etree.Element(W + "pPr")
        p.insert(0, ppr)
    ppr.append(sect_pr)


def bookmark(p: etree._Element, bookmark_id: int, name: str) -> None:
    """Wrap the whole content of paragraph `p` in a bookmark."""
    start = etree.Element(W + "bookmarkStart")
    start.set(W + "id", str(bookmark_id))
    start.set(W + "name", name)
    ppr = p.find(W + "pPr")
    p.insert(1 if ppr is not None else 0, start)
    etree.SubElement(p, W + "bookmarkEnd").set(W + "id", str(bookmark_id))


def hyperlink(parent: etree._Element, *, rel_id: str | None = None,
              anchor: str | None = None) -> etree._Element:
    link = etree.SubElement(parent, W + "hyperlink")
    if rel_id:
        link.set(R + "id", rel_id)
    if anchor:
        link.set(W + "anchor", anchor)
    link.set(W + "history", "1")
    return link


# --- tables ----------------------------------------------------------------------------------


def table(parent: etree._Element, style: str | None, widths: Sequence[int], *,
          cell_margins: tuple[int, int] | None = None, header_look: bool = True,
          ) -> etree._Element:
    """An empty w:tbl with a fixed layout and its grid; rows are appended with `row`."""
    tbl = etree.SubElement(parent, W + "tbl")
    tbl_pr = etree.SubElement(tbl, W + "tblPr")
    if style:
        etree.SubElement(tbl_pr, W + "tblStyle").set(W + "val", style)
    tbl_w = etree.SubElement(tbl_pr, W + "tblW")
    tbl_w.set(W + "w", str(sum(widths)))
    tbl_w.set(W + "type", "dxa")
    etree.SubElement(tbl_pr, W + "tblLayout").set(W + "type", "fixed")
    if cell_margins:
        margins = etree.SubElement(tbl_pr, W + "tblCellMar")
        vertical, horizontal = cell_margins
        for side, value in (("top", vertical), ("left", horizontal), ("bottom", vertical),
                            ("right", horizontal)):
            edge = etree.SubElement(margins, W + side)
            edge.set(W + "w", str(value))
            edge.set(W + "type", "dxa")
    look = etree.SubElement(tbl_pr, W + "tblLook")
    look.set(W + "val", "04A0" if header_look else "0400")
    look.set(W + "firstRow", "1" if header_look else "0")
    look.set(W + "lastRow", "0")
    look.set(W + "firstColumn", "0")
    look.set(W + "lastColumn", "0")
    look.set(W + "noHBand", "1")
    look.set(W + "noVBand", "1")
    grid = etree.SubElement(tbl, W + "tblGrid")
    for width in widths:
        etree.SubElement(grid, W + "gridCol").set(W + "w", str(width))
    return tbl


def row(tbl: etree._Element, *, header: bool = False, cant_split: bool = True,
        ) -> etree._Element:
    tr = etree.SubElement(tbl, W + "tr")
    if header or cant_split:
        tr_pr = etree.SubElement(tr, W + "trPr")
        if cant_split:
            etree.SubElement(tr_pr, W + "cantSplit")
        if header:
            etree.SubElement(tr_pr, W + "tblHeader")
    return tr


def cell(tr: etree._Element, width: int, *, span: int = 1, fill: str | None = None,
         ) -> etree._Element:
    tc = etree.SubElement(tr, W + "tc")
    tc_pr = etree.SubElement(tc, W + "tcPr")
    tc_w = etree.SubElement(tc_pr, W + "tcW")
    tc_w.set(W + "w", str(width))
    tc_w.set(W + "type", "dxa")
    if span > 1:
        etree.SubElement(tc_pr, W + "gridSpan").set(W + "val", str(span))
    if fill:
        shd = etree.SubElement(tc_pr, W + "shd")
        shd.set(W + "val", "clear")
        shd.set(W + "color", "auto")
        shd.set(W + "fill", fill)
    return tc


def finish_cell(tc: etree._Element) -> None:
    """A cell must end with a paragraph (Word refuses the file otherwise)."""
    last = tc[-1] if len(tc) else None
    if last is None or last.tag != W + "p":
        etree.SubElement(tc, W + "p")
