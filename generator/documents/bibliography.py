"""The spec's `references`: the author–year label each citation prints, and the entries of
the bibliography (Daftar Pustaka) in an APA-like style.

Entries are sorted by their first author, then year, then title, comparing letters without
case or accents (so the order is the same on every machine, whatever its locale). Two
entries a citation could not tell apart (same name, same year) get a letter after the year,
in that order: "(BPS, 2024a)", "(BPS, 2024b)".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.i18n.numbers import Formatter
from generator.spec.markdown import reference_anchor

# A person as APA writes one: "Nugroho, R." or "Nugroho, R. D." (an organisation's name may
# hold a comma too, but never only initials after it).
_PERSON = re.compile(r"^\s*([^,]+?)\s*,\s*(?:[A-Z]\.\s*-?\s*)+$")


@dataclass(frozen=True)
class Entry:
    """One reference as the bibliography prints it (the template adds the spaces)."""

    id: str  # the HTML id citations link to
    key: str
    name: str  # what a citation prints: "BPS Kabupaten Banyuwangi", "Giffinger dkk."
    year: str  # "2024", "2022a"
    lead: str  # "Badan Pusat Statistik Kabupaten Banyuwangi. (2024)."
    title: str  # printed in italics
    after_title: str  # "." or " (Edisi revisi)."
    publisher: str  # "Banyuwangi: BPS Kabupaten Banyuwangi." or ""
    url: str
    retrieved: str  # "Diakses 12 Maret 2025, dari" or ""


def collation_key(text: str) -> str:
    """Letters without case or accents, spaces collapsed: a locale-independent order."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def cited_name(author: str) -> str:
    """A person's surname ("Nugroho, R." → "Nugroho"), an organisation's whole name."""
    match = _PERSON.match(author)
    return match.group(1) if match else author.strip()


def _names(authors: list[str], et_al: str) -> str:
    names = [cited_name(a) for a in authors]
    if len(names) <= 2:
        return " & ".join(names)
    return f"{names[0]} {et_al}"


def _author_list(authors: list[str]) -> str:
    if len(authors) == 1:
        return authors[0]
    # APA: "Nugroho, R., & Santoso, B." (a comma before & when the names are inverted)
    last = ", & " if len(authors) > 2 or any("," in a for a in authors) else " & "
    return ", ".join(authors[:-1]) + last + authors[-1]


def _sentence(text: str) -> str:
    """`text` ending with one full stop (or its own ? or !)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def build(references: list[dict[str, Any]], t: Mapping[str, str],
          formatter: Formatter) -> list[Entry]:
    """The validated `references` as bibliography entries, in the bibliography's order."""
    ordered = sorted(references, key=lambda r: (
        [collation_key(a) for a in r["authors"]], r["year"], collation_key(r["title"]),
        collation_key(r["id"])))
    names = [r.get("cite_as") or _names(r["authors"], t["et_al"]) for r in ordered]
    same = Counter((collation_key(name), r["year"]) for name, r in zip(names, ordered,
                                                                      strict=True))
    seen: Counter[tuple[str, int]] = Counter()
    entries = []
    for name, ref in zip(names, ordered, strict=True):
        group = (collation_key(name), ref["year"])
        suffix = ""
        if same[group] > 1:
            suffix = chr(ord("a") + seen[group]) if seen[group] < 26 else str(seen[group] + 1)
            seen[group] += 1
        year = f"{ref['year']}{suffix}"
        authors = [a.strip() for a in ref["authors"]]
        edition = ref.get("edition", "").strip()
        title = ref["title"].strip().rstrip(".").rstrip()
        publisher, place = ref.get("publisher", "").strip(), ref.get("place", "").strip()
        if publisher and authors == [publisher]:  # APA: the author is the publisher
            publisher = place = ""
        url = ref.get("url", "").strip()
        accessed = ref.get("accessed", "")
        entries.append(Entry(
            id=reference_anchor(ref["id"]), key=ref["id"], name=name, year=year,
            lead=f"{_sentence(_author_list(authors))} ({year}).",
            title=title,
            after_title=f" ({edition})." if edition else (
                "" if title.endswith(("?", "!")) else "."),
            publisher=_sentence(": ".join(part for part in (place, publisher) if part))
            if place or publisher else "",
            url=url,
            retrieved=t["retrieved"].format(date=formatter.date(accessed))
            if url and accessed else ""))
    return entries


def labels(entries: list[Entry]) -> dict[str, tuple[str, str]]:
    """Each key, casefolded (citations match regardless of case), to its label's name and
    year."""
    return {entry.key.casefold(): (entry.name, entry.year) for entry in entries}
