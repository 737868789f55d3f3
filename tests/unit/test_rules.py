"""Every schema check, cross-field rule and quality warning of generator/spec/validate.py.

Each test edits one thing in tests/data/valid/compact.yaml (a complete spec that is valid with
--strict) and checks the exact line `masterplan validate` prints; the expected line and column
are where the edit was made, computed from the text, not from the loader.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import Result
from helpers import (
    Edit,
    compact_text,
    delete_in,
    diagnostic_lines,
    edit_compact,
    expect,
    filled_spec,
    get_in,
    position_of,
    run_cli,
    set_in,
    to_yaml,
    valid_spec,
    write_spec,
)

GOV01 = "dimensions.governance.sub_dimensions.public_service.programs[0]"
GOV02 = "dimensions.governance.sub_dimensions.bureaucracy.programs[0]"
GOV03 = "dimensions.governance.sub_dimensions.public_policy.programs[0]"
GOV01_YEARS = "horizon: medium, start_year: 2026, end_year: 2030,"
GOV02_YEARS = "start_year: 2026, end_year: 2027,\n             indicators"
GOV03_YEARS = "start_year: 2026, end_year: 2035,"
GOV01_BUDGET = "budget: [{year: 2026, amount: 750000000, source: APBD}]"
STANDARD_SOURCES = "APBD, APBD_PROV, APBN, BLUD, CSR, DAK, DANA_DESA, DONOR, HIBAH, KPBU, " \
                   "OBLIGASI, SWASTA"


@dataclass
class Run:
    result: Result
    path: Path
    text: str

    def lines(self, severity: str) -> list[str]:
        return [line for line in diagnostic_lines(self.result.stdout)
                if f": {severity}: " in line]

    @property
    def errors(self) -> list[str]:
        return self.lines("error")

    @property
    def warnings(self) -> list[str]:
        return self.lines("warning")

    def at(self, needle: str, *, occurrence: int = 0, offset: int = 0) -> tuple[int, int]:
        line, col = position_of(self.text, needle, occurrence=occurrence)
        return line, col + offset

    def line(self, severity: str, where: str, message: str, position: tuple[int, int]) -> str:
        return expect(self.path, *position, severity, where, message)


def run(tmp_path: Path, text: str, *args: str) -> Run:
    path = write_spec(tmp_path, text)
    return Run(run_cli("validate", path, *args), path, text)


def run_edit(tmp_path: Path, old: str, new: str, *args: str,
             mark: str | None = None) -> tuple[Run, Edit]:
    edit = edit_compact(old, new, mark=mark)
    return run(tmp_path, edit.text, *args), edit


def assert_only_error(outcome: Run, where: str, message: str, position: tuple[int, int]) -> None:
    assert outcome.errors == [outcome.line("error", where, message, position)]
    assert outcome.result.exit_code == 1
    assert "Traceback" not in outcome.result.output


def assert_warning(outcome: Run, where: str, message: str, position: tuple[int, int],
                   tmp_path: Path) -> None:
    """The warning is printed, it alone does not fail the spec, and --strict makes it fail."""
    assert outcome.line("warning", where, message, position) in outcome.warnings
    assert outcome.errors == []
    assert outcome.result.exit_code == 0
    strict = run_cli("validate", "--strict", outcome.path)
    assert strict.exit_code == 1
    assert outcome.line("warning", where, message, position) in strict.stdout.splitlines()


def cut(text: str, start: str, end: str) -> tuple[str, str]:
    """The part of `text` from `start` up to (not including) `end`, and `text` without it."""
    first = text.index(start)
    last = text.index(end, first)
    return text[first:last], text[:first] + text[last:]


# --- the base ----------------------------------------------------------------------------------

def test_the_compact_spec_is_valid_even_with_strict(tmp_path: Path) -> None:
    outcome = run(tmp_path, compact_text(), "--strict")
    assert (outcome.result.exit_code, outcome.result.stdout) == (0, "")


# --- uniqueness --------------------------------------------------------------------------------

def test_duplicate_program_id(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "{id: GOV-02,", "{id: GOV-01,", mark="GOV-01")
    first = position_of(edit.text, "GOV-01")
    assert_only_error(outcome, f"{GOV02}.id", f"kode `GOV-01` sudah dipakai di {GOV01}.id"
                      f" ({first[0]}:{first[1]})", (edit.line, edit.col))


def test_duplicate_quick_win_id(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "{id: QW-02,", "{id: QW-01,", mark="QW-01")
    first = position_of(edit.text, "QW-01")
    assert_only_error(outcome, "quick_wins[1].id",
                      f"kode `QW-01` sudah dipakai di quick_wins[0].id ({first[0]}:{first[1]})",
                      (edit.line, edit.col))


def test_a_quick_win_cannot_reuse_a_program_id(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "{id: QW-02,", "{id: ECO-01,", mark="ECO-01")
    first = position_of(edit.text, "ECO-01")
    assert_only_error(outcome, "quick_wins[1].id",
                      f"kode `ECO-01` sudah dipakai di"
                      f" dimensions.economy.sub_dimensions.industry.programs[0].id"
                      f" ({first[0]}:{first[1]})", (edit.line, edit.col))


@pytest.mark.parametrize(("old", "added", "where", "value", "first", "first_at"), [
    ("  - {code: BAPPEDA, name: Badan Perencanaan Pembangunan Daerah}\n",
     "  - {code: BAPPEDA, name: Bappeda}\n", "agencies[2].code", "BAPPEDA", "agencies[1].code",
     "BAPPEDA, name: Badan"),
    ("  - {code: BUMD, name: Badan Usaha Milik Daerah}\n",
     "  - {code: BUMD, name: BUMD}\n", "funding_sources[1].code", "BUMD",
     "funding_sources[0].code", "BUMD, name: Badan"),
    ("  - {term: SPBE, definition: Sistem Pemerintahan Berbasis Elektronik}\n",
     "  - {term: opd, definition: organisasi perangkat daerah}\n", "glossary[2].term", "opd",
     "glossary[0].term", "OPD, definition"),  # compared without regard to case
])
def test_duplicate_entries_in_lists(tmp_path: Path, old: str, added: str, where: str,
                                    value: str, first: str, first_at: str) -> None:
    outcome, edit = run_edit(tmp_path, old, old + added,
                             mark=added.split("{", 1)[1].split(": ", 1)[1])  # the new value
    line, col = position_of(edit.text, first_at)
    assert_only_error(outcome, where, f"`{value}` sudah ada di {first} ({line}:{col})",
                      (edit.line, edit.col))


def test_duplicate_indicator_names_within_a_program(tmp_path: Path) -> None:
    old = 'indicators: [{name: Layanan daring, unit: "%", targets: {2026: 40, 2030: 100}}]'
    new = ('indicators: [{name: Layanan daring, unit: "%", targets: {2026: 40}},'
           ' {name: Layanan  Daring, unit: "%", targets: {2030: 100}}]')
    outcome, edit = run_edit(tmp_path, old, new, mark="Layanan  Daring")
    first = position_of(edit.text, "Layanan daring")
    assert_only_error(outcome, f"{GOV01}.indicators[1].name",
                      f"`Layanan  Daring` sudah ada di {GOV01}.indicators[0].name"
                      f" ({first[0]}:{first[1]})", (edit.line, edit.col))


def test_the_same_indicator_name_in_two_programs_is_fine(tmp_path: Path) -> None:
    outcome, _edit = run_edit(tmp_path, "{name: Surat elektronik,", "{name: Layanan daring,")
    assert outcome.result.exit_code == 0
    assert outcome.result.stdout == ""


def test_two_programs_with_one_name_are_a_warning_in_any_spec(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "{id: GOV-02, name: Kantor Tanpa Kertas,",
                             "{id: GOV-02, name: mal pelayanan  publik digital,",
                             mark="mal pelayanan")
    first = position_of(edit.text, "Mal Pelayanan Publik Digital")
    assert_warning(outcome, f"{GOV02}.name", "nama program `mal pelayanan  publik digital` sudah"
                   f" dipakai di {GOV01}.name ({first[0]}:{first[1]}); beri setiap program"
                   " namanya sendiri", (edit.line, edit.col), tmp_path)
    assert len(outcome.warnings) == 1


def test_a_quick_win_may_share_its_programs_name(tmp_path: Path) -> None:
    outcome, _edit = run_edit(tmp_path, "{id: GOV-03, name: Satu Data Kabupaten,",
                              "{id: GOV-03, name: Portal Satu Data,")
    assert outcome.result.stdout == ""


# --- what is still the starter's --------------------------------------------------------------

def test_the_starters_code_with_another_regions_name_is_a_warning(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "name: Banyuwangi", "name: Sidoarjo", mark="Sidoarjo")
    line, col = position_of(edit.text, '"35.10"')
    assert_warning(outcome, "region.code", "kode `35.10` masih contoh dari `masterplan init`"
                   " (kode Kabupaten Banyuwangi, bukan `Sidoarjo`); tulis kode wilayah"
                   " Kemendagri daerah Anda (PP.KK)", (line, col), tmp_path)
    assert len(outcome.warnings) == 1
    english = run_cli("validate", "--lang", "en", outcome.path)
    assert expect(outcome.path, line, col, "warning", "region.code", "code `35.10` is still the"
                  " example of `masterplan init` (the code of Kabupaten Banyuwangi, not"
                  " `Sidoarjo`); write your region's Kemendagri code (PP.KK)") in (
        diagnostic_lines(english.stdout))


@pytest.mark.parametrize("name", ["Banyuwangi", "banyuwangi", "Kabupaten Banyuwangi"])
def test_the_starters_code_is_fine_for_its_own_region(tmp_path: Path, name: str) -> None:
    outcome, _edit = run_edit(tmp_path, "name: Banyuwangi", f"name: {name}")
    assert "region.code" not in outcome.result.stdout


def test_the_starters_region_name_is_a_warning(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "name: Banyuwangi", "name: Nama Kota", mark="Nama Kota")
    assert_warning(outcome, "region.name", "Nama daerah tanpa 'Kabupaten'/'Kota' masih berisi"
                   " contoh dari `masterplan init` (`Nama Kota`); ganti dengan isi daerah Anda",
                   (edit.line, edit.col), tmp_path)


@pytest.mark.parametrize(("old", "new", "mark", "where", "what", "example"), [
    ("{narrative: Wilayah pesisir dan pegunungan di ujung timur Pulau Jawa.}",
     "{narrative: '  Uraian singkat\n  bagian ini. '}", "'", "profile.geography.narrative",
     "Uraian", "Uraian singkat bagian ini."),  # compared without regard to spacing
    ("narrative: SDM TIK terbatas.}", "narrative: Uraian kondisi dan bukti pendukung.}",
     "Uraian", "readiness.structure.human_resources.narrative", "Uraian kondisi aspek ini",
     "Uraian kondisi dan bukti pendukung."),
    ("statement: Banyuwangi cerdas, terbuka dan sejahtera",
     "statement: Terwujudnya daerah cerdas yang sejahtera", "Terwujudnya", "vision.statement",
     "Rumusan visi smart city", "Terwujudnya daerah cerdas yang sejahtera"),
    ("vision: Banyuwangi maju dan sejahtera}", "vision: Visi RPJMD daerah}", "Visi",
     "profile.rpjmd.vision", "Visi RPJMD", "Visi RPJMD daerah"),
])
def test_a_placeholder_left_in_a_finished_spec_is_a_warning(
        tmp_path: Path, old: str, new: str, mark: str, where: str, what: str,
        example: str) -> None:
    outcome, edit = run_edit(tmp_path, old, new, mark=mark)
    assert_warning(outcome, where, f"{what} masih berisi contoh dari `masterplan init`"
                   f" (`{example}`); ganti dengan isi daerah Anda", (edit.line, edit.col),
                   tmp_path)
    assert len(outcome.warnings) == 1


def test_an_example_value_that_is_no_placeholder_is_fine(tmp_path: Path) -> None:
    """Examples that a real spec may well hold (an agency, a title, a law) are not flagged."""
    outcome, _edit = run_edit(tmp_path, "title: Masterplan Smart City Kabupaten Banyuwangi",
                              "title: Masterplan Smart City")
    assert outcome.result.stdout == ""


# --- periods and years -------------------------------------------------------------------------

def test_period_end_before_start(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "end_year: 2035}", "end_year: 2025}", mark="2025")
    assert_only_error(outcome, "document.period.end_year",
                      "tahun akhir 2025 lebih awal dari tahun awal 2026", (edit.line, edit.col))
    assert outcome.warnings == []  # rules that need a sane period are skipped, not confused


def test_period_longer_than_ten_years(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "end_year: 2035}", "end_year: 2036}", mark="2036")
    assert_only_error(outcome, "document.period.end_year",
                      "periode 11 tahun terlalu panjang; paling lama 10 tahun",
                      (edit.line, edit.col))


def test_a_ten_year_period_is_fine(tmp_path: Path) -> None:
    outcome = run(tmp_path, compact_text(), "--strict")  # 2026-2035
    assert outcome.result.exit_code == 0


@pytest.mark.parametrize(("old", "new", "mark", "where", "year"), [
    (GOV01_YEARS, "horizon: medium, start_year: 2025, end_year: 2030,", "2025",
     f"{GOV01}.start_year", 2025),
    (GOV03_YEARS, "start_year: 2026, end_year: 2036,", "2036", f"{GOV03}.end_year", 2036),
    ("targets: {2026: 40, 2030: 100}", "targets: {2025: 20, 2030: 100}", "20,",
     f"{GOV01}.indicators[0].targets.2025", 2025),  # after the period: context (below)
    (GOV01_BUDGET, "budget: [{year: 2036, amount: 750000000, source: APBD}]", "2036",
     f"{GOV01}.budget[0].year", 2036),
    ("{description: Indeks SPBE sangat baik, year: 2030}",
     "{description: Indeks SPBE sangat baik, year: 2024}", "2024", "vision.targets[0].year",
     2024),
    ("start_year: 2026, end_year: 2026, kpis", "start_year: 2026, end_year: 2036, kpis", "2036",
     "quick_wins[0].end_year", 2036),
    ("[{name: Dataset, unit: dataset, target: 100}]",
     "[{name: Dataset, unit: dataset, target: 100}], budget: [{year: 2037, amount: 1,"
     " source: APBD}]", "2037", "quick_wins[0].budget[0].year", 2037),
])
def test_years_outside_the_masterplan_period(tmp_path: Path, old: str, new: str, mark: str,
                                             where: str, year: int) -> None:
    outcome, edit = run_edit(tmp_path, old, new, mark=mark)
    assert_only_error(outcome, where, f"tahun {year} di luar periode masterplan 2026-2035",
                      (edit.line, edit.col))


def test_program_end_before_its_start(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, GOV02_YEARS,
                             GOV02_YEARS.replace("2026, end_year: 2027", "2027, end_year: 2026"),
                             mark="2026")
    assert_only_error(outcome, f"{GOV02}.end_year",
                      "tahun akhir 2026 lebih awal dari tahun awal 2027", (edit.line, edit.col))


def test_quick_win_end_before_its_start(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "start_year: 2027, end_year: 2027,",
                             "start_year: 2027, end_year: 2026,", mark="2026")
    assert_only_error(outcome, "quick_wins[1].end_year",
                      "tahun akhir 2026 lebih awal dari tahun awal 2027", (edit.line, edit.col))


@pytest.mark.parametrize(("old", "new", "mark", "where"), [
    (GOV01_BUDGET, "budget: [{year: 2031, amount: 750000000, source: APBD}]", "2031",
     f"{GOV01}.budget[0].year"),
    ("targets: {2026: 40, 2030: 100}", "targets: {2026: 40, 2031: 100}", "100",
     f"{GOV01}.indicators[0].targets.2031"),
])
def test_year_outside_the_program_years_is_a_warning(tmp_path: Path, old: str, new: str,
                                                     mark: str, where: str) -> None:
    outcome, edit = run_edit(tmp_path, old, new, mark=mark)
    assert_warning(outcome, where, "tahun 2031 di luar masa program (2026-2030)",
                   (edit.line, edit.col), tmp_path)


# --- quick wins ----------------------------------------------------------------------------------

def test_quick_win_unknown_program_with_did_you_mean(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "program: ECO-01,", "program: EC0-01,", mark="EC0-01")
    assert_only_error(outcome, "quick_wins[1].program",
                      "quick win merujuk program `EC0-01` yang tidak ada; mungkin maksudnya"
                      " `ECO-01`?", (edit.line, edit.col))


def test_quick_win_unknown_program_without_a_close_match(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "program: ECO-01,", "program: XYZ-99,", mark="XYZ-99")
    assert_only_error(outcome, "quick_wins[1].program",
                      "quick win merujuk program `XYZ-99` yang tidak ada", (edit.line, edit.col))


def test_quick_win_starting_after_year_two(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "start_year: 2027, end_year: 2027,",
                             "start_year: 2028, end_year: 2028,", mark="2028")
    assert_only_error(outcome, "quick_wins[1].start_year",
                      "quick win harus dimulai pada dua tahun pertama (2026-2027), ditemukan"
                      " 2028", (edit.line, edit.col))


def test_quick_win_starting_in_year_two_is_fine(tmp_path: Path) -> None:
    assert "start_year: 2027, end_year: 2027," in compact_text()  # QW-02 starts in year two
    assert run(tmp_path, compact_text(), "--strict").result.exit_code == 0


def test_quick_win_without_kpi(tmp_path: Path) -> None:
    outcome, _edit = run_edit(tmp_path, ", kpis: [{name: Dataset, unit: dataset, target: 100}]",
                             "")
    assert_warning(outcome, "quick_wins[0]", "quick win belum memiliki KPI",
                   outcome.at("{id: QW-01"), tmp_path)


def test_fewer_than_three_quick_wins(tmp_path: Path) -> None:
    _block, text = cut(compact_text(), "  - {id: QW-03", "agencies:")
    outcome = run(tmp_path, text)
    assert_warning(outcome, "quick_wins", "hanya 2 quick win; biasanya 3-8 (satu per dimensi)",
                   outcome.at("- {id: QW-01"), tmp_path)


def test_no_quick_win_at_all(tmp_path: Path) -> None:
    _block, text = cut(compact_text(), "  - {id: QW-01", "agencies:")
    outcome = run(tmp_path, text.replace("quick_wins:\n", "quick_wins: []\n"))
    assert outcome.line("warning", "quick_wins",
                        "belum ada quick win; biasanya 3-8 (satu per dimensi)",
                        outcome.at("[]")) in outcome.warnings


# --- region ------------------------------------------------------------------------------------

def test_region_code_says_kota_but_type_says_kabupaten(tmp_path: Path) -> None:
    outcome, _edit = run_edit(tmp_path, 'code: "35.10"', 'code: "35.71"')
    assert_only_error(outcome, "region.type", "kode 35.71 adalah kota, tetapi `type` adalah"
                      " kabupaten (KK 01-69 kabupaten, 71-99 kota)",
                      outcome.at("type: kabupaten", offset=6))


@pytest.mark.parametrize("code", ["35.70", "35.00"])
def test_region_code_kk_out_of_range(tmp_path: Path, code: str) -> None:
    outcome, edit = run_edit(tmp_path, 'code: "35.10"', f'code: "{code}"', mark=f'"{code}"')
    assert_only_error(outcome, "region.code", f"kode daerah {code} tidak sah: KK harus 01-69"
                      " (kabupaten) atau 71-99 (kota)", (edit.line, edit.col))


def test_unknown_province_code(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, 'code: "35.10"', 'code: "99.10"', mark='"99.10"')
    assert_only_error(outcome, "region.code", "kode provinsi 99 tidak dikenal",
                      (edit.line, edit.col))


def test_province_name_mismatch_is_a_warning(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "province: Jawa Timur", "province: Jawa Tengah",
                             mark="Jawa Tengah")
    assert_warning(outcome, "region.province",
                   "kode 35 milik provinsi Jawa Timur, bukan `Jawa Tengah`",
                   (edit.line, edit.col), tmp_path)


def test_province_name_ignores_case_and_spaces(tmp_path: Path) -> None:
    outcome, _edit = run_edit(tmp_path, "province: Jawa Timur", "province: JAWA  timur")
    assert outcome.result.exit_code == 0
    assert outcome.result.stdout == ""


@pytest.mark.parametrize(("code", "province"), [
    ("34.04", "Daerah Istimewa Yogyakarta"), ("34.04", "DI Yogyakarta"),
    ("34.04", "D.I. Yogyakarta"), ("34.04", "DIY"), ("34.04", "Provinsi D. I. Yogyakarta"),
    ("31.01", "DKI Jakarta"), ("31.01", "Daerah Khusus Jakarta"),
    ("31.01", "Provinsi Daerah Khusus Ibu Kota Jakarta"),
    ("19.01", "Kepulauan Bangka Belitung"), ("19.01", "Bangka Belitung"),
    ("19.01", "Kep. Bangka Belitung"), ("93.01", "Papua Selatan"), ("94.01", "Papua Tengah"),
    ("95.01", "Papua Pegunungan"), ("96.01", "Papua Barat Daya"), ("35.10", "East Java"),
    ("12.01", "Sumatra Utara"),
])
def test_province_names_as_the_law_and_people_write_them(tmp_path: Path, code: str,
                                                         province: str) -> None:
    outcome, _edit = run_edit(tmp_path, 'code: "35.10"\n  name: Banyuwangi\n  type: kabupaten\n'
                              "  province: Jawa Timur", f'code: "{code}"\n  name: Banyuwangi\n'
                              f"  type: kabupaten\n  province: {province}", "--strict")
    assert (outcome.result.exit_code, outcome.result.stdout) == (0, "")


def test_every_province_and_its_kemendagri_code_is_known() -> None:
    from benchmarks.regions import REGIONS
    from generator.spec.provinces import province_code
    from generator.spec.vocabulary import PROVINCE_ALIASES, PROVINCES

    assert len(PROVINCES) == 38
    assert set(PROVINCES) == {code[:2] for code, _type, _name in REGIONS}
    assert {PROVINCES[c] for c in ("93", "94", "95", "96")} == {
        "Papua Selatan", "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya"}
    for code, name in PROVINCES.items():
        assert province_code(name) == code
        assert province_code(f"Provinsi {name.upper()}") == code
        for alias in PROVINCE_ALIASES.get(code, ()):
            assert province_code(alias) == code, alias


def test_a_province_alias_must_still_agree_with_the_code(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "province: Jawa Timur", "province: D.I. Yogyakarta",
                             mark="D.I.")
    assert_warning(outcome, "region.province",
                   "kode 35 milik provinsi Jawa Timur, bukan `D.I. Yogyakarta`",
                   (edit.line, edit.col), tmp_path)


@pytest.mark.parametrize(("code", "written", "suggestion"), [
    ("35.10", "Jawa Timr", "; mungkin maksudnya `Jawa Timur`?"),
    ("34.04", "Daerah Istimewa Jogyakarta", "; mungkin maksudnya `Daerah Istimewa Yogyakarta`?"),
    ("96.01", "Papua Barat Dya", "; mungkin maksudnya `Papua Barat Daya`?"),
    ("35.10", "Atlantis", ""),
])
def test_an_unknown_province_name_gets_did_you_mean(tmp_path: Path, code: str, written: str,
                                                   suggestion: str) -> None:
    text = compact_text().replace('code: "35.10"', f'code: "{code}"')
    edit = Edit.replace(text, "province: Jawa Timur", f"province: {written}", mark=written)
    outcome = run(tmp_path, edit.text)
    assert_warning(outcome, "region.province", f"provinsi `{written}` tidak dikenal{suggestion}",
                   (edit.line, edit.col), tmp_path)


def test_a_deputy_head_is_accepted(tmp_path: Path) -> None:
    outcome, _edit = run_edit(tmp_path, "head_title: Bupati", "head_title: Bupati\n"
                              "  head_name: Ipuk Fiestiandani\n  deputy_head_name: Sugirah",
                              "--strict")
    assert (outcome.result.exit_code, outcome.result.stdout) == (0, "")


@pytest.mark.parametrize(("key", "name", "title"), [
    ("deputy_head_name", "Wakil Bupati H. Sugirah", "Wakil Bupati"),
    ("head_name", "Bupati Ipuk Fiestiandani", "Bupati"),
    ("deputy_head_name", "wakil walikota Fulan", "wakil walikota"),
])
def test_a_head_name_written_with_its_title_is_a_warning(tmp_path: Path, key: str, name: str,
                                                         title: str) -> None:
    outcome, edit = run_edit(tmp_path, "head_title: Bupati", f"head_title: Bupati\n  {key}:"
                             f" {name}", mark=name)
    assert_warning(outcome, f"region.{key}", f"tulis nama saja, tanpa `{title}`: sebutannya"
                   " sudah dicetak", (edit.line, edit.col), tmp_path)


def test_the_deputy_is_not_the_head(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "head_title: Bupati", "head_title: Bupati\n"
                             "  head_name: Ipuk Fiestiandani\n"
                             "  deputy_head_name: IPUK  Fiestiandani", mark="IPUK")
    assert_warning(outcome, "region.deputy_head_name",
                   "wakil kepala daerah `IPUK  Fiestiandani` sama dengan kepala daerah",
                   (edit.line, edit.col), tmp_path)


def test_head_title_mismatch_is_a_warning(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "head_title: Bupati", "head_title: Wali Kota",
                             mark="Wali Kota")
    assert_warning(outcome, "region.head_title",
                   "kepala daerah kabupaten disebut Bupati, ditemukan `Wali Kota`",
                   (edit.line, edit.col), tmp_path)


def test_a_kota_is_headed_by_a_wali_kota(tmp_path: Path) -> None:
    text = (compact_text().replace('code: "35.10"', 'code: "35.78"')
            .replace("name: Banyuwangi", "name: Surabaya")
            .replace("type: kabupaten", "type: kota").replace("head_title: Bupati",
                                                              "head_title: Wali Kota"))
    outcome = run(tmp_path, text, "--strict")
    assert (outcome.result.exit_code, outcome.result.stdout) == (0, "")


# --- funding -----------------------------------------------------------------------------------

def test_unknown_funding_source(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, GOV01_BUDGET,
                             "budget: [{year: 2026, amount: 750000000, source: PINJAMAN}]",
                             mark="PINJAMAN")
    assert_only_error(outcome, f"{GOV01}.budget[0].source",
                      f"sumber dana `PINJAMAN` tidak dikenal; pilihan: {STANDARD_SOURCES}, atau"
                      " nyatakan di `funding_sources`", (edit.line, edit.col))


def test_a_declared_custom_funding_source_is_accepted_and_needed(tmp_path: Path) -> None:
    assert "source: BUMD" in compact_text()
    assert run(tmp_path, compact_text(), "--strict").result.exit_code == 0
    _block, text = cut(compact_text(), "funding_sources:\n", "glossary:")
    outcome = run(tmp_path, text)
    assert_only_error(outcome, f"{GOV03}.budget[0].source",
                      f"sumber dana `BUMD` tidak dikenal; mungkin maksudnya `BLUD`?; pilihan:"
                      f" {STANDARD_SOURCES}, atau nyatakan di `funding_sources`",
                      outcome.at("BUMD"))


# --- readiness ---------------------------------------------------------------------------------

def test_readiness_status_and_score_disagree(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "{status: cukup, score: 2.5,",
                             "{status: cukup, score: 3.5,", mark="3.5")
    assert_warning(outcome, "readiness.structure.human_resources.score",
                   "status `cukup` tidak sesuai dengan skor 3.5 (diharapkan 2-3)",
                   (edit.line, edit.col), tmp_path)


@pytest.mark.parametrize("score", ["2", "3", "2.0"])
def test_readiness_score_on_the_band_edge_agrees(tmp_path: Path, score: str) -> None:
    outcome, _edit = run_edit(tmp_path, "{status: cukup, score: 2.5,",
                              f"{{status: cukup, score: {score},")
    assert outcome.result.stdout == ""


@pytest.mark.parametrize("status", ["kurang", "cukup", "baik"])
def test_the_status_bands_the_validator_uses_are_the_documented_ones(
        tmp_path: Path, status: str) -> None:
    """docs/spec.md and the starter's comments give the bands of STATUS_SCORE_RANGE; the rule
    accepts a score on both ends of its status's band and warns just outside them."""
    from generator.spec.reference import spec_reference
    from generator.spec.vocabulary import STATUS_SCORE_RANGE

    assert STATUS_SCORE_RANGE == {"kurang": (1.0, 2.0), "cukup": (2.0, 3.0), "baik": (3.0, 4.0)}
    assert "`kurang` 1-2, `cukup` 2-3, `baik` 3-4" in spec_reference()
    low, high = STATUS_SCORE_RANGE[status]
    for score in (low, high, (low + high) / 2):
        outcome, _edit = run_edit(tmp_path, "{status: cukup, score: 2.5,",
                                  f"{{status: {status}, score: {score:g},")
        assert outcome.result.stdout == "", score
    for score in (low - 0.1, high + 0.1):
        if not 1 <= score <= 4:
            continue
        outcome, edit = run_edit(tmp_path, "{status: cukup, score: 2.5,",
                                 f"{{status: {status}, score: {score:g},", mark=f"{score:g}")
        assert outcome.warnings == [outcome.line(
            "warning", "readiness.structure.human_resources.score", f"status `{status}` tidak"
            f" sesuai dengan skor {score:g} (diharapkan {low:g}-{high:g})",
            (edit.line, edit.col))]


