"""The only place that writes output files, and the clock every output is stamped with.

A write goes to a temporary file in the target's own folder, is flushed to disk, then
renamed over the target in one step: a run that is killed half-way leaves the previous
good file (plus, at worst, a hidden temporary that `clean_stale_temporaries` removes),
never a truncated one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from generator.errors import UsageError

TEMP_PREFIX = ".masterplan-tmp-"
# The suffix matches the `*.tmp` pattern of .gitignore, so a leftover is never committed.
TEMP_SUFFIX = ".tmp"

#: The date stamped on outputs when neither SOURCE_DATE_EPOCH nor the spec gives one.
FALLBACK_DATE = datetime(2000, 1, 1, tzinfo=UTC)

_umask_lock = threading.Lock()


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once, creating its folder if needed.

    On any failure (including KeyboardInterrupt) the temporary file is removed, the
    previous content of ``path`` is left untouched, and the exception propagates.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    try:
        if hasattr(os, "fchmod"):  # POSIX only
            # mkstemp creates the file 0600; give it the mode open() would have given.
            os.fchmod(fd, 0o666 & ~_current_umask())
        with os.fdopen(fd, "wb") as stream:
            fd = -1  # now owned (and closed) by the stream
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        if fd != -1:
            os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    _fsync_folder(folder)


def clean_stale_temporaries(folder: Path, *, older_than: float = 0.0) -> int:
    """Remove leftover ``.masterplan-tmp-*`` files directly inside ``folder``.

    Returns how many were removed. ``older_than`` (seconds) spares younger temporaries,
    for when another run may be writing into the same folder right now. A missing
    folder has nothing to clean; folders and symbolic links are never touched.
    """
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return 0
    deadline = time.time() - older_than
    removed = 0
    for entry in entries:
        if not entry.name.startswith(TEMP_PREFIX):
            continue
        if not entry.is_file(follow_symlinks=False):
            continue
        if older_than > 0 and entry.stat(follow_symlinks=False).st_mtime > deadline:
            continue
        try:
            os.unlink(entry.path)
        except FileNotFoundError:
            continue  # a concurrent cleaner got there first
        removed += 1
    return removed


def source_date_epoch(default: datetime | None) -> datetime:
    """The date to stamp on outputs, always timezone-aware UTC with whole seconds.

    Order: the ``SOURCE_DATE_EPOCH`` environment variable (reproducible-builds.org),
    else ``default`` (e.g. the spec's document date; a naive value is taken as UTC),
    else `FALLBACK_DATE`. Never the current time: the same input gives the same bytes.
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is not None:
        return _parse_epoch(raw)
    if default is None:
        return FALLBACK_DATE
    if default.tzinfo is None or default.utcoffset() is None:
        default = default.replace(tzinfo=UTC)
    return default.astimezone(UTC).replace(microsecond=0)


def stamp_for(date_text: str | None) -> datetime:
    """`source_date_epoch` for a document dated `YYYY-MM-DD` (anything else: no default)."""
    try:
        default = datetime.fromisoformat(date_text) if date_text else None
    except ValueError:
        default = None
    return source_date_epoch(default)


def _parse_epoch(raw: str) -> datetime:
    text = raw.strip()
    # The spec asks for a plain decimal integer; int() alone would also take "1_000" or "+5".
    if not text.isascii() or not text.isdigit():
        raise UsageError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {raw!r}")
    try:
        return datetime.fromtimestamp(int(text), tz=UTC)
    except (OverflowError, ValueError, OSError) as error:
        raise UsageError(f"SOURCE_DATE_EPOCH is out of range: {raw!r}") from error


def _current_umask() -> int:
    # The only portable way to read the umask is to set it and put it back; the lock
    # keeps two of our own writers from seeing each other's temporary value.
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not possible (nor needed) on every platform."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
