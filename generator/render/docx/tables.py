"""Handlers for tables: HTML tables (built row by row as XML, never python-docx's quadratic
``table.cell(r, c)``), ``dl.facts`` and ``div.keyfigures``."""

from __future__ import annotations

import functools
from collections.abc import Collection
from typing import Any

from generator.render.docx import measure
from generator.render.docx import ooxml as ox
from generator.render.docx.blocks import write_caption
from generator.render.docx.ooxml import RunFormat, W
from generator.render.docx.page import mm
from generator.render.docx.stylemap import STYLE_MAP, VOCABULARY, Rule
from generator.render.docx.translator import (
    CELL_TEXT_SIZE,
    Ctx,
    Segment,
    Translator,
    classes_of,
)

CELL_PADDING = 2 * 113  # twips left and right of a cell's text
COMPACT_CELL_MARGINS = (51, 68)  # twips above and below, left and right
YEAR_WIDTH = mm(9) + 2 * 68  # table.roadmap th.year { width: 9mm }
TERM_WIDTH = mm(45)  # dl.facts { grid-template-columns: 45mm }
_ROW_GROUPS = ("thead", "tbody", "tfoot")
_PARAGRAPH = frozenset({"paragraph"})

_TABLE = STYLE_MAP.rule("table, table.data")
_SIZED = tuple(rule for rule in VOCABULARY if rule.size)  # the first that matches wins
_NO_WRAP = tuple(STYLE_MAP.rule(s) for s in ("td.num", "td.nowrap", "th.num"))
_YEAR, _HEADER_NUMBER = STYLE_MAP.rule("th.year"), STYLE_MAP.rule("th.num")
_PHASE = STYLE_MAP.rule("th.phase")
# The legal drafts' tables: their text is 11 pt Bookman Old Style ("Legal Table Text"),
# measured as 15 pt of the Carlito the widths are measured with (Bookman is about a third
# wider; so is DejaVu Sans, LibreOffice's stand-in): at 9.5 pt, "No." wrapped after "No".
_LEGAL_TABLE, _LEGAL_TABLE_TEXT_SIZE = STYLE_MAP.rule(
    "table.legal-members, table.legal-quickwins"), 30
_TOTAL_NUMBER = STYLE_MAP.rule("td.num")
_ON = STYLE_MAP.rule("td.on")
_OWN_FILLS = (STYLE_MAP.rule("td.swot-*"), STYLE_MAP.rule("th.swot-*"),
              STYLE_MAP.rule("td.heat-*"), STYLE_MAP.rule("td.enb-*"),
              STYLE_MAP.rule("td.risk-*"))
_TITLE_ROW = STYLE_MAP.rule("tr.swot-head")
_TERM, _VALUE = STYLE_MAP.rule("dt"), STYLE_MAP.rule("dd")
_KEEP = STYLE_MAP.rule("table.keep")
_LEGAL_SIGNATURES = STYLE_MAP.rule("table.legal-signatures")
_KEY_FIGURE = STYLE_MAP.rule("p.keyfigure")


