"""Pictures for the DOCX: PNG or JPEG only, checked by Pillow before anything is embedded,
from the chart PNGs the caller passes or from ``data:`` URLs (nothing is ever fetched)."""

from __future__ import annotations

import base64
import binascii
import io
import re
import warnings
from dataclasses import dataclass
from typing import Any

from lxml import etree

from generator.errors import RenderError
from generator.render.docx.ooxml import W, clean_text

EMU_PER_TWIP = 635
EMU_PER_CM = 360000
EMU_PER_PIXEL = 9525  # at 96 dpi
MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
_IMAGE_TYPES = {"PNG": "png", "JPEG": "jpg"}
# Word 2019+ marks a picture decorative (screen readers skip it, the accessibility checker
# asks no alt text for it) with this extension of its drawing properties (wp:docPr).
DECORATIVE_EXT = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
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
                   description: str, *, decorative: bool = False) -> etree._Element:
    """A ``wp:inline`` for `picture` at `width_emu`, keeping its aspect ratio, with
    `description` as its alt text, or marked decorative (as Word 2019+ marks it)."""
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
    elif decorative:
        ext_list = etree.SubElement(inline.docPr, f"{{{_A}}}extLst")
        ext = etree.SubElement(ext_list, f"{{{_A}}}ext", uri=DECORATIVE_EXT)
        etree.SubElement(ext, f"{{{ADEC}}}decorative", nsmap={"adec": ADEC}, val="1")
    return inline


def picture_run(parent: etree._Element, inline: etree._Element) -> None:
    run = etree.SubElement(parent, W + "r")
    etree.SubElement(run, W + "drawing").append(inline)


def width_emu(value: Any, default: int) -> int:
    """``data-width-cm`` in EMU; `default` if it is missing or not a sane number."""
    try:
        width_cm = float(value)
    except (TypeError, ValueError):
        return default
    if not 0.5 <= width_cm <= 100:  # also refuses nan and inf
        return default
    return round(width_cm * EMU_PER_CM)


def is_decorative(img: Any) -> bool:
    """An ``<img alt="">``: decorative, by HTML's own convention (no alt at all is not)."""
    return img is not None and img.get("alt") is not None and not alt_text(img)


def alt_text(img: Any) -> str:
    """The ``alt`` of an ``<img>`` (or of none), as one clean line."""
    return "" if img is None else clean_text(" ".join(str(img.get("alt", "")).split()))


# --- the cover -------------------------------------------------------------------------------

WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WP = f"{{{WP_NS}}}"


def solid_png(colour: str, size: int = 8) -> Picture:
    """A small PNG of one colour (``RRGGBB``), stretched over the cover page."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (size, size), "#" + colour).save(buffer, "PNG", optimize=False)
    return Picture(buffer.getvalue(), "png", size, size)


def on_card(picture: Picture, padding: float = 4 / 34, radius: float = 3 / 34) -> Picture:
    """`picture` on a white card with rounded corners (`padding` and `radius` as fractions
    of its height), as ``.cover-logo.card`` draws an opaque logo on the PDF's blue cover;
    outside the rounded corners the card is transparent."""
    from PIL import Image, ImageDraw

    with Image.open(io.BytesIO(picture.data)) as image:
        logo = image.convert("RGBA")
    pad = max(1, round(logo.height * padding))
    card = Image.new("RGBA", (logo.width + 2 * pad, logo.height + 2 * pad), (255, 255, 255, 0))
    ImageDraw.Draw(card).rounded_rectangle(
        (0, 0, card.width - 1, card.height - 1), radius=max(1, round(logo.height * radius)),
        fill=(255, 255, 255, 255))
    card.alpha_composite(logo, (pad, pad))
    buffer = io.BytesIO()
    card.save(buffer, "PNG", optimize=False)
    return Picture(buffer.getvalue(), "png", card.width, card.height)


def page_background(part: Any, picture: Picture, width_emu: int, height_emu: int,
                    shape_id: int, name: str) -> etree._Element:
    """A ``wp:anchor`` that lays `picture` over the whole page, behind the text: at the
    page's top left corner, `width_emu` × `height_emu`, wrapping nothing (plain
    ECMA-376 DrawingML, which Word and LibreOffice both draw)."""
    anchor = etree.Element(WP + "anchor", nsmap={"wp": WP_NS})
    for key, value in (("distT", "0"), ("distB", "0"), ("distL", "0"), ("distR", "0"),
                       ("simplePos", "0"), ("relativeHeight", "0"), ("behindDoc", "1"),
                       ("locked", "1"), ("layoutInCell", "1"), ("allowOverlap", "1")):
        anchor.set(key, value)
    simple = etree.SubElement(anchor, WP + "simplePos")
    simple.set("x", "0")
    simple.set("y", "0")
    for axis in ("positionH", "positionV"):
        position = etree.SubElement(anchor, WP + axis)
        position.set("relativeFrom", "page")
        etree.SubElement(position, WP + "posOffset").text = "0"
    # the cover's colour says nothing: decorative, as Word marks it
    inline = inline_picture(part, picture, width_emu, shape_id, "", decorative=True)
    extent = inline.find(WP + "extent")
    extent.set("cy", str(height_emu))
    anchor.append(extent)
    effect = etree.SubElement(anchor, WP + "effectExtent")
    for side in ("l", "t", "r", "b"):
        effect.set(side, "0")
    etree.SubElement(anchor, WP + "wrapNone")
    doc_pr = inline.find(WP + "docPr")
    doc_pr.set("name", name)
    anchor.append(doc_pr)
    anchor.append(inline.find(WP + "cNvGraphicFramePr"))
    graphic = inline.find("{http://schemas.openxmlformats.org/drawingml/2006/main}graphic")
    for ext in graphic.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}ext"):
        ext.set("cy", str(height_emu))
    anchor.append(graphic)
    return anchor
