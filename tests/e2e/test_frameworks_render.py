"""Whole books of other frameworks: komdigi-2026 (bundled, a draft) and one made up here,
four dimensions the code has never heard of, rendered with no code change."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest
from helpers import run_cli

from generator.documents import kind_groups

MADE_UP = """\
framework_version: 1
name: uji-empat
title: {id: "Kerangka Uji Empat Pilar", en: "Four-Pillar Test Framework"}
term:
  dimension: {id: Pilar, en: pillar}
  sub_dimension: {id: Sub-pilar, en: sub-pillar}
dimensions:
  data:
    label: {id: Pilar Data Terbuka, en: Open Data Pillar}
    colour: "#0b5563"
    code: DAT
    sub_dimensions:
      portal: {label: {id: Portal Data, en: Data Portal}}
      quality: {label: {id: Mutu Data, en: Data Quality}}
  people:
    label: {id: Pilar Warga Digital, en: Digital Citizens Pillar}
    colour: "#6b2d5c"
    code: PPL
    sub_dimensions:
      skills: {label: {id: Kecakapan Digital, en: Digital Skills}}
      inclusion: {label: {id: Inklusi, en: Inclusion}}
  water:
    label: {id: Pilar Air Bersih, en: Clean Water Pillar}
    colour: "#1d4e89"
    code: AIR
    sub_dimensions:
      supply: {label: {id: Pasokan Air, en: Water Supply}}
      sanitation: {label: {id: Sanitasi, en: Sanitation}}
  heritage:
    label: {id: Pilar Pusaka Budaya, en: Cultural Heritage Pillar}
    colour: "#7a4a00"
    code: PSK
    sub_dimensions:
      sites: {label: {id: Situs Cagar Budaya, en: Heritage Sites}}
      arts: {label: {id: Seni Pertunjukan, en: Performing Arts}}
readiness:
  people:
    label: {id: Orang, en: People}
    aspects:
      staff: {id: Aparatur, en: Staff}
      citizens: {id: Warga, en: Citizens}
  tools:
    label: {id: Sarana, en: Tools}
    aspects:
      network: {id: Jaringan, en: Network}
starter_quick_wins: [data, water, heritage]
labels:
  dimension: {id: Pilar, en: Pillar}
  ch_programs: {id: Strategi dan Program per Pilar, en: Strategies and Programs per Pillar}
"""


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_made_up_framework_renders_a_whole_book(tmp_path: Path) -> None:
    (tmp_path / "uji.yaml").write_text(MADE_UP, "utf-8")
    spec = tmp_path / "masterplan.yaml"
    result = run_cli("init", spec, "--framework", tmp_path / "uji.yaml", "--type", "kota")
    assert result.exit_code == 0, result.output
    assert "framework: \"uji.yaml\"" in spec.read_text("utf-8")
    result = run_cli("validate", spec)
    assert result.exit_code == 0, result.stdout
    out = tmp_path / "out"
    result = run_cli("render", spec, "--document", "all", "-f", "pdf,html,docx", "-o", out)
    assert result.exit_code == 0, result.output
    books = sorted(out.glob("*-masterplan.*"))
    assert [p.suffix for p in books] == [".docx", ".html", ".pdf"]
    # every book kind (`--document all`), three formats
    assert len(list(out.iterdir())) == 3 * len(kind_groups()["all"])
    pdf = _pdf_text(out / books[2].name)
    for label in ("Pilar Data Terbuka", "Pilar Warga Digital", "Pilar Air Bersih",
                  "Pilar Pusaka Budaya", "Strategi dan Program per Pilar", "Sanitasi"):
        assert label in pdf, label
    assert "Smart Governance" not in pdf and "Branding" not in pdf
    html = books[1].read_text("utf-8")
    assert "table.roadmap td.on.dim-heritage { background: #7a4a00; }" in html
    assert "dim-governance" not in html
    text = _docx_text(books[0])
    assert "Pilar Pusaka Budaya" in text
    # the roadmap's year cells take the framework's colours in Word too
    fills = {shd.get(docx.oxml.ns.qn("w:fill")) for shd in docx.Document(str(books[0]))
             .element.body.iter(docx.oxml.ns.qn("w:shd"))}
    assert {"0B5563", "6B2D5C", "1D4E89", "7A4A00"} <= fills


@pytest.mark.parametrize("region_type", ["kabupaten", "kota"])
def test_a_komdigi_book_has_mobility_and_no_branding(tmp_path: Path, region_type: str) -> None:
    spec = tmp_path / "masterplan.yaml"
    assert run_cli("init", spec, "--framework", "komdigi-2026", "--type",
                   region_type).exit_code == 0
    out = tmp_path / "out"
    formats = "pdf,html,docx" if region_type == "kota" else "pdf"
    result = run_cli("render", spec, "--document", "all", "-f", formats, "-o", out)
    assert result.exit_code == 0, result.output
    pdf = _pdf_text(next(out.glob("*-masterplan.pdf")))
    assert "Mobilitas" in pdf and "Kehidupan Berkota" in pdf
    assert "Branding" not in pdf and "Smart Governance" not in pdf
    assert "Strategi dan Program per Aspek" in pdf
    assert "RANCANGAN" in pdf  # the draft's note on the cover
    summary = _pdf_text(next(out.glob("*-summary.pdf")))
    assert "RANCANGAN" in summary
