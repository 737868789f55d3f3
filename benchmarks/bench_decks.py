"""The decks and the native DOCX charts, timed on the complete example.

    .venv/bin/python benchmarks/bench_decks.py [--runs 5] [--spec examples/...yaml]
                                               [--baseline OTHER_CHECKOUT]

Two kinds of figures, each the median of --runs runs:

- in one process (warm: imports and fonts loaded): the PPTX writer alone
  (`generator.render.pptx.write_pptx`) on the quick-win document as `render --document
  quickwins -f pptx` hands it over, and that whole render (load, validate, context, deck);
- as a user runs them, each command a child process (`python -m generator`, start-up
  included), wall-clock and CPU seconds (user + system of the child,
  `RUSAGE_CHILDREN`): `render --document quickwins -f pptx` (goal of issue 20: under
  1 s), `render --document summary -f pptx`, and the masterplan DOCX (`render -f docx
  --docx-toc field`) with `--docx-charts native` and with `--docx-charts picture` (goal:
  native no slower than picture).

The child commands take turns (A B C D A B C D ...) so that a change in the machine's load
reaches all of them. With --baseline, each child command runs against that checkout too
(its `generator` on PYTHONPATH), taking turns with this one: before and after in one run.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_batch import as_installed, machine

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_SPEC = REPO / "examples" / "kabupaten-banyuwangi" / "masterplan.yaml"
DECK = "render --document quickwins -f pptx"


def seconds(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run_child(command: list[str], tree: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one child process (`python -m generator` of `tree`), which
    must succeed."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", *command], cwd=tree, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} ({tree}) failed ({done.returncode}):\n"
                         f"{done.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def in_process(spec: Path, runs: int) -> dict[str, list[float]]:
    """The PPTX writer alone and the whole quick-win deck render, warm, in this process."""
    import generator.render.pptx as pptx_module
    from generator.pipeline import render_spec
    from generator.settings import RenderSettings

    captured: dict[str, Any] = {}
    write_pptx = pptx_module.write_pptx

    def capture(document: Any) -> Any:
        captured["document"] = document
        return write_pptx(document)

    with tempfile.TemporaryDirectory() as folder:
        deck = RenderSettings(documents=("quickwins",), formats=("pptx",), outdir=Path(folder))
        pptx_module.write_pptx = capture  # type: ignore[assignment]
        render_spec(spec, deck, write=False)
        pptx_module.write_pptx = write_pptx
        document = captured["document"]
        return {"quick-win deck, PPTX writer": [seconds(lambda: write_pptx(document))
                                                for _ in range(runs)],
                "quick-win deck, whole render": [seconds(lambda: render_spec(
                    spec, deck, write=False)) for _ in range(runs)]}


def main(argv: list[str] | None = None) -> int:
    as_installed()
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--baseline", type=Path, default=None,
                        help="another checkout whose child commands take turns with ours")
    args = parser.parse_args(argv)
    spec = args.spec.resolve()
    trees = {"": REPO} if args.baseline is None else {
        " [baseline]": args.baseline.resolve(), "": REPO}

    warm = in_process(spec, args.runs)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        commands = {
            DECK: ["render", str(spec), "--document", "quickwins", "-f", "pptx"],
            "render --document summary -f pptx": [
                "render", str(spec), "--document", "summary", "-f", "pptx"],
            "render -f docx, native charts": [
                "render", str(spec), "-f", "docx", "--docx-toc", "field",
                "--docx-charts", "native"],
            "render -f docx, picture charts": [
                "render", str(spec), "-f", "docx", "--docx-toc", "field",
                "--docx-charts", "picture"],
        }
        runs = [(name + suffix, [*command, "-o", str(out / f"{number}{suffix}")], tree)
                for number, (name, command) in enumerate(commands.items())
                for suffix, tree in trees.items()]
        for _, command, tree in runs:  # warm-up: the page cache, compiled bytecode
            run_child(command, tree)
        wall: dict[str, list[float]] = {name: [] for name, _, _ in runs}
        cpu: dict[str, list[float]] = {name: [] for name, _, _ in runs}
        for _ in range(args.runs):
            for name, command, tree in runs:
                took, used = run_child(command, tree)
                wall[name].append(took)
                cpu[name].append(used)

    name = spec.relative_to(REPO) if spec.is_relative_to(REPO) else spec
    print(f"decks and native DOCX charts of {name}, median of {args.runs} runs each")
    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.2f} at the end")
    print()
    print("in one process, warm                       | median s |  min s |  max s")
    print("-------------------------------------------|---------:|-------:|------:")
    for label, values in warm.items():
        print(f"{label:42} | {statistics.median(values):8.3f} | {min(values):6.3f} |"
              f" {max(values):6.3f}")
    print()
    print("child processes, taking turns              | wall s (median) | CPU s (median)")
    print("-------------------------------------------|----------------:|---------------:")
    for label in wall:
        print(f"{label:42} | {statistics.median(wall[label]):15.3f} |"
              f" {statistics.median(cpu[label]):14.3f}")
    deck_wall, deck_cpu = statistics.median(wall[DECK]), statistics.median(cpu[DECK])
    native = statistics.median(wall["render -f docx, native charts"])
    picture = statistics.median(wall["render -f docx, picture charts"])
    ok_deck = deck_cpu < 1.0
    ok_docx = native <= picture
    print()
    print(f"quick-win deck under 1 s: {'yes' if ok_deck else 'NO'} (CPU {deck_cpu:.2f} s, "
          f"wall {deck_wall:.2f} s); DOCX native no slower than picture: "
          f"{'yes' if ok_docx else 'NO'} ({native:.2f} s against {picture:.2f} s)")
    return 0 if ok_deck and ok_docx else 1


if __name__ == "__main__":
    raise SystemExit(main())
