"""Progress files and weight tables: checked against the masterplan, positioned errors in
both languages, and the bundled weights reproduce the published 2022 indices."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.spec import check_spec
from generator.spec.model import Masterplan, build_model
from generator.spec.progress import check_progress
from generator.spec.progress_schema import progress_schema_json
from generator.spec.weights import load_weights, weights_schema_json

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "kabupaten-banyuwangi"


@functools.cache
def _plan() -> Masterplan:
    doc, _ = check_spec(EXAMPLE / "masterplan.yaml")
    return build_model(doc)


def _tree(tmp_path: Path, progress: str) -> tuple[Path, Path]:
    """A folder with the example's spec and a progress file beside it."""
    spec = tmp_path / "masterplan.yaml"
    shutil.copy(EXAMPLE / "masterplan.yaml", spec)
    path = tmp_path / "2027.yaml"
    path.write_text(progress, encoding="utf-8")
    return spec, path


HEAD = """progress_version: 1
masterplan: "masterplan.yaml"
year: 2027
date: "2027-12-15"
"""


def _problems(tmp_path: Path, body: str, lang: str = "en") -> list[str]:
    spec, path = _tree(tmp_path, HEAD + body)
    try:
        _, warnings = check_progress(path, _plan(), spec)
    except SpecError as exc:
        return [d.format(lang) for d in exc.diagnostics]
    return [d.format(lang) for d in warnings]


def test_the_schema_files_are_generated_from_the_code() -> None:
    assert (REPO / "schemas" / "progress.schema.json").read_text("utf-8") == (
        progress_schema_json())
    assert (REPO / "schemas" / "weights.schema.json").read_text("utf-8") == (
        weights_schema_json())


@pytest.mark.parametrize("year", [2027, 2028])
def test_the_examples_progress_files_are_clean(year: int) -> None:
    progress, warnings = check_progress(EXAMPLE / "progress" / f"{year}.yaml", _plan(),
                                        EXAMPLE / "masterplan.yaml")
    assert warnings == []
    assert progress.year == year and progress.programs and progress.evidence


def test_an_unknown_program_is_positioned_with_a_suggestion(tmp_path: Path) -> None:
    lines = _problems(tmp_path, 'programs:\n  - {id: "GOV-1", status: "berjalan"}\n')
    assert lines == [f"{tmp_path}/2027.yaml:6:10: error: programs[0].id: program `GOV-1` is"
                     " not in the masterplan; did you mean `GOV-01`?"]
    assert _problems(tmp_path, 'programs:\n  - {id: "GOV-1", status: "berjalan"}\n', "id") == [
        f"{tmp_path}/2027.yaml:6:10: error: programs[0].id: program `GOV-1` tidak ada di"
        " masterplan; mungkin maksudnya `GOV-01`?"]


def test_year_outside_the_plan_and_thousands_separators(tmp_path: Path) -> None:
    spec, path = _tree(tmp_path, HEAD.replace("year: 2027", "year: 2040") + (
        'programs:\n  - id: "GOV-01"\n    status: "berjalan"\n'
        '    budget:\n      - {source: "APBD", amount: 1.250.000.000}\n'
        '    indicators:\n'
        '      - {name: "Layanan MPP yang dapat diajukan daring", value: 60}\n'
        '      - {name: "Indeks kepuasan masyarakat terhadap layanan MPP", value: 80}\n'))
    with pytest.raises(SpecError) as caught:
        check_progress(path, _plan(), spec)
    lines = [d.format("en") for d in caught.value.diagnostics]
    assert len(lines) == 1 and ":9:34: error: programs[0].budget[0].amount:" in lines[0]
    assert "1250000000" in lines[0]  # the thousands hint
    # once the amount is fixed, the year is the error (the rules run after the schema)
    path.write_text(path.read_text().replace("1.250.000.000", "1250000000"))
    with pytest.raises(SpecError) as caught:
        check_progress(path, _plan(), spec)
    lines = [d.format("id") for d in caught.value.diagnostics]
    # one error, not also a warning per indicator that no target for 2040 exists
    assert lines == [f"{path}:3:7: error: year: tahun 2040 di luar periode masterplan"
                     " 2026-2035"]


