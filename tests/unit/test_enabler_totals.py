"""The plan's enablers (`enablers`: regulation, ICT, people) count in every budget total:
the evaluation's year figures, the cohort report's totals, the progress file's
`enabler_items` (checked against the plan, prefilled by `init-progress`), and the pack's
evidence list and follow-up table in the reader's words."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import REPO, run_cli

from generator.batch.cohort import resolve_target
from generator.batch.gather import gather
from generator.documents.evaluation import EvaluationBuilder, year_figures
from generator.documents.report import build_report_context
from generator.errors import SpecError
from generator.i18n.numbers import Formatter
from generator.spec import check_spec
from generator.spec.enablers import enablers_of
from generator.spec.model import Masterplan, build_model
from generator.spec.progress import check_progress
from generator.spec.weights import load_weights

EXAMPLES = REPO / "examples"
FOLDER = EXAMPLES / "kabupaten-banyuwangi"
SPEC = FOLDER / "masterplan.yaml"


@functools.cache
def _plan(name: str = "kabupaten-banyuwangi") -> Masterplan:
    doc, _ = check_spec(EXAMPLES / name / "masterplan.yaml")
    return build_model(doc)


def _planned(plan: Masterplan, year: int) -> tuple[int, int]:
    """The programs' and the enablers' budget planned in `year`, from the plan itself."""
    enablers = enablers_of(plan)
    assert enablers is not None
    return (sum(b.amount for p in plan.programs for b in p.budget if b.year == year),
            sum(b.amount for e in enablers.items for b in e.budget if b.year == year))


def test_the_years_totals_are_the_programs_and_the_enablers() -> None:
    plan = _plan()
    progress, _ = check_progress(FOLDER / "progress" / "2028.yaml", plan, SPEC)
    figures = year_figures(plan, progress)
    programs, enablers = _planned(plan, 2028)
    assert enablers > 0
    assert sum(figures.enabler_planned.values()) == enablers
    assert figures.total_planned == programs + enablers
    realised = sum(e.realised for e in progress.enabler_items.values())
    assert realised > 0 and sum(figures.enabler_realised.values()) == realised
    assert figures.absorption == pytest.approx(
        (sum(figures.budget_realised.values()) + realised) / (programs + enablers))


def test_the_packs_table_adds_up_and_speaks_the_readers_language() -> None:
    plan = _plan()
    progresses = [check_progress(FOLDER / "progress" / f"{y}.yaml", plan, SPEC)[0]
                  for y in (2027, 2028)]
    for lang, council, due in (("id", "SK Dewan Smart City", "Maret 2028"),
                               ("en", "Decree of the Smart City Council", "March 2028")):
        builder = EvaluationBuilder(plan, progresses, load_weights().for_year(2028), lang,
                                    {"t": {}, "document": {}})
        table = builder.dimensions()
        assert [r["title"] for r in table["enablers"]] == [
            builder.group_title(g) for g in ("regulation", "infrastructure", "people")]
        cells = [r["budget_planned"] for r in table["rows"] + table["enablers"]]
        thousands = "." if lang == "id" else ","
        assert sum(int(c.replace(thousands, "")) for c in cells) == int(
            table["total"]["budget_planned"].replace(thousands, ""))
        supports = [e["supports"] for e in builder.evidence()["entries"]]
        assert f"{council}, " in supports[1]
        assert not any(key in ", ".join(supports).split(", ")
                       for key in ("council", "team", "regulation", "apbd", "forum"))
        assert builder.recommendations()[0]["due"] == due


def test_a_month_is_printed_by_name() -> None:
    assert Formatter("id").date("2028-03") == "Maret 2028"
    assert Formatter("en").date("2028-12") == "December 2028"
    assert Formatter("id").date("2028-03-15") == "15 Maret 2028"
    assert Formatter("id").date("akhir 2028") == "akhir 2028"  # free text as written


def test_the_cohort_reports_total_budget_includes_the_enablers() -> None:
    items = gather(resolve_target(EXAMPLES), lang="id", jobs=1, timeout=120)
    context = build_report_context(type("C", (), {"year": None, "track": None,
                                                  "title": None})(), items, "id")
    whole = 0
    for item in items:
        assert item.data is not None
        for p in [*item.data["programs"], *item.data["enablers"]]:
            whole += sum(amount for _year, amount, _source in p["budget"])
    assert context["budget"]["raw_total"] == whole
    total = next(o["value"] for o in context["overview"] if o["label"] == "Total Anggaran")
    assert total == Formatter("id").money_words(whole)
    enablers = sum(amount for item in items for e in (item.data or {})["enablers"]
                   for _year, amount, _source in e["budget"])
    assert enablers > 0
    assert context["budget"]["enablers"]["total"] == Formatter("id").millions(enablers)


@pytest.mark.parametrize("year", [2027, 2031])
def test_init_progress_prefills_the_enablers_and_evaluate_reads_them(
        tmp_path: Path, year: int) -> None:
    folder = tmp_path / "banyuwangi"
    folder.mkdir()
    spec = folder / "masterplan.yaml"
    shutil.copy(SPEC, spec)
    for extra in FOLDER.glob("*.*"):
        if extra.suffix in (".png", ".svg"):
            shutil.copy(extra, folder / extra.name)
    result = run_cli("init-progress", spec, str(year))
    assert result.exit_code == 0, result.stderr
    target = folder / "progress" / f"{year}.yaml"
    plan = _plan()
    enablers = enablers_of(plan)
    assert enablers is not None
    expected = [e.id for e in enablers.items
                if e.start_year <= year <= e.end_year or any(b.year == year for b in e.budget)]
    progress, warnings = check_progress(target, plan, spec)
    assert warnings == [] and list(progress.enabler_items) == expected
    assert {e.status for e in progress.enabler_items.values()} == {"belum"}
    text = target.read_text("utf-8")
    funded = next(e for e in enablers.items if e.id in expected
                  and any(b.year == year for b in e.budget))
    planned = sum(b.amount for b in funded.budget if b.year == year)
    head, _, items = text.partition("enabler_items:\n")
    at = items.index(f'id: "{funded.id}"')
    line = items[at:].split("\n")[3]
    assert line.endswith(f"Rp {planned:,}".replace(",", "."))  # the planned amount beside it
    # a realised amount written in: the year's totals take it
    items = items[:at] + items[at:].replace(line, line.replace("amount: 0}", "amount: 7}"), 1)
    target.write_text(f"{head}enabler_items:\n{items}", "utf-8")
    progress, _ = check_progress(target, plan, spec)
    assert progress.enabler_items[funded.id].realised == 7
    figures = year_figures(plan, progress)
    programs, enabler_budget = _planned(plan, year)
    assert figures.total_planned == programs + enabler_budget
    assert figures.total_realised == 7


def test_an_unknown_or_repeated_enabler_is_a_positioned_error(tmp_path: Path) -> None:
    folder = tmp_path / "banyuwangi"
    shutil.copytree(FOLDER, folder, ignore=shutil.ignore_patterns("progress"))
    (folder / "progress.yaml").write_text(
        'progress_version: 1\nmasterplan: "masterplan.yaml"\nyear: 2027\n'
        'date: "2027-12-15"\nenabler_items:\n  - id: "TIK-1"\n    status: "berjalan"\n'
        '  - id: "REG-02"\n    status: "berjalan"\n    budget:\n'
        '      - {source: "APBDD", amount: 5}\n'
        '  - id: "REG-02"\n    status: "selesai"\n', "utf-8")
    with pytest.raises(SpecError) as caught:
        check_progress(folder / "progress.yaml", _plan(), folder / "masterplan.yaml")
    shown = [f"{d.span.line}:{d.span.col} {d.code}" for d in caught.value.diagnostics]
    assert shown == ["6:9 progress.unknown_enabler", "11:18 rule.unknown_source",
                     "12:9 rule.duplicate_id"], shown
    assert "TIK-01" in caught.value.diagnostics[0].message("en")


@pytest.mark.parametrize(("example", "title"), [
    ("kabupaten-banyuwangi", "Rencana dan Realisasi Anggaran per Dimensi dan Faktor Pendukung"),
    ("kota-makassar", "Rencana dan Realisasi Anggaran per Dimensi 2027")])
def test_the_budget_chart_is_named_for_what_it_shows(example: str, title: str,
                                                     tmp_path: Path) -> None:
    """The pack's budget chart names the enablers when it has their bar."""
    folder = EXAMPLES / example
    result = run_cli("evaluate", folder / "masterplan.yaml",
                     *sorted((folder / "progress").glob("*.yaml")), "-f", "html",
                     "-o", tmp_path)
    assert result.exit_code == 0, result.output
    (page,) = tmp_path.glob("*.html")
    assert f"Gambar 1.1 {title}" in page.read_text("utf-8").replace("</span> ", " ")


