"""`masterplan render -f docx` end to end on the complete example (Banyuwangi).

python-docx reads every document back (headings and their Word numbers, the six dimensions,
tables and row counts, pictures with alt text); the text of each DOCX equals the text of its
HTML; two renders in different processes are byte-identical; LibreOffice headless opens
every DOCX these tests produce (the example's four and the hostile ones) and converts it to
PDF, whose text holds every chapter with its number. Hostile input (characters XML forbids,
a 20,000-character word, lists nested twelve deep, remote and broken images, a broken
reference document, one full of external relationships, one whose zip lies) is handled or
refused with a message, never written half-way.

The example is rendered once per session (twice, for the byte comparison, in parallel);
LibreOffice runs once, for all documents together.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
import lxml.html
import pytest
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx_hostile import (
    EVIL,
    PLANTS,
    MiB,
    deflated,
    external_targets,
    hostile,
    inflated,
    with_stream,
    word_template,
)
from pypdf import PdfReader

from generator.errors import RenderError
from generator.render.docx import DocxOptions, convert
from generator.render.docx import numbering as nb
from generator.render.docx.ooxml import W
from generator.render.docx.stylemap import HEADING_STYLES
from generator.spec.framework import default_framework

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "kabupaten-banyuwangi" / "masterplan.yaml"
MINIMAL = REPO / "examples" / "minimal" / "masterplan.yaml"
KINDS = ("masterplan", "summary", "quickwins", "readiness")
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
INLINE = WP + "inline"
RENDER_TIMEOUT = 300
LIBREOFFICE_TIMEOUT = 300
BLOCKS = {"address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl",
          "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
          "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
          "td", "tfoot", "th", "thead", "tr", "ul"}


# --- rendering -------------------------------------------------------------------------------


def masterplan(*args: str | os.PathLike[str], cwd: Path = REPO, timeout: float = RENDER_TIMEOUT,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`masterplan ARGS` in a child process (the installed script, else `-m generator`)."""
    script = Path(sys.executable).with_name("masterplan")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "generator"]
    base = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run([*command, *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, check=False,
                          env={**base, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})})


@dataclass
class Rendered:
    outdir: Path

    def path(self, kind: str, ext: str) -> Path:
        found = sorted(self.outdir.glob(f"*-{kind}.{ext}"))
        assert len(found) == 1, found
        return found[0]

    def docx(self, kind: str = "masterplan") -> Document:
        return docx.Document(str(self.path(kind, "docx")))

    def html(self, kind: str = "masterplan") -> Any:
        return lxml.html.parse(str(self.path(kind, "html"))).getroot()


@pytest.fixture(scope="session")
def renders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Rendered, Rendered]:
    """The complete example, all documents, HTML and DOCX; and the same command again from
    another folder with another hash seed and time zone (for the byte comparison)."""
    base = tmp_path_factory.mktemp("docx-renders")
    jobs = [(base / "a", REPO, str(EXAMPLE), {"PYTHONHASHSEED": "0", "TZ": "UTC"}),
            (base / "b", EXAMPLE.parent, EXAMPLE.name,
             {"PYTHONHASHSEED": "4242", "TZ": "Asia/Jayapura"})]

    def run(job: tuple[Path, Path, str, dict[str, str]]) -> Rendered:
        outdir, cwd, spec, env = job
        done = masterplan("render", spec, "--document", "all", "-f", "html,docx", "-o",
                          outdir, cwd=cwd, env=env)
        assert done.returncode == 0, done.stderr
        return Rendered(outdir)

    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(run, jobs)
    return first, second


@pytest.fixture(scope="session")
def example(renders: tuple[Rendered, Rendered]) -> Rendered:
    return renders[0]


# --- reading back ----------------------------------------------------------------------------


