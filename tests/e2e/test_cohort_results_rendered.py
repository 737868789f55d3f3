"""Cohort results rendered for real: `report --progress` in PDF and DOCX, `export --progress
--format xlsx` opened by LibreOffice, and the evaluation packs of Sleman and Makassar."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import run_module
from pypdf import PdfReader

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


def _text(pdf: Path) -> str:
    reader = PdfReader(pdf)
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_report_has_the_results_chapter(tmp_path: Path) -> None:
    done = run_module("report", EXAMPLES, "--progress", "progress/*.yaml", "-f", "pdf,docx",
                      "-o", tmp_path, "-j", "2", timeout=400)
    assert done.returncode == 0, done.stderr
    # a heat-map cell without a score (`-`) is a plain cell, not a class the DOCX misses
    assert "peta gaya DOCX" not in done.stderr, done.stderr
    text = _text(tmp_path / "cohort-report.pdf")
    assert "Hasil Evaluasi 2028" in text and "Indeks dan Aspek 2028" in text
    assert "Peringkat nasional" in text and "dari perkiraan" in text
    assert "Tanpa berkas kemajuan 2028: Kabupaten Contoh, Kota Makassar." in text
    assert "Klaim tanpa Bukti Dukung 2028" in text and "PERKIRAAN" in text
    import docx

    document = docx.Document(str(tmp_path / "cohort-report.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert any("Hasil Evaluasi 2028" in h for h in headings)
    assert any("Peringkat 2028" in h for h in headings)


@pytest.mark.libreoffice
def test_libreoffice_reads_the_program_year_workbook(tmp_path: Path) -> None:
    executable = shutil.which("soffice") or shutil.which("libreoffice")
    if executable is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    book = tmp_path / "program-year.xlsx"
    done = run_module("export", EXAMPLES, "--progress", "progress/*.yaml", "--format", "xlsx",
                      "--headers", "keys", "-o", book, "-j", "2", timeout=300)
    assert done.returncode == 0, done.stderr
    profile = tmp_path / "profile"
    subprocess.run(
        [executable, "--headless", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation={profile.as_uri()}", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(tmp_path), str(book)],
        capture_output=True, text=True, timeout=300, start_new_session=True, check=False)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "program-year.csv").read_text("utf-8"))))
    assert {r["region_code"] for r in rows} == {"34.04", "35.10", "73.71"}  # text, kept
    assert {(r["region_code"], r["year"]) for r in rows} >= {("73.71", "2026"),
                                                             ("34.04", "2028")}
    late = next(r for r in rows if r["region_code"] == "34.04" and r["year"] == "2027"
                and r["program_id"] == "SOC-04")
    assert late["status"] == "belum" and late["budget_realised"] == "0"
    running = next(r for r in rows if r["status"] == "berjalan" and r["absorption"])
    assert running["absorption"].endswith("%")


@pytest.mark.parametrize(("name", "stem"), [
    ("kabupaten-sleman", "3404-kabupaten-sleman-2017-2028-evaluation"),
    ("kota-makassar", "7371-kota-makassar-2017-2027-evaluation")])
def test_the_examples_evaluation_packs(tmp_path: Path, name: str, stem: str) -> None:
    folder = EXAMPLES / name
    progress = sorted((folder / "progress").glob("*.yaml"))
    done = run_module("evaluate", folder / "masterplan.yaml", *progress, "-f",
                      "pdf,html,docx,xlsx", "-o", tmp_path, timeout=400)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    text = _text(tmp_path / f"{stem}.pdf")
    assert "PERKIRAAN, bukan nilai resmi" in text and "TANPA BUKTI" in text
    assert "Perubahan Antartahun" in text and "Diterima" in text
    html = (tmp_path / f"{stem}.html").read_text("utf-8")
    assert "Indeks Bukti Dukung" in html
    from openpyxl import load_workbook

    sheets = load_workbook(tmp_path / f"{stem}.xlsx").sheetnames
    # six dimensions, the enablers' budget lines (Makassar's plan has no enablers), Output
    enablers = ["Faktor pendukung (enabler)"] if name == "kabupaten-sleman" else []
    assert sheets[6:] == [*enablers, "Output"] and len(sheets) == 7 + len(enablers)