@pytest.mark.parametrize(("written", "words_en", "words_id"), [
    ("Rp 769.000.000", "769 million", "769 juta"),
    ("Rp1.250.000.000", "1.25 billion", "1,25 miliar"),
    ("Rp 1.250.000.000,-", "1.25 billion", "1,25 miliar"),
    ("1,250,000,000", "1.25 billion", "1,25 miliar"),
])
def test_an_amount_written_as_text_shows_it_with_the_digits_to_write(
        tmp_path: Path, written: str, words_en: str, words_id: str) -> None:
    body = ('programs:\n  - id: "GOV-01"\n    status: "berjalan"\n'
            f'    budget:\n      - source: "APBD"\n        amount: {written}\n')
    digits = "".join(c for c in written.split(",-")[0] if c.isdigit())
    assert _problems(tmp_path, body) == [
        f"{tmp_path}/2027.yaml:10:17: error: programs[0].budget[0].amount: expected an"
        f" integer, found text `{written}`; if you meant {words_en}, write {digits} (digits"
        " only, no Rp or thousands separators)"]
    assert _problems(tmp_path, body, "id") == [
        f"{tmp_path}/2027.yaml:10:17: error: programs[0].budget[0].amount: diharapkan"
        f" bilangan bulat, ditemukan teks `{written}`; jika maksudnya {words_id}, tulis"
        f" {digits} (angka saja, tanpa Rp dan pemisah ribuan)"]


@pytest.mark.parametrize("written", ["sekitar satu miliar", "2,500", "Rp 1.25"])
def test_text_that_is_no_amount_gets_no_amount_hint(tmp_path: Path, written: str) -> None:
    body = ('programs:\n  - id: "GOV-01"\n    status: "berjalan"\n'
            f'    budget:\n      - source: "APBD"\n        amount: "{written}"\n')
    assert _problems(tmp_path, body) == [
        f"{tmp_path}/2027.yaml:10:17: error: programs[0].budget[0].amount: expected an"
        " integer, found text"]


def test_a_status_in_the_wrong_case_suggests_the_right_one(tmp_path: Path) -> None:
    body = 'programs:\n  - {id: "GOV-01", status: Selesai}\n'
    assert _problems(tmp_path, body) == [
        f"{tmp_path}/2027.yaml:6:28: error: programs[0].status: unknown value `Selesai`;"
        " allowed: belum, berjalan, selesai, dihentikan; did you mean `selesai`?"]
    assert _problems(tmp_path, body, "id") == [
        f"{tmp_path}/2027.yaml:6:28: error: programs[0].status: nilai `Selesai` tidak dikenal;"
        " pilihan yang sah: belum, berjalan, selesai, dihentikan; mungkin maksudnya"
        " `selesai`?"]
    # a value that is no other case of an allowed one is told the choices only
    assert _problems(tmp_path, body.replace("Selesai", "tamat")) == [
        f"{tmp_path}/2027.yaml:6:28: error: programs[0].status: unknown value `tamat`;"
        " allowed: belum, berjalan, selesai, dihentikan"]


def test_a_value_without_a_target_that_year_is_a_warning(tmp_path: Path) -> None:
    lines = _problems(tmp_path, (
        'programs:\n  - id: "GOV-01"\n    status: "berjalan"\n    indicators:\n'
        '      - {name: "Indeks kepuasan masyarakat terhadap layanan MPP", value: 88}\n'
        '      - {name: "Layanan MPP daring", value: 60}\n'))
    assert len(lines) == 2
    assert lines[1].endswith(":10:16: error: programs[0].indicators[1].name: program GOV-01"
                             " has no indicator `Layanan MPP daring`; did you mean `Layanan"
                             " MPP yang dapat diajukan daring`?")
    assert ":9:74: warning: programs[0].indicators[0].value: indicator" in lines[0]
    assert "has no target for 2027" in lines[0]


