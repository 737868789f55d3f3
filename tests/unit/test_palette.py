"""One palette for the three formats, readable by WCAG 2 AA (text at least 4.5:1 against
what it stands on), computed from the palette's sources themselves: the dimension colours
of generator/spec/vocabulary.py, templates/style.css and report.css, and the DOCX
reference document's styles and numbering."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx
import pytest
import tinycss2

from generator.render.docx import numbering as nb
from generator.render.docx import ooxml as ox
from generator.render.docx.reference import builtin_reference
from generator.render.docx.stylemap import STYLES
from generator.spec.framework import bundled_framework, bundled_names

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
AA = 4.5
WHITE = "#ffffff"
W = ox.W
NAMED = {"white": WHITE, "black": "#000000"}


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of `#rrggbb`."""
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_formula_matches_known_ratios() -> None:
    assert contrast("#000000", WHITE) == pytest.approx(21)
    assert contrast(WHITE, WHITE) == pytest.approx(1)
    assert round(contrast("#5b7fa6", WHITE), 2) == 4.17  # the old chapter label (axe: 4.17)
    assert round(contrast("#767676", WHITE), 2) == 4.54  # the classic lightest AA grey


def rules(name: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, {property: colour}) of every rule that sets `color` or `background`
    (screen-only rules included), with colours as `#rrggbb`."""
    sheet = (TEMPLATES / name).read_text(encoding="utf-8")
    found = []

    def walk(nodes: list[Any]) -> None:
        for node in nodes:
            if node.type == "qualified-rule":
                declarations = tinycss2.parse_blocks_contents(node.content,
                                                              skip_whitespace=True)
                colours = {}
                for d in declarations:
                    if d.type == "declaration" and d.lower_name in ("color", "background"):
                        colour = hex_colour(tinycss2.serialize(d.value).strip())
                        if colour:
                            colours[d.lower_name] = colour
                if colours:
                    selector = " ".join(tinycss2.serialize(node.prelude).split())
                    found.append((selector, colours))
            elif node.type == "at-rule" and node.content:
                walk(tinycss2.parse_rule_list(node.content, skip_whitespace=True))

    walk(tinycss2.parse_stylesheet(sheet, skip_whitespace=True, skip_comments=True))
    return found


def hex_colour(value: str) -> str | None:
    value = value.lower()
    if value in NAMED:
        return NAMED[value]
    match = re.fullmatch(r"#([0-9a-f]{3}|[0-9a-f]{6})", value)
    if not match:
        return None  # rgba() shadows, `none`, `inherit`
    digits = match.group(1)
    return "#" + ("".join(c * 2 for c in digits) if len(digits) == 3 else digits)


STYLESHEETS = ("style.css", "report/report.css")


def value(selector: str, prop: str, sheet: str = "style.css") -> str:
    """The colour `prop` of the first rule for exactly `selector` that sets it."""
    return next(colours[prop] for found, colours in rules(sheet)
                if found == selector and prop in colours)


def pairs() -> list[tuple[str, str, str]]:
    """(where, text colour, background) of every text colour the stylesheets set: on its
    own rule's background, else on the cover's blue (the cover's text), else on white; the
    body text colour also on every fill the stylesheets give table cells."""
    found = []
    sheet_rules = [rule for name in STYLESHEETS for rule in rules(name)]
    cover = value("section.cover", "background")
    fills = {colours["background"] for selector, colours in sheet_rules
             if "background" in colours and "color" not in colours
             and "td.on" not in selector}  # roadmap cells hold no visible text
    for selector, colours in sheet_rules:
        if "color" not in colours:
            continue
        ground = colours.get("background") or (cover if "cover" in selector else WHITE)
        found.append((selector, colours["color"], ground))
    text = value("html", "color")
    found += [(f"text on {fill}", text, fill) for fill in sorted(fills)]
    return found


@pytest.mark.parametrize(("where", "colour", "ground"), pairs())
def test_every_text_colour_of_the_stylesheets_reaches_aa(where: str, colour: str,
                                                         ground: str) -> None:
    assert contrast(colour, ground) >= AA, f"{where}: {colour} on {ground}"


def test_the_chapter_label_is_one_colour_in_css_and_docx() -> None:
    label = value("h1 .num", "color")
    assert label.lstrip("#").upper() == nb.CHAPTER_LABEL[1]
    assert contrast(label, WHITE) >= AA


ALL_COLOURS = [(name, key, colour) for name in bundled_names()
               for key, colour in bundled_framework(name).colours.items()]


@pytest.mark.parametrize(("framework", "dimension", "colour"), ALL_COLOURS)
def test_white_text_reads_on_every_dimension_colour(framework: str, dimension: str,
                                                    colour: str) -> None:
    """The DOCX writes a roadmap's active years white on these fills; the charts set
    white labels on them too. Every bundled framework's colours."""
    assert contrast(WHITE, colour) >= AA, f"{framework} {dimension}: {colour}"


def test_every_coloured_style_of_the_reference_docx_reaches_aa() -> None:
    """Word has no background behind its styles but the table header fill: every text
    colour stands on white, the header's on the header fill."""
    document = docx.Document(str(builtin_reference()))
    checked = 0
    for style in document.styles.element.iterfind(W + "style"):
        name = style.find(W + "name").get(W + "val")
        if name not in STYLES:  # Word's own (Heading 8…): the converter never uses them
            continue
        for colour in style.iter(W + "color"):
            shade = colour.get(W + "val")
            if shade in (None, "auto"):
                continue
            ground = WHITE
            parent = colour.getparent().getparent()
            if parent.tag == W + "tblStylePr":
                ground = "#" + parent.find(f"{W}tcPr/{W}shd").get(W + "fill")
            elif name == "Table Heading":
                ground = value("th", "background")
            elif name == "Cell Mark":  # white on the dimension fills (above)
                ground = min((c for _f, _d, c in ALL_COLOURS),
                             key=lambda c: contrast(WHITE, c))
            assert contrast("#" + shade, ground) >= AA, f"{name}: #{shade} on {ground}"
            checked += 1
    assert checked >= 15
