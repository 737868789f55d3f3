"""Pictures and tables of the spec: Markdown parts, validation with positions, SVG, context.

A picture in a narrative, or a figure field (a map, the organisation chart, mock-ups), is a
file in the spec's folder; anything else is an error `masterplan validate` prints at the
picture's own line and column. Specs are the compact valid spec with one edit; the expected
positions are computed from the text.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from helpers import Edit, compact_text, expect, position_of, run_cli, write_spec
from markupsafe import Markup
from PIL import Image

from generator.documents.narrative import Figure, Flow, Narrative, Table
from generator.render.outline import Outline
from generator.spec import svg
from generator.spec.markdown import HtmlPart, ImagePart, TablePart, images, parse

GEOGRAPHY = "  geography: {narrative: Wilayah pesisir dan pegunungan di ujung timur Pulau Jawa.}\n"
GEO = "profile.geography.narrative"
needs_librsvg = pytest.mark.skipif(not svg.available(), reason="librsvg is not installed")


def png_bytes(size: tuple[int, int] = (40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "#1f4e79").save(out, format="PNG")
    return out.getvalue()


def narrative_spec(folder: Path, markdown: str, files: dict[str, bytes] | None = None) -> Edit:
    """The compact spec whose geography narrative is `markdown` as a literal block."""
    body = "".join(f"      {line}\n" if line else "\n" for line in markdown.splitlines())
    edit = Edit.replace(compact_text(), GEOGRAPHY, f"  geography:\n    narrative: |\n{body}")
    write_spec(folder, edit.text)
    for name, data in (files or {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return edit


def validate(folder: Path, *args: str) -> tuple[int, list[str]]:
    result = run_cli("validate", folder / "masterplan.yaml", *args)
    assert "Traceback" not in result.output
    return result.exit_code, [line for line in result.stdout.splitlines() if line]


# --- Markdown: parts --------------------------------------------------------------------------

def test_a_picture_alone_in_its_paragraph_is_a_part_of_its_own() -> None:
    parts = parse('Sebelum.\n\n![Peta wilayah &amp; laut](peta.png "Peta dengan batas")\n\n'
                  "Sesudah.").parts
    assert parts == [HtmlPart("<p>Sebelum.</p>"),
                     ImagePart("peta.png", "Peta wilayah & laut", "Peta dengan batas"),
                     HtmlPart("<p>Sesudah.</p>")]


def test_a_picture_without_a_title_has_its_caption_as_alt_text() -> None:
    (part,) = parse("![Alur pemantauan](alur.png)").parts
    assert part == ImagePart("alur.png", "Alur pemantauan", "Alur pemantauan")


@pytest.mark.parametrize("text", [
    "Lihat ![peta](peta.png) di sini.",
    "- ![peta](peta.png)",
    "> ![peta](peta.png)",
    "| a |\n|---|\n| ![peta](peta.png) |",
])
def test_a_picture_inside_text_is_no_figure_and_never_an_img(text: str) -> None:
    parsed = parse(text)
    assert [(ref.src, ref.standalone) for ref in parsed.images] == [("peta.png", False)]
    html = "".join(part.html if isinstance(part, HtmlPart) else
                   part.body if isinstance(part, TablePart) else "" for part in parsed.parts)
    assert "<img" not in html and "peta.png" not in html
    assert "peta" in html  # its caption stays as text
    assert not any(isinstance(part, ImagePart) for part in parsed.parts)


def test_every_picture_is_found_in_order_also_by_reference() -> None:
    refs = images("![a](a.png)\n\nTeks ![b][ref].\n\n[ref]: b.svg\n")
    assert [(ref.src, ref.standalone) for ref in refs] == [("a.png", True), ("b.svg", False)]


def test_a_table_takes_its_caption_from_the_paragraph_before_or_after() -> None:
    parts = parse("Tabel: Luas *wilayah*\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n"
                  "| c |\n|---|\n| 3 |\n\n: Penduduk\n\nTable: bukan keterangan").parts
    assert [type(part) for part in parts] == [TablePart, TablePart, HtmlPart]
    first, second, rest = parts
    assert isinstance(first, TablePart) and isinstance(second, TablePart)
    assert (first.caption, second.caption) == ("Luas wilayah", "Penduduk")
    # the inside of the table; a right-aligned column is a number column
    assert first.body.startswith("<thead>") and first.body.endswith("</tbody>")
    assert '<td class="num">2</td>' in first.body and '<th class="num">b</th>' in first.body
    assert rest == HtmlPart("<p>Table: bukan keterangan</p>")


def test_a_table_without_a_caption_paragraph_has_none() -> None:
    (table,) = parse("| a |\n|---|\n| 1 |").parts
    assert isinstance(table, TablePart) and table.caption == ""


def test_spec_text_cannot_forge_a_part_marker() -> None:
    text = ('<masterplan-part i="0"></masterplan-part> dan '
            '&lt;masterplan-end i="0"&gt;&lt;/masterplan-end&gt;\n\n| a |\n|---|\n| 1 |')
    parts = parse(text).parts
    assert [type(part) for part in parts] == [HtmlPart, TablePart]
    assert "masterplan-part" in parts[0].html  # printed, escaped
    assert "<masterplan" not in parts[0].html


def test_only_a_right_aligned_column_becomes_a_number_column() -> None:
    (table,) = parse("| a | b | c |\n|:-:|---|--:|\n| 1 | 2 | 3 |").parts
    assert isinstance(table, TablePart)
    assert "style=" not in table.body
    assert "<td>1</td>" in table.body and '<td class="num">3</td>' in table.body


# --- the outline numbers them -----------------------------------------------------------------

def test_a_table_without_caption_is_listed_with_its_sections_title() -> None:
    outline = Outline({"chapter": "Bab", "table": "Tabel", "figure": "Gambar", "annex": "L"})
    outline.heading(1, "Gambaran Umum")
    outline.heading(2, "Kondisi Demografi")
    entry = outline.table("")
    assert (entry["number"], entry["title"], entry["id"]) == (
        "Tabel 1.1", "Kondisi Demografi", "tabel-1-1")
    assert outline.figure("Peta")["number"] == "Gambar 1.1"


def test_a_narrative_printed_without_the_macro_shows_its_parts_unnumbered() -> None:
    narrative = Narrative((
        Flow(Markup("<p>Teks.</p>")),
        Figure(Markup("data:image/png;base64,AAAA"), 'alt "x"', "Peta <1>", width_cm=9.5),
        Table("Luas", Markup("<tbody><tr><td>1</td></tr></tbody>"))))
    html = str(narrative)
    assert html.startswith("<p>Teks.</p>")
    assert ('<figure class="picture"><img src="data:image/png;base64,AAAA" alt="alt &#34;x&#34;"'
            ' data-width-cm="9.5" style="width: 9.5cm"><figcaption>Peta &lt;1&gt;</figcaption>'
            "</figure>") in html
    assert "<table><caption>Luas</caption><tbody>" in html
    assert not Narrative() and narrative


# --- validation: pictures in narratives -------------------------------------------------------

@pytest.mark.parametrize(("name", "says"), [
    ("gambar/tidak-ada.png", "berkas `gambar/tidak-ada.png` tidak ditemukan"),
    ("../luar.png", "berkas `../luar.png` berada di luar folder spec"),
    ("http://example.com/peta.png", "`http://example.com/peta.png` adalah alamat web"),
    ("file:///etc/passwd", "`file:///etc/passwd` adalah alamat web"),
    ("/etc/hostname", "berkas `/etc/hostname` berada di luar folder spec"),
    ("teks.png", "berkas `teks.png` bukan gambar PNG, JPEG atau SVG yang sah"),
])
def test_a_bad_picture_in_a_narrative_is_an_error_at_the_picture(
        tmp_path: Path, name: str, says: str) -> None:
    (tmp_path.parent / "luar.png").write_bytes(png_bytes())
    edit = narrative_spec(tmp_path / "spec", f"Wilayah pesisir.\n\n![Peta wilayah]({name})\n",
                          {"teks.png": b"bukan gambar\n"})
    line, col = position_of(edit.text, f"![Peta wilayah]({name})")
    code, lines = validate(tmp_path / "spec")
    assert code == 1
    assert lines[0].startswith(f"{tmp_path / 'spec' / 'masterplan.yaml'}:{line}:{col}: error: "
                               f"{GEO}: "), lines
    assert says in lines[0]


def test_a_picture_inside_a_sentence_is_an_error_at_the_picture(tmp_path: Path) -> None:
    edit = Edit.replace(compact_text(), GEOGRAPHY, "  geography: {narrative: "
                        '"Wilayah ![peta](peta.png) pesisir."}\n')
    folder = tmp_path / "spec"
    write_spec(folder, edit.text)
    (folder / "peta.png").write_bytes(png_bytes())
    line, col = position_of(edit.text, "![peta]")
    code, lines = validate(folder)
    assert code == 1
    assert lines[0] == expect(folder / "masterplan.yaml", line, col, "error", GEO,
                              "gambar `peta.png` harus berdiri sendiri dalam paragrafnya (baris"
                              " kosong sebelum dan sesudahnya), bukan di dalam kalimat, daftar,"
                              " kutipan atau tabel")


def test_a_picture_written_with_escapes_is_reported_at_its_field(tmp_path: Path) -> None:
    """The source spells the name differently from the text (`\\u002e` for `.`): the
    position falls back to the field's start, the approximation the docs describe."""
    edit = Edit.replace(compact_text(), GEOGRAPHY, "  geography: {narrative: "
                        '"Pesisir.\\n\\n![peta](hilang\\u002epng)"}\n', mark='"Pesisir')
    folder = tmp_path / "spec"
    write_spec(folder, edit.text)
    code, lines = validate(folder)
    assert code == 1
    assert lines[0] == expect(folder / "masterplan.yaml", edit.line, edit.col, "error", GEO,
                              "berkas `hilang.png` tidak ditemukan")


