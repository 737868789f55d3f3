"""What the templates get for a narrative field and for a figure field.

A `Narrative` is the parts of one Markdown field (`spec.markdown.parse`) with its
pictures resolved: sanitised HTML (`Flow`), `Figure`s and `Table`s. The templates' `narrative`
macro walks the parts and numbers each figure and table through the outline, in document
order, so they are captioned "Gambar 2.1" / "Tabel 2.3" and listed in the front matter; spec
text is never part of a template. A figure field (a region's map, the organisation chart, a
quick win's mock-ups) is a `Figure` of its own, printed by the `picture` macro.

Printed as it is (`{{ narrative }}`, e.g. by a consultant's template that predates the parts),
a narrative gives plain HTML: its figures and tables with their captions, unnumbered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup, escape

from generator.spec.assets import DataUri


@dataclass(frozen=True)
class Flow:
    html: Markup
    kind: Literal["html"] = "html"


@dataclass(frozen=True)
class Figure:
    """A picture with its caption: `src` is a data: URL (PNG or JPEG; an SVG comes drawn)."""

    src: Markup | DataUri
    alt: str
    caption: str
    source: str = ""
    width_cm: float = 16.0
    kind: Literal["figure"] = "figure"

    def __html__(self) -> str:
        return str(Markup(
            '<figure class="picture"><img src="{}" alt="{}" data-width-cm="{}" '
            'style="width: {}cm"><figcaption>{}</figcaption></figure>').format(
                self.src, self.alt, self.width_cm, self.width_cm, self.caption))


@dataclass(frozen=True)
class Table:
    caption: str
    body: Markup  # the rows: what goes inside <table> after its caption
    kind: Literal["table"] = "table"

    def __html__(self) -> str:
        caption = Markup("<caption>{}</caption>").format(self.caption) if self.caption else ""
        return str(Markup("<table>{}{}</table>").format(caption, self.body))


Part = Flow | Figure | Table


class Narrative:
    """The parts of one Markdown field, made when first asked for (`make`): a document that
    never prints the field (a deck, the evaluation pack) never parses it."""

    __slots__ = ("_make", "_parts")

    def __init__(self, parts: tuple[Part, ...] = (),
                 make: Callable[[], tuple[Part, ...]] | None = None) -> None:
        self._parts = parts
        self._make = make

    @property
    def parts(self) -> tuple[Part, ...]:
        if self._make is not None:
            self._parts, self._make = self._make(), None
        return self._parts

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Narrative) and self.parts == other.parts

    def __hash__(self) -> int:
        return hash(self.parts)

    def __repr__(self) -> str:
        return f"Narrative({self.parts!r})"

    def __bool__(self) -> bool:
        return bool(self.parts)

    def __html__(self) -> str:
        return "\n".join(str(part.html) if isinstance(part, Flow) else part.__html__()
                         for part in self.parts)

    def __str__(self) -> str:
        return self.__html__()

    @classmethod
    def of_html(cls, html: Markup) -> Narrative:
        """A narrative of template-made HTML (a default text)."""
        return cls((Flow(html),))


def paragraph(text: str) -> Narrative:
    return Narrative.of_html(Markup("<p>{}</p>").format(escape(text)))
