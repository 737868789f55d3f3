"""The spec stage: load (YAML → data + positions), validate (schema + rules), model."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from generator.errors import Diagnostic, SpecError
from generator.spec.load import SpecDocument, load_spec
from generator.spec.validate import validate

__all__ = ["SpecDocument", "check_spec", "load_spec", "validate"]


def check_spec(path: Path, display_name: str | None = None, *, strict: bool = False,
               framework: str | Path | None = None, requirements: Collection[str] = ()
               ) -> tuple[SpecDocument, list[Diagnostic]]:
    """Load and validate; raise SpecError (all diagnostics) when the spec cannot be used.

    Returns the document (its `framework` resolved: `framework`, the `--framework` option,
    else the spec's own, else the default) and its warnings when it can. With `strict`,
    warnings fail too. `requirements`: what the documents asked for need
    (`generator.spec.legal`).
    """
    from generator.spec.frameworks import resolve_framework

    doc = load_spec(path, display_name)
    doc.framework = resolve_framework(doc, framework)
    diagnostics = validate(doc, doc.framework, requirements)
    failing = [d for d in diagnostics if d.severity == "error" or strict]
    if failing:
        raise SpecError(diagnostics)
    return doc, diagnostics
