"""The typed model of a validated spec: what the render context is computed from.

Built only from data that passed validation, so it can assume the schema's shapes.
Each object keeps its JSON pointer so later stages (assets, rendering) can report positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.spec.framework import Framework
from generator.spec.load import Pointer, SpecDocument
from generator.spec.scales import Scale, scales_of
from generator.spec.validate import framework_named_in
from generator.spec.vocabulary import HEAD_TITLES


@dataclass(frozen=True)
class BudgetLine:
    year: int
    amount: int
    source: str
    note: str = ""


Value = float | str
"""A number, or the code of a level when the indicator or target names a `scale`."""


@dataclass(frozen=True)
class Indicator:
    name: str
    unit: str
    baseline: Value | None
    baseline_year: int | None
    targets: dict[int, Value]
    scale: str | None = None
    #: the SNI ISO indicator it measures (`37122:10.2`) and where its data comes from
    iso: str = ""
    source: str = ""


@dataclass(frozen=True)
class Program:
    pointer: Pointer
    id: str
    name: str
    dimension: str
    sub_dimension: str
    description: str
    activities: list[str]
    lead_opd: str
    supporting_opds: list[str]
    partners: list[str]
    horizon: str
    start_year: int
    end_year: int
    indicators: list[Indicator]
    budget: list[BudgetLine]
    sdg: list[int]
    iso37122: list[str]
    status: str | None = None

    @property
    def total_budget(self) -> int:
        return sum(line.amount for line in self.budget)


@dataclass(frozen=True)
class Phase:
    """A roadmap phase (Tahap I, II...): the phases lie in the period, in order, and cover it."""

    pointer: Pointer
    name: str
    start_year: int
    end_year: int

    def overlaps(self, start: int, end: int) -> bool:
        return self.start_year <= end and start <= self.end_year


@dataclass(frozen=True)
class SubDimension:
    key: str
    label: str | None
    strategies: list[str]
    programs: list[Program]


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str | None
    current_condition: str
    target_condition: str
    gap: str
    swot: dict[str, list[str]]
    strategies: list[str]
    sub_dimensions: list[SubDimension]

    @property
    def programs(self) -> list[Program]:
        return [p for sub in self.sub_dimensions for p in sub.programs]


@dataclass(frozen=True)
class Picture:
    """A figure field: a picture file in the spec's folder with its caption."""

    pointer: Pointer
    file: str
    caption: str
    alt: str = ""
    source: str = ""


def _picture(pointer: Pointer, item: dict[str, Any] | None) -> Picture | None:
    if not item:
        return None
    return Picture(pointer, item["file"], item["caption"], item.get("alt", ""),
                   item.get("source", ""))


@dataclass(frozen=True)
class Kpi:
    name: str
    unit: str
    baseline: float | None
    target: float


@dataclass(frozen=True)
class QuickWin:
    pointer: Pointer
    id: str
    name: str
    program: Program
    type: str
    problem: str
    description: str
    owner_opd: str
    supporting_opds: list[str]
    partners: list[str]
    location: str
    beneficiaries: str
    start_year: int
    end_year: int
    milestones: list[tuple[str, str]]
    budget: list[BudgetLine]
    kpis: list[Kpi]
    status: str
    mockups: list[Picture] = field(default_factory=list)

    @property
    def total_budget(self) -> int:
        return sum(line.amount for line in self.budget)


@dataclass(frozen=True)
class ReadinessAspect:
    area: str
    key: str
    status: str | None
    score: float | None
    narrative: str


@dataclass(frozen=True)
class PreviousProgram:
    """A program of the previous masterplan, as it was written then, and what became of it."""

    id: str
    name: str
    dimension: str
    planned: str
    realisation: str
    note: str
    continued_as: str | None


@dataclass(frozen=True)
class PreviousMasterplan:
    """The masterplan this one follows (a second-generation masterplan evaluates it)."""

    title: str
    start_year: int
    end_year: int
    regulation: str
    evaluation: str
    programs: list[PreviousProgram]


