"""The evaluation of the previous masterplan (BAB II) and each program's indicator table
(BAB VI), rendered for real from the minimal example with a previous masterplan added, and
read back from the PDF (pypdf, pdftotext) and the DOCX (python-docx).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

pytestmark = pytest.mark.e2e

PREVIOUS = """\
previous_masterplan:
  title: "Masterplan Smart City Kabupaten Contoh 2018-2027"
  period: {start_year: 2018, end_year: 2027}
  regulation: "Peraturan Bupati Nomor 12 Tahun 2018"
  evaluation: |
    Program layanan publik berjalan baik; program infrastruktur tertinggal.
  programs:
    - {id: "A.1", name: "Perizinan Daring Tahap I", dimension: governance,
       planned: "Izin usaha daring", realisation: done, continued_as: GOV-01}
    - {id: "C.1", name: "Smart Kios", dimension: economy, planned: "Kios informasi desa",
       realisation: not_implemented, note: "Anggaran dialihkan"}
    - {id: "E.1", name: "Bank Sampah Daring", dimension: environment,
       realisation: stopped}
"""
GOV01_INDICATORS = ('              - {name: "Layanan perizinan daring", unit: "%",'
                    ' targets: {2030: 100}}\n')
GRADED = """\
              - {name: "Layanan perizinan daring", unit: "%", baseline: 20,
                 baseline_year: 2025, targets: {2026: 40, 2028: 70.5, 2030: 100, 2045: 100}}
              - {name: "Predikat SAKIP", unit: "predikat", scale: sakip, baseline: B,
                 baseline_year: 2025, targets: {2027: BB, 2030: A}}