def block_texts(container: Any) -> Iterator[str]:
    """Paragraph texts in reading order, table cells row by row (merged cells once); an
    entry of the contents without the page number LibreOffice measured (the HTML has none;
    tests/e2e/test_docx_book.py checks them)."""
    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            if item.style.name.startswith("TOC ") and "\t" in item.text:
                yield item.text.rpartition("\t")[0]
            else:
                yield item.text
        elif isinstance(item, Table):
            for row in item.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        yield from block_texts(cell)


def docx_words(document: Document) -> list[str]:
    return " ".join(block_texts(document)).split()


def html_words(root: Any) -> list[str]:
    """What the DOCX must say: the body's text with blocks kept apart, without the running
    header (it is the page header in Word) and without the numbers of headings (Word
    numbers those; captions and contents entries keep theirs as text)."""
    pieces: list[str] = []

    def walk(element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        classes = element.get("class", "").split() if tag else []
        skip = (tag in ("style", "script", "head")
                or (tag == "header" and "running" in classes)
                or (tag == "span" and "num" in classes
                    and element.getparent().tag in ("h1", "h2", "h3", "h4")))
        if not skip:
            if tag in BLOCKS:
                pieces.append(" ")
            pieces.append(element.text or "")
            for child in element:
                walk(child)
            if tag in BLOCKS:
                pieces.append(" ")
        pieces.append(element.tail or "")

    walk(root.find("body"))
    return "".join(pieces).split()


def html_headings(root: Any) -> list[tuple[int, str, str]]:
    """(level, number, title) of the numbered-heading macro's output, in order."""
    found = []
    for element in root.iter("h1", "h2", "h3", "h4"):
        classes = element.get("class", "").split()
        inside_narrative = any("narrative" in a.get("class", "").split()
                               for a in element.iterancestors())
        if "front-title" in classes or inside_narrative:
            continue
        number = element.find("span")
        number_text = " ".join(number.text_content().split()) if number is not None else ""
        title = " ".join(element.text_content().split())
        found.append((int(element.tag[1]), number_text, title[len(number_text):].strip()))
    return found


def docx_headings(document: Document) -> list[tuple[int, str]]:
    # A chapter's title starts with a line break: it sits below "BAB I", as in the PDF.
    return [(int(p.style.name.split()[-1]), p.text.removeprefix("\n"))
            for p in document.paragraphs if p.style.name in HEADING_STYLES]


_FORMATS = {"decimal": str, "upperRoman": nb.roman, "upperLetter": nb.alpha}


def word_numbers(document: Document) -> list[str]:
    """The number Word displays before each numbered heading, computed from numbering.xml:
    one counter set per list instance, overrides before the abstract definition."""
    numbering = document.part.numbering_part.element
    abstracts = {a.get(W + "abstractNumId"): a for a in numbering.iterfind(W + "abstractNum")}
    nums = {n.get(W + "numId"): n for n in numbering.iterfind(W + "num")}

    def level(num_id: str, ilvl: int) -> Any:
        for override in nums[num_id].iterfind(W + "lvlOverride"):
            if int(override.get(W + "ilvl")) == ilvl and override.find(W + "lvl") is not None:
                return override.find(W + "lvl")
        abstract = abstracts[nums[num_id].find(W + "abstractNumId").get(W + "val")]
        return next(lvl for lvl in abstract.iterfind(W + "lvl")
                    if int(lvl.get(W + "ilvl")) == ilvl)

    def start(num_id: str, ilvl: int) -> int:
        for override in nums[num_id].iterfind(W + "lvlOverride"):
            found = override.find(W + "startOverride")
            if int(override.get(W + "ilvl")) == ilvl and found is not None:
                return int(found.get(W + "val"))
        return int(level(num_id, ilvl).find(W + "start").get(W + "val"))

    counters: dict[str, list[int]] = {}
    shown = []
    for p in document.paragraphs:
        if p.style.name not in HEADING_STYLES:
            continue
        num = p._p.find(f"{W}pPr/{W}numPr")
        if num is None or num.find(W + "numId").get(W + "val") == "0":
            shown.append("")
            continue
        num_id, ilvl = num.find(W + "numId").get(W + "val"), int(
            num.find(W + "ilvl").get(W + "val"))
        values = counters.setdefault(num_id, [start(num_id, i) - 1 for i in range(4)])
        values[ilvl] += 1
        for deeper in range(ilvl + 1, 4):
            values[deeper] = start(num_id, deeper) - 1
        text = level(num_id, ilvl).find(W + "lvlText").get(W + "val")
        for index in range(ilvl + 1):
            fmt = level(num_id, index).find(W + "numFmt").get(W + "val")
            text = text.replace(f"%{index + 1}", _FORMATS[fmt](values[index]))
        shown.append(text.strip())
    return shown


def html_tables(root: Any) -> list[tuple[str, int]]:
    """(caption, rows) of every table, dl.facts (a row per term) and div.keyfigures."""
    found = []
    for element in root.iter("table", "dl", "div"):
        classes = element.get("class", "").split()
        if element.tag == "table":
            caption = element.find("caption")
            text = " ".join(caption.text_content().split()) if caption is not None else ""
            found.append((text, len(element.findall(".//tr"))))
        elif element.tag == "dl" and "facts" in classes:
            found.append(("", len(element.findall("dt"))))
        elif element.tag == "div" and "keyfigures" in classes:
            found.append(("", 1))
    return found


def docx_tables(document: Document) -> list[tuple[str, int]]:
    found = []
    for table in document.tables:
        previous = table._tbl.getprevious()
        caption = ""
        if previous is not None and previous.tag == W + "p":
            paragraph = Paragraph(previous, document)
            if paragraph.style.name == "Caption":
                caption = " ".join(paragraph.text.split())
        found.append((caption, len(table.rows)))
    return found


# --- the complete example --------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_headings_in_order_with_the_numbers_of_the_html(example: Rendered, kind: str) -> None:
    expected = html_headings(example.html(kind))
    document = example.docx(kind)
    assert docx_headings(document) == [(level, title) for level, _, title in expected]
    assert word_numbers(document) == [number for _, number, _ in expected]
    assert len(expected) > 3


def test_the_masterplan_has_every_chapter_and_the_six_dimensions(example: Rendered) -> None:
    headings = docx_headings(example.docx())
    chapters = [title for level, title in headings if level == 1]
    assert chapters[:3] == ["Pendahuluan", "Gambaran Umum Daerah", "Analisis Kesiapan Daerah"]
    assert chapters[-6:] == ["Daftar Pustaka", "Matriks Program",
                             "Indikator dan Target Program", "Matriks Keselarasan dengan RPJMD",
                             "Daftar Istilah", "Hasil Survei Kesiapan Digital Desa"]
    assert len(chapters) == 17  # with the enablers' chapter and the alignment annex
    second = [title for level, title in headings if level == 2]
    for label_id, _ in default_framework().dimensions.values():
        # analysed in BAB IV, programmed in BAB VI
        assert second.count(label_id) == 2, (label_id, second)


@pytest.mark.parametrize("kind", KINDS)
def test_tables_and_their_row_counts(example: Rendered, kind: str) -> None:
    expected = html_tables(example.html(kind))
    assert docx_tables(example.docx(kind)) == expected
    assert expected


def test_repeated_header_rows_and_landscape_pages(example: Rendered) -> None:
    document = example.docx()
    for table in document.tables:
        rows = table._tbl.findall(W + "tr")
        headers = [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows]
        assert headers == sorted(headers, reverse=True)  # header rows first, then none
    orientations = [s.find(W + "pgSz").get(W + "orient", "portrait")
                    for s in document.element.body.iter(W + "sectPr")]
    assert orientations[0] == "portrait" and "landscape" in orientations
    first = next(document.element.body.iter(W + "sectPr"))  # the cover's own section
    assert first.find(W + "headerReference") is None


def test_the_roadmap_table_has_a_row_of_phases_above_the_years(example: Rendered) -> None:
    names = ["Tahap I: Fondasi Digital", "Tahap II: Integrasi Layanan",
             "Tahap III: Banyuwangi Cerdas Berkelanjutan"]
    roadmap = next(t for t in example.docx().tables
                   if any(names[0] in cell.text for cell in t.rows[0].cells))
    phases, years = roadmap.rows[0], roadmap.rows[1]
    spans = [int(span.get(W + "val")) for span in phases._tr.iter(W + "gridSpan")]
    assert list(dict.fromkeys(cell.text for cell in phases.cells)) == ["Tahap", *names]
    assert spans == [2, 2, 3, 5]  # Kode + Program, then the years of each phase
    assert [c.text for c in years.cells][2:] == [str(y) for y in range(2026, 2036)]
    assert all(r.find(f"{W}trPr/{W}tblHeader") is not None for r in (phases._tr, years._tr))


@pytest.mark.parametrize("kind", KINDS)
def test_pictures_with_alt_text(example: Rendered, kind: str) -> None:
    root = example.html(kind)
    expected = [img.get("alt") for img in root.iter("img")]
    inlines = list(example.docx(kind).element.body.iter(INLINE))
    descriptions = [i.find(WP + "docPr").get("descr") for i in inlines]
    assert descriptions == expected and all(descriptions)
    charts = [img for img in root.iter("img") if img.get("data-width-cm")]
    widths = [int(i.find(WP + "extent").get("cx"))
              for i in inlines[len(expected) - len(charts):]]
    assert widths == [round(float(img.get("data-width-cm")) * 360000) for img in charts]


@pytest.mark.parametrize("kind", KINDS)
def test_the_docx_says_what_the_html_says(example: Rendered, kind: str) -> None:
    # Compared: the whitespace-separated words of the document body in reading order
    # (paragraphs, then table cells row by row), HTML without heading numbers.
    expected = html_words(example.html(kind))
    assert docx_words(example.docx(kind)) == expected
    assert len(expected) > 300


def test_two_renders_are_byte_identical(renders: tuple[Rendered, Rendered]) -> None:
    first, second = renders
    for kind in KINDS:
        assert first.path(kind, "docx").read_bytes() == second.path(kind, "docx").read_bytes()


def test_document_properties(example: Rendered) -> None:
    props = example.docx().core_properties
    assert props.title == "Masterplan Smart City Kabupaten Banyuwangi 2026–2035"
    assert "Banyuwangi" in props.author and props.language == "id-ID"
    assert "Kabupaten Banyuwangi" in props.keywords and props.subject
    assert props.created == props.modified
    settings = example.docx().settings.element
    assert settings.find(W + "updateFields").get(W + "val") == "true"


# --- hostile input ---------------------------------------------------------------------------

LONG_WORD = "Kabupaten" * 2_000  # 18,000 characters without a space


def deep_list(depth: int) -> str:
    return "".join(f"<ul><li>tingkat {n}" for n in range(1, depth + 1)) + \
        "</li></ul>" * depth


@pytest.fixture(scope="session")
def hostile_docs(example: Rendered, tmp_path_factory: pytest.TempPathFactory) -> dict[
        str, Path]:
    """The example's masterplan HTML with hostile content spliced into a narrative, written
    as DOCX by the converter (they go to LibreOffice too)."""
    html = example.path("masterplan", "html").read_text(encoding="utf-8")
    charts = chart_pngs(example)
    marker = '<div class="narrative">'
    assert marker in html
    cases = {
        "controls": "<p>Tempel\x0bdari\x0cWord\x00 \x1f\x7f\ud800 selesai</p>",
        "long-word": f"<p>{LONG_WORD}</p><table class='data'><tr><td>{LONG_WORD}</td>"
                     f"<td>pendek</td></tr></table>",
        "deep-list": deep_list(12),
        "links": "<p><a href='javascript:alert(1)'>skrip</a> <a href='https://example.org/"
                 f"{'x' * 3000}'>panjang</a> <a href='https://example.org/a b'>spasi</a></p>",
    }
    folder = tmp_path_factory.mktemp("hostile-docx")
    paths = {}
    for name, content in cases.items():
        result = convert(html.replace(marker, marker + content, 1),
                         DocxOptions(title=f"hostile {name}", charts=charts,
                                     created=datetime(2025, 1, 1, tzinfo=UTC)))
        paths[name] = folder / f"hostile-{name}.docx"
        paths[name].write_bytes(result.data)
    result = convert(html, DocxOptions(title="hostile reference", charts=charts,
                                       created=datetime(2025, 1, 1, tzinfo=UTC),
                                       reference_docx=hostile(folder, *PLANTS)))
    paths["reference"] = folder / "hostile-reference.docx"
    paths["reference"].write_bytes(result.data)
    return paths


def chart_pngs(example: Rendered) -> dict[str, bytes]:
    """The chart PNGs of the example (its DOCX holds native charts since --docx-charts
    native became the default: drawn here as the picture fallback draws them)."""
    from generator.documents.charts import make_charts
    from generator.i18n.labels import labels
    from generator.spec import check_spec
    from generator.spec.model import build_model

    keys = [f.get("data-chart") for f in example.html().iter("figure")]
    charts = make_charts(build_model(check_spec(EXAMPLE)[0]), "id", labels("id"), png=True)
    return {key: charts[key].png for key in keys if key}


def test_hostile_text_is_cleaned_and_kept(hostile_docs: dict[str, Path]) -> None:
    texts = [p.text for p in docx.Document(str(hostile_docs["controls"])).paragraphs]
    assert "Tempel dari Word \ufffd selesai" in texts
    long_doc = docx.Document(str(hostile_docs["long-word"]))
    assert LONG_WORD in [p.text for p in long_doc.paragraphs]
    deep = [(p.style.name, p.text) for p in docx.Document(
        str(hostile_docs["deep-list"])).paragraphs if p.text.startswith("tingkat")]
    assert [text for _, text in deep] == [f"tingkat {n}" for n in range(1, 13)]
    assert [style for style, _ in deep][2:] == ["List Bullet 3"] * 10
    links = docx.Document(str(hostile_docs["links"]))
    targets = [rel.target_ref for rel in links.part.rels.values() if rel.is_external]
    # the narrative's one safe link (the example's bibliography adds its own URLs)
    assert "https://example.org/a%20b" in targets
    assert all(target.startswith("https://") for target in targets), targets


@pytest.mark.parametrize("formats, says", [
    ("docx", "only embedded PNG or JPEG images"),
    # the HTML writer refuses it first, as the PDF writer would
    ("html,docx", "refused to fetch 'https://example.org/logo.png': a document may only use "
                  "data: URLs and the bundled fonts"),
])
def test_a_remote_image_in_a_template_fails_the_render_and_writes_nothing(
        tmp_path: Path, formats: str, says: str) -> None:
    spec = tmp_path / "spec" / "masterplan.yaml"
    spec.parent.mkdir()
    spec.write_bytes(MINIMAL.read_bytes())
    brand = tmp_path / "brand" / "partials"
    brand.mkdir(parents=True)
    (brand / "cover.html.j2").write_text(
        '<section class="cover"><div class="cover-logo"><img src="https://example.org/'
        'logo.png" alt="logo"></div><p class="cover-title">{{ title }}</p></section>\n',
        encoding="utf-8")
    outdir = tmp_path / "out"
    done = masterplan("render", spec, "-f", formats, "-o", outdir, "--template-dir",
                      brand.parent, timeout=120)
    assert done.returncode == 1, done.stderr
    assert says in done.stderr
    assert "Traceback" not in done.stderr
    assert not outdir.exists() or list(outdir.iterdir()) == []


def test_a_consultants_reference_docx_through_the_command_line(tmp_path: Path) -> None:
    reference = docx.Document()
    reference.styles["Heading 1"].font.color.rgb = docx.shared.RGBColor(0x80, 0, 0)
    reference.save(str(tmp_path / "konsultan.docx"))
    outdir = tmp_path / "out"
    done = masterplan("render", MINIMAL, "-f", "docx", "-o", outdir, "--reference-docx",
                      tmp_path / "konsultan.docx", timeout=120)
    assert done.returncode == 0, done.stderr
    assert (f"{tmp_path / 'konsultan.docx'}: warning: gaya Word `Masterplan Table` tidak ada di "
            "konsultan.docx; memakai gaya bawaan") in done.stderr
    document = docx.Document(str(next(outdir.glob("*.docx"))))
    assert document.styles["Heading 1"].font.color.rgb == docx.shared.RGBColor(0x80, 0, 0)
    assert document.tables[0].style.name in {"Masterplan Table", "Facts Table",
                                              "SWOT Table"}


def test_a_broken_reference_docx_fails_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "rusak.docx").write_bytes(b"PK\x03\x04 this is not a zip")
    outdir = tmp_path / "out"
    for lang, text in (("id", "bukan dokumen Word"), ("en", "not a Word document")):
        done = masterplan("render", MINIMAL, "-f", "html,docx", "-o", outdir, "--lang", lang,
                          "--reference-docx", tmp_path / "rusak.docx", timeout=120)
        assert done.returncode == 1
        assert f"{tmp_path / 'rusak.docx'}: error: --reference-docx: {text}" in done.stderr
        assert not outdir.exists() or list(outdir.iterdir()) == []


