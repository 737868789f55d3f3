"""Batch progress on stderr: a bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import io

from generator.batch.progress import Progress, clock


def test_plain_lines_without_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(3, stream, interactive=False)
    progress.set_phase("render")
    progress.skip(1)
    progress.finished("ok", "35.07 Malang", 1.25)
    progress.finished("failed", "bad.yaml", 0.1, "bad.yaml:3:5: oops")
    progress.close()
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("[2/3] ok        35.07 Malang (1.2 s) · 0 failed · 1 skipped")
    assert lines[1].startswith("[3/3] FAILED    bad.yaml (0.1 s): bad.yaml:3:5: oops · 1 failed")
    assert "\r" not in stream.getvalue() and "ETA" in lines[0]


def test_a_bar_redrawn_in_place_on_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(4, stream, interactive=True)
    progress.set_phase("render")
    progress.finished("ok", "a", 1.0)
    progress.finished("timeout", "b", 5.0, "b: stopped after 5 s")
    progress.close()
    text = stream.getvalue()
    assert "\r[##########" in text and "2/4" in text and "1 failed" in text
    # the failure is a line of its own, the success is only in the bar
    assert "TIMEOUT   b: b: stopped after 5 s\n" in text
    assert "ok        a" not in text
    assert text.endswith("\r\x1b[K")


def test_disabled_progress_writes_nothing() -> None:
    stream = io.StringIO()
    progress = Progress(1, stream, enabled=False)
    progress.finished("failed", "x", 0.0, "boom")
    progress.line("hello")
    assert stream.getvalue() == ""


def test_clock() -> None:
    assert clock(0) == "00:00" and clock(61.4) == "01:01" and clock(3725) == "1:02:05"
