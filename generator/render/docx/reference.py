"""The reference document the Word styles come from: the built-in one, or a consultant's
(``--reference-docx``), checked before it is opened.

A consultant's reference document may lack some of our styles; each missing one is copied
from the built-in reference (with the styles it is based on) and reported as a
`DocxWarning`, as pandoc's ``--reference-doc`` does silently.
"""

from __future__ import annotations

import copy
import io
import os
import stat
import zipfile
from pathlib import Path
from typing import Any

from generator.errors import RenderError
from generator.render.docx.ooxml import W
from generator.render.docx.stylemap import STYLES, DocxWarning
from generator.resources import templates_dir

MAX_REFERENCE_BYTES = 20 * 1024 * 1024
MAX_REFERENCE_UNPACKED = 200 * 1024 * 1024


def builtin_reference() -> Path:
    return templates_dir() / "docx" / "reference.docx"


def check_reference_file(path: Path) -> bytes:
    """Read a consultant's reference document, refusing anything that is not a small,
    sane .docx; the bytes are then opened from memory."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise RenderError(f"--reference-docx {path}: cannot be read ({error.strerror})") \
            from None
    if not stat.S_ISREG(info.st_mode):
        raise RenderError(f"--reference-docx {path}: not a regular file")
    if info.st_size > MAX_REFERENCE_BYTES:
        raise RenderError(f"--reference-docx {path}: {info.st_size} bytes, the limit is "
                          f"{MAX_REFERENCE_BYTES}")
    with open(path, "rb") as handle:
        data = handle.read(MAX_REFERENCE_BYTES + 1)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set()
            unpacked = 0
            for item in archive.infolist():
                names.add(item.filename)
                unpacked += item.file_size
            if unpacked > MAX_REFERENCE_UNPACKED:
                raise RenderError(f"--reference-docx {path}: unpacks to {unpacked} bytes, "
                                  f"the limit is {MAX_REFERENCE_UNPACKED}")
    except zipfile.BadZipFile:
        raise RenderError(f"--reference-docx {path}: not a Word document (.docx is a zip "
                          "file; this is not one)") from None
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise RenderError(f"--reference-docx {path}: not a Word document (no "
                          "word/document.xml)")
    return data


def style_index(styles_element: Any) -> dict[str, Any]:
    """Lower-cased style name → w:style element (Word stores built-in names in lower case,
    e.g. `heading 1`, and shows them capitalised)."""
    index: dict[str, Any] = {}
    for style in styles_element.iterchildren(W + "style"):
        name = style.find(W + "name")
        if name is not None:
            index.setdefault(str(name.get(W + "val", "")).lower(), style)
    return index


_KIND_OF_TYPE = {"paragraph": "paragraph", "character": "character", "table": "table",
                 "numbering": "numbering"}


def merge_missing_styles(target_styles: Any, source_styles: Any, reference_name: str,
                         ) -> list[DocxWarning]:
    """Copy every style of `STYLES` that `target_styles` lacks from `source_styles`,
    together with the styles it is based on; one warning per missing style."""
    warnings: list[DocxWarning] = []
    target = style_index(target_styles)
    source = style_index(source_styles)
    target_ids = {s.get(W + "styleId") for s in target_styles.iterchildren(W + "style")}

    def copy_style(name: str) -> str | None:
        """Copy the style called `name` (lower case) from source; return its id in target."""
        existing = target.get(name)
        if existing is not None:
            return str(existing.get(W + "styleId"))
        original = source.get(name)
        if original is None:
            return None
        clone = copy.deepcopy(original)
        target[name] = clone  # before recursing: a style chain never loops back to it
        style_id = str(clone.get(W + "styleId"))
        if style_id in target_ids:
            style_id = "Masterplan" + style_id
            clone.set(W + "styleId", style_id)
        target_ids.add(style_id)
        source_ids = {str(s.get(W + "styleId")): key for key, s in source.items()}
        for ref_tag in ("basedOn", "next", "link"):
            ref = clone.find(W + ref_tag)
            if ref is None:
                continue
            ref_name = source_ids.get(str(ref.get(W + "val")))
            ref_id = copy_style(ref_name) if ref_name and ref_tag == "basedOn" else (
                str(target[ref_name].get(W + "styleId")) if ref_name in target else None)
            if ref_id is None:
                clone.remove(ref)
            else:
                ref.set(W + "val", ref_id)
        clone.attrib.pop(W + "default", None)
        target_styles.append(clone)
        return style_id

    for name, kind in STYLES.items():
        found = target.get(name.lower())
        if found is not None:
            found_kind = _KIND_OF_TYPE.get(str(found.get(W + "type", "paragraph")), "?")
            if found_kind != kind:
                warnings.append(DocxWarning(
                    "docx.style_wrong_type", {"file": reference_name, "style": name,
                                              "expected": kind, "found": found_kind},
                    f"{reference_name}: style `{name}` is a {found_kind} style, expected a "
                    f"{kind} style; it is not applied"))
            continue
        copy_style(name.lower())
        warnings.append(DocxWarning(
            "docx.style_missing", {"file": reference_name, "style": name},
            f"{reference_name}: no style `{name}`; using the built-in one"))
    return warnings


def style_ids(styles_element: Any) -> dict[str, str]:
    """Our style name → style id in the document, for the styles usable as our kind."""
    index = style_index(styles_element)
    ids: dict[str, str] = {}
    for name, kind in STYLES.items():
        style = index.get(name.lower())
        if style is not None and _KIND_OF_TYPE.get(
                str(style.get(W + "type", "paragraph"))) == kind:
            ids[name] = str(style.get(W + "styleId"))
    return ids


def open_reference(path: Path | None) -> tuple[Any, list[DocxWarning]]:
    """The python-docx document to write into (the built-in reference, or the checked
    `path` with our missing styles merged in) and the warnings about its styles."""
    from docx import Document

    builtin = builtin_reference()
    if path is None:
        return Document(str(builtin)), []
    data = check_reference_file(path)
    try:
        document = Document(io.BytesIO(data))
        document.part.numbering_part  # noqa: B018 - created now if the file has none
    except Exception as error:  # python-docx raises anything from KeyError to XMLSyntaxError
        raise RenderError(f"--reference-docx {path}: not a usable Word document "
                          f"({type(error).__name__}: {error})") from None
    ours = Document(str(builtin))
    warnings = merge_missing_styles(document.styles.element, ours.styles.element, path.name)
    return document, warnings
