"""The alignment annex (RPJMD items × dimensions) of the masterplan, the links in a program's
facts, a readiness area's SWOT, and the indicator plan (`--document indicator-plan`) in PDF,
HTML and DOCX: rendered for real from the minimal example with an RPJMD, links and SNI ISO
indicators added, and read back (pypdf, python-docx).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader

pytestmark = pytest.mark.e2e

RPJMD = """\
  rpjmd:
    start_year: 2025
    end_year: 2029
    vision: "Kabupaten Contoh yang maju dan sejahtera"
    missions:
      - {id: "M1", text: "Tata kelola pemerintahan yang melayani"}
      - {id: "M2", text: "Lingkungan hidup yang lestari"}
    goals:
      - {id: "T1.1", mission: "M1", text: "Meningkatnya kualitas pelayanan publik"}
      - {id: "T2.1", mission: "M2", text: "Meningkatnya kualitas lingkungan hidup"}
    targets:
      - {id: "S1.1.1", goal: "T1.1", text: "Meningkatnya kepuasan masyarakat"}
      - {id: "S1.1.2", goal: "T1.1", text: "Meningkatnya kematangan SPBE"}
      - {id: "S2.1.1", goal: "T2.1", text: "Meningkatnya sampah terkelola"}
    programs:
      - {id: "P1.1.1.1", target: "S1.1.1", text: "Program Pelayanan Penanaman Modal"}

readiness:
"""
GOV01_OLD = """            end_year: 2030
            indicators:
              - {name: "Layanan perizinan daring", unit: "%", targets: {2030: 100}}
"""
GOV01_NEW = """            end_year: 2030
            aligns:
              rpjmd: ["P1.1.1.1", "S1.1.2"]
              renstra: "Program Pelayanan Penanaman Modal"
              spbe: [layanan, publik_pekerjaan_usaha]
              spatial: "Kawasan perkotaan Contoh"
            indicators:
              - {name: "Layanan perizinan daring", unit: "%", baseline: 40, baseline_year: 2025,
                 targets: {2026: 55, 2028: 80, 2030: 100}, iso: "37122:10.2",
                 source: "DPMPTSP, dasbor perizinan"}
"""
SWOT = """  infrastructure:
    swot:
      strengths: ["Serat optik sampai kecamatan"]
      weaknesses: ["Desa pegunungan tanpa sinyal"]
      opportunities: ["Program BAKTI"]
      threats: ["Serangan siber"]
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, e2e: Any) -> dict[str, Path]:
    text = e2e.minimal_text()
    text = e2e.replace_once(text, "\nreadiness:\n", "\n" + RPJMD)
    text = e2e.replace_once(text, GOV01_OLD, GOV01_NEW)
    text = e2e.replace_once(text, "  infrastructure:\n", SWOT)
    folder = tmp_path_factory.mktemp("alignment")
    spec = folder / "masterplan.yaml"
    spec.write_text(text, encoding="utf-8")
    done = e2e.run_masterplan("render", spec, "--document", "masterplan,indicator-plan", "-f",
                              "pdf,html,docx", "--strict", "-o", folder / "out")
    assert done.returncode == 0, done.stdout + done.stderr
    return {f"{kind}.{ext}": next((folder / "out").glob(f"*-{kind}.{ext}"))
            for kind in ("masterplan", "indicator-plan") for ext in ("pdf", "html", "docx")}


def pages(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def test_the_annex_is_in_the_contents_and_prints_the_matrix(rendered: dict[str, Path]) -> None:
    texts = pages(rendered["masterplan.pdf"])
    # the contents as pdftotext lays them out (pypdf leaves out the page numbers)
    contents = subprocess.run(["pdftotext", "-layout", "-l", "5", rendered["masterplan.pdf"],
                               "-"], capture_output=True, text=True, check=True).stdout
    assert "DAFTAR ISI" in contents
    listed = re.search(r"Lampiran (\w) Matriks Keselarasan dengan RPJMD +(\d+)", contents)
    assert listed, contents
    letter, number = listed.groups()
    annex = texts[int(number) - 1]
    assert f"LAMPIRAN {letter}" in annex.upper()
    # 2 of 3 targets served (S1.1.1 through its regional program, S1.1.2 directly); M2 idle
    assert ("2 dari 3 sasaran RPJMD didukung sekurang-kurangnya satu program smart city"
            " (66,7%).") in annex
    assert "Misi RPJMD tanpa program smart city: M2." in annex
    # the cells: the program in its dimension's column, the counts at the end of the row
    assert re.search(r"P1\.1\.1\.1 Program Daerah Program Pelayanan Penanaman Modal GOV-01 1",
                     annex), annex
    assert re.search(r"S2\.1\.1 Sasaran Meningkatnya sampah terkelola belum ada", annex), annex
    assert re.search(r"M1 Misi Tata kelola pemerintahan yang melayani 1", annex), annex
    # the programs' other links
    assert re.search(r"GOV-01 Layanan Perizinan Daring P1\.1\.1\.1, S1\.1\.2 Program Pelayanan"
                     r" Penanaman Modal Domain Layanan SPBE, Layanan Publik Pekerjaan dan"
                     r" Usaha Kawasan perkotaan Contoh", " ".join(texts)), annex
    # landscape
    page = PdfReader(rendered["masterplan.pdf"]).pages[int(number) - 1]
    assert page.mediabox.width > page.mediabox.height


def test_program_facts_and_readiness_swot_in_the_book(rendered: dict[str, Path]) -> None:
    whole = " ".join(pages(rendered["masterplan.pdf"]))
    assert ("Keselarasan RPJMD Program Daerah P1.1.1.1: Program Pelayanan Penanaman Modal;"
            " Sasaran S1.1.2: Meningkatnya kematangan SPBE") in whole
    assert "RTRW Kawasan perkotaan Contoh" in whole
    assert re.search(r"Tabel 3\.\d+ Analisis SWOT Infrastruktur", whole)
    assert "Desa pegunungan tanpa sinyal" in whole
    document = Document(str(rendered["masterplan.docx"]))
    texts = [" ".join(cell.text.split()) for table in document.tables
             for row in table.rows for cell in row.cells]
    assert "Kawasan perkotaan Contoh" in texts and "belum ada" in texts


def test_the_indicator_plan_in_three_formats(rendered: dict[str, Path]) -> None:
    group = "SNI ISO 37122:2019 · 10.2 · Tata kelola"
    row = ["GOV-01", "Layanan perizinan daring", "%", "40 (2025)", "55", "-", "80", "-", "100",
           "Dinas Penanaman Modal dan PTSP", "DPMPTSP, dasbor perizinan"]
    pdf = " ".join(pages(rendered["indicator-plan.pdf"]))
    assert "Rencana Indikator SNI ISO 37122/37120".upper() in pdf.upper()
    assert group in pdf and " ".join(row) in pdf, pdf
    html = rendered["indicator-plan.html"].read_text(encoding="utf-8")
    assert group in html and "DPMPTSP, dasbor perizinan" in html
    document = Document(str(rendered["indicator-plan.docx"]))
    [table] = document.tables
    rows = [[" ".join(cell.text.split()) for cell in r.cells] for r in table.rows]
    assert rows[0][:4] == ["Kode", "Indikator", "Satuan", "Baseline"]
    assert rows[0][4:9] == ["2026", "2027", "2028", "2029", "2030"]
    assert rows[1][0] == group
    assert rows[2] == row
