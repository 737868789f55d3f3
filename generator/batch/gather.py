"""The figures (`generator.documents.figures`) of every spec of a cohort, read in the worker
pool: what `export` and `report` are made of."""

from __future__ import annotations

from typing import Any

from generator.batch.cohort import Cohort
from generator.batch.records import Extracted
from generator.documents.figures import extract
from generator.errors import problem


def gather(cohort: Cohort, *, lang: str, jobs: int, timeout: float, strict: bool = False,
           messages_lang: str = "id", memory_limit: int = 2048,
           framework: str | None = None, progress: str | None = None) -> list[Extracted]:
    """The figures of every spec of a cohort, sorted by region code and cohort year.

    One spec is read in-process; several go through the worker pool (parallel, with the
    time limit and crash isolation of `batch`). Two specs for the same region and cohort
    year, or a spec of another cohort year than the manifest's, are excluded with an error.
    With `progress` (a glob relative to each spec's folder), each spec's progress files are
    read too (`generator.documents.results`).
    """
    items = [Extracted(source) for source in cohort.specs]
    if len(items) == 1:
        _in_process(items[0], lang, strict, messages_lang, framework, progress)
    else:
        from generator.batch.pool import Outcome, PoolConfig, Task, WorkerPool

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
                            preload=["generator.documents.figures", "generator.spec.model"],
                            memory_limit=memory_limit, messages_lang=messages_lang)
        with WorkerPool(config) as pool:
            pool.run([Task(i.source.key, "extract", {
                "spec": str(i.source.path.resolve()), "display": i.source.display,
                "lang": lang, "strict": strict, "framework": framework,
                "progress": progress}) for i in items], done)
    _exclude_conflicts(cohort, items, messages_lang)
    return sorted(items, key=_order)


def _in_process(item: Extracted, lang: str, strict: bool, messages_lang: str,
                framework: str | None = None, progress: str | None = None) -> None:
    from generator.batch.worker import failure

    try:
        data, warnings = extract(item.source.path, item.source.display, lang, strict=strict,
                                 framework=framework, progress=progress)
    except Exception as exc:
        reply = failure(exc, item.source.display, messages_lang)
        item.status, item.errors = "failed", list(reply.get("errors", []))
        item.warnings = list(reply.get("warnings", []))
        return
    item.data = data
    item.warnings = [d.as_dict(messages_lang) for d in warnings]


def _exclude_conflicts(cohort: Cohort, items: list[Extracted], lang: str) -> None:
    def error(item: Extracted, code: str, /, **params: Any) -> dict[str, Any]:
        return problem(item.source.display, code, lang, **params)

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
