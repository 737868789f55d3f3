"""A progress file: one year of a masterplan's execution, checked against the masterplan.

Loaded by the same loader as a spec (positions for every value), validated against its own
JSON Schema (`generator.spec.progress_schema`) and then against the plan: every program,
quick win, indicator, KPI and funding source it names must exist there (with a did-you-mean),
the year must lie in the plan's period, evidence files must stay in the progress file's
folder. A value for an indicator that has no target that year is a warning only: regions
measure more often than they plan.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from generator.errors import Diagnostic, SpecError
from generator.spec.enablers import enablers_of
from generator.spec.load import Pointer, SpecDocument, load_spec
from generator.spec.model import Masterplan, Value
from generator.spec.progress_schema import ENABLERS, build_progress_schema
from generator.spec.validate import (
    Collector,
    _DidYouMean,
    schema_errors,
    translate_schema_error,
)
from generator.spec.vocabulary import FUNDING_SOURCES

#: What an evidence item says it supports, beyond programs and quick wins, as the enabler
#: field it stands for.
ENABLER_FIELDS = {"regulation": "regulation", "council": "council", "team": "team",
                  "forum": "forum_meetings", "apbd": "smart_city_apbd"}
#: A claim naming an indicator (or a KPI) of a program (or a quick win): `GOV-01: name`.
CLAIM_SEPARATOR = ":"


@dataclass(frozen=True)
class ProgramProgress:
    pointer: Pointer
    id: str
    status: str
    budget: dict[str, int]
    indicators: dict[str, Value]
    note: str = ""

    @property
    def realised(self) -> int:
        return sum(self.budget.values())


@dataclass(frozen=True)
class EnablerProgress:
    """One of the plan's enablers (`enablers` of the spec: REG-01, TIK-01, ...) in the year:
    its budget counts in the year's totals beside the programs'."""

    pointer: Pointer
    id: str
    status: str
    budget: dict[str, int]
    note: str = ""

    @property
    def realised(self) -> int:
        return sum(self.budget.values())


@dataclass(frozen=True)
class QuickWinProgress:
    pointer: Pointer
    id: str
    status: str
    kpis: dict[str, float]
    note: str = ""


@dataclass(frozen=True)
class Evidence:
    pointer: Pointer
    id: str
    title: str
    file: str
    reference: str
    supports: tuple[str, ...]


@dataclass
class Progress:
    """One validated progress file, typed."""

    doc: SpecDocument
    year: int
    date: str
    summary: str
    programs: dict[str, ProgramProgress]
    quick_wins: dict[str, QuickWinProgress]
    enablers: dict[str, Any]
    evidence: list[Evidence]
    survey: dict[str, tuple[int, float]]
    received: dict[str, Any]
    recommendations: list[dict[str, Any]] = field(default_factory=list)
    enabler_items: dict[str, EnablerProgress] = field(default_factory=dict)


def check_progress(path: Path, plan: Masterplan, spec_path: Path, *,
                   strict: bool = False) -> tuple[Progress, list[Diagnostic]]:
    """Load and validate one progress file against `plan` (read from `spec_path`); raise
    SpecError with every diagnostic when it cannot be used (with `strict`, warnings too)."""
    return check_progress_doc(load_spec(path), plan, spec_path, strict=strict)


def check_progress_files(files: Sequence[Path | SpecDocument], plan: Masterplan,
                         spec_path: Path, *,
                         strict: bool = False) -> tuple[list[Progress], list[Diagnostic]]:
    """Every progress file of `files` (paths, or files already loaded) checked against the
    plan, and no year twice; sorted by year. Raise SpecError with the problems of all of
    them together."""
    progresses: list[Progress] = []
    problems: list[Diagnostic] = []
    warnings: list[Diagnostic] = []
    for file in files:
        try:
            doc = file if isinstance(file, SpecDocument) else load_spec(file)
            progress, found = check_progress_doc(doc, plan, spec_path, strict=strict)
        except SpecError as exc:
            problems.extend(exc.diagnostics)
            continue
        warnings.extend(found)
        twin = next((p for p in progresses if p.year == progress.year), None)
        if twin is not None:
            problems.append(Diagnostic(progress.doc.span(("year",)), "error", "year",
                                       "progress.same_year", {"year": progress.year,
                                                              "first": twin.doc.display_name}))
        progresses.append(progress)
    if problems:
        raise SpecError(problems)
    return sorted(progresses, key=lambda p: p.year), warnings


def progress_of_spec(spec_path: Path, pattern: str, plan: Masterplan, *,
                     strict: bool = False) -> tuple[list[Progress], list[Diagnostic]]:
    """The progress files of one spec for the cohort commands: the YAML files matching
    `pattern` (a glob relative to the spec's folder, kept inside it) that are progress
    files (`progress_version`) naming this spec; files naming another spec are skipped."""
    folder = spec_path.parent
    base = folder.resolve()
    found = glob.glob(os.path.join(glob.escape(str(folder)), pattern), recursive=True)
    docs: list[Path | SpecDocument] = []
    for name in sorted(found):
        path = Path(name)
        if (path.suffix.lower() not in (".yaml", ".yml") or not path.is_file()
                or not path.resolve().is_relative_to(base)
                or path.resolve() == spec_path.resolve()):
            continue
        doc = load_spec(path, os.path.relpath(path))
        if isinstance(doc.data, dict) and "progress_version" in doc.data \
                and names_spec(doc, spec_path):
            docs.append(doc)
    return check_progress_files(docs, plan, spec_path, strict=strict)


def names_spec(doc: SpecDocument, spec_path: Path) -> bool:
    """Whether a loaded progress file's `masterplan` is the spec at `spec_path`."""
    named = doc.data.get("masterplan") if isinstance(doc.data, dict) else None
    if not isinstance(named, str):
        return False
    target = doc.folder.joinpath(*PurePosixPath(named.replace("\\", "/")).parts)
    try:
        return target.resolve(strict=True) == spec_path.resolve(strict=True)
    except OSError:
        return False


def check_progress_doc(doc: SpecDocument, plan: Masterplan, spec_path: Path, *,
                       strict: bool = False) -> tuple[Progress, list[Diagnostic]]:
    """`check_progress` of a progress file already loaded."""
    out = Collector(doc)
    for error in schema_errors("progress", build_progress_schema, doc.data):
        translate_schema_error(error, doc, out)
    if not out.items:  # the rules assume the schema's shapes
        _Rules(doc, plan, spec_path, out).run()
    diagnostics = out.results()
    if any(d.severity == "error" or strict for d in diagnostics):
        raise SpecError(diagnostics)
    return build_progress(doc), diagnostics


def build_progress(doc: SpecDocument) -> Progress:
    data = doc.data
    programs = {
        p["id"]: ProgramProgress(
            ("programs", index), p["id"], p["status"],
            _sum_by_source(p.get("budget", [])),
            {i["name"]: i["value"] for i in p.get("indicators", [])}, p.get("note", ""))
        for index, p in enumerate(data.get("programs", []))}
    quick_wins = {
        q["id"]: QuickWinProgress(("quick_wins", index), q["id"], q["status"],
                                  {k["name"]: k["value"] for k in q.get("kpis", [])},
                                  q.get("note", ""))
        for index, q in enumerate(data.get("quick_wins", []))}
    enabler_items = {
        e["id"]: EnablerProgress(("enabler_items", index), e["id"], e["status"],
                                 _sum_by_source(e.get("budget", [])), e.get("note", ""))
        for index, e in enumerate(data.get("enabler_items", []))}
    evidence = [Evidence(("evidence", index), e["id"], e["title"], e.get("file", ""),
                         e.get("reference", ""), tuple(e["supports"]))
                for index, e in enumerate(data.get("evidence", []))]
    survey = {dim: (int(item["respondents"]), float(item["score"]))
              for dim, item in data.get("survey", {}).items()}
    return Progress(doc=doc, year=data["year"], date=data["date"],
                    summary=data.get("summary", ""), programs=programs, quick_wins=quick_wins,
                    enablers=data.get("enablers", {}), evidence=evidence, survey=survey,
                    received=data.get("received", {}),
                    recommendations=list(data.get("recommendations", [])),
                    enabler_items=enabler_items)


def _sum_by_source(lines: list[dict[str, Any]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for line in lines:
        total[line["source"]] = total.get(line["source"], 0) + line["amount"]
    return total


def _split_claim(claim: str) -> tuple[str, str]:
    """`GOV-01: name` → ("GOV-01", "name"); `GOV-01` → ("GOV-01", "")."""
    head, _, rest = claim.partition(CLAIM_SEPARATOR)
    return head.strip(), rest.strip()


class _Rules:
    def __init__(self, doc: SpecDocument, plan: Masterplan, spec_path: Path,
                 out: Collector) -> None:
        self.doc, self.plan, self.spec_path, self.out = doc, plan, spec_path, out
        self.data = doc.data
        self.year: int = self.data["year"]
        self.programs = {p.id: p for p in plan.programs}
        self.quick_wins = {q.id: q for q in plan.quick_wins}
        enablers = enablers_of(plan)
        self.enabler_ids = tuple(e.id for e in enablers.items) if enablers else ()
        self.sources = tuple(sorted(set(FUNDING_SOURCES) | set(plan.funding_sources)))

    def run(self) -> None:
        self.masterplan()
        self.dates()
        self.period()
        self.program_entries()
        self.quick_win_entries()
        self.enabler_entries()
        self.evidence()

    def masterplan(self) -> None:
        named = str(self.data["masterplan"])
        if not names_spec(self.doc, self.spec_path):
            self.out.error(("masterplan",), "progress.other_spec", named=named,
                           given=str(self.spec_path))

    def dates(self) -> None:
        for pointer, value in _dates(self.data):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                self.out.error(pointer, "rule.bad_date", value=value)

    def _in_period(self) -> bool:
        return self.plan.start_year <= self.year <= self.plan.end_year

    def period(self) -> None:
        if not self._in_period():
            self.out.error(("year",), "rule.year_outside_period", year=self.year,
                           start=self.plan.start_year, end=self.plan.end_year)

    def _duplicate(self, seen: dict[str, Pointer], value: str, pointer: Pointer) -> bool:
        if value in seen:
            first = self.doc.span(seen[value])
            self.out.error(pointer, "rule.duplicate_id", id=value,
                           first=f"{first.line}:{first.col}")
            return True
        seen[value] = pointer
        return False

    def program_entries(self) -> None:
        seen: dict[str, Pointer] = {}
        for index, entry in enumerate(self.data.get("programs", [])):
            pointer: Pointer = ("programs", index)
            program = self.programs.get(entry["id"])
            if self._duplicate(seen, entry["id"], (*pointer, "id")):
                continue
            if program is None:
                self.out.error((*pointer, "id"), "progress.unknown_program", id=entry["id"],
                               suggestion=_DidYouMean(entry["id"], tuple(self.programs)))
                continue
            self._sources(pointer, entry)
            names = {i.name: i for i in program.indicators}
            for number, item in enumerate(entry.get("indicators", [])):
                where: Pointer = (*pointer, "indicators", number)
                indicator = names.get(item["name"])
                if indicator is None:
                    self.out.error((*where, "name"), "progress.unknown_indicator",
                                   name=item["name"], program=program.id,
                                   suggestion=_DidYouMean(item["name"], tuple(names)))
                elif self.year not in indicator.targets and self._in_period():
                    # (a year outside the plan is one error, not a warning per indicator)
                    self.out.warn((*where, "value"), "progress.no_target", name=item["name"],
                                  year=self.year)

    def _sources(self, pointer: Pointer, entry: dict[str, Any]) -> None:
        for number, line in enumerate(entry.get("budget", [])):
            if line["source"] not in self.sources:
                self.out.error((*pointer, "budget", number, "source"),
                               "rule.unknown_source", source=line["source"],
                               known=", ".join(self.sources),
                               suggestion=_DidYouMean(line["source"], self.sources))

    def enabler_entries(self) -> None:
        """`enabler_items`: each an enabler of the plan's `enablers`, once."""
        seen: dict[str, Pointer] = {}
        for index, entry in enumerate(self.data.get("enabler_items", [])):
            pointer: Pointer = ("enabler_items", index)
            if self._duplicate(seen, entry["id"], (*pointer, "id")):
                continue
            if entry["id"] not in self.enabler_ids:
                self.out.error((*pointer, "id"), "progress.unknown_enabler", id=entry["id"],
                               suggestion=_DidYouMean(entry["id"], self.enabler_ids))
                continue
            self._sources(pointer, entry)

    def quick_win_entries(self) -> None:
        seen: dict[str, Pointer] = {}
        for index, entry in enumerate(self.data.get("quick_wins", [])):
            pointer: Pointer = ("quick_wins", index)
            if self._duplicate(seen, entry["id"], (*pointer, "id")):
                continue
            quick_win = self.quick_wins.get(entry["id"])
            if quick_win is None:
                self.out.error((*pointer, "id"), "progress.unknown_quick_win", id=entry["id"],
                               suggestion=_DidYouMean(entry["id"], tuple(self.quick_wins)))
                continue
            names = tuple(k.name for k in quick_win.kpis)
            for number, item in enumerate(entry.get("kpis", [])):
                if item["name"] not in names:
                    self.out.error((*pointer, "kpis", number, "name"), "progress.unknown_kpi",
                                   name=item["name"], quick_win=quick_win.id,
                                   suggestion=_DidYouMean(item["name"], names))

    def evidence(self) -> None:
        from generator.spec.assets import locate_file

        seen: dict[str, Pointer] = {}
        claims = self.claims()
        for index, item in enumerate(self.data.get("evidence", [])):
            pointer: Pointer = ("evidence", index)
            self._duplicate(seen, item["id"], (*pointer, "id"))
            if not item.get("file") and not item.get("reference"):
                self.out.error(pointer, "progress.evidence_empty", id=item["id"])
            if item.get("file"):
                try:
                    locate_file(self.doc, (*pointer, "file"), item["file"], codes="evidence")
                except SpecError as exc:
                    self.out.items.extend(exc.diagnostics)
            for number, claim in enumerate(item["supports"]):
                if _norm_claim(claim) not in claims:
                    self.out.error((*pointer, "supports", number), "progress.unknown_claim",
                                   claim=claim, suggestion=_DidYouMean(claim, tuple(claims)))

    def claims(self) -> dict[str, str]:
        """Every claim an evidence item may name (normalised → as written)."""
        names: list[str] = [*ENABLERS]
        for program in self.plan.programs:
            names.append(program.id)
            names.extend(f"{program.id}{CLAIM_SEPARATOR} {i.name}" for i in program.indicators)
        for quick_win in self.plan.quick_wins:
            names.append(quick_win.id)
            names.extend(f"{quick_win.id}{CLAIM_SEPARATOR} {k.name}" for k in quick_win.kpis)
        names.extend(self.enabler_ids)  # the plan's own enablers: REG-01, TIK-01, ...
        return {_norm_claim(name): name for name in names}


def _norm_claim(claim: str) -> str:
    head, rest = _split_claim(claim)
    return f"{head}{CLAIM_SEPARATOR} {rest}" if rest else head


def claim_key(claim: str) -> str:
    """The normal form of a claim as an evidence item writes it (`GOV-01:name` and
    `GOV-01 : name` are one claim)."""
    return _norm_claim(claim)


def _dates(data: dict[str, Any]) -> Iterator[tuple[Pointer, str]]:
    yield ("date",), data["date"]
    enablers = data.get("enablers", {})
    for key in ("regulation", "council", "team"):
        if key in enablers:
            yield ("enablers", key, "date"), enablers[key]["date"]
    for index, meeting in enumerate(enablers.get("forum_meetings", [])):
        yield ("enablers", "forum_meetings", index, "date"), meeting["date"]
