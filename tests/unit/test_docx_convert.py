"""generator.render.docx on small HTML documents: what each element of the vocabulary
becomes in WordprocessingML, read back with python-docx and lxml; hostile text and images;
reference documents; reproducibility. No WeasyPrint, no LibreOffice (tests/e2e has those).
"""

from __future__ import annotations

import base64
import io
import logging
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from lxml import etree
from PIL import Image

from generator.errors import Diagnostic, RenderError, SpecError
from generator.render.docx import DocxOptions, convert, render_docx
from generator.render.docx import measure as ms
from generator.render.docx import numbering as nb
from generator.render.docx import ooxml as ox
from generator.render.docx import page as pg
from generator.render.docx.package import CORE_PROPERTY_LIMIT, core_text, normalise_zip
from generator.render.docx.stylemap import STYLE_MAP

W = ox.W
R = ox.R
NS = {"w": ox.W_NS, "r": ox.R_NS,
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
CREATED = datetime(2025, 11, 20, 8, 30, tzinfo=UTC)


def png(width: int = 40, height: int = 20, colour: str = "#1f4e79") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def gif() -> bytes:
    buffer = io.BytesIO()
    Image.new("P", (4, 4)).save(buffer, "GIF")
    return buffer.getvalue()


def page(body: str, *, head: str = "") -> str:
    return (f'<!DOCTYPE html><html lang="id"><head><title>t</title>{head}</head>'
            f'<body class="doc-masterplan">{body}</body></html>')


def options(**changes: Any) -> DocxOptions:
    values: dict[str, Any] = {
        "title": "Masterplan Smart City Kabupaten Contoh 2026–2030",
        "author": "Pemerintah Kabupaten Contoh", "subject": "Masterplan – Kabupaten Contoh",
        "keywords": ["smart city", "masterplan"], "language": "id", "created": CREATED,
        "header": "Pemerintah Kabupaten Contoh · Masterplan", "charts": {}}
    values.update(changes)
    return DocxOptions(**values)


def framework_fills() -> dict[str, str]:
    """The `dim-KEY` fills the pipeline passes for the default framework."""
    from generator.spec.framework import default_framework
    return {f"dim-{key}": colour.lstrip("#").upper()
            for key, colour in default_framework().colours.items()}


def build(body: str, **changes: Any) -> Document:
    data = render_docx(page(body), options(**changes))
    return docx.Document(io.BytesIO(data))


def body_xml(document: Document) -> Any:
    return document.element.body


def paragraphs(document: Document) -> list[tuple[str, str]]:
    """(style name, text) of the body's top-level paragraphs, empty ones left out (and the
    line break that puts a chapter's title below its Word number)."""
    return [(p.style.name, p.text.removeprefix("\n")) for p in document.paragraphs
            if p.text.strip()]


def style_of(document: Document, text: str) -> str:
    for p in document.paragraphs:
        if p.text == text:
            return str(p.style.name)
    raise AssertionError(f"no paragraph {text!r} in {paragraphs(document)}")


def numbering_of(p: Any) -> tuple[int, int] | None:
    num_id = p.find(f"{W}pPr/{W}numPr/{W}numId")
    ilvl = p.find(f"{W}pPr/{W}numPr/{W}ilvl")
    if num_id is None:
        return None
    return int(num_id.get(W + "val")), int(ilvl.get(W + "val")) if ilvl is not None else 0


# --- what Word will display as heading numbers ---------------------------------------------

_FORMATS = {
    "decimal": str,
    "upperRoman": lambda n: nb.roman(n),
    "upperLetter": lambda n: nb.alpha(n),
    "lowerLetter": lambda n: nb.alpha(n).lower(),
    "lowerRoman": lambda n: nb.roman(n).lower(),
}


def word_numbers(document: Document) -> list[tuple[str, str]]:
    """(number Word displays, text) of every numbered heading paragraph, computed from
    numbering.xml the way Word does: one counter set per w:num, lvlOverride before the
    abstract definition, lower levels restarting after a higher one."""
    numbering = document.part.numbering_part.element
    abstracts = {a.get(W + "abstractNumId"): a for a in numbering.iterfind(W + "abstractNum")}
    nums = {n.get(W + "numId"): n for n in numbering.iterfind(W + "num")}
    counters: dict[str, list[int]] = {}

    def level(num_id: str, ilvl: int) -> Any:
        num = nums[num_id]
        for override in num.iterfind(W + "lvlOverride"):
            if int(override.get(W + "ilvl")) == ilvl and override.find(W + "lvl") is not None:
                return override.find(W + "lvl")
        abstract = abstracts[num.find(W + "abstractNumId").get(W + "val")]
        return next(lvl for lvl in abstract.iterfind(W + "lvl")
                    if int(lvl.get(W + "ilvl")) == ilvl)

    def start(num_id: str, ilvl: int) -> int:
        for override in nums[num_id].iterfind(W + "lvlOverride"):
            if int(override.get(W + "ilvl")) == ilvl and \
                    override.find(W + "startOverride") is not None:
                return int(override.find(W + "startOverride").get(W + "val"))
        return int(level(num_id, ilvl).find(W + "start").get(W + "val"))

    result = []
    for p in body_xml(document).iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is None or not style.get(W + "val", "").startswith("Heading"):
            continue
        numbered = numbering_of(p)
        if numbered is None or numbered[0] == 0:
            continue
        num_id, ilvl = str(numbered[0]), numbered[1]
        values = counters.setdefault(num_id, [start(num_id, i) - 1 for i in range(4)])
        values[ilvl] += 1
        for deeper in range(ilvl + 1, 4):
            values[deeper] = start(num_id, deeper) - 1
        lvl = level(num_id, ilvl)
        text = lvl.find(W + "lvlText").get(W + "val")
        for index in range(ilvl + 1):
            fmt = level(num_id, index).find(W + "numFmt").get(W + "val")
            text = text.replace(f"%{index + 1}", _FORMATS[fmt](values[index]))
        words = "".join(t.text or "" for t in p.iter(W + "t"))
        result.append((text.strip(), words))
    return result


HEADINGS = """
<section class="chapter"><h1 id="bab-satu"><span class="num">BAB I</span> Pendahuluan</h1>
<h2 id="h-2"><span class="num">1.1</span> Latar Belakang</h2>
<h3 id="h-3"><span class="num">1.1.1</span> Rinci</h3>
<h4 id="h-4"><span class="num">1.1.1.1</span> Sangat rinci</h4>
<h2 id="h-5"><span class="num">1.2</span> Tujuan</h2></section>
<section class="chapter"><h1 id="bab-dua"><span class="num">BAB II</span> Profil</h1>
<h2 id="h-7"><span class="num">2.1</span> Geografi</h2>
<h2 id="h-8"><span class="num">2.7</span> Nomor yang tidak berurutan</h2>
<div class="narrative"><h4>Judul dari Markdown</h4><p>Teks.</p></div></section>
<section class="chapter annex"><h1 id="lampiran-a"><span class="num">Lampiran A</span> Matriks</h1>
<h2 id="h-10"><span class="num">A.1</span> Rincian</h2></section>
<section class="chapter annex">
<h1 id="lampiran-b"><span class="num">Lampiran B</span> Indikator</h1></section>
<section class="front"><h1 class="front-title" id="daftar-isi">Daftar Isi</h1></section>
"""


def test_headings_are_numbered_by_word_exactly_as_the_html_numbers_them() -> None:
    document = build(HEADINGS)
    assert word_numbers(document) == [
        ("BAB I", "Pendahuluan"), ("1.1", "Latar Belakang"), ("1.1.1", "Rinci"),
        ("1.1.1.1", "Sangat rinci"), ("1.2", "Tujuan"), ("BAB II", "Profil"),
        ("2.1", "Geografi"), ("Lampiran A", "Matriks"), ("A.1", "Rincian"),
        ("Lampiran B", "Indikator")]
    headings = [(name, text) for name, text in paragraphs(document)
                if name.startswith("Heading") or name == "TOC Heading"]
    assert headings == [
        ("Heading 1", "Pendahuluan"), ("Heading 2", "Latar Belakang"), ("Heading 3", "Rinci"),
        ("Heading 4", "Sangat rinci"), ("Heading 2", "Tujuan"), ("Heading 1", "Profil"),
        ("Heading 2", "Geografi"),
        # Word numbering would say 2.2: the heading keeps its own number as text instead.
        ("Heading 2", "2.7 Nomor yang tidak berurutan"),
        ("Heading 5", "Judul dari Markdown"),
        ("Heading 1", "Matriks"), ("Heading 2", "Rincian"), ("Heading 1", "Indikator"),
        ("TOC Heading", "Daftar Isi")]


def test_a_chapter_title_sits_below_its_number_as_in_the_pdf() -> None:
    document = build(HEADINGS)
    texts = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert texts == ["\nPendahuluan", "\nProfil", "\nMatriks", "\nIndikator"]
    label = document.part.numbering_part.element.find(f".//{W}lvlOverride/{W}lvl/{W}rPr")
    assert label.find(W + "sz").get(W + "val") == "26"  # h1 .num { font-size: 13pt }


def test_unnumbered_headings_switch_the_style_numbering_off() -> None:
    document = build(HEADINGS)
    by_text = {p.text: p._p for p in document.paragraphs}
    assert numbering_of(by_text["2.7 Nomor yang tidak berurutan"]) == (0, 0)
    assert numbering_of(by_text["Daftar Isi"]) == (0, 0)
    # The heading styles themselves are linked to the heading numbering, for new headings.
    heading_1 = document.styles["Heading 1"].element
    assert heading_1.find(f"{W}pPr/{W}numPr/{W}numId") is not None


def test_chapter_sublevels_name_the_chapter_literally_for_libreoffice() -> None:
    # LibreOffice before 24.2 ignores w:isLgl and would show "II.1"; the override does not.
    document = build(HEADINGS)
    texts = [t.get(W + "val") for t in
             document.part.numbering_part.element.iterfind(f".//{W}lvlOverride/{W}lvl/"
                                                           f"{W}lvlText")]
    assert "2.%2" in texts and "2.%2.%3.%4" in texts


def test_english_chapter_names_come_from_the_html() -> None:
    document = build('<h1><span class="num">CHAPTER IV</span> Analysis</h1>'
                     '<h2><span class="num">4.1</span> Governance</h2>'
                     '<h1><span class="num">Annex A</span> Matrix</h1>')
    assert word_numbers(document) == [("CHAPTER IV", "Analysis"), ("4.1", "Governance"),
                                      ("Annex A", "Matrix")]


def test_paragraph_styles_of_the_vocabulary() -> None:
    document = build("""
<section class="cover"><p class="cover-kicker">Masterplan</p><p class="cover-title">Judul</p>
<p class="cover-subtitle">Sub</p><p class="cover-region">Kabupaten</p>
<p class="cover-period">Periode</p><p class="cover-meta">Meta<br>baris dua</p></section>
<section class="front"><p class="signature">Tanda tangan</p></section>
<section class="chapter"><p>Biasa</p><blockquote class="vision">Visi kami</blockquote>
<blockquote><p>Kutipan</p></blockquote><pre>kode
  baris</pre><hr>
<p class="status status-kurang"><strong>Status:</strong> Kurang</p></section>""")
    assert paragraphs(document) == [
        ("Cover Kicker", "Masterplan"), ("Title", "Judul"), ("Subtitle", "Sub"),
        ("Cover Region", "Kabupaten"), ("Cover Period", "Periode"),
        ("Cover Meta", "Meta\nbaris dua"), ("Signature", "Tanda tangan"),
        ("Body Text", "Biasa"), ("Quote", "Visi kami"), ("Block Text", "Kutipan"),
        ("HTML Preformatted", "kode\n  baris"), ("Status", "Status: Kurang")]
    assert any(p.style.name == "Horizontal Line" for p in document.paragraphs)
    status = next(p for p in document.paragraphs if p.style.name == "Status")
    assert {run.style.name for run in status.runs} == {"Status Kurang"}
    assert [bool(run.bold) for run in status.runs] == [True, False]


def test_inline_formatting_becomes_runs() -> None:
    document = build('<p>a <strong>tebal</strong> <em>miring</em> <code>x = 1</code> '
                     'H<sub>2</sub>O m<sup>2</sup> <strong><em>keduanya</em></strong></p>')
    runs = [(r.text, bool(r.bold), bool(r.italic), r.style.name, bool(r.font.subscript),
             bool(r.font.superscript)) for r in document.paragraphs[0].runs]
    assert ("tebal", True, False, "Default Paragraph Font", False, False) in runs
    assert ("miring", False, True, "Default Paragraph Font", False, False) in runs
    assert ("x = 1", False, False, "HTML Code", False, False) in runs
    assert ("2", False, False, "Default Paragraph Font", True, False) in runs
    assert ("2", False, False, "Default Paragraph Font", False, True) in runs
    assert ("keduanya", True, True, "Default Paragraph Font", False, False) in runs
    assert document.paragraphs[0].text == "a tebal miring x = 1 H2O m2 keduanya"


def test_white_space_collapses_as_in_html() -> None:
    document = build("<p>\n  satu   dua\n\t<strong> tiga </strong> empat  <br>  lima </p>")
    assert document.paragraphs[0].text == "satu dua tiga empat\nlima"


def test_links_only_to_the_web_mail_and_this_document() -> None:
    document = build("""<h2 id="target"><span class="num">1.1</span> Sasaran</h2><p>
<a href="https://example.org/a b?x=1&amp;y=2">web</a>
<a href="mailto:info@example.org">surat</a>
<a href="javascript:alert(1)">skrip</a>
<a href="file:///etc/passwd">berkas</a>
<a href="#target">dalam</a> <a href="#missing">hilang</a></p>""")
    p = next(p for p in document.paragraphs if "web" in p.text)._p
    links = p.findall(W + "hyperlink")
    external = {document.part.rels[link.get(R + "id")].target_ref: link for link in links
                if link.get(R + "id")}
    assert set(external) == {"https://example.org/a%20b?x=1&y=2", "mailto:info@example.org"}
    assert all(document.part.rels[link.get(R + "id")].is_external for link in external.values())
    anchors = [link.get(W + "anchor") for link in links if link.get(W + "anchor")]
    assert anchors == ["_target"]
    assert document.element.body.find(f".//{W}bookmarkStart[@{W}name='_target']") is not None
    texts = ["".join(t.text for t in link.iter(W + "t")) for link in links]
    assert texts == ["web", "surat", "dalam"]
    assert "skrip" in document.paragraphs[-1].text and "berkas" in document.paragraphs[-1].text
    assert "passwd" not in str(list(document.part.rels.values()))


# --- lists -----------------------------------------------------------------------------------


def test_nested_lists_take_list_styles_and_levels_capped_at_three() -> None:
    deep = "<ul><li>l1<ul><li>l2<ol><li>l3<ul><li>l4<ul><li>l5</li></ul></li></ul></li></ol>" \
           "</li></ul></li></ul>"
    document = build(deep)
    items = [(p.style.name, p.text, numbering_of(p._p)[1]) for p in document.paragraphs]
    assert items == [("List Bullet", "l1", 0), ("List Bullet 2", "l2", 1),
                     ("List Number 3", "l3", 2), ("List Bullet 3", "l4", 2),
                     ("List Bullet 3", "l5", 2)]


def test_every_ordered_list_restarts_and_honours_start() -> None:
    document = build('<ol><li>a</li><li>b</li></ol><p>x</p><ol start="5"><li>c</li></ol>'
                     '<ul><li>d</li></ul><ul><li>e</li></ul>')
    num = {p.text: numbering_of(p._p) for p in document.paragraphs if p.text != "x"}
    assert num["a"] == num["b"] and num["a"] != num["c"]
    assert num["d"][0] == num["e"][0]  # bullets need no restart
    element = document.part.numbering_part.element
    starts = {n.get(W + "numId"): [o.find(W + "startOverride").get(W + "val")
                                   for o in n.iterfind(W + "lvlOverride")]
              for n in element.iterfind(W + "num")}
    assert starts[str(num["a"][0])] == ["1"] and starts[str(num["c"][0])] == ["5"]


def test_list_items_with_paragraphs_continue_without_a_second_number() -> None:
    document = build("<ol><li><p>pertama</p><p>lanjutan</p></li><li></li></ol>")
    items = [(p.style.name, p.text, numbering_of(p._p)) for p in document.paragraphs]
    assert items[0][0] == "List Number" and items[0][2] is not None
    assert items[1][:2] == ("List Continue", "lanjutan") and items[1][2] is None
    assert items[2][0] == "List Number" and items[2][2] is not None  # the empty item


# --- tables ----------------------------------------------------------------------------------

DATA_TABLE = """<table class="data">
<caption id="tabel-1-1"><span class="num">Tabel 1.1</span> Anggaran</caption>
<thead><tr><th>Dimensi</th><th class="num">2026</th><th class="num">Total</th></tr></thead>
<tbody><tr class="group"><td colspan="3">Kelompok</td></tr>
<tr><td>Smart Governance</td><td class="num">1.000</td><td class="num">2.000</td></tr>
<tr><td>Smart Economy</td><td class="num">500</td></tr></tbody>
<tfoot><tr><td>Total</td><td class="num">1.500</td><td class="num">2.000</td></tr></tfoot>
</table>"""


def test_a_data_table_with_caption_header_group_and_total() -> None:
    document = build(DATA_TABLE)
    assert paragraphs(document) == [("Caption", "Tabel 1.1 Anggaran")]
    table = document.tables[0]
    assert table.style.name == "Masterplan Table"
    assert len(table.rows) == 5
    tbl = table._tbl
    rows = tbl.findall(W + "tr")
    assert [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows] == [
        True, False, False, False, False]
    group = rows[1].findall(W + "tc")
    assert len(group) == 1 and group[0].find(f"{W}tcPr/{W}gridSpan").get(W + "val") == "3"
    assert group[0].find(f"{W}tcPr/{W}shd").get(W + "fill") == STYLE_MAP.rule("tr.group").shading
    assert len(rows[3].findall(W + "tc")) == 3  # the short row is padded
    styles = [[c.paragraphs[0].style.name for c in row.cells] for row in table.rows]
    assert styles[0] == ["Table Heading"] * 3
    assert styles[2] == ["Table Text", "Table Number", "Table Number"]
    assert styles[4] == ["Table Total"] * 3
    assert rows[4].find(f".//{W}shd").get(W + "fill") == STYLE_MAP.rule("tfoot").shading
    heading_jc = [c.paragraphs[0].alignment for c in table.rows[0].cells]
    assert [str(a) for a in heading_jc] == ["None", "RIGHT (2)", "RIGHT (2)"]
    widths = [int(c.get(W + "w")) for c in tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
    text_width = pg.A4_WIDTH - pg.PORTRAIT_MARGINS["left"] - pg.PORTRAIT_MARGINS["right"]
    assert sum(widths) == text_width
    assert widths[0] > widths[1]  # the longest text gets the most room
    assert tbl.find(f"{W}tblPr/{W}tblLayout").get(W + "type") == "fixed"


def test_roadmap_cells_are_shaded_in_their_dimension_colour() -> None:
    document = build("""<section class="landscape"><table class="data wide roadmap">
<thead><tr><th>Kode</th><th>Program</th><th class="year">2026</th><th class="year">2027</th>
</tr></thead><tbody><tr class="group"><td colspan="4">Smart Economy</td></tr>
<tr><td>ECO-01</td><td>Inkubator</td><td class="on dim-economy"></td><td class="off"></td>
</tr></tbody></table></section>""", dimension_fills=framework_fills())
    tbl = document.tables[0]._tbl
    cells = tbl.findall(f"{W}tr")[2].findall(W + "tc")
    fills = [c.find(f"{W}tcPr/{W}shd") for c in cells]
    assert fills[2].get(W + "fill") == "548235" and fills[3] is None
    widths = [int(c.get(W + "w")) for c in tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
    assert widths[2] == widths[3] == pg.mm(9) + 2 * 68
    landscape = pg.A4_HEIGHT - pg.LANDSCAPE_MARGINS["left"] - pg.LANDSCAPE_MARGINS["right"]
    assert sum(widths) == landscape
    sizes = {s.get(W + "val") for s in tbl.iter(W + "sz")}
    assert sizes == {"16"}  # table.wide: 8 pt, also on the empty cells' paragraph marks


def test_swot_table_cells_hold_paragraphs_and_lists() -> None:
    document = build("""<table class="swot"><caption><span class="num">Tabel 4.1</span> SWOT
</caption><tbody><tr><td class="swot-strengths"><p><strong>Kekuatan</strong></p><ul>
<li>Satu</li><li>Dua</li></ul></td><td class="swot-weaknesses"><p><strong>Kelemahan</strong>
</p><p>Tidak ada</p></td></tr></tbody></table>""")
    table = document.tables[0]
    assert table.style.name == "SWOT Table"
    first = table.rows[0].cells[0]
    assert [(p.style.name, p.text) for p in first.paragraphs] == [
        ("Table Text", "Kekuatan"), ("List Bullet", "Satu"), ("List Bullet", "Dua")]
    assert first._tc.find(f"{W}tcPr/{W}shd").get(W + "fill") == "EEF5EA"
    widths = [int(c.get(W + "w")) for c in table._tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
    assert abs(widths[0] - widths[1]) <= 1


def test_facts_become_a_two_column_table() -> None:
    document = build('<dl class="facts"><dt>OPD</dt><dd>Diskominfo</dd><dt>Tahun</dt>'
                     '<dd>2026–2028</dd></dl>')
    table = document.tables[0]
    assert table.style.name == "Facts Table"
    assert [[(c.paragraphs[0].style.name, c.text) for c in r.cells] for r in table.rows] == [
        [("Fact Term", "OPD"), ("Fact Value", "Diskominfo")],
        [("Fact Term", "Tahun"), ("Fact Value", "2026–2028")]]


def test_key_figures_become_one_row() -> None:
    document = build('<div class="keyfigures"><p class="keyfigure"><span class="value">12'
                     '</span> program</p><p class="keyfigure"><span class="value">Rp 1 M</span>'
                     ' anggaran</p></div>')
    table = document.tables[0]
    assert table.style.name == "Key Figures Table"
    assert [c.text for c in table.rows[0].cells] == ["12\nprogram", "Rp 1 M\nanggaran"]
    assert table.rows[0].cells[0].paragraphs[0].runs[0].style.name == "Key Figure Value"


def test_two_tables_in_a_row_stay_two_tables() -> None:
    document = build("<table><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table>")
    assert len(document.tables) == 2


def test_markdown_table_without_head() -> None:
    document = build('<div class="narrative"><table><tbody><tr><td>x</td><td>y</td></tr>'
                     '</tbody></table></div>')
    tbl = document.tables[0]._tbl
    assert tbl.find(f"{W}tblPr/{W}tblLook").get(W + "firstRow") == "0"


def test_a_table_of_two_thousand_rows_is_built_in_linear_time() -> None:
    rows = "".join(f"<tr><td>P-{n}</td><td class='num'>{n}</td></tr>" for n in range(2000))
    document = build(f'<table class="data"><thead><tr><th>a</th><th>b</th></tr></thead>'
                     f"<tbody>{rows}</tbody></table>")
    assert len(document.tables[0].rows) == 2001


# --- pictures ------------------------------------------------------------------------------


def chart_figure(key: str = "budget", width: str = "16") -> str:
    return (f'<figure class="chart" id="gambar-7-1" data-chart="{key}"><img src="data:image/'
            f'svg+xml;base64,PHN2Zy8+" alt="Anggaran per tahun: 2026 Rp 1 M" '
            f'data-width-cm="{width}"><figcaption><span class="num">Gambar 7.1</span> '
            f"Anggaran</figcaption></figure>")


def pictures(document: Document) -> list[tuple[str, int, int]]:
    return [(inline.docPr.get("descr"), int(inline.extent.cx), int(inline.extent.cy))
            for inline in document.element.body.iter(
                "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}inline")]


def test_a_chart_is_its_png_at_the_given_width_with_alt_text() -> None:
    document = build(chart_figure(), charts={"budget": png(300, 150)})
    assert pictures(document) == [("Anggaran per tahun: 2026 Rp 1 M", 16 * 360000,
                                   8 * 360000)]
    assert paragraphs(document) == [("Caption", "Gambar 7.1 Anggaran")]
    assert document.paragraphs[0].style.name == "Figure"
    caption = document.paragraphs[1]._p
    assert caption.find(f"{W}bookmarkStart").get(W + "name") == "_gambar_7_1"


def test_a_chart_wider_than_the_page_is_scaled_to_the_text_width() -> None:
    document = build(chart_figure(width="40"), charts={"budget": png(400, 100)})
    text_width = pg.A4_WIDTH - pg.PORTRAIT_MARGINS["left"] - pg.PORTRAIT_MARGINS["right"]
    assert pictures(document)[0][1] == text_width * 635


def test_the_cover_logo_is_a_picture_38_mm_high() -> None:
    logo = base64.b64encode(png(200, 100)).decode()
    document = build(f'<section class="cover"><div class="cover-logo"><img src="data:image/png;'
                     f'base64,{logo}" alt="Pemerintah Kabupaten"></div></section>')
    descr, cx, cy = pictures(document)[0]
    assert descr == "Pemerintah Kabupaten" and abs(cy - 38 * 36000) <= 1 and cx == 2 * cy
    assert document.paragraphs[0].style.name == "Cover Logo"


@pytest.mark.parametrize(("charts", "message"), [
    ({}, "no PNG for chart `budget`"),
    ({"budget": b"not an image"}, "not a readable PNG or JPEG"),
    ({"budget": png()[:60]}, "not a readable PNG or JPEG"),
    ({"budget": gif()}, "a GIF image; only PNG and JPEG"),
])
def test_a_bad_chart_is_a_render_error(charts: dict[str, bytes], message: str) -> None:
    with pytest.raises(RenderError, match=message):
        convert(page(chart_figure()), options(charts=charts))


def test_a_decompression_bomb_is_refused_before_it_is_decoded() -> None:
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, "PNG")  # 100 Mpx in about 12 kB
    with pytest.raises(RenderError, match="pixels"):
        convert(page(chart_figure()), options(charts={"budget": buffer.getvalue()}))


@pytest.mark.parametrize("src", [
    "https://example.org/logo.png", "file:///etc/passwd", "logo.png",
    "data:image/svg+xml;base64,PHN2Zy8+", "data:image/png;base64,@@@@",
])
def test_images_are_never_fetched_only_embedded_png_or_jpeg(src: str) -> None:
    with pytest.raises(RenderError, match="image"):
        convert(page(f'<p><img src="{src}" alt="x"></p>'), options())


# --- document structure ----------------------------------------------------------------------


STRUCTURE = """<header class="running"><span class="running-region">Pemerintah Kabupaten Contoh
</span><span class="running-title">Masterplan</span></header>
<section class="cover"><p class="cover-title">Judul</p></section>
<section class="front"><h1 class="front-title">Daftar Isi</h1>
<nav class="toc"><ul><li class="toc-1"><a href="#bab-satu"><span class="num">BAB I</span>
Pendahuluan</a></li><li class="toc-2"><a href="#h-2"><span class="num">1.1</span> Latar</a>
</li></ul></nav>
<h1 class="front-title">Daftar Tabel</h1><nav class="toc toc-tables"><ul><li>
<a href="#tabel-1-1"><span class="num">Tabel 1.1</span> Anggaran</a></li></ul></nav></section>
<section class="chapter"><h1 id="bab-satu"><span class="num">BAB I</span> Pendahuluan</h1>
<h2 id="h-2"><span class="num">1.1</span> Latar</h2>""" + DATA_TABLE + """</section>
<section class="landscape"><h2><span class="num">1.2</span> Peta</h2><p>lebar</p>
<h2><span class="num">1.3</span> Anggaran</h2><p>lebar juga</p></section>
<section class="chapter"><h1><span class="num">BAB II</span> Penutup</h1></section>"""


def sections(document: Document) -> list[Any]:
    return list(document.element.body.iter(W + "sectPr"))


def test_cover_landscape_and_portrait_sections() -> None:
    document = build(STRUCTURE, header=None)
    found = sections(document)
    orientation = [s.find(W + "pgSz").get(W + "orient", "portrait") for s in found]
    assert orientation == ["portrait", "portrait", "landscape", "portrait"]
    assert found[0].find(W + "headerReference") is None  # the cover: no header, no footer
    assert found[0].find(W + "footerReference") is None
    for sect in found[1:]:
        assert sect.find(W + "headerReference") is not None
        assert sect.find(W + "footerReference") is not None
    landscape = found[2].find(W + "pgSz")
    assert (int(landscape.get(W + "w")), int(landscape.get(W + "h"))) == (pg.A4_HEIGHT,
                                                                          pg.A4_WIDTH)
    # Every chapter, and each further h2 of a landscape section, starts a new page: by a
    # page break, unless a section break just started one.
    breaks = [p.text.strip() for p in document.paragraphs
              if p._p.find(f"{W}pPr/{W}pageBreakBefore") is not None]
    assert breaks == ["Pendahuluan", "Anggaran"]


def test_running_header_and_page_number_footer() -> None:
    document = build(STRUCTURE, header=None)
    section = document.sections[-1]
    assert section.header.paragraphs[0].text == "Pemerintah Kabupaten Contoh · Masterplan"
    assert section.header.paragraphs[0].style.name == "Header"
    footer = section.footer.paragraphs[0]
    assert footer.style.name == "Footer"
    assert [i.text.strip() for i in footer._p.iter(W + "instrText")] == ["PAGE"]
    explicit = build(STRUCTURE, header="Kop · Judul")
    assert explicit.sections[-1].header.paragraphs[0].text == "Kop · Judul"


def test_table_of_contents_field_and_page_references() -> None:
    document = build(STRUCTURE)
    instructions = [i.text.strip() for i in document.element.body.iter(W + "instrText")]
    assert instructions == ['TOC \\o "1-2" \\h \\z \\u', "PAGEREF _tabel_1_1 \\h"]
    toc = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(
        ("TOC", "Table of Figures"))]
    assert toc == [("TOC Heading", "Daftar Isi"), ("TOC 1", "BAB I Pendahuluan"),
                   ("TOC 2", "1.1 Latar"), ("TOC Heading", "Daftar Tabel"),
                   ("Table of Figures", "Tabel 1.1 Anggaran\t")]
    settings = document.settings.element
    assert settings.find(W + "updateFields").get(W + "val") == "true"
    # The field begins in the first entry and ends in the last one.
    entries = [p._p for p in document.paragraphs if p.style.name in ("TOC 1", "TOC 2")]
    kinds = [c.get(W + "fldCharType") for p in entries for c in p.iter(W + "fldChar")]
    assert kinds == ["begin", "separate", "end"]


def test_core_properties_and_language() -> None:
    document = build("<p>x</p>", language="en")
    props = document.core_properties
    assert props.title == "Masterplan Smart City Kabupaten Contoh 2026–2030"
    assert props.author == "Pemerintah Kabupaten Contoh"
    assert props.subject == "Masterplan – Kabupaten Contoh"
    assert props.keywords == "smart city, masterplan"
    assert props.language == "en-US"
    assert {d.replace(tzinfo=None) for d in (props.created, props.modified,
                                              props.last_printed)} == {CREATED.replace(
        tzinfo=None)}
    assert props.revision == 1
    assert props.comments == ""
    lang = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(W + "val") == "en-US"


def test_the_same_input_gives_the_same_bytes() -> None:
    first = render_docx(page(STRUCTURE + chart_figure()), options(charts={"budget": png()}))
    second = render_docx(page(STRUCTURE + chart_figure()), options(charts={"budget": png()}))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        infos = archive.infolist()
        assert infos[0].filename == "[Content_Types].xml"
        assert {info.date_time for info in infos} == {(2025, 11, 20, 8, 30, 0)}
    older = render_docx(page("<p>x</p>"), options(created=datetime(1970, 1, 1, tzinfo=UTC)))
    with zipfile.ZipFile(io.BytesIO(older)) as archive:  # zip cannot go before 1980
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# --- hostile text -------------------------------------------------------------------------------


def test_characters_xml_forbids_are_removed_not_fatal() -> None:
    hostile = "a\x0bb\x0cc\x00d\x1fe\ud800f\ufffeg\x85h"
    document = build(f"<h2>{hostile}</h2><p title='{hostile}'>{hostile}</p>"
                     f"<table><tr><td>{hostile}</td></tr></table>",
                     title=f"judul{hostile}", header=f"kop{hostile}")
    cleaned = "a b cde\ufffdfg h"
    assert [p.text for p in document.paragraphs] == [cleaned] * 2
    assert document.tables[0].rows[0].cells[0].text == cleaned
    assert document.core_properties.title == "judul" + cleaned
    assert document.sections[-1].header.paragraphs[0].text == "kop" + cleaned


def test_a_very_long_word_is_kept_whole_and_cannot_take_the_whole_table() -> None:
    word = "x" * 20_000
    document = build(f"<p>{word}</p><table class='data'><tr><td>{word}</td><td>a b</td>"
                     f"</tr></table>")
    assert document.paragraphs[0].text == word
    widths = [int(c.get(W + "w")) for c in
              document.tables[0]._tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
    assert min(widths) > 500


def test_absurd_nesting_is_a_render_error_not_a_recursion_error() -> None:
    with pytest.raises(RenderError, match="nested"):
        convert(page("<div>" * 400 + "x" + "</div>" * 400), options())
    with pytest.raises(RenderError, match="nested"):
        convert(page("<p>" + "<span>" * 400 + "x" + "</span>" * 400 + "</p>"), options())


def test_markup_in_text_stays_text() -> None:
    document = build("<p>&lt;w:p&gt; &amp;amp; {{ 7*7 }} &lt;script&gt;</p>")
    assert document.paragraphs[0].text == "<w:p> &amp; {{ 7*7 }} <script>"


def test_empty_html_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="empty"):
        convert("  \x00 ", options())


# --- reference documents --------------------------------------------------------------------


def consultant_reference(tmp_path: Path) -> Path:
    """python-docx's default template with a blue Body Text: it lacks most of our styles."""
    document = docx.Document()
    document.styles["Body Text"].font.color.rgb = docx.shared.RGBColor(0x00, 0x00, 0xFF)
    document.add_paragraph("The consultant's sample text, which must not appear.")
    path = tmp_path / "konsultan.docx"
    document.save(str(path))
    return path


def test_a_consultants_reference_keeps_their_styles_and_fills_in_ours(
        tmp_path: Path) -> None:
    reference = consultant_reference(tmp_path)
    result = convert(page(HEADINGS + DATA_TABLE), options(reference_docx=reference))
    document = docx.Document(io.BytesIO(result.data))
    missing = {w.params["style"] for w in result.warnings if w.code == "docx.style_missing"}
    assert {"Masterplan Table", "Table Heading", "Cover Kicker", "TOC 1"} <= missing
    assert "Body Text" not in missing and "Heading 1" not in missing
    assert all(w.params["file"] == "konsultan.docx" for w in result.warnings)
    assert "konsultan.docx: no style `TOC 1`; using the built-in one" in [
        w.message for w in result.warnings]
    assert document.styles["Body Text"].font.color.rgb == docx.shared.RGBColor(0, 0, 0xFF)
    assert document.tables[0].style.name == "Masterplan Table"
    assert "sample text" not in "\n".join(p.text for p in document.paragraphs)
    assert word_numbers(document)[:2] == [("BAB I", "Pendahuluan"), ("1.1", "Latar Belakang")]


def test_the_built_in_reference_needs_no_fallback() -> None:
    assert convert(page("<p>x</p>"), options()).warnings == ()


def test_render_docx_logs_reference_warnings(tmp_path: Path,
                                             caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="generator.render.docx"):
        render_docx(page("<p>x</p>"), options(reference_docx=consultant_reference(tmp_path)))
    assert any("no style `Caption`" not in r.message and "no style" in r.message
               for r in caplog.records)


# --- classes the style map does not know ---------------------------------------------------


def test_an_unmapped_class_is_a_warning_and_its_text_is_kept() -> None:
    result = convert(page('<p class="lead">Satu</p><p class="lead status">Dua</p>'
                          '<table><tr><td class="fancy">x</td></tr></table>'
                          '<svg class="chart"><g class="axis"></g></svg>'), options())
    warnings = {(w.params["tag"], w.params["class"]): w for w in result.warnings}
    assert set(warnings) == {("p", "lead"), ("td", "fancy")}  # svg is never written
    lead = warnings[("p", "lead")]
    assert lead.code == "docx.unmapped_class"
    assert lead.params["count"] == "2" and lead.params["template"] == ""
    assert lead.params["document"] == options().title
    assert lead.message == (f"document `{options().title}`: class `lead` of <p> is not in "
                            "the DOCX style map (docs/templates.md); 2 such element(s) "
                            "written as a plain <p>")
    assert paragraphs(docx.Document(io.BytesIO(result.data)))[:2] == [
        ("Body Text", "Satu"), ("Status", "Dua")]
    [diagnostic] = [d for d in result.diagnostics(None) if d.path == "p.lead"]
    assert (diagnostic.span.file, diagnostic.severity) == (options().title, "warning")


def test_an_unmapped_class_names_the_template_an_ancestor_names() -> None:
    html = page('<section class="chapter" data-template="custom/body.html.j2"><div>'
                '<p class="lead">x</p></div></section>')
    result = convert(html, options(title=""))
    [warning] = result.warnings
    assert warning.params["template"] == "custom/body.html.j2"
    assert warning.params["document"] == "t"  # the HTML's <title> when the options have none
    assert warning.message.startswith("custom/body.html.j2: class `lead` of <p>")
    assert str(result.diagnostics(None)[0].span) == "custom/body.html.j2"


def test_a_class_mapped_for_another_element_is_a_warning_and_has_no_effect() -> None:
    result = convert(page('<table><thead><tr><th class="on dim-economy">a</th>'
                          '<th class="num">2</th></tr></thead></table>'), options())
    assert {(w.params["tag"], w.params["class"]) for w in result.warnings} == {
        ("th", "on"), ("th", "dim-economy")}
    cells = body_xml(docx.Document(io.BytesIO(result.data))).findall(f".//{W}tc")
    assert cells[0].find(f"{W}tcPr/{W}shd") is None  # td.on and td.dim-* shade, th not


def test_render_docx_logs_unmapped_classes(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="generator.render.docx"):
        render_docx(page('<p class="lead">x</p>'), options())
    assert [r.message for r in caplog.records if "class `lead`" in r.message]


def refused(reference: Path) -> Diagnostic:
    """The one diagnostic that refuses `reference`; it names the file and the option."""
    with pytest.raises(SpecError) as caught:
        convert(page("<p>x</p>"), options(reference_docx=reference))
    [diagnostic] = caught.value.diagnostics
    assert (diagnostic.span.file, diagnostic.severity, diagnostic.path) == (
        str(reference), "error", "--reference-docx")
    assert str(diagnostic.span) == str(reference)  # a whole file: no line, no column
    return diagnostic


@pytest.mark.parametrize(("content", "code", "message"), [
    (b"not a zip at all", "docx.reference_not_zip", "not a Word document"),
    (None, "docx.reference_not_docx", "not a Word document"),  # no word/document.xml
    (b"", "docx.reference_not_zip", "not a Word document"),
])
def test_an_unusable_reference_is_refused_naming_the_file(tmp_path: Path, content: bytes | None,
                                                          code: str, message: str) -> None:
    path = tmp_path / "rusak.docx"
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "hi")
    else:
        path.write_bytes(content)
    diagnostic = refused(path)
    assert diagnostic.code == code
    assert diagnostic.message("en").startswith(message)
    assert diagnostic.message().startswith("bukan dokumen Word")


def test_a_reference_that_is_a_folder_or_missing_is_refused(tmp_path: Path) -> None:
    assert refused(tmp_path).message("en") == "not a regular file"
    assert refused(tmp_path / "missing.docx").message("en").startswith("the file cannot be read")


def test_a_broken_word_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "setengah.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "<w:document")
    assert refused(path).message("en").startswith("not a usable Word document")


# --- small pieces ---------------------------------------------------------------------------


def test_clean_text() -> None:
    assert ox.clean_text("plain") == "plain"
    assert ox.clean_text("a\tb\nc\r") == "a\tb\nc\r"
    assert ox.clean_text("\x0b\x0c\u2028") == "   "
    assert ox.clean_text("\x00\x01\x7f\x9f\ufffe\uffff") == ""
    assert ox.clean_text("\udfff") == "\ufffd"
    assert ox.clean_text("Rp 1.000 – café ✓") == "Rp 1.000 – café ✓"


@pytest.mark.parametrize("text", [
    "Masterplan Smart City Kabupaten Contoh 2026–2030",  # short: unchanged
    " ".join(f"Kata{n}" for n in range(200)),  # cut after a whole word
    "Kata " * 49 + "Sangat" + "panjang" * 40,  # the last boundary loses too much: at a letter
    "x" * 600,  # no boundary at all
    "Judul, " * 60,  # punctuation before the cut goes too
])
def test_core_text_fits_a_core_property_and_cuts_at_a_word(text: str) -> None:
    value = core_text(text)
    assert len(value) <= CORE_PROPERTY_LIMIT
    if len(text) <= CORE_PROPERTY_LIMIT:
        assert value == text
        return
    kept = value.removesuffix("…")
    assert value.endswith("…") and text.startswith(kept) and len(kept) >= CORE_PROPERTY_LIMIT // 2
    assert kept[-1] not in " ,;:–-"
    if " " in text[CORE_PROPERTY_LIMIT // 2:CORE_PROPERTY_LIMIT]:
        assert text[len(kept)] in " ,;:–-"  # a whole word was kept


def test_metadata_longer_than_word_allows_is_shortened_not_an_error() -> None:
    long = " ".join(f"Kabupaten{n}" for n in range(120))  # 1,300 characters
    result = convert(page("<p>x</p>"), options(title=long, author="; ".join([long] * 3),
                                               subject=long, keywords=[long, long]))
    properties = docx.Document(io.BytesIO(result.data)).core_properties
    for value in (properties.title, properties.author, properties.subject, properties.keywords,
                  properties.last_modified_by):
        assert 200 < len(value) <= CORE_PROPERTY_LIMIT and value.endswith("…")


def test_column_widths_share_the_width_and_respect_fixed_columns() -> None:
    columns = [ms.Column(longest_line=3, longest_word=3), ms.Column(longest_line=40,
                                                                    longest_word=6),
               ms.Column(fixed=500)]
    widths = ms.column_widths(columns, 9000, 190)
    assert sum(widths) == 9000 and widths[2] == 500 and widths[1] > widths[0]
    crowded = ms.column_widths([ms.Column(longest_line=30, longest_word=30)] * 20, 2000, 190)
    assert sum(crowded) == 2000 and len(set(crowded[:-1])) == 1


def test_text_is_measured_with_the_fonts_metrics() -> None:
    line, word = ms.measure("QW-01 Rp 1,25 miliar")
    assert 2.7 < ms.measure("QW-01")[0] < 3.0  # capitals are wider than the average
    assert word == ms.measure("miliar")[0] or word == ms.measure("QW-01")[0]
    assert ms.measure("Tahun", bold=True)[0] > ms.measure("Tahun")[0]
    assert line > word and ms.measure("")[0] == 0


def test_zip_normalisation_is_stable_whatever_the_input_times() -> None:
    def archive(stamp: tuple[int, int, int, int, int, int]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr(zipfile.ZipInfo("b.xml", stamp), "b")
            z.writestr(zipfile.ZipInfo("[Content_Types].xml", stamp), "t")
        return buffer.getvalue()

    one = normalise_zip(archive((2020, 1, 1, 0, 0, 0)), CREATED)
    two = normalise_zip(archive((2024, 5, 6, 7, 8, 10)), CREATED)
    assert one == two
    with zipfile.ZipFile(io.BytesIO(one)) as z:
        assert z.namelist() == ["[Content_Types].xml", "b.xml"]


def test_heading_numbers_round_trip() -> None:
    for value in (1, 4, 9, 14, 40, 90, 400, 1994):
        assert nb.from_roman(nb.roman(value)) == value
    for value in (1, 26, 27, 52, 703):
        assert nb.from_alpha(nb.alpha(value)) == value
    assert nb.from_roman("IIII") is None and nb.from_alpha("a1") is None


def test_the_xml_is_well_formed_and_has_no_stray_namespaces() -> None:
    data = render_docx(page(STRUCTURE), options())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(archive.read(name))
        document_xml = archive.read("word/document.xml").decode()
    assert re.search(r"xmlns:ns\d", document_xml) is None


# --- keeping things together (as style.css's fragmentation rules) ---------------------------------

def kept(p: Any) -> bool:
    """Whether paragraph `p` (a w:p) keeps with the next by direct formatting."""
    keep = p.find(f"{W}pPr/{W}keepNext")
    return keep is not None and keep.get(W + "val") not in ("0", "false")


def kept_rows(table: Any) -> list[bool]:
    """Per row: whether every paragraph of the row keeps with the next."""
    return [all(kept(p) for p in tr.iter(W + "p")) for tr in table._tbl.findall(W + "tr")]


def test_no_table_row_alone_at_the_foot_or_head_of_a_page() -> None:
    document = build(DATA_TABLE)
    # header row (its style keeps), group row (its style keeps); the first body row and
    # the last but one keep with the next; the total row ends the table
    assert kept_rows(document.tables[0]) == [False, True, False, True, False]
    for style in ("Table Heading", "Table Group", "Caption"):
        assert document.styles[style].paragraph_format.keep_with_next


def test_a_keep_table_never_splits() -> None:
    document = build("""<table class="swot keep"><tbody><tr><td class="swot-strengths">
<ul><li>Satu</li></ul></td><td>Dua</td></tr><tr><td>Tiga</td><td>Empat</td></tr>
</tbody></table><table class="swot"><tbody><tr><td>A</td><td>B</td></tr>
<tr><td>C</td><td>D</td></tr></tbody></table>""", )
    keep, split = document.tables
    assert kept_rows(keep) == [True, False]
    assert [tr.find(f"{W}trPr/{W}cantSplit") is not None
            for tr in keep._tbl.findall(W + "tr")] == [True, True]
    assert kept_rows(split) == [False, False]  # a long SWOT may split between and in rows
    assert split._tbl.find(f".//{W}cantSplit") is None


def test_facts_stay_on_one_page() -> None:
    document = build('<dl class="facts"><dt>OPD</dt><dd>Diskominfo</dd><dt>Tahun</dt>'
                     '<dd>2026–2028</dd><dt>Anggaran</dt><dd>Rp 1 miliar</dd></dl>')
    assert kept_rows(document.tables[0]) == [True, True, False]


def test_labels_and_list_items_keep_with_what_follows() -> None:
    document = build('<p class="label">Kegiatan:</p><ul><li>Satu</li><li>Dua</li>'
                     '<li>Tiga</li><li>Empat</li></ul><p>Sesudah</p>')
    assert paragraphs(document)[0] == ("Label", "Kegiatan:")
    assert document.styles["Label"].paragraph_format.keep_with_next
    assert document.styles["Status"].paragraph_format.keep_with_next
    items = [p._p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert [kept(p) for p in items] == [True, False, True, False]


def test_chapter_labels_have_no_letter_spacing() -> None:
    # Spaced letters come out of a PDF made from the document as "B AB VI I".
    document = build(HEADINGS)
    numbering = document.part.numbering_part.element
    assert numbering.find(f".//{W}lvl/{W}rPr/{W}spacing") is None
    assert document.styles["Cover Kicker"].element.find(f".//{W}rPr/{W}spacing") is None


def test_the_document_names_the_tool_that_made_it() -> None:
    """The extended properties are ours, not the reference template's ("Microsoft Macintosh
    Word" with the word count of an empty document)."""
    data = render_docx(page("<p>Isi.</p>"), options())
    app = zipfile.ZipFile(io.BytesIO(data)).read("docProps/app.xml")
    root = etree.fromstring(app)
    ns = {"ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}
    assert root.findtext("ep:Application", namespaces=ns) == "masterplan"
    assert b"Microsoft" not in app and b"<Words>" not in app