def _previous(item: dict[str, Any] | None) -> PreviousMasterplan | None:
    if not item:
        return None
    return PreviousMasterplan(
        item["title"], item["period"]["start_year"], item["period"]["end_year"],
        item.get("regulation", ""), item.get("evaluation", ""),
        [PreviousProgram(p.get("id", ""), p["name"], p["dimension"], p.get("planned", ""),
                         p["realisation"], p.get("note", ""), p.get("continued_as"))
         for p in item.get("programs", [])])


@dataclass
class Masterplan:
    """The whole validated spec, typed."""

    doc: SpecDocument
    data: dict[str, Any]
    region: dict[str, Any]
    cohort: dict[str, Any]
    document: dict[str, Any]
    start_year: int
    end_year: int
    dimensions: list[Dimension]
    quick_wins: list[QuickWin]
    readiness: dict[str, list[ReadinessAspect]]
    readiness_summaries: dict[str, str]
    agencies: dict[str, str]
    funding_sources: dict[str, str]
    programs_by_id: dict[str, Program] = field(default_factory=dict)
    scales: dict[str, Scale] = field(default_factory=dict)
    profile_map: Picture | None = None
    organisation_chart: Picture | None = None
    phases: list[Phase] = field(default_factory=list)
    previous: PreviousMasterplan | None = None
    #: the dimensions, readiness areas and wording the plan is organised by
    framework: Framework | None = None

    @property
    def fw(self) -> Framework:
        """The plan's framework (never None once built by `build_model`)."""
        assert self.framework is not None
        return self.framework

    def phases_of(self, program: Program) -> list[Phase]:
        """The phases a program runs in, in order."""
        return [phase for phase in self.phases
                if phase.overlaps(program.start_year, program.end_year)]

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))

    @property
    def programs(self) -> list[Program]:
        return [p for d in self.dimensions for p in d.programs]

    @property
    def region_type(self) -> str:
        return str(self.region["type"])

    @property
    def head_title(self) -> str:
        return str(self.region.get("head_title") or HEAD_TITLES[self.region_type])

    @property
    def deputy_title(self) -> str:
        return f"Wakil {self.head_title}"

    def beyond_period(self, year: int) -> bool:
        """A target year after the plan: context (e.g. the RPJPD's 2045 target)."""
        return year > self.end_year


def graded(value: Any, scale: Scale | None) -> Value:
    """A validated value as the model keeps it: a level's code on a scale, else the number."""
    level = scale.find(value) if scale is not None else None
    if level is not None:
        return level.code
    number: Value = value
    return number


def _lines(items: list[dict[str, Any]] | None) -> list[BudgetLine]:
    return [BudgetLine(b["year"], b["amount"], b["source"], b.get("note", ""))
            for b in items or []]


def _indicator(item: dict[str, Any], scales: dict[str, Scale]) -> Indicator:
    scale = scales.get(item["scale"]) if "scale" in item else None
    baseline = item.get("baseline")
    return Indicator(item["name"], item["unit"],
                     None if baseline is None else graded(baseline, scale),
                     item.get("baseline_year"),
                     {int(y): graded(v, scale) for y, v in item["targets"].items()},
                     item.get("scale"), item.get("iso", ""), item.get("source", ""))


