"""The one guarded resolver for files a spec names (the region's logo, figures).

A path must be relative, stay inside the spec's folder after symlinks are resolved, be a
regular file under a size cap, and be a real PNG or JPEG of bounded pixel size (Pillow reads
the header), or, where the caller allows it (figures), an SVG that passes `spec.svg`'s check
and is drawn into a PNG there. The bytes are returned to the caller, who inlines them: no
renderer ever opens a file or URL on the spec's behalf, nor sees a spec's SVG.
"""

from __future__ import annotations

import base64
import functools
import io
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from generator.errors import Diagnostic, SourceSpan, SpecError
from generator.spec.load import Pointer, SpecDocument, format_pointer

MAX_ASSET_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}


class DataUri:
    """An image's `data:` URL, made when it is first printed: an SVG is drawn into its PNG
    only when a document shows it (a deck that never shows the organisation chart never
    draws it). Jinja prints it through `__html__` (a known MIME type and base64 need no
    escaping, nor soft breaks)."""

    __slots__ = ("_asset",)

    def __init__(self, asset: ImageAsset) -> None:
        self._asset = asset

    def __html__(self) -> str:
        return str(self)

    def __str__(self) -> str:
        asset = self._asset
        return f"data:{asset.mime};base64,{base64.b64encode(asset.data).decode('ascii')}"

    def __eq__(self, other: object) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


@dataclass(frozen=True)
class ImageAsset:
    name: str
    mime: str
    width: int  # pixels of `data`
    height: int
    vector: bool = False  # drawn from an SVG
    raster: bytes = field(default=b"", repr=False)  # a PNG or JPEG as read
    svg: bytes = field(default=b"", repr=False)  # a checked SVG, drawn into `data` when used
    # the positioned error of an SVG that librsvg cannot draw
    fail: Callable[..., SpecError] | None = field(default=None, repr=False, compare=False)

    @functools.cached_property
    def data(self) -> bytes:
        """PNG or JPEG bytes (an SVG's drawing, made on first use; a positioned SpecError
        if librsvg cannot draw it)."""
        if not self.svg:
            return self.raster
        from generator.spec.svg import SvgProblem, rasterise, svg_size

        try:
            return rasterise(self.svg, *svg_size(self.svg))
        except SvgProblem as problem:
            if self.fail is None:
                raise
            raise self.fail(problem.code, **problem.params) from None

    def width_cm(self, text_width: float = 16.0, max_height: float = 14.0) -> float:
        """The printed width: the text width, narrower when the picture would be taller
        than `max_height` (a phone screenshot), in centimetres (one decimal)."""
        return round(min(text_width, max_height * self.width / self.height), 1)

    @property
    def data_uri(self) -> DataUri:
        return DataUri(self)


def resolve_image(doc: SpecDocument, pointer: Pointer, name: str, *, svg: bool = False,
                  span: SourceSpan | None = None, draw: bool = False) -> ImageAsset:
    """Read and check an image the spec names at `pointer` (at `span` within it, if given:
    a picture inside a narrative); raise a positioned SpecError. `svg`: an SVG is accepted
    too, and is drawn as a PNG when its `data` is first read (now, with `draw`: `validate`
    proves every picture can be drawn)."""
    def fail(code: str, **params: object) -> SpecError:
        if svg and code == "asset.not_image":
            code = "asset.not_picture"
        return SpecError([Diagnostic(span or doc.span(pointer), "error",
                                     format_pointer(pointer), code, {"name": name, **params})])

    real = _locate(doc, name, fail)
    with open(real, "rb") as handle:
        data = handle.read(MAX_ASSET_BYTES + 1)
    if svg and _looks_like_svg(data):
        asset = _check_svg(name, data, fail)
        if draw:
            _check_image(asset.data, fail)
        return asset
    return replace(_check_image(data, fail), name=name)


def locate_file(doc: SpecDocument, pointer: Pointer, name: str, *,
                codes: str = "asset") -> Path:
    """The real path of a file `doc` names at `pointer`: relative, inside the document's
    folder after symlinks, a regular file under the size cap; else a positioned SpecError
    (codes `CODES.url`, `.outside`, `.missing`, `.not_file`, `.too_large`)."""
    def fail(code: str, **params: object) -> SpecError:
        code = f"{codes}.{code.partition('.')[2]}"
        return SpecError([Diagnostic(doc.span(pointer), "error", format_pointer(pointer), code,
                                     {"name": name, **params})])

    return _locate(doc, name, fail)


def _locate(doc: SpecDocument, name: str, fail: Callable[..., SpecError]) -> Path:
    if "://" in name or name.startswith(("data:", "file:", "//")):
        raise fail("asset.url")
    relative = PurePosixPath(name.replace("\\", "/"))
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise fail("asset.outside")
    folder = doc.folder.resolve()
    candidate = folder.joinpath(*relative.parts)
    try:
        real = candidate.resolve(strict=True)
    except (OSError, RuntimeError):
        raise fail("asset.missing") from None
    if not real.is_relative_to(folder):
        raise fail("asset.outside")
    info = os.stat(real)
    if not stat.S_ISREG(info.st_mode):
        raise fail("asset.not_file")
    if info.st_size > MAX_ASSET_BYTES:
        raise fail("asset.too_large", size=info.st_size, limit=MAX_ASSET_BYTES)
    return real


def _looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg"))


def _check_svg(name: str, data: bytes, fail: Callable[..., SpecError]) -> ImageAsset:
    from generator.spec.svg import SvgProblem, check_svg, raster_pixels

    try:
        width, height = raster_pixels(*check_svg(data))
    except SvgProblem as problem:
        raise fail(problem.code, **problem.params) from None
    return ImageAsset(name=name, mime="image/png", width=width, height=height, vector=True,
                      svg=data, fail=fail)


def _check_image(data: bytes, fail: Callable[..., SpecError]) -> ImageAsset:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            width, height = image.size
            if kind not in _FORMATS:
                raise fail("asset.not_image")
            if width * height > MAX_PIXELS:
                raise fail("asset.too_many_pixels", width=width, height=height)
            image.verify()
    except SpecError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError):
        raise fail("asset.not_image") from None
    return ImageAsset(name="", mime=_FORMATS[kind], width=width, height=height, raster=data)