def test_a_picture_without_alt_text_is_a_warning_and_strict_fails(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    edit = narrative_spec(folder, "Pesisir.\n\n![](peta.png)\n", {"peta.png": png_bytes()})
    line, col = position_of(edit.text, "![](peta.png)")
    warning = expect(folder / "masterplan.yaml", line, col, "warning", GEO,
                     "gambar `peta.png` tanpa teks alternatif (alt) bagi pembaca layar; tulis"
                     ' ![keterangan](berkas) atau ![keterangan](berkas "teks alt")')
    assert validate(folder) == (0, [warning])
    assert validate(folder, "--strict")[0] == 1


def test_good_pictures_in_a_subfolder_validate_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    narrative_spec(folder, "Pesisir.\n\n![Peta](gambar/peta.png)\n\n![Foto](gambar/foto.jpg)\n",
                   {"gambar/peta.png": png_bytes(),
                    "gambar/foto.jpg": _jpeg()})
    assert validate(folder, "--strict") == (0, [])


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (30, 20), "#548235").save(out, format="JPEG")
    return out.getvalue()


def test_too_many_pictures_in_one_narrative_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    edit = narrative_spec(folder, "\n\n".join(f"![p{i}](p.png)" for i in range(31)),
                          {"p.png": png_bytes()})
    code, lines = validate(folder)
    assert code == 1
    line, col = position_of(edit.text, "|\n      ![p0]")
    assert lines[0] == expect(folder / "masterplan.yaml", line, col, "error", GEO,
                              "terlalu banyak gambar (31; paling banyak 30) dalam satu uraian")


