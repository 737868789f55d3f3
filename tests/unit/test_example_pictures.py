"""The Sleman example's pictures are the ones scripts/make_example_pictures.py draws.

The map, the organisation chart and the placeholder emblem are generated, not hand-edited:
drawing them again gives the committed bytes, and the spec accepts them (SVGs that refer to
no other file, a PNG logo with a transparent background, not a coat of arms).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PIL import Image

from generator.spec.svg import check_svg

REPO = Path(__file__).resolve().parents[2]
SLEMAN = REPO / "examples" / "kabupaten-sleman"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "make_example_pictures", REPO / "scripts" / "make_example_pictures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_sleman_pictures_are_what_the_script_draws(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str],
                                                       ) -> None:
    drawn = _script().sleman_pictures(tmp_path)
    assert [p.name for p in drawn] == ["peta-skematis.svg", "logo.png",
                                       "struktur-organisasi.svg"]
    for path in drawn:
        assert path.read_bytes() == (SLEMAN / path.name).read_bytes(), path.name
    assert "peta-skematis.svg" in capsys.readouterr().out


def test_the_sleman_map_shows_the_17_kapanewon_and_says_it_is_schematic() -> None:
    text = (SLEMAN / "peta-skematis.svg").read_text(encoding="utf-8")
    width, height = check_svg(text.encode("utf-8"))  # no reference to another file
    assert width > height > 0
    script = _script()
    assert len(script.KAPANEWON) == 17
    assert text.count('<polygon class="cell"') == 17
    for name in script.KAPANEWON:
        assert f">{name}</text>" in text
    for words in ("Gunung Merapi", "Kota", "Yogyakarta", "Keterangan", ">U<",
                  "Skematis, bukan peta resmi"):
        assert words in text


def test_the_sleman_logo_is_a_transparent_placeholder() -> None:
    with Image.open(SLEMAN / "logo.png") as logo:
        assert logo.format == "PNG" and logo.mode == "RGBA"
        assert logo.getpixel((0, 0))[3] == 0  # transparent corner: no white box on the cover
