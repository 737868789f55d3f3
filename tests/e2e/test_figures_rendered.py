"""Pictures and tables of the spec, rendered for real: PDF (pypdf), DOCX (python-docx), HTML.

A spec made from the minimal example gets a map (a figure field), a picture standing alone
in the geography narrative, a captioned and an uncaptioned Markdown table, and (where
librsvg is installed) an SVG organisation chart. Each picture must be an image on the page
of its caption, numbered in document order and listed with the page it is on; in the DOCX a
real picture with its alt text, its caption bookmarked and listed with a PAGEREF.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from helpers import minimal_without_legal_text, run_cli
from PIL import Image
from pypdf import PdfReader

from generator.pipeline import render_spec
from generator.settings import RenderSettings
from generator.spec import svg

pytestmark = pytest.mark.e2e

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
GEOGRAPHY = '    narrative: "Kabupaten Contoh adalah daerah rekaan untuk ilustrasi format spec."'
NARRATIVE = """\
Kabupaten Contoh adalah daerah rekaan.

![Alur layanan perizinan](gambar/alur.png "Diagram alur: pemohon, verifikasi, terbit")

Tabel: Luas kecamatan

| Kecamatan | Luas (km²) |
|---|--:|
| Kota | 12,5 |
| Pesisir | 40,1 |

Sesudah tabel pertama.

