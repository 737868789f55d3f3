"""`masterplan validate` timing: the complete example, and 100 copies of it in one call.

Run:  python benchmarks/bench_validate.py [--runs 5] [--copies 100] [--inproc-runs 20]
      (any checkout: the children run `python -m generator` of this checkout with the
      interpreter that runs the benchmark)

Each measurement is a fresh `masterplan validate` process (imports included, as a user
sees it); medians of --runs runs; peak memory is the child's maximum resident set size.
The in-process cost per spec (load + validate, no imports) is reported too: the median CPU
time (`time.process_time`, steadier than wall time on a shared machine) of --inproc-runs
runs after warm-up, with the load and the validation apart. Target: under 150 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_batch import as_installed

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "examples/kabupaten-banyuwangi/masterplan.yaml"
sys.path.insert(0, str(ROOT))


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    as_installed()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--inproc-runs", type=int, default=20)
    args = parser.parse_args()
    exe = [sys.executable, "-m", "generator"]
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])

    from generator.spec.load import load_spec
    from generator.spec.validate import validate

    for _ in range(3):  # warm caches (schema, validator, Markdown parser)
        validate(load_spec(SPEC))
    loads, checks = [], []
    for _ in range(args.inproc_runs):
        start = time.process_time()
        doc = load_spec(SPEC)
        loaded = time.process_time()
        validate(doc)
        loads.append(loaded - start)
        checks.append(time.process_time() - loaded)
    inproc = [load + check for load, check in zip(loads, checks, strict=True)]

    with tempfile.TemporaryDirectory() as folder:
        copies = []
        for i in range(args.copies):
            target = Path(folder) / f"copy-{i:03d}"
            shutil.copytree(SPEC.parent, target)  # with the pictures the spec names
            copies.append(str(target / SPEC.name))
        one = [timed([*exe, "validate", str(SPEC)]) for _ in range(args.runs)]
        many = [timed([*exe, "validate", *copies]) for _ in range(args.runs)]
        bare = [timed([sys.executable, "-c", "pass"]) for _ in range(args.runs)]

    size = SPEC.stat().st_size / 1024
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, python "
          f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f}; "
          f"runs={args.runs}, in-process runs={args.inproc_runs} (medians)")
    print(f"spec: {SPEC.relative_to(ROOT)} ({size:.0f} KiB)")
    print(f"in-process load+validate, one spec:   {statistics.median(inproc) * 1000:8.1f} ms CPU"
          f"   (load {statistics.median(loads) * 1000:.1f}, validate "
          f"{statistics.median(checks) * 1000:.1f})")
    print(f"`masterplan validate` one spec:        {statistics.median(t for t, _ in one):8.2f} s"
          f"   peak RSS {max(m for _, m in one):.0f} MiB")
    print(f"`masterplan validate` {args.copies} copies:     "
          f"{statistics.median(t for t, _ in many):8.2f} s   peak RSS "
          f"{max(m for _, m in many):.0f} MiB")
    print(f"peer: bare `python -c pass`:           {statistics.median(t for t, _ in bare):8.2f} s")


if __name__ == "__main__":
    main()
