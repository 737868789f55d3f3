"""What a screen reader finds in the DOCX: alt text on every picture, decorative pictures
marked as Word 2019+ marks them, header rows, SWOT titles as headers, the roadmap's active
years as text. Small HTML documents through the real converter, read back with python-docx.
"""

from __future__ import annotations

import base64
import io
from typing import Any

import docx
from lxml import etree
from PIL import Image

from generator.render.docx import DocxOptions, render_docx
from generator.render.docx import ooxml as ox
from generator.render.docx import pictures as pc
from generator.spec.framework import default_framework

W = ox.W
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
DECORATIVE = f"{{{pc.ADEC}}}decorative"


def png_uri() -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "#1f4e79").save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def build(body: str) -> Any:
    html = (f'<!DOCTYPE html><html lang="id"><head><title>t</title></head>'
            f'<body class="doc-masterplan">{body}</body></html>')
    options = DocxOptions(title="t", author="a", subject="s", keywords=[], language="id",
                          created=None, header="h", charts={},
                          dimension_fills={f"dim-{key}": colour.lstrip("#").upper() for key, colour
                                           in default_framework().colours.items()})
    return docx.Document(io.BytesIO(render_docx(html, options)))


def figure(alt: str | None) -> str:
    alt_attribute = "" if alt is None else f' alt="{alt}"'
    return (f'<figure class="picture"><img src="{png_uri()}"{alt_attribute} '
            f'data-width-cm="4"><figcaption>Gambar</figcaption></figure>')


def doc_props(document: Any) -> list[Any]:
    return list(document.element.body.iter(WP + "docPr"))


def test_alt_text_is_kept_and_an_empty_alt_is_marked_decorative() -> None:
    document = build(figure("Peta wilayah") + figure("") + figure(None))
    described, decorative, missing = doc_props(document)
    assert described.get("descr") == "Peta wilayah"
    assert not list(described.iter(DECORATIVE))
    # alt="" is HTML's "decorative": Word's own extension, no description
    assert not decorative.get("descr")
    (mark,) = decorative.iter(DECORATIVE)
    assert mark.get("val") == "1"
    assert mark.getparent().get("uri") == pc.DECORATIVE_EXT
    assert mark.getparent().getparent().tag.endswith("}extLst")
    # no alt attribute at all is a mistake, not a decision: not marked decorative
    assert not list(missing.iter(DECORATIVE)) and not missing.get("descr")


def test_the_cover_logo_keeps_its_alt_text() -> None:
    document = build(f'<section class="cover"><div class="cover-logo"><img src="{png_uri()}" '
                     'alt="Pemerintah Kabupaten Contoh"></div></section>')
    background, logo = doc_props(document)  # the cover's colour, behind the text, and the logo
    assert logo.get("descr") == "Pemerintah Kabupaten Contoh"
    assert not background.get("descr") and list(background.iter(DECORATIVE))


ROADMAP = """<div class="scroll" role="region" tabindex="0" aria-labelledby="c1">
<table class="data wide roadmap"><caption id="c1">Peta jalan</caption>
<thead><tr><th scope="col">Kode</th><th scope="col" class="year">2026</th>
<th scope="col" class="year">2027</th></tr></thead>
<tbody><tr class="group"><td colspan="3">Smart Society</td></tr>
<tr><td>SOC-01</td><td class="on dim-society"><span class="sr-only">2026</span></td>
<td class="off"></td></tr></tbody></table></div>"""


def rows(document: Any) -> list[Any]:
    (table,) = document.element.body.iter(W + "tbl")
    return list(table.iterchildren(W + "tr"))


def cell_texts(row: Any) -> list[str]:
    return ["".join(t.text or "" for t in tc.iter(W + "t")) for tc in row.iter(W + "tc")]


def test_roadmap_years_are_text_white_on_the_dimension_fill() -> None:
    document = build(ROADMAP)
    header, _group, program = rows(document)
    assert header.find(f"{W}trPr/{W}tblHeader") is not None  # repeated header row
    assert cell_texts(program) == ["SOC-01", "2026", ""]
    on = list(program.iter(W + "tc"))[1]
    assert on.find(f"{W}tcPr/{W}shd").get(W + "fill") == "946F00"
    run = next(r for r in on.iter(W + "r") if r.find(W + "t") is not None)
    style_id = run.find(f"{W}rPr/{W}rStyle").get(W + "val")
    style = document.styles.element.find(f"{W}style[@{W}styleId='{style_id}']")
    assert style.find(f"{W}name").get(W + "val") == "Cell Mark"
    assert style.find(f"{W}rPr/{W}color").get(W + "val") == "FFFFFF"


def swot(keep: bool) -> str:
    quadrants = [("strengths", "Kekuatan"), ("weaknesses", "Kelemahan"),
                 ("opportunities", "Peluang"), ("threats", "Ancaman")]
    body = ""
    for pair in (quadrants[:2], quadrants[2:]):
        body += '<tr class="swot-head">' + "".join(
            f'<th scope="col" class="swot-{key}" id="s-{key}">{title}</th>'
            for key, title in pair) + "</tr><tr>" + "".join(
            f'<td class="swot-{key}" headers="s-{key}"><ul><li>{title} satu</li></ul></td>'
            for key, title in pair) + "</tr>"
    return (f'<table class="swot{" keep" if keep else ""}"><caption>SWOT</caption>'
            f"<tbody>{body}</tbody></table>")


def test_swot_titles_are_heading_rows_kept_with_their_items() -> None:
    for keep in (True, False):
        document = build(swot(keep))
        table_rows = rows(document)
        assert [cell_texts(r) for r in table_rows] == [
            ["Kekuatan", "Kelemahan"], ["Kekuatan satu", "Kelemahan satu"],
            ["Peluang", "Ancaman"], ["Peluang satu", "Ancaman satu"]]
        for title_row in (table_rows[0], table_rows[2]):
            for tc in title_row.iter(W + "tc"):
                p_style = tc.find(f"{W}p/{W}pPr/{W}pStyle").get(W + "val")
                name = document.styles.element.find(
                    f"{W}style[@{W}styleId='{p_style}']/{W}name").get(W + "val")
                assert name == "SWOT Heading"
            fills = [tc.find(f"{W}tcPr/{W}shd").get(W + "fill")
                     for tc in title_row.iter(W + "tc")]
            assert fills in (["EEF5EA", "FBEEE6"], ["EAF1F8", "F6ECEC"])
            # a title never ends a page: its row keeps with the items below
            assert title_row.find(f"{W}trPr/{W}cantSplit") is not None
            last = list(title_row.iter(W + "p"))[-1]
            assert last.find(f"{W}pPr/{W}keepNext") is not None
        # the header row of a SWOT that never splits; none where it may split
        headers = [r.find(f"{W}trPr/{W}tblHeader") is not None for r in table_rows]
        assert headers == [keep, False, False, False], keep


def test_decorative_extension_is_well_formed_xml() -> None:
    """The extension parses back with its own namespace declared where it is used."""
    document = build(figure(""))
    (props,) = doc_props(document)
    text = etree.tostring(props).decode()
    assert f'xmlns:adec="{pc.ADEC}"' in text
    assert 'val="1"' in text
