"""Build templates/pptx/reference.pptx: the master slides and layouts of every deck.

    .venv/bin/python scripts/build_reference_pptx.py [--check] [OUTPUT]

Starts from python-pptx's default template (the Office theme's eleven layouts, among them
the three a deck uses: Title Slide, Title and Content, Title Only), made 16:9 with every
placeholder of the master and the layouts widened to match, the theme's colours those of
the documents (the dimension colours as accents, the cover blue as the dark text colour) and
the titles in that blue. A region restyles it in PowerPoint and passes it back with
--reference-pptx.

The output is byte-reproducible (fixed properties and zip entry times): run it after a
change here and commit the result; `--check` fails if the committed file is stale.
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import generated  # noqa: E402  (scripts/generated.py)
from lxml import etree  # type: ignore[import-untyped, unused-ignore]  # noqa: E402
from pptx import Presentation  # noqa: E402
from pptx.util import Emu, Inches  # noqa: E402

from generator.render.charts import fixed_package  # noqa: E402
from generator.spec.framework import default_framework  # noqa: E402

OUTPUT = REPO / "templates" / "pptx" / "reference.pptx"
FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
BLUE = "1F3B63"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def build() -> bytes:
    presentation = Presentation()
    scale = WIDTH / presentation.slide_width
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    master = presentation.slide_master
    for shapes in [master.shapes, *(layout.shapes for layout in master.slide_layouts)]:
        for shape in shapes:
            # only a shape's own position: a layout's placeholder without one inherits the
            # master's, widened already
            if shape._element.find(f".//{A}xfrm") is not None and shape.left is not None:
                shape.left = Emu(round(shape.left * scale))
                shape.width = Emu(round(shape.width * scale))
    # the title style every layout's and slide's title inherits: its one fill (the
    # template's is the text colour, black) becomes the theme's dark text colour 2, the
    # blue below, so that a region restyling the theme restyles the titles too
    title_style = master.element.find(f".//{{*}}titleStyle/{A}lvl1pPr/{A}defRPr")
    for old in title_style.findall(f"{A}solidFill"):
        title_style.remove(old)
    fill = etree.Element(f"{A}solidFill")
    etree.SubElement(fill, f"{A}schemeClr").set("val", "tx2")
    title_style.insert(0, fill)  # first: the fill precedes the fonts in a:defRPr
    theme_part = next(part for part in master.part.package.iter_parts()
                      if str(part.partname).startswith("/ppt/theme/"))
    theme = etree.fromstring(theme_part.blob)
    scheme = theme.find(f".//{A}clrScheme")
    scheme.set("name", "Masterplan")
    colours = {"dk2": BLUE, **{f"accent{n}": colour.lstrip("#").upper()
                               for n, colour in enumerate(default_framework().colours.values(),
                                                          start=1)}}
    for name, value in colours.items():
        slot = scheme.find(f"{A}{name}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{A}srgbClr").set("val", value)
    theme_part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
    props = presentation.core_properties
    props.title, props.author, props.last_modified_by = "masterplan reference", "", ""
    props.revision = 1
    stamp = FIXED_DATE.replace(tzinfo=None)
    props.created = props.modified = props.last_printed = stamp
    buffer = io.BytesIO()
    presentation.save(buffer)
    return fixed_package(buffer.getvalue(), FIXED_DATE)


def main(argv: list[str] | None = None) -> int:
    return generated.main(argv, description=__doc__.split("\n")[0], default=OUTPUT,
                          make=lambda _: build(), script="scripts/build_reference_pptx.py")


if __name__ == "__main__":
    raise SystemExit(main())
