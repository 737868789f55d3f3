"""The approval page (lembar pengesahan) as the templates print it: the document, the
adopting regulation, and the signature blocks two to a row.

What the spec does not know yet (the regulation's number, its date, the date of adoption)
becomes dots to fill in by hand, as on a printed form.
"""

from __future__ import annotations

from typing import Any

from generator.i18n.numbers import Formatter
from generator.spec.approval import adoption_year, calendar_date, sealed
from generator.spec.model import Masterplan

PER_ROW = 2


def _end_with(text: str, mark: str = ",") -> str:
    return text if not text or text[-1] in ",.:;" else text + mark


def _date(f: Formatter, value: Any) -> str:
    """A YYYY-MM-DD date as printed (22 November 2026), or "" when there is none."""
    found = calendar_date(value)
    return f.date(found.isoformat()) if found else ""


def approval_context(plan: Masterplan, t: dict[str, str], f: Formatter,
                     region: dict[str, Any]) -> dict[str, Any] | None:
    """What templates/partials/approval.html.j2 prints, or None when the spec has no
    `approval` section (then there is no page)."""
    approval = plan.data.get("approval")
    if not approval:
        return None
    regulation = approval.get("regulation") or {}
    blank = t["approval_blank"]
    year = adoption_year(regulation)
    kind = regulation.get("kind") or t["approval_regulation_kind"].format(
        head=plan.head_title)
    if region["name"].lower() not in kind.lower():
        kind = f"{kind} {region['name']}"
    title = plan.document["title"]
    if region["full_name"].lower() not in title.lower():
        title = f"{title} {region['full_name']}"
    period = f"{plan.start_year}–{plan.end_year}"
    number = regulation.get("number")
    regulation_date = regulation.get("date")
    adopted_on = (_date(f, approval.get("date")) or _date(f, regulation_date)
                  or (f"{blank} {year}" if year else blank))
    where = [t["approval_adopted_at"].format(place=approval["place"])] if approval.get(
        "place") else []
    where.append(t["approval_adopted_on"].format(date=adopted_on))
    signatories = approval["signatories"]
    seals = sealed(signatories, plan.head_title)
    # the place and date stand in the sealed block (the head's), else in the last one
    dated = seals.index(True) if any(seals) else len(signatories) - 1
    blocks = [{
        "label": _end_with(item.get("label", "")),
        "where": where if index == dated else [],
        "role": _end_with(item["role"]),
        "name": item["name"],
        "rank": item.get("rank", ""),
        "nip": f"{t['approval_nip']} {' '.join(item['nip'].split())}" if item.get("nip")
        else "",
        "seal": seals[index],
    } for index, item in enumerate(signatories)]
    rows = [blocks[start:start + PER_ROW] for start in range(0, len(blocks), PER_ROW)]
    return {
        "document": title.upper(),
        "period": t["approval_period"].format(period=period).upper(),
        "regulation": {
            "kind": kind,
            "number": t["approval_number"].format(
                number=number if number not in (None, "") else blank,
                year=year if year else blank),
            "date": t["approval_dated"].format(
                date=_date(f, regulation_date) or blank),
            "title": regulation.get("title") or t["approval_title"].format(
                title=title, period=period),
        },
        "rows": rows,
        "columns": PER_ROW,
    }
