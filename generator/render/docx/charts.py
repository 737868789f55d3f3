"""Native Word charts (`--docx-charts native`): a chart of the document as a DrawingML chart
part (``word/charts/chartN.xml``) with its figures in an embedded workbook
(``word/embeddings/Microsoft_Excel_Sheet N.xlsx``), which Word and LibreOffice edit as a
chart (Word: Edit Data), with the chart's alt text on its drawing (``wp:docPr/@descr``).

The chart part is python-pptx's (`generator.render.charts.chart_space`): the same
``c:chartSpace`` a PowerPoint deck holds. Here it becomes a part of the Word package,
related from the document and relating to its workbook.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from lxml import etree

from generator.render.charts import CHART_CONTENT_TYPE, CHART_URI, XLSX_CONTENT_TYPE, chart_space

_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def chart_inline(part: Any, data: Any, number: int, shape_id: int, width_emu: int,
                 description: str, moment: datetime) -> etree._Element:
    """A ``wp:inline`` showing the native chart of `data` (the `number`-th of the document),
    `width_emu` wide and as high as the chart's aspect says, the parts added to the package
    of `part` (the main document part)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    space, workbook = chart_space(data, moment)
    package = part.package
    workbook_part = Part(PackURI(f"/word/embeddings/Microsoft_Excel_Sheet{number}.xlsx"),
                         XLSX_CONTENT_TYPE, workbook, package)
    chart_part = Part(PackURI(f"/word/charts/chart{number}.xml"), CHART_CONTENT_TYPE, b"",
                      package)
    external = space.get_or_add_externalData()
    external.rId = chart_part.relate_to(workbook_part, RT.PACKAGE)
    chart_part._blob = etree.tostring(space, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
    chart_id = part.relate_to(chart_part, RT.CHART)
    height_emu = round(width_emu * data.aspect)
    inline = etree.Element(f"{{{_WP}}}inline", nsmap={"wp": _WP, "a": _A, "c": _C, "r": _R})
    for side in ("distT", "distB", "distL", "distR"):
        inline.set(side, "0")
    extent = etree.SubElement(inline, f"{{{_WP}}}extent")
    extent.set("cx", str(width_emu))
    extent.set("cy", str(height_emu))
    effect = etree.SubElement(inline, f"{{{_WP}}}effectExtent")
    for side in ("l", "t", "r", "b"):
        effect.set(side, "0")
    doc_pr = etree.SubElement(inline, f"{{{_WP}}}docPr")
    doc_pr.set("id", str(shape_id))
    doc_pr.set("name", f"Chart {number}")
    if description:
        doc_pr.set("descr", description)
    etree.SubElement(inline, f"{{{_WP}}}cNvGraphicFramePr")
    graphic = etree.SubElement(inline, f"{{{_A}}}graphic")
    graphic_data = etree.SubElement(graphic, f"{{{_A}}}graphicData")
    graphic_data.set("uri", CHART_URI)
    etree.SubElement(graphic_data, f"{{{_C}}}chart").set(f"{{{_R}}}id", chart_id)
    return inline
