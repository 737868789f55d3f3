"""The decks (PPTX, python-pptx): the `pptx` format of the quick-win, summary and evaluation
documents.

Unlike the HTML writers it lays out `Document.data["deck"]` (`generator.documents.decks`,
built from the format-neutral context): each slide on a layout of the reference
presentation (`reference`: the built-in one or ``--reference-pptx``), its title in the
layout's title placeholder, its points in the body placeholder, its tables as PowerPoint
tables and its charts as native, editable PowerPoint charts with their figures in an
embedded workbook and their alt text (`generator.render.charts`). Same input, same bytes:
the document properties carry the document's date, the zip entries (and those of each
embedded workbook) a fixed time (`generator.render.charts.fixed_package`).
"""

from __future__ import annotations

import io
from typing import Any

from generator.errors import RenderError
from generator.render import Document, Written
from generator.render.charts import category_data, chart_type, fixed_package, style
from generator.render.pptx.reference import open_reference

HEAD_FILL = "1F3B63"
STRIPE_FILL = "EEF2F7"
MUTED = "595959"


def write_pptx(document: Document) -> Written:
    deck = document.data.get("deck")
    if deck is None:  # the registry offers pptx only for the kinds with a deck
        raise RenderError(f"the {document.kind} document has no deck")
    presentation, layouts, warnings = open_reference(document.reference_pptx)
    frame = _Frame(presentation)
    for slide in deck.slides:
        _SLIDES[slide.kind](presentation, layouts, frame, slide)
    _properties(presentation, document)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return Written(fixed_package(buffer.getvalue(), document.created), warnings)


class _Frame:
    """Where a slide's content goes: below the title, inside the margins."""

    def __init__(self, presentation: Any) -> None:
        self.width = int(presentation.slide_width)
        self.height = int(presentation.slide_height)
        self.left = round(self.width * 0.05)
        self.right = self.width - self.left
        self.bottom = round(self.height * 0.93)

    def top(self, slide: Any) -> int:
        title = slide.shapes.title
        if title is None or title.top is None:
            return round(self.height * 0.2)
        return int(title.top + title.height + self.height * 0.02)


def _properties(presentation: Any, document: Document) -> None:
    from generator.render.office import core_text

    created = document.created.replace(tzinfo=None)
    props = presentation.core_properties
    props.title = core_text(document.title)
    props.author = props.last_modified_by = core_text(document.author)
    props.subject = core_text(document.subject)
    props.keywords = core_text(", ".join(document.keywords))
    props.language = document.language
    for name in ("comments", "category", "content_status", "identifier", "version"):
        setattr(props, name, "")
    props.revision = 1
    props.created = props.modified = props.last_printed = created


def _new(presentation: Any, layout: Any, title: str) -> Any:
    slide = presentation.slides.add_slide(layout)
    if slide.shapes.title is not None:
        shape = slide.shapes.title
        shape.text = title
        size = _title_size(title, shape.width, shape.height, _layout_title_pt(shape))
        if size is not None:
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = _pt(size)
    else:  # a layout without a title placeholder (a region's fallback): a text box
        frame = _Frame(presentation)
        box = slide.shapes.add_textbox(frame.left, round(frame.height * 0.05),
                                       frame.right - frame.left, round(frame.height * 0.12))
        box.text_frame.text = title
        box.text_frame.word_wrap = True
        size = _title_size(title, box.width, box.height, 28)
        box.text_frame.paragraphs[0].runs[0].font.size = _pt(28 if size is None else size)
        box.name = "Title"
    return slide


# A title's character is about 0.43–0.45 em wide on average in Carlito/Calibri (0.54 in
# capitals): with some room. A line is 1.22 em high (Carlito's ascent and descent); a
# title is never smaller than 20 pt.
_TITLE_EM = 0.5
_TITLE_LINE = 1.22
_TITLE_MIN_PT = 20
_EMU_PT = 12700
_TITLE_INSETS = (2 * 91440, 2 * 45720)  # the default insets: 0.1 in left and right, 0.05 in


def _title_lines(text: str, width_pt: float, size: float) -> int:
    """How many lines `text` takes at `size` pt in a box `width_pt` wide, words wrapped."""
    per_line = max(1, int(width_pt / (size * _TITLE_EM)))
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) <= per_line:
            used += 1 + len(word)
            continue
        if used:
            lines += 1
        lines += (len(word) - 1) // per_line  # a word longer than a line breaks
        used = (len(word) - 1) % per_line + 1
    return lines