# --- validation: figure fields ----------------------------------------------------------------

MAP = "  rpjmd: {start_year: 2025, end_year: 2029, vision: Banyuwangi maju dan sejahtera}\n"


def map_spec(folder: Path, fields: str, files: dict[str, bytes]) -> Edit:
    edit = Edit.replace(compact_text(), MAP, MAP + f"  map: {{{fields}}}\n")
    write_spec(folder, edit.text)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return edit


def test_a_missing_map_file_is_an_error_at_its_file(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    edit = map_spec(folder, "file: peta.png, caption: Peta, alt: Peta wilayah", {})
    line, col = position_of(edit.text, "peta.png, caption")
    assert validate(folder) == (1, [expect(folder / "masterplan.yaml", line, col, "error",
                                           "profile.map.file",
                                           "berkas `peta.png` tidak ditemukan")])


def test_a_map_without_alt_text_is_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    edit = map_spec(folder, "file: peta.png, caption: Peta", {"peta.png": png_bytes()})
    line, col = position_of(edit.text, "{file: peta.png")
    assert validate(folder) == (0, [expect(
        folder / "masterplan.yaml", line, col, "warning", "profile.map",
        "gambar `peta.png` tanpa teks alternatif (alt) bagi pembaca layar; isi `alt`")])


def test_a_map_needs_a_caption(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    map_spec(folder, "file: peta.png, alt: Peta", {"peta.png": png_bytes()})
    code, lines = validate(folder)
    assert code == 1 and len(lines) == 1
    assert "profile.map: " in lines[0] and "`caption`" in lines[0]


def test_mockups_and_the_organisation_chart_are_checked_too(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    text = compact_text().rstrip("\n")
    assert "\ngovernance:" not in text
    quick_win = "  - {id: QW-01,"
    assert text.count(quick_win) == 1
    text = text.replace(quick_win, "  - {mockups: [{file: layar.png, caption: Layar, alt: x}],"
                        " id: QW-01,")
    text += ("\ngovernance:\n  organisation_chart: {file: ../bagan.png, caption: Bagan,"
             " alt: Bagan}\n")
    write_spec(folder, text)
    code, lines = validate(folder)
    assert code == 1
    assert [line.split(": ", 3)[2:] for line in lines] == [
        ["quick_wins[0].mockups[0].file", "berkas `layar.png` tidak ditemukan"],
        ["governance.organisation_chart.file",
         "berkas `../bagan.png` berada di luar folder spec"]]


# --- SVG ---------------------------------------------------------------------------------------

SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">'
       b'<rect width="200" height="100" fill="#1f4e79"/>%s</svg>')


@pytest.mark.parametrize(("inner", "code"), [
    (b'<image href="file:///etc/passwd" width="10" height="10"/>', "asset.svg_reference"),
    (b'<image xmlns:x="http://www.w3.org/1999/xlink" x:href="http://example.com/a.png"/>',
     "asset.svg_reference"),
    (b'<use href="other.svg#a"/>', "asset.svg_reference"),
    (b'<rect width="1" height="1" style="fill: url(http://example.com/p)"/>',
     "asset.svg_reference"),
    (b'<rect width="1" height="1" fill="url(&quot;https://example.com/p&quot;)"/>',
     "asset.svg_reference"),
    (b"<style>@import url(#x);</style>", "asset.svg_feature"),
    (b"<style>rect { fill: url('http://example.com/x') }</style>", "asset.svg_reference"),
    (b"<script>alert(1)</script>", "asset.svg_feature"),
    (b'<rect width="1" height="1" onclick="alert(1)"/>', "asset.svg_feature"),
    (b'<foreignObject width="10" height="10"/>', "asset.svg_feature"),
])
def test_an_svg_that_reaches_outside_or_runs_code_is_refused(inner: bytes, code: str) -> None:
    with pytest.raises(svg.SvgProblem) as caught:
        svg.check_svg(SVG % inner)
    assert caught.value.code == code


def test_an_svg_may_use_its_own_ids_and_embedded_pictures() -> None:
    inner = (b'<defs><linearGradient id="g"><stop offset="0" stop-color="red"/>'
             b'</linearGradient></defs><rect width="9" height="9" fill="url(#g)"/>'
             b'<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>')
    assert svg.check_svg(SVG % inner) == (200.0, 100.0)


@pytest.mark.parametrize(("data", "code"), [
    (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]>'
     b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1">&x;</svg>',
     "asset.svg_feature"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', "asset.svg_no_size"),
    (b"<svg><rect/></svg>", "asset.svg_invalid"),  # no SVG namespace
    (b'<svg xmlns="http://www.w3.org/2000/svg" width="1"', "asset.svg_invalid"),
])
def test_an_svg_with_a_dtd_no_size_or_bad_xml_is_refused(data: bytes, code: str) -> None:
    with pytest.raises(svg.SvgProblem) as caught:
        svg.check_svg(data)
    assert caught.value.code == code


def test_the_size_of_an_svg_comes_from_its_units_or_viewbox() -> None:
    def size(attributes: str) -> tuple[float, float]:
        return svg.check_svg(f'<svg xmlns="http://www.w3.org/2000/svg" {attributes}/>'.encode())

    assert size('width="2in" height="1in"') == (192.0, 96.0)
    assert size('viewBox="0 0 400 100"') == (400.0, 100.0)
    assert size('width="800" viewBox="0,0,400,100"') == (800.0, 200.0)


@needs_librsvg
def test_an_svg_is_drawn_into_a_png() -> None:
    png = svg.rasterise(SVG % b"", 200.0, 100.0)
    with Image.open(io.BytesIO(png)) as image:
        assert (image.format, image.size) == ("PNG", (svg.RASTER_SIDE, svg.RASTER_SIDE // 2))
        assert image.convert("RGB").getpixel((10, 10)) == (0x1F, 0x4E, 0x79)


@needs_librsvg
def test_an_svg_picture_validates_and_a_bad_one_is_positioned(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    bad = SVG % b'<image href="https://example.com/x.png" width="5" height="5"/>'
    edit = narrative_spec(folder, "Pesisir.\n\n![Bagan](bagan.svg)\n\n![Rusak](rusak.svg)\n",
                          {"bagan.svg": SVG % b"", "rusak.svg": bad})
    line, col = position_of(edit.text, "![Rusak]")
    code, lines = validate(folder)
    assert code == 1
    assert lines == [expect(folder / "masterplan.yaml", line, col, "error", GEO,
                            "berkas SVG `rusak.svg` merujuk ke `https://example.com/x.png` di"
                            " luar berkas itu; sematkan gambarnya (PNG/JPEG) atau simpan"
                            " sebagai PNG")]


def test_an_svg_is_drawn_only_when_a_document_shows_it(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """`validate` draws every picture; a render draws those its documents show, with the
    same positioned error when it cannot (here: librsvg missing) and nothing written."""
    folder = tmp_path / "spec"
    edit = narrative_spec(folder, "Pesisir.\n\n![Bagan](bagan.svg)\n",
                          {"bagan.svg": SVG % b'<circle cx="5" cy="5" r="3"/>'})
    monkeypatch.setattr(svg, "_librsvg", lambda: None)
    svg._rasterise.cache_clear()
    line, col = position_of(edit.text, "![Bagan]")
    error = expect(folder / "masterplan.yaml", line, col, "error", GEO,
                   "SVG `bagan.svg` tidak dapat digambar: pustaka librsvg tidak terpasang"
                   " (Debian/Ubuntu: librsvg2-2); pakai PNG")
    assert validate(folder) == (1, [error])

    deck = run_cli("render", folder / "masterplan.yaml", "--document", "quickwins",
                   "-f", "pptx", "-o", tmp_path / "deck")
    assert deck.exit_code == 0, deck.output
    assert [p.suffix for p in (tmp_path / "deck").iterdir()] == [".pptx"]

    book = run_cli("render", folder / "masterplan.yaml", "--document", "masterplan",
                   "-f", "html", "-o", tmp_path / "book")
    assert book.exit_code == 1 and "Traceback" not in book.output
    assert error in book.stderr.splitlines()
    assert not (tmp_path / "book").exists() or not any((tmp_path / "book").iterdir())


# --- context ----------------------------------------------------------------------------------

def test_the_context_inlines_pictures_and_keeps_tables_apart(tmp_path: Path) -> None:
    from generator.documents.context import build_context
    from generator.spec import check_spec
    from generator.spec.model import build_model

    folder = tmp_path / "spec"
    narrative_spec(folder, "Pesisir.\n\n![Peta](peta.png \"Peta wilayah\")\n\n"
                   "Tabel: Luas\n\n| a |\n|---|\n| 1 |\n",
                   {"peta.png": png_bytes((400, 300))})
    doc, warnings = check_spec(folder / "masterplan.yaml", "masterplan.yaml")
    assert warnings == []
    context = build_context(build_model(doc), "id", charts={})
    narrative = context["profile"]["sections"][0]["narrative"]
    flow, figure, table = narrative.parts
    assert isinstance(flow, Flow) and flow.html == "<p>Pesisir.</p>"
    assert isinstance(figure, Figure) and (figure.caption, figure.alt) == ("Peta", "Peta wilayah")
    assert str(figure.src).startswith("data:image/png;base64,") and figure.width_cm == 16.0
    assert isinstance(table, Table) and table.caption == "Luas"
    assert context["profile"]["map"] is None


# --- the batch's cache ------------------------------------------------------------------------

def test_the_batch_fingerprints_every_picture_a_spec_names(tmp_path: Path) -> None:
    """A changed picture must re-render its spec: the worker names every file to hash."""
    from generator.batch.worker import identify

    folder = tmp_path / "spec"
    edit = narrative_spec(folder, "A.\n\n![Peta](gambar/peta.png)\n\n![Lagi](gambar/peta.png)\n"
                          "\n![Alur](alur.png)\n",
                          {"gambar/peta.png": png_bytes(), "alur.png": png_bytes(),
                           "layar.png": png_bytes(), "wilayah.png": png_bytes()})
    text = edit.text.replace("  - {id: QW-01,", "  - {mockups: [{file: layar.png, caption: L,"
                             " alt: L}], id: QW-01,", 1)
    text = text.replace(MAP, MAP + "  map: {file: wilayah.png, caption: W, alt: W}\n", 1)
    write_spec(folder, text)
    result = identify({"spec": str(folder / "masterplan.yaml"), "display": "m.yaml"}, "id")
    assert result["status"] == "ok", result
    assert result["identity"]["assets"] == ["layar.png", "wilayah.png", "gambar/peta.png",
                                            "alur.png"]


def test_watch_sees_a_changed_picture(tmp_path: Path) -> None:
    from generator.commands.watch import _Watched

    folder = tmp_path / "spec"
    narrative_spec(folder, "A.\n\n![Peta](peta.png)\n", {"peta.png": png_bytes((40, 30))})
    watched = _Watched(folder / "masterplan.yaml", None)
    before = watched.stamp()
    assert str(folder / "peta.png") in [path for path, _mtime, _size in before]
    (folder / "peta.png").write_bytes(png_bytes((400, 300)))  # another size
    assert watched.stamp() != before
