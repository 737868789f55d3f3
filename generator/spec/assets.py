"""The one guarded resolver for files a spec names (the region's logo, figures).

A path must be relative, stay inside the spec's folder after symlinks are resolved, be a
regular file under a size cap, and be a real PNG or JPEG of bounded pixel size (Pillow reads
the header), or, where the caller allows it (figures), an SVG that passes `spec.svg`'s check
and is drawn into a PNG there. The bytes are returned to the caller, who inlines them: no
renderer ever opens a file or URL on the spec's behalf, nor sees a spec's SVG.
"""

from __future__ import annotations

import base64
import io
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from markupsafe import Markup

from generator.errors import Diagnostic, SourceSpan, SpecError
from generator.spec.load import Pointer, SpecDocument, format_pointer

MAX_ASSET_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}


@dataclass(frozen=True)
class ImageAsset:
    name: str
    data: bytes  # PNG or JPEG (an SVG's drawing)
    mime: str
    width: int  # pixels of `data`
    height: int
    vector: bool = False  # drawn from an SVG

    def width_cm(self, text_width: float = 16.0, max_height: float = 14.0) -> float:
        """The printed width: the text width, narrower when the picture would be taller
        than `max_height` (a phone screenshot), in centimetres (one decimal)."""
        return round(min(text_width, max_height * self.width / self.height), 1)

    @property
    def data_uri(self) -> Markup:
        """Markup: a known MIME type and base64 need no escaping (nor soft breaks)."""
        return Markup(  # noqa: S704 - fixed MIME type and the base64 alphabet only
            f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}")


def resolve_image(doc: SpecDocument, pointer: Pointer, name: str, *, svg: bool = False,
                  span: SourceSpan | None = None) -> ImageAsset:
    """Read and check an image the spec names at `pointer` (at `span` within it, if given:
    a picture inside a narrative); raise a positioned SpecError. `svg`: an SVG is accepted
    too, and comes back drawn as a PNG."""
    def fail(code: str, **params: object) -> SpecError:
        if svg and code == "asset.not_image":
            code = "asset.not_picture"
        return SpecError([Diagnostic(span or doc.span(pointer), "error",
                                     format_pointer(pointer), code, {"name": name, **params})])

    real = _locate(doc, name, fail)
    with open(real, "rb") as handle:
        data = handle.read(MAX_ASSET_BYTES + 1)
    if svg and _looks_like_svg(data):
        return _check_svg(name, data, fail)
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
    from generator.spec.svg import SvgProblem, check_svg, rasterise

    try:
        width, height = check_svg(data)
        png = rasterise(data, width, height)
    except SvgProblem as problem:
        raise fail(problem.code, **problem.params) from None
    return replace(_check_image(png, fail), name=name, vector=True)


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
    return ImageAsset(name="", data=data, mime=_FORMATS[kind], width=width, height=height)

