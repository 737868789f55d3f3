"""One render in a process of its own, stopped from outside when it takes too long or asks
for too much memory.

A consultant's templates and stylesheet (`--template-dir`) are code we do not control. Inside
our own process nothing bounds them: a time limit by signal (`generator.render.html`) only
interrupts Python between two bytecodes, so one huge integer operation runs on; nothing caps
memory; and WeasyPrint laying out a pathological stylesheet (a tiny ``@page``, words broken
at every letter) is one long computation of its own. So `render`, `report` and `watch` run
every render that uses a template folder in a worker of the batch's `WorkerPool` (one
worker): its address space is capped (`RenderSettings.memory_limit`, MiB), and it is killed
when it overruns `RenderSettings.timeout` seconds per document. The worker hands back the
bytes of the files and this process writes them (`generator.output.write_files`), so a
render that is stopped leaves nothing behind, and what it made is byte for byte what the
same render in-process makes.

Renders with only the built-in templates stay in-process: the templates are ours, and what a
spec can make them do is bounded by its validation (sizes, nesting, lengths), so they pay
for no second interpreter.

Shortly before the limit the worker writes its Python stack to its log (`faulthandler`);
the message then says whether the time went into a template of the folder (which one) or
into WeasyPrint's layout with the folder's stylesheet.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.batch.pool import Outcome, PoolConfig, Task, WorkerPool
from generator.errors import (
    Diagnostic,
    InternalError,
    LimitError,
    MasterplanError,
    RenderError,
    SpecError,
)
from generator.i18n.numbers import message_number
from generator.pipeline import RenderResult, preload_modules
from generator.settings import RenderSettings

# What names the files of a template folder in a message: at most this many
_FILES_NAMED = 6
_FRAME = re.compile(r'^\s*File "(?P<file>.+)", line (?P<line>\d+) in ', re.MULTILINE)


def isolated(settings: RenderSettings) -> bool:
    """Whether a render with `settings` runs in a process of its own (see the module doc)."""
    return settings.user_templates


class IsolatedRenderer:
    """A worker process for the renders of one command (`watch` keeps it for all of its
    renders); use as a context manager."""

    def __init__(self, settings: RenderSettings, *, preload: Sequence[str] = (),
                 one_shot: bool = True) -> None:
        self.settings, self.one_shot = settings, one_shot
        self.seconds = settings.timeout * max(1, len(settings.documents))
        self.pool = WorkerPool(PoolConfig(
            jobs=1, timeout=self.seconds, retries=0,
            preload=[*preload_modules(settings), *preload],
            memory_limit=settings.memory_limit, messages_lang=settings.messages_lang))

    def __enter__(self) -> IsolatedRenderer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.pool.close(ask=False)  # it wrote nothing: no need to wait for its exit

    def render_spec(self, spec: Path, settings: RenderSettings) -> RenderResult:
        """`generator.pipeline.render_spec` in the worker; the files written here."""
        _check_folder(settings)
        return self._run(settings, Task("render", "render-spec", {
            "spec": str(spec), "display": str(spec), "settings": settings.to_plain(),
            "settle_heap": self.one_shot, "pause_collector": self.one_shot}))

    def render_report(self, cohort: Any, items: Sequence[Any],
                      settings: RenderSettings) -> RenderResult:
        """`generator.pipeline.render_report` in the worker; the files written here.
        `cohort` and `items` as `generator.documents.report.CohortInfo`, `CohortItem`."""
        _check_folder(settings)
        return self._run(settings, Task("report", "render-report", {
            "display": "report", "settings": settings.to_plain(),
            "cohort": {"year": cohort.year, "track": cohort.track, "title": cohort.title},
            "items": [{"display": item.source.display, "data": item.data,
                       "status": item.status, "first_error": item.first_error}
                      for item in items]}))

    def _run(self, settings: RenderSettings, task: Task) -> RenderResult:
        from generator.output import write_files

        # the stack as late as can be: the parent kills on the second
        task.payload["trace_after"] = self.seconds - min(0.5, self.seconds / 10)
        outcomes: list[Outcome] = []

        def finished(outcome: Outcome) -> bool:
            outcomes.append(outcome)
            return True

        self.pool.run([task], finished)
        (outcome,) = outcomes
        if outcome.status != "ok":
            raise _error(outcome, settings, self.seconds)
        files = [(settings.outdir / str(name), bytes(data))
                 for name, data in outcome.reply["files"]]
        write_files(files)
        return RenderResult(outputs=[path for path, _ in files],
                            warnings=[Diagnostic.from_plain(item)
                                      for item in outcome.reply.get("warnings", [])],
                            pages=dict(outcome.reply.get("pages", {})))


def render_spec(spec: Path, settings: RenderSettings) -> RenderResult:
    """One spec's documents in a worker of their own (the `render` command)."""
    with IsolatedRenderer(settings) as renderer:
        return renderer.render_spec(spec, settings)


def render_report(cohort: Any, items: Sequence[Any], settings: RenderSettings) -> RenderResult:
    """The cohort report in a worker of its own (the `report` command)."""
    with IsolatedRenderer(settings, preload=["generator.documents.report"]) as renderer:
        return renderer.render_report(cohort, items, settings)


