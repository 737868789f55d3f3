"""generator.output: atomic writes, stale temporaries, and the reproducible clock."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from generator.errors import OutputError, UsageError
from generator.output import (
    FALLBACK_DATE,
    TEMP_PREFIX,
    atomic_write,
    clean_stale_temporaries,
    source_date_epoch,
    write_files,
)

REPO = Path(__file__).resolve().parents[2]


def temporaries(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith(TEMP_PREFIX))


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env,
                          capture_output=True, text=True, timeout=60, check=False)


# atomic_write ---------------------------------------------------------------------------

def test_atomic_write_creates_parent_folders_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out" / "2026" / "3204.pdf"
    atomic_write(target, b"%PDF-1.7 first")
    assert target.read_bytes() == b"%PDF-1.7 first"
    assert temporaries(target.parent) == []


def test_atomic_write_replaces_existing_content(tmp_path: Path) -> None:
    target = tmp_path / "3204.docx"
    target.write_bytes(b"old content that is longer than the new one")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert temporaries(tmp_path) == []


def test_atomic_write_gives_the_mode_open_would_give(tmp_path: Path) -> None:
    if not hasattr(os, "fchmod"):
        pytest.skip("POSIX permissions only")
    result = run_python(f"""
        import os, stat
        from pathlib import Path
        from generator.output import atomic_write
        os.umask(0o027)
        path = Path({str(tmp_path / "mode.pdf")!r})
        atomic_write(path, b"x")
        print(oct(stat.S_IMODE(path.stat().st_mode)))
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == oct(0o640)


def test_failure_while_writing_keeps_old_file_and_removes_temporary(tmp_path: Path) -> None:
    """A real write error half-way: the file-size limit makes write() fail with EFBIG."""
    if sys.platform == "win32":
        pytest.skip("needs RLIMIT_FSIZE")
    target = tmp_path / "3204.pdf"
    target.write_bytes(b"the good old PDF")
    result = run_python(f"""
        import resource, signal
        from pathlib import Path
        from generator.errors import OutputError
        from generator.output import atomic_write
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        try:
            atomic_write(Path({str(target)!r}), b"x" * 100_000)
        except OutputError as error:
            print("failed:", error.error.errno, error.describe("en"))
        else:
            print("written")
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"failed: {errno.EFBIG} cannot write {target}: ")
    assert target.read_bytes() == b"the good old PDF"
    assert temporaries(tmp_path) == []


def test_process_killed_mid_write_keeps_old_file(tmp_path: Path) -> None:
    """The kernel kills the writer (SIGXFSZ) in the middle of write(): no cleanup code runs.

    The old file must survive, and the leftover temporary is what
    clean_stale_temporaries is for.
    """
    if sys.platform == "win32":
        pytest.skip("needs RLIMIT_FSIZE")
    target = tmp_path / "3204.pdf"
    target.write_bytes(b"the good old PDF")
    result = run_python(f"""
        import resource, signal
        from pathlib import Path
        from generator.output import atomic_write
        signal.signal(signal.SIGXFSZ, signal.SIG_DFL)  # Python ignores it by default
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        atomic_write(Path({str(target)!r}), b"x" * 100_000)
    """)
    assert result.returncode == -signal.SIGXFSZ
    assert target.read_bytes() == b"the good old PDF"
    leftovers = temporaries(tmp_path)
    assert len(leftovers) == 1
    assert (tmp_path / leftovers[0]).stat().st_size <= 4096
    assert clean_stale_temporaries(tmp_path) == 1
    assert temporaries(tmp_path) == []
    assert target.read_bytes() == b"the good old PDF"


def test_a_folder_in_the_way_keeps_it_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "3204.pdf"
    target.mkdir()  # os.replace cannot put a file over a folder
    (target / "keep.txt").write_text("still here", encoding="utf-8")
    with pytest.raises(OutputError, match="a folder of this name is in the way") as caught:
        atomic_write(target, b"new")
    assert caught.value.path == target
    assert (target / "keep.txt").read_text(encoding="utf-8") == "still here"
    assert temporaries(tmp_path) == []


# write_files: a set of files, all or none ------------------------------------------------

def test_write_files_writes_every_file(tmp_path: Path) -> None:
    files = [(tmp_path / "out" / f"3204.{ext}", ext.encode() * 10) for ext in ("pdf", "html")]
    write_files(files)
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == {
        "3204.pdf": b"pdf" * 10, "3204.html": b"html" * 10}


def test_a_disk_that_fills_up_half_way_leaves_the_previous_set(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second file meets a full disk: the first is not written either."""
    outdir = tmp_path / "out"
    outdir.mkdir()
    (outdir / "3204.pdf").write_bytes(b"old pdf")
    written: list[int] = []
    real_write = os.write

    def write(fd: int, data: bytes | memoryview) -> int:
        if written:  # the first file went through; then the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(fd)
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    with pytest.raises(OutputError) as caught:
        write_files([(outdir / "3204.html", b"new html"), (outdir / "3204.pdf", b"new pdf")])
    monkeypatch.undo()
    assert caught.value.path == outdir / "3204.pdf"
    assert caught.value.describe("en") == (
        f"cannot write {outdir / '3204.pdf'}: the disk is full; free some space and run again")
    assert caught.value.describe("id").startswith(f"tidak dapat menulis {outdir / '3204.pdf'}: "
                                                  "disk penuh")
    assert sorted(os.listdir(outdir)) == ["3204.pdf"]
    assert (outdir / "3204.pdf").read_bytes() == b"old pdf"


def test_a_rename_that_fails_puts_the_previous_files_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.pdf").write_bytes(b"old a")
    real_replace = os.replace
    replaced: list[str] = []

    def replace(source: str, target: str | Path) -> None:
        if Path(target).name == "c.pdf":
            raise OSError(errno.EIO, "Input/output error")
        replaced.append(Path(target).name)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OutputError, match="Input/output error"):
        write_files([(tmp_path / name, b"new") for name in ("a.pdf", "b.pdf", "c.pdf")])
    monkeypatch.undo()
    assert replaced == ["a.pdf", "b.pdf", "a.pdf"]  # a.pdf was put back after c.pdf failed
    assert sorted(os.listdir(tmp_path)) == ["a.pdf"]  # b.pdf was new: removed again
    assert (tmp_path / "a.pdf").read_bytes() == b"old a"  # a.pdf: the previous content


