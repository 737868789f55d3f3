"""The DOCX as submitted, on small HTML documents: the table of contents asks Word for the
levels it pre-fills and carries page numbers when it is told them; the cover lies on a
page-sized picture of the cover colour, its text white, an opaque logo on a white card;
without LibreOffice (or when it fails) the DOCX is written without page numbers and a
warning says how to get them. LibreOffice itself: tests/e2e/test_docx_book.py."""

from __future__ import annotations

import base64
import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree
from PIL import Image

from generator.i18n.messages import message
from generator.render import Document as RenderDocument
from generator.render.docx import DocxOptions, convert, convert_with_pages, write_docx
from generator.render.docx import libreoffice as lo
from generator.render.docx import ooxml as ox
from generator.render.docx import page as pg
from generator.render.docx.blocks import TOC_PLACEHOLDER

W = ox.W
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
CREATED = datetime(2025, 11, 20, 8, 30, tzinfo=UTC)

CONTENTS = """<section class="cover"><p class="cover-kicker">Gerakan</p>
<p class="cover-title">Judul</p><p class="cover-meta">Meta<br>baris dua</p></section>
<section class="front"><h1 class="front-title">Daftar Isi</h1>
<nav class="toc"><ul><li class="toc-1"><a href="#bab-satu"><span class="num">BAB I</span>
Pendahuluan</a></li><li class="toc-2"><a href="#h-2"><span class="num">1.1</span> Latar</a>
</li>{extra}</ul></nav></section>
<section class="chapter"><h1 id="bab-satu"><span class="num">BAB I</span> Pendahuluan</h1>
<h2 id="h-2"><span class="num">1.1</span> Latar</h2><p>teks</p>
<h3 id="h-3"><span class="num">1.1.1</span> Rinci</h3><p>teks</p></section>"""


def page(body: str) -> str:
    return (f'<!DOCTYPE html><html lang="id"><head><title>t</title></head>'
            f'<body class="doc-masterplan">{body}</body></html>')


def options(**changes: Any) -> DocxOptions:
    return DocxOptions(**{"title": "Masterplan", "author": "Kabupaten Contoh",
                          "created": CREATED, "header": "Kabupaten Contoh · Masterplan",
                          **changes})


def read(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def toc_entries(document: Any) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs
            if p.style.name in ("TOC 1", "TOC 2", "TOC 3")]


def instruction(document: Any) -> str:
    return next(i.text.strip() for i in document.element.body.iter(W + "instrText"))


def png(width: int, height: int, colour: tuple[int, ...] = (31, 78, 121)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA" if len(colour) == 4 else "RGB", (width, height), colour).save(buffer,
                                                                                    "PNG")
    return buffer.getvalue()


# --- the table of contents -----------------------------------------------------------------


def test_the_field_asks_for_the_levels_the_html_lists() -> None:
    document = read(convert(page(CONTENTS.format(extra="")), options()).data)
    assert instruction(document) == 'TOC \\o "1-2" \\h \\z \\u'
    assert toc_entries(document) == [("TOC 1", "BAB I Pendahuluan"), ("TOC 2", "1.1 Latar")]
    # A template that lists a third level gets a field of three.
    deeper = '<li class="toc-3"><a href="#h-3"><span class="num">1.1.1</span> Rinci</a></li>'
    document = read(convert(page(CONTENTS.format(extra=deeper)), options()).data)
    assert instruction(document) == 'TOC \\o "1-3" \\h \\z \\u'
    assert toc_entries(document)[-1] == ("TOC 3", "1.1.1 Rinci")


def test_without_numbers_the_entries_end_with_their_title() -> None:
    document = read(convert(page(CONTENTS.format(extra="")), options()).data)
    assert not any(p._p.find(f".//{W}tab") is not None for p in document.paragraphs
                   if p.style.name.startswith("TOC "))


