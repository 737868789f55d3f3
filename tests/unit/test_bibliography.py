"""References and citations: the parser's `[@key]`, the bibliography's entries and order, and
the validator's rules (an unknown key, a reference never cited), in both languages.

The rules are checked through `masterplan validate` on tests/data/valid/compact.yaml with a
bibliography added; the expected line and column are computed from the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import compact_text, diagnostic_lines, expect, position_of, run_cli, write_spec

from generator.documents import bibliography
from generator.i18n.labels import labels
from generator.i18n.numbers import Formatter
from generator.spec.markdown import CiteRef, parse, to_html

LABELS = {"bps-2024": ("BPS Kabupaten Banyuwangi", "2024"),
          "uu-23-2014": ("Pemerintah Republik Indonesia", "2014"),
          "pp-59-2022": ("Pemerintah Republik Indonesia", "2022a")}


def html_of(text: str) -> str:
    (part,) = parse(text, LABELS).parts
    return str(part.html)  # type: ignore[union-attr]


# --- the parser ---------------------------------------------------------------------------------

def test_a_citation_prints_author_and_year_linked_to_its_entry() -> None:
    assert html_of("Data [@bps-2024].") == (
        '<p>Data (<a class="cite" href="#pustaka-bps-2024">BPS Kabupaten Banyuwangi,'
        ' 2024</a>).</p>')


def test_a_locator_follows_the_year_and_keys_match_regardless_of_case() -> None:
    assert html_of("Data [@BPS-2024, hlm. 12].") == (
        '<p>Data (<a class="cite" href="#pustaka-bps-2024">BPS Kabupaten Banyuwangi,'
        ' 2024, hlm. 12</a>).</p>')


def test_several_citations_in_one_bracket_and_one_authors_years_together() -> None:
    assert html_of("[@bps-2024; @uu-23-2014; @pp-59-2022]") == (
        '<p>(<a class="cite" href="#pustaka-bps-2024">BPS Kabupaten Banyuwangi, 2024</a>;'
        ' <a class="cite" href="#pustaka-uu-23-2014">Pemerintah Republik Indonesia,'
        ' 2014</a>, <a class="cite" href="#pustaka-pp-59-2022">2022a</a>)</p>')


def test_citations_are_recorded_wherever_they_stand() -> None:
    text = ("Teks [@a, hlm. 3]\n\n- butir [@b; @c]\n\n| A |\n|---|\n| [@d] |\n\n"
            "`[@kode]` \\[@teks] [@akun](https://example.org) ![@gambar](a.png)\n")
    assert parse(text).citations == [CiteRef("a", "hlm. 3"), CiteRef("b"), CiteRef("c"),
                                      CiteRef("d")]


def test_without_labels_a_citation_stays_as_written() -> None:
    assert to_html("Data [@bps-2024, hlm. 12].") == "<p>Data [@bps-2024, hlm. 12].</p>"


def test_escaped_code_and_links_are_no_citations() -> None:
    html = html_of("\\[@bps-2024] `[@bps-2024]` [@bps-2024](https://example.org)")
    assert 'class="cite"' not in html
    assert html.startswith("<p>[@bps-2024] <code>[@bps-2024]</code>"
                           ' <a href="https://example.org">@bps-2024</a>')


def test_spec_text_cannot_forge_a_citation_link() -> None:
    html = html_of('[x](#pustaka-bps-2024 "t") <a class="cite" href="javascript:x">y</a>')
    # raw HTML prints as text; a Markdown link gets no class
    assert html == ('<p><a href="#pustaka-bps-2024" title="t">x</a> &lt;a class="cite"'
                    ' href="javascript:x"&gt;y&lt;/a&gt;</p>')


# --- the bibliography ---------------------------------------------------------------------------

def reference(key: str, authors: list[str], year: int, title: str, **extra: str) -> dict[
        str, object]:
    return {"id": key, "authors": authors, "year": year, "title": title, **extra}


@pytest.mark.parametrize(("lang", "et_al", "retrieved"), [
    ("id", "dkk.", "Diakses 6 Oktober 2025, dari"),
    ("en", "et al.", "Retrieved 6 October 2025, from"),
])
def test_entries_sorted_by_author_then_year_with_letters_for_equal_citations(
        lang: str, et_al: str, retrieved: str) -> None:
    refs = [
        reference("pp", ["Pemerintah Republik Indonesia"], 2022, "Peraturan Pemerintah 59"),
        reference("uu", ["Pemerintah Republik Indonesia"], 2022, "Undang-Undang 27",
                  publisher="Lembaran Negara"),
        reference("old", ["Pemerintah Republik Indonesia"], 2014, "Undang-Undang 23"),
        reference("bps", ["Badan Pusat Statistik"], 2024, "Dalam Angka.", cite_as="BPS",
                  publisher="Badan Pusat Statistik", place="Jakarta",
                  url="https://www.bps.go.id/", accessed="2025-10-06"),
        reference("gif", ["Giffinger, R.", "Fertner, C.", "Meijers, E."], 2007,
                  "Smart Cities", edition="Final report", place="Wina", publisher="TU Wien"),
        reference("two", ["Nugroho, R. D.", "Santoso, B."], 2020, "Kota Cerdas?"),
        reference("acc", ["Ádám, K."], 2019, "Aksen"),
    ]
    entries = bibliography.build(refs, labels(lang), Formatter(lang))
    assert [e.key for e in entries] == ["acc", "bps", "gif", "two", "old", "pp", "uu"]
    by_key = {e.key: e for e in entries}
    assert [(e.name, e.year) for e in entries] == [
        ("Ádám", "2019"), ("BPS", "2024"), (f"Giffinger {et_al}", "2007"),
        ("Nugroho & Santoso", "2020"), ("Pemerintah Republik Indonesia", "2014"),
        ("Pemerintah Republik Indonesia", "2022a"), ("Pemerintah Republik Indonesia", "2022b")]
    # the publisher that is the author is left out, with its place (APA)
    bps = by_key["bps"]
    assert (bps.lead, bps.title, bps.after_title, bps.publisher) == (
        "Badan Pusat Statistik. (2024).", "Dalam Angka", ".", "")
    assert (bps.url, bps.retrieved, bps.id) == ("https://www.bps.go.id/", retrieved,
                                                "pustaka-bps")
    gif = by_key["gif"]
    assert gif.lead == "Giffinger, R., Fertner, C., & Meijers, E. (2007)."
    assert (gif.after_title, gif.publisher) == (" (Final report).", "Wina: TU Wien.")
    two = by_key["two"]
    assert (two.lead, two.after_title) == ("Nugroho, R. D., & Santoso, B. (2020).", "")
    assert by_key["uu"].publisher == "Lembaran Negara."
    assert bibliography.labels(entries)["uu"] == ("Pemerintah Republik Indonesia", "2022b")


def test_an_organisation_with_a_comma_is_cited_by_its_whole_name() -> None:
    assert bibliography.cited_name("Dinas Komunikasi, Informatika dan Persandian") == (
        "Dinas Komunikasi, Informatika dan Persandian")
    assert bibliography.cited_name("Pichler-Milanović, N.") == "Pichler-Milanović"


# --- the rules ----------------------------------------------------------------------------------

REFERENCES = """\
references:
  - {id: bps-2024, authors: [Badan Pusat Statistik Kabupaten Banyuwangi], year: 2024,
     title: Kabupaten Banyuwangi dalam Angka 2024}
  - {id: rpjmd-2025, authors: [Pemerintah Kabupaten Banyuwangi], year: 2025, title: RPJMD}