def test_an_output_folder_under_a_file_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        write_files([(tmp_path / "file" / "out" / "3204.pdf", b"x")])
    assert caught.value.describe("en") == (
        f"cannot create the folder {tmp_path / 'file' / 'out'}: part of the path is a file,"
        " not a folder")


# clean_stale_temporaries ------------------------------------------------------------------

def test_clean_removes_only_our_temporary_files(tmp_path: Path) -> None:
    (tmp_path / f"{TEMP_PREFIX}abc.tmp").write_bytes(b"partial")
    (tmp_path / f"{TEMP_PREFIX}def").write_bytes(b"partial")
    (tmp_path / "3204.pdf").write_bytes(b"good")
    (tmp_path / "masterplan-tmp-no-dot").write_bytes(b"not ours")
    (tmp_path / f"{TEMP_PREFIX}folder").mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("keep", encoding="utf-8")
    (tmp_path / f"{TEMP_PREFIX}link").symlink_to(outside)

    assert clean_stale_temporaries(tmp_path) == 2

    assert sorted(os.listdir(tmp_path)) == sorted([
        "3204.pdf", "masterplan-tmp-no-dot", f"{TEMP_PREFIX}folder", f"{TEMP_PREFIX}link",
        "outside.txt"])
    assert outside.read_text(encoding="utf-8") == "keep"


def test_clean_spares_young_temporaries_when_asked(tmp_path: Path) -> None:
    old = tmp_path / f"{TEMP_PREFIX}old.tmp"
    young = tmp_path / f"{TEMP_PREFIX}young.tmp"
    old.write_bytes(b"")
    young.write_bytes(b"")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    assert clean_stale_temporaries(tmp_path, older_than=600) == 1
    assert not old.exists()
    assert young.exists()


def test_clean_missing_folder_is_nothing_to_do(tmp_path: Path) -> None:
    assert clean_stale_temporaries(tmp_path / "never-created") == 0


# source_date_epoch ------------------------------------------------------------------------

def test_environment_wins_over_the_spec_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772323200")
    result = source_date_epoch(datetime(2020, 5, 17, tzinfo=UTC))
    assert result == datetime(2026, 3, 1, tzinfo=UTC)
    assert result.tzinfo is UTC


def test_spec_date_without_timezone_is_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    result = source_date_epoch(datetime(2026, 3, 1, 8, 30, 15, 999))
    assert result == datetime(2026, 3, 1, 8, 30, 15, tzinfo=UTC)
    assert result.tzinfo is UTC


def test_spec_date_in_another_timezone_is_converted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    jakarta = timezone(timedelta(hours=7))
    result = source_date_epoch(datetime(2026, 3, 1, 7, 0, tzinfo=jakarta))
    assert result == datetime(2026, 3, 1, 0, 0, tzinfo=UTC)
    assert result.utcoffset() == timedelta(0)


def test_fallback_is_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert source_date_epoch(None) == FALLBACK_DATE == datetime(2000, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("raw", ["", "abc", "-5", "1.5", "1_000", "+5", "٣", "9" * 30])
def test_malformed_environment_is_a_usage_error(
        monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", raw)
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH"):
        source_date_epoch(None)


# --- output names ----------------------------------------------------------------------------

def test_output_names_are_keyed_on_the_code_and_cut_long_names_at_a_word() -> None:
    from generator.documents.naming import SLUG_LIMIT, output_stem, slug

    region = {"code": "35.10", "type": "kabupaten", "name": "Banyuwangi"}
    assert output_stem(region, 2017, "masterplan") == \
        "3510-kabupaten-banyuwangi-2017-masterplan"
    assert slug("Kepulauan Siau Tagulandang Biaro") == "kepulauan-siau-tagulandang-biaro"
    assert slug("Tojo Una-Una") == "tojo-una-una" and slug("???") == "daerah"
    long_name = " ".join(f"Nama{i}" for i in range(60))  # 400 characters: 255 bytes at most
    cut = slug(long_name)
    assert len(cut) <= SLUG_LIMIT and long_name.lower().replace(" ", "-").startswith(cut + "-")
    assert len(slug("x" * 300)) == SLUG_LIMIT  # no word boundary: cut anyway
    stem = output_stem({**region, "name": long_name}, 2017, "readiness")
    assert len(f"{stem}.docx".encode()) < 100
