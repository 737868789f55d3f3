"""One error hierarchy; every problem a user can cause carries a place in a file."""

from __future__ import annotations

import errno
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Severity = Literal["error", "warning"]
#: A diagnostic as plain data (what crosses a process boundary and lands in summary.json):
#: file, line, col (None when unknown), severity, path, code, message (translated); the
#: `NOT_SHOWN` note also has ``not_shown: {errors, warnings}``.
Plain = dict[str, Any]

#: At most this many diagnostics of one file are kept (printed, sent, summarised); a spec with
#: 200,000 unknown keys would otherwise give 50 MB of messages and take minutes to explain.
MAX_DIAGNOSTICS = 200
#: The code of the one note that follows them and counts the rest.
NOT_SHOWN = "diagnostics.not_shown"


@dataclass(frozen=True, order=True)
class SourceSpan:
    """A 1-based position in a file (ruamel's 0-based marks are converted in spec.load)."""

    file: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        if self.line <= 0:  # a whole file (e.g. a --reference-docx), no position inside
            return self.file
        return f"{self.file}:{self.line}:{self.col}"


@dataclass
class Diagnostic:
    """One problem found in a spec: where, how bad, which key, and what.

    The message is kept as a catalogue code plus parameters and translated when shown, so one
    validation run can be printed in Indonesian or English.
    """

    span: SourceSpan
    severity: Severity
    path: str
    code: str
    params: dict[str, object] = field(default_factory=dict)
    #: the message as it was already translated (a diagnostic that crossed a process
    #: boundary as plain data, see `from_plain`); None: translated from `code` when shown
    text: str | None = None

    @classmethod
    def from_plain(cls, item: Plain) -> Diagnostic:
        """A diagnostic back from `as_dict` (or `problem`): same place, path, code and
        message, the message in the language it was translated into."""
        line = int(item.get("line") or 0)
        span = SourceSpan(str(item.get("file") or ""), line, int(item.get("col") or 1))
        severity: Severity = "warning" if item.get("severity") == "warning" else "error"
        return cls(span, severity, str(item.get("path") or ""), str(item.get("code") or ""),
                   text=str(item.get("message") or ""))

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        if self.code == NOT_SHOWN:  # after everything shown of its file, wherever it points
            return (self.span.file, 2**62, 0, 2, "", self.code)
        return (self.span.file, self.span.line, self.span.col,
                0 if self.severity == "error" else 1, self.path, self.code)

    def message(self, lang: str = "id") -> str:
        from generator.i18n.messages import message

        if self.text is not None:
            return self.text
        return message(self.code, lang, **self.params)

    def format(self, lang: str = "id") -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.span}: {self.severity}: {where}{self.message(lang)}"

    def as_dict(self, lang: str = "id") -> Plain:
        """The diagnostic as plain data, its message translated into `lang`."""
        plain = {"file": self.span.file, "line": self.span.line, "col": self.span.col,
                 "severity": self.severity, "path": self.path, "code": self.code,
                 "message": self.message(lang)}
        if self.code == NOT_SHOWN:
            plain["not_shown"] = {"errors": self.params["errors"],
                                  "warnings": self.params["warnings"]}
        return plain


def limit_diagnostics(diagnostics: Iterable[Diagnostic],
                      limit: int = MAX_DIAGNOSTICS) -> list[Diagnostic]:
    """Sorted, and of each file the first `limit` diagnostics and, when there were more, one
    `NOT_SHOWN` note that counts the rest (errors and warnings apart) and points at the first
    of them.

    The note is an error when any error is among the rest, so a capped list fails exactly
    when the whole would. Applying it again changes nothing (notes are merged).
    """
    by_file: dict[str, list[Diagnostic]] = {}
    for item in diagnostics:
        by_file.setdefault(item.span.file, []).append(item)
    return [item for file in sorted(by_file) for item in _limit_file(by_file[file], limit)]


def _limit_file(diagnostics: list[Diagnostic], limit: int) -> list[Diagnostic]:
    hidden = {"error": 0, "warning": 0}
    earlier: Diagnostic | None = None
    items: list[Diagnostic] = []
    for item in diagnostics:
        if item.code == NOT_SHOWN:
            hidden["error"] += int(str(item.params["errors"]))
            hidden["warning"] += int(str(item.params["warnings"]))
            earlier = earlier or item
        else:
            items.append(item)
    items.sort(key=Diagnostic.sort_key)
    for item in items[limit:]:
        hidden[item.severity] += 1
    if not hidden["error"] and not hidden["warning"]:
        return items
    span = items[limit].span if len(items) > limit else earlier.span if earlier else (
        items[-1].span)
    note = Diagnostic(span, "error" if hidden["error"] else "warning", "", NOT_SHOWN,
                      {"count": hidden["error"] + hidden["warning"],
                       "errors": hidden["error"], "warnings": hidden["warning"], "limit": limit})
    return [*items[:limit], note]