def test_readiness_aspect_without_status_or_score(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "budget: {status: cukup, narrative:",
                             "budget: {narrative:", mark="{")
    assert_only_error(outcome, "readiness.structure.budget",
                      "isi `status` (baik/cukup/kurang) atau `score` (1-4)",
                      (edit.line, edit.col))


# --- labels ------------------------------------------------------------------------------------

def test_non_standard_dimension_label(tmp_path: Path) -> None:
    old = "  governance:\n    current_condition:"
    outcome, edit = run_edit(tmp_path, old, "  governance:\n    label: Tata Pemerintahan\n"
                             "    current_condition:", mark="Tata Pemerintahan")
    assert_warning(outcome, "dimensions.governance.label",
                   "label `Tata Pemerintahan` bukan nama baku; nama baku: Smart Governance",
                   (edit.line, edit.col), tmp_path)


def test_non_standard_sub_dimension_label(tmp_path: Path) -> None:
    old = "      public_service:\n        programs:"
    outcome, edit = run_edit(tmp_path, old, "      public_service:\n        label: Layanan Umum\n"
                             "        programs:", mark="Layanan Umum")
    assert_warning(outcome, "dimensions.governance.sub_dimensions.public_service.label",
                   "label `Layanan Umum` bukan nama baku; nama baku: Pelayanan Publik /"
                   " Public Service", (edit.line, edit.col), tmp_path)


