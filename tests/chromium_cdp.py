"""Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`).

No websocket and no browser-automation package: Chromium reads commands from its file
descriptor 3 and writes answers and events to its descriptor 4, each message one JSON
object ended by a NUL byte. A small Python moves our two pipe ends to those numbers and execs
Chromium, so no `preexec_fn` runs in a process that has threads.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


class ProtocolError(RuntimeError):
    """Chromium answered a command with an error, or closed the pipe, or took too long."""


class Browser:
    """One headless Chromium with one page; `evaluate` runs JavaScript in it."""

    def __init__(self, chromium: str, profile: Path, *, width: int = 1280,
                 height: int = 900, timeout: float = 60) -> None:
        self.timeout = timeout
        profile.mkdir(parents=True, exist_ok=True)
        self.log = profile.parent / f"{profile.name}.log"
        self._log = self.log.open("wb")
        to_chrome_read, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_write = os.pipe()
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                   "--no-first-run", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--disable-extensions",
                   f"--user-data-dir={profile}", f"--window-size={width},{height}",
                   "--remote-debugging-pipe", "about:blank"]
        # Chromium's descriptors 3 and 4 are ours: a small Python moves them there and
        # becomes Chromium (no preexec_fn: the test process has threads).
        # (Both are first copied above 9, so neither can overwrite the other on its way.)
        mover = ("import fcntl, os, sys; r, w = (fcntl.fcntl(int(fd), fcntl.F_DUPFD, 10) "
                 "for fd in sys.argv[1:3]); os.dup2(r, 3); os.dup2(w, 4); "
                 "os.execv(sys.argv[3], sys.argv[3:])")
        self._process = subprocess.Popen(
            [sys.executable, "-c", mover, str(to_chrome_read), str(from_chrome_write),
             *command],
            pass_fds=(to_chrome_read, from_chrome_write), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=self._log)
        os.close(to_chrome_read)
        os.close(from_chrome_write)
        self._buffer = b""
        self._next_id = 0
        self.session = ""
        try:
            target = self.send("Target.createTarget", url="about:blank")["targetId"]
            self.session = self.send("Target.attachToTarget", targetId=target,
                                     flatten=True)["sessionId"]
            self.send("Page.enable")
            self.send("Runtime.enable")
        except (ProtocolError, OSError) as error:
            self.close()
            raise ProtocolError(f"Chromium did not start: {error}; see {self.log}") from None

    # --- the protocol -----------------------------------------------------------------------

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command (to the page once attached) and wait for its answer."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        answer = self._wait(lambda m: m.get("id") == self._next_id)
        if "error" in answer:
            raise ProtocolError(f"{method}: {answer['error']}")
        result: dict[str, Any] = answer.get("result", {})
        return result

    def _wait(self, wanted: Any) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                message: dict[str, Any] = json.loads(raw)
                if wanted(message):
                    return message
            left = deadline - time.monotonic()
            if left <= 0:
                raise ProtocolError(f"no answer from Chromium in {self.timeout} s")
            ready, _, _ = select.select([self._from_chrome], [], [], left)
            if ready:
                chunk = os.read(self._from_chrome, 1 << 20)
                if not chunk:
                    raise ProtocolError("Chromium closed the pipe")
                self._buffer += chunk

    # --- what a test does -------------------------------------------------------------------

    def open(self, url: str) -> None:
        """Load `url` and wait for its load event."""
        self.send("Page.navigate", url=url)
        self._wait(lambda m: m.get("method") == "Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (a promise is awaited), as JSON data."""
        result = self.send("Runtime.evaluate", expression=expression, awaitPromise=True,
                           returnByValue=True)
        if "exceptionDetails" in result:
            raise ProtocolError(json.dumps(result["exceptionDetails"])[:2000])
        return result["result"].get("value")

    def close(self) -> None:
        try:
            self.session = ""
            self.send("Browser.close")
        except (ProtocolError, OSError):
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._log.close()
        os.close(self._to_chrome)
        os.close(self._from_chrome)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
