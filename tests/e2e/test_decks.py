"""The decks (`-f pptx`) and the native DOCX charts, made for real and read back: python-pptx
reads the slides, LibreOffice Impress lays them out (one page per slide), the charts are
chart parts with their figures in an embedded workbook, and the DOCX's native charts hold
the spec's own numbers."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.errors import SpecError
from generator.pipeline import render_evaluation, render_spec
from generator.settings import RenderSettings
from generator.spec import check_spec
from generator.spec.model import build_model

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
FOLDER = REPO / "examples" / "kabupaten-banyuwangi"
SPEC = FOLDER / "masterplan.yaml"
YEARS = [FOLDER / "progress" / "2027.yaml", FOLDER / "progress" / "2028.yaml"]
STEM = "3510-kabupaten-banyuwangi-2017"
CHART_NS = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("decks")
    settings = RenderSettings(documents=("quickwins", "summary"), formats=("pptx",),
                              outdir=folder)
    render_spec(SPEC, settings)
    # the pack's HTML beside its deck: the deck must show the pack's own figures
    render_evaluation(SPEC, YEARS, settings.replace(documents=("evaluation",),
                                                    formats=("pptx", "html")))
    return {"quickwins": folder / f"{STEM}-quickwins.pptx",
            "summary": folder / f"{STEM}-summary.pptx",
            "evaluation": folder / f"{STEM}-2028-evaluation.pptx"}


def slides(path: Path) -> list[object]:
    from pptx import Presentation

    return list(Presentation(str(path)).slides)


def test_the_quick_win_deck_has_a_slide_per_quick_win(decks: dict[str, Path]) -> None:
    plan = build_model(check_spec(SPEC)[0])
    deck = slides(decks["quickwins"])
    titles = [s.shapes.title.text for s in deck]  # type: ignore[attr-defined]
    for quick_win in plan.quick_wins:
        slide = deck[titles.index(f"{quick_win.id} {quick_win.name}")]
        text = " ".join(shape.text_frame.text for shape in slide.shapes  # type: ignore[attr-defined]
                        if shape.has_text_frame)
        for expected in ("Permasalahan", "Solusi", "Tonggak Capaian", "Indikator Keberhasilan",
                         "Anggaran", "OPD Pemilik", quick_win.kpis[0].name):
            assert expected in text, (quick_win.id, expected)
    # title, agenda, overview, the quick wins, closing
    assert len(deck) == 4 + len(plan.quick_wins)


@pytest.mark.parametrize("kind", ["summary", "evaluation"])
def test_charts_are_native_chart_parts_with_alt_text(decks: dict[str, Path], kind: str) -> None:
    charts = [shape for slide in slides(decks[kind]) for shape in slide.shapes  # type: ignore[attr-defined]
              if shape.has_chart]
    assert len(charts) >= (4 if kind == "summary" else 2)
    assert all(shape.shape_type != 13 for slide in slides(decks[kind])  # 13: PICTURE
               for shape in slide.shapes)  # type: ignore[attr-defined]
    assert all(shape._element.nvGraphicFramePr.cNvPr.get("descr") for shape in charts)
    with zipfile.ZipFile(decks[kind]) as package:
        names = package.namelist()
    assert sum(n.startswith("ppt/charts/chart") and n.endswith(".xml") for n in names) \
        == len(charts)
    assert sum(n.startswith("ppt/embeddings/") and n.endswith(".xlsx") for n in names) \
        == len(charts)


def test_the_summary_deck_says_what_the_head_of_region_presents(
        decks: dict[str, Path]) -> None:
    # a title without its part (the timeline runs over slides "(1/3)", "(2/3)"…)
    titles = [re.sub(r" \(\d+/\d+\)$", "", s.shapes.title.text)  # type: ignore[attr-defined]
              for s in slides(decks["summary"])]
    for expected in ("Visi Smart City", "Skor kesiapan per aspek", "Strategi per Dimensi",
                     "Linimasa program per dimensi", "Anggaran per dimensi dan tahun",
                     "Komposisi sumber dana"):
        assert expected in titles


def slide_text(slide: object) -> str:
    return " ".join(shape.text_frame.text for shape in slide.shapes  # type: ignore[attr-defined]
                    if shape.has_text_frame)


def test_milestones_and_key_figures_read_as_words(decks: dict[str, Path]) -> None:
    """A milestone written `2026-02` is "Februari 2026" (as in the book); a key figure
    reads "Jumlah Program: 37", its label first."""
    plan = build_model(check_spec(SPEC)[0])
    deck = slides(decks["quickwins"])
    first = slide_text(deck[3])
    when, description = plan.quick_wins[0].milestones[0]
    assert when == "2026-02" and f"Februari 2026: {description}" in first
    assert "2026-02" not in first
    figures = slide_text(slides(decks["summary"])[2])
    assert f"Jumlah Program: {len(plan.programs)}" in figures
    assert f"Jumlah Quick Win: {len(plan.quick_wins)}" in figures


def test_the_follow_up_slide_gives_each_recommendation_its_year(
        decks: dict[str, Path]) -> None:
    deck = slides(decks["evaluation"])
    (follow_up,) = [s for s in deck
                    if s.shapes.title.text == "Tindak Lanjut Rekomendasi Penilai"]  # type: ignore[attr-defined]
    body = next(shape for shape in follow_up.shapes  # type: ignore[attr-defined]
                if shape.has_text_frame and shape != follow_up.shapes.title)  # type: ignore[attr-defined]
    points = [p.text for p in body.text_frame.paragraphs if p.text]
    assert points and all(re.match(r"^20[0-9]{2}: ", point) for point in points), points


def pack_table(deck: Path, number: str) -> list[list[str]]:
    """The body rows of the pack's table `number` ("2.2"), read from the pack's HTML
    beside the deck: the cells' text."""
    import lxml.html

    root = lxml.html.parse(str(deck.with_suffix(".html"))).getroot()
    (caption,) = root.xpath(f'//caption[@id="tabel-{number.replace(".", "-")}"]')
    return [[" ".join(cell.text_content().split()) for cell in row.xpath("td")]
            for row in caption.getparent().xpath("tbody/tr")]


