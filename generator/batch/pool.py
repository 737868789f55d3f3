"""A pool of worker processes in which one bad spec never costs the others.

Why not `concurrent.futures.ProcessPoolExecutor`: when one of its workers dies (a segfault,
`os._exit`, the kernel's OOM killer) *every* in-flight future fails with `BrokenProcessPool`,
and `future.result(timeout=)` gives up waiting without stopping the worker. Here each worker
is a process of its own with its own pipe and runs one task at a time, so:

- a time limit kills exactly the worker that overran (SIGKILL), and a new one takes its place;
- a worker that dies is known to have been running exactly one task, which is retried once
  (after the other tasks, alone, so memory pressure from siblings cannot be the cause)
  before it is reported as crashed, with the end of the worker's own stderr (faulthandler
  writes the crash site there);
- workers only ever send plain dicts (see `generator.batch.worker`).

Workers are started with the ``spawn`` method (a fresh interpreter: no inherited locks or
threads, the same on every platform), import the heavy libraries once, and are replaced after
`PoolConfig.max_tasks` tasks or when their memory grows past `PoolConfig.recycle_rss`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import signal
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any, Literal

from generator.errors import RenderError, problem

Status = Literal["ok", "failed", "timeout", "crashed"]
_MiB = 1024 * 1024
# How much of the end of a stopped worker's log its outcome carries (a Python stack dump
# of every thread: `faulthandler` writes at most 100 frames each)
_TRACE_BYTES = 64 * 1024


@dataclass
class Task:
    key: str
    kind: str
    payload: dict[str, Any]
    attempts: int = 0
    #: run with no other task in flight (a retry after a crash)
    alone: bool = False


@dataclass
class Outcome:
    task: Task
    status: Status
    reply: dict[str, Any]
    seconds: float
    peak_rss: int = 0

    @property
    def errors(self) -> list[dict[str, Any]]:
        return list(self.reply.get("errors", []))


@dataclass
class PoolConfig:
    jobs: int
    timeout: float
    preload: list[str] = field(default_factory=list)
    memory_limit: int = 0  # MiB of address space per worker, 0 = unlimited
    max_tasks: int = 100
    recycle_rss: int = 280 * _MiB
    retries: int = 1
    start_timeout: float = 180.0
    messages_lang: str = "id"


@dataclass
class _Worker:
    number: int
    process: Any
    conn: Any
    log: Path
    spawned: float
    ready: bool = False
    retiring: bool = False
    task: Task | None = None
    dispatched: float = 0.0
    #: the task's stack was asked for (`generator.batch.worker.TRACE_SIGNAL`)
    traced: bool = False
    tasks_done: int = 0
    peak_rss: int = 0
    dead: bool = False


class WorkerPool:
    """Runs tasks on `PoolConfig.jobs` worker processes; use as a context manager."""

    def __init__(self, config: PoolConfig) -> None:
        self.config = config
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self._numbers = 0
        self._start_failures = 0
        self._logs = Path(tempfile.mkdtemp(prefix="masterplan-workers-"))
        self.peak_rss = 0
        self.workers_started = 0

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- public -----------------------------------------------------------------------------
    def run(self, tasks: Iterable[Task], on_outcome: Callable[[Outcome], bool],
            tick: Callable[[], None] | None = None) -> list[Task]:
        """Run every task; `on_outcome` returns False to stop scheduling (fail-fast).

        Returns the tasks that were never started because scheduling stopped.
        """
        pending: deque[Task] = deque(tasks)
        scheduling = True
        while (pending and scheduling) or self._busy():
            if scheduling:
                self._spawn_for(len(pending))
                self._dispatch(pending)
            self._wait()
            for worker in list(self._workers):
                for outcome in self._collect(worker, pending, scheduling):
                    if not on_outcome(outcome):
                        scheduling = False
            if tick is not None:
                tick()
        return list(pending)

    def close(self, *, ask: bool = True) -> None:
        """Stop every worker (idle ones are asked, busy ones killed); remove their logs.
        `ask` False kills idle workers too: a worker that only ever renders in memory has
        nothing to finish, and tearing down its heap takes a tenth of a second."""
        for worker in list(self._workers):
            if ask and worker.task is None and not worker.dead:
                with contextlib.suppress(OSError, ValueError):
                    worker.conn.send(None)
        for worker in list(self._workers):
            if ask and worker.task is None:
                worker.process.join(timeout=1.0)
            self._kill(worker)
        self._workers.clear()
        shutil.rmtree(self._logs, ignore_errors=True)

    # --- workers ----------------------------------------------------------------------------
    def _busy(self) -> bool:
        return any(w.task is not None for w in self._workers)

    def _spawn_for(self, pending: int) -> None:
        wanted = min(self.config.jobs, pending + sum(w.task is not None for w in self._workers))
        while len(self._workers) < wanted:
            self._spawn()

    def _spawn(self) -> None:
        from generator.batch.worker import worker_main

        self._numbers += 1
        log = self._logs / f"worker-{self._numbers}.log"
        parent_conn, child_conn = self._context.Pipe()
        config = {"parent": os.getpid(), "log": str(log), "preload": self.config.preload,
                  "memory_limit": self.config.memory_limit}
        process = self._context.Process(target=worker_main, args=(child_conn, config),
                                        name=f"masterplan-worker-{self._numbers}", daemon=True)
        process.start()
        child_conn.close()
        self.workers_started += 1
        self._workers.append(_Worker(self._numbers, process, parent_conn, log,
                                     time.monotonic()))

    def _dispatch(self, pending: deque[Task]) -> None:
        for worker in self._workers:
            if not pending:
                return
            if not worker.ready or worker.task is not None or worker.dead or worker.retiring:
                continue
            if pending[0].alone and self._busy():
                return
            if any(w.task is not None and w.task.alone for w in self._workers):
                return
            task = pending.popleft()
            task.attempts += 1
            worker.task = task
            worker.dispatched = time.monotonic()
            worker.traced = False
            try:
                worker.conn.send({"kind": task.kind, "payload": {
                    **task.payload, "messages_lang": self.config.messages_lang}})
            except (OSError, ValueError):
                worker.dead = True  # handled as a crash by _collect

    def _wait(self) -> None:
        handles: list[Any] = []
        deadline = None
        now = time.monotonic()
        for worker in self._workers:
            handles += [worker.conn, worker.process.sentinel]
            if worker.task is not None:
                end = worker.dispatched + self.config.timeout
                trace = _trace_after(worker.task)
                if trace and not worker.traced:
                    end = min(end, worker.dispatched + trace)
                deadline = end if deadline is None else min(deadline, end)
        limit = 0.25 if deadline is None else max(0.0, min(0.25, deadline - now))
        if handles:
            wait(handles, timeout=limit)
        else:
            time.sleep(limit)

    def _collect(self, worker: _Worker, pending: deque[Task], scheduling: bool) -> list[Outcome]:
        outcomes: list[Outcome] = []
        while not worker.dead:
            try:
                if not worker.conn.poll():
                    break
                message = worker.conn.recv()
            except (EOFError, OSError):
                worker.dead = True
                break
            if message.get("type") == "ready":
                worker.ready = True
                self._start_failures = 0
                self._note_memory(worker, message)
            elif message.get("type") == "result" and worker.task is not None:
                outcomes.append(self._finished(worker, message))
        if worker.retiring:
            self._stop(worker)
        elif worker.dead or not worker.process.is_alive():
            outcome = self._died(worker, pending, scheduling)
            if outcome is not None:
                outcomes.append(outcome)
        elif worker.task is not None and (
                time.monotonic() - worker.dispatched > self.config.timeout):
            outcomes.append(self._timed_out(worker))
        elif worker.task is not None and not worker.traced and 0 < _trace_after(
                worker.task) < time.monotonic() - worker.dispatched:
            self._trace(worker)
        elif not worker.ready and time.monotonic() - worker.spawned > self.config.start_timeout:
            self._kill(worker)
            self._workers.remove(worker)
            self._start_failed(worker, "did not start in time")
        return outcomes

    def _finished(self, worker: _Worker, reply: dict[str, Any]) -> Outcome:
        task = worker.task
        assert task is not None
        worker.task = None
        worker.tasks_done += 1
        self._note_memory(worker, reply)
        status: Status = "ok" if reply.get("status") == "ok" else "failed"
        outcome = Outcome(task, status, reply, float(reply.get("seconds", 0.0)),
                          worker.peak_rss)
        if (reply.get("retire") or worker.tasks_done >= self.config.max_tasks
                or int(reply.get("rss", 0)) > self.config.recycle_rss):
            worker.retiring = True
        return outcome

    def _timed_out(self, worker: _Worker) -> Outcome:
        task = worker.task
        assert task is not None
        seconds = time.monotonic() - worker.dispatched
        if _trace_after(task) and not worker.traced:  # this process was late to ask
            self._trace(worker)
            time.sleep(0.1)
        self._kill(worker)
        self._workers.remove(worker)
        error = _error(task, "batch.timeout", self.config.messages_lang,
                       seconds=_seconds(self.config.timeout))
        trace = _log_end(worker.log, _TRACE_BYTES)
        return Outcome(task, "timeout", {"errors": [error], "trace": trace}, seconds,
                       worker.peak_rss)

    def _died(self, worker: _Worker, pending: deque[Task], scheduling: bool) -> Outcome | None:
        self._kill(worker)
        self._workers.remove(worker)
        how = _exit_description(worker.process.exitcode)
        task = worker.task
        if task is None:
            if not worker.ready:
                self._start_failed(worker, how)
            return None
        seconds = time.monotonic() - worker.dispatched
        if scheduling and task.attempts <= self.config.retries:
            # retried at the end, alone: it cannot hold up the others, and nothing running
            # beside it can be the reason it dies again
            task.alone = True
            pending.append(task)
            return None
        tail = _tail(worker.log)
        error = _error(task, "batch.crashed", self.config.messages_lang, how=how,
                       attempts=task.attempts, output=f": {tail}" if tail else "")
        return Outcome(task, "crashed", {"errors": [error], "how": how,
                                         "trace": _log_end(worker.log, _TRACE_BYTES)},
                       seconds, worker.peak_rss)

    def _start_failed(self, worker: _Worker, how: str) -> None:
        self._start_failures += 1
        if self._start_failures >= 3:
            tail = _tail(worker.log)
            raise RenderError(f"worker processes cannot start ({how})"
                              + (f": {tail}" if tail else ""))

    def _note_memory(self, worker: _Worker, message: dict[str, Any]) -> None:
        worker.peak_rss = max(worker.peak_rss, int(message.get("peak_rss", 0)))
        self.peak_rss = max(self.peak_rss, worker.peak_rss)

    def _stop(self, worker: _Worker) -> None:
        """Ask a worker to finish; kill it if it does not within a second."""
        with contextlib.suppress(OSError, ValueError):
            worker.conn.send(None)
        worker.process.join(timeout=1.0)
        self._kill(worker)
        if worker in self._workers:
            self._workers.remove(worker)

    @staticmethod
    def _trace(worker: _Worker) -> None:
        """Ask the worker to write its task's stack to its log, from its own main thread."""
        from generator.batch.worker import TRACE_SIGNAL

        worker.traced = True
        if TRACE_SIGNAL is not None and worker.process.pid is not None:
            with contextlib.suppress(OSError):
                os.kill(worker.process.pid, TRACE_SIGNAL)

    @staticmethod
    def _kill(worker: _Worker) -> None:
        if worker.process.is_alive():
            with contextlib.suppress(OSError):
                worker.process.kill()
        worker.process.join(timeout=5.0)
        with contextlib.suppress(OSError):
            worker.conn.close()
        worker.dead = True


