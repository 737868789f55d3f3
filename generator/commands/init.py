"""`masterplan init`: write a starter spec and the schema its modeline points to."""

from __future__ import annotations

import os
from pathlib import Path

import click

from generator.errors import UsageError
from generator.i18n.messages import message
from generator.output import atomic_write
from generator.spec.schema import build_schema, schema_json
from generator.spec.starter import schema_file_name, starter_spec


def run_init(path: Path, *, region_type: str, lang: str, force: bool,
             framework: str | None = None) -> None:
    from generator.spec.frameworks import framework_option

    if path.exists() and not force:
        raise UsageError(message("init.exists", lang, file=str(path)))
    fw = framework_option(framework) if framework else None
    reference = None
    if fw is not None and fw.identity.startswith("sha256:"):  # a file: named relative to the spec
        reference = Path(os.path.relpath(Path(str(framework)).resolve(),
                                         path.parent.resolve())).as_posix()
    atomic_write(path, starter_spec(region_type, lang, path.name, fw, reference).encode("utf-8"))
    schema_path = path.parent / schema_file_name(fw)
    if fw is None:
        text = schema_json().encode("utf-8")
    else:
        import json

        text = (json.dumps(build_schema(fw), ensure_ascii=False, indent=2) + "\n").encode()
    if not schema_path.exists() or schema_path.read_bytes() != text:
        atomic_write(schema_path, text)
    click.echo(message("init.done", lang, file=str(path), schema=str(schema_path)), err=True)
