"""The wheel carries templates/, schemas/ and fonts, and works outside the source tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(ROOT)], check=True, capture_output=True)
    (path,) = out.glob("masterplan-*.whl")
    return path


def test_wheel_contains_templates_schemas_and_fonts(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in (ROOT / "templates").rglob("*"):
        if template.is_file():
            relative = template.relative_to(ROOT / "templates").as_posix()
            assert f"generator/_data/templates/{relative}" in names
    assert "generator/_data/schemas/masterplan.schema.json" in names
    assert "generator/fonts/Carlito-Regular.ttf" in names
    assert "generator/fonts/OFL.txt" in names
    entry_points = zipfile.ZipFile(wheel).read(
        next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "masterplan = generator.cli:main" in entry_points


def test_unpacked_wheel_validates_and_renders_outside_the_source_tree(
        wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    work = tmp_path / "work"
    work.mkdir()
    run = subprocess.run([sys.executable, "-c",
                          "import generator.resources as r; print(r.templates_dir());"
                          "print(r.schemas_dir())"],
                         cwd=work, env=env, check=True, capture_output=True, text=True)
    assert run.stdout.splitlines() == [str(site / "generator/_data/templates"),
                                       str(site / "generator/_data/schemas")]
    schema = subprocess.run([sys.executable, "-m", "generator", "schema"], cwd=work, env=env,
                            check=True, capture_output=True, text=True)
    assert json.loads(schema.stdout)["title"] == "Smart-city masterplan"
    spec = ROOT / "examples/minimal/masterplan.yaml"
    subprocess.run([sys.executable, "-m", "generator", "render", str(spec), "-f", "html",
                    "-o", str(work / "out")], cwd=work, env=env, check=True,
                   capture_output=True)
    (html,) = (work / "out").glob("*.html")
    assert "Gambaran Umum Daerah" in html.read_text(encoding="utf-8")
