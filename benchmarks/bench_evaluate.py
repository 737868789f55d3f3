"""`masterplan evaluate` against rendering the summary document, in the same run.

Run from the repository root:

    .venv/bin/python benchmarks/bench_evaluate.py [--runs 5] [--spec examples/...yaml]

Each measure is the median wall-clock time of --runs child processes (start-up included,
as a user runs them), the commands taking turns so that both see the same machine load:

- the peer: `masterplan render SPEC --document summary -f pdf`;
- `masterplan evaluate SPEC PROGRESS... ` with its default formats (pdf and the xlsx
  workbook), and with `-f pdf` only (the same format as the peer).

PROGRESS is every `progress/*.yaml` beside the spec (two years for the complete example).
Peak memory is each child's maximum resident set size, from GNU time (`/usr/bin/time`).
The goal of issue 18: the evaluation pack within 1.2× the summary (exit code 1 if not).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from bench_batch import machine
from bench_docx import run_child

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SPEC = REPO / "examples" / "kabupaten-banyuwangi" / "masterplan.yaml"
GOAL = 1.2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    args = parser.parse_args(argv)
    progress = sorted((args.spec.parent / "progress").glob("*.yaml"))
    if not progress:
        raise SystemExit(f"no progress/*.yaml beside {args.spec}")
    script = Path(sys.executable).with_name("masterplan")
    masterplan = [str(script)] if script.is_file() else [sys.executable, "-m", "generator"]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        commands = {
            "render --document summary -f pdf": [
                *masterplan, "render", str(args.spec), "--document", "summary", "-f", "pdf",
                "-o", str(out / "summary")],
            "evaluate (pdf,xlsx: the default)": [
                *masterplan, "evaluate", str(args.spec), *map(str, progress), "-o",
                str(out / "evaluate")],
            "evaluate -f pdf": [
                *masterplan, "evaluate", str(args.spec), *map(str, progress), "-f", "pdf",
                "-o", str(out / "evaluate-pdf")],
        }
        for command in commands.values():  # warm-up: the page cache, compiled bytecode
            run_child(command)
        times: dict[str, list[float]] = {name: [] for name in commands}
        peaks: dict[str, int] = dict.fromkeys(commands, 0)
        for _ in range(args.runs):
            for name, command in commands.items():
                seconds, peak = run_child(command)
                times[name].append(seconds)
                peaks[name] = max(peaks[name], peak)
    medians = {name: statistics.median(values) for name, values in times.items()}
    peer = medians["render --document summary -f pdf"]
    name = args.spec.relative_to(REPO) if args.spec.is_relative_to(REPO) else args.spec
    print(f"`masterplan evaluate` on {name} with {len(progress)} progress files, median of "
          f"{args.runs} runs each (child processes, taking turns)")
    print(f"machine: {machine()}")
    print()
    print("| command                          | median s | × summary | peak RSS MiB |")
    print("|----------------------------------|---------:|----------:|-------------:|")
    for label, seconds in medians.items():
        print(f"| {label:32} | {seconds:8.2f} | {seconds / peer:9.2f} |"
              f" {peaks[label] / 1024:12.0f} |")
    ratio = medians["evaluate (pdf,xlsx: the default)"] / peer
    print()
    print(f"evaluate / summary: {ratio:.2f}× (goal ≤ {GOAL}×)")
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
