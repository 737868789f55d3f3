"""A consultant's .docx read without trusting it: every entry inflated in chunks under a real
byte cap and its XML counted element by element, before python-docx reads any of it.

The sizes a zip declares are only claims. `zipfile` inflates a deflated entry in one call of
up to 1 GiB and only then cuts the result to the declared size, so a 3 MB entry that claims
350 KB cost 2.1 GiB when python-docx opened it. Here the compressed bytes of each entry are
inflated 64 KiB at a time: an entry that produces more than it declares, or the whole more
than `Limits.unpacked`, is refused as soon as it does. The XML of every entry goes through a
pull parser that forgets each element once counted, so counting 1.5 million styles costs
kilobytes, and the first style past `Limits.styles` stops it. XML has its own byte cap: parsed
and written out again it costs python-docx four to five times its size (a 220 KB file of
long text nodes took 840 MB); python-docx and our own loops
(the style index, the numbering, the relationships) only ever see what passed.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from generator.render.docx.ooxml import W

CHUNK = 64 * 1024
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, ..., name length, extra length
_LOCAL_SIGNATURE = b"PK\x03\x04"
_CENTRAL_SIGNATURE = b"PK\x01\x02"


class ArchiveProblem(Exception):
    """Why the file is refused: a message catalogue code and its parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Limits:
    entries: int  # zip entries
    unpacked: int  # bytes, all entries together, as really inflated
    xml_bytes: int  # bytes of the entries that are XML, together (python-docx parses them)
    nodes: int  # XML elements and attributes, all entries together
    styles: int  # <w:style> elements in one part
    lists: int  # <w:abstractNum> and <w:num> elements in one part
    relationships: int  # <Relationship> elements in one part


def check_archive(data: bytes, limits: Limits) -> set[str]:
    """The names of the entries of the zip `data`, once each has been inflated within
    `limits`; raise `ArchiveProblem` otherwise."""
    # Every central directory record starts with this signature, so the count is an upper
    # bound of the entries: checked before zipfile builds an object for each (250,000 empty
    # entries fit in 20 MB and take 140 MB as ZipInfo objects).
    if data.count(_CENTRAL_SIGNATURE) > limits.entries:
        raise ArchiveProblem("docx.reference_too_many_parts", limit=limits.entries)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # BadZipFile, and struct/value errors of a mangled directory
        raise ArchiveProblem("docx.reference_not_zip") from None
    with archive:
        infos = archive.infolist()
    declared = sum(info.file_size for info in infos)
    if declared > limits.unpacked:
        raise ArchiveProblem("docx.reference_unpacks_too_large", limit=limits.unpacked)
    counter = _Counter(limits)
    total = 0
    for info in infos:
        xml = _XmlCounter(counter, info.filename)
        for chunk in _inflate(data, info):
            total += len(chunk)
            if total > limits.unpacked:
                raise ArchiveProblem("docx.reference_unpacks_too_large", limit=limits.unpacked)
            xml.feed(chunk)
        xml.close()
    return {info.filename for info in infos}


# --- inflating ---------------------------------------------------------------------------------