def count_diagnostics(diagnostics: Iterable[Diagnostic | Plain]) -> tuple[int, int]:
    """How many errors and warnings there are, those a `NOT_SHOWN` note counts included
    (diagnostics or their plain data)."""
    errors = warnings = 0
    for item in diagnostics:
        severity: object
        code: object
        params: dict[str, object]
        if isinstance(item, Diagnostic):
            severity, code, params = item.severity, item.code, item.params
        else:
            severity, code = item.get("severity"), item.get("code")
            params = item.get("not_shown") or {}
        if code == NOT_SHOWN:
            errors += int(str(params.get("errors", 0)))
            warnings += int(str(params.get("warnings", 0)))
        elif severity == "error":
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def problem(file: str, code: str, lang: str, /, *, at: tuple[int, int] | list[int] | None = None,
            severity: Severity = "error", **params: Any) -> Plain:
    """A problem without a `Diagnostic` behind it (a batch's own findings, a worker's
    failure) as the same plain data; `at` is (line, col) when known. Positional-only, as a
    parameter may itself be called `code`."""
    from generator.i18n.messages import message

    line, col = (at[0], at[1]) if at else (None, None)
    return {"file": file, "line": line, "col": col, "severity": severity, "path": "",
            "code": code, "message": message(code, lang, **params)}


def format_plain(item: Plain) -> str:
    """`file:line:col: path: message` of plain data, the position as far as it is known."""
    if not item:
        return ""
    place = str(item.get("file") or "")
    if item.get("line"):
        place += f":{item['line']}:{item.get('col') or 1}"
    path = f"{item['path']}: " if item.get("path") else ""
    return f"{place}: {path}{item.get('message', '')}" if place else f"{path}{item.get('message')}"


class MasterplanError(Exception):
    """Base of every error the command line reports without a traceback."""

    exit_code = 1

    def describe(self, lang: str = "id") -> str:
        """The message as the command line prints it (after `masterplan: `), in `lang`
        where the error has a translated message."""
        return str(self)


@dataclass
class SpecError(MasterplanError):
    """A spec could not be used: carries every diagnostic found, sorted."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.diagnostics = limit_diagnostics(self.diagnostics)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)


class RenderError(MasterplanError):
    """Rendering failed; the message says where, nothing was written."""

    def __init__(self, message: str, span: SourceSpan | None = None) -> None:
        self.span = span
        super().__init__(f"{span}: error: {message}" if span else message)


class UsageError(MasterplanError):
    """The command was called wrongly (exit code 2)."""

    exit_code = 2


class LocalizedError(MasterplanError):
    """An error whose message is a catalogue entry (`generator.i18n.messages`), translated
    when shown; `span` (if any) is printed before it as for a `RenderError`."""

    def __init__(self, code: str, /, span: SourceSpan | None = None, **params: Any) -> None:
        self.code, self.span, self.params = code, span, params
        super().__init__(self.describe("en"))

    def describe(self, lang: str = "id") -> str:
        from generator.i18n.messages import message

        text = message(self.code, lang, **self.params)
        return f"{self.span}: error: {text}" if self.span else text


class LocalizedUsageError(LocalizedError, UsageError):
    """A usage error (exit code 2) whose message is a catalogue entry."""


class OutputError(LocalizedError):
    """The system refused to create or write a file (a read-only or missing folder, a full
    disk, a folder where the file should go): the user's to fix, so exit code 1 and the
    path, never an internal error."""

    def __init__(self, path: Path | str, error: OSError, *,
                 action: Literal["write", "create", "use"] = "write") -> None:
        self.path, self.error = Path(path), error
        super().__init__(_ACTIONS[action], file=str(path), reason=os_reason(error))


_ACTIONS = {"write": "output.cannot_write", "create": "output.cannot_create",
            "use": "output.refused"}


class LimitError(LocalizedError):
    """A render in its own process reached its time or memory limit, or the process died."""


class InternalError(MasterplanError):
    """An unexpected error in a child process, with its traceback as text (exit code 3)."""

    exit_code = 3

    def __init__(self, message: str, detail: str = "") -> None:
        self.detail = detail
        super().__init__(message)


#: errno → the catalogue entry that says, in plain words, what the user can do about it
_OS_REASONS = {
    errno.ENOSPC: "os.disk_full", errno.EDQUOT: "os.disk_full",
    errno.EFBIG: "os.file_too_large",
    errno.EACCES: "os.permission", errno.EPERM: "os.permission",
    errno.EROFS: "os.read_only",
    errno.EISDIR: "os.is_folder",
    errno.ENOTDIR: "os.not_folder", errno.EEXIST: "os.not_folder",
}
#: errors of the machine (its disk, its permissions), not of our code
ENVIRONMENT_ERRNOS = frozenset({*_OS_REASONS, errno.EIO, errno.EMFILE, errno.ENFILE})


def os_reason(error: OSError) -> tuple[str, str, dict[str, Any]]:
    """A message parameter (`("@msg", code, params)`) saying why the system refused."""
    code = _OS_REASONS.get(error.errno or 0)
    if code is not None:
        return ("@msg", code, {})
    return ("@msg", "os.other", {"detail": error.strerror or str(error)})