def test_a_hostile_reference_docx_plants_nothing_and_is_reported(tmp_path: Path) -> None:
    """A reference with a remote attachedTemplate (and every other kind of external
    relationship): the DOCX is written without any, and a warning at the file says what
    was removed, in Indonesian or English."""
    reference = hostile(tmp_path, *PLANTS)
    for lang, text in (("id", "dibuang dari konsultan.docx karena membuat Word mengambil"),
                       ("en", "removed from konsultan.docx what would make Word fetch")):
        outdir = tmp_path / lang
        done = masterplan("render", MINIMAL, "-f", "docx", "-o", outdir, "--lang", lang,
                          "--reference-docx", reference, timeout=120)
        assert done.returncode == 0, done.stderr
        assert f"{reference}: warning: {text}" in done.stderr
        assert f"attachedTemplate https://{EVIL}/t.dotm" in done.stderr
        data = next(outdir.glob("*.docx")).read_bytes()
        assert all(kind == "hyperlink" and not target.startswith("file:")
                   for _rels, kind, target in external_targets(data))
        assert not any(EVIL.encode() in content for content in inflated(data).values())


def test_a_reference_docx_whose_zip_lies_is_refused_and_nothing_is_written(
        tmp_path: Path) -> None:
    """The header of word/styles.xml declares the real styles, its stream inflates 256 MiB
    more (zipfile would have inflated all of it): refused before python-docx opens it."""
    styles = word_template().parts["word/styles.xml"]
    reference = tmp_path / "bohong.docx"
    reference.write_bytes(with_stream(styles, deflated(styles, b" " * MiB, repeat=256)))
    outdir = tmp_path / "out"
    for lang, text in (("id", "bagian `word/styles.xml` terurai lebih besar daripada"),
                       ("en", "part `word/styles.xml` unpacks to more than the")):
        done = masterplan("render", MINIMAL, "-f", "html,docx", "-o", outdir, "--lang", lang,
                          "--reference-docx", reference, timeout=120)
        assert done.returncode == 1, done.stderr
        assert done.stderr.startswith(f"{reference}: error: --reference-docx: {text}")
        assert "Traceback" not in done.stderr and "internal error" not in done.stderr
        assert not outdir.exists() or list(outdir.iterdir()) == []