def deck_table(slide: object) -> list[list[str]]:
    table = next(shape.table for shape in slide.shapes  # type: ignore[attr-defined]
                 if shape.has_table)
    return [[cell.text for cell in row.cells] for row in list(table.rows)[1:]]


def titled(deck: list[object], prefix: str) -> list[object]:
    return [s for s in deck if s.shapes.title.text.startswith(prefix)]  # type: ignore[attr-defined]


def test_the_evidence_slide_shows_the_packs_finding(decks: dict[str, Path]) -> None:
    """The evidence index's finding as the pack's HTML states it ("30 dari 96 klaim
    didukung bukti"), and the claims without evidence listed from the same index: each
    row a program, quick win or enabler of the pack's flagged claims, in its order, the
    rest counted."""
    html = decks["evaluation"].with_suffix(".html").read_text(encoding="utf-8")
    found = re.search(r"(\d+) dari (\d+) klaim didukung bukti", html)
    assert found
    claims = pack_table(decks["evaluation"], "3.1")
    flagged = [(row[0] or row[1]) for row in claims if row[2] == "TANPA BUKTI"]
    assert len(flagged) == int(found[2]) - int(found[1]) > 10
    (slide,) = titled(slides(decks["evaluation"]), "Indeks Bukti Dukung 2028")
    finding = next(shape.text_frame.text for shape in slide.shapes  # type: ignore[attr-defined]
                   if shape.name == "Finding")
    assert finding.startswith(f"{found[0]}. {len(flagged)} klaim tanpa bukti"), finding
    rows = deck_table(slide)
    groups = list(dict.fromkeys(flagged))
    more = re.fullmatch(r"… dan (\d+) klaim lainnya", rows[-1][1])
    assert more and rows[-1][0] == "", rows[-1]
    shown = [row[0] for row in rows[:-1]]
    assert shown == groups[:len(shown)] and len(shown) >= 8
    assert int(more[1]) == sum(key not in shown for key in flagged)
    # every flagged claim in the presenter's notes
    notes = slide.notes_slide.notes_text_frame.text  # type: ignore[attr-defined]
    assert len(notes.splitlines()) == 1 + len(flagged)


def test_the_year_on_year_and_quick_win_slides_are_the_packs_tables(
        decks: dict[str, Path]) -> None:
    deck = slides(decks["evaluation"])
    (trend,) = titled(deck, "Perubahan Antartahun 2027 dan 2028")
    assert deck_table(trend) == pack_table(decks["evaluation"], "2.2")
    # the quick wins with their KPIs (baseline, target, achieved, attainment), over slides
    # that keep each quick win's rows together; the quick wins' rows in bold
    parts = titled(deck, "Quick Win 2028")
    assert len(parts) >= 2
    rows = [row for part in parts for row in deck_table(part)]
    assert rows == pack_table(decks["evaluation"], "1.5")
    for part in parts:
        table = next(shape.table for shape in part.shapes  # type: ignore[attr-defined]
                     if shape.has_table)
        assert table.cell(1, 0).text.startswith("QW-")
        for row in list(table.rows)[1:]:
            bold = row.cells[1].text_frame.paragraphs[0].runs[0].font.bold
            assert bool(bold) == bool(row.cells[0].text), row.cells[1].text


