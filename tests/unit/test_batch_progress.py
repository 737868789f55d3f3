"""Batch progress on stderr: a bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import io

from generator.batch.progress import RENDER_PHASE, Progress, clock


def test_plain_lines_without_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(3, stream, interactive=False, lang="en")
    progress.set_phase("render")
    progress.skip(1)
    progress.finished("ok", "35.07 Malang", 1.25)
    progress.finished("failed", "bad.yaml", 0.1, "bad.yaml:3:5: oops")
    progress.close()
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("[2/3] ok        35.07 Malang (1.3 s) · 0 failed · 1 skipped")
    assert lines[1].startswith("[3/3] FAILED    bad.yaml (0.1 s): bad.yaml:3:5: oops · 1 failed")
    assert "\r" not in stream.getvalue() and "ETA" in lines[0]


def test_a_bar_redrawn_in_place_on_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(4, stream, interactive=True, lang="en")
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


def test_progress_speaks_indonesian_by_default() -> None:
    stream = io.StringIO()
    progress = Progress(3, stream, interactive=False)
    progress.set_phase("check")
    progress.set_phase(RENDER_PHASE)
    progress.skip(1)
    progress.finished("ok", "35.07 Malang", 1.25)
    progress.finished("timeout", "lambat.yaml", 300.0, "lambat.yaml: dihentikan")
    progress.close()
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("[2/3] ok          35.07 Malang (1,3 dtk) · 0 gagal"
                               " · 1 tidak berubah · 00:")
    assert " berlalu · sisa " in lines[0]
    assert lines[1].startswith("[3/3] WAKTU HABIS lambat.yaml: lambat.yaml: dihentikan · 1 gagal")


def test_the_bar_names_the_phase_in_the_language() -> None:
    for lang, words in (("id", "memeriksa spec"), ("en", "checking specs")):
        stream = io.StringIO()
        progress = Progress(2, stream, interactive=True, lang=lang)
        progress.set_phase("check")
        assert words in stream.getvalue()


def test_disabled_progress_writes_nothing() -> None:
    stream = io.StringIO()
    progress = Progress(1, stream, enabled=False)
    progress.finished("failed", "x", 0.0, "boom")
    progress.line("hello")
    assert stream.getvalue() == ""


def test_clock() -> None:
    assert clock(0) == "00:00" and clock(61.4) == "01:01" and clock(3725) == "1:02:05"