def build_model(doc: SpecDocument, framework: Framework | None = None) -> Masterplan:
    """Typed model from a spec that passed validation against `framework` (default: the one
    `check_spec` resolved, else the bundled one the spec names)."""
    data = doc.data
    fw = framework or doc.framework or framework_named_in(data)
    scales = scales_of(data)
    dims_data = data["dimensions"]
    dimensions: list[Dimension] = []
    by_id: dict[str, Program] = {}
    for dim, sub_keys in fw.sub_dimensions.items():
        body = dims_data[dim]
        subs: list[SubDimension] = []
        for sub in sub_keys:
            sub_body = body["sub_dimensions"][sub]
            programs = []
            for index, p in enumerate(sub_body.get("programs", [])):
                program = Program(
                    pointer=("dimensions", dim, "sub_dimensions", sub, "programs", index),
                    id=p["id"], name=p["name"], dimension=dim, sub_dimension=sub,
                    description=p.get("description", ""), activities=p.get("activities", []),
                    lead_opd=p["lead_opd"], supporting_opds=p.get("supporting_opds", []),
                    partners=p.get("partners", []), horizon=p["horizon"],
                    start_year=p["start_year"], end_year=p["end_year"],
                    indicators=[_indicator(i, scales) for i in p.get("indicators", [])],
                    budget=_lines(p.get("budget")), sdg=p.get("sdg", []),
                    iso37122=p.get("iso37122", []), status=p.get("status"))
                programs.append(program)
                by_id[program.id] = program
            subs.append(SubDimension(sub, sub_body.get("label"), sub_body.get("strategies", []),
                                     programs))
        dimensions.append(Dimension(
            dim, body.get("label"), body.get("current_condition", ""),
            body.get("target_condition", ""), body.get("gap", ""),
            {k: body.get("swot", {}).get(k, []) for k in
             ("strengths", "weaknesses", "opportunities", "threats")},
            body.get("strategies", []), subs))
    quick_wins = [
        QuickWin(pointer=("quick_wins", index), id=q["id"], name=q["name"],
                 program=by_id[q["program"]], type=q["type"], problem=q.get("problem", ""),
                 description=q.get("description", ""), owner_opd=q["owner_opd"],
                 supporting_opds=q.get("supporting_opds", []), partners=q.get("partners", []),
                 location=q.get("location", ""), beneficiaries=q.get("beneficiaries", ""),
                 start_year=q["start_year"], end_year=q["end_year"],
                 milestones=[(m["when"], m["description"]) for m in q.get("milestones", [])],
                 budget=_lines(q.get("budget")),
                 kpis=[Kpi(k["name"], k["unit"], k.get("baseline"), k["target"])
                       for k in q.get("kpis", [])],
                 status=q.get("status", "planned"),
                 mockups=[picture for number, m in enumerate(q.get("mockups", []))
                          if (picture := _picture(("quick_wins", index, "mockups", number), m))])
        for index, q in enumerate(data.get("quick_wins", []))]
    readiness_data = data["readiness"]
    readiness = {
        area: [ReadinessAspect(area, key, readiness_data[area][key].get("status"),
                               readiness_data[area][key].get("score"),
                               readiness_data[area][key].get("narrative", ""))
               for key in aspects]
        for area, aspects in fw.readiness_aspects.items()}
    period = data["document"]["period"]
    return Masterplan(
        doc=doc, data=data, region=data["region"], cohort=data["cohort"],
        document=data["document"], start_year=period["start_year"],
        end_year=period["end_year"], dimensions=dimensions, quick_wins=quick_wins,
        readiness=readiness,
        readiness_summaries={a: readiness_data[a].get("summary", "")
                             for a in fw.readiness_areas},
        agencies={a["code"]: a["name"] for a in data.get("agencies", [])},
        funding_sources={s["code"]: s["name"] for s in data.get("funding_sources", [])},
        programs_by_id=by_id, scales=scales,
        phases=[Phase(("roadmap", "phases", index), ph["name"], ph["start_year"],
                      ph["end_year"])
                for index, ph in enumerate(data.get("roadmap", {}).get("phases", []))],
        profile_map=_picture(("profile", "map"), data["profile"].get("map")),
        previous=_previous(data.get("previous_masterplan")),
        organisation_chart=_picture(("governance", "organisation_chart"),
                                    data.get("governance", {}).get("organisation_chart")),
        framework=fw)