def test_one_year_in_english_has_no_year_on_year_slide(tmp_path: Path) -> None:
    render_evaluation(SPEC, YEARS[1:], RenderSettings(
        documents=("evaluation",), formats=("pptx",), outdir=tmp_path, lang="en"))
    deck = slides(tmp_path / f"{STEM}-2028-evaluation.pptx")
    titles = [s.shapes.title.text for s in deck]  # type: ignore[attr-defined]
    assert not any(title.startswith("Year-on-Year") for title in titles), titles
    (evidence,) = titled(deck, "Evidence Index 2028")
    assert re.search(r"\b\d+ of \d+ claims have evidence\. \d+ claims without valid evidence",
                     slide_text(evidence))
    assert deck_table(evidence)[-1][1].endswith("more claims")
    assert titled(deck, "Quick Wins 2028")


def test_same_input_same_bytes(decks: dict[str, Path], tmp_path: Path) -> None:
    render_spec(SPEC, RenderSettings(documents=("quickwins", "summary"), formats=("pptx",),
                                     outdir=tmp_path))
    render_evaluation(SPEC, YEARS, RenderSettings(documents=("evaluation",),
                                                  formats=("pptx",), outdir=tmp_path))
    for kind in ("quickwins", "summary", "evaluation"):
        assert (tmp_path / decks[kind].name).read_bytes() == decks[kind].read_bytes(), kind


def soffice_pdf(files: list[Path], folder: Path) -> None:
    executable = shutil.which("soffice") or shutil.which("libreoffice")
    if executable is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    subprocess.run([executable, "--headless", "--norestore", "--nologo", "--nodefault",
                    f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--convert-to",
                    "pdf", "--outdir", str(folder), *map(str, files)],
                   capture_output=True, timeout=300, start_new_session=True, check=False)