def test_a_missing_chart_png_is_a_render_error(example: Rendered) -> None:
    html = example.path("summary", "html").read_text(encoding="utf-8")
    with pytest.raises(RenderError, match="no PNG for chart"):
        convert(html, DocxOptions(charts={}))


# --- LibreOffice: "it opens in Word" ----------------------------------------------------------

# A Basic macro in LibreOffice's own profile (trusted, unlike document macros): open the
# DOCX, update every index (the TOC field, as Word does on opening with updateFields) and
# the fields, twice (the filled contents move pages), and export a PDF.
UPDATE_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub UpdateAndExport(source As String, target As String)
  Dim hidden(0) As New com.sun.star.beans.PropertyValue
  hidden(0).Name = &quot;Hidden&quot;
  hidden(0).Value = True
  document = StarDesktop.loadComponentFromURL(ConvertToURL(source), &quot;_blank&quot;, 0, hidden())
  For pass = 1 To 2
    indexes = document.getDocumentIndexes()
    For i = 0 To indexes.getCount() - 1
      indexes.getByIndex(i).update()
    Next i
    document.getTextFields().refresh()
  Next pass
  Dim pdf(0) As New com.sun.star.beans.PropertyValue
  pdf(0).Name = &quot;FilterName&quot;
  pdf(0).Value = &quot;writer_pdf_Export&quot;
  document.storeToURL(ConvertToURL(target), pdf())
  document.close(True)
