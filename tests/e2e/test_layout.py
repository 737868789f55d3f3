"""Every page of the three examples' masterplans, read as a ministry reviewer reads them:
no page ends with a table caption, a heading or a label line (the table or text it
introduces is on the next page); the chapter labels copy out of the PDF as they read
(`BAB VII`, not `BAB V II`); readiness scores carry one decimal; no parentheses inside
parentheses; every number the tool prints follows the document's language; the cover says
each thing once.

The PDFs are the session's renders (conftest.py: `example`, `kota`, `minimal_pdfa`); the
headings, captions and labels to look for come from the HTML of the same spec.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from helpers import run_cli
from PIL import Image
from pypdf import PdfReader
from ruamel.yaml import YAML

from generator.spec.framework import default_framework

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
SPECS = {"banyuwangi": EXAMPLES / "kabupaten-banyuwangi" / "masterplan.yaml",
         "makassar": EXAMPLES / "kota-makassar" / "masterplan.yaml",
         "sleman": EXAMPLES / "kabupaten-sleman" / "masterplan.yaml",
         "minimal": EXAMPLES / "minimal" / "masterplan.yaml"}
ONE_DECIMAL = re.compile(r"^\d,\d$")
NESTED = re.compile(r"\([^()]*\([^()]*\)[^()]*\)")


@dataclass
class Book:
    """One example's masterplan: its PDF, the HTML it was made from, its spec."""

    name: str
    pdf: Path
    html: Any
    spec: dict[str, Any]

    @property
    def header(self) -> str:
        """The running header: region and title."""
        running = self.html.find(".//header")
        return " ".join(" ".join(span.text_content().split()) for span in running)


@pytest.fixture(scope="module")
def books(example: Any, kota: Any, sleman: Any, minimal_pdfa: Any,
          tmp_path_factory: pytest.TempPathFactory) -> dict[str, Book]:
    # The minimal example's session render is PDF only (PDF/A-3b); its HTML is cheap.
    outdir = tmp_path_factory.mktemp("minimal-html")
    result = run_cli("render", SPECS["minimal"], "-f", "html", "-o", outdir)
    assert result.exit_code == 0, result.output
    (minimal_html,) = outdir.glob("*-masterplan.html")
    htmls = {"banyuwangi": example.path("masterplan", "html"),
             "makassar": kota.path("masterplan", "html"),
             "sleman": sleman.path("masterplan", "html"), "minimal": minimal_html}
    pdfs = {"banyuwangi": example.path(), "makassar": kota.path(), "sleman": sleman.path(),
            "minimal": minimal_pdfa.path()}
    yaml = YAML(typ="safe", pure=True)
    return {name: Book(name, pdfs[name], lxml.html.parse(str(htmls[name])).getroot(),
                       yaml.load(SPECS[name].read_text(encoding="utf-8")))
            for name in SPECS}


@pytest.fixture(scope="module")
def bodies(books: dict[str, Book], e2e: Any) -> dict[str, list[str]]:
    """Each book's page texts (pdftotext), without running header and page number."""
    return {name: e2e.page_bodies(book.pdf, book.header) for name, book in books.items()}


@pytest.mark.parametrize("name", list(SPECS))
def test_no_page_ends_with_a_caption_a_heading_or_a_label(
        books: dict[str, Book], bodies: dict[str, list[str]], e2e: Any, name: str) -> None:
    lead_ins = e2e.lead_ins(books[name].html)
    assert any(text.startswith("Tabel ") for text in lead_ins)  # captions are looked for
    pages = bodies[name]
    assert len(pages) > 20
    stranded = [(number, ending) for number, body in enumerate(pages[1:], start=2)
                if (ending := e2e.page_ending(body, lead_ins))]
    assert stranded == [], f"{name}: pages ending with what should open the next page"


