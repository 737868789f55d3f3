"""Specs far larger than a real masterplan still render: the roadmap chart is split into
parts that each fit a page (one chart of 2,000 programs exceeded the PNG pixel limit of the
DOCX)."""

from __future__ import annotations

import copy
import io
from pathlib import Path

from helpers import REPO
from PIL import Image
from ruamel.yaml import YAML

from generator.documents.charts import ROADMAP_PART, make_charts
from generator.documents.context import build_context
from generator.i18n.labels import labels
from generator.spec import check_spec
from generator.spec.model import build_model

MINIMAL = REPO / "examples" / "minimal" / "masterplan.yaml"
CODES = {"governance": "GOV", "branding": "BRD", "economy": "ECO", "living": "LIV",
         "society": "SOC", "environment": "ENV"}


def spec_with_programs(count: int, folder: Path) -> Path:
    """The minimal example with `count` programs, spread over every sub-dimension."""
    yaml = YAML()
    yaml.representer.ignore_aliases = lambda *_args: True
    data = yaml.load(MINIMAL)
    subs = [(d, s) for d, dim in data["dimensions"].items() for s in dim["sub_dimensions"]]
    models = [p for d, s in subs for p in data["dimensions"][d]["sub_dimensions"][s]["programs"]]
    for d, s in subs:
        data["dimensions"][d]["sub_dimensions"][s]["programs"] = []
    for number in range(count):
        d, s = subs[number % len(subs)]
        program = copy.deepcopy(dict(models[number % len(models)]))
        program.update(id=f"{CODES[d]}-{number + 1:04d}", name=f"Program Nomor {number + 1}")
        data["dimensions"][d]["sub_dimensions"][s]["programs"].append(program)
    for quick_win in data["quick_wins"]:
        quick_win["program"] = "GOV-0001"
    path = folder / "masterplan.yaml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return path


def test_the_roadmap_chart_is_split_into_parts_that_fit_a_page(tmp_path: Path) -> None:
    spec = spec_with_programs(2 * ROADMAP_PART + 7, tmp_path)
    doc, _warnings = check_spec(spec, "masterplan.yaml")
    plan = build_model(doc)
    charts = make_charts(plan, "id", labels("id"), png=True)
    parts = [key for key in charts if key.startswith("roadmap")]
    assert parts == ["roadmap", "roadmap-2", "roadmap-3"]
    assert [charts[k].title for k in parts] == [
        f"Linimasa program per dimensi ({n}/3)" for n in (1, 2, 3)]
    ids = [p.id for p in plan.programs]
    assert charts["roadmap-3"].alt.endswith(f" {ids[2 * ROADMAP_PART]}–{ids[-1]}.")
    for key in parts:  # each part is at most a page tall, far below the DOCX pixel limit
        width, height = Image.open(io.BytesIO(charts[key].png)).size
        assert height <= (0.16 * ROADMAP_PART + 0.9) * 150 + 1 and width * height < 2_000_000
    context = build_context(plan, "id", charts)
    assert [c.key for c in context["roadmap"]["charts"]] == parts


def test_a_plan_of_few_programs_keeps_one_roadmap_chart(tmp_path: Path) -> None:
    plan = build_model(check_spec(spec_with_programs(ROADMAP_PART, tmp_path),
                                  "masterplan.yaml")[0])
    charts = make_charts(plan, "en", labels("en"))
    assert [k for k in charts if k.startswith("roadmap")] == ["roadmap"]
    assert charts["roadmap"].title == "Program timeline per dimension"
