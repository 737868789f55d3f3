"""Every budget total includes the plan's enablers, read back from the real outputs: the
evaluation pack (PDF, DOCX, the deck, the workbook), the head of region's deck and the
cohort report. Rows must add up to the total printed under them."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from helpers import run_module

from generator.documents.evaluation import year_figures
from generator.i18n.numbers import Formatter
from generator.spec import check_spec
from generator.spec.enablers import enablers_of
from generator.spec.model import build_model
from generator.spec.progress import check_progress

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
FOLDER = EXAMPLES / "kabupaten-banyuwangi"
SPEC = FOLDER / "masterplan.yaml"
YEARS = [FOLDER / "progress" / "2027.yaml", FOLDER / "progress" / "2028.yaml"]
PACK = "3510-kabupaten-banyuwangi-2017-2028-evaluation"
GROUPS = ["Pendukung: Regulasi dan Kelembagaan", "Pendukung: Infrastruktur TIK",
          "Pendukung: Sumber Daya Manusia"]


def _millions(cell: str) -> int:
    """`53.475` (Rp juta, Indonesian) → 53475; `-` → 0."""
    return 0 if cell == "-" else int(cell.replace(".", ""))


def _pdftotext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("totals")
    done = run_module("evaluate", SPEC, *YEARS, "-f", "pdf,docx,pptx", "-o", folder,
                      timeout=300)
    assert done.returncode == 0, done.stderr
    done = run_module("render", SPEC, "--document", "summary", "-f", "pptx", "-o", folder,
                      timeout=300)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture(scope="module")
def figures() -> object:
    doc, _ = check_spec(SPEC)
    plan = build_model(doc)
    progress, _ = check_progress(YEARS[1], plan, SPEC)
    return year_figures(plan, progress)


def test_the_packs_realisation_table_adds_up_with_the_enablers(out: Path,
                                                               figures: object) -> None:
    text = _pdftotext(out / f"{PACK}.pdf")
    table = text[text.index("Tabel 1.1 Realisasi per Dimensi 2028\n"):]
    table = table[:table.index("Jumlah ") + 200]
    rows = {m[1]: m[2].split() for m in re.finditer(
        r"^ (Smart \w+|Pendukung: [\w ]+?|Jumlah)\s{2,}(.+)$", table, re.MULTILINE)}
    assert [r for r in rows if r.startswith("Pendukung")] == GROUPS
    parts = [r for r in rows if r != "Jumlah"]
    for column in (-3, -2):  # planned, realised (Rp juta)
        assert sum(_millions(rows[r][column]) for r in parts) == _millions(
            rows["Jumlah"][column])
    assert _millions(rows["Jumlah"][-3]) * 1_000_000 == figures.total_planned  # type: ignore[attr-defined]
    assert _millions(rows["Jumlah"][-2]) * 1_000_000 == figures.total_realised  # type: ignore[attr-defined]
    absorption = Formatter("id").percent(figures.absorption)  # type: ignore[attr-defined]
    assert rows["Jumlah"][-1] == absorption
    lines = [line.split() for line in text.splitlines() if line.strip()]
    labels = next(n for n, line in enumerate(lines) if "Serapan" in line and "2028" in line)
    assert lines[labels - 1][1] == absorption  # the key figures: executed, absorption, index
    assert "Tabel 1.3 Anggaran Faktor Pendukung 2028" in text


def test_the_evidence_list_and_the_follow_up_speak_indonesian(out: Path) -> None:
    text = " ".join(_pdftotext(out / f"{PACK}.pdf").split())
    evidence = text[text.index("Tabel 3.2 Daftar Bukti Dukung 2028 Kode"):]
    evidence = evidence[:evidence.index("BAB IV")]
    assert "SK Dewan Smart City, SK Tim Pelaksana" in evidence
    assert "Peraturan penetapan masterplan" in evidence and "APBD smart city" in evidence
    assert not re.search(r"(?<![-/])\b(council|team|regulation|apbd|forum)\b(?!-)", evidence)
    follow_up = text[text.rindex("Tabel 5.1"):]
    assert "Maret 2028" in follow_up and "Juni 2028" in follow_up
    assert not re.search(r"\b20\d\d-\d\d\b", follow_up)


def test_the_packs_docx_has_the_enablers_rows(out: Path) -> None:
    import docx

    document = docx.Document(str(out / f"{PACK}.docx"))
    table = next(t for t in document.tables
                 if t.rows[0].cells[0].text == "Dimensi" and len(t.columns) == 7)
    titles = [row.cells[0].text for row in table.rows]
    assert titles[-4:] == [*GROUPS, "Jumlah"]
    for column in (4, 5):
        cells = [row.cells[column].text for row in table.rows[1:]]
        assert sum(_millions(c) for c in cells[:-1]) == _millions(cells[-1])


def _tables(pptx: Path, title: str) -> list[list[str]]:
    from pptx import Presentation

    rows: list[list[str]] = []
    for slide in Presentation(str(pptx)).slides:
        if slide.shapes.title is not None and slide.shapes.title.text.startswith(title):
            for shape in slide.shapes:
                if shape.has_table:
                    rows += [[c.text for c in r.cells] for r in list(shape.table.rows)[1:]]
    return rows


def test_the_evaluation_deck_adds_up(out: Path) -> None:
    rows = _tables(out / f"{PACK}.pptx", "Realisasi per Dimensi 2028")
    assert [r[0] for r in rows][-4:] == [*GROUPS, "Jumlah"]
    for column in (4, 5):
        assert sum(_millions(r[column]) for r in rows[:-1]) == _millions(rows[-1][column])


def _rupiah(words: str) -> float:
    """`Rp 34,45 miliar` → 34.45e9 (Indonesian compact words)."""
    number, unit = re.fullmatch(r"Rp ([\d.,]+) (miliar|juta|triliun)", words).groups()  # type: ignore[union-attr]
    scale = {"juta": 1e6, "miliar": 1e9, "triliun": 1e12}[unit]
    return float(number.replace(".", "").replace(",", ".")) * scale


def test_the_head_of_regions_deck_lists_the_enablers_under_the_total(out: Path) -> None:
    from pptx import Presentation

    deck = out / "3510-kabupaten-banyuwangi-2017-summary.pptx"
    rows = _tables(deck, "Strategi per Dimensi")
    assert [r[0] for r in rows][-4:] == [*GROUPS, "Jumlah"]
    doc, _ = check_spec(SPEC)
    plan = build_model(doc)
    enablers = enablers_of(plan)
    assert enablers is not None
    whole = sum(b.amount for p in [*plan.programs, *enablers.items] for b in p.budget)
    total = Formatter("id").money_words(whole)
    assert rows[-1][3] == total and rows[-1][2] == str(len(plan.programs))
    key_figures = next(s for s in Presentation(str(deck)).slides
                       if s.shapes.title is not None and s.shapes.title.text == "Angka Kunci")
    assert f"Total Anggaran: {total}" in "\n".join(
        s.text_frame.text for s in key_figures.shapes if s.has_text_frame)
    # the rows add up to the total shown (each rounded to two decimals of its unit)
    assert sum(_rupiah(r[3]) for r in rows[:-1]) == pytest.approx(whole, abs=0.05e9)


def test_the_cohort_reports_total_budget_is_the_whole_plans(tmp_path: Path) -> None:
    done = run_module("report", EXAMPLES, "--progress", "progress/*.yaml", "-f", "pdf",
                      "-o", tmp_path, "-j", "1", timeout=400)
    assert done.returncode == 0, done.stderr
    text = _pdftotext(tmp_path / "cohort-report.pdf")
    whole = 0
    for spec in sorted(EXAMPLES.glob("*/masterplan.yaml")):
        doc, _ = check_spec(spec)
        plan = build_model(doc)
        enablers = enablers_of(plan)
        whole += sum(b.amount for p in [*plan.programs, *(enablers.items if enablers else [])]
                     for b in p.budget)
    assert re.search(rf"Total Anggaran\s+{re.escape(Formatter('id').money_words(whole))}",
                     text)
    table = text[text.index("Tabel 1.2 Program, Quick Win dan Anggaran per Dimensi"):]
    table = table[:table.index("\n Jumlah ") + 120]
    rows = {m[1]: m[2].split() for m in re.finditer(
        r"^ (Smart \w+|Faktor pendukung \(enabler\)|Jumlah)\s{2,}(.+)$", table, re.MULTILINE)}
    assert "Faktor pendukung (enabler)" in rows
    parts = [r for r in rows if r != "Jumlah"]
    assert sum(_millions(rows[r][-2]) for r in parts) == _millions(rows["Jumlah"][-2])
    assert _millions(rows["Jumlah"][-2]) * 1_000_000 == whole
    results = text[text.index("Tabel 6.3 Realisasi per Dimensi 2028"):]
    results = results[:results.index("\n Jumlah ") + 200]
    rows = {m[1]: m[2].split() for m in re.finditer(
        r"^ (Smart \w+|Faktor pendukung \(enabler\)|Jumlah)\s{2,}(.+)$", results,
        re.MULTILINE)}
    assert "Faktor pendukung (enabler)" in rows
    for column in (-3, -2):
        assert sum(_millions(rows[r][column]) for r in rows if r != "Jumlah") == _millions(
            rows["Jumlah"][column])
