"""What a render in a process of its own costs: `render -f pdf --template-dir DIR`, in-process
against isolated (`generator.batch.isolated`), measured in the same run.

Run:  .venv/bin/python benchmarks/bench_isolation.py [SPEC] [--runs 5]
Default SPEC: examples/kabupaten-banyuwangi/masterplan.yaml; DIR holds a copy of the built-in
templates/style.css (so the documents are the built-in ones, made through a template folder).

Both variants run the whole command in a fresh process, as a user runs it: the isolated one
is the installed `masterplan` script as it is (its worker process re-imports that script,
then preloads the renderer); the in-process one is the same script with the isolation
switched off. Runs alternate (A B B A ...) so that a change in the machine's load reaches
both; medians of --runs runs each. The wall time and the CPU time of the whole process tree
are reported, and the files of the two variants are compared byte for byte.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_batch import as_installed

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).with_name("masterplan")
# The installed script with the isolation switched off (the render runs in-process).
IN_PROCESS = """
import sys
import generator.batch.isolated as isolated
isolated.isolated = lambda settings: False
from generator.cli import main
sys.argv[0] = "masterplan"
sys.exit(main())
"""


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the whole process tree) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    as_installed()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", nargs="?", type=Path,
                        default=ROOT / "examples/kabupaten-banyuwangi/masterplan.yaml")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    with tempfile.TemporaryDirectory(prefix="bench-isolation-") as temp:
        brand = Path(temp) / "brand"
        brand.mkdir()
        shutil.copy(ROOT / "templates" / "style.css", brand / "style.css")
        variants = {
            "in-process": [sys.executable, "-c", IN_PROCESS],
            "isolated": [str(SCRIPT)] if SCRIPT.is_file() else [
                sys.executable, "-m", "generator"],
        }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
        order = list(variants)
        for number in range(args.runs):
            for name in order if number % 2 == 0 else reversed(order):
                outdir = Path(temp) / name
                command = [*variants[name], "render", str(args.spec), "-f", "pdf", "-o",
                           str(outdir), "--template-dir", str(brand)]
                times[name].append(run(command, env))
        files = {name: {p.name: p.read_bytes() for p in (Path(temp) / name).iterdir()}
                 for name in variants}

    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.2f}; Python {platform.python_version()}")
    print(f"spec: {args.spec.relative_to(ROOT) if args.spec.is_relative_to(ROOT) else args.spec}"
          f"; render -f pdf --template-dir (a copy of style.css); {args.runs} runs each")
    medians = {}
    for name, samples in times.items():
        wall = statistics.median(w for w, _ in samples)
        cpu = statistics.median(c for _, c in samples)
        medians[name] = (wall, cpu)
        runs = ", ".join(f"{w:.2f}" for w, _ in samples)
        print(f"  {name:10} wall {wall:6.2f} s  cpu {cpu:6.2f} s   (wall of each run: {runs})")
    (wall_in, cpu_in), (wall_iso, cpu_iso) = medians["in-process"], medians["isolated"]
    wall_pct, cpu_pct = (wall_iso / wall_in - 1) * 100, (cpu_iso / cpu_in - 1) * 100
    print(f"  overhead   wall {wall_iso - wall_in:+6.2f} s ({wall_pct:+.1f} %)"
          f"  cpu {cpu_iso - cpu_in:+6.2f} s ({cpu_pct:+.1f} %)")
    same = files["in-process"] == files["isolated"]
    print(f"  files: {', '.join(sorted(files['isolated']))}: "
          f"{'byte-identical' if same else 'DIFFERENT'}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
