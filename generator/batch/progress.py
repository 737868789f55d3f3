"""Progress of a batch on stderr: a bar redrawn in place on a terminal, plain lines otherwise.

The bar shows done/total, failures, elapsed time and an ETA from the throughput of the specs
rendered so far (skipped specs cost nothing and are not counted in the rate). Without a
terminal (CI logs, `2> log.txt`) every finished spec is one line, and problems are always
printed as lines, so nothing is lost when the bar is redrawn. Its words come from the message
catalogue (`generator.i18n.messages`): Indonesian by default, English with `lang="en"`.
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO

from generator.i18n.messages import message
from generator.i18n.numbers import Formatter

#: What `set_phase` is told while the pool renders: the bar then shows no phase, and the ETA
#: counts from here.
RENDER_PHASE = "render"


def clock(seconds: float) -> str:
    seconds = max(0, int(seconds + 0.5))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, *,
                 enabled: bool = True, interactive: bool | None = None,
                 lang: str = "id") -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.lang = lang
        self.enabled = enabled
        self.tty = self.stream.isatty() if interactive is None else interactive
        self.total = total
        self.done = 0
        self.failed = 0
        self.skipped = 0
        self.started = time.monotonic()
        self._work_started: float | None = None
        self._worked = 0
        self._drawn = False
        self._last_draw = 0.0
        self.phase = ""

    # --- events -----------------------------------------------------------------------------
    def set_phase(self, name: str) -> None:
        """`RENDER_PHASE`, or a phase shown in the bar (`progress.phase.NAME` of the catalogue)."""
        self.phase = name
        if name == RENDER_PHASE and self._work_started is None:
            self._work_started = time.monotonic()
        self.draw(force=True)

    def skip(self, count: int) -> None:
        self.done += count
        self.skipped += count

    def finished(self, status: str, label: str, seconds: float, problem: str = "") -> None:
        """One spec reached its final status (ok, failed, timeout, crashed, cancelled)."""
        self.done += 1
        if status not in ("ok", "skipped"):
            self.failed += 1
        if status != "cancelled" and self.phase == RENDER_PHASE:
            self._worked += 1
        if not self.enabled:
            return
        if status != "ok" or not self.tty:
            word = self._word(status)
            width = max(len(self._word(s)) for s in _STATUSES)
            line = f"[{self.done:>{len(str(self.total))}}/{self.total}] {word:<{width}} {label}"
            if status in ("ok", "failed"):
                shown = Formatter(self.lang).seconds(seconds)
                line += f" ({message('progress.seconds', self.lang, seconds=shown)})"
            if problem:
                line += f": {problem}"
            if not self.tty:
                line += f" · {self._counts()}"
            self.line(line)
        self.draw(force=True)

    def line(self, text: str) -> None:
        if not self.enabled:
            return
        self._clear()
        self.stream.write(text + "\n")
        self.stream.flush()

    def tick(self) -> None:
        self.draw()

    def close(self) -> None:
        if self.enabled and self.tty:
            self._clear()

    # --- drawing ----------------------------------------------------------------------------
    def eta(self) -> float | None:
        if self._work_started is None or self._worked == 0:
            return None
        rate = self._worked / max(1e-6, time.monotonic() - self._work_started)
        return (self.total - self.done) / rate

    def _word(self, status: str) -> str:
        code = f"progress.{status}"
        text = message(code, self.lang)
        return status.upper() if text == code else text

    def _counts(self) -> str:
        eta = self.eta()
        parts = [message("progress.counts_failed", self.lang, count=self.failed)]
        if self.skipped:
            parts.append(message("progress.counts_skipped", self.lang, count=self.skipped))
        parts.append(message("progress.elapsed", self.lang,
                             clock=clock(time.monotonic() - self.started)))
        parts.append(message("progress.eta", self.lang,
                             clock=clock(eta) if eta is not None else "--:--"))
        return " · ".join(parts)

    def draw(self, *, force: bool = False) -> None:
        if not (self.enabled and self.tty):
            return
        now = time.monotonic()
        if not force and now - self._last_draw < 0.2:
            return
        self._last_draw = now
        width = max(40, shutil.get_terminal_size((100, 20)).columns - 1)
        counts = f" {self.done}/{self.total} · {self._counts()}"
        if self.phase and self.phase != RENDER_PHASE:
            counts += f" · {message(f'progress.phase.{self.phase}', self.lang)}"
        bar_width = max(10, min(40, width - len(counts) - 2))
        filled = int(bar_width * self.done / self.total) if self.total else bar_width
        bar = "[" + "#" * filled + "." * (bar_width - filled) + "]"
        self.stream.write("\r" + (bar + counts)[:width] + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def _clear(self) -> None:
        if self.tty and self._drawn:
            self.stream.write("\r\x1b[K")
            self._drawn = False


_STATUSES = ("ok", "failed", "timeout", "crashed", "cancelled")