@pytest.mark.parametrize(("old", "label"), [
    ("  governance:\n    current_condition:", "Tata Kelola Pemerintahan"),  # known alias
    ("  governance:\n    current_condition:", "smart governance"),  # standard, any case
    ("      bureaucracy:\n        programs:", "Birokrasi"),  # known alias
    ("      public_service:\n        programs:", "Public Service"),  # the English name
    ("      public_service:\n        programs:", "Pelayanan  Publik"),  # spaces do not matter
])
def test_standard_labels_and_known_aliases_are_accepted_silently(tmp_path: Path, old: str,
                                                                 label: str) -> None:
    indent = old.split("\n")[1][: len(old.split("\n")[1]) - len(old.split("\n")[1].lstrip())]
    first, second = old.split("\n")
    outcome, _edit = run_edit(tmp_path, old, f"{first}\n{indent}label: {label}\n{second}")
    assert (outcome.result.exit_code, outcome.result.stdout) == (0, "")


# --- agencies and horizons -----------------------------------------------------------------------

def test_unknown_agency_code_is_a_warning(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "{id: GOV-01, name: Mal Pelayanan Publik Digital,"
                             " lead_opd: DISKOMINFO,", "{id: GOV-01, name: Mal Pelayanan Publik"
                             " Digital, lead_opd: DISKOMNFO,", mark="DISKOMNFO")
    assert_warning(outcome, f"{GOV01}.lead_opd", "OPD `DISKOMNFO` tidak ada di daftar `agencies`;"
                   " mungkin maksudnya `DISKOMINFO`?", (edit.line, edit.col), tmp_path)