def _trace_after(task: Task) -> float:
    """Seconds after which the stack of `task` is written to its worker's log (0: never)."""
    return float(task.payload.get("trace_after") or 0)


def _error(task: Task, code: str, lang: str, **params: Any) -> dict[str, Any]:
    return problem(str(task.payload.get("display", task.key)), code, lang, **params)


def _seconds(value: float) -> tuple[str, str, str]:
    from generator.i18n.numbers import message_number

    return message_number(value)


def _exit_description(code: int | None) -> str:
    if code is None:
        return "unknown exit"
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"signal {signal.Signals(-code).name}"
        return f"signal {-code}"
    return f"exit code {code}"


def _log_end(log: Path, limit: int = 1500) -> str:
    """The last `limit` bytes a worker wrote to its stderr (a crash report, a stack dump)."""
    try:
        with open(log, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - limit))
            return handle.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _tail(log: Path, limit: int = 1500, lines: int = 8) -> str:
    """The last lines a dead worker wrote to its stderr, on one line."""
    text = _log_end(log, limit)
    kept = [line.strip() for line in text.splitlines() if line.strip()]
    fatal = [i for i, line in enumerate(kept) if line.startswith("Fatal Python error")]
    if fatal:
        # faulthandler: the error, then the innermost frames first: keep the top
        start = fatal[-1]
        return " | ".join(kept[start:start + lines - 3])
    return " | ".join(kept[-lines:])
