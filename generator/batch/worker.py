"""The worker side of a batch: one process that runs one task at a time and answers in plain
data (dicts of str, int, float, bool, None and lists), whatever happens inside.

Tasks: ``identify`` (load and validate a spec; who is it, which assets does it name),
``render`` (`generator.pipeline.render_spec`, writing the files) and ``extract`` (the plain
program table and region figures that `masterplan export` and `report` use); and, for one
render in a process of its own (`generator.batch.isolated`), ``render-spec`` and
``render-report``, which hand the bytes of the files back instead of writing them. Every
exception, including `MemoryError` and exceptions that cannot be pickled, becomes an error
dict; the parent never receives an exception object. The parent enforces the time limit by
killing the process; a task may ask for the Python stack to be written to the worker's log
shortly before (``trace_after`` seconds; the parent sends `TRACE_SIGNAL`), so the parent can
say where the time went.

Test hook: the environment variable ``MASTERPLAN_TEST_FAULTS`` makes a worker misbehave on
purpose while *rendering* chosen specs, so the tests can prove that a crash or a hang in one
spec never costs the others. It is read only here, in the worker, and only from the process
environment; nothing in a spec can trigger it. Format: comma-separated ``fault:suffix`` pairs,
where ``suffix`` is matched against the end of the spec's path (``/`` separated), e.g.
``MASTERPLAN_TEST_FAULTS="hang:3171/masterplan.yaml,segv:bad.yaml"``. Faults: ``hang``
(sleeps forever), ``busy`` (spins holding the GIL), ``exit`` (``os._exit(3)``), ``segv``
(reads address 0 through ctypes), ``memory`` (`MemoryError`), ``unpicklable`` (raises an
exception holding a lambda), ``exit-once`` (crashes the first attempt only, leaving a
``<spec>.fault-once`` marker next to the spec).
"""

from __future__ import annotations

import contextlib
import faulthandler
import importlib
import os
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from generator.heap import freeze

FAULTS_ENV = "MASTERPLAN_TEST_FAULTS"
#: written to the worker's log before a task that may dump its stack there
TASK_MARK = "masterplan worker: task"
#: On this signal a worker writes the Python stack of the thread it interrupts (the main one)
#: to its log: `faulthandler`'s handler, which also runs during one long C operation. Not
#: `faulthandler.dump_traceback_later`: its watchdog thread walks the frames of a thread that
#: goes on running, and a render whose stack changes fast (WeasyPrint laying out pages)
#: crashed with SIGSEGV while its stack was written (reproduced by dumping every millisecond).
TRACE_SIGNAL: signal.Signals | None = getattr(signal, "SIGUSR2", None)
PlainDict = dict[str, Any]


def worker_main(conn: Any, config: PlainDict) -> None:
    """Entry point of a worker process (multiprocessing target)."""
    # Ctrl-C reaches the whole process group: the parent decides, then stops us itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _redirect_output(config.get("log"))
    _die_with_parent(int(config["parent"]))
    _limit_memory(int(config.get("memory_limit") or 0))
    started = time.perf_counter()
    for module in config.get("preload", []):
        try:
            importlib.import_module(module)
        except Exception as exc:  # reported with the first task, not fatal here
            print(f"masterplan worker: cannot import {module}: {exc!r}", file=sys.stderr)
    freeze()  # see generator.heap
    conn.send({"type": "ready", "pid": os.getpid(),
               "seconds": time.perf_counter() - started, **_memory()})
    settled = False
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            break
        if message is None:
            break
        reply = run_task(message)
        try:
            conn.send(reply)
        except Exception as exc:  # a reply we cannot send: say so in plain words
            conn.send({"type": "result", "status": "failed", "retire": True,
                       "errors": [_error(str(message.get("payload", {}).get("display", "")),
                                         "batch.internal",
                                         f"cannot return the result: {exc!r}")]})
        if reply.get("retire"):
            break
        if not settled and message.get("kind") == "render":
            freeze()  # the first render filled the caches that every later one reuses
            settled = True


def run_task(message: PlainDict) -> PlainDict:
    """Run one task and describe the outcome as plain data; never raises."""
    started = time.perf_counter()
    kind = str(message.get("kind", ""))
    payload: PlainDict = message.get("payload", {})
    display = str(payload.get("display", payload.get("spec", "")))
    lang = str(payload.get("messages_lang") or "id")
    reply: PlainDict
    trace_after = float(payload.get("trace_after") or 0)
    try:
        if trace_after > 0:
            print(TASK_MARK, kind, flush=True, file=sys.stderr)
        if kind in ("render", "extract", "render-spec"):
            _inject_fault(str(payload.get("spec", "")))
        if kind == "identify":
            reply = identify(payload, lang)
        elif kind == "render":
            reply = render_one(payload, lang)
        elif kind == "extract":
            reply = extract_one(payload, lang)
        elif kind == "render-spec":
            reply = render_spec_files(payload, lang)
        elif kind == "render-report":
            reply = render_report_files(payload, lang)
        else:
            reply = {"status": "failed",
                     "errors": [_error(display, "batch.internal", f"unknown task {kind!r}")]}
    except BaseException as exc:  # the whole point: nothing escapes a worker
        reply = failure(exc, display, lang)
    reply.update({"type": "result", "seconds": time.perf_counter() - started,
                  "pid": os.getpid(), **_memory()})
    return reply


