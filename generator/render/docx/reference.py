"""The reference document the Word styles come from: the built-in one, or a consultant's
(``--reference-docx``), checked before it is opened and stripped once it is.

A consultant's file is refused, naming it, when it is not a small sane .docx: too large on
disk, more entries, bytes or XML than the `LIMITS` allow *as really inflated*
(`archive.check_archive`), or not usable by python-docx. Once opened, everything but its
styles, numbering, theme, fonts, settings and page setup is dropped
(`sanitize.strip_reference`), and what would have reached outside is reported. Each of our
styles it lacks is copied from the built-in reference (with the styles it is based on) and
reported as a `DocxWarning`, as pandoc's ``--reference-doc`` does silently.

Refusals are `SpecError`s with one diagnostic at the file, so they are translated when shown
(``FILE: error: --reference-docx: ...``), exit 1 and cross a batch worker as plain data.
"""

from __future__ import annotations

import copy
import io
import os
import stat
from pathlib import Path
from typing import Any

from generator.errors import Diagnostic, SourceSpan, SpecError
from generator.render.docx.archive import ArchiveProblem, Limits, check_archive
from generator.render.docx.ooxml import W
from generator.render.docx.sanitize import strip_reference, summary
from generator.render.docx.stylemap import STYLES, DocxWarning
from generator.resources import templates_dir

OPTION = "--reference-docx"
MAX_REFERENCE_BYTES = 20 * 1024 * 1024
MAX_REFERENCE_UNPACKED = 200 * 1024 * 1024
MAX_REFERENCE_XML = 40 * 1024 * 1024
# A Word template has a few hundred styles and list definitions, a few dozen entries and
# relationships, some 30,000 XML nodes (elements and attributes) in under 1 MB of XML; a
# 300-page report used as the reference some 500,000 nodes in 15 MB. python-docx holds about
# 150 bytes per node parsed, and our loops walk the styles and lists.
LIMITS = Limits(entries=2_000, unpacked=MAX_REFERENCE_UNPACKED, xml_bytes=MAX_REFERENCE_XML,
                nodes=1_000_000, styles=10_000, lists=10_000, relationships=10_000)


def builtin_reference() -> Path:
    return templates_dir() / "docx" / "reference.docx"


def refusal(path: Path, code: str, **params: object) -> SpecError:
    """The error that refuses the reference document `path`, positioned at the file."""
    return SpecError([Diagnostic(SourceSpan(str(path), 0, 0), "error", OPTION, code, params)])


def check_reference_file(path: Path) -> bytes:
    """Read a consultant's reference document, refusing anything that is not a small,
    sane .docx; the bytes are then opened from memory."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise refusal(path, "docx.reference_unreadable", reason=error.strerror or str(error)) \
            from None
    if not stat.S_ISREG(info.st_mode):
        raise refusal(path, "docx.reference_not_file")
    if info.st_size > MAX_REFERENCE_BYTES:
        raise refusal(path, "docx.reference_too_large", size=info.st_size,
                      limit=MAX_REFERENCE_BYTES)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_REFERENCE_BYTES + 1)
    except OSError as error:
        raise refusal(path, "docx.reference_unreadable", reason=error.strerror or str(error)) \
            from None
    if len(data) > MAX_REFERENCE_BYTES:  # grew since the stat
        raise refusal(path, "docx.reference_too_large", size=len(data),
                      limit=MAX_REFERENCE_BYTES)
    try:
        names = check_archive(data, LIMITS)
    except ArchiveProblem as problem:
        raise refusal(path, problem.code, **problem.params) from None
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise refusal(path, "docx.reference_not_docx")
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
    """The python-docx document to write into (the built-in reference, or the checked and
    stripped `path` with our missing styles merged in) and the warnings about it."""
    from docx import Document

    builtin = builtin_reference()
    if path is None:
        return Document(str(builtin)), []
    data = check_reference_file(path)
    try:
        document = Document(io.BytesIO(data))
        document.part.numbering_part  # noqa: B018 - created now if the file has none
        stripped = strip_reference(document)
    except Exception as error:  # python-docx raises anything from KeyError to XMLSyntaxError
        raise refusal(path, "docx.reference_unusable",
                      detail=f"{type(error).__name__}: {error}") from None
    warnings = []
    if stripped:
        warnings.append(DocxWarning(
            "docx.reference_stripped", {"file": path.name, "items": summary(stripped)},
            f"removed from {path.name} what would make Word fetch or take anything from "
            f"elsewhere when the document is opened, or restrict editing: "
            f"{summary(stripped)}"))
    ours = Document(str(builtin))
    warnings += merge_missing_styles(document.styles.element, ours.styles.element, path.name)
    return document, warnings