| Tahun | Penduduk |
|---|--:|
| 2024 | 100.000 |
"""
MAP_ALT = "Peta wilayah dengan tiga kecamatan"
PICTURE_ALT = "Diagram alur: pemohon, verifikasi, terbit"
CHART_ALT = "Bagan dewan dan tim pelaksana"
# distinctive pixel sizes: the PDF's image XObjects are recognised by them
MAP_SIZE, PICTURE_SIZE = (321, 241), (401, 301)


def picture(size: tuple[int, int], colour: str, kind: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=kind)
    return out.getvalue()


ORGANISATION_CHART = (b'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150">'
                      b'<rect x="10" y="10" width="280" height="130" fill="#548235"/>'
                      b'<text x="150" y="80" text-anchor="middle" fill="white">Dewan</text>'
                      b"</svg>")


@dataclass
class Figures:
    folder: Path
    pdf: PdfReader
    html: str
    docx: Any
    with_svg: bool

    def pdf_pages_with(self, text: str) -> list[int]:
        """1-based numbers of the pages whose text has `text` (white space normalised)."""
        return [number for number, page in enumerate(self.pdf.pages, 1)
                if text in " ".join(page.extract_text().split())]


def spec_text(with_svg: bool) -> str:
    text = minimal_without_legal_text()  # its own `governance`, the chart alone
    body = "".join(f"      {line}\n" if line else "\n" for line in NARRATIVE.splitlines())
    assert text.count(GEOGRAPHY) == 1
    text = text.replace(GEOGRAPHY, "    narrative: |\n" + body.rstrip("\n"))
    text = text.replace("\nreadiness:\n", f'''  map:
    file: "peta.jpg"
    caption: "Peta wilayah Kabupaten Contoh"
    alt: "{MAP_ALT}"
    source: "Bappeda Kabupaten Contoh"

readiness:
''', 1)
    if with_svg:
        text += f'''
governance:
  organisation_chart:
    file: "bagan.svg"
    caption: "Bagan organisasi"
    alt: "{CHART_ALT}"
'''
    return text


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> Figures:
    folder = tmp_path_factory.mktemp("figures")
    spec = folder / "spec" / "masterplan.yaml"
    (spec.parent / "gambar").mkdir(parents=True)
    with_svg = svg.available()
    spec.write_text(spec_text(with_svg), encoding="utf-8")
    (spec.parent / "gambar" / "alur.png").write_bytes(picture(PICTURE_SIZE, "#1f4e79"))
    (spec.parent / "peta.jpg").write_bytes(picture(MAP_SIZE, "#548235", "JPEG"))
    (spec.parent / "bagan.svg").write_bytes(ORGANISATION_CHART)
    outdir = folder / "out"
    result = render_spec(spec, RenderSettings(formats=("pdf", "html", "docx"), outdir=outdir))
    assert result.warnings == []
    (pdf,) = outdir.glob("*.pdf")
    (html,) = outdir.glob("*.html")
    (word,) = outdir.glob("*.docx")
    return Figures(spec.parent, PdfReader(pdf), html.read_text(encoding="utf-8"),
                   docx.Document(str(word)), with_svg)


# --- PDF --------------------------------------------------------------------------------------

def assert_listed(figures: Figures, anchor: str, listing: int, page: int) -> None:
    """The list on page `listing` links to `anchor`, the named destination on `page` (the
    page number the list prints is the target-counter of the same link)."""
    assert figures.pdf.get_destination_page_number(
        figures.pdf.named_destinations[anchor]) == page - 1
    links = [annotation.get_object().get("/Dest")
             for annotation in figures.pdf.pages[listing - 1].get("/Annots") or []]
    assert anchor in links, links


@pytest.mark.parametrize(("caption", "size"), [
    ("Gambar 2.1 Peta wilayah Kabupaten Contoh", MAP_SIZE),
    ("Gambar 2.2 Alur layanan perizinan", PICTURE_SIZE),
])
def test_a_picture_is_an_image_on_the_page_of_its_caption_and_listed(
        figures: Figures, caption: str, size: tuple[int, int], e2e: Any) -> None:
    anchor = "gambar-" + caption.split()[1].replace(".", "-")
    pages = figures.pdf_pages_with(caption)
    assert len(pages) == 2, pages  # the list of figures, then the picture's own page
    listing, page = pages
    assert "DAFTAR GAMBAR" in figures.pdf.pages[listing - 1].extract_text()
    assert size in e2e.drawn_images(figures.pdf.pages[page - 1])
    assert size not in e2e.drawn_images(figures.pdf.pages[listing - 1])
    assert_listed(figures, anchor, listing, page)


def test_the_source_of_a_figure_field_is_printed_under_its_caption(figures: Figures) -> None:
    (_, page) = figures.pdf_pages_with("Gambar 2.1 Peta wilayah Kabupaten Contoh")
    text = " ".join(figures.pdf.pages[page - 1].extract_text().split())
    assert "Gambar 2.1 Peta wilayah Kabupaten Contoh Sumber: Bappeda Kabupaten Contoh" in text


@pytest.mark.parametrize("caption", ["Tabel 2.1 Luas kecamatan",
                                     "Tabel 2.2 Kondisi Geografis"])
def test_a_markdown_table_is_numbered_and_listed(figures: Figures, caption: str) -> None:
    pages = figures.pdf_pages_with(caption)
    assert len(pages) == 2, pages
    assert "DAFTAR TABEL" in figures.pdf.pages[pages[0] - 1].extract_text()
    assert_listed(figures, "tabel-" + caption.split()[1].replace(".", "-"), *pages)


def test_the_table_caption_paragraph_is_not_printed_as_text(figures: Figures) -> None:
    text = " ".join(" ".join(p.extract_text() for p in figures.pdf.pages).split())
    assert "Tabel: Luas" not in text
    assert "Kota 12,5 Pesisir 40,1" in text


def test_the_svg_chart_is_drawn_and_listed(figures: Figures, e2e: Any) -> None:
    if not figures.with_svg:
        pytest.skip("librsvg is not installed")
    listing, page = figures.pdf_pages_with("Gambar 9.1 Bagan organisasi")
    sizes = e2e.drawn_images(figures.pdf.pages[page - 1])
    assert (svg.RASTER_SIDE, svg.RASTER_SIDE // 2) in sizes
    assert_listed(figures, "gambar-9-1", listing, page)


# --- HTML -------------------------------------------------------------------------------------

def test_the_html_has_only_inlined_pictures_with_alt_text(figures: Figures) -> None:
    pictures = re.findall(r'<figure class="picture" id="([^"]+)">\s*<img src="([^"]+)" '
                          r'alt="([^"]*)"', figures.html)
    assert [(anchor, alt) for anchor, _src, alt in pictures][:2] == [
        ("gambar-2-1", MAP_ALT), ("gambar-2-2", PICTURE_ALT)]
    assert all(src.startswith(("data:image/png;base64,", "data:image/jpeg;base64,"))
               for _anchor, src, _alt in pictures)
    assert "gambar/alur.png" not in figures.html and "peta.jpg" not in figures.html


# --- DOCX -------------------------------------------------------------------------------------

def docx_picture(figures: Figures, alt: str) -> tuple[Any, bytes]:
    """The paragraph holding the inline picture described `alt`, and the picture's bytes."""
    for paragraph in figures.docx.paragraphs:
        for inline in paragraph._p.iter("{http://schemas.openxmlformats.org/drawingml/2006/"
                                        "wordprocessingDrawing}inline"):
            if inline.docPr.get("descr") == alt:
                rel = next(inline.iter(A + "blip")).get(R + "embed")
                return paragraph, figures.docx.part.related_parts[rel].blob
    raise AssertionError(f"no picture described {alt!r}")