End Sub
</script:module>
"""


def soffice(arguments: list[str], profile: Path) -> None:
    """LibreOffice headless with its own profile, killed (with its children) on timeout."""
    executable = shutil.which("soffice") or shutil.which("libreoffice")
    if executable is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    command = [executable, "--headless", "--norestore", "--nologo", "--nodefault",
               f"-env:UserInstallation={profile.as_uri()}", *arguments]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        process.communicate(timeout=LIBREOFFICE_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # soffice.bin is a grandchild
        process.communicate()
        pytest.fail(f"LibreOffice took more than {LIBREOFFICE_TIMEOUT} s: {command}")


@pytest.fixture(scope="session")
def libreoffice_pdfs(example: Rendered, hostile_docs: dict[str, Path],
                     tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every DOCX of these tests as a PDF made by LibreOffice, each converted once: the
    masterplan through the update macro (its contents filled), the others in one batch."""
    folder = tmp_path_factory.mktemp("libreoffice")
    profile, pdfs = folder / "profile", folder / "pdf"
    batch = {kind: example.path(kind, "docx") for kind in KINDS[1:]} | hostile_docs
    soffice(["--convert-to", "pdf", "--outdir", str(pdfs), *map(str, batch.values())],
            profile)
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    assert module.is_file(), "LibreOffice did not create its profile"
    module.write_text(UPDATE_MACRO, encoding="utf-8")
    source, target = example.path("masterplan", "docx"), pdfs / "masterplan-updated.pdf"
    soffice([f"macro:///Standard.Module1.UpdateAndExport({source},{target})"], profile)
    return {"masterplan": target} | {name: pdfs / (path.stem + ".pdf")
                                     for name, path in batch.items()}


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.mark.libreoffice
def test_libreoffice_opens_every_docx(libreoffice_pdfs: dict[str, Path]) -> None:
    for name, path in libreoffice_pdfs.items():
        assert path.is_file(), f"LibreOffice could not convert {name}"
        assert len(PdfReader(path).pages) >= 1, name