def _title_size(text: str, width: int | None, height: int | None,
                size: float) -> float | None:
    """The font size (pt) at which a title fits its box (`width` × `height` EMU) whole, in
    as few lines as fit, when the layout's own `size` does not; None when it does. A long
    title (a quick win's name) would otherwise run over the box's edges, onto what stands
    under it (the accent rule, a chart)."""
    if not width or not height:
        return None
    width_pt = (width - _TITLE_INSETS[0]) / _EMU_PT
    height_pt = (height - _TITLE_INSETS[1]) / _EMU_PT

    def fits(points: float) -> bool:
        return _title_lines(text, width_pt, points) * points * _TITLE_LINE <= height_pt

    if fits(size):
        return None
    points = float(int(size))
    while points > _TITLE_MIN_PT and not fits(points):
        points -= 1
    return points


def _layout_title_pt(shape: Any) -> float:
    """The size (pt) a title placeholder's text takes from its layout, its master's
    placeholder or the master's title style; 44 (PowerPoint's) when none says."""
    from pptx.oxml.ns import qn

    sources, base = [], shape
    while base is not None:
        sources.append(base._element)
        base = getattr(base, "_base_placeholder", None)
    for source in sources:
        for properties in source.iter(qn("a:defRPr"), qn("a:rPr")):
            if properties.get("sz"):
                return int(properties.get("sz")) / 100
    master = shape.part.slide_layout.slide_master.element
    style = master.find(f"{qn('p:txStyles')}/{qn('p:titleStyle')}/{qn('a:lvl1pPr')}"
                        f"/{qn('a:defRPr')}")
    if style is not None and style.get("sz"):
        return int(style.get("sz")) / 100
    return 44.0


def _pt(size: float) -> Any:
    from pptx.util import Pt

    return Pt(size)


def _rgb(colour: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())


def _body(slide: Any) -> Any:
    """The layout's body placeholder of a slide, if it has one."""
    return next((shape for shape in slide.placeholders
                 if shape.placeholder_format.idx == 1), None)


def _drop_empty_placeholders(slide: Any) -> None:
    for shape in list(slide.placeholders):
        if shape.placeholder_format.idx != 0 and not (shape.has_text_frame
                                                       and shape.text_frame.text):
            shape._element.getparent().remove(shape._element)


def _notes(slide: Any, text: str) -> None:
    if text:
        slide.notes_slide.notes_text_frame.text = text


# --- the kinds of slide ----------------------------------------------------------------------

def _title(presentation: Any, layouts: dict[str, Any], frame: _Frame, item: Any) -> None:
    slide = _new(presentation, layouts["title"], item.title)
    subtitle = _body(slide)
    if subtitle is not None:
        subtitle.text_frame.text = item.subtitle
    else:
        top = frame.top(slide)
        box = slide.shapes.add_textbox(frame.left, top, frame.right - frame.left,
                                       round(frame.height * 0.2))
        box.text_frame.text = item.subtitle
    _drop_empty_placeholders(slide)


def _points(presentation: Any, layouts: dict[str, Any], frame: _Frame, item: Any) -> None:
    from pptx.enum.text import MSO_AUTO_SIZE

    slide = _new(presentation, layouts["content"], item.title)
    body = _body(slide)
    if body is None:
        top = frame.top(slide)
        body = slide.shapes.add_textbox(frame.left, top, frame.right - frame.left,
                                        frame.bottom - top)
    text = body.text_frame
    text.word_wrap = True
    text.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
    lines = ([(item.subtitle, 0, True)] if item.subtitle else []) + [
        (point, 1 if item.subtitle else 0, False) for point in item.points]
    for number, (line, level, bold) in enumerate(lines):
        paragraph = text.paragraphs[0] if number == 0 else text.add_paragraph()
        paragraph.text = line
        paragraph.level = level
        if bold:
            paragraph.runs[0].font.bold = True
    _notes(slide, item.notes)
    _drop_empty_placeholders(slide)


