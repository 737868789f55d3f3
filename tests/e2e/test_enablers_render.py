"""The enablers chapter, their lanes on the roadmap and lines in the funding, and the risk
register, rendered for real from the minimal example with both sections added, and read back
from the PDF (pypdf) and the DOCX (python-docx).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from helpers import minimal_without_legal_text
from test_previous_plan_render import body_items, cells, pdf_pages, table_after

pytestmark = pytest.mark.e2e

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ENABLERS = """\
enablers:
  regulation:
    - {id: "REG-01", name: "Peraturan Bupati tentang Masterplan", lead_opd: "Bagian Hukum",
       status: "missing", start_year: 2026, end_year: 2026,
       output: "Perbup ditetapkan", budget: [{year: 2026, amount: 100000000, source: "APBD"}]}
    - {id: "REG-02", name: "Forum Smart City", lead_opd: "Diskominfo", status: "partial",
       start_year: 2026, end_year: 2030, meeting_months: [3, 6, 9, 12],
       indicators: [{name: "Pertemuan forum", unit: "kali", baseline: 0, baseline_year: 2025,
                     targets: {2026: 4, 2030: 4}}]}
  infrastructure:
    - {id: "TIK-01", name: "Pusat Data Daerah", lead_opd: "Diskominfo", start_year: 2027,
       end_year: 2028, budget: [{year: 2027, amount: 2000000000, source: "DAK"}]}
  people:
    - {id: "SDM-01", name: "Rencana Aksi Pengembangan SDM", lead_opd: "BKPSDM",
       start_year: 2026, end_year: 2027,
       budget: [{year: 2026, amount: 250000000, source: "APBD"}]}
"""
RISKS = """\
governance:
  risks:
    - {id: "RSK-01", risk: "APBD smart city di bawah rencana", likelihood: 4, impact: 3,
       mitigation: "Masuk RKPD sejak 2026", owner_opd: "Bappeda", links: ["GOV-01", "TIK-01"]}
    - {id: "RSK-02", risk: "Vendor tunggal", likelihood: 1, impact: 2,
       mitigation: "Standar terbuka", owner_opd: "Diskominfo", links: ["TIK-01"]}
"""


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory, e2e: Any) -> dict[str, Path]:
    """The minimal example (without its council and team) with enablers and a risk
    register, in PDF and DOCX."""
    text = minimal_without_legal_text()
    text = e2e.replace_once(text, "\nquick_wins:", "\n" + ENABLERS + "quick_wins:")
    text = text.rstrip("\n") + "\n" + RISKS
    folder = tmp_path_factory.mktemp("enablers")
    spec = folder / "masterplan.yaml"
    spec.write_text(text, encoding="utf-8")
    done = e2e.run_masterplan("render", spec, "-f", "pdf,docx", "--strict", "-o",
                              folder / "out")
    assert done.returncode == 0, done.stdout + done.stderr
    return {ext: next((folder / "out").glob(f"*-masterplan.{ext}")) for ext in ("pdf", "docx")}


def test_the_pdf_plans_the_enablers_in_a_chapter_after_the_programs(book: dict[str, Path]
                                                                    ) -> None:
    pages = pdf_pages(book["pdf"])
    whole = " ".join(pages)
    start = next(i for i, page in enumerate(pages) if "BAB VII FAKTOR PENDUKUNG SMART CITY"
                 in page and "Tabel 7.1 Daftar Faktor Pendukung" in page)
    chapter = " ".join(pages[start:])
    # after the programs (VI), before the roadmap, which is now VIII
    assert "BAB VI STRATEGI DAN PROGRAM" in " ".join(pages[:start])
    assert chapter.index("BAB VII FAKTOR PENDUKUNG") < chapter.index("BAB VIII RENCANA AKSI")
    assert "Bab ini merencanakan 4 faktor pendukung" in chapter
    assert re.search(r"REG-01 Peraturan Bupati tentang Masterplan Belum ada Bagian Hukum 2026"
                     r" Rp 100 juta", chapter)
    assert "7.1 Regulasi dan Kelembagaan" in chapter and "7.3 Sumber Daya Manusia" in chapter
    assert "Jadwal pertemuan Maret, Juni, September dan Desember (4 kali setahun)" in chapter
    assert re.search(r"Tabel 7\.\d+ Kalender Pertemuan Rutin Faktor pendukung Jan Feb Mar Apr"
                     r" Mei Jun Jul Agu Sep Okt Nov Des REG-02 Forum Smart City", chapter)
    # the roadmap's lanes and the funding's lines
    assert "Pendukung: Regulasi dan Kelembagaan REG-01 Peraturan Bupati" in whole
    assert "Pendukung: Infrastruktur TIK TIK-01 Pusat Data Daerah" in whole
    assert re.search(r"Pendukung: Infrastruktur TIK - 2\.000 - - - 2\.000 20,8%"
                     r" Pendukung: Sumber Daya Manusia 250 - - - - 250 2,6% Jumlah 5\.200"
                     r" 4\.400 - - - 9\.600 100,0%", whole)


def test_the_pdf_has_the_risk_register_in_the_governance_chapter(book: dict[str, Path]
                                                                  ) -> None:
    pages = pdf_pages(book["pdf"])
    page = next(p for p in pages if "Register Risiko" in p and "RSK-01" in p)
    assert re.search(r"\d+\.\d+ Register Risiko Register ini memuat 2 risiko: 1 tinggi,"
                     r" 1 rendah\.", page)
    assert re.search(r"Tabel 10\.\d+ Register Risiko Kode Risiko K D Tingkat Mitigasi Pemilik"
                     r" risiko Terkait RSK-01 APBD smart city di bawah rencana 4 3 Tinggi \(12\)"
                     r" Masuk RKPD sejak 2026 Bappeda GOV-01, TIK-01", page)
    assert "Rendah (2)" in page


def test_the_docx_has_the_chapter_the_lanes_and_the_register(book: dict[str, Path]) -> None:
    document = Document(str(book["docx"]))
    items = body_items(document)
    headings = [p.text.strip() for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings.index("Faktor Pendukung Smart City") == headings.index(
        "Strategi dan Program per Dimensi") + 1
    overview = table_after(items, "Daftar Faktor Pendukung")
    rows = [cells(row) for row in overview.rows]
    assert rows[1] == ["Regulasi dan Kelembagaan"] * 6
    assert ["TIK-01", "Pusat Data Daerah", "-", "Diskominfo", "2027–2028", "Rp 2 miliar"] in rows
    roadmap = table_after(items, "Peta Jalan 5 Tahun")
    lane = next(row for row in roadmap.rows if cells(row)[0] == "TIK-01")
    fills = [cell._tc.find(f"{W}tcPr/{W}shd") for cell in lane.cells[2:]]
    assert [f.get(W + "fill") if f is not None else None for f in fills] == [
        None, "555555", "555555", None, None]
    register = table_after(items, "Register Risiko")
    first = register.rows[1]
    assert cells(first) == ["RSK-01", "APBD smart city di bawah rencana", "4", "3",
                            "Tinggi (12)", "Masuk RKPD sejak 2026", "Bappeda",
                            "GOV-01, TIK-01"]
    assert first.cells[4]._tc.find(f"{W}tcPr/{W}shd").get(W + "fill") == "F8CBAD"
    budget = table_after(items, "Anggaran per Dimensi dan Tahun")
    assert [cells(row)[0] for row in budget.rows][-4:] == [
        "Pendukung: Regulasi dan Kelembagaan", "Pendukung: Infrastruktur TIK",
        "Pendukung: Sumber Daya Manusia", "Jumlah"]
