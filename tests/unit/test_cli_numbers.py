"""Numbers in what the commands print and write for people are in the user's language
(`1,2 dtk`, `Rp 1.500.000.000`, `+20,0 pp`; `1.2 s`, `IDR 1,500,000,000`, `+20.0 pp` in
English), values a program reads stay plain; and a CSV has one number format throughout."""

from __future__ import annotations

import csv
import functools
import io
import re
import shutil
from pathlib import Path

import pytest
from helpers import run_cli

from generator.documents.context import build_context
from generator.documents.evaluation import EvaluationBuilder
from generator.i18n.numbers import Formatter
from generator.spec import check_spec
from generator.spec.load import load_spec_text
from generator.spec.model import Masterplan, build_model
from generator.spec.progress import check_progress_files
from generator.spec.weights import load_weights

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
BANYUWANGI = EXAMPLES / "kabupaten-banyuwangi"


@functools.cache
def _plan(name: str) -> Masterplan:
    doc, _ = check_spec(EXAMPLES / name / "masterplan.yaml")
    return build_model(doc)


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", ["+20,0 pp", "0,0 pp", "-14,3 pp", "+0,07", "0,00", "-0,5 pp"]),
    ("en", ["+20.0 pp", "0.0 pp", "-14.3 pp", "+0.07", "0.00", "-0.5 pp"]),
])
def test_a_change_has_a_sign_and_always_its_decimals(lang: str, expected: list[str]) -> None:
    f = Formatter(lang)
    assert [f.change(20, 1, "pp"), f.change(0, 1, "pp"), f.change(-14.28, 1, "pp"),
            f.change(0.07, 2), f.change(-0.001, 2), f.change(-0.5, 1, "pp")] == expected


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_year_on_year_table_has_one_format(lang: str) -> None:
    """Tabel Perubahan Antartahun: every share's change with one decimal and `pp` (never
    `+20 pp` beside `+12,5 pp`), every index's with two, in the document's language."""
    plan = _plan("kabupaten-banyuwangi")
    progresses, _ = check_progress_files(
        [BANYUWANGI / "progress" / "2027.yaml", BANYUWANGI / "progress" / "2028.yaml"],
        plan, BANYUWANGI / "masterplan.yaml")
    builder = EvaluationBuilder(plan, progresses, load_weights(None).for_year(2028), lang,
                                build_context(plan, lang, {}))
    rows = builder.trend()["rows"]
    mark = "," if lang == "id" else r"\."
    points = [r["change"] for r in rows if r["cells"][0].endswith("%") and r["change"] != "-"]
    scores = [r["change"] for r in rows if not r["cells"][0].endswith("%")
              and r["change"] != "-"]
    assert len(points) > 5 and scores
    assert all(re.fullmatch(rf"[+-]?\d+{mark}\d pp", c) for c in points), points
    assert all(re.fullmatch(rf"[+-]?\d+{mark}\d\d", c) for c in scores), scores
    assert ("+20,0 pp" if lang == "id" else "+20.0 pp") in points
    assert ("0,0 pp" if lang == "id" else "0.0 pp") in points
    for row in rows:  # the change is the difference of the figures as printed
        if row["change"] != "-" and row["cells"][0] == row["cells"][1]:
            assert row["change"].lstrip("+-").startswith("0"), row


def test_init_progress_comments_are_in_the_language_and_values_plain(tmp_path: Path) -> None:
    folder = tmp_path / "sleman"
    folder.mkdir()
    spec = folder / "masterplan.yaml"
    shutil.copy(EXAMPLES / "kabupaten-sleman" / "masterplan.yaml", spec)
    for extra in (EXAMPLES / "kabupaten-sleman").glob("*.*"):
        if extra.suffix in (".png", ".svg"):
            shutil.copy(extra, folder / extra.name)
    texts = {}
    for lang in ("id", "en"):
        target = folder / f"{lang}.yaml"
        result = run_cli("init-progress", spec, "2027", "-o", target, "--lang", lang)
        assert result.exit_code == 0, result.stderr
        texts[lang] = target.read_text("utf-8")
        data = load_spec_text(texts[lang], target, target.name).data
        assert data["programs"][0]["budget"][0]["amount"] == 0  # a YAML number
    # a target of 6.3 % and one of 88 (written 88.0 in the spec), the planned rupiah
    assert "target 2027: 6,3 %" in texts["id"] and "target 2027: 6.3 %" in texts["en"]
    assert "target 2027: 88 nilai IKM" in texts["id"] and "88.0" not in texts["id"]
    assert "# rencana 2027: Rp 2.500.000.000" in texts["id"]
    assert "# planned 2027: IDR 2,500,000,000" in texts["en"]
    comments = [line.partition("#")[2] for line in texts["id"].splitlines() if "#" in line]
    assert not [c for c in comments if re.search(r"\d\.\d(?!\d\d)", c)], \
        "an English decimal in an Indonesian comment"


@pytest.mark.parametrize(("lang", "decimal"), [("id", ","), ("en", ".")])
def test_the_csv_has_one_decimal_mark_in_number_and_text_cells(lang: str, decimal: str) -> None:
    """The indicators column is text, but its numbers carry the same decimal mark as the
    number cells beside it (`87,5` in Indonesian, as the absorption `0,875` would be)."""
    result = run_cli("export", EXAMPLES / "kabupaten-sleman", "--no-bom", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    separator = ";" if lang == "id" else ","
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter=separator))
    column = rows[0].index("Indikator" if lang == "id" else "Indicators")
    indicators = " | ".join(row[column] for row in rows[1:])
    assert f"baseline 87{decimal}5 (2026)" in indicators
    other = "." if decimal == "," else ","
    assert not re.search(rf"(baseline|target) \d+\{other}\d", indicators)
    # the watch's seconds: tests/e2e/test_render.py, test_watch_speaks_indonesian_...