def test_the_plans_enablers_are_claims_with_their_evidence_in_pack_and_workbook(
        tmp_path: Path) -> None:
    """Each enabler item running or done is a claim of the evidence index, with the evidence
    naming its id or flagged without; the evidence list names it by id and name; the
    workbook's enabler sheet fills its evidence column. Read back from the PDF."""
    from openpyxl import load_workbook

    result = run_cli("evaluate", SPEC, *sorted((FOLDER / "progress").glob("*.yaml")),
                     "-f", "pdf,xlsx", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    (pdf,) = tmp_path.glob("*.pdf")
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    index = text[text.index("INDEKS BUKTI DUKUNG"):]
    claims = {" ".join(line.split()[:1]): " ".join(line.split()) for line in
              index[:index.index("Daftar Bukti Dukung")].splitlines()
              if line.strip().startswith(("REG-", "TIK-", "SDM-"))}
    assert claims["TIK-01"] == ("TIK-01 Jaringan Intra Pemerintah dan Internet Desa:"
                                " Berjalan EV-09")
    assert claims["REG-02"].endswith("Berjalan EV-02")
    assert claims["SDM-02"].endswith(": Berjalan TANPA BUKTI")
    assert sorted(claims) == ["REG-02", "REG-03", "SDM-02", "SDM-03", "TIK-01", "TIK-02",
                              "TIK-03"]  # REG-01 was planned for 2026 only
    cells = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True,
                           check=True).stdout  # a table's cells one after the other
    listed = " ".join(cells[cells.index("Tabel 3.2 Daftar Bukti Dukung"):].split())
    assert ("Arsip Diskominfo, BA uji fungsi November 2028 TIK-01 (Jaringan Intra Pemerintah"
            " dan Internet Desa), TIK-02 (Pusat Data Daerah dan Pemulihan Bencana)") in listed
    assert "Pertemuan Forum Smart City, REG-03 (Forum Smart City Banyuwangi)" in listed
    (xlsx,) = tmp_path.glob("*.xlsx")
    sheet = load_workbook(xlsx)["Faktor pendukung (enabler)"]
    evidence = {row[0]: row[6] for row in sheet.iter_rows(min_row=2, max_row=8,
                                                          values_only=True)}
    assert evidence["TIK-02"] == "EV-09" and evidence["REG-03"] == "EV-03"
    assert evidence["SDM-03"] is None