def failure(exc: BaseException, display: str, lang: str) -> PlainDict:
    """An exception as plain data: SpecError diagnostics keep their positions. ``error``
    says what it was, for a parent that reports it as its own (`generator.batch.isolated`):
    ``type`` (spec, error, memory, internal), ``exit_code``, ``message`` as the command line
    prints it, and for `MemoryError` and an unexpected exception the ``frames`` (file, line)
    it was raised in."""
    from generator.errors import (
        ENVIRONMENT_ERRNOS,
        MasterplanError,
        OutputError,
        RenderError,
        SpecError,
    )

    try:
        if isinstance(exc, SpecError):
            return {"status": "failed",
                    "errors": [d.as_dict(lang) for d in exc.diagnostics
                               if d.severity == "error"],
                    "warnings": [d.as_dict(lang) for d in exc.diagnostics
                                 if d.severity != "error"],
                    "error": {"type": "spec", "exit_code": exc.exit_code}}
        memory = _memory_error(exc)
        if memory is not None:
            # the heap of this process may be in a bad state: let the parent start a new one
            return {"status": "failed", "retire": True,
                    "errors": [_error(display, "batch.out_of_memory", "", lang)],
                    "error": {"type": "memory", "exit_code": 1,
                              "message": _safe_str(exc), "frames": _frames(memory)}}
        if isinstance(exc, OSError) and exc.errno in ENVIRONMENT_ERRNOS:
            # the machine's (a full disk under a temporary file, a folder it may not read)
            exc = OutputError(exc.filename or "?", exc, action="use")
        if isinstance(exc, RenderError | MasterplanError):
            span = getattr(exc, "span", None)
            text = exc.describe(lang)
            if span is not None and text.startswith(f"{span}: error: "):
                text = text[len(f"{span}: error: "):]
            item = _error(span.file if span else display, "batch.error", text, lang)
            if span is not None:
                item.update(line=span.line, col=span.col)
            return {"status": "failed", "errors": [item],
                    "error": {"type": "error", "exit_code": exc.exit_code,
                              "message": exc.describe(lang)}}
        detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__,
                                                    limit=-4))
        message = f"{type(exc).__name__}: {_safe_str(exc)}"
        return {"status": "failed", "retire": not isinstance(exc, Exception),
                "errors": [_error(display, "batch.internal", message, detail=detail)],
                "error": {"type": "internal", "exit_code": 3, "message": message,
                          "detail": detail, "frames": _frames(exc)}}
    except BaseException as inner:  # even describing it failed
        return {"status": "failed", "retire": True,
                "errors": [_error(display, "batch.internal",
                                  f"{type(exc).__name__} (and {type(inner).__name__} while "
                                  "describing it)")]}


def _memory_error(exc: BaseException) -> MemoryError | None:
    """`exc` itself, or what a template error was made of (`generator.render.html`)."""
    if isinstance(exc, MemoryError):
        return exc
    return exc.__context__ if isinstance(exc.__context__, MemoryError) else None


def _frames(exc: BaseException) -> list[list[Any]]:
    """[file, line] of every frame of a traceback, innermost first (Jinja's rewritten
    frames carry the template's file and line)."""
    return [[str(f.filename), f.lineno or 0]
            for f in reversed(traceback.extract_tb(exc.__traceback__))]


def _safe_str(exc: BaseException) -> str:
    try:
        return str(exc)
    except Exception:
        return "(no message)"


def _error(file: str, code: str, message: str, lang: str = "id", **extra: Any) -> PlainDict:
    from generator.errors import problem

    return {**problem(file, code, lang, message=message), **extra}


# --- tasks ----------------------------------------------------------------------------------

def identify(payload: PlainDict, lang: str) -> PlainDict:
    """Load and validate; return who the spec is about and which files it names."""
    from generator.spec import check_spec
    from generator.spec.validate import named_files

    doc, warnings = check_spec(Path(payload["spec"]), str(payload["display"]),
                               strict=bool(payload.get("strict")),
                               framework=payload.get("framework"))
    data = doc.data
    region, cohort = data["region"], data["cohort"]
    span = doc.span(("cohort", "year"))
    code_span = doc.span(("region", "code"))
    return {"status": "ok", "warnings": [d.as_dict(lang) for d in warnings],
            "identity": {
                "code": str(region["code"]), "name": str(region["name"]),
                "type": str(region["type"]), "province": str(region.get("province", "")),
                "cohort_year": int(cohort["year"]), "cohort_track": cohort.get("track"),
                "year_at": [span.line, span.col], "code_at": [code_span.line, code_span.col],
                "assets": named_files(data),
            }}