def test_unknown_quick_win_owner_is_a_warning(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "owner_opd: BAPPEDA,", "owner_opd: BAPEDA,", mark="BAPEDA")
    assert_warning(outcome, "quick_wins[0].owner_opd",
                   "OPD `BAPEDA` tidak ada di daftar `agencies`; mungkin maksudnya `BAPPEDA`?",
                   (edit.line, edit.col), tmp_path)


def test_an_unknown_agency_far_from_every_code_gets_no_suggestion(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "owner_opd: BAPPEDA,", "owner_opd: DINKES,", mark="DINKES")
    assert_warning(outcome, "quick_wins[0].owner_opd",
                   "OPD `DINKES` tidak ada di daftar `agencies`", (edit.line, edit.col),
                   tmp_path)


def test_an_unknown_supporting_agency_gets_a_suggestion_in_english(tmp_path: Path) -> None:
    old = "{id: GOV-01, name: Mal Pelayanan Publik Digital, lead_opd: DISKOMINFO,"
    outcome, edit = run_edit(tmp_path, old, old + " supporting_opds: [BAPEDA],", "--lang", "en",
                             mark="BAPEDA")
    assert outcome.line("warning", f"{GOV01}.supporting_opds[0]", "agency `BAPEDA` is not in"
                        " the `agencies` list; did you mean `BAPPEDA`?",
                        (edit.line, edit.col)) in outcome.warnings


def test_an_agency_written_as_a_name_is_not_checked(tmp_path: Path) -> None:
    outcome, _edit = run_edit(tmp_path, "lead_opd: BAPPEDA,", "lead_opd: Dinas Kesehatan,")
    assert (outcome.result.exit_code, outcome.result.stdout) == (0, "")


