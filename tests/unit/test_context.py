"""generator.documents.context: model + language → the render context (no chart, no PDF).

Specs are examples/minimal/masterplan.yaml with edits, checked by the validator (no error) and
built into the model. The budget spec keeps only these lines, so every total is by hand:

  GOV-01 2026-2030  2026: 1.000.000.000 APBD, 2028: 600.000.000 DAK        governance 1.600
  BRD-03 2027-2028  2027:   999.500.000 HIBAH                              branding     999,5
  LIV-02 2026-2026  2026:       500.000 APBD                               living         0,5
  ENV-02 2026-2030  2026:   400.000.000 DANA_DESA, 2030: 1.000.000.000 APBD environment 1.400
  grand 4.000 (Rp juta); 2026: 1.400,5  2027: 999,5  2028: 600  2029: -  2030: 1.000
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO, to_yaml

from generator.documents.context import build_context
from generator.i18n.labels import labels
from generator.i18n.numbers import Formatter
from generator.spec.load import load_spec_text
from generator.spec.model import Masterplan, build_model
from generator.spec.validate import validate

MINIMAL = REPO / "examples" / "minimal" / "masterplan.yaml"
SHORT = ["GOV-02", "BRD-01", "ECO-03", "LIV-02", "SOC-03"]
MEDIUM = ["GOV-01", "GOV-03", "BRD-02", "BRD-03", "ECO-01", "ECO-02", "LIV-01", "LIV-03",
          "SOC-01", "SOC-02", "ENV-01", "ENV-02", "ENV-03"]


# --- building specs ----------------------------------------------------------------------------

@functools.cache
def _minimal() -> dict[str, Any]:
    return load_spec_text(MINIMAL.read_text(encoding="utf-8"), MINIMAL, "masterplan.yaml").data


def programs(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for dim in data["dimensions"].values()
            for sub in dim["sub_dimensions"].values() for p in sub.get("programs", [])]


def program(data: dict[str, Any], pid: str) -> dict[str, Any]:
    return next(p for p in programs(data) if p["id"] == pid)


def line(year: int, amount: int, source: str) -> dict[str, Any]:
    return {"year": year, "amount": amount, "source": source}


def budget_spec() -> dict[str, Any]:
    """The minimal spec with only the budget lines of the module docstring."""
    data = copy.deepcopy(_minimal())
    data["document"]["date"] = "2025-08-17"  # a month whose name differs in id and en
    for p in programs(data):
        del p["budget"]
    program(data, "GOV-01")["budget"] = [line(2026, 1_000_000_000, "APBD"),
                                         line(2028, 600_000_000, "DAK")]
    program(data, "BRD-03")["budget"] = [line(2027, 999_500_000, "HIBAH")]
    program(data, "LIV-02")["budget"] = [line(2026, 500_000, "APBD")]
    program(data, "ENV-02")["budget"] = [line(2026, 400_000_000, "DANA_DESA"),
                                         line(2030, 1_000_000_000, "APBD")]
    return data


def one_year_spec() -> dict[str, Any]:
    """The budget spec squeezed into 2026-2026: every program, target and line in 2026."""
    data = budget_spec()
    data["document"]["period"] = {"start_year": 2026, "end_year": 2026}
    for p in programs(data):
        p["start_year"] = p["end_year"] = 2026
        for indicator in p["indicators"]:
            indicator["targets"] = {"2026": next(iter(indicator["targets"].values()))}
        for budget_line in p.get("budget", []):
            budget_line["year"] = 2026
    return data


def model(data: dict[str, Any]) -> Masterplan:
    doc = load_spec_text(to_yaml(data).text, Path("spec.yaml"), "spec.yaml")
    assert [d.code for d in validate(doc) if d.severity == "error"] == []
    return build_model(doc)


def context(data: dict[str, Any], lang: str = "id") -> dict[str, Any]:
    return build_context(model(data), lang, charts={})


@functools.cache
def budget_context(lang: str) -> dict[str, Any]:
    """Shared (read-only) context of the budget spec."""
    return context(budget_spec(), lang)


def program_context(ctx: dict[str, Any], pid: str) -> dict[str, Any]:
    return next(p for p in ctx["programs"] if p["id"] == pid)


def roadmap_row(ctx: dict[str, Any], pid: str) -> dict[str, Any]:
    return next(r for g in ctx["roadmap"]["groups"] for r in g["rows"] if r["id"] == pid)


# --- budget totals -----------------------------------------------------------------------------

DIMENSION_TITLES = ["Smart Governance", "Smart Branding", "Smart Economy", "Smart Living",
                    "Smart Society", "Smart Environment"]
# One amount is not a whole million (999,5): every `Rp juta` figure gets one decimal, and
# every share one decimal, so a column never mixes `1.000` and `999,5`.
ROWS = {
    "id": [(["1.000,0", "-", "600,0", "-", "-"], "1.600,0", "Rp 1,6 miliar", "40,0%"),
           (["-", "999,5", "-", "-", "-"], "999,5", "Rp 999,5 juta", "25,0%"),
           (["-"] * 5, "-", "Rp 0", "0,0%"),
           (["0,5", "-", "-", "-", "-"], "0,5", "Rp 500.000", "0,0%"),
           (["-"] * 5, "-", "Rp 0", "0,0%"),
           (["400,0", "-", "-", "-", "1.000,0"], "1.400,0", "Rp 1,4 miliar", "35,0%")],
    "en": [(["1,000.0", "-", "600.0", "-", "-"], "1,600.0", "IDR 1.6 billion", "40.0%"),
           (["-", "999.5", "-", "-", "-"], "999.5", "IDR 999.5 million", "25.0%"),
           (["-"] * 5, "-", "IDR 0", "0.0%"),
           (["0.5", "-", "-", "-", "-"], "0.5", "IDR 500,000", "0.0%"),
           (["-"] * 5, "-", "IDR 0", "0.0%"),
           (["400.0", "-", "-", "-", "1,000.0"], "1,400.0", "IDR 1.4 billion", "35.0%")],
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_budget_per_dimension_and_year(lang: str) -> None:
    budget = budget_context(lang)["budget"]
    assert budget["years"] == [2026, 2027, 2028, 2029, 2030]
    assert [r["title"] for r in budget["rows"]] == DIMENSION_TITLES
    assert [(r["cells"], r["total"], r["total_words"], r["share"])
            for r in budget["rows"]] == ROWS[lang]


@pytest.mark.parametrize(("lang", "year_totals", "grand", "words", "full"), [
    ("id", ["1.400,5", "999,5", "600,0", "-", "1.000,0"], "4.000,0", "Rp 4 miliar",
     "Rp 4.000.000.000"),
    ("en", ["1,400.5", "999.5", "600.0", "-", "1,000.0"], "4,000.0", "IDR 4 billion",
     "IDR 4,000,000,000"),
])
def test_year_totals_and_grand_total(lang: str, year_totals: list[str], grand: str,
                                     words: str, full: str) -> None:
    budget = budget_context(lang)["budget"]
    assert budget["year_totals"] == year_totals
    assert (budget["grand_total"], budget["grand_total_words"], budget["grand_total_full"],
            budget["grand_total_raw"]) == (grand, words, full, 4_000_000_000)


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", [("APBD", "APBD", "2.000,5", "Rp 2 miliar", "50,0%"),
            ("HIBAH", "Hibah", "999,5", "Rp 999,5 juta", "25,0%"),
            ("DAK", "Dana Alokasi Khusus (DAK)", "600,0", "Rp 600 juta", "15,0%"),
            ("DANA_DESA", "Dana Desa", "400,0", "Rp 400 juta", "10,0%")]),
    ("en", [("APBD", "Regional budget (APBD)", "2,000.5", "IDR 2 billion", "50.0%"),
            ("HIBAH", "Grants", "999.5", "IDR 999.5 million", "25.0%"),
            ("DAK", "Special Allocation Fund (DAK)", "600.0", "IDR 600 million", "15.0%"),
            ("DANA_DESA", "Village Funds", "400.0", "IDR 400 million", "10.0%")]),
])
def test_sources_are_sorted_by_amount(lang: str, expected: list[tuple[str, ...]]) -> None:
    sources = budget_context(lang)["budget"]["sources"]
    assert [(s["code"], s["name"], s["amount"], s["amount_words"], s["share"])
            for s in sources] == expected


def test_a_plan_without_any_budget_has_no_shares_and_no_sources() -> None:
    data = budget_spec()
    for p in programs(data):
        p.pop("budget", None)
    budget = context(data)["budget"]
    assert [r["share"] for r in budget["rows"]] == ["-"] * 6
    assert budget["year_totals"] == ["-"] * 5
    assert (budget["grand_total"], budget["grand_total_words"], budget["sources"]) == (
        "-", "Rp 0", [])


def test_dimension_totals() -> None:
    dims = budget_context("id")["dimensions"]
    assert [(d["key"], d["code"], d["program_count"], d["budget_total"], d["budget_total_raw"])
            for d in dims] == [
        ("governance", "GOV", 3, "Rp 1,6 miliar", 1_600_000_000),
        ("branding", "BRD", 3, "Rp 999,5 juta", 999_500_000),
        ("economy", "ECO", 3, "Rp 0", 0),
        ("living", "LIV", 3, "Rp 500.000", 500_000),
        ("society", "SOC", 3, "Rp 0", 0),
        ("environment", "ENV", 3, "Rp 1,4 miliar", 1_400_000_000)]


# --- programs ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "total", "millions", "years", "sources"), [
    ("id", "Rp 1,6 miliar", "1.600,0", ["1.000,0", "-", "600,0", "-", "-"],
     "APBD, Dana Alokasi Khusus (DAK)"),
    ("en", "IDR 1.6 billion", "1,600.0", ["1,000.0", "-", "600.0", "-", "-"],
     "Regional budget (APBD), Special Allocation Fund (DAK)"),
])
def test_program_budget_columns(lang: str, total: str, millions: str, years: list[str],
                                sources: str) -> None:
    p = program_context(budget_context(lang), "GOV-01")
    assert (p["budget_total"], p["budget_total_millions"], p["budget_years"], p["sources"]) == (
        total, millions, years, sources)


def test_a_program_without_budget_shows_dashes() -> None:
    p = program_context(budget_context("id"), "GOV-02")
    assert (p["budget_total"], p["budget_total_millions"], p["budget_years"], p["sources"]) == (
        "-", "-", ["-"] * 5, "")


def test_program_years_are_one_number_when_start_equals_end() -> None:
    ctx = budget_context("id")
    assert [program_context(ctx, pid)["years"] for pid in ("LIV-02", "GOV-01", "BRD-02")] == [
        "2026", "2026–2030", "2027–2029"]
    assert [q["years"] for q in ctx["quick_wins"]] == ["2026"] * 3


# --- the roadmap -------------------------------------------------------------------------------

def test_roadmap_cells_are_the_active_years() -> None:
    ctx = budget_context("id")
    assert ctx["roadmap"]["years"] == [2026, 2027, 2028, 2029, 2030]
    assert roadmap_row(ctx, "GOV-01")["cells"] == [True] * 5  # active in every year
    assert roadmap_row(ctx, "BRD-02")["cells"] == [False, True, True, True, False]
    assert roadmap_row(ctx, "LIV-02")["cells"] == [True, False, False, False, False]
    assert roadmap_row(ctx, "ENV-01")["cells"] == [False, True, True, True, True]


def phased_spec() -> dict[str, Any]:
    """The budget spec in two phases, with GOV-01 continued and BRD-02 new."""
    data = budget_spec()
    data["roadmap"] = {"phases": [
        {"name": "Tahap I: Fondasi", "start_year": 2026, "end_year": 2027},
        {"name": "Tahap II: Integrasi", "start_year": 2028, "end_year": 2030}]}
    program(data, "GOV-01")["status"] = "continued"
    program(data, "BRD-02")["status"] = "new"
    return data


def test_phases_head_the_roadmap_and_name_each_programs_phases() -> None:
    ctx = context(phased_spec())
    assert ctx["roadmap"]["phases"] == [
        {"name": "Tahap I: Fondasi", "span": 2, "years": "2026–2027"},
        {"name": "Tahap II: Integrasi", "span": 3, "years": "2028–2030"}]
    assert sum(p["span"] for p in ctx["roadmap"]["phases"]) == len(ctx["roadmap"]["years"])
    both = "Tahap I: Fondasi (2026–2027), Tahap II: Integrasi (2028–2030)"
    assert program_context(ctx, "GOV-01")["phases"] == both  # 2026-2030
    assert program_context(ctx, "BRD-02")["phases"] == both  # 2027-2029 crosses the border
    assert program_context(ctx, "LIV-02")["phases"] == "Tahap I: Fondasi (2026–2027)"  # 2026


@pytest.mark.parametrize(("lang", "continued", "new", "statuses"), [
    ("id", "Lanjutan dari masterplan sebelumnya", "Program baru", ["Baru", "Lanjutan"]),
    ("en", "Continued from the previous masterplan", "New program", ["New", "Continued"]),
])
def test_program_status_in_the_facts_and_counted_per_stage(
        lang: str, continued: str, new: str, statuses: list[str]) -> None:
    ctx = context(phased_spec(), lang)
    assert program_context(ctx, "GOV-01")["status"] == continued
    assert program_context(ctx, "BRD-02")["status"] == new
    assert program_context(ctx, "LIV-02")["status"] == ""  # not given: not printed
    roadmap = ctx["roadmap"]
    assert roadmap["statuses"] == statuses
    # GOV-01 and BRD-02 are medium term; nothing short term has a status
    assert [s["statuses"] for s in roadmap["stages"]] == [[0, 0], [1, 1]]


def test_without_phases_or_statuses_the_roadmap_is_as_before() -> None:
    ctx = budget_context("id")
    assert ctx["roadmap"]["phases"] == [] and ctx["roadmap"]["statuses"] == []
    assert program_context(ctx, "GOV-01")["phases"] == ""


@pytest.mark.parametrize(("lang", "subs", "horizon"), [
    ("id", ["Pelayanan Publik", "Manajemen Birokrasi", "Kebijakan Publik"], "Jangka Menengah"),
    ("en", ["Public Service", "Bureaucracy Management", "Public Policy"], "Medium Term"),
])
def test_roadmap_groups_follow_the_dimensions(lang: str, subs: list[str], horizon: str) -> None:
    groups = budget_context(lang)["roadmap"]["groups"]
    assert [g["title"] for g in groups] == DIMENSION_TITLES
    assert [[r["id"] for r in g["rows"]] for g in groups] == [
        [f"{code}-0{n}" for n in (1, 2, 3)] for code in ("GOV", "BRD", "ECO", "LIV", "SOC", "ENV")]
    assert [r["sub_dimension"] for r in groups[0]["rows"]] == subs
    assert groups[0]["rows"][0]["horizon"] == horizon


@pytest.mark.parametrize(("lang", "title", "names"), [
    ("id", "Peta Jalan 5 Tahun", ["Jangka Pendek", "Jangka Menengah"]),
    ("en", "5-Year Roadmap", ["Short Term", "Medium Term"]),
])
def test_stages_of_a_five_year_plan(lang: str, title: str, names: list[str]) -> None:
    roadmap = budget_context(lang)["roadmap"]
    assert roadmap["title"] == title
    assert [(s["title"], s["years"], s["count"], s["programs"]) for s in roadmap["stages"]] == [
        (names[0], "2026–2027", 5, ", ".join(SHORT)),
        (names[1], "2026–2030", 13, ", ".join(MEDIUM))]


def test_stages_of_a_ten_year_plan_include_the_long_term() -> None:
    data = budget_spec()
    data["document"]["period"]["end_year"] = 2035
    program(data, "GOV-03").update(horizon="long", end_year=2035)
    ctx = context(data)
    roadmap = ctx["roadmap"]
    assert roadmap["title"] == "Peta Jalan 10 Tahun"
    assert [(s["title"], s["years"], s["count"], s["programs"]) for s in roadmap["stages"]] == [
        ("Jangka Pendek", "2026–2027", 5, ", ".join(SHORT)),
        ("Jangka Menengah", "2026–2030", 12, ", ".join(m for m in MEDIUM if m != "GOV-03")),
        ("Jangka Panjang", "2031–2035", 1, "GOV-03")]
    assert roadmap_row(ctx, "GOV-03")["cells"] == [True] * 10
    assert roadmap_row(ctx, "BRD-02")["cells"] == [False, True, True, True] + [False] * 6


def test_a_one_year_plan() -> None:
    ctx = context(one_year_spec())
    assert ctx["document"]["period"] == "2026–2026"
    assert ctx["roadmap"]["years"] == ctx["budget"]["years"] == [2026]
    assert ctx["roadmap"]["title"] == "Peta Jalan 1 Tahun"
    assert {r["id"]: r["cells"] for g in ctx["roadmap"]["groups"] for r in g["rows"]} == {
        pid: [True] for pid in SHORT + MEDIUM}
    assert [r["cells"] for r in ctx["budget"]["rows"]] == [
        ["1.600,0"], ["999,5"], ["-"], ["0,5"], ["-"], ["1.400,0"]]
    assert ctx["budget"]["year_totals"] == ["4.000,0"]
    assert program_context(ctx, "GOV-01")["budget_years"] == ["1.600,0"]
    assert program_context(ctx, "GOV-01")["years"] == "2026"
    # every stage ends with the plan, and one year is shown as one number
    assert [s["years"] for s in ctx["roadmap"]["stages"]] == ["2026", "2026"]


def test_a_medium_program_from_year_two_stretches_the_medium_stage() -> None:
    data = budget_spec()
    data["document"]["period"]["end_year"] = 2035
    program(data, "GOV-01").update(start_year=2027, end_year=2031)  # medium, one RPJMD
    program(data, "GOV-01")["indicators"][0]["targets"] = {"2031": 100}
    program(data, "GOV-01")["budget"] = [line(2027, 1_000_000_000, "APBD")]
    stages = context(data)["roadmap"]["stages"]
    assert [(s["title"], s["years"]) for s in stages] == [
        ("Jangka Pendek", "2026–2027"), ("Jangka Menengah", "2026–2031"),
        ("Jangka Panjang", "2031–2035")]


# --- real facts: grades, targets after the period, the deputy head ---------------------------

def graded_spec() -> dict[str, Any]:
    """The budget spec in a 2026-2035 plan, GOV-01 with grade indicators and 2045 targets, a
    vision target of 2045 on a scale, a scale of its own, a deputy head."""
    data = budget_spec()
    data["document"]["period"]["end_year"] = 2035
    data["region"].update(province="D.I. Yogyakarta", code="34.04", name="Sleman",
                          head_name="Kustini Sri Purnomo", deputy_head_name="Danang Maharsa")
    data["foreword"] = {"text": "Puji syukur.", "place": "Sleman"}
    data["scales"] = [{"id": "ikm", "name": "Mutu pelayanan (IKM)", "levels": [
        {"code": "C", "label": "Kurang baik"}, {"code": "B"}, {"code": "A", "label": "Baik"}]}]
    data["vision"]["targets"] = [
        {"description": "Indeks SPBE", "value": 3.5, "year": 2030},
        {"description": "Opini WTP", "scale": "bpk_opinion", "value": "wtp", "year": 2045}]
    program(data, "GOV-01")["indicators"] = [
        {"name": "Layanan daring", "unit": "%", "baseline": 20.5,
         "targets": {"2026": 40, "2030": 100, "2045": 100}},
        {"name": "Opini BPK", "unit": "opini", "scale": "bpk_opinion", "baseline": "WDP",
         "targets": {"2026": "wtp", "2030": "WTP"}},
        {"name": "Indeks SPBE", "unit": "predikat", "scale": "spbe", "baseline": 2,
         "targets": {"2030": "4", "2040": 5}},
        {"name": "Perbup", "unit": "ada", "scale": "yes_no", "targets": {"2030": "ya"}},
        {"name": "IKM", "unit": "kategori", "scale": "ikm", "baseline": "c",
         "targets": {"2030": "A"}},
    ]
    return data


def indicator_rows(ctx: dict[str, Any]) -> dict[str, tuple[str, list[str], list[str]]]:
    return {i["name"]: (i["baseline"], [c for c in i["targets"] if c], i["beyond_targets"])
            for i in program_context(ctx, "GOV-01")["indicators"]}


@pytest.mark.parametrize(("lang", "spbe", "yes", "number", "baseline"), [
    ("id", ["Sangat Baik"], "Ya", "100,0", "20,5"),
    ("en", ["Very good"], "Yes", "100.0", "20.5"),
])
def test_grades_are_printed_as_levels_and_numbers_as_numbers(
        lang: str, spbe: list[str], yes: str, number: str, baseline: str) -> None:
    rows = indicator_rows(context(graded_spec(), lang))
    forty = "40,0" if lang == "id" else "40.0"  # one unit, one number of decimals
    assert rows["Layanan daring"] == (baseline, [forty, number], ["", number])  # 2040, 2045
    assert rows["Opini BPK"] == ("WDP", ["WTP", "WTP"], ["", ""])  # the code, as declared
    assert rows["Indeks SPBE"] == ({"id": "Cukup", "en": "Fair"}[lang], spbe,
                                   ["Memuaskan" if lang == "id" else "Satisfactory", ""])
    assert rows["Perbup"] == ("-", [yes], ["", ""])
    assert rows["IKM"] == ("C", ["A"], ["", ""])


def test_targets_after_the_period_get_their_own_columns_and_a_note() -> None:
    ctx = context(graded_spec())
    annex = ctx["indicator_annex"]
    assert annex["beyond_years"] == [2040, 2045]
    assert annex["beyond_note"].startswith("* Di luar periode masterplan 2026–2035")
    gov01 = program_context(ctx, "GOV-01")
    assert all(len(i["targets"]) == 10 for i in gov01["indicators"])  # the plan's years only
    assert gov01["indicators"][0]["final_target"] == "100,0"  # 2030, not 2045 (unit: 1 dec.)
    assert [(t["value"], t["year"]) for t in ctx["vision"]["targets"]] == [
        ("3,5", 2030), ("WTP", "2045*")]
    assert ctx["vision"]["beyond_note"] == annex["beyond_note"]
    assert ctx["vision"]["scale_legend"] == [
        "Opini BPK, dari yang terendah: TMP (Tidak Menyatakan Pendapat), TW (Tidak Wajar),"
        " WDP (Wajar Dengan Pengecualian), WTP (Wajar Tanpa Pengecualian)."]
    assert annex["scale_legend"][1:] == [
        "Predikat indeks SPBE, dari yang terendah: Kurang, Cukup, Baik, Sangat Baik,"
        " Memuaskan.", "Ya/Tidak, dari yang terendah: Tidak, Ya.",
        "Mutu pelayanan (IKM), dari yang terendah: C (Kurang baik), B, A (Baik)."]


def test_a_plan_without_these_facts_has_no_extra_column_note_or_legend() -> None:
    ctx = budget_context("id")
    assert ctx["indicator_annex"] == {"beyond_years": [], "beyond_note": "",
                                      "scale_legend": []}
    assert (ctx["vision"]["beyond_note"], ctx["vision"]["scale_legend"]) == ("", [])
    assert ctx["region"]["deputy_head_name"] == ""


@pytest.mark.parametrize(("kind", "code", "title"), [
    ("kabupaten", "34.04", "Wakil Bupati"), ("kota", "34.71", "Wakil Wali Kota")])
def test_the_deputy_head_signs_with_the_head(kind: str, code: str, title: str) -> None:
    data = graded_spec()
    data["region"].update(type=kind, code=code)
    ctx = context(data)
    assert (ctx["region"]["deputy_title"], ctx["region"]["deputy_head_name"]) == (
        title, "Danang Maharsa")
    assert ctx["region"]["province"] == "D.I. Yogyakarta"  # printed as written
    assert ctx["foreword"]["signatory"] == "Kustini Sri Purnomo"  # the head's name, no signatory


# --- labels ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "type_label", "government", "date", "swot", "closing"), [
    ("id", "Kabupaten", "Pemerintah Kabupaten Contoh", "17 Agustus 2025", "Kekuatan",
     "mewujudkan Kabupaten Contoh yang cerdas."),
    ("en", "Regency", "Government of Kabupaten Contoh", "17 August 2025", "Strengths",
     "building a smart Kabupaten Contoh."),
])
def test_labels_follow_the_language(lang: str, type_label: str, government: str, date: str,
                                    swot: str, closing: str) -> None:
    ctx = budget_context(lang)
    assert ctx["lang"] == lang
    assert ctx["t"] == labels(lang)
    region = ctx["region"]
    assert (region["type_label"], region["full_name"], region["government"]) == (
        type_label, "Kabupaten Contoh", government)  # full_name keeps the Indonesian type
    assert (region["head_title"], region["province"], region["code"]) == (
        "Bupati", "Jawa Timur", "35.07")
    assert (ctx["document"]["date"], ctx["document"]["year"]) == (date, "2025")
    assert [d["title"] for d in ctx["dimensions"]] == DIMENSION_TITLES
    assert all(d["swot"] == [] for d in ctx["dimensions"])  # none written: no empty table
    data = budget_spec()
    first = next(iter(data["dimensions"].values()))
    first["swot"] = {"threats": ["Ancaman keamanan siber"]}
    quadrants = context(data, lang)["dimensions"][0]["swot"]
    assert quadrants[0]["title"] == swot and quadrants[0]["items"] == []
    assert quadrants[3]["items"] == ["Ancaman keamanan siber"]
    assert str(ctx["closing"]).endswith(f"{closing}</p>")
    assert ctx["program_count"] == 18
    assert ctx["charts"] == {}


def test_a_kota_in_english() -> None:
    data = budget_spec()
    data["region"].update(type="kota", code="35.78", name="Surabaya")
    region = context(data, "en")["region"]
    assert (region["type_label"], region["full_name"], region["government"],
            region["head_title"]) == ("City", "Kota Surabaya", "Government of Kota Surabaya",
                                      "Wali Kota")


# --- Formatter ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("amount", "id_text", "en_text"), [
    (0, "Rp 0", "IDR 0"),
    (999_999, "Rp 999.999", "IDR 999,999"),
    (1_000_000, "Rp 1 juta", "IDR 1 million"),
    (250_000_000, "Rp 250 juta", "IDR 250 million"),
    (1_500_000_000, "Rp 1,5 miliar", "IDR 1.5 billion"),
    (1_234_567_890, "Rp 1,23 miliar", "IDR 1.23 billion"),
    (2_000_000_000_000, "Rp 2 triliun", "IDR 2 trillion"),
])
def test_money_in_words(amount: int, id_text: str, en_text: str) -> None:
    assert (Formatter("id").money_words(amount), Formatter("en").money_words(amount)) == (
        id_text, en_text)


@pytest.mark.parametrize(("amount", "id_text", "en_text"), [
    (0, "-", "-"),
    (500_000, "0,5", "0.5"),
    (1_500_000, "1,5", "1.5"),
    (2_000_000, "2", "2"),
    (1_500_000_000, "1.500", "1,500"),
    (1_000_000_000_000, "1.000.000", "1,000,000"),
])
def test_millions_columns(amount: int, id_text: str, en_text: str) -> None:
    assert (Formatter("id").millions(amount), Formatter("en").millions(amount)) == (
        id_text, en_text)


def test_numbers_money_percent_and_dates() -> None:
    id_, en = Formatter("id"), Formatter("en")
    assert [id_.number(v) for v in (None, 0, 1_500_000, 1.5, 2.0, 1234.5678)] == [
        "-", "0", "1.500.000", "1,5", "2", "1.234,57"]
    assert [en.number(v) for v in (None, 0, 1_500_000, 1.5, 2.0, 1234.5678)] == [
        "-", "0", "1,500,000", "1.5", "2", "1,234.57"]
    assert (id_.number(3.14159, 0), en.number(3.14159, 1)) == ("3", "3.1")
    assert (id_.money(1_500_000_000), en.money(1_500_000_000)) == (
        "Rp 1.500.000.000", "IDR 1,500,000,000")
    # shares and scores always carry one decimal; `fixed` gives exactly `digits`
    assert [id_.percent(s) for s in (0, 0.25, 1 / 3, 1)] == ["0,0%", "25,0%", "33,3%",
                                                            "100,0%"]
    assert en.percent(1 / 3) == "33.3%"
    assert [id_.score(v) for v in (None, 2, 3.25, 3.2)] == ["-", "2,0", "3,3", "3,2"]
    # halves round up, as the workbook's formula cells show them in Excel and LibreOffice
    # (Babel alone rounds half to even: 31,2%), whatever the binary float holds
    assert [id_.percent(s) for s in (30 / 96, 0.0805, 0.7925)] == ["31,3%", "8,1%", "79,3%"]
    assert (id_.number(2.675), en.number(0.125, 2), id_.number(-1.5, 0)) == (
        "2,68", "0.13", "-2")
    assert [id_.change(d, 1, "pp") for d in (0.25, -0.25, 0.04, -0.04)] == [
        "+0,3 pp", "-0,3 pp", "0,0 pp", "0,0 pp"]
    assert [en.number(v, 2, fixed=True) for v in (10, 4.5)] == ["10.00", "4.50"]
    assert (id_.date("2025-08-17"), en.date("2025-08-17")) == ("17 Agustus 2025",
                                                               "17 August 2025")
    # a month by name (a follow-up's due month), other text as written
    assert (id_.date("2025-08"), en.date("2025-08")) == ("Agustus 2025", "August 2025")
    assert (id_.date("2025-13"), en.date("bukan tanggal")) == ("2025-13", "bukan tanggal")


# --- one format per column -----------------------------------------------------------------------

def test_decimals_a_column_needs() -> None:
    assert Formatter.decimals([10, 4.5, 90]) == 1
    assert Formatter.decimals([10, 20]) == 0
    assert Formatter.decimals([0.125, 1]) == 2  # at most two
    assert Formatter.decimals([None, "A", True, 3]) == 0  # only numbers count
    assert Formatter.unit_decimals([("%", [10]), ("indeks", [4.2]), ("%", [4.5, None]),
                                    ("desa", [189])]) == {"%": 1, "indeks": 1, "desa": 0}


def test_readiness_scores_and_averages_carry_one_decimal() -> None:
    data = copy.deepcopy(_minimal())
    structure = data["readiness"]["structure"]
    for key, score in (("human_resources", 2), ("budget", 3.2), ("governance", 2.9)):
        structure[key]["score"] = score
    readiness = context(data)["readiness"]
    area = next(a for a in readiness["areas"] if a["key"] == "structure")
    assert [a["score"] for a in area["aspects"]] == ["2,0", "3,2", "2,9"]
    assert area["average"] == "2,7"
    # an area whose aspects carry only a status has no score to show
    assert {a["average"] for a in readiness["areas"] if a["key"] != "structure"} == {"-"}


@pytest.mark.parametrize(("lang", "values"), [
    ("id", ["4,2", "10,0", "4,5", "5.000.000"]),
    ("en", ["4.2", "10.0", "4.5", "5,000,000"]),
])
def test_targets_of_one_unit_share_their_decimals(lang: str, values: list[str]) -> None:
    data = copy.deepcopy(_minimal())
    data["vision"]["targets"] = [
        {"description": d, "indicator": d, "unit": unit, "value": value, "year": 2030}
        for d, unit, value in (("SPBE", "indeks", 4.2), ("Stunting", "%", 10),
                               ("Kemiskinan", "%", 4.5), ("Wisatawan", "kunjungan", 5_000_000))]
    assert [t["value"] for t in context(data, lang)["vision"]["targets"]] == values


def test_indicators_and_kpis_of_one_unit_share_their_decimals() -> None:
    data = copy.deepcopy(_minimal())
    # GOV-01 "%" targets 100; another "%" indicator with a decimal baseline
    program(data, "LIV-01")["indicators"] = [
        {"name": "Cakupan", "unit": "%", "baseline": 4.5, "targets": {"2030": 60}}]
    data["quick_wins"][0]["kpis"] = [
        {"name": "Dataset", "unit": "dataset", "baseline": 0, "target": 100},
        {"name": "Kepuasan", "unit": "%", "baseline": 72.5, "target": 80}]
    ctx = context(data)
    assert program_context(ctx, "GOV-01")["indicators"][0]["targets"][-1] == "100,0"
    assert program_context(ctx, "LIV-01")["indicators"][0]["baseline"] == "4,5"
    assert [(k["baseline"], k["target"]) for k in ctx["quick_wins"][0]["kpis"]] == [
        ("0", "100"), ("72,5", "80,0")]
