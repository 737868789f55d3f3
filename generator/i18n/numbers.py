"""Numbers, money and dates in a document's language (Babel).

One number format per document: every number the generator prints (tables, charts, captions,
alt texts) is in the format of the document's language, `1.708.114` and `4,5` in Indonesian,
`1,708,114` and `4.5` in English. Text the spec's author wrote (narratives, names) is printed
as written. Within a table, numbers that belong together carry the same decimals: readiness
scores always one (`2,0` beside `3,2`), shares one (`5,0%` beside `65,1%`), the values of one
unit as many as the most precise of them needs (`10,0 %` beside `4,5 %`), changes one sign
and one decimal (`+20,0 pp` beside `0,0 pp`). Messages on the terminal (seconds, sizes) and
the comments of files written for people (`init-progress`) are formatted here too; values a
program reads (YAML values, JSON) stay plain numbers.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

#: The most decimals a table value is given.
MAX_DECIMALS = 2
#: A month as ISO 8601 writes it: `2028-03`.
_MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")


class Formatter:
    """Numbers, money and dates in the document's locale (Babel)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.locale = "id_ID" if lang == "id" else "en_GB"
        self.rp = "Rp" if lang == "id" else "IDR"

    def number(self, value: float | int | None, digits: int = 2, *,
               fixed: bool = False) -> str:
        """`value` with up to `digits` decimals (exactly `digits` when `fixed`); "-" for
        None."""
        if value is None:
            return "-"
        # babel.numbers.format_decimal, with the locale and the pattern parsed once (a
        # document prints thousands of numbers: 70 µs → 15 µs each)
        pattern = _pattern(digits, fixed)
        exact = _decimal(value) if isinstance(value, float) else value
        with decimal.localcontext(_HALF_UP):
            return str(pattern.apply(exact, _locale(self.locale), decimal_quantization=True,
                                     group_separator=True, numbering_system="latn"))

    def office_format(self, code: str) -> str:
        """An Office number format `code` tagged with the document's locale, `[$-421]0.0`
        (Indonesian; `[$-809]`, English (UK), as `Formatter` writes it): LibreOffice then
        shows `2,8` whatever the viewer's settings, and Office shows the viewer's own
        separators (an Indonesian machine's for an Indonesian reader)."""
        return f"[$-{'421' if self.lang == 'id' else '809'}]{code}"

    def score(self, value: float | int | None) -> str:
        """A readiness score (or an average of scores), always with one decimal: `2,0`."""
        return self.number(value, 1, fixed=True)

    @staticmethod
    def decimals(values: Iterable[object], most: int = MAX_DECIMALS) -> int:
        """The decimals the numbers among `values` need to be shown alike (at most `most`):
        `[10, 4.5, 90]` → 1. Anything that is not a number is skipped."""
        need = 0
        for value in values:
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            exact = round(value, most)
            need = max(need, next(d for d in range(most + 1) if round(value, d) == exact))
        return need

    @classmethod
    def unit_decimals(cls, rows: Iterable[tuple[str, Iterable[object]]]) -> dict[str, int]:
        """Unit → the decimals its values need, over the (unit, values) rows of one table:
        values of one unit are shown with the same decimals (`10,0 %` beside `4,5 %`)."""
        by_unit: dict[str, list[object]] = defaultdict(list)
        for unit, values in rows:
            by_unit[unit].extend(values)
        return {unit: cls.decimals(values) for unit, values in by_unit.items()}

    def money(self, amount: int) -> str:
        """`Rp 1.500.000.000`."""
        return f"{self.rp} {self.number(amount, 0)}"

    def money_words(self, amount: int) -> str:
        """`Rp 1,5 miliar`, `Rp 250 juta`."""
        from babel.numbers import format_compact_decimal

        if amount < 1_000_000:
            return self.money(amount)
        words = format_compact_decimal(amount, format_type="long", locale=self.locale,
                                       fraction_digits=2)
        return f"{self.rp} {words}"

    def millions(self, amount: int, digits: int | None = None) -> str:
        """An amount in the `Rp juta` columns of budget tables, with `digits` decimals
        (None: one if the amount is not a whole million, else none)."""
        if amount == 0:
            return "-"
        if digits is None:
            return self.number(amount / 1_000_000, 1 if amount % 1_000_000 else 0)
        return self.number(amount / 1_000_000, digits, fixed=True)

    @staticmethod
    def million_digits(amounts: Iterable[int]) -> int:
        """The decimals of every `Rp juta` figure of a document: one as soon as one amount
        is not a whole million, so that a column never mixes `850` and `1,5`."""
        return 1 if any(amount % 1_000_000 for amount in amounts) else 0

    def percent(self, share: float) -> str:
        """A share, always with one decimal: `5,0%`, `65,1%`, `100,0%`."""
        return self.number(share * 100, 1, fixed=True) + "%"

    def change(self, delta: float, digits: int = 1, unit: str = "") -> str:
        """A signed change with exactly `digits` decimals, `unit` after a space:
        `+20,0 pp`, `-3,5 pp`, `0,0 pp` (no sign when it rounds to nothing)."""
        rounded = half_up(delta, digits)
        text = self.number(abs(rounded), digits, fixed=True)
        sign = "+" if rounded > 0 else "-" if rounded < 0 else ""
        return f"{sign}{text} {unit}" if unit else f"{sign}{text}"

    def seconds(self, value: float) -> str:
        """A duration in seconds with one decimal, the number alone: `1,2`."""
        return self.number(value, 1, fixed=True)

    def listing(self, items: Iterable[object]) -> str:
        """Items joined as the language lists them: `2027 dan 2028`, `2026, 2027, dan 2028`
        (`2026 and 2027` in English); "" for none."""
        from babel.lists import format_list

        texts = [str(item) for item in items]
        return str(format_list(texts, locale=self.locale)) if texts else ""

    def date(self, value: str) -> str:
        """`2028-03-15` as `15 Maret 2028`, a month `2028-03` as `Maret 2028`; any other text
        as written."""
        from babel.dates import format_date, format_skeleton

        if _MONTH.fullmatch(value):
            month = dt.date(int(value[:4]), int(value[5:]), 1)
            return str(format_skeleton("yMMMM", month, locale=self.locale))
        try:
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            return value
        return str(format_date(parsed, format="long", locale=self.locale))