def test_the_entries_carry_the_pages_they_are_told() -> None:
    pages = {"_bab_satu": 7, "_h_2": 12}
    data = convert(page(CONTENTS.format(extra="")),
                   options(toc_numbers="pages", toc_pages=pages)).data
    document = read(data)
    assert toc_entries(document) == [("TOC 1", "BAB I Pendahuluan\t7"),
                                     ("TOC 2", "1.1 Latar\t12")]
    # the number sits inside the entry's link, as in the entries Word writes
    for p in document.paragraphs:
        if p.style.name in ("TOC 1", "TOC 2"):
            link = p._p.find(W + "hyperlink")
            assert link.find(f".//{W}tab") is not None
    placeholder = read(convert(page(CONTENTS.format(extra="")),
                               options(toc_numbers="placeholder")).data)
    assert [text.split("\t")[1] for _, text in toc_entries(placeholder)] == \
        [TOC_PLACEHOLDER] * 2
    # an entry whose page is not known goes without
    partial = read(convert(page(CONTENTS.format(extra="")),
                           options(toc_numbers="pages", toc_pages={"_h_2": 3})).data)
    assert toc_entries(partial) == [("TOC 1", "BAB I Pendahuluan"), ("TOC 2", "1.1 Latar\t3")]


def test_without_libreoffice_the_docx_is_written_with_a_note() -> None:
    html = page(CONTENTS.format(extra=""))
    converted, note = convert_with_pages(html, options(), None)
    assert converted.data == convert(html, options()).data  # no numbers, same bytes
    assert note is not None and note.code == "docx.toc_no_libreoffice"
    assert "F9" in message(note.code, "en") and "LibreOffice" in message(note.code, "en")
    assert "F9" in message(note.code, "id") and "--docx-toc field" in message(note.code, "id")


