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


def test_a_format_for_none_of_the_kinds_asked_is_a_usage_error() -> None:
    from generator.errors import UsageError
    from generator.settings import resolve

    assert resolve({"documents": "summary", "formats": "pdf,docx"}).formats == ("pdf", "docx")
    with pytest.raises(UsageError, match=r"the xlsx format is only for the document kind"
                                         r"\(s\) evaluation, not summary"):
        resolve({"documents": "summary", "formats": "pdf,xlsx"})
    result = run_cli("render", MINIMAL, "-f", "xlsx", "--lang", "en")
    assert result.exit_code == 2
    assert ("the xlsx format is only for the document kind(s) evaluation, not masterplan"
            in result.stderr)
    # a deck asked of a kind that has none, by name: refused, in the language of messages
    result = run_cli("render", MINIMAL, "--document", "masterplan", "-f", "pdf,pptx")
    assert result.exit_code == 2 and not result.stdout
    assert result.stderr.strip() == ("masterplan: format pptx hanya untuk dokumen quickwins,"
                                     " summary, evaluation, bukan masterplan")
    result = run_cli("render", MINIMAL, "--document", "all", "-f", "html,xlsx")
    assert result.exit_code == 2 and "xlsx" in result.stderr  # no kind of `all` has one


def test_a_format_for_some_of_the_kinds_asked_makes_theirs_and_notes_the_rest(
        tmp_path: Path) -> None:
    out = tmp_path / "all"
    result = run_cli("render", MINIMAL, "--document", "all", "-f", "pptx", "-o", out,
                     "--lang", "en")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "3507-kabupaten-contoh-2025-quickwins.pptx", "3507-kabupaten-contoh-2025-summary.pptx"]
    assert result.stderr.splitlines() == [
        "masterplan: note: the pptx format is only for the document kind(s) quickwins,"
        " summary, evaluation; no pptx of masterplan, readiness, indicator-plan"]
    out = tmp_path / "two"
    result = run_cli("render", MINIMAL, "--document", "readiness,quickwins", "-f", "pdf,pptx",
                     "-o", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "3507-kabupaten-contoh-2025-quickwins.pdf", "3507-kabupaten-contoh-2025-quickwins.pptx",
        "3507-kabupaten-contoh-2025-readiness.pdf"]
    assert result.stderr.splitlines() == [
        "masterplan: catatan: format pptx hanya untuk dokumen quickwins, summary, evaluation;"
        " readiness dibuat tanpa pptx"]


def test_the_batch_makes_the_decks_of_the_kinds_that_have_one(tmp_path: Path) -> None:
    (tmp_path / "specs" / "a").mkdir(parents=True)
    (tmp_path / "specs" / "a" / "masterplan.yaml").write_bytes(MINIMAL.read_bytes())
    (tmp_path / "specs" / "cohort.yaml").write_text(
        "cohort: {year: 2025}\nspecs: [a/masterplan.yaml]\n"
        "options: {documents: [indicator-plan, summary], formats: [html, pptx]}\n",
        encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("batch", tmp_path / "specs" / "cohort.yaml", "-o", out, "--no-progress",
                     "-j", "1", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if p.suffix in (".html", ".pptx")) == [
        "3507-kabupaten-contoh-2025-indicator-plan.html",
        "3507-kabupaten-contoh-2025-summary.html", "3507-kabupaten-contoh-2025-summary.pptx",
        "index.html"]
    assert ("masterplan: note: the pptx format is only for the document kind(s) quickwins,"
            " summary, evaluation; no pptx of indicator-plan") in result.stderr.splitlines()
    assert ">PPTX</a>" in (out / "index.html").read_text(encoding="utf-8")


def test_the_report_leaves_out_a_format_of_the_manifest_that_has_no_report(
        tmp_path: Path) -> None:
    from generator.batch.cohort import resolve_target
    from generator.commands.report import report_settings
    from generator.errors import UsageError

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "masterplan.yaml").write_bytes(MINIMAL.read_bytes())
    (tmp_path / "cohort.yaml").write_text(
        "cohort: {year: 2025}\nspecs: [a/masterplan.yaml]\n"
        "options: {documents: [all], formats: [pdf, pptx]}\n", encoding="utf-8")
    cohort = resolve_target(tmp_path / "cohort.yaml")
    notes: list[str] = []
    assert report_settings(cohort, {}, notes).formats == ("pdf",)
    assert notes == ["masterplan: catatan: format pptx hanya untuk dokumen quickwins, summary,"
                     " evaluation; report dibuat tanpa pptx"]
    with pytest.raises(UsageError) as refused:  # asked for by name
        report_settings(cohort, {"formats": "pdf,pptx"})
    assert refused.value.describe("id").endswith("evaluation, bukan report")


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


def test_each_kind_declares_the_charts_its_templates_and_deck_show() -> None:
    """A render makes only the charts its kinds declare (`DocumentKind.charts`,
    `decks.DECK_CHARTS`), drawn only for a writer that shows their pictures: each kind's
    HTML and deck are the same as with every chart drawn."""
    from generator.documents.charts import make_charts
    from generator.documents.context import build_context
    from generator.documents.decks import DECK_CHARTS, build_deck
    from generator.documents.naming import document_meta
    from generator.i18n.labels import labels
    from generator.pipeline import _environment, document_html, needs_of
    from generator.settings import RenderSettings
    from generator.spec import check_spec
    from generator.spec.model import build_model

    plan = build_model(check_spec(REPO / "examples" / "kabupaten-banyuwangi"
                                  / "masterplan.yaml")[0])
    every = build_context(plan, "id", make_charts(plan, "id", labels("id")))
    env = _environment(RenderSettings())
    for kind in spec_kinds():
        settings = RenderSettings(documents=(kind,), formats=("pdf", "pptx"))
        needs = needs_of(settings)
        assert needs.charts is not None and needs.drawn is not None, kind
        assert needs.drawn == frozenset(KINDS[kind].charts or ()), kind
        context = build_context(plan, "id", make_charts(
            plan, "id", labels("id"), keys=needs.charts, drawn=needs.drawn))
        meta = document_meta(KINDS[kind], every)
        assert document_html(KINDS[kind], {**context, **meta}, env, settings) == \
            document_html(KINDS[kind], {**every, **meta}, env, settings), kind
        if kind in DECK_CHARTS:
            assert build_deck(kind, {**context, **meta}) == build_deck(kind, {**every, **meta})
    # a deck alone: every chart it shows, as figures, none drawn
    needs = needs_of(RenderSettings(documents=("summary",), formats=("pptx",)))
    assert needs.html == frozenset() and needs.drawn == frozenset()
    assert needs.charts == {"readiness", "roadmap", "budget", "funding"}