class _ChildError(MasterplanError):
    """An error the worker reported, as the command line prints it."""

    def __init__(self, message: str, exit_code: int) -> None:
        self.exit_code = exit_code
        super().__init__(message)


def _check_folder(settings: RenderSettings) -> None:
    folder = settings.template_dir
    if folder is not None and not folder.is_dir():  # said before a process is started
        raise RenderError(f"--template-dir {folder}: not a folder")


def _error(outcome: Outcome, settings: RenderSettings, seconds: float) -> MasterplanError:
    """The error this process raises for a render that failed in the worker."""
    reply = outcome.reply
    if outcome.status == "timeout":
        return LimitError("limit.timeout", seconds=message_number(seconds),
                          where=_where(_dumped_frames(reply.get("trace", "")), settings,
                                       code_lines=True))
    if outcome.status == "crashed":
        limit = (f"; --memory-limit {settings.memory_limit} MiB"
                 if settings.memory_limit else "")
        return LimitError("limit.crashed", how=f"{reply.get('how', '?')}{limit}",
                          where=_where(_dumped_frames(reply.get("trace", "")), settings,
                                       code_lines=True))
    error: dict[str, Any] = reply.get("error") or {}
    kind = error.get("type")
    if kind == "spec":
        return SpecError([Diagnostic.from_plain(item) for item in
                          [*reply.get("errors", []), *reply.get("warnings", [])]])
    if kind == "memory":
        frames = [(str(file), int(line)) for file, line in error.get("frames", [])]
        where = _where(frames, settings)
        if not settings.memory_limit:
            return LimitError("limit.no_memory", where=where)
        return LimitError("limit.memory", limit=settings.memory_limit, where=where)
    if kind == "error":
        return _ChildError(str(error.get("message", "")), int(error.get("exit_code", 1)))
    if kind == "internal":
        frames = [(str(file), int(line)) for file, line in error.get("frames", [])]
        where = _where(frames, settings)
        if where and where[1] == "limit.in_layout":
            # WeasyPrint gave up on the consultant's stylesheet (an assertion of its layout
            # on pages too small for a box): theirs to change, not a fault of ours
            return LimitError("limit.failed", error=_library_error(error, frames),
                              where=where)
    first = (reply.get("errors") or [{}])[0]
    return InternalError(str(error.get("message") or first.get("message") or "render failed"),
                         str(error.get("detail") or first.get("detail") or ""))


def _library_error(error: dict[str, Any], frames: list[tuple[str, int]]) -> str:
    """``WeasyPrint: AssertionError in layout/page.py:717``: what failed, and where in the
    library (the innermost of its frames)."""
    name = str(error.get("message", "")).partition(":")[0] or "error"
    marker = f"{os.sep}weasyprint{os.sep}"
    for file, line in frames:
        if marker in file:
            return f"WeasyPrint: {name}, {file.rpartition(marker)[2]}:{line}"
    return f"WeasyPrint: {name}"


def _dumped_frames(trace: str) -> list[tuple[str, int]]:
    """(file, line) of every frame of the worker's last stack dump, innermost first (for a
    template, the line of its compiled Python code)."""
    from generator.batch.worker import TASK_MARK

    last = trace.rfind(TASK_MARK)
    return [(match["file"], int(match["line"]))
            for match in _FRAME.finditer(trace[last if last >= 0 else 0:])]


def _where(frames: list[tuple[str, int]], settings: RenderSettings, *,
           code_lines: bool = False) -> Any:
    """The message parameter that says where the render was, naming the folder's files.
    `code_lines`: the lines of template frames are those of their compiled code."""
    folder = settings.template_dir
    if folder is None:
        return ""
    root = folder.resolve()
    files = ("@msg", "limit.user_files", {"folder": str(folder),
                                          "files": _user_files(root)})
    for file, line in frames:  # innermost first
        if Path(file).is_relative_to(root):
            if code_lines:
                line = _template_line(folder, Path(file).relative_to(root), line)
            return ("@msg", "limit.in_template",
                    {"file": f"{file}:{line}" if line else file, "files": files})
    sheet = root / "style.css"
    if sheet.is_file() and any(f"{os.sep}weasyprint{os.sep}" in file for file, _ in frames):
        return ("@msg", "limit.in_layout", {"file": str(sheet), "files": files})
    return files


def _template_line(folder: Path, name: Path, code_line: int) -> int:
    """The template line of a line of its compiled code (0 when unknown): compiled here
    again, the same way (a consultant's environment evaluates nothing while compiling)."""
    from generator.render.html import make_environment

    try:
        template = make_environment(folder).get_template(name.as_posix())
        return int(template.get_corresponding_lineno(code_line))
    except Exception:  # only a detail of a message
        return 0


def _user_files(root: Path) -> str:
    names = sorted(path.relative_to(root).as_posix() for path in root.rglob("*")
                   if path.is_file() and not path.name.startswith("."))
    shown = ", ".join(names[:_FILES_NAMED])
    return shown + (f", … (+{len(names) - _FILES_NAMED})" if len(names) > _FILES_NAMED else "")
