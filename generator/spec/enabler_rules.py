"""The rules of the enablers and the risk register, checked like programs.

`generator.spec.validate` runs them with itself as the host (`check`): the years, agencies,
indicators and budget lines of an enabler go through the program's own rules; what is new
here is the group being left empty, a month named twice in a meeting calendar, and a risk
linked to an id that is neither a program's nor an enabler's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from generator.spec.enabler_vocabulary import ENABLER_GROUPS
from generator.spec.load import Pointer


class _Out(Protocol):
    def error(self, pointer: Pointer, code: str, /, **params: object) -> None: ...

    def warn(self, pointer: Pointer, code: str, /, **params: object) -> None: ...


class Host(Protocol):
    """What the rules borrow from `validate._Rules`."""

    @property
    def data(self) -> dict[str, Any]: ...

    @property
    def out(self) -> _Out: ...

    def in_period(self, pointer: Pointer, year: Any) -> bool: ...

    def agency(self, pointer: Pointer, name: Any) -> None: ...

    def indicator(self, pointer: Pointer, indicator: dict[str, Any], start: int | None,
                  end: int | None, what: str = "program") -> None: ...

    def budget_lines(self, pointer: Pointer, lines: list[Any], start: int | None,
                     end: int | None, what: str = "program") -> None: ...

    def did_you_mean(self, name: str, known: tuple[str, ...]) -> object: ...

    def where(self, pointer: Pointer) -> str: ...

    def program_ids(self) -> set[str]: ...


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _year(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def iter_enablers(data: dict[str, Any]) -> Iterator[tuple[Pointer, dict[str, Any]]]:
    """(pointer, enabler) for every enabler, group by group, in document order."""
    section = _dict(data.get("enablers"))
    for group in ENABLER_GROUPS:
        for index, item in enumerate(_list(section.get(group))):
            if isinstance(item, dict):
                yield ("enablers", group, index), item


def id_entries(data: dict[str, Any]) -> list[tuple[Pointer, Any]]:
    """The ids of the enablers and the risks, for the check that no id is used twice."""
    entries: list[tuple[Pointer, Any]] = [((*pointer, "id"), item.get("id"))
                                          for pointer, item in iter_enablers(data)]
    entries += [(("governance", "risks", index, "id"), _dict(risk).get("id"))
                for index, risk in enumerate(_list(_dict(data.get("governance")).get("risks")))]
    return entries


def check(host: Host) -> None:
    _enablers(host)
    _risks(host)


def _enablers(host: Host) -> None:
    if "enablers" not in host.data:
        return
    section = _dict(host.data.get("enablers"))
    for group, label in ENABLER_GROUPS.items():
        if not _list(section.get(group)):
            pointer: Pointer = ("enablers", group) if group in section else ("enablers",)
            host.out.warn(pointer, "quality.enabler_group_empty", group=group,
                          label=("@text", label.id, label.en))
    for pointer, item in iter_enablers(host.data):
        start, end = _year(item.get("start_year")), _year(item.get("end_year"))
        host.in_period((*pointer, "start_year"), start)
        host.in_period((*pointer, "end_year"), end)
        if start is not None and end is not None and end < start:
            host.out.error((*pointer, "end_year"), "rule.period_order", start=start, end=end)
        host.agency((*pointer, "lead_opd"), item.get("lead_opd"))
        for index, opd in enumerate(_list(item.get("supporting_opds"))):
            host.agency((*pointer, "supporting_opds", index), opd)
        names: dict[str, Pointer] = {}
        for index, indicator in enumerate(_list(item.get("indicators"))):
            at: Pointer = (*pointer, "indicators", index)
            host.indicator(at, _dict(indicator), start, end, "enabler")
            name = _dict(indicator).get("name")
            if isinstance(name, str):
                key = " ".join(name.lower().split())
                if key in names:
                    host.out.error((*at, "name"), "rule.duplicate_entry", value=name,
                                   first=host.where(names[key]))
                else:
                    names[key] = (*at, "name")
        host.budget_lines((*pointer, "budget"), _list(item.get("budget")), start, end,
                          "enabler")
        months: dict[int, int] = {}
        for index, month in enumerate(_list(item.get("meeting_months"))):
            if _year(month) is None:
                continue
            if month in months:
                host.out.error((*pointer, "meeting_months", index), "rule.duplicate_month",
                               month=month, first=host.where(
                                   (*pointer, "meeting_months", months[month])))
            else:
                months[month] = index


def _risks(host: Host) -> None:
    risks = _list(_dict(host.data.get("governance")).get("risks"))
    if not risks:
        return
    known = host.program_ids() | {item["id"] for _p, item in iter_enablers(host.data)
                                  if isinstance(item.get("id"), str)}
    names = tuple(sorted(known))
    for index, risk in enumerate(risks):
        risk = _dict(risk)
        pointer: Pointer = ("governance", "risks", index)
        host.agency((*pointer, "owner_opd"), risk.get("owner_opd"))
        for number, link in enumerate(_list(risk.get("links"))):
            if isinstance(link, str) and link not in known:
                host.out.error((*pointer, "links", number), "rule.risk_link_unknown", id=link,
                               suggestion=host.did_you_mean(link, names))
