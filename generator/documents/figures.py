"""One spec → the plain, language-neutral figures `export` and `report` are made of.

Runs in a batch worker (or in-process for a single spec) and returns JSON-like data only:
keys of the fixed vocabulary (dimension, sub-dimension, horizon, funding source codes) rather
than labels, agency codes already expanded to names, whole rupiah.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.errors import Diagnostic


def extract(path: Path, display: str, lang: str = "id", *, strict: bool = False,
            framework: str | Path | None = None,
            progress: str | None = None) -> tuple[dict[str, Any], list[Diagnostic]]:
    """The figures of one spec (validated against `framework`, the `--framework` option,
    else its own); raises SpecError when the spec is not usable.

    With `progress` (a glob relative to the spec's folder), also the spec's progress files
    as `data["progress"]` (`generator.documents.results.progress_records`); a progress file
    that is not usable makes the spec unusable too."""
    from generator.spec import check_spec
    from generator.spec.model import build_model

    doc, warnings = check_spec(path, display, strict=strict, framework=framework)
    plan = build_model(doc)

    def agency(code: str) -> str:
        return plan.agencies.get(code, code)

    quick_wins_of: dict[str, list[str]] = {}
    for q in plan.quick_wins:
        quick_wins_of.setdefault(q.program.id, []).append(q.id)
    programs = [{
        "dimension": p.dimension, "sub_dimension": p.sub_dimension, "id": p.id,
        # the framework's names ([id, en]): specs of a cohort may follow other frameworks
        "dimension_label": list(plan.fw.dimensions[p.dimension]),
        "sub_dimension_label": list(plan.fw.sub_dimensions[p.dimension][p.sub_dimension]),
        "name": p.name, "lead_opd": agency(p.lead_opd),
        "supporting_opds": [agency(o) for o in p.supporting_opds], "partners": p.partners,
        "horizon": p.horizon, "start_year": p.start_year, "end_year": p.end_year,
        "budget": [[b.year, b.amount, b.source] for b in p.budget],
        "indicators": [{"name": i.name, "unit": i.unit, "baseline": i.baseline,
                        "baseline_year": i.baseline_year,
                        "targets": {str(y): v for y, v in sorted(i.targets.items())}}
                       # grades (level codes, text) say which scale they are on
                       | ({"scale": i.scale} if i.scale else {})
                       for i in p.indicators],
        "quick_wins": quick_wins_of.get(p.id, []),
    } for p in plan.programs]
    quick_wins = [{
        "id": q.id, "name": q.name, "program": q.program.id,
        "dimension": q.program.dimension, "sub_dimension": q.program.sub_dimension,
        "type": q.type, "owner_opd": agency(q.owner_opd), "start_year": q.start_year,
        "end_year": q.end_year, "budget": q.total_budget, "status": q.status,
    } for q in plan.quick_wins]
    from generator.spec.enablers import enablers_of

    enabler_plan = enablers_of(plan)
    # the enablers' budget lines (`enablers` of the spec): part of every budget total
    enablers = [{"id": e.id, "group": e.group, "name": e.name, "lead_opd": agency(e.lead_opd),
                 "start_year": e.start_year, "end_year": e.end_year,
                 "budget": [[b.year, b.amount, b.source] for b in e.budget]}
                for e in (enabler_plan.items if enabler_plan else [])]
    readiness = {area: {a.key: {"status": a.status, "score": a.score}
                        for a in plan.readiness[area]} for area in plan.fw.readiness_areas}
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
        "enablers": enablers,
        "readiness": readiness,
        "funding_sources": dict(plan.funding_sources),
        "framework": plan.fw.name,
    }
    if progress is not None:
        from generator.documents.results import progress_records
        from generator.spec.progress import progress_of_spec
        from generator.spec.weights import load_weights

        progresses, found = progress_of_spec(path, progress, plan, strict=strict)
        warnings.extend(found)
        data["progress"] = progress_records(plan, progresses, load_weights(), path.parent)
    return data, warnings
