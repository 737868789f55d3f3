"""The starter progress file of a kota names its head's instruments (`Peraturan Wali Kota`,
`Keputusan Wali Kota`) and its region as written (`Kota Makassar`), a kabupaten its
Bupati's."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.spec.load import load_spec_text
from generator.spec.model import build_model
from generator.spec.progress_starter import starter_progress

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize(("example", "year", "head", "region"), [
    ("kota-makassar", 2028, "Wali Kota", "Kota Makassar"),
    ("kabupaten-sleman", 2027, "Bupati", "Kabupaten Sleman"),
])
def test_starter_names_the_regions_instruments(example: str, year: int, head: str,
                                                region: str) -> None:
    spec = EXAMPLES / example / "masterplan.yaml"
    plan = build_model(load_spec_text(spec.read_text("utf-8"), spec, str(spec)))
    text = starter_progress(plan, spec, year, spec.parent / "progress" / f"{year}.yaml")
    assert f"masterplan smart city {region}." in text.splitlines()[0]
    assert f'regulation: {{kind: "Peraturan {head}"' in text
    assert f'council: {{kind: "Keputusan {head}"' in text
    assert f'team: {{kind: "Keputusan {head}"' in text
    other = "Bupati" if head == "Wali Kota" else "Wali Kota"
    assert other not in text


def test_the_check_it_names_runs_from_the_specs_folder(tmp_path: Path) -> None:
    """`masterplan evaluate masterplan.yaml progress/2028.yaml`, typed in the spec's folder,
    finds both files."""
    import shutil

    from helpers import run_cli

    folder = tmp_path / "makassar"
    shutil.copytree(EXAMPLES / "kota-makassar", folder, ignore=shutil.ignore_patterns("progress"))
    spec = folder / "masterplan.yaml"
    plan = build_model(load_spec_text(spec.read_text("utf-8"), spec, str(spec)))
    target = folder / "progress" / "2028.yaml"
    target.parent.mkdir()
    target.write_text(starter_progress(plan, spec, 2028, target), encoding="utf-8")
    command = next(line for line in target.read_text("utf-8").splitlines()
                   if "masterplan evaluate" in line)
    assert "`masterplan evaluate masterplan.yaml progress/2028.yaml`" in command
    result = run_cli("evaluate", spec, target, "-f", "html", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
