"""Word-level differences between two texts (difflib), shared by the change log of
`generator.spec.diff` and the tracked changes of `generator.render.redline`.

A text is cut into tokens of one word and the white space after it, so that joining the
tokens of either side gives that side's text back exactly: accepting every insertion of a
diff gives the new text, rejecting every one gives the old.
"""

from __future__ import annotations

import difflib
import re
from typing import Literal

Op = Literal["equal", "insert", "delete"]
_TOKEN = re.compile(r"\s+|\S+\s*")


def tokens(text: str) -> list[str]:
    """`"a  b c"` → `["a  ", "b ", "c"]` (white space before the first word is its own)."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[tuple[Op, str]]:
    """The pieces of `old` and `new` in order: kept, deleted (of old) and inserted (of
    new); runs of the same kind are merged, a deletion comes before its insertion. Words
    are compared without the white space that follows them, which is the new side's."""
    left, right = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, [t.rstrip() for t in left],
                                      [t.rstrip() for t in right], autojunk=False)
    pieces: list[tuple[Op, str]] = []

    def add(op: Op, text: str) -> None:
        if not text:
            return
        if pieces and pieces[-1][0] == op:
            pieces[-1] = (op, pieces[-1][1] + text)
        else:
            pieces.append((op, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            # the words are equal; white space that differs is no change (HTML and Word
            # collapse it): the new side's is kept
            add("equal", "".join(right[j1:j2]))
            continue
        add("delete", "".join(left[i1:i2]))
        add("insert", "".join(right[j1:j2]))
    return pieces


def changed_words(old: str, new: str) -> tuple[list[str], list[str]]:
    """The words removed from `old` and the words added in `new` (each piece stripped),
    for a short account of a narrative's change."""
    removed, added = [], []
    for op, text in word_diff(old, new):
        if op == "delete" and text.strip():
            removed.append(" ".join(text.split()))
        elif op == "insert" and text.strip():
            added.append(" ".join(text.split()))
    return removed, added