@pytest.mark.parametrize(("old", "new", "where", "message"), [
    (GOV02_YEARS, GOV02_YEARS.replace("2027", "2028"), GOV02,
     "program jangka pendek biasanya berlangsung paling lama 2 tahun, ditemukan 2026-2028"
     " (3 tahun)"),
    (GOV01_YEARS, GOV01_YEARS.replace("2030", "2031"), GOV01,
     "program jangka menengah biasanya berlangsung paling lama 5 tahun, ditemukan 2026-2031"
     " (6 tahun)"),
    (GOV03_YEARS, GOV03_YEARS.replace("2035", "2030"), GOV03,
     "program jangka panjang biasanya berlangsung lebih dari 5 tahun atau berlanjut setelah"
     " 2030 (tahun ke-5 periode), ditemukan 2026-2030 (5 tahun)"),
    (GOV03_YEARS, GOV03_YEARS.replace("2026, end_year: 2035", "2027, end_year: 2029"), GOV03,
     "program jangka panjang biasanya berlangsung lebih dari 5 tahun atau berlanjut setelah"
     " 2030 (tahun ke-5 periode), ditemukan 2027-2029 (3 tahun)"),
])
def test_horizon_inconsistent_with_the_years(tmp_path: Path, old: str, new: str, where: str,
                                             message: str) -> None:
    outcome, _edit = run_edit(tmp_path, old, new)
    horizon = {GOV01: "horizon: medium", GOV02: "horizon: short", GOV03: "horizon: long"}[where]
    assert_warning(outcome, f"{where}.horizon", message,
                   outcome.at(horizon, offset=len("horizon: ")), tmp_path)


GOV01_PROGRAM = (GOV01_YEARS + '\n             indicators: [{name: Layanan daring, unit: "%",'
                 " targets: {2026: 40, 2030: 100}}],\n             " + GOV01_BUDGET)


@pytest.mark.parametrize(("horizon", "start", "end"), [
    ("medium", 2027, 2031),  # starts in year 2, runs five years: one RPJMD
    ("medium", 2028, 2032),
    ("medium", 2031, 2035),
    ("short", 2033, 2034),
    ("long", 2027, 2035),
    ("long", 2029, 2031),  # past the period's fifth year
])
def test_a_horizon_is_judged_by_duration_whatever_the_start(tmp_path: Path, horizon: str,
                                                             start: int, end: int) -> None:
    outcome, _edit = run_edit(tmp_path, GOV01_PROGRAM, (
        f"horizon: {horizon}, start_year: {start}, end_year: {end},\n"
        f'             indicators: [{{name: Layanan daring, unit: "%", targets: {{{end}: 100}}}}],'
        f"\n             budget: [{{year: {start}, amount: 750000000, source: APBD}}]"),
        "--strict")
    assert (outcome.result.exit_code, outcome.result.stdout) == (0, "")


# --- targets after the period --------------------------------------------------------------------

def test_targets_after_the_period_are_accepted_as_context(tmp_path: Path) -> None:
    text = (compact_text()
            .replace("targets: {2026: 40, 2030: 100}", "targets: {2026: 40, 2030: 100, 2045: 100}")
            .replace("{description: Indeks SPBE sangat baik, year: 2030}",
                     "{description: Indeks SPBE sangat baik, year: 2045}"))
    outcome = run(tmp_path, text, "--strict")
    assert (outcome.result.exit_code, outcome.result.stdout) == (0, "")


def test_an_indicator_with_only_a_target_after_the_period(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "targets: {2026: 40, 2030: 100}", "targets: {2045: 100}",
                             mark="{2045")
    assert_warning(outcome, f"{GOV01}.indicators[0].targets",
                   "indikator belum memiliki target untuk tahun akhir program 2030",
                   (edit.line, edit.col), tmp_path)


# --- grades: indicators on a scale ---------------------------------------------------------------

@pytest.mark.parametrize(("scale", "baseline", "targets"), [
    ("sakip", "CC", "{2026: B, 2028: bb, 2030: A}"),
    ("bpk_opinion", "WDP", "{2026: WTP, 2030: wtp, 2045: WTP}"),
    ("spbe", "2", "{2026: 3, 2030: Sangat Baik}"),
    ("yes_no", "tidak", "{2026: ya, 2030: Ya}"),
    ("yes_no", "no", "{2030: yes}"),
])
def test_an_indicator_on_a_builtin_scale(tmp_path: Path, scale: str, baseline: str,
                                         targets: str) -> None:
    outcome, _edit = run_edit(tmp_path, 'unit: "%", targets: {2026: 40, 2030: 100}',
                              f'unit: "%", scale: {scale}, baseline: {baseline},'
                              f" targets: {targets}", "--strict")
    assert (outcome.result.exit_code, outcome.result.stdout) == (0, "")


@pytest.mark.parametrize(("targets", "mark", "year", "value", "suggestion"), [
    ("{2026: B, 2030: BBB}", "BBB", "2030", "BBB", "; mungkin maksudnya `BB`?"),
    ("{2026: B, 2030: 100}", "100", "2030", "100", ""),
    ("{2026: B, 2030: 2.5}", "2.5", "2030", "2.5", ""),
    ("{2026: Cukup Baik, 2030: A}", "Cukup Baik", "2026", "Cukup Baik", ""),
])
def test_a_target_that_is_no_level_of_its_scale(tmp_path: Path, targets: str, mark: str,
                                                year: str, value: str, suggestion: str) -> None:
    outcome, edit = run_edit(tmp_path, "targets: {2026: 40, 2030: 100}",
                             f"scale: sakip, targets: {targets}", mark=mark)
    assert_only_error(outcome, f"{GOV01}.indicators[0].targets.{year}",
                      f"`{value}` bukan tingkat skala sakip (D, C, CC, B, BB, A, AA){suggestion}",
                      (edit.line, edit.col))


def test_a_baseline_that_is_no_level_of_its_scale(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, 'unit: "%", targets: {2026: 40, 2030: 100}',
                             'unit: "%", scale: bpk_opinion, baseline: WPT,'
                             " targets: {2026: WTP, 2030: WTP}", mark="WPT")
    assert_only_error(outcome, f"{GOV01}.indicators[0].baseline",
                      "`WPT` bukan tingkat skala bpk_opinion (TMP, TW, WDP, WTP); mungkin"
                      " maksudnya `WTP`?", (edit.line, edit.col))


def test_an_unknown_scale_with_did_you_mean(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "targets: {2026: 40, 2030: 100}",
                             "scale: spbee, targets: {2026: 3, 2030: 4}", mark="spbee")
    assert_only_error(outcome, f"{GOV01}.indicators[0].scale",
                      "skala `spbee` tidak dikenal; mungkin maksudnya `spbe`?; pilihan: sakip,"
                      " bpk_opinion, spbe, yes_no, atau nyatakan di `scales`",
                      (edit.line, edit.col))


IKM_SCALE = ("scales:\n  - id: ikm\n    name: Mutu pelayanan (IKM)\n    levels:\n"
             "      - {code: D, label: Tidak baik}\n      - {code: C, label: Kurang baik}\n"
             "      - {code: B, label: Baik}\n      - {code: A, label: Sangat baik}\n")


def test_a_scale_of_the_specs_own(tmp_path: Path) -> None:
    text = compact_text().replace("glossary:", IKM_SCALE + "glossary:").replace(
        "targets: {2026: 40, 2030: 100}", "scale: ikm, baseline: C, targets: {2026: B,"
        " 2030: sangat baik}")
    outcome = run(tmp_path, text, "--strict")
    assert (outcome.result.exit_code, outcome.result.stdout) == (0, "")
    the_scale_lists_its_levels = run(tmp_path, text.replace("2030: sangat baik", "2030: AA"))
    assert the_scale_lists_its_levels.errors == [the_scale_lists_its_levels.line(
        "error", f"{GOV01}.indicators[0].targets.2030", "`AA` bukan tingkat skala ikm"
        " (D, C, B, A); mungkin maksudnya `A`?", the_scale_lists_its_levels.at("AA"))]


def test_a_scale_of_the_specs_own_cannot_take_a_builtin_name(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "glossary:", IKM_SCALE.replace("id: ikm", "id: sakip") +
                             "glossary:", mark="sakip")
    assert_only_error(outcome, "scales[0].id", "skala `sakip` sudah tersedia bawaan; pakai nama"
                      " lain untuk skala sendiri", (edit.line, edit.col))


def test_a_level_twice_in_a_scale_and_a_scale_twice(tmp_path: Path) -> None:
    twice = IKM_SCALE.replace("{code: A, label: Sangat baik}", "{code: b, label: Sangat baik}")
    second = IKM_SCALE.removeprefix("scales:\n")
    outcome, edit = run_edit(tmp_path, "glossary:", twice + second + "glossary:")
    first_b = position_of(edit.text, "B, label: Baik")
    lower_b = position_of(edit.text, "b, label: Sangat")
    first_id = position_of(edit.text, "ikm")
    second_id = position_of(edit.text, "ikm", occurrence=1)
    assert outcome.errors == [
        outcome.line("error", "scales[0].levels[3].code", f"`b` sudah ada di"
                     f" scales[0].levels[2].code ({first_b[0]}:{first_b[1]})", lower_b),
        outcome.line("error", "scales[1].id", f"`ikm` sudah ada di scales[0].id"
                     f" ({first_id[0]}:{first_id[1]})", second_id)]


