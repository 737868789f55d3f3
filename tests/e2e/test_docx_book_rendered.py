"""The DOCX as submitted, end to end with LibreOffice: `masterplan render -f docx` on the
complete example writes the page numbers of the contents as LibreOffice lays the book out
(a human opening the file in LibreOffice sees each heading on the page its entry names),
the contents list the levels the HTML and PDF list, updating them changes no page, and
the cover is a full blue page with white text (page 1 as PNG, pixels sampled).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import lxml.html
import pytest
from PIL import Image
from pypdf import PdfReader
from test_docx import UPDATE_MACRO, masterplan, soffice

from generator.render.docx import libreoffice as lo
from generator.render.docx.ooxml import W

pytestmark = [pytest.mark.e2e, pytest.mark.libreoffice]

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "kabupaten-banyuwangi" / "masterplan.yaml"
COVER = (0x1F, 0x4E, 0x79)


@dataclass
class Book:
    docx: Path
    html: Path
    weasyprint: Path  # the PDF of the same render
    stderr: str
    pdf: Path  # the DOCX as LibreOffice opens it, bookmarks as named destinations
    updated: Path  # the same after updating every index and field


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Book:
    if lo.executable() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    base = tmp_path_factory.mktemp("docx-book")
    done = masterplan("render", EXAMPLE, "-f", "pdf,html,docx", "-o", base / "out")
    assert done.returncode == 0, done.stderr
    source = next((base / "out").glob("*-masterplan.docx"))
    profile, pdfs = base / "profile", base / "pdf"
    soffice(["--convert-to", lo.PDF_FILTER, "--outdir", str(pdfs), str(source)], profile)
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    module.write_text(UPDATE_MACRO, encoding="utf-8")
    updated = pdfs / "updated.pdf"
    soffice([f"macro:///Standard.Module1.UpdateAndExport({source},{updated})"], profile)
    out = base / "out"
    return Book(source, next(out.glob("*-masterplan.html")), next(out.glob("*-masterplan.pdf")),
                done.stderr, pdfs / f"{source.stem}.pdf", updated)


def toc_entries(path: Path) -> list[tuple[str, str, int]]:
    """(bookmark, title, page) of every entry of the DOCX's contents, as written."""
    entries = []
    for p in docx.Document(str(path)).paragraphs:
        if p.style.name in ("TOC 1", "TOC 2", "TOC 3"):
            link = p._p.find(W + "hyperlink")
            title, _, number = p.text.rpartition("\t")
            entries.append((link.get(W + "anchor"), title, int(number)))
    return entries


def page_text(reader: PdfReader, number: int) -> str:
    return " ".join(reader.pages[number - 1].extract_text().split())


def test_the_render_needs_no_note_when_libreoffice_is_there(book: Book) -> None:
    assert "docx.toc" not in book.stderr and "daftar isi DOCX" not in book.stderr


def test_every_entry_names_the_page_libreoffice_shows_its_heading_on(book: Book) -> None:
    reader = PdfReader(book.pdf)
    found = {str(k).lstrip("/"): reader.get_destination_page_number(v) + 1
             for k, v in reader.named_destinations.items()}
    entries = toc_entries(book.docx)
    assert len(entries) > 40
    contents = " ".join(page_text(reader, n) for n in range(2, 7))
    for bookmark, title, number in entries:
        # where the heading is when LibreOffice opens the file
        assert lo.page_of(found, bookmark) == number, (title, number)
        # what the reader sees: the entry printed with that number, the heading on that page
        assert re.search(re.escape(title) + r"\s*" + str(number) + r"\b", contents), title
        heading = title if not title.startswith("BAB ") else title.split(" ", 2)[2]
        assert heading.casefold() in page_text(reader, number).casefold(), (title, number)


def test_the_contents_list_the_levels_of_the_html_and_pdf(book: Book) -> None:
    document = docx.Document(str(book.docx))
    field = next(i.text.strip() for i in document.element.body.iter(W + "instrText"))
    assert field.startswith('TOC \\o "1-2"')
    html = lxml.html.parse(str(book.html)).getroot()
    items = list(html.iterfind(".//nav[@class='toc']//li"))
    listed = [" ".join(li.text_content().split()) for li in items]
    assert {li.get("class") for li in items} == {"toc-1", "toc-2"}
    assert [title for _, title, _ in toc_entries(book.docx)] == listed


def test_the_docx_contents_are_the_pdf_contents(book: Book) -> None:
    reader = PdfReader(book.weasyprint)
    contents = " ".join(page_text(reader, n) for n in range(2, 7))
    start = contents.index("DAFTAR ISI") if "DAFTAR ISI" in contents else 0
    contents = contents[start:contents.find("DAFTAR TABEL", start)]
    entries = toc_entries(book.docx)
    for _, title, _ in entries:
        assert title in contents, title
    # and nothing more: as many numbered entries as the DOCX has, no third level
    # (the bibliography's entry has no number)
    assert len(re.findall(r"\b(?:\d+\.\d+|BAB [IVX]+|Lampiran [A-Z]|Daftar Pustaka) ",
                          contents)) == len(entries)


def test_updating_the_contents_changes_no_page(book: Book) -> None:
    # As Word does on opening (updateFields): the rebuilt contents have the same entries,
    # so the book keeps its length and every heading its page.
    written, updated = PdfReader(book.pdf), PdfReader(book.updated)
    assert len(updated.pages) == len(written.pages)
    text = " ".join(page_text(updated, n) for n in range(2, 7))
    assert "3.2.1" not in text  # no third level
    for _, title, number in toc_entries(book.docx)[:12]:
        assert re.search(re.escape(title) + r"[\s.]*" + str(number) + r"\b", text), title


def cover_pixels(pdf: Path, page: int, folder: Path) -> Any:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler) is not installed")
    stem = folder / f"page-{page}"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", "-f", str(page), "-l",
                    str(page), str(pdf), str(stem)], check=True, timeout=60)
    return Image.open(f"{stem}.png").convert("RGB")


def near(pixel: tuple[int, ...], colour: tuple[int, ...], tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def test_the_cover_is_a_full_blue_page_with_white_text(book: Book, tmp_path: Path) -> None:
    with cover_pixels(book.pdf, 1, tmp_path) as image:
        width, height = image.size
        # the corners and edges: full bleed, no white margin
        for x, y in [(1, 1), (width - 2, 1), (1, height - 2), (width - 2, height - 2),
                     (width // 2, 2), (width // 2, height - 3), (2, height // 2)]:
            assert near(image.getpixel((x, y)), COVER), (x, y, image.getpixel((x, y)))
        pixels = [image.getpixel((x, y)) for x in range(width) for y in range(height)]
        blue = sum(near(p, COVER) for p in pixels) / len(pixels)
        white = sum(min(p) > 230 for p in pixels)
        assert blue > 0.85, blue
        assert white > 200  # the title, white on the blue page
    with cover_pixels(book.pdf, 2, tmp_path) as image:  # and only the cover
        assert min(image.getpixel((2, 2))) > 240
