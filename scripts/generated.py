"""The command line of a script that writes a generated file: write it, or (``--check``)
fail when the committed one is stale."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def main(argv: list[str] | None, *, description: str, default: Path,
         make: Callable[[Path], bytes], script: str) -> int:
    """Parse ``[--check] [PATH]``; `make(PATH)` gives what PATH should hold."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("path", nargs="?", type=Path, default=default,
                        help=f"the generated file (default: {default.name})")
    parser.add_argument("--check", action="store_true",
                        help="fail if PATH differs from what the script makes")
    args = parser.parse_args(argv)
    return write_or_check(args.path, make(args.path), check=args.check, script=script)


def write_or_check(path: Path, data: bytes, *, check: bool, script: str) -> int:
    """The exit code: with `check`, 1 if `path` does not hold `data`; else write it."""
    if check:
        current = path.read_bytes() if path.exists() else b""
        if current != data:
            print(f"{path} is stale: run {script}", file=sys.stderr)
            return 1
        print(f"{path} is up to date")
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"wrote {path} ({len(data)} bytes)")
    return 0