@pytest.mark.parametrize("name", list(SPECS))
def test_chapter_labels_copy_out_of_the_pdf_as_they_read(
        books: dict[str, Book], e2e: Any, name: str) -> None:
    # "BAB VII" drawn with letter spacing copied out as "BAB V II": a search for the
    # chapter found nothing. Each label must be a line of its own on the chapter's page.
    book = books[name]
    labels = [" ".join(span.text_content().split())
              for span in book.html.iterfind(".//h1/span[@class='num']")]
    assert "BAB VII" in labels and "Lampiran A" in labels
    page_of = {title: page for depth, title, page in e2e.outline_entries(
        PdfReader(book.pdf)) if depth == 0}
    pages = e2e.page_bodies(book.pdf, book.header)
    for label in labels:
        (page,) = [page for title, page in page_of.items() if title.startswith(label + " ")]
        # (the chapter title is set in capitals: "LAMPIRAN A")
        assert re.search(rf"(^| ){re.escape(label)} ", pages[page - 1], re.IGNORECASE), (
            label, page)
    whole = " ".join(pages)
    assert "BAB VII" in whole and "BAB V II" not in whole and "B AB" not in whole


@pytest.mark.parametrize("name", list(SPECS))
def test_readiness_scores_carry_one_decimal(books: dict[str, Book],
                                            bodies: dict[str, list[str]], name: str) -> None:
    readiness = books[name].spec["readiness"]
    scores = [readiness[area][aspect].get("score")  # in the order of the table
              for area, aspects in default_framework().readiness_aspects.items()
              for aspect in aspects]
    caption = "Tabel 3.1 Ringkasan Kesiapan Area Aspek Status Skor"
    (table,) = [body for body in bodies[name] if caption in body]
    table = table[table.index(caption):]
    shown = re.findall(r"\b(?:Baik|Cukup|Kurang) (\S+)", table)[:len(scores)]
    status_lines = re.findall(r"Skor: (\S+)", " ".join(bodies[name]))
    assert len(shown) == len(scores) and len(status_lines) == len(scores)
    for score, in_table, in_text in zip(scores, shown, status_lines, strict=True):
        if score is None:  # a status without a score
            assert in_table == in_text == "-"
            continue
        for text in (in_table, in_text):
            assert ONE_DECIMAL.match(text), (score, text)
            assert abs(float(text.replace(",", ".")) - score) < 0.051, (score, text)
    # the areas' averages, in the same column, carry one decimal too
    for area in ("Struktur", "Infrastruktur", "Suprastruktur"):
        average = re.search(rf"\b{area} (\S+)", table)
        assert average and (ONE_DECIMAL.match(average.group(1)) or average.group(1) == "-")


@pytest.mark.parametrize("name", list(SPECS))
def test_no_parentheses_inside_parentheses(bodies: dict[str, list[str]], name: str) -> None:
    # "Rp 5,2 miliar (APBD, Dana Alokasi Khusus (DAK))": the sources have their own line.
    text = " ".join(bodies[name])
    assert "((" not in text and "))" not in text
    assert NESTED.findall(text) == []
    assert "Sumber Dana" in text or name == "minimal"


def number_cells(root: Any) -> list[str]:
    """The text of every number cell (td.num, th.num) with a digit in it that the tool
    formatted: a table of the spec's own Markdown (inside div.narrative) is the author's
    text, printed as written."""
    cells = []
    for cell in root.iter("td", "th"):
        text = " ".join(cell.text_content().split())
        if any("narrative" in (a.get("class") or "").split() for a in cell.iterancestors()):
            continue
        if "num" in cell.get("class", "").split() and re.search(r"\d", text):
            cells.append(text)
    return cells


