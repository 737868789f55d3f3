"""The spec stage: load (YAML → data + positions), validate (schema + rules), model."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from generator.errors import Diagnostic, SpecError
from generator.spec.load import SpecDocument, load_spec
from generator.spec.validate import validate

__all__ = ["SpecDocument", "check_spec", "load_spec", "validate"]


def check_spec(path: Path, display_name: str | None = None, *,
               strict: bool = False, requirements: Collection[str] = ()
               ) -> tuple[SpecDocument, list[Diagnostic]]:
    """Load and validate; raise SpecError (all diagnostics) when the spec cannot be used.

    Returns the document and its warnings when it can. With `strict`, warnings fail too.
    `requirements`: what the documents asked for need (`generator.spec.legal`).
    """
    doc = load_spec(path, display_name)
    diagnostics = validate(doc, requirements)
    failing = [d for d in diagnostics if d.severity == "error" or strict]
    if failing:
        raise SpecError(diagnostics)
    return doc, diagnostics
