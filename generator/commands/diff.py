"""`masterplan diff`: the change log from one version of a spec to the next, on standard
output (text or JSON), and the change matrix document through the pipeline
(`generator.pipeline.render_revision`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.settings import RenderSettings

if TYPE_CHECKING:
    from generator.documents.revision import RevisionView

LOG_FORMATS = ("text", "json")


def run_diff(old: Path, new: Path, log_format: str | None, settings: RenderSettings) -> None:
    from generator.documents.revision import RevisionView
    from generator.pipeline import check_revision, render_revision

    if log_format is not None:
        revision = check_revision(old, new, strict=settings.strict)
        view = RevisionView(revision, settings.lang or "id")
        if log_format == "json":
            click.echo(json.dumps(change_log(view), ensure_ascii=False, indent=2))
        else:
            click.echo("\n".join(text_lines(view)))
    if settings.formats:
        result = render_revision(old, new, settings)
        for warning in result.warnings:
            click.echo(warning.format(settings.messages_lang), err=True)
        for path in result.outputs:
            click.echo(str(path), err=log_format is not None)


def change_log(view: RevisionView) -> dict[str, object]:
    revision = view.revision
    return {"old": {"file": revision.old.display_name, "version": view.version(revision.old)},
            "new": {"file": revision.new.display_name, "version": view.version(revision.new)},
            "counts": revision.count(),
            "changes": [change.as_dict() for change in revision.changes]}


_MARKS = {"added": "+", "removed": "-", "moved": ">", "changed": "~"}


def text_lines(view: RevisionView) -> list[str]:
    """The change log for a terminal: per chapter, one line per change, its positions, and
    a narrative's changed words as [-removed-] {+added+}."""
    revision = view.revision
    lines = [f"{revision.old.display_name} ({view.version(revision.old)}) → "
             f"{revision.new.display_name} ({view.version(revision.new)})",
             view.count_line()]
    if not revision.changes:
        lines.append(view.t["rv_none"])
    for chapter in view.chapters():
        lines += ["", chapter["title"]]
        for row in chapter["rows"]:
            what = f"{row.item} · {row.field}" if row.field else row.item
            lines.append(f"  {_MARKS[row.kind]} {row.kind_label} · {row.aspect_label}: {what}")
            lines.append(f"      {row.where}" if row.path == row.item
                         else f"      {row.path}   {row.where}")
            if row.words:
                lines.append("      " + "".join(
                    text if op == "equal" else
                    f"[-{text.strip()}-] " if op == "delete" else f"{{+{text.strip()}+}} "
                    for op, text in row.words).strip())
            elif row.kind == "moved":
                lines.append(f"      {row.before} → {row.after}")
            elif row.before or row.after:
                lines.append(f"      {row.before or '–'} → {row.after or '–'}")
    return lines


def split_formats(value: str, documents: Sequence[str]) -> tuple[str | None, tuple[str, ...]]:
    """`text,pdf` → ("text", ("pdf",)): the change log's format and the matrix's."""
    from generator.errors import UsageError
    from generator.settings import parse_list

    items = [item.strip().lower() for item in value.split(",") if item.strip()]
    logs = [item for item in items if item in LOG_FORMATS]
    if len(logs) > 1:
        raise UsageError("choose one of text and json for the change log")
    rest = [item for item in items if item not in LOG_FORMATS]
    formats = parse_list(rest, documents, "format") if rest else ()
    if not logs and not formats:
        raise UsageError("no format given")
    return (logs[0] if logs else None), formats
