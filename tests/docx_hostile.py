"""Hostile reference documents (`--reference-docx`), built as an attacker would: python-docx's
default template (a real Word file) with a zip entry whose header lies about what it holds.
Used by tests/unit/test_docx_reference.py and tests/e2e/test_docx.py.
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