"""
CITED = "Penduduk sekitar 1,7 juta jiwa [@bps-2024]; arah pembangunan [@RPJMD-2025]."


def spec_with(citation: str, references: str = REFERENCES) -> str:
    text = compact_text()
    old = 'narrative: "Penduduk sekitar 1,7 juta jiwa."'
    assert text.count(old) == 1
    text = text.replace(old, f'narrative: "{citation}"')
    return text.replace("glossary:", references + "glossary:")


def validate(tmp_path: Path, text: str, *args: str) -> tuple[Path, list[str], int]:
    path = write_spec(tmp_path, text)
    result = run_cli("validate", path, *args)
    assert "Traceback" not in result.output
    return path, diagnostic_lines(result.stdout), result.exit_code


def test_cited_references_are_valid_with_strict(tmp_path: Path) -> None:
    _path, lines, code = validate(tmp_path, spec_with(CITED), "--strict")
    assert (lines, code) == ([], 0)


@pytest.mark.parametrize(("lang", "message"), [
    ("id", "rujukan `[@bps-2042]` tidak ada di daftar pustaka (`references`; untuk teks `[@`"
           " biasa tulis `\\[@`); mungkin maksudnya `bps-2024`?"),
    ("en", "citation `[@bps-2042]` is not in the bibliography (`references`; for a plain `[@`"
           " write `\\[@`); did you mean `bps-2024`?"),
])
def test_an_unknown_key_is_an_error_at_its_place_with_did_you_mean(
        tmp_path: Path, lang: str, message: str) -> None:
    text = spec_with(CITED.replace("@bps-2024", "@bps-2042"))
    path, lines, code = validate(tmp_path, text, "--lang", lang)
    where = "profile.demography.narrative"
    errors = [line for line in lines if ": error: " in line]
    assert errors == [expect(path, *position_of(text, "[@bps-2042]"), "error", where,
                             message)]
    assert code == 1


def test_an_unknown_key_without_a_close_one_has_no_suggestion(tmp_path: Path) -> None:
    text = spec_with(CITED + " Lihat [@zzz].")
    _path, lines, _code = validate(tmp_path, text)
    (error,) = [line for line in lines if ": error: " in line]
    assert error.endswith("tulis `\\[@`)")


@pytest.mark.parametrize(("lang", "message"), [
    ("id", "pustaka `rpjmd-2025` tidak pernah dirujuk; rujuk dari uraian dengan"
           " `[@rpjmd-2025]` atau hapus dari `references`"),
    ("en", "reference `rpjmd-2025` is never cited; cite it from a narrative with"
           " `[@rpjmd-2025]` or remove it from `references`"),
])
def test_a_reference_never_cited_is_a_warning(tmp_path: Path, lang: str, message: str) -> None:
    text = spec_with("Penduduk sekitar 1,7 juta jiwa [@bps-2024].")
    path, lines, code = validate(tmp_path, text, "--lang", lang)
    assert lines == [expect(path, *position_of(text, "rpjmd-2025,"), "warning",
                            "references[1].id", message)]
    assert code == 0
    assert validate(tmp_path, text, "--strict")[2] == 1


def test_a_key_twice_is_an_error_and_a_bad_key_is_refused(tmp_path: Path) -> None:
    twice = REFERENCES + "  - {id: BPS-2024, authors: [BPS], year: 2024, title: Lain}\n"
    path, lines, _code = validate(tmp_path, spec_with(CITED, twice))
    text = spec_with(CITED, twice)
    first = position_of(text, "bps-2024,")
    assert expect(path, *position_of(text, "BPS-2024,"), "error", "references[2].id",
                  f"`BPS-2024` sudah ada di references[0].id ({first[0]}:{first[1]})") in lines
    bad = REFERENCES.replace("id: rpjmd-2025", "id: rpjmd 2025")
    _path, lines, code = validate(tmp_path, spec_with("Penduduk [@bps-2024].", bad))
    assert code == 1 and any("references[1].id" in line and "kunci rujukan" in line
                             for line in lines), lines


def test_an_escaped_citation_needs_no_reference(tmp_path: Path) -> None:
    _path, lines, code = validate(tmp_path, spec_with("Akun \\\\[@banyuwangikab].", ""),
                                  "--strict")
    assert (lines, code) == ([], 0)