"""
PROGRAMS_HEAD = ["Program", "Rencana", "Realisasi", "Keterangan", "Dilanjutkan sebagai"]


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory, e2e: Any) -> dict[str, Path]:
    """The minimal example as a second-generation masterplan, in PDF and DOCX."""
    text = e2e.minimal_text()
    text = e2e.replace_once(text, "\nreadiness:\n", "\n" + PREVIOUS + "readiness:\n")
    text = e2e.replace_once(text, GOV01_INDICATORS, GRADED)
    text = e2e.replace_once(text, 'horizon: "medium"\n            start_year: 2026\n'
                            '            end_year: 2030\n            indicators:\n'
                            '              - {name: "Layanan perizinan',
                            'horizon: "medium"\n            status: "continued"\n'
                            '            start_year: 2026\n            end_year: 2030\n'
                            '            indicators:\n              - {name: "Layanan perizinan')
    folder = tmp_path_factory.mktemp("previous")
    spec = folder / "masterplan.yaml"
    spec.write_text(text, encoding="utf-8")
    done = e2e.run_masterplan("render", spec, "-f", "pdf,docx", "--strict", "-o",
                              folder / "out")
    assert done.returncode == 0, done.stdout + done.stderr
    return {ext: next((folder / "out").glob(f"*-masterplan.{ext}")) for ext in ("pdf", "docx")}


def pdf_pages(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def test_the_pdf_evaluates_the_previous_masterplan_in_chapter_two(book: dict[str, Path]
                                                                  ) -> None:
    pages = pdf_pages(book["pdf"])
    whole = " ".join(pages)
    by_dimension = "Realisasi Program Masterplan 2018–2027 per Dimensi"
    by_program = "Rencana dan Realisasi Program Masterplan 2018–2027"
    # numbered in BAB II and listed in the list of tables (before BAB I)
    numbers = re.findall(r"Tabel (2\.\d+) " + re.escape(by_dimension), whole)
    assert len(numbers) == 2 and numbers[0] == numbers[1]
    assert len(re.findall(r"Tabel 2\.\d+ " + re.escape(by_program), whole)) == 2
    section = next(i for i, page in enumerate(pages)
                   if "Evaluasi Masterplan Sebelumnya" in page and "Ditetapkan dengan" in page)
    after = " ".join(pages[section:])
    # after the profile's three sections, before BAB III
    assert "2.4 Evaluasi Masterplan Sebelumnya" in pages[section]
    assert after.index("Evaluasi Masterplan Sebelumnya") < after.index("BAB III")
    assert "Peraturan Bupati Nomor 12 Tahun 2018" in after
    assert ("Dari 3 program yang direncanakan, 1 selesai, 1 tidak dilaksanakan dan 1"
            " dihentikan; 1 program dilanjutkan dalam masterplan ini.") in after
    assert re.search(r"A\.1 Perizinan Daring Tahap I Izin usaha daring Selesai - GOV-01"
                     r" Layanan Perizinan Daring", after)
    # the continued program names what it continues, in its facts in BAB VI
    assert "Lanjutan dari masterplan sebelumnya: A.1 Perizinan Daring Tahap I" in whole


def test_each_program_has_its_indicator_table_with_its_caption(book: dict[str, Path],
                                                               e2e: Any) -> None:
    pages = pdf_pages(book["pdf"])
    caption = "Indikator dan Target GOV-01 Layanan Perizinan Daring"
    listed, *placed = [i for i, page in enumerate(pages) if caption in page]
    assert len(placed) == 1 and listed < placed[0]
    page = pages[placed[0]]
    # the caption stands on the page of its table's rows, the years a column each, the
    # grades as the scale prints them, the 2045 target apart and explained
    row = re.search(r"Tabel 6\.\d+ " + caption + r" Indikator Satuan Baseline 2025 2026 2027"
                    r" 2028 2030 2045\* Layanan perizinan daring % 20,0 40,0 - 70,5 100,0"
                    r" 100,0 Predikat SAKIP predikat B - BB - A -", page)
    assert row, page
    assert "* Di luar periode masterplan 2026–2030" in page
    assert "Predikat SAKIP, dari yang terendah:" in page
    # every other program has its table too (one indicator each, one year column)
    assert len(re.findall(r"Tabel 6\.\d+ Indikator dan Target ", " ".join(pages))) == 2 * 18


def body_items(document: Any) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def table_after(items: list[Paragraph | Table], caption: str) -> Table:
    """The table right after the caption paragraph whose text contains `caption`."""
    for index, item in enumerate(items):
        if isinstance(item, Paragraph) and caption in item.text and (
                item.style is not None and item.style.name == "Caption"):
            following = items[index + 1]
            assert isinstance(following, Table), caption
            return following
    raise AssertionError(f"no caption {caption!r}")


def cells(row: Any) -> list[str]:
    return [" ".join(cell.text.split()) for cell in row.cells]


def test_the_docx_has_both_tables_after_their_captions(book: dict[str, Path]) -> None:
    items = body_items(Document(str(book["docx"])))
    programs = table_after(items, "Rencana dan Realisasi Program Masterplan 2018–2027")
    rows = [cells(row) for row in programs.rows]
    assert rows[0] == PROGRAMS_HEAD
    assert rows[1] == ["Smart Governance"] * 5  # a group row spans the table
    assert rows[2] == ["A.1 Perizinan Daring Tahap I", "Izin usaha daring", "Selesai", "-",
                       "GOV-01 Layanan Perizinan Daring"]
    assert ["C.1 Smart Kios", "Kios informasi desa", "Tidak dilaksanakan",
            "Anggaran dialihkan", "-"] in rows
    totals = table_after(items, "Realisasi Program Masterplan 2018–2027 per Dimensi")
    assert cells(totals.rows[-1]) == ["Jumlah", "3", "1", "0", "1", "1", "1"]
    indicators = table_after(items, "Indikator dan Target GOV-01 Layanan Perizinan Daring")
    assert [cells(row) for row in indicators.rows] == [
        ["Indikator", "Satuan", "Baseline 2025", "2026", "2027", "2028", "2030", "2045*"],
        ["Layanan perizinan daring", "%", "20,0", "40,0", "-", "70,5", "100,0", "100,0"],
        ["Predikat SAKIP", "predikat", "B", "-", "BB", "-", "A", "-"]]