def test_evidence_outside_the_folder_or_missing(tmp_path: Path) -> None:
    (tmp_path / "outside.pdf").write_bytes(b"%PDF-1.4")
    inner = tmp_path / "inner"
    inner.mkdir()
    spec = tmp_path / "masterplan.yaml"
    shutil.copy(EXAMPLE / "masterplan.yaml", spec)
    path = inner / "2027.yaml"
    path.write_text(HEAD.replace('"masterplan.yaml"', '"../masterplan.yaml"') + (
        'evidence:\n'
        '  - {id: "EV-01", title: "x", file: "../outside.pdf", supports: ["regulation"]}\n'
        '  - {id: "EV-02", title: "y", file: "missing.pdf", supports: ["GOV-01"]}\n'
        '  - {id: "EV-03", title: "z", reference: "r", supports: ["GOV-01: nope", "QW-9"]}\n'),
        encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        check_progress(path, _plan(), spec)
    lines = [d.format("id") for d in caught.value.diagnostics]
    assert lines[0].endswith(":6:37: error: evidence[0].file: berkas bukti `../outside.pdf`"
                             " berada di luar folder berkas kemajuan")
    assert lines[1].endswith(":7:37: error: evidence[1].file: berkas bukti `missing.pdf`"
                             " tidak ditemukan")
    assert ":8:58: error: evidence[2].supports[0]: `GOV-01: nope`" in lines[2]
    assert ":8:74: error: evidence[2].supports[1]: `QW-9`" in lines[3]
    assert "mungkin maksudnya `QW-" in lines[3]


def test_a_progress_file_of_another_masterplan(tmp_path: Path) -> None:
    spec, path = _tree(tmp_path, HEAD.replace('"masterplan.yaml"', '"other.yaml"'))
    with pytest.raises(SpecError) as caught:
        check_progress(path, _plan(), spec)
    assert "belongs to the masterplan `other.yaml`" in caught.value.diagnostics[0].format("en")


# --- weights -------------------------------------------------------------------------------

@pytest.mark.parametrize(("aspects", "published"), [
    ((3.60, 3.21, 3.23, 3.07, 3.65), 3.31),  # Kota Kediri 2022
    ((4, 3, 3.5, 3, 4), 3.46),  # Kota Bogor 2022
])
def test_the_bundled_weights_reproduce_the_published_2022_indices(
        aspects: tuple[float, ...], published: float) -> None:
    weights = load_weights().for_year(2022)
    keys = ("baseline", "output", "outcome", "impact", "quick_win")
    index = weights.index(dict(zip(keys, aspects, strict=True)))
    assert abs(index - published) <= 0.01 + 1e-9
    # a later year without a row of its own takes 2022's
    assert load_weights().for_year(2027).weights == weights.weights


def test_weights_not_adding_up_to_100_are_a_positioned_error(tmp_path: Path) -> None:
    path = tmp_path / "{path}:3:3: error: years: the weight"
    path.write_text('weights_version: 1\nyears:\n  "2024":\n    baseline: 10\n    output: 20\n'
                    '    outcome: 30\n    impact: 30\n    quick_win: 20\n', encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_weights(path)
    assert [d.format("en") for d in caught.value.diagnostics] == [
        f"{path}:4:5: error: years.2024: the weights of 2024 add up to 110, not 100"]
    path.write_text(path.read_text().replace("impact: 30", "impact: 20"))
    with pytest.raises(SpecError) as caught:
        load_weights(path).for_year(2023)
    assert [d.format("en") for d in caught.value.diagnostics] == [
        f"{path}:3:3: error: years: the weight table has no year 2023 or earlier"]


def test_evidence_may_name_the_plans_enablers_by_id(tmp_path: Path) -> None:
    """`REG-02` (an enabler of the spec's `enablers`) is a claim; a misspelt one is an error
    at its place, with the id it probably meant, in both languages."""
    body = ('enabler_items:\n  - {id: "REG-02", status: "berjalan"}\n'
            'evidence:\n'
            '  - {id: "EV-01", title: "x", reference: "r", supports: ["REG-02", "TIK-1"]}\n')
    for name in ("ok", "en", "id"):
        (tmp_path / name).mkdir()
    assert _problems(tmp_path / "ok", body.replace(', "TIK-1"', "")) == []
    (en,) = _problems(tmp_path / "en", body)
    assert ":8:68: error: evidence[0].supports[1]: `TIK-1` is no program, indicator, quick" \
        " win, KPI or enabler of the masterplan" in en
    assert "`TIK-01`" in en
    (id_,) = _problems(tmp_path / "id", body, "id")
    assert ":8:68: error: evidence[0].supports[1]: `TIK-1` bukan program" in id_
    assert "mungkin maksudnya `TIK-01`" in id_
