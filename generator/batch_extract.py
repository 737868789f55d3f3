"""One spec → the plain, language-neutral figures `export` and `report` are made of.

Runs in a batch worker (or in-process for a single spec) and returns JSON-like data only:
keys of the fixed vocabulary (dimension, sub-dimension, horizon, funding source codes) rather
than labels, agency codes already expanded to names, whole rupiah.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.cohort import Cohort, SpecSource
from generator.errors import Diagnostic
from generator.spec.vocabulary import READINESS_AREAS, READINESS_ASPECTS


def extract(path: Path, display: str, lang: str = "id", *,
            strict: bool = False) -> tuple[dict[str, Any], list[Diagnostic]]:
    """The figures of one spec; raises SpecError when the spec is not usable."""
    from generator.spec import check_spec
    from generator.spec.model import build_model

    doc, warnings = check_spec(path, display, strict=strict)
    plan = build_model(doc)

    def agency(code: str) -> str:
        return plan.agencies.get(code, code)

    quick_wins_of: dict[str, list[str]] = {}
    for q in plan.quick_wins:
        quick_wins_of.setdefault(q.program.id, []).append(q.id)
    programs = [{
        "dimension": p.dimension, "sub_dimension": p.sub_dimension, "id": p.id,
        "name": p.name, "lead_opd": agency(p.lead_opd),
        "supporting_opds": [agency(o) for o in p.supporting_opds], "partners": p.partners,
        "horizon": p.horizon, "start_year": p.start_year, "end_year": p.end_year,
        "budget": [[b.year, b.amount, b.source] for b in p.budget],
        "indicators": [{"name": i.name, "unit": i.unit, "baseline": i.baseline,
                        "baseline_year": i.baseline_year,
                        "targets": {str(y): v for y, v in sorted(i.targets.items())}}
                       for i in p.indicators],
        "quick_wins": quick_wins_of.get(p.id, []),
    } for p in plan.programs]
    quick_wins = [{
        "id": q.id, "name": q.name, "program": q.program.id,
        "dimension": q.program.dimension, "sub_dimension": q.program.sub_dimension,
        "type": q.type, "owner_opd": agency(q.owner_opd), "start_year": q.start_year,
        "end_year": q.end_year, "budget": q.total_budget, "status": q.status,
    } for q in plan.quick_wins]
    readiness = {area: {a.key: {"status": a.status, "score": a.score}
                        for a in plan.readiness[area]} for area in READINESS_AREAS}
    region = plan.region
    data = {
        "spec": display,
        "region": {"code": str(region["code"]), "name": str(region["name"]),
                   "type": str(region["type"]), "province": str(region.get("province", ""))},
        "cohort": {"year": int(plan.cohort["year"]), "track": plan.cohort.get("track")},
        "period": {"start_year": plan.start_year, "end_year": plan.end_year},
        "document_date": str(plan.document.get("date", "")),
        "language": str(plan.document.get("language", lang)),
        "programs": programs,
        "quick_wins": quick_wins,
        "readiness": readiness,
        "funding_sources": dict(plan.funding_sources),
    }
    assert set(READINESS_ASPECTS) == set(readiness)
    return data, warnings


# --- many specs (main process) ----------------------------------------------------------------

@dataclass
class Extracted:
    """One spec of a cohort as `export` and `report` see it: its figures, or why not."""

    source: SpecSource
    data: dict[str, Any] | None = None
    errors: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    status: str = "ok"

    @property
    def first_error(self) -> str:
        from generator.batch import format_problem

        return format_problem(self.errors[0]) if self.errors else self.status


def gather(cohort: Cohort, *, lang: str, jobs: int, timeout: float, strict: bool = False,
           messages_lang: str = "id", memory_limit: int = 2048) -> list[Extracted]:
    """The figures of every spec of a cohort, sorted by region code and cohort year.

    One spec is read in-process; several go through the worker pool (parallel, with the
    time limit and crash isolation of `batch`). Two specs for the same region and cohort
    year, or a spec of another cohort year than the manifest's, are excluded with an error.
    """
    items = [Extracted(source) for source in cohort.specs]
    if len(items) == 1:
        _in_process(items[0], lang, strict, messages_lang)
    else:
        from generator.batch_pool import Outcome, PoolConfig, Task, WorkerPool

        by_key = {item.source.key: item for item in items}

        def done(outcome: Outcome) -> bool:
            item = by_key[outcome.task.key]
            item.warnings = list(outcome.reply.get("warnings", []))
            if outcome.status == "ok":
                item.data = outcome.reply["data"]
            else:
                item.status, item.errors = outcome.status, outcome.errors
            return True

        config = PoolConfig(jobs=min(jobs, len(items)), timeout=timeout,
                            preload=["generator.batch_extract", "generator.spec.model"],
                            memory_limit=memory_limit, messages_lang=messages_lang)
        with WorkerPool(config) as pool:
            pool.run([Task(i.source.key, "extract", {
                "spec": str(i.source.path.resolve()), "display": i.source.display,
                "lang": lang, "strict": strict}) for i in items], done)
    _exclude_conflicts(cohort, items, messages_lang)
    return sorted(items, key=_order)


def _in_process(item: Extracted, lang: str, strict: bool, messages_lang: str) -> None:
    from generator.batch_worker import failure

    try:
        data, warnings = extract(item.source.path, item.source.display, lang, strict=strict)
    except Exception as exc:
        reply = failure(exc, item.source.display, messages_lang)
        item.status, item.errors = "failed", list(reply.get("errors", []))
        item.warnings = list(reply.get("warnings", []))
        return
    item.data = data
    item.warnings = [d.as_dict(messages_lang) for d in warnings]


def _exclude_conflicts(cohort: Cohort, items: list[Extracted], lang: str) -> None:
    from generator.i18n import message

    def error(item: Extracted, code: str, /, **params: object) -> dict[str, Any]:
        return {"file": item.source.display, "line": None, "col": None, "severity": "error",
                "path": "", "code": code, "message": message(code, lang, **params)}

    groups: dict[tuple[str, int], list[Extracted]] = {}
    for item in items:
        if item.data is None:
            continue
        year = item.data["cohort"]["year"]
        if cohort.year is not None and year != cohort.year:
            span = cohort.year_span()
            item.errors = [error(item, "batch.cohort_year", year=year, expected=cohort.year,
                                 where=str(span) if span else str(cohort.target))]
            item.status, item.data = "failed", None
            continue
        groups.setdefault((item.data["region"]["code"], year), []).append(item)
    for (code, year), group in groups.items():
        if len(group) < 2:
            continue
        for item in group:
            others = ", ".join(o.source.display for o in group if o is not item)
            item.errors = [error(item, "batch.collision", code=code, year=year, others=others)]
            item.status, item.data = "failed", None


def _order(item: Extracted) -> tuple[int, str, int, str]:
    if item.data is None:
        return (1, "", 0, item.source.display)
    return (0, item.data["region"]["code"], item.data["cohort"]["year"], item.source.display)