def _compressed(data: bytes, info: zipfile.ZipInfo) -> memoryview:
    """The compressed bytes of `info`, found as zipfile finds them (its local header)."""
    start = info.header_offset
    header = data[start:start + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size:
        raise ArchiveProblem("docx.reference_part_damaged", part=info.filename)
    signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
    begin = start + _LOCAL_HEADER.size + name_length + extra_length
    end = begin + info.compress_size
    if signature != _LOCAL_SIGNATURE or end > len(data):
        raise ArchiveProblem("docx.reference_part_damaged", part=info.filename)
    return memoryview(data)[begin:end]


def _inflate(data: bytes, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The content of entry `info` in chunks of at most `CHUNK` bytes; raises when it is
    encrypted, compressed other than by deflate, damaged, or larger than it declares."""
    name = info.filename
    if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED,
                                                          zipfile.ZIP_DEFLATED):
        # bzip2 and lzma have no output bound in zipfile at all; Word writes deflate
        raise ArchiveProblem("docx.reference_part_method", part=name)
    source = _compressed(data, info)
    produced = 0
    crc = 0
    for chunk in (_deflated(source, name) if info.compress_type == zipfile.ZIP_DEFLATED
                  else (bytes(source[i:i + CHUNK]) for i in range(0, len(source), CHUNK))):
        produced += len(chunk)
        if produced > info.file_size:
            raise ArchiveProblem("docx.reference_part_inflates", part=name,
                                 declared=info.file_size)
        crc = zlib.crc32(chunk, crc)
        yield chunk
    if produced != info.file_size or crc != info.CRC:
        raise ArchiveProblem("docx.reference_part_damaged", part=name)


def _deflated(source: memoryview, name: str) -> Iterator[bytes]:
    """Inflate a raw deflate stream, never more than `CHUNK` bytes of output at a time."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    position = 0
    pending = b""
    try:
        while not inflater.eof:
            if not pending and position < len(source):
                pending = bytes(source[position:position + CHUNK])
                position += CHUNK
            out = inflater.decompress(pending, CHUNK)
            pending = inflater.unconsumed_tail
            if out:
                yield out
            elif not pending and position >= len(source):
                break  # input used up and nothing more comes out: the stream is cut short
    except zlib.error:
        raise ArchiveProblem("docx.reference_part_damaged", part=name) from None
    if not inflater.eof:
        raise ArchiveProblem("docx.reference_part_damaged", part=name)


# --- counting XML ------------------------------------------------------------------------------


class _Counter:
    """Elements and attributes of the whole package, and the elements our loops walk."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.nodes = 0
        self.xml_bytes = 0
        self.capped = {W + "style": ("docx.reference_too_many_styles", limits.styles),
                       W + "abstractNum": ("docx.reference_too_many_lists", limits.lists),
                       W + "num": ("docx.reference_too_many_lists", limits.lists),
                       _REL: ("docx.reference_too_many_relationships", limits.relationships)}

    def element(self, element: Any, counts: dict[str, int], part: str) -> None:
        self.nodes += 1 + len(element.attrib)
        if self.nodes > self.limits.nodes:
            raise ArchiveProblem("docx.reference_too_many_nodes", limit=self.limits.nodes)
        capped = self.capped.get(element.tag)
        if capped is not None:
            code, limit = capped  # counted by code: w:abstractNum and w:num count together
            counts[code] = counts.get(code, 0) + 1
            if counts[code] > limit:
                raise ArchiveProblem(code, part=part, limit=limit)


class _XmlCounter:
    """Counts the elements of one entry as its chunks arrive, if the entry is XML at all
    (images and fonts are not); forgets each element once it is complete.

    An entry that stops being well-formed is counted up to there: python-docx cannot parse
    it further either (same parser settings: no entities, no network, libxml2's size and
    depth limits).
    """

    def __init__(self, counter: _Counter, part: str) -> None:
        self.counter = counter
        self.part = part
        self.counts: dict[str, int] = {}
        self.parser: Any = None
        self.decided = False

    def feed(self, chunk: bytes) -> None:
        if not self.decided:
            self.decided = True
            if chunk.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
                self.parser = etree.XMLPullParser(
                    events=("start", "end"), resolve_entities=False, no_network=True,
                    load_dtd=False, huge_tree=False)
        if self.parser is None:
            return
        self.counter.xml_bytes += len(chunk)
        if self.counter.xml_bytes > self.counter.limits.xml_bytes:
            raise ArchiveProblem("docx.reference_xml_too_large",
                                 limit=self.counter.limits.xml_bytes)
        try:
            self.parser.feed(chunk)
            self._drain()
        except etree.XMLSyntaxError:
            self.parser = None

    def close(self) -> None:
        if self.parser is not None:
            try:
                self.parser.close()
                self._drain()
            except etree.XMLSyntaxError:
                pass
            self.parser = None

    def _drain(self) -> None:
        for event, element in self.parser.read_events():
            if event == "start":
                self.counter.element(element, self.counts, self.part)
            else:
                element.clear()
                parent = element.getparent()
                if parent is not None:
                    while element.getprevious() is not None:
                        del parent[0]
