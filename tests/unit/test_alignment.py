"""Alignment with the RPJMD, SPBE and SNI ISO indicators: the spec's links, how the validator
checks them (positioned, with a did-you-mean, in both languages), and what the context makes
of them (the annex's matrix and coverage, a program's facts, the indicator plan).

Each case edits tests/data/valid/compact.yaml: its RPJMD gets missions, goals, targets and a
regional program with ids; GOV-01 links to them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import compact_text, diagnostic_lines, expect, position_of, run_cli, write_spec

from generator.documents.context import build_context
from generator.spec.load import load_spec_text
from generator.spec.model import build_model
from generator.spec.standards import SPBE, iso_37122_numbers, iso_known
from generator.spec.validate import validate

RPJMD_OLD = "  rpjmd: {start_year: 2025, end_year: 2029, vision: Banyuwangi maju dan sejahtera}"
RPJMD_NEW = """  rpjmd:
    start_year: 2025
    end_year: 2029
    vision: Banyuwangi maju dan sejahtera
    missions:
      - {id: M1, text: Tata kelola pemerintahan digital}
      - Misi tanpa kode tetap boleh
      - {id: M2, text: Ekonomi daerah yang kuat}
    goals:
      - {id: T1.1, mission: M1, text: Pelayanan publik yang berkualitas}
      - {id: T2.1, mission: M2, text: Daya saing ekonomi}
    targets:
      - {id: S1.1.1, goal: T1.1, text: Meningkatnya kepuasan masyarakat, indicator: IKM}
      - {id: S2.1.1, goal: T2.1, text: Meningkatnya UMKM naik kelas}
    programs:
      - {id: P1.1.1.1, target: S1.1.1, text: Program Pelayanan Perizinan}"""
GOV01_OLD = "          - {id: GOV-01, name: Mal Pelayanan Publik Digital, lead_opd: DISKOMINFO,"
GOV01_PREFIX = (GOV01_OLD + "\n             aligns: {rpjmd: [{links}], spbe: [{spbe}],"
                " renstra: Program Pelayanan, spatial: Kawasan perkotaan},")
INDICATOR_OLD = ("indicators: [{name: Layanan daring, unit: \"%\","
                 " targets: {2026: 40, 2030: 100}}]")
GOV01 = "dimensions.governance.sub_dimensions.public_service.programs[0]"


def spec_text(links: str = "P1.1.1.1", spbe: str = "layanan", iso: str = "37122:10.2") -> str:
    text = compact_text()
    for old, new in (
            (RPJMD_OLD, RPJMD_NEW),
            (GOV01_OLD, GOV01_PREFIX.replace("{links}", links).replace("{spbe}", spbe)),
            (INDICATOR_OLD, INDICATOR_OLD.replace(
                "targets: {2026: 40, 2030: 100}",
                f"targets: {{2026: 40, 2030: 100}}, iso: \"{iso}\", source: Dasbor MPP"))):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def errors(tmp_path: Path, text: str, lang: str = "id") -> tuple[Path, list[str]]:
    path = write_spec(tmp_path, text)
    result = run_cli("validate", "--lang", lang, path)
    return path, [line for line in diagnostic_lines(result.stdout) if ": error: " in line
                  or ": warning: " in line]


def test_a_spec_with_every_kind_of_link_is_valid_with_strict(tmp_path: Path) -> None:
    path = write_spec(tmp_path, spec_text())
    result = run_cli("validate", "--strict", path)
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize(("lang", "message"), [
    ("id", "`P1.1.1.2` bukan butir RPJMD (misi, tujuan, sasaran atau program daerah) yang"
           " dinyatakan di `profile.rpjmd`; mungkin maksudnya `P1.1.1.1`?"),
    ("en", "`P1.1.1.2` is not an RPJMD item (mission, goal, target or regional program) declared"
           " in `profile.rpjmd`; did you mean `P1.1.1.1`?"),
])
def test_an_rpjmd_link_to_nothing_is_a_positioned_error_with_a_did_you_mean(
        tmp_path: Path, lang: str, message: str) -> None:
    text = spec_text(links="M1, P1.1.1.2")
    path, found = errors(tmp_path, text, lang)
    line, col = position_of(text, "P1.1.1.2]")
    assert found == [expect(path, line, col, "error", f"{GOV01}.aligns.rpjmd[1]", message)]


def test_a_goal_naming_an_undeclared_mission_is_an_error(tmp_path: Path) -> None:
    text = spec_text().replace("{id: T2.1, mission: M2,", "{id: T2.1, mission: M22,")
    path, found = errors(tmp_path, text)
    line, col = position_of(text, "M22,")
    assert found == [expect(path, line, col, "error", "profile.rpjmd.goals[1].mission",
                            "`M22` bukan misi yang dinyatakan di `profile.rpjmd`; mungkin"
                            " maksudnya `M2`?")]


def test_an_rpjmd_id_used_twice_is_an_error(tmp_path: Path) -> None:
    text = spec_text().replace("{id: S2.1.1, goal: T2.1", "{id: S1.1.1, goal: T2.1")
    path, found = errors(tmp_path, text)
    line, col = position_of(text, "S1.1.1", occurrence=1)
    first = position_of(text, "S1.1.1")
    assert found == [expect(path, line, col, "error", "profile.rpjmd.targets[1].id",
                            "kode `S1.1.1` sudah dipakai di profile.rpjmd.targets[0].id"
                            f" ({first[0]}:{first[1]})")]


@pytest.mark.parametrize(("lang", "tail"), [
    ("id", "`data_informasii` bukan domain atau layanan SPBE (Perpres 95/2018); mungkin"
           " maksudnya `data_informasi`?; pilihan: "),
    ("en", "`data_informasii` is not an SPBE domain or service (Perpres 95/2018); did you mean"
           " `data_informasi`?; one of: "),
])
def test_an_unknown_spbe_code_is_an_error_with_a_did_you_mean(tmp_path: Path, lang: str,
                                                              tail: str) -> None:
    text = spec_text(spbe="data_informasii")
    path, found = errors(tmp_path, text, lang)
    line, col = position_of(text, "data_informasii")
    assert found == [expect(path, line, col, "error", f"{GOV01}.aligns.spbe[0]",
                            tail + ", ".join(SPBE))]


@pytest.mark.parametrize(("lang", "message"), [
    ("id", "`37122:10.9` bukan nomor indikator SNI ISO 37122:2019; mungkin maksudnya"
           " `37122:10.4`?"),
    ("en", "`37122:10.9` is not an indicator number of SNI ISO 37122:2019; did you mean"
           " `37122:10.4`?"),
])
def test_an_iso_37122_number_the_standard_lacks_is_an_error(tmp_path: Path, lang: str,
                                                           message: str) -> None:
    text = spec_text(iso="37122:10.9")
    path, found = errors(tmp_path, text, lang)
    line, col = position_of(text, '"37122:10.9"')
    assert found == [expect(path, line, col, "error", f"{GOV01}.indicators[0].iso", message)]


def test_an_iso_value_of_the_wrong_form_is_a_pattern_error(tmp_path: Path) -> None:
    text = spec_text(iso="ISO37122-10")
    path, found = errors(tmp_path, text, "en")
    line, col = position_of(text, '"ISO37122-10"')
    assert len(found) == 1 and found[0].startswith(f"{path}:{line}:{col}: error: ")
    assert "`37122:10.2` or `37120:10.1`" in found[0]


def test_the_iso_37122_list_and_37120_clauses() -> None:
    numbers = iso_37122_numbers()
    assert numbers[0] == "5.1" and numbers[-1] == "23.4" and len(numbers) == 76
    assert {"10.2", "9.2", "19.14", "7.10"} <= set(numbers)
    assert iso_known("37122:21.3") and not iso_known("37122:21.5")
    assert iso_known("37120:8.1") and not iso_known("37120:4.1")


def _context(text: str, lang: str = "id") -> dict[str, object]:
    doc = load_spec_text(text, Path("spec.yaml"), "spec.yaml")
    assert not [d for d in validate(doc) if d.severity == "error"]
    return build_context(build_model(doc), lang)


def test_the_context_counts_coverage_and_flags_missions_without_programs() -> None:
    context = _context(spec_text(links="P1.1.1.1"))
    annex = context["alignment"]
    assert isinstance(annex, dict)
    assert annex["coverage"] == [
        "1 dari 2 sasaran RPJMD didukung sekurang-kurangnya satu program smart city (50,0%).",
        "Misi RPJMD tanpa program smart city: M2."]
    rows = {row["id"]: row for row in annex["rows"]}
    assert [row["id"] for row in annex["rows"]] == [
        "M1", "T1.1", "S1.1.1", "P1.1.1.1", "M2", "T2.1", "S2.1.1"]
    assert rows["P1.1.1.1"]["cells"][0] == "GOV-01" and rows["S1.1.1"]["cells"][0] == ""
    assert rows["S1.1.1"]["count"] == 1 and rows["M1"]["count"] == 1
    assert rows["M2"]["flag"] and rows["S2.1.1"]["flag"] and not rows["M1"]["flag"]
    programs = context["programs"]
    assert isinstance(programs, list)
    facts = programs[0]["aligns"]
    assert [f["title"] for f in facts] == ["Keselarasan RPJMD", "Renstra OPD", "SPBE", "RTRW"]
    assert facts[0]["text"] == "Program Daerah P1.1.1.1: Program Pelayanan Perizinan"
    assert facts[2]["text"] == "Domain Layanan SPBE"


def test_the_indicator_plan_groups_by_iso_number_in_english() -> None:
    context = _context(spec_text(), "en")
    plan = context["indicator_plan"]
    assert isinstance(plan, dict)
    [group] = plan["groups"]
    assert group["title"] == "SNI ISO 37122:2019 · 10.2 · Governance"
    [row] = group["rows"]
    assert row["program"] == "GOV-01" and row["source"] == "Dasbor MPP"
    assert row["targets"][:5] == ["40", "-", "-", "-", "100"] and plan["years"][4] == 2030


def test_a_spec_without_alignment_has_no_annex_and_missions_stay_text() -> None:
    context = _context(compact_text())
    assert context["alignment"] is None
    assert context["indicator_plan"]["groups"] == []  # type: ignore[index]
