"""Native, editable Office charts from a chart's format-neutral figures
(`generator.documents.charts.ChartData`), for the PPTX deck and the DOCX's native charts.

python-pptx writes the chart part (``c:chartSpace``, `pptx.chart.xmlwriter.ChartXmlWriter`)
and the workbook that holds its figures (XlsxWriter): the same part a Word document embeds
as ``word/charts/chartN.xml`` beside ``word/embeddings/Microsoft_Excel_Sheet*.xlsx``. The
colours, axes, labels and legend are set once here (`style`) through python-pptx's chart
objects, for both formats. Same input, same bytes: the workbook's document properties carry
the document's date and its zip entries a fixed time (`fixed_package`).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from typing import Any

#: The kinds of `ChartData` and the python-pptx chart type each becomes.
KINDS = ("bar", "column", "column_stacked", "gantt")
GRID = "D9D9D9"
AXIS_TEXT = "404040"
CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def chart_type(kind: str) -> Any:
    from pptx.enum.chart import XL_CHART_TYPE

    return {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
            "column_stacked": XL_CHART_TYPE.COLUMN_STACKED,
            "gantt": XL_CHART_TYPE.BAR_STACKED}[kind]


def horizontal(data: Any) -> bool:
    return bool(data.kind in ("bar", "gantt"))


def _ordered(data: Any, items: Any) -> list[Any]:
    """`items` (one per category) in the order the chart holds them: a horizontal bar
    chart draws its first category at the bottom, so its categories are given bottom up
    and read top down in the order of `data` (rather than a reversed axis, which
    LibreOffice and PowerPoint place the value axis of differently)."""
    return list(items)[::-1] if horizontal(data) else list(items)


def category_data(data: Any) -> Any:
    """python-pptx's chart data (categories, series, number format) of `data`."""
    from pptx.chart.data import CategoryChartData

    chart_data = CategoryChartData(number_format=data.number_format)
    chart_data.categories = _ordered(data, data.categories)
    for series in data.series:
        chart_data.add_series(series.name, _ordered(data, series.values))
    return chart_data


def style(chart: Any, data: Any, font_pt: float = 9) -> None:
    """Colours, axes, labels and legend of a python-pptx `chart` made from `data`."""
    from pptx.dml.color import RGBColor
    from pptx.enum.chart import XL_LABEL_POSITION, XL_LEGEND_POSITION
    from pptx.util import Pt

    def rgb(colour: str) -> Any:
        return RGBColor.from_string(colour.lstrip("#").upper())

    chart.has_title = False
    chart.font.size = Pt(font_pt)
    chart.font.name = "Calibri"  # LibreOffice draws its metric twin Carlito
    chart.has_legend = data.legend
    if data.legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    plot = chart.plots[0]
    plot.gap_width = 40 if data.kind in ("gantt", "bar") else 60
    if data.kind in ("column_stacked", "gantt"):
        plot.overlap = 100
    for series, figures in zip(plot.series, data.series, strict=True):
        fill = series.format.fill
        if figures.hidden:
            fill.background()
            series.format.line.fill.background()
            continue
        # a series whose bars are coloured one by one has a fill of its own too: the
        # colour its legend entry shows (the first bar's, as matplotlib's legend in the
        # picture), not the office application's default
        colour = figures.colour or next(iter(figures.point_colours), None)
        if colour:
            fill.solid()
            fill.fore_color.rgb = rgb(colour)
        for number, colour in enumerate(_ordered(data, figures.point_colours)):
            point = series.points[number].format.fill
            point.solid()
            point.fore_color.rgb = rgb(colour)
    if data.data_labels:
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = data.number_format
        labels.number_format_is_linked = False
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        labels.font.size = Pt(font_pt - 1)
    values = chart.value_axis
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = rgb(GRID)
    values.tick_labels.number_format = data.number_format
    values.tick_labels.number_format_is_linked = False
    values.tick_labels.font.color.rgb = rgb(AXIS_TEXT)
    if data.axis_min is not None:
        values.minimum_scale = data.axis_min
    if data.axis_max is not None:
        values.maximum_scale = data.axis_max
    if data.major_unit is not None:
        values.major_unit = data.major_unit
    if data.axis_title:
        values.has_title = True
        values.axis_title.text_frame.text = data.axis_title
        values.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(font_pt)
        values.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False
    categories = chart.category_axis
    categories.tick_labels.font.color.rgb = rgb(AXIS_TEXT)
    categories.format.line.color.rgb = rgb(GRID)
    _every_category_label(categories)


def _every_category_label(axis: Any) -> None:
    """A label and a tick mark at every category: without a skip of 1 written out,
    PowerPoint and LibreOffice leave out every other label of a crowded axis (a roadmap's
    program codes) when they think the labels too close."""
    from pptx.oxml.ns import qn

    element = axis._element
    for tag in ("c:tickLblSkip", "c:tickMarkSkip"):
        for old in element.findall(qn(tag)):
            element.remove(old)
    follower = next((child for child in element
                     if child.tag in (qn("c:noMultiLvlLbl"), qn("c:extLst"))), None)
    for tag in ("c:tickLblSkip", "c:tickMarkSkip"):
        skip = element.makeelement(qn(tag), {"val": "1"})
        if follower is not None:
            follower.addprevious(skip)
        else:
            element.append(skip)


def chart_space(data: Any, moment: datetime) -> tuple[Any, bytes]:
    """The styled ``c:chartSpace`` element of `data` (python-pptx's oxml) and the bytes of
    the workbook that holds its figures."""
    from pptx.chart.chart import Chart
    from pptx.chart.xmlwriter import ChartXmlWriter
    from pptx.oxml import parse_xml

    kind = chart_type(data.kind)
    figures = category_data(data)
    space = parse_xml(ChartXmlWriter(kind, figures).xml.encode("utf-8"))
    style(Chart(space, None), data)
    return space, fixed_package(figures.xlsx_blob, moment)


def fixed_package(data: bytes, moment: datetime) -> bytes:
    """An Office package (zip) whose document properties carry `moment` instead of the
    time of saving, its embedded packages likewise, with fixed zip entries."""
    from generator.render.office import normalise_zip

    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                    rb"\g<1>" + stamp + rb"\g<3>", content)
            elif name.endswith(".xlsx"):
                content = fixed_package(content, moment)
            target.writestr(name, content)
    return normalise_zip(output.getvalue(), moment)