def render_one(payload: PlainDict, lang: str) -> PlainDict:
    from generator.pipeline import render_spec
    from generator.settings import RenderSettings

    result = render_spec(Path(payload["spec"]), RenderSettings.from_plain(payload["settings"]),
                         pause_collector=True)
    return {"status": "ok", "outputs": [p.name for p in result.outputs],
            "warnings": [d.as_dict(lang) for d in result.warnings],
            "pages": dict(result.pages)}


def render_spec_files(payload: PlainDict, lang: str) -> PlainDict:
    """One spec's documents, their bytes handed back: [file name, bytes] in order."""
    from generator.pipeline import render_spec
    from generator.settings import RenderSettings

    result = render_spec(Path(payload["spec"]), RenderSettings.from_plain(payload["settings"]),
                         settle_heap=bool(payload.get("settle_heap")),
                         pause_collector=bool(payload.get("pause_collector")), write=False)
    return {"status": "ok", "files": [[path.name, data] for path, data in result.files],
            "warnings": [d.as_dict(lang) for d in result.warnings],
            "pages": dict(result.pages)}


@dataclass
class _Source:
    display: str


@dataclass(frozen=True)
class _CohortItem:
    """One spec of the report as plain data (`generator.documents.report.CohortItem`)."""

    source: _Source
    data: dict[str, Any] | None
    status: str
    first_error: str


def render_report_files(payload: PlainDict, lang: str) -> PlainDict:
    """The cohort report (`generator.pipeline.render_report`), its bytes handed back."""
    from generator.pipeline import render_report
    from generator.settings import RenderSettings

    cohort = SimpleNamespace(**payload["cohort"])
    items = [_CohortItem(_Source(str(item["display"])), item["data"], str(item["status"]),
                         str(item["first_error"])) for item in payload["items"]]
    result = render_report(cohort, items, RenderSettings.from_plain(payload["settings"]),
                           write=False)
    return {"status": "ok", "files": [[path.name, data] for path, data in result.files],
            "warnings": [d.as_dict(lang) for d in result.warnings]}


def extract_one(payload: PlainDict, lang: str) -> PlainDict:
    from generator.documents.figures import extract

    data, warnings = extract(Path(payload["spec"]), str(payload["display"]),
                             str(payload.get("lang") or "id"),
                             strict=bool(payload.get("strict")),
                             framework=payload.get("framework"),
                             progress=payload.get("progress"))
    return {"status": "ok", "data": data, "warnings": [d.as_dict(lang) for d in warnings]}


# --- process set-up -------------------------------------------------------------------------

def _memory() -> PlainDict:
    """Peak and current resident memory of this process, in bytes."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak = peak if sys.platform == "darwin" else peak * 1024
    current = peak
    with contextlib.suppress(OSError, ValueError, IndexError), open(
            "/proc/self/statm", encoding="ascii") as handle:
        current = int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    return {"peak_rss": peak, "rss": current}


def _redirect_output(log: str | None) -> None:
    """Stray prints and a crash report (faulthandler) go to a log the parent can read."""
    if log:
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.close(fd)
    faulthandler.enable(file=sys.stderr)
    if TRACE_SIGNAL is not None:
        faulthandler.register(TRACE_SIGNAL, file=sys.stderr, all_threads=False)


def _die_with_parent(parent: int) -> None:
    """A worker never outlives the batch (kill -9 of the parent included)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        if TRACE_SIGNAL is not None:  # the stack the parent asks for is the main thread's
            signal.pthread_sigmask(signal.SIG_BLOCK, {TRACE_SIGNAL})
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _limit_memory(mebibytes: int) -> None:
    """Cap the address space, so a runaway spec raises MemoryError instead of exhausting the
    machine (POSIX only; 0 = no limit)."""
    if mebibytes <= 0:
        return
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        limit = mebibytes * 1024 * 1024
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


# --- the test hook --------------------------------------------------------------------------

class _Unpicklable(Exception):
    def __init__(self) -> None:
        super().__init__("an exception that cannot be pickled")
        self.callback = lambda: None


def _inject_fault(spec: str) -> None:
    raw = os.environ.get(FAULTS_ENV)
    if not raw:
        return
    path = Path(spec).as_posix()
    for item in raw.split(","):
        fault, _, suffix = item.strip().partition(":")
        if not suffix or not path.endswith(suffix):
            continue
        if fault == "hang":
            while True:
                time.sleep(3600)
        elif fault == "busy":
            while True:
                pass
        elif fault == "exit":
            os._exit(3)
        elif fault == "segv":
            import ctypes

            ctypes.string_at(0)
        elif fault == "memory":
            raise MemoryError
        elif fault == "unpicklable":
            raise _Unpicklable
        elif fault == "exit-once":
            marker = Path(spec + ".fault-once")
            if not marker.exists():
                marker.touch()
                os._exit(3)
