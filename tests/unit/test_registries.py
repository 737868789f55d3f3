"""A new document kind and a new output format are registry entries, nothing more.

The toy kind and format live in a plugin module written by the test (never shipped): it
registers a `factsheet` kind (one body template in a `--template-dir`) and a `txt` writer.
`render`, `batch` (whose spawned workers import the plugin through the writer's `modules`)
and the cohort manifest's schema all take them without a change to any other module.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import REPO, run_cli

from generator.documents import KINDS, kind_of_file, spec_kinds
from generator.render import WRITERS, format_names

MINIMAL = REPO / "examples" / "minimal" / "masterplan.yaml"

PLUGIN = '''
import re

from generator.documents import DocumentKind, register as register_kind
from generator.render import Writer, Written, register as register_writer


def write_text(document):
    body = document.html.split("<body", 1)[1]
    text = re.sub(r"<style.*?</style>|<[^>]+>", " ", body, flags=re.S)
    return Written((document.title + "\\n" + " ".join(text.split()) + "\\n").encode("utf-8"))


register_kind(DocumentKind("factsheet", "doc_summary", "factsheet/body.html.j2"))
register_writer(Writer("txt", "toy_plugin:write_text", "txt", modules=("toy_plugin",)))
'''
BODY = ('<section class="chapter"><h1>Factsheet {{ region.full_name }}</h1>'
        '<p>{{ program_count }} program · {{ budget.grand_total_words }}</p></section>')


@pytest.fixture
def toy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Registers the toy kind and format; yields the template folder; unregisters them."""
    (tmp_path / "plugin").mkdir()
    (tmp_path / "plugin" / "toy_plugin.py").write_text(PLUGIN, encoding="utf-8")
    (tmp_path / "tpl" / "factsheet").mkdir(parents=True)
    (tmp_path / "tpl" / "factsheet" / "body.html.j2").write_text(BODY, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "plugin"))
    kinds, writers = dict(KINDS), dict(WRITERS)
    __import__("toy_plugin")
    try:
        yield tmp_path / "tpl"
    finally:
        sys.modules.pop("toy_plugin", None)
        KINDS.clear()
        KINDS.update(kinds)
        WRITERS.clear()
        WRITERS.update(writers)


def test_the_registries_list_the_shipped_kinds_and_formats() -> None:
    assert spec_kinds() == ("masterplan", "summary", "quickwins", "readiness", "indicator-plan",
                            "perkada", "sk-dewan", "sk-tim", "komitmen")
    assert KINDS["report"].scope == "cohort"
    assert KINDS["evaluation"].scope == "progress"
    assert format_names() == ("pdf", "html", "docx", "xlsx", "pptx")
    assert WRITERS["pptx"].kinds == ("quickwins", "summary", "evaluation")
    assert kind_of_file("3510-kabupaten-banyuwangi-2017-quickwins.pdf") == "quickwins"
    assert kind_of_file("3510-kabupaten-banyuwangi-2017-2028-evaluation.xlsx") == "evaluation"
    assert kind_of_file("cohort-2017-report.docx") == "report"
    assert kind_of_file("notes.txt") is None


def test_a_format_for_some_kinds_only_is_a_usage_error_for_the_others() -> None:
    from generator.errors import UsageError
    from generator.settings import resolve

    assert resolve({"documents": "summary", "formats": "pdf,docx"}).formats == ("pdf", "docx")
    with pytest.raises(UsageError, match="format `xlsx` is only for the document kind"
                                         r"\(s\) evaluation, not summary"):
        resolve({"documents": "summary", "formats": "pdf,xlsx"})
    result = run_cli("render", MINIMAL, "-f", "xlsx")
    assert result.exit_code == 2
    assert "format `xlsx` is only for the document kind(s) evaluation, not masterplan" in (
        result.output)


def test_a_toy_kind_and_format_render_through_the_command(toy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("render", MINIMAL, "--document", "factsheet,summary", "-f", "txt,html",
                     "-o", out, "--template-dir", toy)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["3507-kabupaten-contoh-2025-factsheet.html",
                     "3507-kabupaten-contoh-2025-factsheet.txt",
                     "3507-kabupaten-contoh-2025-summary.html",
                     "3507-kabupaten-contoh-2025-summary.txt"]
    text = (out / "3507-kabupaten-contoh-2025-factsheet.txt").read_text(encoding="utf-8")
    assert "Factsheet Kabupaten Contoh" in text and "Rp " in text
    html = (out / "3507-kabupaten-contoh-2025-factsheet.html").read_text(encoding="utf-8")
    assert '<body class="doc-factsheet">' in html and "Ringkasan Eksekutif" in html
    assert "factsheet" in run_cli("render", "--help").output  # the help lists the registry


def test_a_toy_kind_and_format_in_a_batch(toy: Path, tmp_path: Path) -> None:
    (tmp_path / "specs" / "a").mkdir(parents=True)
    (tmp_path / "specs" / "a" / "masterplan.yaml").write_bytes(MINIMAL.read_bytes())
    out = tmp_path / "out"
    result = run_cli("batch", tmp_path / "specs", "--document", "factsheet", "-f", "txt",
                     "-o", out, "--template-dir", toy, "--no-progress", "-j", "1")
    assert result.exit_code == 0, result.output
    assert (out / "3507-kabupaten-contoh-2025-factsheet.txt").read_text(
        encoding="utf-8").startswith("Ringkasan Eksekutif")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Ringkasan Eksekutif: " in index and ">TXT</a>" in index


def test_an_unknown_kind_or_format_lists_the_registry(tmp_path: Path) -> None:
    result = run_cli("render", MINIMAL, "--document", "brochure", "-o", tmp_path)
    assert result.exit_code == 2
    assert ("choose from masterplan, summary, quickwins, readiness, indicator-plan, perkada,"
            " sk-dewan, sk-tim, komitmen, all, legal" in result.output)
    result = run_cli("render", MINIMAL, "-f", "odt", "-o", tmp_path)
    assert result.exit_code == 2 and "choose from pdf, html, docx" in result.output