def table(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """Column widths shared out by the content of the columns; in the table style of its
    rule when that names one (a legal draft's Legal Table), else Masterplan Table."""
    style = rule.target if rule.kind == "table" else _TABLE.target
    _table(t, element, out, ctx.deeper(), style, even=False)


def even_table(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """Columns of one width, rows that may split (table.swot). A legal draft's signature
    keeps the paragraph before it on its page (legal.css: the signature never stands alone
    on a page)."""
    if _LEGAL_SIGNATURES.matches("table", classes_of(element)) and not ctx.in_cell \
            and len(out) and out[-1].tag == W + "p":
        ox.keep_with_next(out[-1])
    _table(t, element, out, ctx.deeper(), rule.target, even=True)


def _table(t: Translator, element: Any, out: Any, ctx: Ctx, style: str, *,
           even: bool) -> None:
    caption = None
    groups: dict[str, list[Any]] = {group: [] for group in _ROW_GROUPS}
    for child in element:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "caption":
            caption = child
        elif tag in groups:
            groups[tag].extend(r for r in child if isinstance(r.tag, str)
                               and r.tag.lower() == "tr")
        elif tag == "tr":
            groups["tbody"].append(child)
    if caption is not None:
        write_caption(t, caption, out, ctx)
    rows = [(tr, group) for group in _ROW_GROUPS for tr in groups[group]]
    grid = [[(c, _span(c)) for c in tr if isinstance(c.tag, str)
             and c.tag.lower() in ("td", "th")] for tr, _ in rows]
    columns = max((sum(span for _, span in cells) for cells in grid), default=0)
    if columns == 0:
        return
    classes = classes_of(element)
    size = next((rule.size for rule in _SIZED if rule.matches("table", classes)), None)
    if ctx.in_cell:
        size = size or CELL_TEXT_SIZE
    width = t.available_width(ctx)
    measured = size or (_LEGAL_TABLE_TEXT_SIZE if _LEGAL_TABLE.matches("table", classes)
                        else CELL_TEXT_SIZE)
    widths = (_even(width, columns) if even
              else _column_widths(grid, columns, width, measured))
    _before_table(t, out, ctx)
    keep = _KEEP.matches("table", classes)
    titles = {index for index, (tr, _) in enumerate(rows)
              if _TITLE_ROW.matches("tr", classes_of(tr))}
    # Word repeats a header row on every page a table runs onto: a SWOT's first title row
    # is one only where the SWOT never splits (else "Strengths" would head its threats).
    header_rows = set(range(len(groups["thead"]))) or ({0} & titles if keep else set())
    tbl = ox.table(out, t.styles.get(style), widths,
                   cell_margins=COMPACT_CELL_MARGINS if size else None,
                   header_look=bool(header_rows))
    fmt = ctx.fmt.with_(size=size) if size else ctx.fmt
    kept = _kept_rows([group for _, group in rows], keep=keep, even=even) | titles
    for index, ((tr, group), cells) in enumerate(zip(rows, grid, strict=True)):
        row_classes = frozenset(classes_of(tr))
        w_tr = ox.row(tbl, header=index in header_rows,
                      cant_split=keep or not even or index in titles)
        column = 0
        for cell, span in cells:
            span = min(span, columns - column)
            _cell(t, w_tr, cell, span, sum(widths[column:column + span]), group,
                  row_classes, fmt, ctx)
            column += span
        for missing in range(column, columns):  # keep the grid rectangular
            ox.finish_cell(ox.cell(w_tr, widths[missing]))
        if index in kept:
            ox.keep_with_next(w_tr)


def _kept_rows(groups: list[str], *, keep: bool, even: bool) -> set[int]:
    """The rows kept with the next one, as style.css keeps them: all but the last of a
    `table.keep`; else (rows that never split) the first body row and the last but one,
    so no row stands alone at the foot or the head of a page. (Header rows and group rows
    keep with the next by their paragraph styles.)"""
    if keep:
        return set(range(len(groups) - 1))
    if even:
        return set()
    body = [index for index, group in enumerate(groups) if group != "thead"]
    return {body[0], body[-2]} if len(body) >= 2 else set()


def _before_table(t: Translator, out: Any, ctx: Ctx) -> None:
    if out is t.body:
        if t.pending_break:  # a table cannot carry the page break itself
            t.new_paragraph(out, None, ctx)
        t.section_has_content = True
    if len(out) and out[-1].tag == W + "tbl":
        ox.paragraph(out, None)  # two adjacent tables would merge into one


def _cell(t: Translator, w_tr: Any, cell: Any, span: int, width: int, group: str,
          row_classes: frozenset[str], fmt: RunFormat, ctx: Ctx) -> None:
    tag = cell.tag.lower()
    classes = frozenset(classes_of(cell))
    rule, fill, jc = _look(tag, classes, group, row_classes)
    if _ON.matches(tag, classes) and t.options.dimension_fills:
        # a roadmap cell: its dimension's colour, from the framework (DocxOptions)
        fill = next((t.options.dimension_fills[name] for name in sorted(classes)
                     if name in t.options.dimension_fills), fill)
    tc = ox.cell(w_tr, width, span=span, fill=fill)
    cell_ctx = Ctx(style=rule.target, fmt=t.status_format(tag, classes, fmt),
                   narrative=ctx.narrative, in_cell=True, width=width - CELL_PADDING,
                   depth=ctx.depth + 1, jc=jc)
    outer_item, t.current_item = t.current_item, None
    t.flow(cell, tc, cell_ctx)
    t.current_item = outer_item
    if not len(tc) or tc[-1].tag != W + "p":  # a cell must end with a paragraph
        t.new_paragraph(tc, rule.target, cell_ctx)


@functools.lru_cache(maxsize=1024)
def _look(tag: str, classes: frozenset[str], group: str, row_classes: frozenset[str],
          ) -> tuple[Rule, str | None, str | None]:
    """A cell's paragraph style (its rule), fill and alignment. The style is a header
    cell's own, else its row group's (tfoot), its row's (tr.group) or its own (td.num)."""
    lookups = [(tag, classes)] if tag == "th" else [(group, frozenset()), ("tr", row_classes),
                                                    (tag, classes)]
    found = (STYLE_MAP.find(name, names, kinds=_PARAGRAPH) for name, names in lookups)
    rule = next(rule for rule in found if rule is not None)
    fill = rule.shading
    if _ON.matches(tag, classes):
        fill = _ON.shading
    fill = _fill(_OWN_FILLS, tag, classes) or fill
    jc = None
    if _HEADER_NUMBER.matches(tag, classes) or (
            group == "tfoot" and _TOTAL_NUMBER.matches(tag, classes)):
        jc = "right"
    elif _YEAR.matches(tag, classes) or _PHASE.matches(tag, classes) or _ON.matches(tag, classes):
        jc = "center"
    return rule, fill, jc


def _fill(rules: tuple[Rule, ...], tag: str, classes: Collection[str]) -> str | None:
    """The colour of the first of `classes` (in sorted order) that `rules` shade."""
    return next((rule.values[name] for name in sorted(classes) for rule in rules
                 if rule.matches(tag, (name,))), None)


def _column_widths(grid: list[list[tuple[Any, int]]], columns: int, width: int,
                   size: int) -> list[int]:
    stats = [measure.Column() for _ in range(columns)]
    for cells in grid:
        column = 0
        for cell, span in cells:
            if span == 1 and column < columns:
                no_wrap, year = _column_of(cell.tag.lower(), frozenset(classes_of(cell)))
                line, word = measure.measure(cell.text_content(), bold=cell.tag == "th")
                stat = stats[column]
                stat.longest_line = max(stat.longest_line, line)
                stat.longest_word = max(stat.longest_word, line if no_wrap else word)
                stat.widest_word = max(stat.widest_word,
                                       line if no_wrap and cell.tag != "th" else word)
                if year:
                    stat.fixed = YEAR_WIDTH
            column += span
    return measure.column_widths(stats, width, size * 10)  # half-points → twips per em


@functools.lru_cache(maxsize=1024)
def _column_of(tag: str, classes: frozenset[str]) -> tuple[bool, bool]:
    """Whether a cell keeps its column from wrapping (white-space: nowrap), and whether
    it makes the column a year's, 9 mm."""
    return any(rule.matches(tag, classes) for rule in _NO_WRAP), _YEAR.matches(tag, classes)


def _span(cell: Any) -> int:
    try:
        return max(1, min(int(cell.get("colspan", "1")), 1000))
    except ValueError:
        return 1


def _even(width: int, count: int) -> list[int]:
    each = width // count
    return [each] * (count - 1) + [width - each * (count - 1)]


# --- tables that are not HTML tables ---------------------------------------------------------


def facts(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """A two-column table, a term and its definitions per row."""
    ctx = ctx.deeper()
    pairs: list[tuple[Any, list[Any]]] = []
    for child in element:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "dt":
            pairs.append((child, []))
        elif tag == "dd":
            if not pairs:
                pairs.append((None, []))
            pairs[-1][1].append(child)
    if not pairs:
        return
    width = t.available_width(ctx)
    term_width = min(TERM_WIDTH, width // 2)
    widths = [term_width, width - term_width]
    _before_table(t, out, ctx)
    tbl = ox.table(out, t.styles.get(rule.target), widths, header_look=False)
    cell_ctx = Ctx(fmt=ctx.fmt, in_cell=True, depth=ctx.depth + 1)
    for index, (term, definitions) in enumerate(pairs):
        tr = ox.row(tbl)
        tc = ox.cell(tr, widths[0])
        if term is not None:
            t.flow(term, tc, cell_ctx.but(style=_TERM.target, width=widths[0]))
        ox.finish_cell(tc)
        tc = ox.cell(tr, widths[1])
        for definition in definitions:
            t.flow(definition, tc, cell_ctx.but(style=_VALUE.target, width=widths[1]))
        ox.finish_cell(tc)
        if index < len(pairs) - 1:  # dl.facts { break-inside: avoid }
            ox.keep_with_next(tr)


def keyfigures(t: Translator, element: Any, out: Any, ctx: Ctx, rule: Rule) -> None:
    """One row, one cell per key figure."""
    ctx = ctx.deeper()
    figures = [c for c in element if isinstance(c.tag, str)]
    if not figures:
        return
    widths = _even(t.available_width(ctx), len(figures))
    _before_table(t, out, ctx)
    tbl = ox.table(out, t.styles.get(rule.target), widths, header_look=False)
    tr = ox.row(tbl)
    for figure, width in zip(figures, widths, strict=True):
        tc = ox.cell(tr, width)
        segments: list[Segment] = []
        t.inline_children(figure, segments, ctx.fmt, None, ctx)
        t.paragraph_from(segments, tc, _KEY_FIGURE.target, ctx.but(in_cell=True))
        ox.finish_cell(tc)
