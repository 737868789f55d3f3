"""Many specs → documents; a failure in one never stops the others.

A run, top to bottom:

1. lock OUTDIR (one batch per output folder), remove temporaries a killed run left behind;
2. hash every spec; a spec whose bytes match the state file keeps its recorded identity,
   the others are loaded and validated in the worker pool (``identify``);
3. cohort checks before anything is rendered: two specs for the same region code and cohort
   year (or whose output names differ only in case) both fail, naming each other; a spec of
   another cohort year than the manifest's fails;
4. skip specs whose input fingerprint (`generator.batch.state`) is unchanged and whose
   outputs are intact, unless ``force``;
5. render the rest in the pool; the state file is updated after every finished spec;
6. write ``summary.json``, ``summary.csv`` and ``index.html`` (also after an interruption).

Statuses: ``ok``, ``skipped`` (unchanged since the last successful run), ``failed`` (the spec
or its rendering has errors), ``timeout``, ``crashed`` (the worker died twice), ``cancelled``
(not run: ``--fail-fast`` or an interruption).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import signal
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.batch.cohort import Cohort
from generator.batch.pool import Outcome, PoolConfig, Task, WorkerPool
from generator.batch.progress import RENDER_PHASE, Progress
from generator.batch.records import BatchOptions, BatchResult, SpecRecord
from generator.batch.state import (
    State,
    asset_hashes,
    outputs_intact,
    spec_fingerprint,
    templates_fingerprint,
    tool_fingerprint,
)
from generator.errors import OutputError, UsageError, format_plain, problem
from generator.i18n.messages import message
from generator.output import clean_stale_temporaries
from generator.pipeline import preload_modules

LOCK_NAME = ".masterplan-batch.lock"
_MAX_SPEC_BYTES = 5 * 1024 * 1024


class BatchInterrupted(Exception):
    """Raised in the main process by SIGINT/SIGTERM during a batch."""

    def __init__(self, signal_name: str) -> None:
        super().__init__(signal_name)
        self.signal_name = signal_name


def run_batch(cohort: Cohort, options: BatchOptions, progress: Progress) -> BatchResult:
    """Render a cohort into `options.outdir`; the summary files are written in any case."""
    from generator.batch.summary import write_summaries

    started = time.monotonic()
    outdir = options.outdir
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(outdir, error, action="create") from None
    records = [SpecRecord(source) for source in cohort.specs]
    result = BatchResult(cohort, options, records)
    with _locked(outdir, options.messages_lang), _signals_raise():
        clean_stale_temporaries(outdir)
        state = State(outdir).load()
        result.state_damaged = state.damaged
        run = _Run(cohort, options, progress, state, result)
        try:
            run.execute()
        except BatchInterrupted as interrupt:
            result.interrupted = interrupt.signal_name
        finally:
            for record in records:
                if record.status == "pending":
                    record.status = "cancelled"
                    record.errors = [_error(record, "batch.cancelled", options.messages_lang)]
            progress.close()
            result.seconds = time.monotonic() - started
            clean_stale_temporaries(outdir)
            if state.unsaved is not None:
                result.state_unsaved = state.unsaved.describe(options.messages_lang)
            write_summaries(result)
    return result


class _Run:
    def __init__(self, cohort: Cohort, options: BatchOptions, progress: Progress,
                 state: State, result: BatchResult) -> None:
        self.cohort, self.options, self.progress = cohort, options, progress
        self.state, self.result = state, result
        self.records = result.records
        self.stopping = False
        self.lang = options.messages_lang

    def execute(self) -> None:
        for record in self.records:
            self._hash(record)
        settings = self.options.settings
        config = PoolConfig(jobs=self.options.jobs, timeout=settings.timeout,
                            preload=preload_modules(settings),
                            memory_limit=settings.memory_limit,
                            messages_lang=self.lang)
        with WorkerPool(config) as pool:
            try:
                self._identify(pool)
                if not self.stopping:
                    self._cohort_checks()
                render = self._plan() if not self.stopping else []
                if render and not self.stopping:
                    self.progress.set_phase(RENDER_PHASE)
                    by_key = {r.source.key: r for r in render}
                    tasks = [Task(r.source.key, "render", self._render_payload(r))
                             for r in render]
                    pool.run(tasks, lambda o: self._rendered(by_key[o.task.key], o),
                             self.progress.tick)
            finally:
                self.result.peak_rss = pool.peak_rss
                self.result.workers_started = pool.workers_started

    # --- phase 1: who is each spec ------------------------------------------------------
    def _hash(self, record: SpecRecord) -> None:
        try:
            size = os.stat(record.source.path).st_size
            if size <= _MAX_SPEC_BYTES:
                record.spec_sha256 = hashlib.sha256(
                    record.source.path.read_bytes()).hexdigest()
        except OSError:
            record.spec_sha256 = None
        cached = self.state.get(record.source.key)
        if cached and record.spec_sha256 and cached["spec_sha256"] == record.spec_sha256:
            record.cached = cached
            record.identity = dict(cached["identity"])
            record.warnings = list(cached.get("warnings", []))

    def _identify(self, pool: WorkerPool) -> None:
        unknown = [r for r in self.records if r.identity is None]
        if not unknown:
            return
        self.progress.set_phase("check")
        by_key = {r.source.key: r for r in unknown}
        tasks = [Task(r.source.key, "identify", {
            "spec": str(r.source.path.resolve()), "display": r.source.display,
            "strict": self.options.settings.strict,
            "framework": self.options.settings.framework}) for r in unknown]
        pool.run(tasks, lambda o: self._identified(by_key[o.task.key], o), self.progress.tick)

    def _identified(self, record: SpecRecord, outcome: Outcome) -> bool:
        record.attempts = outcome.task.attempts
        if outcome.status == "ok":
            record.identity = dict(outcome.reply["identity"])
            record.warnings = list(outcome.reply.get("warnings", []))
            return True
        self._fail(record, outcome.status, outcome.errors, outcome.seconds,
                   outcome.reply.get("warnings", []))
        return not self.stopping

    # --- phase 2: cohort checks -----------------------------------------------------------
    def _cohort_checks(self) -> None:
        from generator.documents.naming import output_stem

        groups: dict[tuple[str, int], list[SpecRecord]] = {}
        stems: dict[str, list[SpecRecord]] = {}
        for record in self.records:
            identity = record.identity
            if record.status != "pending" or identity is None:
                continue
            if self.cohort.year is not None and identity["cohort_year"] != self.cohort.year:
                span = self.cohort.year_span()
                self._fail(record, "failed", [_error(
                    record, "batch.cohort_year", self.lang, at=identity.get("year_at"),
                    year=identity["cohort_year"], expected=self.cohort.year,
                    where=str(span) if span else str(self.cohort.target))])
                continue
            track = identity.get("cohort_track")
            if self.cohort.track and track and str(track) != self.cohort.track and not any(
                    w.get("code") == "batch.cohort_track" for w in record.warnings):
                record.warnings.append({**_error(
                    record, "batch.cohort_track", self.lang, track=track,
                    expected=self.cohort.track), "severity": "warning"})
            groups.setdefault((identity["code"], identity["cohort_year"]), []).append(record)
            stem = output_stem({"code": identity["code"], "type": identity["type"],
                                "name": identity["name"]}, identity["cohort_year"], "")
            stems.setdefault(stem.casefold(), []).append(record)
        clashes: dict[int, set[int]] = {}
        for group in [*groups.values(), *stems.values()]:
            for record in group:
                clashes.setdefault(id(record), set()).update(
                    id(other) for other in group if other is not record)
        by_id = {id(r): r for r in self.records}
        for record_id, others in clashes.items():
            if not others:
                continue
            record = by_id[record_id]
            identity = record.identity or {}
            where = ", ".join(sorted(_where(by_id[o]) for o in others))
            self._fail(record, "failed", [_error(
                record, "batch.collision", self.lang, at=identity.get("code_at"),
                code=str(identity.get("code")), year=identity.get("cohort_year"), others=where)])

    # --- phase 3: what needs rendering ----------------------------------------------------
    def _plan(self) -> list[SpecRecord]:
        tool = tool_fingerprint()
        templates = templates_fingerprint()
        settings = self.options.settings.fingerprint()
        render: list[SpecRecord] = []
        skipped = 0
        for record in self.records:
            if record.status != "pending" or record.identity is None or not (
                    record.spec_sha256):
                if record.status == "pending":
                    render.append(record)  # unreadable now: let the renderer report it
                continue
            assets = asset_hashes(record.source.path, list(record.identity.get("assets", [])))
            record.fingerprint = spec_fingerprint(
                tool=tool, templates=templates, options=settings,
                spec_sha256=record.spec_sha256, assets=assets)
            cached = record.cached
            if (not self.options.force and cached is not None
                    and cached["fingerprint"] == record.fingerprint
                    and outputs_intact(self.options.outdir, cached["outputs"])):
                record.status = "skipped"
                record.outputs = [str(o["name"]) for o in cached["outputs"]]
                record.seconds = 0.0
                skipped += 1
                continue
            render.append(record)
        self.progress.skip(skipped)
        return render

    def _render_payload(self, record: SpecRecord) -> dict[str, Any]:
        return {"spec": str(record.source.path.resolve()), "display": record.source.display,
                "settings": self.options.settings.to_plain()}

    # --- phase 4: results -----------------------------------------------------------------
    def _rendered(self, record: SpecRecord, outcome: Outcome) -> bool:
        record.attempts = outcome.task.attempts
        record.peak_rss = outcome.peak_rss
        if outcome.status != "ok":
            self.state.drop(record.source.key)
            self._fail(record, outcome.status, outcome.errors, outcome.seconds,
                       outcome.reply.get("warnings", record.warnings))
            return not self.stopping
        reply = outcome.reply
        record.status = "ok"
        record.outputs = list(reply.get("outputs", []))
        record.warnings = list(reply.get("warnings", [])) + [
            w for w in record.warnings if str(w.get("code", "")).startswith("batch.")]
        record.seconds = outcome.seconds
        if record.identity is not None and record.spec_sha256 and record.fingerprint:
            outputs = []
            for name in record.outputs:
                with contextlib.suppress(OSError):
                    outputs.append({"name": name,
                                    "size": (self.options.outdir / name).stat().st_size})
            self.state.put(record.source.key, {
                "spec_sha256": record.spec_sha256, "fingerprint": record.fingerprint,
                "identity": record.identity, "outputs": outputs,
                "warnings": record.warnings, "seconds": round(record.seconds, 3)})
        self.progress.finished("ok", record.label, record.seconds)
        return True

    def _fail(self, record: SpecRecord, status: str, errors: list[dict[str, Any]],
              seconds: float = 0.0, warnings: list[dict[str, Any]] | None = None) -> None:
        record.status = status
        record.errors = list(errors)
        if warnings is not None:
            record.warnings = list(warnings)
        record.seconds = seconds
        first = errors[0] if errors else {}
        self.progress.finished(status, record.label, seconds, format_plain(first))
        if self.options.fail_fast:
            self.stopping = True


def _error(record: SpecRecord, code: str, lang: str, /, at: list[int] | None = None,
           **params: Any) -> dict[str, Any]:
    return problem(record.source.display, code, lang, at=at, **params)


def _where(record: SpecRecord) -> str:
    at = (record.identity or {}).get("code_at")
    return f"{record.source.display}:{at[0]}:{at[1]}" if at else record.source.display


@contextlib.contextmanager
def _locked(outdir: Path, lang: str = "id") -> Iterator[None]:
    """One batch per output folder at a time (POSIX advisory lock; released on any exit).

    The lock file is opened without following a link (a link planted under its name would
    make the batch create or lock a file anywhere) and must be a regular file; otherwise the
    batch refuses to start and names it. Every other file of OUTDIR is written by
    `generator.output.atomic_write`, which replaces a link rather than writing through it.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no lock
        yield
        return
    path = outdir / LOCK_NAME
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UsageError(message("batch.lock_link", lang, path=path)) from None
        raise OutputError(path, error) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UsageError(message("batch.lock_not_file", lang, path=path))
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UsageError(message("batch.busy", lang, outdir=outdir)) from None
        yield
    finally:
        os.close(fd)


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """SIGINT and SIGTERM become BatchInterrupted, so the batch can stop its workers and
    write its summary; the previous handlers come back afterwards."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, _frame: object) -> None:
        raise BatchInterrupted(signal.Signals(signum).name)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def default_jobs() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


__all__ = ["BatchInterrupted", "default_jobs", "run_batch"]