def test_a_vision_target_on_a_scale(tmp_path: Path) -> None:
    outcome, _edit = run_edit(tmp_path, "{description: Indeks SPBE sangat baik, year: 2030}",
                              "{description: Opini WTP, scale: bpk_opinion, value: WTP,"
                              " year: 2045}", "--strict")
    assert (outcome.result.exit_code, outcome.result.stdout) == (0, "")
    outcome, edit = run_edit(tmp_path, "{description: Indeks SPBE sangat baik, year: 2030}",
                             "{description: Indeks SPBE, scale: spbe, value: 6, year: 2030}",
                             mark="6,")
    assert_only_error(outcome, "vision.targets[0].value",
                      "`6` bukan tingkat skala spbe (1, 2, 3, 4, 5)", (edit.line, edit.col))


# --- RPJMD ---------------------------------------------------------------------------------------

def test_rpjmd_not_five_years_is_a_warning(tmp_path: Path) -> None:
    outcome, _edit = run_edit(tmp_path, "rpjmd: {start_year: 2025, end_year: 2029,",
                              "rpjmd: {start_year: 2025, end_year: 2031,")
    assert_warning(outcome, "profile.rpjmd", "periode RPJMD biasanya 5 tahun (kadang 6),"
                   " ditemukan 2025-2031", outcome.at("{start_year: 2025"), tmp_path)


@pytest.mark.parametrize("end", [2029, 2030])
def test_rpjmd_of_five_or_six_years_is_fine(tmp_path: Path, end: int) -> None:
    outcome, _edit = run_edit(tmp_path, "rpjmd: {start_year: 2025, end_year: 2029,",
                              f"rpjmd: {{start_year: 2025, end_year: {end},")
    assert (outcome.result.exit_code, outcome.result.stdout) == (0, "")


def test_rpjmd_end_before_start_is_an_error(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "rpjmd: {start_year: 2025, end_year: 2029,",
                             "rpjmd: {start_year: 2025, end_year: 2024,", mark="2024")
    assert_only_error(outcome, "profile.rpjmd.end_year",
                      "tahun akhir 2024 lebih awal dari tahun awal 2025", (edit.line, edit.col))


# --- completeness warnings -----------------------------------------------------------------------

@pytest.mark.parametrize("replacement", ["", "indicators: [],\n             "])
def test_program_without_indicator(tmp_path: Path, replacement: str) -> None:
    old = ('indicators: [{name: Layanan daring, unit: "%", targets: {2026: 40, 2030: 100}}],'
           "\n             ")
    outcome, _edit = run_edit(tmp_path, old, replacement)
    assert_warning(outcome, GOV01, "program belum memiliki indikator",
                   outcome.at("{id: GOV-01"), tmp_path)


def test_program_without_budget(tmp_path: Path) -> None:
    outcome, _edit = run_edit(tmp_path, "}}],\n             " + GOV01_BUDGET + "}", "}}]}")
    assert_warning(outcome, GOV01, "program belum memiliki anggaran", outcome.at("{id: GOV-01"),
                   tmp_path)


def test_sub_dimension_without_program(tmp_path: Path) -> None:
    _block, text = cut(compact_text(), "      business:\n", "      city_appearance:")
    outcome = run(tmp_path, text.replace("      city_appearance:",
                                         "      business: {}\n      city_appearance:"))
    assert outcome.warnings == [outcome.line(
        "warning", "dimensions.branding.sub_dimensions.business",
        "sub-dimensi belum memiliki program", outcome.at("{}"))]
    assert_warning(outcome, "dimensions.branding.sub_dimensions.business",
                   "sub-dimensi belum memiliki program", outcome.at("{}"), tmp_path)


def test_dimension_without_program(tmp_path: Path) -> None:
    _block, text = cut(compact_text(), "      tourism:\n", "  economy:")
    text = text.replace("    sub_dimensions:\n  economy:", "    sub_dimensions:\n"
                        "      tourism: {}\n      business: {}\n      city_appearance: {}\n"
                        "  economy:")
    outcome = run(tmp_path, text)
    sub = "dimensions.branding.sub_dimensions"
    assert outcome.warnings == [
        outcome.line("warning", "dimensions.branding",
                     "dimensi Smart Branding belum memiliki program",
                     outcome.at("current_condition: Citra")),
        outcome.line("warning", f"{sub}.tourism", "sub-dimensi belum memiliki program",
                     outcome.at("{}", occurrence=0)),
        outcome.line("warning", f"{sub}.business", "sub-dimensi belum memiliki program",
                     outcome.at("{}", occurrence=1)),
        outcome.line("warning", f"{sub}.city_appearance", "sub-dimensi belum memiliki program",
                     outcome.at("{}", occurrence=2)),
    ]
    assert outcome.result.exit_code == 0
    assert run_cli("validate", "--strict", outcome.path).exit_code == 1


@pytest.mark.parametrize("empty", ['""', '"   "', "''"])
def test_empty_narrative(tmp_path: Path, empty: str) -> None:
    outcome, edit = run_edit(
        tmp_path, "{narrative: Wilayah pesisir dan pegunungan di ujung timur Pulau Jawa.}",
        f"{{narrative: {empty}}}", mark=empty)
    assert_warning(outcome, "profile.geography.narrative", "uraian kosong",
                   (edit.line, edit.col), tmp_path)


def test_empty_block_narrative(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "  economy: {narrative: Bertumpu pada pertanian dan"
                             " pariwisata.}", "  economy:\n    narrative: |\n\n", mark="|")
    assert_warning(outcome, "profile.economy.narrative", "uraian kosong", (edit.line, edit.col),
                   tmp_path)


# --- --strict ------------------------------------------------------------------------------------

def test_strict_turns_warnings_into_failure_and_says_so(tmp_path: Path) -> None:
    outcome, _edit = run_edit(tmp_path, "head_title: Bupati", "head_title: Wali Kota")
    assert outcome.result.exit_code == 0
    assert outcome.result.stderr == f"{outcome.path}: valid (0 galat, 1 peringatan)\n"
    strict = run_cli("validate", "--strict", outcome.path)
    assert strict.exit_code == 1
    assert strict.stdout == outcome.result.stdout  # the same lines, still called warnings
    assert strict.stderr == f"{outcome.path}: TIDAK valid (0 galat, 1 peringatan)\n"


# --- schema level --------------------------------------------------------------------------------

def test_missing_required_key_points_at_the_parent(tmp_path: Path) -> None:
    outcome, _edit = run_edit(tmp_path, "  name: Banyuwangi\n", "")
    assert_only_error(outcome, "region", "kunci wajib `name` belum diisi", outcome.at('code: "'))


def test_missing_top_level_key_points_at_the_top(tmp_path: Path) -> None:
    outcome, _edit = run_edit(tmp_path, "cohort: {year: 2025, track: reguler}\n", "")
    assert_only_error(outcome, "", "kunci wajib `cohort` belum diisi", (4, 1))


def test_missing_key_of_an_empty_mapping(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "cohort: {year: 2025, track: reguler}", "cohort: {}",
                             mark="{}")
    assert_only_error(outcome, "cohort", "kunci wajib `year` belum diisi", (edit.line, edit.col))


def test_unknown_key_points_at_the_key_with_did_you_mean(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "  head_title: Bupati", "  head_titel: Bupati",
                             mark="head_titel")
    assert_only_error(outcome, "region.head_titel",
                      "kunci `head_titel` tidak dikenal; mungkin maksudnya `head_title`?",
                      (edit.line, edit.col))


def test_unknown_key_without_a_close_match(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "cohort: {year: 2025,", "cohort: {year: 2025, zzz: 1,",
                             mark="zzz")
    assert_only_error(outcome, "cohort.zzz", "kunci `zzz` tidak dikenal", (edit.line, edit.col))


