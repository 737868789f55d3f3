"""Numbers, money and dates in a document's language (Babel)."""

from __future__ import annotations

import datetime as dt


class Formatter:
    """Numbers, money and dates in the document's locale (Babel)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.locale = "id_ID" if lang == "id" else "en_GB"
        self.rp = "Rp" if lang == "id" else "IDR"

    def number(self, value: float | int | None, digits: int = 2) -> str:
        from babel.numbers import format_decimal

        if value is None:
            return "-"
        pattern = "#,##0" + ("." + "#" * digits if digits else "")
        return str(format_decimal(value, format=pattern, locale=self.locale))

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

    def millions(self, amount: int) -> str:
        """An amount in the `Rp juta` columns of budget tables."""
        if amount == 0:
            return "-"
        return self.number(amount / 1_000_000, 1 if amount % 1_000_000 else 0)

    def percent(self, share: float) -> str:
        return self.number(share * 100, 1) + "%"

    def date(self, value: str) -> str:
        from babel.dates import format_date

        try:
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            return value
        return str(format_date(parsed, format="long", locale=self.locale))


def year_span(first: int, last: int) -> str:
    """`2026–2030`, or `2026` for one year."""
    return str(first) if first == last else f"{first}–{last}"
