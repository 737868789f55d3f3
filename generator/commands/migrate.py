"""`masterplan migrate`: a spec moved to another framework, written to a new file."""

from __future__ import annotations

from pathlib import Path

import click

from generator.errors import UsageError
from generator.i18n.messages import message
from generator.output import atomic_write


def run_migrate(spec: Path, *, framework: str, output: Path, lang: str, force: bool) -> int:
    """Write the migrated spec; print the decisions left to a human (warnings) and any
    problem of the new spec; 1 when the new spec has errors (it is written all the same,
    for the human to finish)."""
    from generator.spec.frameworks import framework_option
    from generator.spec.migrate import migrate_spec

    if output.exists() and not force:
        raise UsageError(message("init.exists", lang, file=str(output)))
    if output.resolve() == spec.resolve():
        raise UsageError(message("init.exists", lang, file=str(output)))
    target = framework_option(framework)
    migration = migrate_spec(spec, target, str(output), lang=lang)
    atomic_write(output, migration.text.encode("utf-8"))
    for diagnostic in migration.diagnostics:
        click.echo(diagnostic.format(lang))
    click.echo(message("migrate.done", lang, file=str(output), programs=migration.programs,
                       framework=target.name, decisions=migration.decisions), err=True)
    return 1 if any(d.severity == "error" for d in migration.diagnostics) else 0
