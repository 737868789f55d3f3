"""The bibliography and the spec's own annexes, rendered for real: PDF (pypdf), HTML, DOCX
(python-docx).

The minimal example gets two references (one cited with a page, one twice with another
source), and an annex with a captioned Markdown table. The citation must print author and
year and link to its entry in the DAFTAR PUSTAKA, a chapter without a number after BAB X,
listed in the contents; the annex must be "Lampiran C" after the two built-in ones, in the
contents, its table "Tabel C.1" in the list of tables; in the DOCX the same, with the
citation an internal hyperlink to the entry's bookmark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader

from generator.pipeline import render_spec
from generator.settings import RenderSettings

pytestmark = pytest.mark.e2e

MINIMAL = Path(__file__).resolve().parents[2] / "examples" / "minimal" / "masterplan.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
GEOGRAPHY = '    narrative: "Kabupaten Contoh adalah daerah rekaan untuk ilustrasi format spec."'
CITING = ('    narrative: "Kabupaten Contoh adalah daerah rekaan [@BPS-2025, hlm. 12]; lihat juga'
          ' [@rpjmd-2025; @bps-2025]."')
ADDED = """
references:
  - id: "rpjmd-2025"
    authors: ["Pemerintah Kabupaten Contoh"]
    year: 2025
    title: "Rencana Pembangunan Jangka Menengah Daerah 2025-2029"
    place: "Contoh"
  - id: "bps-2025"
    authors: ["Badan Pusat Statistik Kabupaten Contoh"]
    cite_as: "BPS Kabupaten Contoh"
    year: 2025
    title: "Kabupaten Contoh dalam Angka 2025"
    url: "https://contohkab.bps.go.id/"
    accessed: "2025-10-06"

annexes:
  - title: "Hasil Survei Kepuasan Layanan"
    content: |
      Survei dilakukan pada 2025 [@bps-2025].

      Tabel: Indeks kepuasan per layanan

      | Layanan | Indeks |
      |---|--:|
      | Perizinan daring | 3,4 |
      | Antrean puskesmas | 3,1 |