@pytest.mark.parametrize(("old", "new", "mark", "where", "message"), [
    (GOV01_YEARS, "horizon: sedang, start_year: 2026, end_year: 2030,", "sedang",
     f"{GOV01}.horizon", "nilai `sedang` tidak dikenal; pilihan yang sah: short, medium, long"),
    ("spec_version: 1", "spec_version: 2", "2", "spec_version",
     "nilai `2` tidak dikenal; pilihan yang sah: 1"),
    ("{id: GOV-01,", "{id: gov-01,", "gov-01", f"{GOV01}.id",
     "`gov-01` bukan kode yang sah (huruf besar, angka dan tanda hubung, mis. GOV-01)"),
    ('date: "2025-11-20"', 'date: "20-11-2025"', '"20', "document.date",
     "`20-11-2025` bukan tanggal berformat YYYY-MM-DD (mis. 2025-11-20)"),
    ('code: "35.10"', 'code: "3510"', '"3510"', "region.code",
     '`3510` bukan kode wilayah Kemendagri `PP.KK` (mis. "35.10")'),
    ("targets: {2026: 40, 2030: 100}", "targets: {2026: 40, tahun2030: 100}", "tahun2030",
     f"{GOV01}.indicators[0].targets.tahun2030", "`tahun2030` bukan tahun empat angka (mis. 2027)"),
    ("{year: 2025, track", "{year: true, track", "true", "cohort.year",
     "diharapkan bilangan bulat, ditemukan nilai ya/tidak (boolean)"),
    ("{year: 2025, track", "{year: 2025.0, track", "2025.0", "cohort.year",
     "diharapkan bilangan bulat, ditemukan bilangan desimal `2025.0`"),
    ("{year: 2025, track", '{year: "2025", track', '"2025"', "cohort.year",
     "diharapkan bilangan bulat, ditemukan teks"),
    ("{year: 2025, track", "{year: 1999, track", "1999", "cohort.year",
     "nilai 1999 terlalu kecil; paling kecil 2000"),
    ("{status: cukup, score: 2.5,", "{status: cukup, score: 4.5,", "4.5",
     "readiness.structure.human_resources.score", "nilai 4.5 terlalu besar; paling besar 4"),
    ("  name: Banyuwangi", '  name: ""', '""', "region.name", "teks tidak boleh kosong"),
    ("targets: {2026: 40, 2030: 100}", "targets: {}", "{}", f"{GOV01}.indicators[0].targets",
     "isi paling sedikit satu `tahun: nilai`"),
    ("targets: {2026: 40, 2030: 100}", "targets: {2026: 40, 2030: banyak}", "banyak",
     f"{GOV01}.indicators[0].targets.2030", "diharapkan angka, ditemukan teks; untuk predikat,"
     " nyatakan skalanya (mis. `scale: sakip`)"),
    ('unit: "%", targets: {2026: 40', 'unit: "%", baseline: BB, targets: {2026: 40', "BB",
     f"{GOV01}.indicators[0].baseline", "diharapkan angka, ditemukan teks; untuk predikat,"
     " nyatakan skalanya (mis. `scale: sakip`)"),
    ("targets: {2026: 40, 2030: 100}", "scale: sakip, targets: {2026: B, 2030: [A]}", "[A]",
     f"{GOV01}.indicators[0].targets.2030",
     "diharapkan angka atau teks, ditemukan daftar (list)"),
    ("{description: Indeks SPBE sangat baik, year: 2030}",
     "{description: Indeks SPBE sangat baik, value: Sangat Baik, year: 2030}", "Sangat Baik",
     "vision.targets[0].value", "diharapkan angka, ditemukan teks; untuk predikat, nyatakan"
     " skalanya (mis. `scale: sakip`)"),
    ("glossary:", "scales: [{id: IKM, name: Kategori IKM, levels: [{code: C}, {code: B}]}]\n"
     "glossary:", "IKM", "scales[0].id",
     "`IKM` bukan nama skala (huruf kecil, angka dan garis bawah, mis. sakip)"),
    ("glossary:", "scales: [{id: ikm, name: Kategori IKM, levels: [{code: B}]}]\nglossary:",
     "[{code: B}]", "scales[0].levels", "daftar harus berisi paling sedikit 2 butir"),
    ("amount: 750000000", "amount: 750000000.0", "750000000.0", f"{GOV01}.budget[0].amount",
     "diharapkan bilangan bulat, ditemukan bilangan desimal `750000000.0`"),
    ("amount: 750000000", "amount: -1", "-1", f"{GOV01}.budget[0].amount",
     "nilai -1 terlalu kecil; paling kecil 0"),
    ("amount: 750000000", "amount: 1.500.000.000", "1.500", f"{GOV01}.budget[0].amount",
     "diharapkan bilangan bulat, ditemukan teks `1.500.000.000`; jika maksudnya 1,5 miliar,"
     " tulis 1500000000 tanpa titik pemisah ribuan"),
    ("amount: 750000000", "amount: 750.000.000", "750", f"{GOV01}.budget[0].amount",
     "diharapkan bilangan bulat, ditemukan teks `750.000.000`; jika maksudnya 750 juta,"
     " tulis 750000000 tanpa titik pemisah ribuan"),
    ("amount: 750000000", "amount: 1.500", "1.500", f"{GOV01}.budget[0].amount",
     "diharapkan bilangan bulat, ditemukan bilangan desimal `1.500`; jika maksudnya 1,5 ribu,"
     " tulis 1500 tanpa titik pemisah ribuan"),
    ('code: "35.10"', "code: 35.10", "35.10", "region.code",
     'diharapkan teks, ditemukan bilangan desimal `35.10`; tulis dalam tanda kutip: "35.10"'),
    ("  name: Banyuwangi", "  name: 08123", "08123", "region.name",
     'diharapkan teks, ditemukan bilangan bulat `08123`; tulis dalam tanda kutip: "08123"'),
    ("cohort: {year: 2025, track: reguler}", "cohort: [2025]", "[", "cohort",
     "diharapkan pemetaan (kunci: nilai), ditemukan daftar (list)"),
    ("  name: Banyuwangi", "  name: [Banyuwangi]", "[", "region.name",
     "diharapkan teks, ditemukan daftar (list)"),
    ("  name: Banyuwangi", "  name:", "name", "region.name",  # an empty value: at its key
     "diharapkan teks, ditemukan kosong (null)"),
    ("  head_title: Bupati\n", "  head_title:\n# komentar\n\n", "head_title",
     "region.head_title", "diharapkan teks, ditemukan kosong (null)"),
])
def test_schema_errors(tmp_path: Path, old: str, new: str, mark: str, where: str,
                       message: str) -> None:
    outcome, edit = run_edit(tmp_path, old, new, mark=mark)
    assert_only_error(outcome, where, message, (edit.line, edit.col))


def test_a_lower_case_funding_code_breaks_the_pattern_and_is_unknown(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "source: BUMD", "source: bumd", mark="bumd")
    where = f"{GOV03}.budget[0].source"
    assert outcome.errors == [  # same place: sorted by message code
        outcome.line("error", where, f"sumber dana `bumd` tidak dikenal; pilihan:"
                     f" {STANDARD_SOURCES}, atau nyatakan di `funding_sources`",
                     (edit.line, edit.col)),
        outcome.line("error", where, "`bumd` bukan kode berhuruf besar (mis. APBD)",
                     (edit.line, edit.col))]


def test_a_year_key_that_is_no_year_is_reported_at_the_key(tmp_path: Path) -> None:
    old = "targets: {2026: 40, 2030: 100}"
    outcome, edit = run_edit(tmp_path, old, "targets: {2026: 40, 203: 100}", mark="203")
    assert outcome.line("error", f"{GOV01}.indicators[0].targets.203",
                        "`203` bukan tahun empat angka (mis. 2027)",
                        (edit.line, edit.col)) in outcome.errors


# --- the same rules on specs built as data -------------------------------------------------------

def test_rules_on_the_starter_built_as_data(tmp_path: Path) -> None:
    """Inputs built from data: positions come from the writer in tests/helpers.py."""
    data = valid_spec("kota", "en")
    program = "dimensions.living.sub_dimensions.health.programs[0]"
    set_in(data, f"{program}.horizon", "sedang")
    set_in(data, "quick_wins[1].program", "EC0-01")
    delete_in(data, "region.province")
    written = to_yaml(data)
    outcome = run(tmp_path, written.text)
    assert outcome.errors == [
        outcome.line("error", "region", "kunci wajib `province` belum diisi",
                     written.at("region")),
        outcome.line("error", f"{program}.horizon",
                     "nilai `sedang` tidak dikenal; pilihan yang sah: short, medium, long",
                     written.at(f"{program}.horizon")),
        outcome.line("error", "quick_wins[1].program", "quick win merujuk program `EC0-01`"
                     " yang tidak ada; mungkin maksudnya `ECO-01`?",
                     written.at("quick_wins[1].program")),
    ]
    assert get_in(data, "region.code") == "35.78"


def test_the_starter_as_data_warns_only_about_its_placeholders(tmp_path: Path) -> None:
    placeholder_codes = {"quality.placeholder", "quality.placeholder_code",
                         "rule.duplicate_program_name"}
    for region_type in ("kabupaten", "kota"):
        path = write_spec(tmp_path, to_yaml(valid_spec(region_type)).text)
        result = run_cli("validate", "--format", "json", path)
        [spec] = json.loads(result.stdout)["specs"]
        assert spec["errors"] == 0 and spec["warnings"] > 0
        assert {d["code"] for d in spec["diagnostics"]} == placeholder_codes
        outcome = run(tmp_path, to_yaml(filled_spec(region_type)).text, "--strict")
        assert (outcome.result.exit_code, outcome.result.stdout) == (0, "")


# --- dates, indicators, quick-win years, supporting agencies, logo, narratives --------------------

def test_a_date_that_is_not_on_the_calendar(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, 'date: "2025-11-20"', 'date: "2025-02-30"',
                             mark='"2025-02-30"')
    assert_only_error(outcome, "document.date", "`2025-02-30` bukan tanggal yang ada di kalender",
                      (edit.line, edit.col))


