"""`masterplan evaluate`: the evaluation pack of the complete example with its two years of
progress, in PDF, HTML, DOCX and the XLSX workbook, read back with real readers; the
workbook opened by LibreOffice, whose computed shares must be the pack's."""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from helpers import run_cli, run_module
from pypdf import PdfReader

from generator.documents.evaluation import year_figures
from generator.spec import check_spec
from generator.spec.model import build_model
from generator.spec.progress import check_progress

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
FOLDER = REPO / "examples" / "kabupaten-banyuwangi"
SPEC = FOLDER / "masterplan.yaml"
YEARS = [FOLDER / "progress" / "2027.yaml", FOLDER / "progress" / "2028.yaml"]
STEM = "3510-kabupaten-banyuwangi-2017-2028-evaluation"


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("evaluation")
    done = run_module("evaluate", SPEC, *YEARS, "-f", "pdf,html,docx,xlsx", "-o", out,
                      timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.split() == [str(out / f"{STEM}.{ext}")
                                   for ext in ("pdf", "html", "docx", "xlsx")]
    return out


def test_the_pdf_says_estimate_and_flags_claims_without_evidence(pack: Path) -> None:
    reader = PdfReader(pack / f"{STEM}.pdf")
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Evaluasi Pelaksanaan Masterplan Smart City" in text
    assert "PERKIRAAN, bukan nilai resmi" in text
    assert "TANPA BUKTI" in text
    supported = re.search(r"(\d+) dari (\d+) klaim didukung bukti", text)
    assert supported and 0 < int(supported[1]) < int(supported[2]), supported
    assert "Perubahan Antartahun" in text and "Rencana Survei Dampak" in text
    assert "Tindak Lanjut Rekomendasi Penilai" in text
    assert "Kata Pengantar" not in text  # the masterplan's foreword is not the pack's
    assert "LEMBAR PENGESAHAN" not in text  # nor its approval page
    assert 12 <= len(reader.pages) <= 30


def test_the_docx_has_the_same_chapters(pack: Path) -> None:
    import docx

    document = docx.Document(str(pack / f"{STEM}.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert any("Indeks Bukti Dukung" in h for h in headings)
    assert any("Indeks Perkiraan" in h for h in headings)
    assert len(document.inline_shapes) == 3  # the logo and the two charts


def _html_text(path: Path) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", path.read_text("utf-8"))).split())


def test_the_years_are_listed_as_the_language_lists_them(pack: Path) -> None:
    import docx

    text = _html_text(pack / f"{STEM}.html")
    assert "membandingkan pelaksanaan tahun 2027 dan 2028 dengan rencana" in text
    assert "Perubahan Antartahun 2027 dan 2028" in text
    assert "2027, 2028" not in text
    paragraphs = [p.text for p in docx.Document(str(pack / f"{STEM}.docx")).paragraphs]
    assert any("Perubahan Antartahun 2027 dan 2028" in p for p in paragraphs)
    reader = PdfReader(pack / f"{STEM}.pdf")
    pdf_text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Perubahan Antartahun 2027 dan 2028" in pdf_text


def test_three_years_in_english(tmp_path: Path) -> None:
    folder = tmp_path / "kabupaten-banyuwangi"
    shutil.copytree(FOLDER, folder)
    third = (folder / "progress" / "2028.yaml").read_text("utf-8")
    third = third.replace("\nyear: 2028\n", "\nyear: 2029\n").replace(
        '\ndate: "2028-12-14"\n', '\ndate: "2029-12-14"\n')
    (folder / "progress" / "2029.yaml").write_text(third, "utf-8")
    out = tmp_path / "out"
    done = run_module("evaluate", "--lang", "en", folder / "masterplan.yaml",
                      *sorted((folder / "progress").glob("*.yaml")), "-f", "html", "-o", out,
                      timeout=120)
    assert done.returncode == 0, done.stderr
    text = _html_text(out / "3510-kabupaten-banyuwangi-2017-2029-evaluation.html")
    assert "compares the execution in 2027, 2028 and 2029 with the plan" in text
    assert "Year-on-Year Change 2027, 2028 and 2029" in text


def test_the_workbook_is_reproducible_and_dated_by_the_progress(pack: Path,
                                                                tmp_path: Path) -> None:
    again = run_module("evaluate", SPEC, *YEARS, "-f", "xlsx", "-o", tmp_path, timeout=300,
                       cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / f"{STEM}.xlsx").read_bytes() == (pack / f"{STEM}.xlsx").read_bytes()
    with zipfile.ZipFile(pack / f"{STEM}.xlsx") as book:
        assert {info.date_time for info in book.infolist()} == {(2028, 12, 14, 0, 0, 0)}
        core = book.read("docProps/core.xml").decode()
    assert core.count("2028-12-14T00:00:00Z") == 2  # created and modified


def _libreoffice(pack: Path, tmp_path: Path, convert_to: str) -> Any:
    """The pack's workbook converted by LibreOffice headless into `tmp_path`."""
    executable = shutil.which("soffice") or shutil.which("libreoffice")
    if executable is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return subprocess.run(
        [executable, "--headless", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--convert-to",
         convert_to, "--outdir", str(tmp_path), str(pack / f"{STEM}.xlsx")],
        capture_output=True, text=True, timeout=300, start_new_session=True)


@pytest.mark.libreoffice
def test_libreoffice_computes_the_workbooks_shares(pack: Path, tmp_path: Path) -> None:
    # every sheet to its own CSV (the last field, -1), values as LibreOffice computed them
    done = _libreoffice(pack, tmp_path, "csv:Text - txt - csv (StarCalc):"
                        "44,34,76,1,,0,false,false,false,false,false,-1")
    sheets = {path.stem.removeprefix(f"{STEM}-"): path for path in tmp_path.glob("*.csv")}
    assert set(sheets) == {"Smart Governance", "Smart Branding", "Smart Economy",
                           "Smart Living", "Smart Society", "Smart Environment",
                           "Faktor pendukung (enabler)", "Output"}, done.stderr
    doc, _ = check_spec(SPEC)
    plan = build_model(doc)
    progress, _ = check_progress(YEARS[1], plan, SPEC)
    figures = year_figures(plan, progress)
    for key, title in (("governance", "Smart Governance"), ("living", "Smart Living")):
        rows = list(csv.reader(io.StringIO(sheets[title].read_text("utf-8"))))
        summary = {row[0]: row[1] for row in rows if row and row[0] and len(row) > 1}
        assert int(summary["Program direncanakan"]) == figures.planned[key]
        assert int(summary["Berjalan/selesai"]) == figures.executed[key]
        share = _share(summary["Porsi terlaksana"])  # computed by LibreOffice's formula
        assert share == pytest.approx(figures.executed[key] / figures.planned[key])
        absorption = _share(summary["Serapan"])
        assert absorption == pytest.approx(
            figures.budget_realised[key] / figures.budget_planned[key])
    # the enablers' budget lines, laid out as a dimension's programs
    rows = list(csv.reader(io.StringIO(sheets["Faktor pendukung (enabler)"].read_text("utf-8"))))
    summary = {row[0]: row[1] for row in rows if row and row[0] and len(row) > 1}
    assert _share(summary["Serapan"]) == pytest.approx(
        sum(figures.enabler_realised.values()) / sum(figures.enabler_planned.values()))
    output = list(csv.reader(io.StringIO(sheets["Output"].read_text("utf-8"))))
    share = next(row[2] for row in output if row and row[0] == "Porsi")
    assert _share(share) == pytest.approx(1.0)  # five enablers, all in place in 2028


def test_libreoffice_prints_each_sheet_as_wide_as_a_page(pack: Path, tmp_path: Path) -> None:
    """Printed (LibreOffice to PDF), a dimension's columns stay on one page: the header row
    with `Kode` and `Realisasi 2028` on the same page, the summary labels whole."""
    done = _libreoffice(pack, tmp_path, "pdf")
    printed = tmp_path / f"{STEM}.pdf"
    assert printed.exists(), done.stderr
    pages = [page.extract_text() or "" for page in PdfReader(printed).pages]
    with_codes = [text for text in pages if "Kode" in text]
    assert with_codes
    assert all("Realisasi 2028" in text for text in with_codes)
    assert any("Berjalan/selesai" in text for text in pages)
    assert any("Porsi terlaksana" in text for text in pages)
    # every label in the workbook's face (Carlito, the metric twin of Calibri), bold ones
    # too: none in LibreOffice's serif fallback for a font that names no face
    faces = {str(font["/BaseFont"]).partition("+")[2] or str(font["/BaseFont"])
             for page in PdfReader(printed).pages
             for font in page["/Resources"]["/Font"].values()}  # type: ignore[index]
    assert faces == {"Carlito", "Carlito-Bold"}, faces
    # indicator values grouped as numbers: the Satu Data target of 1000 reads `1,000`
    laid_out = subprocess.run(["pdftotext", "-layout", str(printed), "-"], capture_output=True,
                              text=True, check=True, timeout=60).stdout
    line = next(line for line in laid_out.splitlines() if "Dataset sektoral terbit" in line)
    assert re.search(r"\b350\s+1[,.]000\s+964\b", line), line


def test_the_workbooks_labels_values_and_widths(pack: Path) -> None:
    """Read back with openpyxl: every cell that holds something names the workbook's
    face; column A is as wide as its longest (bold) label; indicator values (baseline,
    target, achieved) are grouped, with the decimals they have."""
    from openpyxl import load_workbook

    book = load_workbook(pack / f"{STEM}.xlsx")
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name == "Calibri", (sheet.title, cell.coordinate)
        labels = [cell.value for cell in sheet["A"] if isinstance(cell.value, str)]
        assert sheet.column_dimensions["A"].width >= 1.1 * max(map(len, labels)), sheet.title
    governance = book["Smart Governance"]
    assert governance.column_dimensions["A"].width >= 1.1 * len("Program direncanakan")
    rows = {(row[0].value, row[1].value): row for row in governance.iter_rows()
            if row[0].value and row[1].value}
    satu_data = rows[("GOV-06", "Dataset sektoral terbit di portal Satu Data")]
    assert [(c.value, c.number_format) for c in satu_data[3:6]] == [
        (350, "#,##0"), (1000, "#,##0"), (964, "#,##0")]
    spbe = rows[("GOV-04", "Indeks SPBE kabupaten")]
    assert spbe[3].value == 3.4
    assert {c.number_format for c in spbe[3:6]} == {"#,##0.0"}


def test_grouped_formats_keep_every_decimal() -> None:
    from generator.render.xlsx import grouped_format

    assert grouped_format([3000000]) == "#,##0"
    assert grouped_format([3000000.0, 12]) == "#,##0"
    assert grouped_format([2.5, 3]) == "#,##0.0"
    assert grouped_format([0.75, 1.5]) == "#,##0.00"
    assert grouped_format([1 / 3]) == "#,##0.0000"
    assert grouped_format([]) == "#,##0"


def _share(cell: str) -> float:
    """A share as LibreOffice writes it into CSV (`85.37142857%`)."""
    assert cell.endswith("%"), cell
    return float(cell.removesuffix("%")) / 100


def test_bad_weights_and_a_year_twice_are_positioned_errors(tmp_path: Path) -> None:
    weights = tmp_path / "bobot.yaml"
    weights.write_text('weights_version: 1\nyears:\n  "2027":\n    baseline: 10\n'
                       '    output: 20\n    outcome: 30\n    impact: 30\n    quick_win: 20\n',
                       encoding="utf-8")
    result = run_cli("evaluate", SPEC, YEARS[0], "--weights", weights, "-o", tmp_path / "o",
                     "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"{weights}:4:5: error: years.2027: the weights of 2027"
                                     " add up to 110, not 100")
    result = run_cli("evaluate", SPEC, YEARS[0], YEARS[0], "-o", tmp_path / "o")
    assert result.exit_code == 1
    assert "year: tahun 2027 sudah dilaporkan oleh" in result.stderr
    assert not (tmp_path / "o").exists()  # nothing half-written