@pytest.mark.libreoffice
@pytest.mark.parametrize("kind", KINDS)
def test_libreoffice_shows_every_heading_with_its_number(
        example: Rendered, libreoffice_pdfs: dict[str, Path], kind: str) -> None:
    text = pdf_text(libreoffice_pdfs[kind]).casefold()
    headings = html_headings(example.html(kind))
    for level, number, title in headings:
        line = f"{number} {title}".strip().casefold()  # Heading 1 is set in capitals
        assert line in text, (level, number, title)


@pytest.mark.libreoffice
def test_libreoffice_lays_out_landscape_pages(libreoffice_pdfs: dict[str, Path]) -> None:
    reader = PdfReader(libreoffice_pdfs["masterplan"])
    landscape = [float(p.mediabox.width) > float(p.mediabox.height) for p in reader.pages]
    assert not landscape[0] and sum(landscape) >= 3
    assert landscape[-1] is False  # the glossary is portrait again
    assert 40 <= len(reader.pages) <= 150


def listed_page(reader: PdfReader, entry: str) -> int:
    """The page number a contents list gives for `entry` (on the first eight pages)."""
    text = " ".join(" ".join(page.extract_text() for page in reader.pages[:8]).split())
    listed = re.search(re.escape(entry) + r"[\s.]*(\d+)\b", text)  # leaders or none
    assert listed, (entry, text[:3000])
    return int(listed.group(1))


