"""The approval page (lembar pengesahan) of the complete example (Banyuwangi), rendered for
real: in the PDF (pdftotext, the outline) right after the cover and before the foreword, in
the HTML, in the DOCX read back with python-docx (a page of its own, the signature grid a
table without borders) and in that DOCX as LibreOffice lays it out; and no page at all for a
spec without an `approval` section.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import docx
import lxml.html
import pytest
from conftest import EXAMPLE, MINIMAL, outline_entries, page_words, run_masterplan
from docx.document import Document
from docx.table import Table
from pypdf import PdfReader

from generator.render.docx.ooxml import W

pytestmark = pytest.mark.e2e

NAMES = ("Ir. Sri Wahyuni Lestari, M.T.", "Dr. Ahmad Fauzi Rahman, M.Si.", "Ipuk Fiestiandani")
BLANK_NUMBER = "Nomor .................... Tahun 2025"
LIBREOFFICE_TIMEOUT = 300


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("approval")
    done = run_masterplan("render", EXAMPLE, "-f", "pdf,html,docx", "-o", folder)
    assert done.returncode == 0, done.stderr
    return folder


def output(folder: Path, ext: str) -> Path:
    found = sorted(folder.glob(f"*-masterplan.{ext}"))
    assert len(found) == 1, found
    return found[0]


def pdf_pages(path: Path) -> list[str]:
    """The text of every page, as pdftotext reads it."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    count = len(PdfReader(path).pages)
    return [subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"],
                           capture_output=True, text=True, check=True, timeout=60).stdout
            for number in range(1, count + 1)]


def first_page_with(pages: list[str], text: str) -> int:
    """The 1-based number of the first page containing `text`."""
    return next(number for number, page in enumerate(pages, 1) if text in page)


def test_the_pdf_prints_the_approval_page_between_cover_and_foreword(outdir: Path) -> None:
    path = output(outdir, "pdf")
    pages = pdf_pages(path)
    approval = first_page_with(pages, "LEMBAR PENGESAHAN")
    assert approval == 2  # right after the cover
    assert first_page_with(pages, "KATA PENGANTAR") == approval + 1
    page = " ".join(pages[approval - 1].split())
    for text in (*NAMES, "MASTERPLAN SMART CITY KABUPATEN BANYUWANGI", "TAHUN 2026–2035",
                 "Peraturan Bupati Banyuwangi", BLANK_NUMBER, "NIP. 19700412 199503 1 007",
                 "Ditetapkan di Banyuwangi", "pada tanggal .................... 2025",
                 "tempat cap"):
        assert text in page
    titles = [(title, number) for depth, title, number in outline_entries(PdfReader(path))
              if depth == 0]
    assert titles[:2] == [("Lembar Pengesahan", 2), ("Kata Pengantar", 3)]


def test_the_html_has_the_page_before_the_foreword(outdir: Path) -> None:
    root = lxml.html.parse(str(output(outdir, "html"))).getroot()
    sections = root.xpath("//section[contains(@class, 'front')]")
    assert "approval" in sections[0].get("class").split()
    assert sections[1].xpath(".//h1/@id") == ["kata-pengantar"]
    grid = sections[0].xpath(".//table[contains(@class, 'signatures')]")[0]
    rows = grid.xpath(".//tr")
    # a row per part of a block: labels, positions, names; place and date, position, name
    assert [row.get("class") for row in rows] == [
        "sign-label sign-top", "sign-role", "sign-name", "sign-where", "sign-role", "sign-name"]
    assert [len(row.xpath("td")) for row in rows] == [2, 2, 2, 1, 1, 1]
    assert rows[5].xpath("td/@colspan") == ["2"]
    assert [" ".join(u.text_content().split()) for u in grid.xpath(".//u")] == list(NAMES)
    assert len(grid.xpath(".//div[contains(@class, 'seal')]")) == 1


def docx_document(outdir: Path) -> Document:
    return docx.Document(str(output(outdir, "docx")))


