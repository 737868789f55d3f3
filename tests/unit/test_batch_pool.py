"""The worker pool: a spec that crashes, hangs or raises costs nothing but its own result.

The workers run real `extract` tasks (load, validate, model: no WeasyPrint, so this stays
fast) and misbehave through the test hook `MASTERPLAN_TEST_FAULTS`, which a worker reads from
its environment only.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from helpers import REPO, position_of

from generator.batch.pool import Outcome, PoolConfig, Task, WorkerPool
from generator.batch.worker import FAULTS_ENV, run_task

MINIMAL = (REPO / "examples" / "minimal" / "masterplan.yaml").read_text(encoding="utf-8")


def spec(folder: Path, name: str, code: str = "35.07", text: str = MINIMAL) -> Path:
    path = folder / name / "masterplan.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text.replace('code: "35.07"', f'code: "{code}"'), encoding="utf-8")
    return path


def task(path: Path) -> Task:
    return Task(path.parent.name, "extract", {"spec": str(path), "display": path.parent.name,
                                              "lang": "en"})


def run(tasks: list[Task], config: PoolConfig,
        stop_after_failure: bool = False) -> tuple[dict[str, Outcome], list[Task], WorkerPool]:
    outcomes: dict[str, Outcome] = {}

    def done(outcome: Outcome) -> bool:
        outcomes[outcome.task.key] = outcome
        return not (stop_after_failure and outcome.status != "ok")

    with WorkerPool(config) as pool:
        left = pool.run(tasks, done)
    return outcomes, left, pool


def test_crashes_hangs_and_exceptions_cost_only_their_own_spec(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = ["ok1", "segv", "ok2", "exit", "hang", "busy", "memory", "unpicklable", "flaky",
             "ok3"]
    paths = [spec(tmp_path, name) for name in names]
    monkeypatch.setenv(FAULTS_ENV, ",".join(
        f"{fault}:{fault}/masterplan.yaml" for fault in
        ("segv", "exit", "hang", "busy", "memory", "unpicklable")) +
        ",exit-once:flaky/masterplan.yaml")
    started = time.monotonic()
    outcomes, left, pool = run([task(p) for p in paths],
                               PoolConfig(jobs=3, timeout=4, messages_lang="en"))
    assert left == [] and set(outcomes) == set(names)
    status = {name: outcome.status for name, outcome in outcomes.items()}
    assert status == {"ok1": "ok", "ok2": "ok", "ok3": "ok", "flaky": "ok",
                      "segv": "crashed", "exit": "crashed", "hang": "timeout",
                      "busy": "timeout", "memory": "failed", "unpicklable": "failed"}
    for name in ("ok1", "ok2", "ok3", "flaky"):
        assert outcomes[name].reply["data"]["region"]["code"] == "35.07"
    assert outcomes["flaky"].task.attempts == 2  # crashed once, retried alone, then fine
    assert outcomes["segv"].task.attempts == 2
    segv = outcomes["segv"].errors[0]["message"]
    assert "SIGSEGV" in segv and "Fatal Python error" in segv  # the worker's own last words
    assert "exit code 3" in outcomes["exit"].errors[0]["message"]
    assert outcomes["hang"].errors[0]["code"] == "batch.timeout"
    assert outcomes["memory"].errors[0]["code"] == "batch.out_of_memory"
    assert "_Unpicklable" in outcomes["unpicklable"].errors[0]["message"]
    assert time.monotonic() - started < 40
    assert pool.peak_rss > 0


def test_failing_specs_report_positions_as_plain_data(tmp_path: Path) -> None:
    bad = spec(tmp_path, "bad", text=MINIMAL.replace("amount: 500000000", "amount: 500.000"))
    outcomes, _left, _pool = run([task(bad)], PoolConfig(jobs=1, timeout=30))
    [error] = outcomes["bad"].errors
    assert error["code"] == "schema.type" and error["file"] == "bad"
    line, col = position_of(MINIMAL, "amount: 500000000")
    assert (error["line"], error["col"]) == (line, col + len("amount: "))


def test_stopping_the_schedule_leaves_the_rest_unstarted(tmp_path: Path) -> None:
    bad = spec(tmp_path, "bad", text=MINIMAL.replace("region:", "regio:"))
    good = [spec(tmp_path, f"ok{i}") for i in range(3)]
    outcomes, left, _pool = run([task(bad), *map(task, good)], PoolConfig(jobs=1, timeout=30),
                                stop_after_failure=True)
    assert list(outcomes) == ["bad"] and [t.key for t in left] == ["ok0", "ok1", "ok2"]


def test_workers_are_gone_after_the_pool(tmp_path: Path) -> None:
    path = spec(tmp_path, "ok")
    pids: list[int] = []

    with WorkerPool(PoolConfig(jobs=2, timeout=30)) as pool:
        pool.run([task(path)], lambda outcome: pids.append(outcome.reply["pid"]) is None)
    assert pids
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_a_task_never_raises_even_for_nonsense() -> None:
    reply = run_task({"kind": "extract", "payload": {"spec": "/nonexistent/x.yaml",
                                                      "display": "x.yaml"}})
    assert reply["status"] == "failed" and reply["errors"][0]["code"] == "file.not_found"
    reply = run_task({"kind": "nonsense", "payload": {}})
    assert reply["status"] == "failed"
    reply = run_task({"kind": "render", "payload": {"display": "y"}})  # no spec at all
    assert reply["status"] == "failed" and reply["errors"][0]["code"] == "batch.internal"


def test_a_render_that_overruns_leaves_its_stack_for_the_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker writes its Python stack to its log shortly before its time is up (the
    parent asks, with `TRACE_SIGNAL`); the outcome carries it, and `isolated` reads where
    the render was from it."""
    from generator.batch.isolated import _dumped_frames
    from generator.settings import RenderSettings

    path = spec(tmp_path, "hang")
    monkeypatch.setenv(FAULTS_ENV, "hang:hang/masterplan.yaml")
    hang = Task("hang", "render-spec", {
        "spec": str(path), "display": "hang", "trace_after": 1.0,
        "settings": RenderSettings(formats=("html",), outdir=tmp_path / "out").to_plain()})
    outcomes, _left, _pool = run([hang], PoolConfig(jobs=1, timeout=2.5, retries=0))
    outcome = outcomes["hang"]
    assert outcome.status == "timeout"
    trace = outcome.reply["trace"]
    assert "Stack (most recent call first):" in trace  # faulthandler's dump, on the signal
    assert " in _inject_fault" in trace and " in run_task" in trace  # where the task was
    worker = str(REPO / "generator" / "batch" / "worker.py")
    assert worker in {file for file, _line in _dumped_frames(trace)}


