"""The approval page's rules (lembar pengesahan, the spec's `approval`): its dates, the year
of the adopting regulation against the masterplan's period, the signatories' NIPs, the kind
of regulation against the region's type, the regional gazette (Berita Daerah: not before the
regulation, and only for a regulation with a number), and which signature block carries the
seal.

Pure functions of the loaded data: `problems` yields what `validate` reports (it adds the
positions), `sealed` is what the validator and the render context agree on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from generator.errors import Severity
from generator.spec.load import Pointer
from generator.spec.vocabulary import HEAD_TITLES

#: How many years before the period a masterplan may be adopted (drafted in the cohort's
#: year, adopted the year after, for a period that starts the year after that).
YEARS_BEFORE = 2
NIP_DIGITS = 18
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

Problem = tuple[Severity, Pointer, str, dict[str, object]]
"""(severity, pointer, message code, message parameters)"""


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[.,]", " ", text.lower()).split())


def is_head(role: str, head_title: str) -> bool:
    """Whether a position is the regional head's: it starts with the head's title (Bupati
    Banyuwangi, BUPATI BANYUWANGI, Wali Kota Makassar), not a deputy's."""
    return _norm(role).startswith(_norm(head_title)) if head_title else False


def sealed(signatories: list[dict[str, Any]], head_title: str) -> list[bool]:
    """Which signature blocks carry the place of the seal: those with `seal: true`; when
    none says so, the regional head's (unless one says `seal: false`)."""
    chosen = [item.get("seal") is True for item in signatories]
    if any(chosen):
        return chosen
    return [item.get("seal") is None and isinstance(item.get("role"), str)
            and is_head(item["role"], head_title) for item in signatories]


def calendar_date(value: Any) -> dt.date | None:
    """A YYYY-MM-DD text that is a real date."""
    if not (isinstance(value, str) and _DATE.fullmatch(value)):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def adoption_year(regulation: dict[str, Any]) -> int | None:
    """The regulation's year as written, else its date's."""
    year = regulation.get("year")
    if isinstance(year, int) and not isinstance(year, bool):
        return year
    date = calendar_date(regulation.get("date"))
    return date.year if date else None


def problems(data: dict[str, Any], start: int | None, end: int | None) -> Iterator[Problem]:
    """What is wrong with `data["approval"]` (nothing when there is none); `start` and
    `end` are the period's years when they are valid."""
    approval = data.get("approval")
    if not isinstance(approval, dict):
        return
    at: Pointer = ("approval",)
    regulation = approval.get("regulation")
    regulation = regulation if isinstance(regulation, dict) else {}
    for pointer, value in (((*at, "date"), approval.get("date")),
                           ((*at, "regulation", "date"), regulation.get("date"))):
        if isinstance(value, str) and _DATE.fullmatch(value) and calendar_date(value) is None:
            yield "error", pointer, "rule.bad_date", {"value": value}
    year = regulation.get("year")
    year = year if isinstance(year, int) and not isinstance(year, bool) else None
    regulation_date = calendar_date(regulation.get("date"))
    if year is not None and regulation_date is not None and regulation_date.year != year:
        yield ("error", (*at, "regulation", "date"), "rule.approval_date_year",
               {"date": regulation.get("date"), "year": year})
    if start is not None and end is not None:
        earliest = start - YEARS_BEFORE
        for pointer, found in (((*at, "regulation", "year"), year),
                               ((*at, "regulation", "date"),
                                regulation_date.year if regulation_date and year is None
                                else None),
                               ((*at, "date"), _year_of(approval.get("date")))):
            if found is not None and not earliest <= found <= end:
                yield ("error", pointer, "rule.approval_year",
                       {"year": found, "start": start, "end": end, "earliest": earliest})
    yield from _gazette(regulation)
    yield from _kind(data, regulation)
    yield from _signatories(data, approval)


def gazette_year(regulation: dict[str, Any]) -> int | None:
    """The year of the regional gazette (Berita Daerah): as written, else the
    regulation's."""
    year = regulation.get("gazette_year")
    if isinstance(year, int) and not isinstance(year, bool):
        return year
    return adoption_year(regulation)


def _gazette(regulation: dict[str, Any]) -> Iterator[Problem]:
    """A gazette before its regulation; a gazette number for a regulation without one."""
    at: Pointer = ("approval", "regulation")
    year, adopted = regulation.get("gazette_year"), adoption_year(regulation)
    if (isinstance(year, int) and not isinstance(year, bool) and adopted is not None
            and year < adopted):
        yield "error", (*at, "gazette_year"), "rule.gazette_year", {"gazette": year,
                                                                     "year": adopted}
    if regulation.get("gazette_number") not in (None, "") and regulation.get(
            "number") in (None, ""):
        yield "warning", (*at, "gazette_number"), "rule.gazette_without_number", {}


def _year_of(value: Any) -> int | None:
    date = calendar_date(value)
    return date.year if date else None


def _kind(data: dict[str, Any], regulation: dict[str, Any]) -> Iterator[Problem]:
    """A Peraturan Wali Kota for a kabupaten (or a Peraturan Bupati for a kota)."""
    region = data.get("region")
    kind = regulation.get("kind")
    region_type = region.get("type") if isinstance(region, dict) else None
    if not isinstance(kind, str) or region_type not in HEAD_TITLES:
        return
    for other, title in HEAD_TITLES.items():
        if other != region_type and re.search(rf"\b{re.escape(_norm(title))}\b", _norm(kind)):
            yield ("warning", ("approval", "regulation", "kind"), "rule.approval_kind",
                   {"kind": kind, "type": region_type, "head": HEAD_TITLES[region_type]})


def _signatories(data: dict[str, Any], approval: dict[str, Any]) -> Iterator[Problem]:
    region = data.get("region")
    region = region if isinstance(region, dict) else {}
    head_title = region.get("head_title") or HEAD_TITLES.get(str(region.get("type")), "")
    head_name = region.get("head_name")
    signatories = approval.get("signatories")
    if not isinstance(signatories, list):
        return
    for index, item in enumerate(signatories):
        if not isinstance(item, dict):
            continue
        pointer: Pointer = ("approval", "signatories", index)
        nip = item.get("nip")
        if isinstance(nip, str) and nip.strip():
            digits = re.sub(r"\s", "", nip)
            if not digits.isdigit() or len(digits) != NIP_DIGITS:
                yield ("error", (*pointer, "nip"), "rule.nip",
                       {"value": nip, "count": sum(c.isdigit() for c in digits),
                        "digits": NIP_DIGITS})
        role, name = item.get("role"), item.get("name")
        if (isinstance(role, str) and isinstance(name, str) and isinstance(head_name, str)
                and isinstance(head_title, str) and is_head(role, head_title)
                and _norm(head_name) not in _norm(name)):
            yield ("warning", (*pointer, "name"), "rule.approval_head_name",
                   {"name": name, "head": head_name})