#: Halves round up (away from zero), as Excel, LibreOffice and a reader with a pencil do:
#: 30 of 96 is `31,3%`, in the PDF as in the workbook's own formula cell (Babel rounds with
#: the decimal context's rule, half to even by default: `31,2%`).
_HALF_UP = decimal.Context(rounding=decimal.ROUND_HALF_UP)


def half_up(value: float, digits: int) -> float:
    """`value` rounded to `digits` decimals, halves away from zero, as printed: the decimal
    it stands for, not the binary fraction (`2.675` is `2.68`, as Excel shows it)."""
    quantum = decimal.Decimal(1).scaleb(-digits)
    return float(_decimal(value).quantize(quantum, rounding=decimal.ROUND_HALF_UP))


def _decimal(value: float) -> decimal.Decimal:
    """The decimal a float stands for, to nine decimals: a share times 100 (`0.0805 * 100`
    is `8.049999999999999` in binary) is `8.05`, whose half rounds up."""
    return decimal.Decimal(repr(float(round(value, 9))))


@functools.cache
def _locale(name: str) -> Any:
    from babel import Locale

    return Locale.parse(name)


@functools.cache
def _pattern(digits: int, fixed: bool) -> Any:
    from babel.numbers import parse_pattern

    return parse_pattern("#,##0" + ("." + ("0" if fixed else "#") * digits if digits else ""))


def year_span(first: int, last: int) -> str:
    """`2026–2030`, or `2026` for one year."""
    return str(first) if first == last else f"{first}–{last}"


def message_number(value: float | int, digits: int = 2, *, fixed: bool = False,
                   unit: str = "") -> tuple[str, str, str]:
    """A number as a message parameter for `generator.i18n.messages.message` when the
    message's language is not known yet (a diagnostic is formatted later, in the user's
    language): `("@text", "1,5 MiB", "1.5 MiB")`."""
    suffix = f" {unit}" if unit else ""
    return ("@text", Formatter("id").number(value, digits, fixed=fixed) + suffix,
            Formatter("en").number(value, digits, fixed=fixed) + suffix)
