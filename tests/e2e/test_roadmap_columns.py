"""The book's roadmap table (Peta Jalan) of the complete example, whose phases have names of
very different lengths ("Tahap I: Fondasi Digital" over two years, "Tahap III: Banyuwangi
Cerdas Berkelanjutan" over five): every year's column as wide as the others, in the PDF (the
year headings' positions, as pdftotext finds them) and in the DOCX (its table grid)."""

from __future__ import annotations

import itertools
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLE, page_words

from generator.pipeline import render_spec
from generator.render.docx.ooxml import W
from generator.settings import RenderSettings
from generator.spec import check_spec
from generator.spec.model import build_model

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("roadmap")
    render_spec(EXAMPLE, RenderSettings(documents=("masterplan",), formats=("pdf", "docx"),
                                        docx_toc="field", outdir=folder))
    return folder


def years() -> list[str]:
    plan = build_model(check_spec(EXAMPLE)[0])
    assert len(plan.phases) == 3
    return [str(year) for year in plan.years]


def test_the_pdf_gives_every_year_the_same_width(book: Path) -> None:
    (pdf,) = book.glob("*-masterplan.pdf")
    labels = years()
    for _width, _height, words in page_words(pdf):
        texts = [w[4] for w in words]
        if "Kode" not in texts or "Tahap" not in texts:
            continue
        start = texts.index("Kode")
        # the roadmap's header row: Kode, Program, then a heading per year
        row = [w for w in words[start:] if abs(w[1] - words[start][1]) < 2]
        if [w[4] for w in row[2:]] != labels:
            continue
        centres = [(w[0] + w[2]) / 2 for w in row[2:]]
        steps = [b - a for a, b in itertools.pairwise(centres)]
        assert max(steps) - min(steps) < 1.0, steps  # points
        return
    pytest.fail("no page with the roadmap's row of years")


def test_the_docx_gives_every_year_the_same_width(book: Path) -> None:
    (path,) = book.glob("*-masterplan.docx")
    labels = years()
    for table in docx.Document(str(path)).tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows[:2]]
        if not any(row[2:] == labels for row in rows):
            continue
        grid = [int(col.get(f"{W}w")) for col in table._tbl.iter(f"{W}gridCol")]
        assert len(set(grid[2:])) == 1, grid
        return
    pytest.fail("no roadmap table in the DOCX")
