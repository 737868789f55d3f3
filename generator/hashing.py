"""SHA-256 of files and folders, for fingerprints (the batch's state, the settings)."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

_MAX_HASHED_BYTES = 64 * 1024 * 1024


def sha256_file(path: Path, limit: int = _MAX_HASHED_BYTES) -> str | None:
    """Hash of a regular file's bytes (at most `limit`), None when it is not one.

    `stat` first: opening a FIFO or a device named by a spec would block or never end.
    """
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            remaining = limit
            while remaining > 0:
                chunk = handle.read(min(1 << 20, remaining))
                if not chunk:
                    break
                digest.update(chunk)
                remaining -= len(chunk)
        return digest.hexdigest()
    except OSError:
        return None


def _tree_files(root: Path) -> Iterator[tuple[str, Path]]:
    """(relative name, path) of every regular file below `root`, sorted, no hidden ones."""
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            yield path.relative_to(root).as_posix(), path


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for name, path in _tree_files(root):
        digest.update(name.encode("utf-8") + b"\0")
        digest.update((sha256_file(path) or "-").encode("ascii") + b"\n")
    return digest.hexdigest()
