"""Small WordprocessingML builders for the DOCX converter, plus the checks on what goes in.

The converter writes the document body as lxml elements directly (python-docx's proxy
objects cost a style lookup by name per call); the element order inside ``w:pPr``,
``w:rPr``, ``w:tcPr`` and ``w:sectPr`` follows the schema, which Word enforces.

Everything that reaches the XML passes `clean_text` first: characters XML 1.0 forbids (the
form feed and vertical tab of text pasted from Word, NUL, lone surrogates) would otherwise
make lxml raise half-way through a document.
"""

from __future__ import annotations

import base64
import binascii
import functools
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from lxml import etree

from generator.errors import RenderError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = f"{{{W_NS}}}"
R = f"{{{R_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# --- text --------------------------------------------------------------------------------------

# Whitespace-like controls become a space; every other character XML 1.0 forbids goes.
_SPACE_CONTROLS = re.compile("[\x0b\x0c\x85\u2028\u2029]")
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """`text` with only characters that XML 1.0 (and Word) accept."""
    if text.isascii() and text.isprintable():
        return text
    text = _SPACE_CONTROLS.sub(" ", text)
    text = _ILLEGAL.sub("", text)
    return _SURROGATES.sub("\ufffd", text)


# --- runs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunFormat:
    """Run properties: a character style id plus the direct formatting HTML asks for."""

    style: str | None = None
    bold: bool = False
    italic: bool = False
    vert: str | None = None  # "superscript" | "subscript"
    size: int | None = None  # half-points

    def with_(self, **changes: Any) -> RunFormat:
        return replace(self, **changes)


PLAIN = RunFormat()


def _rpr(fmt: RunFormat) -> etree._Element | None:
    if fmt == PLAIN:
        return None
    rpr = etree.Element(W + "rPr")
    if fmt.style:
        etree.SubElement(rpr, W + "rStyle").set(W + "val", fmt.style)
    if fmt.bold:
        etree.SubElement(rpr, W + "b")
    if fmt.italic:
        etree.SubElement(rpr, W + "i")
    if fmt.size:
        etree.SubElement(rpr, W + "sz").set(W + "val", str(fmt.size))
        etree.SubElement(rpr, W + "szCs").set(W + "val", str(fmt.size))
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


@dataclass
class Column:
    """What a column's content asks for, in ems of the table's font."""

    longest_line: float = 0.0  # the widest cell text set on one line
    longest_word: float = 0.0  # the widest word (or whole text, for nowrap cells)
    fixed: int | None = None  # twips


FONTS_DIR = Path(__file__).resolve().parent.parent / "fonts"
_AVERAGE_ADVANCE = 0.52  # ems per character when the font cannot be read
_MAX_NATURAL = 30.0  # ems: a longer text just wraps
_MAX_WORD = 8.0  # ems: one very long word cannot take the whole table
_SAFETY = 1.06  # Word and LibreOffice set text a little wider than the bare advances
_MAX_MEASURED = 2000  # characters of a cell that are measured


class _Advances(dict[str, float]):
    """Advance width of each character in ems, read from Carlito on first use."""

    def __init__(self, font: Any) -> None:
        super().__init__()
        self.font = font

    def __missing__(self, char: str) -> float:
        width = (float(self.font.getlength(char)) / 1000 if self.font is not None
                 else _AVERAGE_ADVANCE)
        self[char] = width
        return width


@functools.cache
def _advances(bold: bool) -> _Advances:
    from PIL import ImageFont

    name = "Carlito-Bold.ttf" if bold else "Carlito-Regular.ttf"
    try:
        font = ImageFont.truetype(str(FONTS_DIR / name), 1000)
    except OSError:
        font = None
    return _Advances(font)


def measure(text: str, *, bold: bool = False) -> tuple[float, float]:
    """(the text on one line, its widest word) in ems of Carlito (metric-compatible with
    Calibri, the font of the reference document)."""
    advances = _advances(bold)
    widths = [sum(advances[char] for char in word)
              for word in text[:_MAX_MEASURED].split()]
    line = sum(widths) + advances[" "] * max(len(widths) - 1, 0)
    return line, max(widths, default=0.0)


def column_widths(columns: Sequence[Column], available: int, em: int) -> list[int]:
    """Share `available` twips between columns as a browser's auto layout roughly would:
    every column gets room for its widest word (capped, so one very long word cannot take
    the whole table), the rest goes to the columns with the most text. `em` is the size of
    the table's font in twips."""
    fixed = sum(c.fixed for c in columns if c.fixed is not None)
    free = max(available - fixed, 0)
    flexible = [i for i, c in enumerate(columns) if c.fixed is None]
    padding = 2 * 113
    minimum = {i: max(min(columns[i].longest_word, _MAX_WORD), 1.0) * em * _SAFETY + padding
               for i in flexible}
    natural = {i: max(min(columns[i].longest_line, _MAX_NATURAL) * em * _SAFETY + padding,
                      minimum[i]) for i in flexible}
    total_min = sum(minimum.values())
    if total_min >= free:
        scale = free / total_min if total_min else 0
        widths = {i: minimum[i] * scale for i in flexible}
    else:
        extra = free - total_min
        wants = {i: natural[i] - minimum[i] for i in flexible}
        total_wants = sum(wants.values())
        if total_wants <= extra:
            # Everything fits: the table still spans the text width, as in the PDF.
            rest = extra - total_wants
            total_natural = sum(natural.values())
            widths = {i: natural[i] + rest * natural[i] / total_natural for i in flexible}
        else:
            widths = {i: minimum[i] + extra * wants[i] / total_wants for i in flexible}
    result = [c.fixed if c.fixed is not None else int(widths[i])
              for i, c in enumerate(columns)]
    if flexible and available >= fixed:
        # Rounding: the last flexible column takes the remainder, the table is exact.
        result[flexible[-1]] += available - sum(result)
    return [max(width, 1) for width in result]


