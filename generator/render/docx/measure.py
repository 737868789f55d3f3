"""Column widths for a table, as a browser's auto layout would share them: the text of each
column measured with the advance widths of Carlito (metric-compatible with Calibri, the
font of the reference document)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.metrics import measure

__all__ = ["Column", "column_widths", "measure"]


@dataclass
class Column:
    """What a column's content asks for, in ems of the table's font."""

    longest_line: float = 0.0  # the widest cell text set on one line
    longest_word: float = 0.0  # the widest word (or whole text, for nowrap cells)
    fixed: int | None = None  # twips
    #: the widest word when headings may wrap between words after all (th.num keeps its
    #: column from wrapping only while every column fits)
    widest_word: float = 0.0


_MAX_NATURAL = 30.0  # ems: a longer text just wraps
_MAX_WORD = 8.0  # ems: one very long word cannot take the whole table
_SAFETY = 1.06  # Word and LibreOffice set text a little wider than the bare advances


def column_widths(columns: Sequence[Column], available: int, em: int) -> list[int]:
    """Share `available` twips between columns as a browser's auto layout roughly would:
    every column gets room for its widest word (capped, so one very long word cannot take
    the whole table), the rest goes to the columns with the most text. `em` is the size of
    the table's font in twips."""
    fixed = sum(c.fixed for c in columns if c.fixed is not None)
    free = max(available - fixed, 0)
    flexible = [i for i, c in enumerate(columns) if c.fixed is None]
    padding = 2 * 113
    minimum = {i: max(min(columns[i].longest_word, _MAX_WORD), 1.0) * em * _SAFETY + padding
               for i in flexible}
    natural = {i: max(min(columns[i].longest_line, _MAX_NATURAL) * em * _SAFETY + padding,
                      minimum[i]) for i in flexible}
    total_min = sum(minimum.values())
    # the last resort before words break: headings wrap between their words
    hard = {i: min(max(min(columns[i].widest_word or columns[i].longest_word,
                           _MAX_WORD), 1.0) * em * _SAFETY + padding, minimum[i])
            for i in flexible}
    if total_min >= free and sum(hard.values()) < free:
        extra = free - sum(hard.values())
        wants = {i: minimum[i] - hard[i] for i in flexible}
        widths = {i: hard[i] + extra * wants[i] / sum(wants.values()) for i in flexible}
    elif total_min >= free:
        scale = free / total_min if total_min else 0
        widths = {i: minimum[i] * scale for i in flexible}
    else:
        extra = free - total_min
        wants = {i: natural[i] - minimum[i] for i in flexible}
        total_wants = sum(wants.values())
        if total_wants <= extra:
            # Everything fits: the table still spans the text width, as in the PDF.
            rest = extra - total_wants
            total_natural = sum(natural.values())
            widths = {i: natural[i] + rest * natural[i] / total_natural for i in flexible}
        else:
            widths = {i: minimum[i] + extra * wants[i] / total_wants for i in flexible}
    result = [c.fixed if c.fixed is not None else int(widths[i])
              for i, c in enumerate(columns)]
    if flexible and available >= fixed:
        # Rounding: the last flexible column takes the remainder, the table is exact.
        result[flexible[-1]] += available - sum(result)
    return [max(width, 1) for width in result]
