"""The typed enablers and risk register of a validated spec.

Kept beside `generator.spec.model` rather than in it: the documents ask for them with
`enablers_of(plan)` and `risks_of(plan)`, and a spec without the sections has none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.spec.enabler_vocabulary import ENABLER_GROUPS, risk_level
from generator.spec.load import Pointer
from generator.spec.model import BudgetLine, Indicator, Masterplan, _indicator, _lines


@dataclass(frozen=True)
class Enabler:
    """A regulation, a piece of ICT infrastructure or a people measure, planned like a
    program (the indicator tables and the budget read it as they read a program)."""

    pointer: Pointer
    group: str
    id: str
    name: str
    description: str
    output: str
    activities: list[str]
    lead_opd: str
    supporting_opds: list[str]
    status: str | None
    start_year: int
    end_year: int
    meeting_months: list[int]
    indicators: list[Indicator]
    budget: list[BudgetLine]

    @property
    def total_budget(self) -> int:
        return sum(line.amount for line in self.budget)


@dataclass(frozen=True)
class EnablerPlan:
    introduction: str = ""
    groups: dict[str, list[Enabler]] = field(default_factory=dict)

    @property
    def items(self) -> list[Enabler]:
        return [item for items in self.groups.values() for item in items]


@dataclass(frozen=True)
class Risk:
    pointer: Pointer
    id: str
    risk: str
    likelihood: int
    impact: int
    mitigation: str
    owner_opd: str
    links: list[str]

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def level(self) -> str:
        return risk_level(self.likelihood, self.impact)


def enablers_of(plan: Masterplan) -> EnablerPlan | None:
    """The `enablers` section, or None when the spec has none."""
    section: dict[str, Any] | None = plan.data.get("enablers")
    if section is None:
        return None
    groups: dict[str, list[Enabler]] = {}
    for group in ENABLER_GROUPS:
        groups[group] = [_enabler(("enablers", group, index), group, item, plan)
                         for index, item in enumerate(section.get(group, []))]
    return EnablerPlan(section.get("introduction", ""), groups)


def _enabler(pointer: Pointer, group: str, item: dict[str, Any], plan: Masterplan) -> Enabler:
    return Enabler(
        pointer=pointer, group=group, id=item["id"], name=item["name"],
        description=item.get("description", ""), output=item.get("output", ""),
        activities=item.get("activities", []), lead_opd=item["lead_opd"],
        supporting_opds=item.get("supporting_opds", []), status=item.get("status"),
        start_year=item["start_year"], end_year=item["end_year"],
        meeting_months=sorted(item.get("meeting_months", [])),
        indicators=[_indicator(i, plan.scales) for i in item.get("indicators", [])],
        budget=_lines(item.get("budget")))


def risks_of(plan: Masterplan) -> list[Risk]:
    """The risk register (`governance.risks`), in the spec's order."""
    return [Risk(("governance", "risks", index), r["id"], r["risk"], r["likelihood"],
                 r["impact"], r["mitigation"], r["owner_opd"], r.get("links", []))
            for index, r in enumerate(plan.data.get("governance", {}).get("risks", []))]
