"""The only place that writes output files, and the clock every output is stamped with.

A write goes to a temporary file in the target's own folder, is flushed to disk, then
renamed over the target in one step: a run that is killed half-way leaves the previous
good file (plus, at worst, a hidden temporary that `clean_stale_temporaries` removes),
never a truncated one. `write_files` does the same for a set of files (one document in
every format), all or none. What the system refuses (a full disk, a read-only folder, a
folder in the way) is an `OutputError` that names the path: the user's to fix.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import tempfile
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from generator.errors import OutputError, UsageError

TEMP_PREFIX = ".masterplan-tmp-"
# The suffix matches the `*.tmp` pattern of .gitignore, so a leftover is never committed.
TEMP_SUFFIX = ".tmp"

#: The date stamped on outputs when neither SOURCE_DATE_EPOCH nor the spec gives one.
FALLBACK_DATE = datetime(2000, 1, 1, tzinfo=UTC)

_umask_lock = threading.Lock()


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once, creating its folder if needed.

    On any failure (including KeyboardInterrupt) the temporary file is removed, the
    previous content of ``path`` is left untouched, and the exception propagates; a
    refusal of the system (a full disk, a read-only folder, a folder in the way) is an
    `OutputError` naming ``path``.
    """
    write_files([(path, data)])


def write_files(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write a set of files (one document in every format) all together or not at all.

    Every file first goes to a temporary in its own folder, flushed to disk; if one of
    them cannot be written, the temporaries are removed and no target is touched. Then
    each temporary is renamed over its target, while a hard link keeps the target's
    previous content; if a rename fails, the previous files come back (a file that did not
    exist before is removed). A run killed half-way leaves only ``.masterplan-tmp-*``
    files, which `clean_stale_temporaries` removes.
    """
    folders = list(dict.fromkeys(path.parent for path, _ in files))
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(folder, error, action="create") from None
    for path, _ in files:
        if path.is_dir():  # checked first: nothing is written when one name is taken
            raise OutputError(path, IsADirectoryError(errno.EISDIR, "Is a directory"))
    temporaries: list[tuple[Path, str]] = []
    try:
        for path, data in files:
            temporaries.append((path, _write_temporary(path, data)))
    except BaseException:
        for _path, temp_name in temporaries:
            _remove(temp_name)
        raise
    _replace_all(temporaries)
    for folder in folders:
        _fsync_folder(folder)


def _write_temporary(path: Path, data: bytes) -> str:
    """`data` in a new temporary file next to `path`, on disk; its name."""
    try:
        fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX,
                                         dir=path.parent)
    except OSError as error:
        raise OutputError(path, error) from None
    try:
        if hasattr(os, "fchmod"):  # POSIX only
            # mkstemp creates the file 0600; give it the mode open() would have given.
            os.fchmod(fd, 0o666 & ~_current_umask())
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    except BaseException as error:
        os.close(fd)
        _remove(temp_name)
        if isinstance(error, OSError):
            raise OutputError(path, error) from None
        raise
    os.close(fd)
    return temp_name


def _replace_all(temporaries: list[tuple[Path, str]]) -> None:
    """Rename every temporary over its target; on a failure put the previous files back."""
    backups: list[tuple[Path, str | None]] = []
    done: list[tuple[Path, str | None]] = []
    try:
        for path, _temp_name in temporaries:
            backups.append((path, _keep_previous(path)))
        for (path, temp_name), (_path, backup) in zip(temporaries, backups, strict=True):
            try:
                os.replace(temp_name, path)
            except OSError as error:
                raise OutputError(path, error) from None
            done.append((path, backup))
    except BaseException:
        for path, backup in reversed(done):
            with contextlib.suppress(OSError):
                if backup is not None:
                    os.replace(backup, path)
                else:
                    os.unlink(path)
        for _path, temp_name in temporaries:
            _remove(temp_name)
        for _path, backup in backups:
            if backup is not None:
                _remove(backup)
        raise
    for _path, backup in backups:
        if backup is not None:
            _remove(backup)


def _keep_previous(path: Path) -> str | None:
    """A hard link to the file at `path` (None: no file there, or no hard links here)."""
    if not path.is_file() or path.is_symlink():
        return None
    backup = str(path.parent / f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}")
    try:
        os.link(path, backup)
    except OSError:
        return None
    return backup


def _remove(name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(name)


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