def test_every_number_follows_the_document_language(example: Any, example_en: Any) -> None:
    indonesian = number_cells(lxml.html.fromstring(example.html()))
    english = number_cells(lxml.html.fromstring(example_en.html()))
    assert len(indonesian) == len(english) > 100
    # Indonesian: "." groups thousands, "," marks decimals; English the other way round.
    assert [c for c in indonesian if re.search(r"\d\.\d{1,2}(?!\d)|\d,\d{3}\b", c)] == []
    assert [c for c in english if re.search(r"\d,\d{1,2}(?!\d)|\d\.\d{3}\b", c)] == []
    assert any(re.search(r"\d\.\d{3}", c) for c in indonesian)
    assert any(re.search(r"\d,\d{3}", c) for c in english)
    # shares with one decimal, the total too
    shares = [c for c in indonesian if c.endswith("%")]
    assert shares and all(re.fullmatch(r"\d{1,3},\d%", c) for c in shares), shares


def test_the_cover_says_each_thing_once(books: dict[str, Book], e2e: Any) -> None:
    for name, book in books.items():
        cover = " ".join(PdfReader(book.pdf).pages[0].extract_text().split()).casefold()
        title = book.spec["document"]["title"].casefold()
        assert cover.count("masterplan smart city") == 1, (name, cover)
        assert title in cover
        assert "gerakan menuju 100 smart city" in cover  # the kicker names the programme
    text = " ".join(e2e.page_bodies(books["banyuwangi"].pdf, books["banyuwangi"].header))
    assert "Visi RPJMD:" in text and "Visi Smart City:" not in text


def test_the_sleman_book_prints_a_real_regency_as_its_spec_writes_it(
        books: dict[str, Book], e2e: Any) -> None:
    book = books["sleman"]
    cover = " ".join(PdfReader(book.pdf).pages[0].extract_text().split())
    assert "DI Yogyakarta" in cover  # the province as written, not the official name
    text = " ".join(e2e.page_bodies(book.pdf, book.header))
    assert "Wakil Bupati Sleman Danang Maharsa" in text
    assert "Gambar 2.1 Peta skematis Kabupaten Sleman dan 17 kapanewon" in text
    assert "Gambar 10.1 Struktur Dewan Smart City dan Tim Pelaksana Kabupaten Sleman" in text
    # a medium program that starts in the plan's second year and runs five years
    assert "Jangka Menengah (2028–2032)" in text
    # grades print as their levels, the RPJPD's 2045 target apart from the plan's years
    for shown in ("Sangat Baik", "Memuaskan", " AA ", " WTP ", "2045*"):
        assert shown in text, shown
    programs = [p for d in book.spec["dimensions"].values()
                for s in d["sub_dimensions"].values() for p in s["programs"]]
    continued = sum(p.get("status") == "continued" for p in programs)
    assert (len(programs), continued) == (36, 14)
    assert text.count("Lanjutan dari masterplan sebelumnya") == continued
    figures = book.html.findall(".//figure")
    assert len(figures) == 2 + 4  # the map and the chart, and the book's own four charts


def test_an_opaque_logo_sits_on_a_white_card(tmp_path: Path) -> None:
    spec = tmp_path / "spec" / "masterplan.yaml"
    spec.parent.mkdir()
    text = SPECS["minimal"].read_text(encoding="utf-8")
    assert text.count('  province: "Jawa Timur"\n') == 1
    spec.write_text(text.replace('  province: "Jawa Timur"\n',
                                 '  province: "Jawa Timur"\n  logo: "logo.png"\n'),
                    encoding="utf-8")
    pages = {}
    for mode, colour in (("RGB", "white"), ("RGBA", (0, 0, 0, 0))):
        buffer = io.BytesIO()
        Image.new(mode, (60, 80), colour).save(buffer, "PNG")
        (spec.parent / "logo.png").write_bytes(buffer.getvalue())
        result = run_cli("render", spec, "-f", "html", "-o", tmp_path / mode)
        assert result.exit_code == 0, result.output
        (page,) = (tmp_path / mode).glob("*.html")
        pages[mode] = page.read_text(encoding="utf-8")
    assert '<div class="cover-logo card">' in pages["RGB"]
    assert '<div class="cover-logo">' in pages["RGBA"]
