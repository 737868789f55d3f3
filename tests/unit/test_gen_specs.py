"""The benchmark's cohort generator: the 514 real regions, each once, and valid specs."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from generator.spec import validate
from generator.spec.load import load_spec
from generator.spec.vocabulary import PROVINCES

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from gen_specs import LATEST_COHORT, generate, make_spec, region_order  # noqa: E402
from regions import REGIONS  # noqa: E402


def test_the_514_kabupaten_and_kota_each_once() -> None:
    codes = [code for code, _, _ in REGIONS]
    assert len(codes) == 514 and len(set(codes)) == 514
    assert Counter(kind for _, kind, _ in REGIONS) == {"kabupaten": 416, "kota": 98}
    for code, kind, name in REGIONS:
        assert re.fullmatch(r"\d\d\.\d\d", code) and code[:2] in PROVINCES
        # Kemendagri numbers kota from 71 up within a province, kabupaten below.
        assert (int(code[3:]) >= 71) == (kind == "kota"), (code, kind)
        assert name == name.strip() and "  " not in name and "." not in name


def test_regions_are_taken_in_a_seeded_order_that_covers_all() -> None:
    assert sorted(region_order(7)) == list(range(514))
    assert region_order(7) != region_order(8)
    first_25 = {REGIONS[i][0][:2] for i in region_order(7)[:25]}
    assert len(first_25) > 10  # a small cohort spreads over the country


def test_beyond_514_a_region_comes_back_with_an_earlier_cohort() -> None:
    base = load_spec(BENCHMARKS.parent / "examples" / "minimal" / "masterplan.yaml").data
    folder, first, _ = make_spec(0, 7, base)
    again, second, _ = make_spec(514, 7, base)
    assert first["region"]["code"] == second["region"]["code"]
    assert (first["cohort"]["year"], second["cohort"]["year"]) == (LATEST_COHORT,
                                                                   LATEST_COHORT - 1)
    assert folder != again


@pytest.mark.parametrize("seed", [7, 11])
def test_generated_specs_are_valid_and_distinct(tmp_path: Path, seed: int) -> None:
    paths = generate(4, tmp_path, seed)
    codes = set()
    for path in paths:
        doc = load_spec(path)
        assert not [d for d in validate(doc) if d.severity == "error"]
        codes.add(doc.data["region"]["code"])
    assert len(codes) == 4