def test_the_docx_has_the_page_and_a_signature_grid_without_borders(outdir: Path) -> None:
    document = docx_document(outdir)
    titles = [p for p in document.paragraphs if p.style is not None
              and p.style.name == "TOC Heading"]
    assert [p.text for p in titles[:2]] == ["Lembar Pengesahan", "Kata Pengantar"]
    body = document.element.body
    approval, foreword = (titles[0]._p, titles[1]._p)
    # the approval page opens the section after the cover; the foreword starts a new page
    previous = approval.getprevious()
    assert previous.find(f"{W}pPr/{W}sectPr") is not None
    assert foreword.find(f"{W}pPr/{W}pageBreakBefore") is not None
    grid = Table(next(t for t in body.iterchildren(f"{W}tbl")
                      if list(body).index(approval) < list(body).index(t)
                      < list(body).index(foreword)), document)
    assert grid.style is not None and grid.style.name == "Signature Table"
    assert grid.style.element.find(f"{W}tblPr/{W}tblBorders") is None
    assert grid._tbl.find(f"{W}tblPr/{W}tblBorders") is None
    text = "\n".join(cell.text for row in grid.rows for cell in row.cells)
    for name in NAMES:
        assert name in text
    assert all(row._tr.find(f"{W}trPr/{W}cantSplit") is not None for row in grid.rows)
    assert grid.rows[-1]._tr.find(f".//{W}gridSpan").get(f"{W}val") == "2"
    underlined = [run.text for row in grid.rows for cell in row.cells
                  for paragraph in cell.paragraphs for run in paragraph.runs
                  if run.underline]
    assert list(dict.fromkeys(underlined)) == list(NAMES)


def tops(pdf: Path, page: int, *words: str) -> list[float]:
    """The top (pt) of the first occurrence of each of `words` on `page` (1-based)."""
    found = page_words(pdf)[page - 1][2]
    return [round(next(word[1] for word in found if word[4] == text), 1) for text in words]


def assert_aligned(pdf: Path) -> None:
    """The labels of a row of blocks on one line, though the first block's position wraps
    onto two lines and the second's does not; their signatures (the names) aligned."""
    page = 2
    label_left, label_right = tops(pdf, page, "Disusun", "Mengetahui,")
    assert label_left == label_right
    role_left, role_right = tops(pdf, page, "Kepala", "Sekretaris")
    assert role_left == role_right
    name_left, name_right = tops(pdf, page, "Ir.", "Dr.")
    assert name_left == name_right


def test_the_labels_stand_on_one_line_and_the_signatures_align(outdir: Path) -> None:
    assert_aligned(output(outdir, "pdf"))
    grid = next(t for t in docx_document(outdir).tables
                if t.style is not None and t.style.name == "Signature Table")
    rows = [[cell.text for cell in row.cells] for row in grid.rows]
    assert rows[0] == ["Disusun oleh,", "Mengetahui,"]  # a row of labels, nothing else
    assert rows[1] == ["Kepala Badan Perencanaan Pembangunan Daerah Kabupaten Banyuwangi,",
                       "Sekretaris Daerah Kabupaten Banyuwangi,"]
    assert [text.split("\n")[1] for text in rows[2]] == list(NAMES[:2])


def test_a_spec_without_an_approval_section_has_no_page(tmp_path: Path) -> None:
    done = run_masterplan("render", MINIMAL, "-f", "html", "-o", tmp_path)
    assert done.returncode == 0, done.stderr
    html = output(tmp_path, "html").read_text(encoding="utf-8")
    assert 'class="front approval"' not in html and "Lembar Pengesahan" not in html


@pytest.mark.libreoffice
def test_libreoffice_lays_the_docx_page_out_before_the_foreword(outdir: Path,
                                                                tmp_path: Path) -> None:
    executable = shutil.which("soffice") or shutil.which("libreoffice")
    if executable is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    command = [executable, "--headless", "--norestore", "--nologo", "--nodefault",
               f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
               "--convert-to", "pdf", "--outdir", str(tmp_path), str(output(outdir, "docx"))]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        process.communicate(timeout=LIBREOFFICE_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # soffice.bin is a grandchild
        process.communicate()
        pytest.fail(f"LibreOffice took more than {LIBREOFFICE_TIMEOUT} s")
    pages = pdf_pages(output(tmp_path, "pdf"))
    approval = first_page_with(pages, "LEMBAR PENGESAHAN")
    assert approval == 2
    page = " ".join(pages[approval - 1].split())
    assert all(name in page for name in NAMES)  # the whole grid on the page
    assert BLANK_NUMBER in page
    assert first_page_with(pages, "KATA PENGANTAR") == approval + 1
    assert_aligned(output(tmp_path, "pdf"))