def page_text(reader: PdfReader, number: int) -> str:
    return " ".join(reader.pages[number - 1].extract_text().split())


@pytest.mark.libreoffice
def test_libreoffice_fills_the_contents_field_and_page_references(
        libreoffice_pdfs: dict[str, Path]) -> None:
    reader = PdfReader(libreoffice_pdfs["masterplan"])
    # The TOC field, updated: the two levels the HTML lists, numbered, with the page of
    # each heading (tests/e2e/test_docx_book.py: the same pages before the update).
    for entry, heading in [("BAB IV Analisis Strategis per Dimensi", "BAB IV"),
                           ("4.1 Smart Governance", "4.1 Smart Governance"),
                           ("3.2 Struktur", "3.2 Struktur"),
                           ("Lampiran D Daftar Istilah", "LAMPIRAN D")]:
        assert heading in page_text(reader, listed_page(reader, entry)), entry
    contents = " ".join(page_text(reader, number) for number in range(2, 7))
    assert "3.2.1 Sumber Daya Manusia" not in contents
    # The list of tables carries PAGEREF fields to the captions' bookmarks.
    assert "Tabel 2.1 Kondisi Geografis" in page_text(
        reader, listed_page(reader, "Tabel 2.1 Kondisi Geografis"))


@pytest.mark.libreoffice
def test_libreoffice_keeps_the_hostile_text(libreoffice_pdfs: dict[str, Path]) -> None:
    assert "Tempel dari Word" in pdf_text(libreoffice_pdfs["controls"])
    assert "KabupatenKabupatenKabupaten" in pdf_text(libreoffice_pdfs["long-word"])
    assert "tingkat 12" in pdf_text(libreoffice_pdfs["deep-list"])