def test_a_failing_libreoffice_is_a_note_never_a_failure(tmp_path: Path) -> None:
    broken = tmp_path / "soffice"
    broken.write_text("#!/bin/sh\necho kaput >&2\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    html = page(CONTENTS.format(extra=""))
    converted, note = convert_with_pages(html, options(), str(broken))
    assert note is not None and note.code == "docx.toc_libreoffice_failed"
    assert "code 3" in note.params["reason"] and "kaput" in note.params["reason"]
    assert converted.data == convert(html, options()).data
    missing = convert_with_pages(html, options(), str(tmp_path / "nowhere"))[1]
    assert missing is not None and "cannot be started" in missing.params["reason"]


def test_a_hanging_libreoffice_is_stopped(tmp_path: Path) -> None:
    hanging = tmp_path / "soffice"
    hanging.write_text("#!/bin/sh\nsleep 30 &\nsleep 30\n", encoding="utf-8")
    hanging.chmod(0o755)
    with pytest.raises(lo.LibreOfficeError, match=r"more than 0\.5 s"):
        lo.bookmark_pages(b"PK", str(hanging), timeout=0.5)


def test_a_document_without_contents_needs_no_libreoffice() -> None:
    html = page('<section class="chapter"><h1 id="a">Satu</h1><p>x</p></section>')
    converted, note = convert_with_pages(html, options(), None)
    assert note is None and converted.data == convert(html, options()).data


def test_the_writer_reports_the_note_at_the_docx(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")  # no LibreOffice on the PATH
    document = RenderDocument(kind="masterplan", stem="3510-contoh", html=page(
        CONTENTS.format(extra="")), title="Masterplan", author="Kabupaten", subject="",
        keywords=[], language="id", created=CREATED, docx_toc="pages")
    written = write_docx(document)
    assert [(str(w.span), w.severity, w.code) for w in written.warnings] == [
        ("3510-contoh.docx", "warning", "docx.toc_no_libreoffice")]
    document.docx_toc = "field"
    assert write_docx(document).warnings == []
    assert write_docx(document).data == written.data


def test_libreoffice_destination_names() -> None:
    assert lo.destination_name("_h_2") == "5Fh5F2"
    assert lo.destination_name("_bab-satu") == "5Fbab-satu"
    found = {"5Fh5F2": 9, "plain": 3}
    assert lo.page_of(found, "_h_2") == 9 and lo.page_of(found, "plain") == 3
    assert lo.page_of(found, "_h_9") is None


# --- the cover -----------------------------------------------------------------------------


def cover_document(body: str = CONTENTS.format(extra="")) -> Any:
    return read(convert(page(body), options()).data)


def test_the_cover_lies_on_a_page_sized_picture_behind_the_text() -> None:
    document = cover_document()
    anchors = list(document.element.body.iter(WP + "anchor"))
    assert len(anchors) == 1
    anchor = anchors[0]
    assert anchor.get("behindDoc") == "1" and anchor.find(WP + "wrapNone") is not None
    assert [anchor.find(WP + axis).get("relativeFrom") for axis in ("positionH", "positionV")] \
        == ["page", "page"]
    assert [anchor.find(f"{WP}{axis}/{WP}posOffset").text
            for axis in ("positionH", "positionV")] == ["0", "0"]
    extent = anchor.find(WP + "extent")
    assert (int(extent.get("cx")), int(extent.get("cy"))) == (pg.A4_WIDTH * 635,
                                                              pg.A4_HEIGHT * 635)
    # the schema's order of CT_Anchor
    assert [etree.QName(child).localname for child in anchor] == [
        "simplePos", "positionH", "positionV", "extent", "effectExtent", "wrapNone", "docPr",
        "cNvGraphicFramePr", "graphic"]
    # in the cover's first paragraph, which is in the cover's section (the first)
    first = document.element.body[0]
    assert anchor in list(first.iter(WP + "anchor"))
    # the picture: the cover colour
    blip = anchor.find(f".//{A}blip")
    rel = document.part.related_parts[blip.get(f"{{{ox.R_NS}}}embed")]
    with Image.open(io.BytesIO(rel.blob)) as image:
        assert image.convert("RGB").getpixel((0, 0)) == (0x1F, 0x4E, 0x79)
    # docPr ids stay unique
    ids = [e.get("id") for e in document.element.body.iter(WP + "docPr")]
    assert len(ids) == len(set(ids))


def test_the_cover_text_is_white_the_kicker_and_meta_light_blue() -> None:
    document = cover_document()
    colours = {}
    for p in document.paragraphs[:3]:
        colours[p.style.name] = {str(r.font.color.rgb) for r in p.runs if r.text}
    assert colours == {"Cover Kicker": {"CFE0F1"}, "Title": {"FFFFFF"},
                       "Cover Meta": {"CFE0F1"}}
    # and nothing after the cover is coloured so
    later = [r for p in document.paragraphs[3:] for r in p.runs]
    assert later and all(r.font.color.rgb is None for r in later)


def test_an_opaque_logo_sits_on_a_white_card_a_transparent_one_as_it_is() -> None:
    opaque = base64.b64encode(png(200, 100, (200, 30, 30))).decode()
    clear = base64.b64encode(png(200, 100, (200, 30, 30, 0))).decode()
    for name, logo, card in (("opaque", opaque, True), ("clear", clear, False)):
        div = "cover-logo card" if card else "cover-logo"
        document = cover_document(f'<section class="cover"><div class="{div}"><img '
                                  f'src="data:image/png;base64,{logo}" alt="Logo"></div>'
                                  "</section>")
        inline = next(document.element.body.iter(WP + "inline"))
        cy = int(inline.find(WP + "extent").get("cy"))
        blip = inline.find(f".//{A}blip")
        blob = document.part.related_parts[blip.get(f"{{{ox.R_NS}}}embed")].blob
        with Image.open(io.BytesIO(blob)) as image:
            rgba = image.convert("RGBA")
            if card:  # 34 mm of logo in 4 mm of white card, the corners rounded off
                assert abs(cy - 42 * 36000) <= 1, name
                assert rgba.getpixel((rgba.width // 2, 2)) == (255, 255, 255, 255)
                assert rgba.getpixel((0, 0))[3] == 0
                assert rgba.getpixel((rgba.width // 2, rgba.height // 2)) == (200, 30, 30, 255)
            else:  # the logo's own transparency
                assert abs(cy - 38 * 36000) <= 1, name
                assert rgba.getpixel((0, 0))[3] == 0


def test_the_cover_parts_are_well_formed_and_reproducible() -> None:
    html = page(CONTENTS.format(extra=""))
    first = convert(html, options(toc_numbers="pages", toc_pages={"_h_2": 4})).data
    again = convert(html, options(toc_numbers="pages", toc_pages={"_h_2": 4})).data
    assert first == again
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        for name in package.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(package.read(name))  # well-formed
        xml = package.read("word/document.xml").decode()
    # plain DrawingML: the anchor needs no Word 2010 namespace (wp14, mc)
    anchor_xml = xml[xml.index("<wp:anchor"):xml.index("</wp:anchor>")]
    assert "wp14:" not in anchor_xml and "mc:" not in anchor_xml