# --- pictures --------------------------------------------------------------------------------

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
_IMAGE_TYPES = {"PNG": "png", "JPEG": "jpg"}
_DATA_URI = re.compile(r"data:(image/(?:png|jpeg));base64,([A-Za-z0-9+/=\s]*)", re.IGNORECASE)


@dataclass(frozen=True)
class Picture:
    data: bytes
    extension: str
    width: int  # pixels
    height: int


def check_picture(data: bytes, what: str) -> Picture:
    """A PNG or JPEG of sane size, read by Pillow; anything else is a RenderError."""
    from PIL import Image, UnidentifiedImageError

    if not data:
        raise RenderError(f"{what}: empty image")
    if len(data) > MAX_IMAGE_BYTES:
        raise RenderError(f"{what}: image of {len(data)} bytes, the limit is {MAX_IMAGE_BYTES}")
    try:
        with warnings.catch_warnings():
            # Pillow only warns up to twice its pixel limit; a bomb is a bomb.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
        with image:
            kind = image.format or ""
            width, height = image.size
            if kind not in _IMAGE_TYPES:
                raise RenderError(f"{what}: a {kind or 'unknown'} image; only PNG and JPEG "
                                  "can go into a Word document")
            if width < 1 or height < 1 or width * height > MAX_IMAGE_PIXELS:
                raise RenderError(f"{what}: {width}×{height} pixels, the limit is "
                                  f"{MAX_IMAGE_PIXELS} pixels")
            image.verify()
    except RenderError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise RenderError(f"{what}: too many pixels ({error})") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise RenderError(f"{what}: not a readable PNG or JPEG image ({error})") from None
    return Picture(data, _IMAGE_TYPES[kind], width, height)


def decode_data_uri(src: str, what: str) -> bytes:
    """The bytes of a ``data:image/png|jpeg;base64,`` URL; nothing else is ever read."""
    match = _DATA_URI.fullmatch(src.strip())
    if not match:
        shown = src[:60] + ("…" if len(src) > 60 else "")
        raise RenderError(f"{what}: only embedded PNG or JPEG images (data: URLs) are "
                          f"allowed, not `{shown}`")
    try:
        return base64.b64decode("".join(match.group(2).split()), validate=True)
    except (binascii.Error, ValueError):
        raise RenderError(f"{what}: the embedded image is not valid base64") from None


def inline_picture(part: Any, picture: Picture, width_emu: int, shape_id: int,
                   description: str) -> etree._Element:
    """A ``wp:inline`` for `picture` at `width_emu`, keeping its aspect ratio."""
    from docx.image.exceptions import UnrecognizedImageError
    from docx.oxml.shape import CT_Inline
    from docx.shared import Emu

    try:
        rel_id, _ = part.get_or_add_image(io.BytesIO(picture.data))
    except (UnrecognizedImageError, ValueError, KeyError, IndexError) as error:
        raise RenderError(f"{description or 'image'}: python-docx cannot read it ({error})") \
            from None
    height_emu = round(width_emu * picture.height / picture.width)
    inline = CT_Inline.new_pic_inline(shape_id, rel_id, f"image{shape_id}.{picture.extension}",
                                      Emu(width_emu), Emu(height_emu))
    if description:
        inline.docPr.set("descr", description)
    return inline


def picture_run(parent: etree._Element, inline: etree._Element) -> None:
    run = etree.SubElement(parent, W + "r")
    etree.SubElement(run, W + "drawing").append(inline)


# --- the package -----------------------------------------------------------------------------


def zip_timestamp(moment: datetime) -> tuple[int, int, int, int, int, int]:
    """A zip entry time for `moment` (zip cannot store dates before 1980)."""
    if moment.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute,
            moment.second - moment.second % 2)


def normalise_zip(data: bytes, moment: datetime, order: Iterable[str] = ("[Content_Types].xml",
                                                                             )) -> bytes:
    """Rewrite a zip with fixed entry times, attributes and order: same input, same bytes.

    python-docx stamps every entry with the current time; here each gets `moment`, the
    entries named in `order` come first (``[Content_Types].xml`` must, for some readers)
    and the others follow in the order python-docx wrote them.
    """
    stamp = zip_timestamp(moment)
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        names = source.namelist()
        first = [name for name in order if name in names]
        for name in first + [n for n in names if n not in first]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # MS-DOS: no Unix permission bits to differ by umask
            info.external_attr = 0
            target.writestr(info, source.read(name))
    return output.getvalue()