@pytest.mark.libreoffice
def test_libreoffice_pages_keep_lead_ins_with_what_they_introduce(
        example: Rendered, libreoffice_pdfs: dict[str, Path], e2e: Any) -> None:
    # What poppler copies out of LibreOffice's PDF of the DOCX: the chapter label as it
    # reads (no letter spacing: "B AB VI I"), and no page of the chapters ends with a
    # heading, a table caption or a label line (Caption, Heading and Label keep with the
    # next paragraph, rows with the next row).
    root = example.html()
    region, title = (" ".join(span.text_content().split()) for span in root.find(".//header"))
    bodies = e2e.page_bodies(libreoffice_pdfs["masterplan"], f"{region} · {title}")
    text = " ".join(bodies)
    assert "BAB VII" in text and "B AB" not in text and "BAB V II" not in text
    first = next(n for n, body in enumerate(bodies) if body.startswith("BAB I "))
    lead_ins = e2e.lead_ins(root)
    stranded = [(number, ending) for number, body in enumerate(bodies[first:], first + 1)
                if (ending := e2e.page_ending(body, lead_ins))]
    assert stranded == []


def test_docx_round_trips_through_python_docx_bytes(example: Rendered) -> None:
    data = example.path("masterplan", "docx").read_bytes()
    again = io.BytesIO()
    docx.Document(io.BytesIO(data)).save(again)
    assert docx.Document(io.BytesIO(again.getvalue())).paragraphs