def following(paragraph: Any) -> Any:
    element = paragraph._p.getnext()
    assert element is not None and element.tag == W + "p"
    return docx.text.paragraph.Paragraph(element, paragraph._parent)


def bookmark(paragraph: Any) -> str:
    (name,) = [b.get(W + "name") for b in paragraph._p.iter(W + "bookmarkStart")]
    return str(name)


@pytest.mark.parametrize(("alt", "caption", "size"), [
    (MAP_ALT, "Gambar 2.1 Peta wilayah Kabupaten Contoh", MAP_SIZE),
    (PICTURE_ALT, "Gambar 2.2 Alur layanan perizinan", PICTURE_SIZE),
])
def test_a_docx_picture_has_its_alt_text_caption_and_list_entry(
        figures: Figures, alt: str, caption: str, size: tuple[int, int]) -> None:
    paragraph, data = docx_picture(figures, alt)
    assert paragraph.style.name == "Figure"
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == size
    below = following(paragraph)
    assert below.style.name == "Caption" and below.text.startswith(caption)
    mark = bookmark(below)
    entries = [p for p in figures.docx.paragraphs
               if p.style.name == "Table of Figures" and p.text.startswith(caption)]
    assert len(entries) == 1
    assert f"PAGEREF {mark} " in entries[0]._p.xml
    assert f'w:anchor="{mark}"' in entries[0]._p.xml


def test_a_docx_markdown_table_has_its_numbered_caption_and_list_entry(
        figures: Figures) -> None:
    caption = "Tabel 2.1 Luas kecamatan"
    (paragraph,) = [p for p in figures.docx.paragraphs
                    if p.style.name == "Caption" and p.text == caption]
    assert paragraph._p.getnext().tag == W + "tbl"
    entries = [p for p in figures.docx.paragraphs
               if p.style.name == "Table of Figures" and p.text.startswith(caption)]
    assert len(entries) == 1 and f"PAGEREF {bookmark(paragraph)} " in entries[0]._p.xml


# --- refusals ---------------------------------------------------------------------------------

def test_pictures_that_are_urls_or_outside_fail_render_with_positions(tmp_path: Path) -> None:
    """What a narrative named as a picture before (dropped silently, printed as its alt
    text) now stops the render, each at its own line, and nothing is written."""
    lines = ["Gambar berikut.", "", "![a](file:///etc/passwd)", "",
             "![b](http://example.com/x.png)", "", "![c](../luar.png)", "",
             "Di kalimat ![d](logo.png) ini."]
    text = spec_text(with_svg=False).replace('    file: "peta.jpg"', '    file: "peta.png"')
    text = text.replace("      Kabupaten Contoh adalah daerah rekaan.\n",
                        "".join(f"      {line}\n" if line else "\n" for line in lines), 1)
    folder = tmp_path / "spec"
    (folder / "gambar").mkdir(parents=True)
    spec = folder / "masterplan.yaml"
    spec.write_text(text, encoding="utf-8")
    (folder / "gambar" / "alur.png").write_bytes(picture(PICTURE_SIZE, "#1f4e79"))
    (folder / "logo.png").write_bytes(picture((10, 10), "white"))
    (tmp_path / "luar.png").write_bytes(picture((10, 10), "white"))
    outdir = tmp_path / "out"
    result = run_cli("render", spec, "-f", "pdf,html,docx", "-o", outdir)
    assert result.exit_code == 1, result.output
    assert not outdir.exists() or list(outdir.iterdir()) == []

    def at(needle: str) -> str:
        index = text.index(needle)
        line = text.count("\n", 0, index) + 1
        return f"{spec}:{line}:{index - text.rfind(chr(10), 0, index)}: error: "

    got = result.stderr.splitlines()
    expected = [(at("![a]"), "`file:///etc/passwd` adalah alamat web"),
                (at("![b]"), "`http://example.com/x.png` adalah alamat web"),
                (at("![c]"), "`../luar.png` berada di luar folder spec"),
                (at("![d]"), "`logo.png` harus berdiri sendiri"),
                (at('"peta.png"'), "`peta.png` tidak ditemukan")]
    for prefix, says in expected:
        assert any(line.startswith(prefix) and says in line for line in got), (prefix, got)
