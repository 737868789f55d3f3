"""The plain records of a batch: what the main process keeps of each spec, and the whole
run's result. A leaf of `generator.batch`: it imports no other module of the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.batch.cohort import Cohort, SpecSource
from generator.errors import format_plain
from generator.settings import RenderSettings

FAILED_STATUSES = ("failed", "timeout", "crashed", "cancelled")


@dataclass
class BatchOptions:
    """How to render (`settings`, the same for every spec) and how to run the batch."""

    settings: RenderSettings
    jobs: int = 1
    force: bool = False
    fail_fast: bool = False

    @property
    def outdir(self) -> Path:
        return self.settings.outdir

    @property
    def messages_lang(self) -> str:
        return self.settings.messages_lang


@dataclass
class SpecRecord:
    """One spec's line in the summary."""

    source: SpecSource
    status: str = "pending"
    identity: dict[str, Any] | None = None
    outputs: list[str] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    attempts: int = 0
    peak_rss: int = 0
    spec_sha256: str | None = None
    fingerprint: str | None = None
    cached: dict[str, Any] | None = None

    @property
    def label(self) -> str:
        if self.identity:
            return f"{self.identity['code']} {self.identity['name']} ({self.source.display})"
        return self.source.display

    @property
    def failed(self) -> bool:
        return self.status in FAILED_STATUSES


@dataclass
class BatchResult:
    cohort: Cohort
    options: BatchOptions
    records: list[SpecRecord]
    seconds: float = 0.0
    peak_rss: int = 0
    workers_started: int = 0
    interrupted: str | None = None
    state_damaged: bool = False
    #: why the state file could not be written at the end (the system's message), if so
    state_unsaved: str | None = None

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(("ok", "skipped", *FAILED_STATUSES), 0)
        for record in self.records:
            counts[record.status] = counts.get(record.status, 0) + 1
        return counts

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 130 if self.interrupted == "SIGINT" else 143
        return 1 if any(r.failed for r in self.records) else 0


@dataclass
class Extracted:
    """One spec of a cohort as `export` and `report` see it: its figures, or why not."""

    source: SpecSource
    data: dict[str, Any] | None = None
    errors: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    status: str = "ok"

    @property
    def first_error(self) -> str:
        return format_plain(self.errors[0]) if self.errors else self.status