"""
CITATION = "(BPS Kabupaten Contoh, 2025, hlm. 12); lihat juga (Pemerintah Kabupaten Contoh," \
           " 2025; BPS Kabupaten Contoh, 2025)"
ENTRIES = ["Badan Pusat Statistik Kabupaten Contoh. (2025). Kabupaten Contoh dalam Angka 2025."
           " Diakses 6 Oktober 2025, dari https://contohkab.bps.go.id/",
           "Pemerintah Kabupaten Contoh. (2025). Rencana Pembangunan Jangka Menengah Daerah"
           " 2025-2029. Contoh."]
ANNEX = "Lampiran C Hasil Survei Kepuasan Layanan"
TABLE = "Tabel C.1 Indeks kepuasan per layanan"


@dataclass
class Book:
    pdf: PdfReader
    html: str
    docx: Any

    def pages_with(self, text: str) -> list[int]:
        return [number for number, page in enumerate(self.pdf.pages, 1)
                if text in flat(page.extract_text())]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Book:
    folder = tmp_path_factory.mktemp("bibliography")
    text = MINIMAL.read_text(encoding="utf-8")
    assert text.count(GEOGRAPHY) == 1
    spec = folder / "masterplan.yaml"
    spec.write_text(text.replace(GEOGRAPHY, CITING) + ADDED, encoding="utf-8")
    outdir = folder / "out"
    result = render_spec(spec, RenderSettings(formats=("pdf", "html", "docx"), outdir=outdir))
    assert result.warnings == []
    (pdf,) = outdir.glob("*.pdf")
    (html,) = outdir.glob("*.html")
    (word,) = outdir.glob("*.docx")
    return Book(PdfReader(pdf), html.read_text(encoding="utf-8"), docx.Document(str(word)))


def links_on(book: Book, page: int) -> list[str]:
    return [str(annotation.get_object().get("/Dest"))
            for annotation in book.pdf.pages[page - 1].get("/Annots") or []]


def listed(book: Book, e2e: Any, front: str) -> dict[str, int]:
    """Title → page of the contents (or a list) starting on the page headed `front`, read
    line by line (pypdf's plain text puts right-aligned numbers in a column apart)."""
    first = book.pages_with(front)[0]
    entries: dict[str, int] = {}
    for page in book.pdf.pages[first - 1:first + 2]:
        for line in e2e.page_lines(page):
            match = re.fullmatch(r"(.*\S) (\d+)", line)
            if match:
                entries[match[1]] = int(match[2])
    return entries


def page_of_destination(book: Book, name: str) -> int:
    return int(book.pdf.get_destination_page_number(book.pdf.named_destinations[name])) + 1


# --- PDF --------------------------------------------------------------------------------------

def test_a_citation_prints_author_and_year_and_links_to_its_entry(book: Book) -> None:
    (page,) = book.pages_with(CITATION)
    assert "pustaka-bps-2025" in links_on(book, page)
    assert "pustaka-rpjmd-2025" in links_on(book, page)
    (bibliography,) = book.pages_with("DAFTAR PUSTAKA")
    assert page_of_destination(book, "pustaka-bps-2025") == bibliography
    text = flat(book.pdf.pages[bibliography - 1].extract_text())
    # sorted by author: Badan… before Pemerintah…
    positions = [text.index(entry) for entry in ENTRIES]
    assert positions == sorted(positions)


def test_the_bibliography_follows_the_closing_chapter_and_is_in_the_contents(
        book: Book, e2e: Any) -> None:
    (closing,) = [p for p in book.pages_with("BAB X") if p > 4]
    (bibliography,) = book.pages_with("DAFTAR PUSTAKA")
    (matrix,) = [p for p in book.pages_with("LAMPIRAN A") if p > 4]
    assert closing < bibliography < matrix
    assert listed(book, e2e, "DAFTAR ISI")["Daftar Pustaka"] == bibliography


def test_the_annex_is_numbered_after_the_built_in_ones_and_its_table_listed(
        book: Book, e2e: Any) -> None:
    annex = page_of_destination(book, "lampiran-1")
    assert listed(book, e2e, "DAFTAR ISI")[ANNEX] == annex
    assert "LAMPIRAN C" in flat(book.pdf.pages[annex - 1].extract_text())
    listing, page = book.pages_with(TABLE)  # the list of tables (on its second page), then
    assert listing < book.pages_with("DAFTAR ISI")[-1] + 4 < page  # the table itself
    assert page == annex == page_of_destination(book, "tabel-C-1")
    assert listed(book, e2e, "DAFTAR TABEL")[TABLE] == page


def test_the_html_links_citations_to_entries_and_urls_are_plain_links(book: Book) -> None:
    assert '<a class="cite" href="#pustaka-bps-2025">BPS Kabupaten Contoh, 2025, hlm. 12</a>' \
        in book.html
    assert re.search(r'<p class="reference" id="pustaka-bps-2025">.*<a href='
                     r'"https://contohkab.bps.go.id/">', book.html)
    assert '<h1 id="daftar-pustaka">Daftar Pustaka</h1>' in book.html


# --- DOCX -------------------------------------------------------------------------------------

def test_the_docx_has_the_bibliography_with_linked_citations(book: Book) -> None:
    paragraphs = book.docx.paragraphs
    (heading,) = [p for p in paragraphs
                  if p.style.name == "Heading 1" and p.text == "Daftar Pustaka"]
    assert heading._p.xpath("string(.//w:numPr/w:numId/@w:val)") in ("", "0")
    entries = [p for p in paragraphs if p.style.name == "Bibliography"]
    assert [flat(p.text) for p in entries] == ENTRIES
    marks = {str(b.get(W + "name")) for p in entries for b in p._p.iter(W + "bookmarkStart")}
    citing = next(p for p in paragraphs if "hlm. 12" in p.text)
    assert CITATION in flat(citing.text)
    anchors = {str(link.get(W + "anchor")) for link in citing._p.iter(W + "hyperlink")}
    assert len(anchors) == 2 and anchors <= marks
    # each entry with its page number (LibreOffice laid the document out: --docx-toc pages)
    toc = [re.sub(r" \d+$", "", flat(p.text)) for p in paragraphs
           if p.style.name.startswith("TOC ")]
    assert "Daftar Pustaka" in toc and ANNEX in toc


def test_the_docx_annex_table_has_its_caption_and_list_entry(book: Book) -> None:
    paragraphs = book.docx.paragraphs
    (annex,) = [p for p in paragraphs if p.style.name == "Heading 1"
                and p.text.strip() == "Hasil Survei Kepuasan Layanan"]
    (caption,) = [p for p in paragraphs if p.style.name == "Caption" and p.text == TABLE]
    assert caption._p.getnext().tag == W + "tbl"
    assert paragraphs.index(annex) < paragraphs.index(caption)
    assert [p for p in paragraphs
            if p.style.name == "Table of Figures" and p.text.startswith(TABLE)]


def test_a_document_without_a_bibliography_prints_its_citations_as_text(
        tmp_path: Path) -> None:
    """The readiness booklet has no DAFTAR PUSTAKA: a citation in a readiness narrative
    prints author and year there, not a link to nowhere; the book links the same one."""
    text = MINIMAL.read_text(encoding="utf-8")
    budget = 'narrative: "Anggaran TIK dialokasikan setiap tahun."'
    assert text.count(budget) == 1
    spec = tmp_path / "masterplan.yaml"
    spec.write_text(text.replace(GEOGRAPHY, CITING).replace(
        budget, 'narrative: "Anggaran TIK dialokasikan setiap tahun [@rpjmd-2025]."') + ADDED,
        encoding="utf-8")
    render_spec(spec, RenderSettings(documents=("readiness", "masterplan"), formats=("html",),
                                     outdir=tmp_path / "out"))
    (booklet,) = (tmp_path / "out").glob("*-readiness.html")
    (book,) = (tmp_path / "out").glob("*-masterplan.html")
    cited = "setiap tahun (Pemerintah Kabupaten Contoh, 2025)."
    assert cited in booklet.read_text("utf-8")
    assert 'class="cite"' not in booklet.read_text("utf-8")
    linked = re.search(r'<a [^>]*href="#([^"]+)"[^>]*>Pemerintah Kabupaten Contoh, 2025</a>',
                       book.read_text("utf-8"))
    assert linked is not None and f'id="{linked[1]}"' in book.read_text("utf-8")