# A worker's start (`_redirect_output`), then a stack that changes as fast as WeasyPrint's
# does while it lays out pages.
_FAST_STACK = """
import sys, time
from generator.batch.worker import _redirect_output
_redirect_output(sys.argv[1])
print("ready", flush=True)
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)
end = time.monotonic() + 60
while time.monotonic() < end and not open(sys.argv[2] + ".stop").read(1):
    for _ in range(100):
        down(200)
"""


def test_asking_for_the_stack_never_crashes_a_busy_worker(tmp_path: Path) -> None:
    """Before, `faulthandler.dump_traceback_later` wrote the stack from a watchdog thread
    while the render went on: a render stopped in WeasyPrint's layout once died of SIGSEGV
    instead of being reported as over its time (the same dump every millisecond crashed
    WeasyPrint within seconds). The stack is now written by the interrupted thread itself;
    two thousand requests in two seconds leave the worker running."""
    import signal
    import subprocess
    import sys

    from generator.batch.worker import TRACE_SIGNAL

    if TRACE_SIGNAL is None:
        pytest.skip("no SIGUSR2 on this platform")
    log, stop = tmp_path / "worker.log", tmp_path / "flag"
    Path(f"{stop}.stop").write_text("", encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", _FAST_STACK, str(log), str(stop)],
                             env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        started = time.monotonic()
        while "ready" not in (log.read_text(encoding="utf-8") if log.exists() else ""):
            assert child.poll() is None and time.monotonic() - started < 60
            time.sleep(0.05)
        for _ in range(2000):
            os.kill(child.pid, TRACE_SIGNAL)
            time.sleep(0.001)
        assert child.poll() is None, f"the worker died: {child.returncode}"
        Path(f"{stop}.stop").write_text("x", encoding="utf-8")
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            child.wait()
    text = log.read_text(encoding="utf-8")
    assert text.count("Stack (most recent call first):") > 1000  # signals may merge
    assert text.count(" in down\n") > 100_000  # caught deep in the recursion


def test_a_system_error_in_a_worker_is_the_users_to_fix() -> None:
    """A full disk under WeasyPrint's temporary fonts is not an internal error."""
    import errno

    from generator.batch.worker import failure

    reply = failure(OSError(errno.ENOSPC, "No space left on device", "/tmp/f/Carlito.ttf"),
                    "spec.yaml", "en")
    assert reply["error"] == {"type": "error", "exit_code": 1, "message": (
        "the system refused /tmp/f/Carlito.ttf: the disk is full; free some space and run "
        "again")}
    assert reply["errors"][0]["code"] == "batch.error"
    reply = failure(OSError(errno.EFBIG, "File too large"), "spec.yaml", "id")
    assert reply["error"]["message"].startswith("sistem menolak ?: berkas melebihi ukuran")