def _table(presentation: Any, layouts: dict[str, Any], frame: _Frame, item: Any) -> None:
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Emu

    slide = _new(presentation, layouts["title_only"], item.title)
    top = frame.top(slide)
    if item.subtitle:  # a finding above the table, in bold
        height = round(frame.height * 0.1)
        box = slide.shapes.add_textbox(frame.left, top, frame.right - frame.left, height)
        box.text_frame.word_wrap = True
        run = box.text_frame.paragraphs[0].add_run()
        run.text = item.subtitle
        run.font.size = _pt(18)
        run.font.bold = True
        run.font.color.rgb = _rgb(HEAD_FILL)
        box.name = "Finding"
        top += height
    columns = len(item.head)
    row_height = min(Emu(round(frame.height * 0.075)),
                     Emu((frame.bottom - top) // (len(item.rows) + 1)))
    shape = slide.shapes.add_table(len(item.rows) + 1, columns, frame.left, top,
                                   frame.right - frame.left, row_height * (len(item.rows) + 1))
    table = shape.table
    size = 16 if len(item.rows) <= 6 else 14
    for column, width in zip(table.columns, _column_widths(item, frame.right - frame.left, size),
                             strict=True):
        column.width = Emu(width)
    for number, row in enumerate([item.head, *item.rows]):
        for column, value in enumerate(row):
            cell = table.cell(number, column)
            cell.text = value
            paragraph = cell.text_frame.paragraphs[0]
            if column in item.numeric:
                paragraph.alignment = PP_ALIGN.RIGHT
            for run in paragraph.runs:
                run.font.size = _pt(size)
                if number == 0:
                    run.font.bold = True
                    run.font.color.rgb = _rgb("FFFFFF")
                elif number - 1 in item.bold:
                    run.font.bold = True
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(HEAD_FILL if number == 0 else
                                            STRIPE_FILL if number % 2 == 0 else "FFFFFF")
            if number:
                for run in paragraph.runs:
                    run.font.color.rgb = _rgb("000000")
    _notes(slide, item.notes)
    _drop_empty_placeholders(slide)


# A character of Carlito/Calibri is about 0.52 em wide on average; bold headings are wider
_CHAR_EM = 0.6
_CELL_MARGINS = 2 * 91440  # python-pptx's default left and right cell margins (0.1 in each)


def _column_widths(item: Any, available: int, size: int) -> list[int]:
    """Column widths (EMU): each wide enough for its longest word (no heading broken
    mid-word, "Serapa|n"), what is left shared by the length of the columns' texts."""
    columns = len(item.head)
    texts = [[item.head[c], *(row[c] for row in item.rows)] for c in range(columns)]
    least = [max(len(word) for text in column for word in text.split() or [""])
             * size * _CHAR_EM * 12700 + _CELL_MARGINS for column in texts]
    weights = [min(max(max(len(text) for text in column), 9), 60) for column in texts]
    spare = available - sum(least)
    if spare <= 0:  # not even the longest words fit: share by them
        return [round(available * width / sum(least)) for width in least]
    return [round(width + spare * weight / sum(weights))
            for width, weight in zip(least, weights, strict=True)]


def _chart(presentation: Any, layouts: dict[str, Any], frame: _Frame, item: Any) -> None:
    slide = _new(presentation, layouts["title_only"], item.title)
    top = frame.top(slide)
    graphic = slide.shapes.add_chart(chart_type(item.chart.kind), frame.left, top,
                                     frame.right - frame.left, frame.bottom - top,
                                     category_data(item.chart))
    style(graphic.chart, item.chart, font_pt=12)
    graphic.name = item.title[:60]
    graphic._element.nvGraphicFramePr.cNvPr.set("descr", item.alt)
    _notes(slide, item.alt)
    _drop_empty_placeholders(slide)


def _quickwin(presentation: Any, layouts: dict[str, Any], frame: _Frame, item: Any) -> None:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.text import MSO_AUTO_SIZE

    slide = _new(presentation, layouts["title_only"], item.title)
    top = frame.top(slide)
    if item.accent:
        bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, frame.left, top - round(
            frame.height * 0.015), frame.right - frame.left, round(frame.height * 0.008))
        bar.fill.solid()
        bar.fill.fore_color.rgb = _rgb(item.accent)
        bar.line.fill.background()
        bar.name = "Accent"
    gap = round(frame.width * 0.02)
    split = frame.left + round((frame.right - frame.left) * 0.55)

    def box(left: int, right: int, sections: list[tuple[str, list[str]]],
            size: float) -> None:
        shape = slide.shapes.add_textbox(left, top, right - left, frame.bottom - top)
        text = shape.text_frame
        text.word_wrap = True
        text.auto_size = MSO_AUTO_SIZE.NONE
        first = True
        for label, lines in sections:
            if not lines:
                continue
            for number, line in enumerate([label, *lines]):
                paragraph = text.paragraphs[0] if first else text.add_paragraph()
                first = False
                run = paragraph.add_run()
                run.text = line
                run.font.size = _pt(size + 2 if number == 0 else size)
                if number == 0:
                    run.font.bold = True
                    run.font.color.rgb = _rgb(item.accent or HEAD_FILL)
                    paragraph.space_before = _pt(6)

    box(frame.left, split - gap, [(label, value.splitlines()) for label, value in item.blocks],
        16)
    facts = [f"{label}: {value}" for label, value in item.facts]
    box(split, frame.right, [(item.subtitle or "", facts),
                             *zip(item.head, item.rows, strict=True)], 14)
    _notes(slide, item.notes)
    _drop_empty_placeholders(slide)


_SLIDES = {"title": _title, "closing": _title, "points": _points, "table": _table,
           "chart": _chart, "quickwin": _quickwin}