@pytest.mark.libreoffice
def test_libreoffice_lays_out_every_slide(decks: dict[str, Path], tmp_path: Path) -> None:
    soffice_pdf(list(decks.values()), tmp_path)
    for kind, path in decks.items():
        pdf = tmp_path / f"{path.stem}.pdf"
        if not pdf.exists():
            pytest.skip("LibreOffice Impress is not installed (libreoffice-impress-nogui)")
        assert len(PdfReader(pdf).pages) == len(slides(path)), kind
    # no table heading broken inside a word: every word of the realisation table's head is
    # whole in LibreOffice's layout ("Serapan", not "Serapa" above "n")
    number, realisation = next((n, s) for n, s in enumerate(slides(decks["evaluation"]), 1)
                               if any(shape.has_table for shape in s.shapes))  # type: ignore[attr-defined]
    laid_out = subprocess.run(
        ["pdftotext", "-f", str(number), "-l", str(number), "-layout",
         str(tmp_path / f"{decks['evaluation'].stem}.pdf"), "-"],
        capture_output=True, text=True, check=True, timeout=60).stdout.split()
    table = next(shape.table for shape in realisation.shapes  # type: ignore[attr-defined]
                 if shape.has_table)
    for cell in table.rows[0].cells:
        for word in cell.text.split():
            assert word in laid_out, (word, cell.text)
    # native charts print numbers as the document's language does, whatever the machine's
    # settings: the readiness chart's data labels `2,8`, never `2.8`
    titles = [s.shapes.title.text for s in slides(decks["summary"])]  # type: ignore[attr-defined]
    readiness = subprocess.run(
        ["pdftotext", "-f", str(titles.index("Skor kesiapan per aspek") + 1), "-l",
         str(titles.index("Skor kesiapan per aspek") + 1),
         str(tmp_path / f"{decks['summary'].stem}.pdf"), "-"],
        capture_output=True, text=True, check=True, timeout=60).stdout
    assert re.search(r"\b[0-4],[0-9]\b", readiness) and not re.search(r"\b[0-4]\.[0-9]\b",
                                                                      readiness), readiness
    # the titles in the theme's blue (#1F3B63), not the text colour's black: the ink of the
    # title slide's title band, drawn by LibreOffice
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1",
                    str(tmp_path / f"{decks['summary'].stem}.pdf"), str(tmp_path / "title")],
                   check=True, timeout=60)
    page = Image.open(next(tmp_path.glob("title*.png"))).convert("RGB")
    band = page.crop((0, page.height // 4, page.width, page.height * 11 // 20))
    raw = band.tobytes()
    ink = [pixel for pixel in zip(raw[0::3], raw[1::3], raw[2::3], strict=True)
           if min(pixel) < 150]
    assert len(ink) > 50
    red, blue = (sum(pixel[n] for pixel in ink) / len(ink) for n in (0, 2))
    assert blue - red > 30, (red, blue)


def test_every_category_axis_labels_every_category(decks: dict[str, Path]) -> None:
    """A skip of 1 written out: no application leaves out every other label."""
    from lxml import etree

    for kind in ("summary", "evaluation"):
        with zipfile.ZipFile(decks[kind]) as package:
            parts = [etree.fromstring(package.read(n)) for n in package.namelist()
                     if n.startswith("ppt/charts/chart") and n.endswith(".xml")]
        axes = [axis for part in parts for axis in part.iter(f"{CHART_NS}catAx")]
        assert axes, kind
        for axis in axes:
            assert axis.find(f"{CHART_NS}tickLblSkip").get("val") == "1"
            assert axis.find(f"{CHART_NS}tickMarkSkip").get("val") == "1"


@pytest.mark.libreoffice
def test_the_timeline_slides_show_every_programs_code(decks: dict[str, Path],
                                                      tmp_path: Path) -> None:
    """The head of region's roadmap: every program's code drawn on the slides (as
    LibreOffice lays them out), none left out for want of room."""
    plan = build_model(check_spec(SPEC)[0])
    soffice_pdf([decks["summary"]], tmp_path)
    pdf = tmp_path / f"{decks['summary'].stem}.pdf"
    if not pdf.exists():
        pytest.skip("LibreOffice Impress is not installed (libreoffice-impress-nogui)")
    titles = [s.shapes.title.text for s in slides(decks["summary"])]  # type: ignore[attr-defined]
    pages = PdfReader(pdf).pages
    timeline = [n for n, title in enumerate(titles) if title.startswith("Linimasa program")]
    assert len(timeline) > 1  # 45 programs do not fit one slide legibly
    shown = {word for n in timeline for word in pages[n].extract_text().split()}
    assert {p.id for p in plan.programs} <= shown


IMPORTED = """
import sys
from generator.cli import main
main({args!r}, standalone_mode=False)
print(" ".join(sorted(name for name in sys.modules if name.split(".")[0] == "matplotlib"
                      or name in ("generator.render.html", "generator.render.docx"))))
"""


def imported_by(*args: str | Path) -> set[str]:
    """What of matplotlib, the HTML stage and the DOCX converter a `masterplan` command
    imports, in a process of its own."""
    import os
    import sys

    done = subprocess.run([sys.executable, "-c", IMPORTED.format(args=[str(a) for a in args])],
                          capture_output=True, text=True, timeout=300, check=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=REPO)
    return set(done.stdout.splitlines()[-1].split())


def test_a_deck_alone_builds_no_html_and_draws_no_chart(tmp_path: Path) -> None:
    assert imported_by("render", SPEC, "--document", "quickwins,summary", "-f", "pptx",
                       "-o", tmp_path) == set()
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{STEM}-quickwins.pptx",
                                                          f"{STEM}-summary.pptx"]


def test_a_docx_of_native_charts_draws_none(tmp_path: Path) -> None:
    assert imported_by("render", SPEC, "--document", "summary", "-f", "docx", "--docx-toc",
                       "field", "-o", tmp_path) == {"generator.render.html",
                                                    "generator.render.docx"}
    assert "matplotlib" in imported_by("render", SPEC, "--document", "summary", "-f", "docx",
                                       "--docx-toc", "field", "--docx-charts", "picture",
                                       "-o", tmp_path)


# --- native charts in the DOCX ---------------------------------------------------------------

@pytest.fixture(scope="module")
def docx_native(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docx-native")
    render_spec(SPEC, RenderSettings(documents=("masterplan",), formats=("docx",),
                                     docx_toc="field", outdir=folder))
    return folder / f"{STEM}-masterplan.docx"


def workbook_values(data: bytes) -> dict[str, dict[str, float]]:
    """Series name → category → value, as the embedded workbook holds them."""
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    names = rows[0][1:]
    return {str(name): {str(row[0]): float(row[n + 1]) for row in rows[1:]}
            for n, name in enumerate(names)}


def test_the_docx_charts_are_word_charts_holding_the_specs_numbers(docx_native: Path) -> None:
    import docx

    document = docx.Document(str(docx_native))
    charts = [rel.target_part for rel in document.part.rels.values()
              if rel.reltype.endswith("/chart")]
    plan = build_model(check_spec(SPEC)[0])
    assert len(charts) == 3 + -(-len(plan.programs) // 50)  # readiness, budget, funding, roadmap
    inlines = [i for i in document.element.body.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}inline")
        if i.find(f".//{CHART_NS}chart") is not None]
    assert len(inlines) == len(charts)
    assert all(i.find("{*}docPr").get("descr") for i in inlines)
    with zipfile.ZipFile(docx_native) as package:
        books = sorted(n for n in package.namelist()
                       if n.startswith("word/embeddings/Microsoft_Excel_Sheet"))
        assert len(books) == len(charts)
        found = [workbook_values(package.read(name)) for name in books]
    budget = next(values for values in found if "Smart Governance" in values)
    expected: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for program in plan.programs:
        for line in program.budget:
            expected[plan.fw.dimensions[program.dimension][0]][str(line.year)] += line.amount / 1e6
    for dimension, years in expected.items():
        for year, amount in years.items():
            assert budget[dimension][year] == pytest.approx(amount), (dimension, year)


def test_the_picture_fallback_stays(tmp_path: Path) -> None:
    render_spec(SPEC, RenderSettings(documents=("summary",), formats=("docx",),
                                     docx_toc="field", docx_charts="picture", outdir=tmp_path))
    with zipfile.ZipFile(tmp_path / f"{STEM}-summary.docx") as package:
        names = package.namelist()
    assert not any(n.startswith("word/charts/") for n in names)
    assert any(n.startswith("word/media/") and n.endswith(".png") for n in names)


@pytest.mark.libreoffice
def test_libreoffice_opens_the_native_charts(docx_native: Path, tmp_path: Path) -> None:
    soffice_pdf([docx_native], tmp_path)
    pdf = tmp_path / f"{docx_native.stem}.pdf"
    assert pdf.exists()
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Smart Governance" in text and "Linimasa program" in text


# --- the reference presentation --------------------------------------------------------------

def test_a_reference_that_is_no_presentation_is_refused(tmp_path: Path) -> None:
    for name, data in (("notes.pptx", b"plain text"),
                       ("word.pptx", (REPO / "templates" / "docx" / "reference.docx")
                        .read_bytes())):
        reference = tmp_path / name
        reference.write_bytes(data)
        with pytest.raises(SpecError) as caught:
            render_spec(SPEC, RenderSettings(documents=("quickwins",), formats=("pptx",),
                                             reference_pptx=reference, outdir=tmp_path))
        problem = caught.value.diagnostics[0]
        assert problem.code in ("pptx.reference_not_zip", "pptx.reference_not_pptx")
        assert problem.span.file == str(reference)
        assert "--reference-pptx" in problem.format("en")
    assert not list(tmp_path.glob("*-quickwins.pptx"))


def test_a_reference_without_a_layout_falls_back_with_a_warning(tmp_path: Path) -> None:
    from pptx import Presentation

    presentation = Presentation(str(REPO / "templates" / "pptx" / "reference.pptx"))
    layouts = presentation.slide_master.slide_layouts
    layouts.remove(next(layout for layout in layouts if layout.name == "Title Only"))
    reference = tmp_path / "region.pptx"
    presentation.save(str(reference))
    result = render_spec(SPEC, RenderSettings(documents=("quickwins",), formats=("pptx",),
                                              reference_pptx=reference, outdir=tmp_path))
    warnings = [w for w in result.warnings if w.code == "pptx.layout_missing"]
    assert [w.params["layout"] for w in warnings] == ["Title Only"]
    assert "Title and Content" in warnings[0].format("en")
    assert len(slides(tmp_path / f"{STEM}-quickwins.pptx")) == 10


# --- the legend of bars coloured one by one --------------------------------------------------

def chart_parts(path: Path) -> list[object]:
    from lxml import etree

    with zipfile.ZipFile(path) as package:
        return [etree.fromstring(package.read(n)) for n in sorted(package.namelist())
                if re.fullmatch(r"(ppt|word)/charts/chart\d+\.xml", n)]


def series_fills(part: object) -> list[tuple[str, str | None, list[str]]]:
    """Per series: its name, its own fill's colour (None: none of its own) and the colours
    of its bars coloured one by one."""
    drawing = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    found = []
    for series in part.iter(f"{CHART_NS}ser"):  # type: ignore[attr-defined]
        own = series.find(f"{CHART_NS}spPr/{drawing}solidFill/{drawing}srgbClr")
        points = [point.get("val") for point in series.findall(
            f"{CHART_NS}dPt/{CHART_NS}spPr/{drawing}solidFill/{drawing}srgbClr")]
        found.append((series.findtext(f"{CHART_NS}tx//{CHART_NS}v"),
                      None if own is None else own.get("val"), points))
    return found


def test_a_series_of_bars_coloured_one_by_one_has_its_legends_colour(
        decks: dict[str, Path], docx_native: Path, tmp_path: Path) -> None:
    """The evaluation's budget chart colours each realisation bar by its dimension; the
    series has a fill of its own too, so its legend entry shows a colour of its bars (the
    first, as the picture's legend), not the application's default orange. In every native
    chart of the decks and DOCXs."""
    render_evaluation(SPEC, YEARS, RenderSettings(documents=("evaluation",),
                                                  formats=("docx",), outdir=tmp_path))
    evaluation_docx = tmp_path / f"{STEM}-2028-evaluation.docx"
    coloured = 0
    for path in (decks["summary"], decks["evaluation"], docx_native, evaluation_docx):
        parts = chart_parts(path)
        assert parts, path.name
        for part in parts:
            for name, own, points in series_fills(part):
                if points:
                    coloured += 1
                    assert own is not None, (path.name, name)
                    # the chart holds horizontal bars bottom up: either end is the first
                    assert own in (points[0], points[-1]), (path.name, name, own, points)
    assert coloured >= 5
    for path in (decks["evaluation"], evaluation_docx):
        budget = next(fills for part in chart_parts(path) for fills in [series_fills(part)]
                      if any(name == "Realisasi" for name, _own, _points in fills))
        realised = next(fills for fills in budget if fills[0] == "Realisasi")
        assert realised[1] == realised[2][0] == "1F4E79", (path.name, realised)


def word_boxes(pdf: Path, page: int) -> list[tuple[str, float, float]]:
    """The words of a page as LibreOffice laid them out: text, top and bottom (pt)."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf),
                           "-"], capture_output=True, text=True, check=True, timeout=60).stdout
    return [(word, float(top), float(bottom)) for top, bottom, word in re.findall(
        r'<word xMin="[^"]*" yMin="([^"]*)" xMax="[^"]*" yMax="([^"]*)">([^<]*)</word>', html)]


@pytest.mark.libreoffice
def test_every_title_stays_inside_its_box(decks: dict[str, Path], tmp_path: Path) -> None:
    """A long title (the quick win `QW-02 Kalender dan e-Tiket Banyuwangi Festival`, the
    evaluation's budget chart) is set smaller so that it stays inside its title box, as
    LibreOffice lays it out: it no longer runs over the accent rule or the chart under it.
    In every deck, every slide."""
    soffice_pdf(list(decks.values()), tmp_path)
    long_titles = 0
    for kind, path in decks.items():
        pdf = tmp_path / f"{path.stem}.pdf"
        if not pdf.exists():
            pytest.skip("LibreOffice Impress is not installed (libreoffice-impress-nogui)")
        for number, slide in enumerate(slides(path), start=1):
            title = slide.shapes.title  # type: ignore[attr-defined]
            top, bottom = title.top / 12700, (title.top + title.height) / 12700
            words = set(title.text.split())
            laid_out = [(word, upper, lower) for word, upper, lower in word_boxes(pdf, number)
                        if word in words and upper < bottom]
            assert words <= {word for word, _upper, _lower in laid_out}, (kind, number)
            # (a word's box as pdftotext gives it reaches a point or two past its line)
            for word, upper, lower in laid_out:
                assert top - 2 <= upper and lower <= bottom + 2, (kind, number, word, bottom)
            accent = next((shape for shape in slide.shapes  # type: ignore[attr-defined]
                           if shape.name == "Accent"), None)
            if accent is not None:
                assert max(lower for _w, _u, lower in laid_out) < accent.top / 12700
            long_titles += len(title.text) > 45
    assert long_titles >= 2