def test_indicator_without_a_target_for_the_last_program_year(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "targets: {2026: 40, 2030: 100}",
                             "targets: {2026: 40, 2029: 100}", mark="{2026")
    assert_warning(outcome, f"{GOV01}.indicators[0].targets",
                   "indikator belum memiliki target untuk tahun akhir program 2030",
                   (edit.line, edit.col), tmp_path)


def test_baseline_year_after_the_first_target(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, 'unit: "%", targets: {2026: 40, 2030: 100}',
                             'unit: "%", baseline: 20, baseline_year: 2027,'
                             " targets: {2026: 40, 2030: 100}", mark="2027")
    assert_warning(outcome, f"{GOV01}.indicators[0].baseline_year",
                   "tahun baseline 2027 lebih akhir dari target pertama (2026)",
                   (edit.line, edit.col), tmp_path)


def test_quick_win_budget_outside_its_years(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "[{name: Dataset, unit: dataset, target: 100}]",
                             "[{name: Dataset, unit: dataset, target: 100}],"
                             " budget: [{year: 2027, amount: 5000000, source: APBD}]",
                             mark="2027")
    assert_warning(outcome, "quick_wins[0].budget[0].year",
                   "tahun 2027 di luar masa quick win (2026)", (edit.line, edit.col), tmp_path)


def test_unknown_supporting_agency_codes(tmp_path: Path) -> None:
    text = compact_text().replace(
        "lead_opd: BAPPEDA, horizon: long,",
        "lead_opd: BAPPEDA, supporting_opds: [DISKOMINFO, DISDUKCAPIL], horizon: long,").replace(
        "owner_opd: BAPPEDA,", "owner_opd: BAPPEDA, supporting_opds: [BPS, Dinas Sosial],")
    outcome = run(tmp_path, text)
    assert outcome.warnings == [
        outcome.line("warning", f"{GOV03}.supporting_opds[1]",
                     "OPD `DISDUKCAPIL` tidak ada di daftar `agencies`",
                     outcome.at("DISDUKCAPIL")),
        outcome.line("warning", "quick_wins[0].supporting_opds[0]",
                     "OPD `BPS` tidak ada di daftar `agencies`", outcome.at("BPS,")),
    ]


@pytest.mark.parametrize(("logo", "message"), [
    ("logo.png", "berkas `logo.png` tidak ditemukan"),
    ("https://example.org/logo.png",
     "`https://example.org/logo.png` adalah alamat web atau berkas; gunakan jalur relatif ke"
     " folder spec"),
    ("../logo.png", "berkas `../logo.png` berada di luar folder spec"),
])
def test_a_logo_that_cannot_be_used(tmp_path: Path, logo: str, message: str) -> None:
    outcome, edit = run_edit(tmp_path, "  head_title: Bupati\n",
                             f'  head_title: Bupati\n  logo: "{logo}"\n', mark=f'"{logo}"')
    assert_only_error(outcome, "region.logo", message, (edit.line, edit.col))


def test_narrative_with_too_many_brackets(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "{narrative: Bertumpu pada pertanian dan pariwisata.}",
                             '{narrative: "' + "[" * 301 + '"}', mark='"[')
    assert_only_error(outcome, "profile.economy.narrative",
                      "terlalu banyak tanda `[` (301; paling banyak 300) dalam satu uraian",
                      (edit.line, edit.col))


def test_narrative_nested_too_deeply(tmp_path: Path) -> None:
    outcome, edit = run_edit(tmp_path, "{narrative: Bertumpu pada pertanian dan pariwisata.}",
                             '{narrative: "' + ">" * 10 + ' kutipan"}', mark='">')
    assert_only_error(outcome, "profile.economy.narrative", "daftar atau kutipan bersarang"
                      " terlalu dalam (10 tingkat; paling banyak 8)", (edit.line, edit.col))


# --- roadmap phases ------------------------------------------------------------------------------

PHASES = """
roadmap:
  phases:
    - name: "Tahap I: Fondasi"
      start_year: 2026
      end_year: 2027
    - name: "Tahap II: Integrasi"
      start_year: 2028
      end_year: 2030
    - name: "Tahap III: Keberlanjutan"
      start_year: 2031
      end_year: 2035
"""


def phase_run(tmp_path: Path, old: str = "", new: str = "") -> Run:
    phases = PHASES.replace(old, new, 1) if old else PHASES
    assert phases != PHASES or not old
    return run(tmp_path, compact_text() + phases)


def phase_at(outcome: Run, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """Where the value after `needle` (`start_year: 2027`) stands in the roadmap block."""
    text = outcome.text
    index = text.index("\nroadmap:")
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    index += len(needle.split(": ")[0]) + 2
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def test_phases_covering_the_period_are_valid(tmp_path: Path) -> None:
    outcome = run(tmp_path, compact_text() + PHASES, "--strict")
    assert (outcome.result.exit_code, outcome.result.stdout) == (0, "")


def test_overlapping_phases(tmp_path: Path) -> None:
    outcome = phase_run(tmp_path, "start_year: 2028", "start_year: 2027")
    assert_only_error(outcome, "roadmap.phases[1].start_year",
                      "tahap `Tahap II: Integrasi` (2027-2030) tumpang tindih dengan tahap"
                      " `Tahap I: Fondasi` (2026-2027); setiap tahun masuk satu tahap saja",
                      phase_at(outcome, "start_year: 2027"))


def test_a_gap_between_phases(tmp_path: Path) -> None:
    outcome = phase_run(tmp_path, "start_year: 2031", "start_year: 2032")
    assert_only_error(outcome, "roadmap.phases[2].start_year",
                      "tahun 2031 tidak masuk tahap mana pun; tahap `Tahap III: Keberlanjutan`"
                      " semestinya dimulai 2031", phase_at(outcome, "start_year: 2032"))


def test_phases_out_of_order(tmp_path: Path) -> None:
    text = compact_text() + """
roadmap:
  phases:
    - {name: "Tahap II", start_year: 2028, end_year: 2035}
    - {name: "Tahap I", start_year: 2026, end_year: 2027}
"""
    outcome = run(tmp_path, text)
    assert outcome.line("error", "roadmap.phases[1].start_year",
                        "tahap `Tahap I` dimulai 2026, sebelum tahap `Tahap II` di atasnya"
                        " (2028-2035); tulis tahap menurut urutan tahunnya",
                        phase_at(outcome, "start_year: 2026")) in outcome.errors
    assert outcome.result.exit_code == 1


@pytest.mark.parametrize(("old", "new", "where", "message"), [
    ("start_year: 2026", "start_year: 2027", "roadmap.phases[0].start_year",
     "tahap pertama semestinya dimulai pada tahun awal periode 2026, ditemukan 2027"),
    ("end_year: 2035", "end_year: 2034", "roadmap.phases[2].end_year",
     "tahap terakhir semestinya berakhir pada tahun akhir periode 2035, ditemukan 2034"),
])
def test_phases_cover_the_whole_period(tmp_path: Path, old: str, new: str, where: str,
                                       message: str) -> None:
    outcome = phase_run(tmp_path, old, new)
    assert_only_error(outcome, where, message, phase_at(outcome, new))


def test_a_phase_outside_the_period(tmp_path: Path) -> None:
    outcome = phase_run(tmp_path, "end_year: 2035", "end_year: 2036")
    assert_only_error(outcome, "roadmap.phases[2].end_year",
                      "tahun 2036 di luar periode masterplan 2026-2035",
                      phase_at(outcome, "end_year: 2036"))


def test_a_phase_ending_before_it_starts(tmp_path: Path) -> None:
    outcome = phase_run(tmp_path, "end_year: 2030", "end_year: 2027")
    assert_only_error(outcome, "roadmap.phases[1].end_year",
                      "tahun akhir 2027 lebih awal dari tahun awal 2028",
                      phase_at(outcome, "end_year: 2027", occurrence=1))


def test_two_phases_with_one_name(tmp_path: Path) -> None:
    outcome = phase_run(tmp_path, "Tahap II: Integrasi", "tahap i: fondasi")
    first = phase_at(outcome, "name: \"Tahap I")
    assert_only_error(outcome, "roadmap.phases[1].name", "`tahap i: fondasi` sudah ada di"
                      f" roadmap.phases[0].name ({first[0]}:{first[1]})",
                      phase_at(outcome, "name: \"tahap i"))


def test_phase_errors_in_english(tmp_path: Path) -> None:
    path = write_spec(tmp_path, compact_text() + PHASES.replace("start_year: 2028",
                                                                "start_year: 2027"))
    result = run_cli("validate", "--lang", "en", path)
    assert ("roadmap.phases[1].start_year: phase `Tahap II: Integrasi` (2027-2030) overlaps"
            " phase `Tahap I: Fondasi` (2026-2027); each year belongs to one phase only"
            in result.stdout)
