"""The weights of the evaluation's five aspects: data, per year, not code.

A table (`evaluation-weights.yaml` bundled beside this module, or the user's own with
`masterplan evaluate --weights FILE`) gives per year of evaluation the percent weight of
Baseline, Output, Outcome, Impact and Quick Win; the index is their weighted mean of the
aspect scores (1-4). A year without a row takes the latest earlier row. A row that does
not add up to 100 is a positioned error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Diagnostic, SpecError
from generator.spec.load import SpecDocument, load_spec
from generator.spec.progress_schema import ASPECTS
from generator.spec.schema import Schema, number, obj, text
from generator.spec.validate import Collector, schema_errors, translate_schema_error

BUNDLED = Path(__file__).with_name("evaluation-weights.yaml")
WEIGHTS_SCHEMA_ID = "urn:masterplan:weights:1"


@dataclass(frozen=True)
class Weights:
    """The aspects' weights of one year of evaluation (percent), and where they come from."""

    year: int
    weights: dict[str, float]
    source: str
    file: str

    def index(self, scores: dict[str, float]) -> float:
        """The weighted mean of the five aspect scores."""
        return sum(self.weights[key] * scores[key] for key in ASPECTS) / 100


@dataclass(frozen=True)
class WeightTable:
    doc: SpecDocument
    rows: dict[int, Weights]

    def for_year(self, year: int) -> Weights:
        """The row of `year`, else the latest earlier one (positioned error if none)."""
        earlier = [y for y in self.rows if y <= year]
        if not earlier:
            raise SpecError([Diagnostic(self.doc.span(("years",)), "error", "years",
                                        "weights.no_year", {"year": year})])
        return self.rows[max(earlier)]


def build_weights_schema() -> Schema:
    weight = number("Weight", "Bobot dalam persen.", "Weight in percent.", 20) | {
        "minimum": 0, "maximum": 100}
    row = obj("Year", "Bobot satu tahun evaluasi.", "The weights of one year of evaluation.",
              {**{key: weight for key in ASPECTS},
               "source": text("Source", "Asal bobot.", "Where the weights come from.",
                              "Inferred from published results", maxLength=2000)},
              list(ASPECTS))
    years = obj("Years", "Bobot per tahun evaluasi.", "Weights per year of evaluation.", {},
                minProperties=1, propertyNames={"pattern": r"^20[0-9]{2}$"},
                additionalProperties=row)
    root = obj("Weights", "Bobot aspek evaluasi smart city per tahun.",
               "Weights of the smart-city evaluation's aspects per year.", {
                   "weights_version": {"const": 1, "title": "Format version",
                                       "description": "Versi format; selalu 1.",
                                       "x-description-en": "Format version; always 1."},
                   "years": years}, ["weights_version", "years"])
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": WEIGHTS_SCHEMA_ID} | root


def load_weights(path: Path | None = None) -> WeightTable:
    """A weight table (the bundled one when `path` is None); SpecError when unusable."""
    doc = load_spec(path or BUNDLED, str(path) if path else "evaluation-weights.yaml")
    out = Collector(doc)
    for error in schema_errors("weights", build_weights_schema, doc.data):
        translate_schema_error(error, doc, out)
    rows: dict[int, Weights] = {}
    if not out.items:
        for key, row in doc.data["years"].items():
            total = sum(row[aspect] for aspect in ASPECTS)
            if abs(total - 100) > 1e-9:
                out.error(("years", key), "weights.sum", year=key,
                          total=f"{total:g}")
            rows[int(key)] = Weights(int(key), {a: float(row[a]) for a in ASPECTS},
                                     row.get("source", ""), doc.display_name)
    diagnostics = out.results()
    if diagnostics:
        raise SpecError(diagnostics)
    return WeightTable(doc, rows)


def weights_schema_json() -> str:
    return json.dumps(build_weights_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(weights_schema_json())
