"""What a consultant's reference document may bring into the output: its styles, numbering,
theme, fonts, document settings and page setup, nothing else.

python-docx keeps every part and relationship of the file it opens and writes them all out
again, so a reference document would plant its contents in every masterplan: an
``attachedTemplate`` Word fetches from a URL whenever the masterplan is opened (and, with
``w:linkStyles``, restyles it from), frames and pictures linked from a server, mail-merge data
sources, OLE objects, sub-documents, comments, customXml data, a glossary. `strip_reference`
keeps only the relationships the converter needs, removes every element that pointed to a
dropped one, and removes the settings that make Word fetch or take anything from elsewhere
on opening, or restrict editing; what was external or such a setting is reported.

`external_relationships` is the last look at the bytes written, whatever the reference:
nothing of the package may point outside it, except the hyperlinks of the document's own
text. Those are allowed: they come from the spec's links, which only ever keep http, https
and mailto addresses (`inline._target`), and Word follows a hyperlink when it is clicked,
never when the document is opened.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from lxml import etree

from generator.render.docx.ooxml import W, clean_text

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_O_RELID = "{urn:schemas-microsoft-com:office:office}relid"  # VML's own reference
_SCHEMA_LIBRARY = "{http://schemas.openxmlformats.org/schemaLibrary/2006/main}schemaLibrary"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_PACKAGE = "package"
LINK_SCHEMES = frozenset({"http", "https", "mailto"})

# The relationships a part may keep, by the type of the relationship that reached it. The
# package keeps only the document: python-docx writes fresh core properties (`finish` fills
# in every field) and the extended properties (company, template name, hyperlink base) are
# the consultant's own.
_KEEP: dict[str, frozenset[str]] = {
    _PACKAGE: frozenset({RT.OFFICE_DOCUMENT}),
    RT.OFFICE_DOCUMENT: frozenset({RT.STYLES, RT.NUMBERING, RT.SETTINGS, RT.WEB_SETTINGS,
                                   RT.FONT_TABLE, RT.THEME}),
    RT.FONT_TABLE: frozenset({RT.FONT}),  # embedded fonts, inside the file
    RT.THEME: frozenset({RT.IMAGE}),  # picture fills of the theme, inside the file
}
_XML_ROLES = frozenset(_KEEP[RT.OFFICE_DOCUMENT] | {RT.OFFICE_DOCUMENT})
# Settings that make Word fetch, restyle or lock the document when it is opened: removed
# and reported. (w:updateFields is always ours: `page.write_settings`.)
FORBIDDEN_SETTINGS = ("attachedTemplate", "linkStyles", "mailMerge", "saveThroughXslt",
                      "attachedSchema", "documentProtection", "writeProtection")
# Settings about parts that are dropped (the separator footnotes): removed silently.
_ORPHANED_SETTINGS = ("footnotePr", "endnotePr")
_REPORTED = 12  # items named in the warning; the rest are counted


def strip_reference(document: Any) -> list[str]:
    """Drop from the python-docx `document` every relationship and part the converter does
    not need, and every external one; empty its body but for the section properties.
    Returns what was external or a forbidden setting, for the warning (empty when nothing).
    """
    package = document.part.package
    # every external relationship, also those of the parts about to be dropped with theirs
    found = [f"{_short(rel.reltype)} {_shown(rel.target_ref)}" for rel in package.iter_rels()
             if rel.is_external]
    visited: set[int] = set()

    def visit(source: Any, role: str) -> bool:
        """Strip `source` and what it relates to; False when it cannot stay at all."""
        kept: set[str] = set()
        for rid, rel in list(source.rels.items()):
            if rel.is_external or rel.reltype not in _KEEP.get(role, frozenset()):
                del source.rels[rid]
            elif id(rel.target_part) in visited:
                kept.add(rid)
            else:
                visited.add(id(rel.target_part))
                if visit(rel.target_part, rel.reltype):
                    kept.add(rid)
                else:
                    del source.rels[rid]
        return role == _PACKAGE or _clean_part(source, role, kept, found)

    visit(package, _PACKAGE)
    return found


def summary(found: Iterable[str]) -> str:
    """The items of `strip_reference` as one line (the first few and a count)."""
    items = list(dict.fromkeys(found))
    shown = ", ".join(items[:_REPORTED])
    return shown + (f" (+{len(items) - _REPORTED})" if len(items) > _REPORTED else "")


def _short(reltype: str) -> str:
    return reltype.rstrip("/").rpartition("/")[2] or reltype


def _shown(target: str) -> str:
    text = " ".join(clean_text(target).split())
    return text if len(text) <= 120 else text[:119] + "…"


# --- the parts that stay ---------------------------------------------------------------------


def _clean_part(part: Any, role: str, kept: set[str], found: list[str]) -> bool:
    """Remove from a part that stays whatever refers to a dropped relationship, and what
    its role must not carry; False when the part is not XML where XML belongs (nothing of
    it can be checked, so it goes)."""
    if isinstance(part, XmlPart):
        root = part.element
    elif role in _XML_ROLES:  # a part python-docx keeps as bytes (or given a wrong type)
        root = _parse(part.blob)
        if root is None:
            return role == RT.OFFICE_DOCUMENT
    else:
        return True  # pictures and fonts: bytes without references
    changed = False
    if role == RT.OFFICE_DOCUMENT:
        changed |= _clean_document(root)
    elif role == RT.SETTINGS:
        reported = {item.partition(" ")[0] for item in found}
        for name in FORBIDDEN_SETTINGS + _ORPHANED_SETTINGS:
            for element in root.findall(W + name):
                root.remove(element)
                changed = True
                if name in FORBIDDEN_SETTINGS and name not in reported:
                    found.append(f"w:{name}")
                    reported.add(name)
        for element in root.findall(_SCHEMA_LIBRARY):
            root.remove(element)
            changed = True
            found.append("sl:schemaLibrary")
    elif role == RT.NUMBERING:
        changed |= _remove(root.iter(W + "numPicBullet", W + "lvlPicBulletId"))
    elif role == RT.WEB_SETTINGS:
        changed |= _remove(root.iter(W + "frameset"))
    changed |= _remove(element for element in root.iter() if _refers_elsewhere(element, kept))
    if changed and not isinstance(part, XmlPart):
        # python-docx keeps a plain part's bytes there and writes them out as they are
        part._blob = etree.tostring(root, encoding="UTF-8", standalone=True)
    return True


def _clean_document(root: Any) -> bool:
    """The main document keeps its body's section properties (the page size and margins
    `page.Page` starts from) and the colour of its background, no content."""
    changed = False
    body = root.find(W + "body")
    if body is not None:
        section = body.find(W + "sectPr")
        for child in list(body):
            if child is not section:
                body.remove(child)
                changed = True
    background = root.find(W + "background")
    if background is not None and len(background):
        changed |= _remove(list(background))  # VML and drawing fills: pictures, links
    return changed


def _refers_elsewhere(element: Any, kept: set[str]) -> bool:
    return any((name.startswith(R) or name == _O_RELID) and value not in kept
               for name, value in element.attrib.items())


def _remove(elements: Iterable[Any]) -> bool:
    doomed = [e for e in elements if isinstance(e.tag, str)]
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return bool(doomed)


def _parse(blob: bytes) -> Any:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.fromstring(blob, parser=parser)
    except etree.XMLSyntaxError:
        return None


# --- the last look at the output -------------------------------------------------------------


def external_relationships(data: bytes) -> list[str]:
    """Every relationship of the DOCX `data` that points outside the package, except the
    http, https and mailto hyperlinks of the main document; and every forbidden setting."""
    problems: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        main = _targets(archive, "_rels/.rels", "", RT.OFFICE_DOCUMENT)
        main_rels = {_rels_name(name) for name in main}
        settings: list[str] = []
        for name in main:
            settings += _targets(archive, _rels_name(name), name, RT.SETTINGS)
        for name in sorted(n for n in names if n.endswith(".rels")):
            for rel in _parse_rels(archive, name):
                target = rel.get("Target") or ""
                external = (rel.get("TargetMode") or "").lower() == "external" or bool(
                    urlsplit(target).scheme)
                if not external:
                    continue
                if (name in main_rels and rel.get("Type") == RT.HYPERLINK
                        and urlsplit(target).scheme.lower() in LINK_SCHEMES):
                    continue
                problems.append(f"{name}: {_short(str(rel.get('Type')))} {_shown(target)}")
        for name in settings:
            root = _parse(archive.read(name)) if name in names else None
            for setting in FORBIDDEN_SETTINGS:
                if root is not None and root.find(W + setting) is not None:
                    problems.append(f"{name}: w:{setting}")
    return problems


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _parse_rels(archive: zipfile.ZipFile, name: str) -> list[Any]:
    root = _parse(archive.read(name)) if name in archive.namelist() else None
    return [] if root is None else list(root.iter(_REL))


def _targets(archive: zipfile.ZipFile, rels: str, source: str, reltype: str) -> list[str]:
    """The names of the parts `source`'s relationships of `reltype` point to."""
    folder = posixpath.dirname(source)
    found = []
    for rel in _parse_rels(archive, rels):
        target = rel.get("Target") or ""
        if rel.get("Type") == reltype and (rel.get("TargetMode") or "") != "External":
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            found.append(path)
    return found
