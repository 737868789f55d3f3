"""`masterplan render` end to end: the complete example's four documents read back with
pypdf (pages, chapters, outline, metadata, fonts, landscape pages, Indonesian money, table
of contents), English output, byte-identical renders in two processes, PDF/A-3b, a
consultant's --template-dir (fallback, confinement, sandbox), `masterplan watch`, and the
promise that commands which do not render never import WeasyPrint.

The complete example is rendered once per session (see conftest.py); the tests here only
read what it produced, plus a few small renders of the minimal example.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import run_cli
from PIL import Image
from ruamel.yaml import YAML

from generator.documents import kind_groups

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "kabupaten-banyuwangi" / "masterplan.yaml"
MINIMAL = REPO / "examples" / "minimal" / "masterplan.yaml"

CHAPTERS_ID = [
    "BAB I Pendahuluan",
    "BAB II Gambaran Umum Daerah",
    "BAB III Analisis Kesiapan Daerah",
    "BAB IV Analisis Strategis per Dimensi",
    "BAB V Visi, Misi dan Arah Pengembangan Smart City",
    "BAB VI Strategi dan Program per Dimensi",
    "BAB VII Rencana Aksi dan Peta Jalan",
    "BAB VIII Program Quick Win",
    "BAB IX Tata Kelola",
    "BAB X Penutup",
    "Lampiran A Matriks Program",
    "Lampiran B Indikator dan Target Program",
    "Lampiran C Daftar Istilah",
]
CHAPTERS_EN = [
    "CHAPTER I Introduction",
    "CHAPTER II Regional Profile",
    "CHAPTER III Regional Readiness Analysis",
    "CHAPTER IV Strategic Analysis per Dimension",
    "CHAPTER V Smart City Vision, Mission and Direction",
    "CHAPTER VI Strategies and Programs per Dimension",
    "CHAPTER VII Action Plan and Roadmap",
    "CHAPTER VIII Quick-Win Programs",
    "CHAPTER IX Governance",
    "CHAPTER X Closing",
    "Annex A Program Matrix",
    "Annex B Program Indicators and Targets",
    "Annex C Glossary",
]
# The complete example plans its enablers (a chapter of their own after the programs), has a
# bibliography after the closing chapter and an annex of its own.
EXAMPLE_CHAPTERS_ID = [*CHAPTERS_ID[:6], "BAB VII Faktor Pendukung Smart City",
                       "BAB VIII Rencana Aksi dan Peta Jalan", "BAB IX Program Quick Win",
                       "BAB X Tata Kelola", "BAB XI Penutup", "Daftar Pustaka", *CHAPTERS_ID[10:12],
                       "Lampiran C Matriks Keselarasan dengan RPJMD", "Lampiran D Daftar Istilah",
                       "Lampiran E Hasil Survei Kesiapan Digital Desa"]
EXAMPLE_CHAPTERS_EN = [*CHAPTERS_EN[:6], "CHAPTER VII Smart-City Enablers",
                       "CHAPTER VIII Action Plan and Roadmap", "CHAPTER IX Quick-Win Programs",
                       "CHAPTER X Governance", "CHAPTER XI Closing", "References",
                       *CHAPTERS_EN[10:12], "Annex C Alignment with the RPJMD", "Annex D Glossary",
                       "Annex E Hasil Survei Kesiapan Digital Desa"]
FRONT_ID = ["Kata Pengantar", "Daftar Isi", "Daftar Tabel", "Daftar Gambar"]
# The complete example has an approval page (lembar pengesahan) before the foreword.
BOOK_FRONT_ID = ["Lembar Pengesahan", *FRONT_ID]
DIMENSIONS = ["Smart Governance", "Smart Branding", "Smart Economy", "Smart Living",
              "Smart Society", "Smart Environment"]
ASPECTS_ID = {
    "Struktur": ["Sumber Daya Manusia", "Sumber Daya Anggaran", "Sumber Daya Tata Kelola"],
    "Infrastruktur": ["Infrastruktur Fisik", "Infrastruktur Digital (TIK)",
                      "Infrastruktur Sosial"],
    "Suprastruktur": ["Kebijakan dan Regulasi Daerah", "Kelembagaan", "Tata Laksana"],
}
# Labels of an Indonesian book (headings, captions, front matter); none may appear in the
# English one. Spec text stays Indonesian, so the check is case-sensitive ("tata kelola"
# occurs in the example's narrative, "Tata Kelola" only as a heading).
INDONESIAN_LABELS = ["BAB ", "Pendahuluan", "Gambaran Umum Daerah", "Analisis Kesiapan Daerah",
                     "Analisis Strategis", "Tata Kelola", "Penutup", "Lampiran", "Daftar Isi",
                     "Kata Pengantar", "Daftar Tabel", "Daftar Gambar", "Tabel ", "Gambar ",
                     "Latar Belakang", "Dasar Hukum", "Kondisi Saat Ini", "Analisis SWOT"]
A4 = (595.28, 841.89)


def flat(text: str) -> str:
    """Whitespace folded to single spaces (headings wrap, PDF text keeps the breaks)."""
    return " ".join(text.split())


def spec_data(path: Path = EXAMPLE) -> dict[str, Any]:
    """The spec as plain data, read independently of the code under test."""
    data: dict[str, Any] = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    return data


def total_budget(data: dict[str, Any]) -> int:
    """The whole plan's budget, as the book's totals count it: the programs' and the
    enablers'."""
    programs = sum(line["amount"] for dimension in data["dimensions"].values()
                   for sub in dimension["sub_dimensions"].values()
                   for program in sub["programs"] for line in program.get("budget", []))
    return programs + sum(line["amount"] for items in data.get("enablers", {}).values()
                          if isinstance(items, list) for item in items
                          for line in item.get("budget", []))


def grouped(number: int, separator: str) -> str:
    return f"{number:,}".replace(",", separator)


def in_words_id(amount: int) -> str:
    """`Rp 333,7 miliar`: two decimals at most, trailing zeros dropped, decimal comma."""
    value = f"{amount / 10**9:.2f}".rstrip("0").rstrip(".")
    return f"Rp {value.replace('.', ',')} miliar"


def chapters(e2e: Any, reader: Any) -> list[tuple[int, str, int]]:
    return [entry for entry in e2e.outline_entries(reader) if entry[0] == 0]


def is_landscape(page: Any) -> bool:
    return float(page.mediabox.width) > float(page.mediabox.height)


# === the main book ==========================================================================

def test_page_counts_are_sane(example: Any) -> None:
    counts = {kind: len(example.pdf(kind).pages)
              for kind in ("masterplan", "summary", "quickwins", "readiness")}
    assert 40 <= counts["masterplan"] <= 150, counts
    assert 2 <= counts["summary"] <= 8, counts
    assert 1 + len(spec_data()["quick_wins"]) <= counts["quickwins"] <= 20, counts
    assert 3 <= counts["readiness"] <= 20, counts


def test_every_chapter_is_bookmarked_and_printed_on_its_page(example: Any, e2e: Any) -> None:
    reader = example.pdf()
    entries = chapters(e2e, reader)
    titles = [title for _, title, _ in entries]
    assert titles == BOOK_FRONT_ID + EXAMPLE_CHAPTERS_ID
    pages = [page for _, _, page in entries]
    assert pages == sorted(pages), "chapters out of order"
    texts = example.page_texts()
    for _, title, page in entries[len(BOOK_FRONT_ID):]:
        # Chapter headings are set in capitals: "BAB I" above "PENDAHULUAN".
        assert flat(title).upper() in flat(texts[page - 1]).upper(), (title, page)


def test_the_six_dimensions_are_sections_of_chapters_four_and_six(example: Any,
                                                                  e2e: Any) -> None:
    entries = e2e.outline_entries(example.pdf())
    sections = [title for depth, title, _ in entries if depth == 1]
    for chapter in ("4", "6"):
        assert [s for s in sections if re.match(rf"{chapter}\.\d ", s)
                and s.split(" ", 1)[1] in DIMENSIONS] == [
            f"{chapter}.{n} {name}" for n, name in enumerate(DIMENSIONS, start=1)]
    text = flat(example.text())
    for name in DIMENSIONS:
        assert text.count(name) >= 3, name


def test_outline_goes_down_to_programs(example: Any, e2e: Any) -> None:
    data = spec_data()
    entries = e2e.outline_entries(example.pdf())
    deep = {title for depth, title, _ in entries if depth >= 2}
    programs = [p for d in data["dimensions"].values() for s in d["sub_dimensions"].values()
                for p in s["programs"]]
    for program in programs:
        assert any(title.endswith(f"{program['id']} {program['name']}") for title in deep), \
            program["id"]


def test_metadata_matches_the_spec(example: Any) -> None:
    data = spec_data()
    reader = example.pdf()
    info: Any = reader.metadata
    period = f"{data['document']['period']['start_year']}–{data['document']['period']['end_year']}"
    assert info.title.startswith(data["document"]["title"])
    assert period in info.title
    assert info.title.count("Kabupaten Banyuwangi") == 1, info.title
    for author in data["document"]["authors"]:
        assert author in info.author
    assert "Masterplan" in info.subject and "Kabupaten Banyuwangi" in info.subject
    assert "Kabupaten Banyuwangi" in info["/Keywords"]
    # No SOURCE_DATE_EPOCH: the document's own date, never "now".
    assert info["/CreationDate"] == "D:20251120000000Z"
    assert info["/ModDate"] == "D:20251120000000Z"
    assert reader.trailer["/Root"]["/Lang"] == "id"


def test_the_other_documents_carry_their_own_titles(example: Any) -> None:
    titles = {"summary": "Ringkasan Eksekutif", "quickwins": "Quick Win",
              "readiness": "Kesiapan"}
    for kind, word in titles.items():
        reader = example.pdf(kind)
        assert word in reader.metadata.title, (kind, reader.metadata.title)
        assert "Kabupaten Banyuwangi" in reader.metadata.title
        assert reader.trailer["/Root"]["/Lang"] == "id"


def test_no_embedded_files_and_only_web_links(example: Any, e2e: Any) -> None:
    for kind in ("masterplan", "summary", "quickwins", "readiness"):
        reader = example.pdf(kind)
        assert dict(reader.attachments) == {}, kind
        root = reader.trailer["/Root"]
        assert "/EmbeddedFiles" not in (root.get("/Names") or {}), kind
        assert "/AF" not in root, kind
        for uri in e2e.link_targets(reader):
            assert uri.startswith(("https://", "http://", "mailto:")), (kind, uri)


def test_fonts_are_embedded_carlito_subsets(example: Any, e2e: Any) -> None:
    for kind in ("masterplan", "summary", "quickwins", "readiness"):
        fonts = e2e.embedded_fonts(example.pdf(kind))
        assert fonts, kind
        for name, embedded in fonts.items():
            assert re.fullmatch(r"/[A-Z]{6}\+Carlito(-Bold|-Italic|-Bold-?Italic)?", name), \
                (kind, name)
            assert embedded, (kind, name)
        faces = {name.split("+", 1)[1] for name in fonts}
        assert {"Carlito", "Carlito-Bold"} <= faces, (kind, faces)


def test_wide_tables_are_on_landscape_pages(example: Any, e2e: Any) -> None:
    reader = example.pdf()
    entries = e2e.outline_entries(reader)
    page_of = {title: page for _, title, page in entries}
    landscape = [n for n, page in enumerate(reader.pages, start=1) if is_landscape(page)]
    assert landscape, "no landscape page"
    roadmap = next(page for depth, title, page in entries
                   if depth == 1 and title.startswith("8.") and "Peta Jalan" in title)
    assert roadmap in landscape
    lines = flat(example.page_texts()[roadmap - 1])
    assert " ".join(str(year) for year in range(2026, 2036)) in lines
    assert "GOV-01" in lines and "ENV-06" in example.text()
    for annex in ("Lampiran A Matriks Program", "Lampiran B Indikator dan Target Program"):
        assert page_of[annex] in landscape, annex
    for title in EXAMPLE_CHAPTERS_ID[:11]:
        page = reader.pages[page_of[title] - 1]
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            A4, abs=1), title


def test_long_tables_repeat_their_header_row_on_every_page(example: Any, e2e: Any) -> None:
    entries = e2e.outline_entries(example.pdf())
    page_of = {title: page for _, title, page in entries}
    years = " ".join(str(year) for year in range(2026, 2036))
    texts = example.page_texts()
    spans = {"matrix": (page_of["Lampiran A Matriks Program"],
                        page_of["Lampiran B Indikator dan Target Program"]),
             "indicators": (page_of["Lampiran B Indikator dan Target Program"],
                            page_of["Lampiran C Matriks Keselarasan dengan RPJMD"])}
    for name, (first, after) in spans.items():
        assert after - first >= 2, f"the {name} table should need several pages"
        for number in range(first, after):
            text = flat(texts[number - 1])
            assert "Kode " in text and years in text, (name, number)


def test_money_numbers_and_dates_are_in_indonesian_style(example: Any) -> None:
    text = example.text()
    total = total_budget(spec_data())
    assert re.search(r"Rp \d{1,3}(,\d{1,2})? miliar", text)
    assert re.search(r"Rp \d{1,3}(,\d{1,2})? juta", text)
    # Budget tables count in Rp juta with "." between thousands: 333.700 for Rp 333,7 M.
    assert "Rp juta" in text
    assert grouped(total // 10**6, ".") in text
    assert in_words_id(total) in flat(example.text("summary"))
    # Amounts in words have two decimals at most: three digits after a comma are English
    # thousands separators.
    assert not re.search(r"Rp \d{1,3},\d{3}\b", text)
    assert "IDR" not in text and "billion" not in text and "million" not in text
    assert "20 November 2025" in text


def test_table_of_contents_lists_the_real_page_numbers(example: Any, e2e: Any) -> None:
    reader = example.pdf()
    entries = e2e.outline_entries(reader)
    page_of = {title: page for depth, title, page in entries if depth == 0}
    toc_pages = range(page_of["Daftar Isi"], page_of["Daftar Tabel"])
    listed: dict[str, int] = {}
    for number in toc_pages:
        for line in e2e.page_lines(reader.pages[number - 1]):
            match = re.fullmatch(r"(.*\S) (\d+)", line)
            if match:
                listed[match[1]] = int(match[2])
    expected = {title: page for depth, title, page in entries
                if depth <= 1 and title not in BOOK_FRONT_ID}
    assert set(EXAMPLE_CHAPTERS_ID) <= set(listed), sorted(
        set(EXAMPLE_CHAPTERS_ID) - set(listed))
    wrong = {title: (listed.get(title), page) for title, page in expected.items()
             if listed.get(title) != page}
    assert not wrong, f"TOC number vs real page: {wrong}"


def test_every_page_after_the_cover_shows_its_number(example: Any) -> None:
    texts = example.page_texts()
    # The footer is drawn last: its number ends the page's text.
    assert texts[0].rstrip().splitlines()[-1] != "1"  # the cover has no footer
    wrong = [(number, text.rstrip().splitlines()[-1])
             for number, text in enumerate(texts, start=1)
             if number > 1 and text.rstrip().splitlines()[-1] != str(number)]
    assert not wrong, wrong


def test_running_header_names_the_region(example: Any) -> None:
    texts = example.page_texts()
    headed = [n for n, text in enumerate(texts[1:], start=2)
              if "Pemerintah Kabupaten Banyuwangi" in text]
    assert len(headed) >= len(texts) - 2


@pytest.mark.parametrize(("name", "lines"), [
    ("Contoh", 1),
    ("Kepulauan Siau Tagulandang Biaro", 2),  # the longest name of a real kabupaten
    (" ".join(f"Nama{i}" for i in range(40)), 2),  # ~300 characters: cut off after 2 lines
])
def test_running_header_keeps_region_left_and_title_right_whatever_their_length(
        tmp_path: Path, e2e: Any, name: str, lines: int) -> None:
    spec = tmp_path / "spec" / "masterplan.yaml"
    spec.parent.mkdir()
    spec.write_text(e2e.replace_once(MINIMAL.read_text(encoding="utf-8"),
                                     'name: "Contoh"', f'name: "{name}"'), encoding="utf-8")
    result = run_cli("render", spec, "-f", "pdf", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    (pdf,) = (tmp_path / "out").glob("*.pdf")
    assert e2e.words_near_the_edge(pdf) == []
    # The contents (the minimal spec has no foreword, so no page for one): a header, and
    # no landscape page.
    width, _height, page = next(page for page in e2e.page_words(pdf)
                                if any(word[4] == "ISI" for word in page[2]))
    page.sort(key=lambda w: (w[1], w[0]))
    heading = next(i for i, w in enumerate(page) if w[4] == "DAFTAR")
    header = page[:heading]
    # Above the page's heading, region from the left margin, title to the right margin.
    assert max(w[3] for w in header) <= page[heading][1]
    region = next(w for w in header if w[4] == "Pemerintah")
    assert abs(region[0] - 25 * e2e.MM) < 1.5, header
    assert abs(max(w[2] for w in header) - (width - 20 * e2e.MM)) < 1.5
    overlaps = [(a[4], b[4]) for i, a in enumerate(page) for b in page[i + 1:]
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
    assert overlaps == []
    # At most two lines, in the top margin and clear of the page's edge.
    assert len({round(w[1]) for w in header}) == lines
    assert min(w[1] for w in header) >= 7 * e2e.MM
    if len(name) > 100:
        assert header[-1][4].endswith("…")


def test_cover_shows_the_logo_title_and_period(example: Any, e2e: Any) -> None:
    reader = example.pdf()
    cover = reader.pages[0]
    with Image.open(EXAMPLE.parent / "logo.png") as logo:
        size = logo.size
    assert e2e.drawn_images(cover) == [size]
    text = flat(cover.extract_text())
    assert "Masterplan Smart City Kabupaten Banyuwangi" in text
    assert "2026–2035" in text and "Angkatan 2017" in text


def test_captions_are_numbered_once_per_chapter(example: Any) -> None:
    html = example.html()
    numbers = re.findall(r'<caption id="[^"]+"><span class="num">Tabel ([^<]+)</span>', html)
    assert len(numbers) == len(set(numbers)), "duplicate table numbers"
    figures = re.findall(r'<figcaption><span class="num">Gambar ([^<]+)</span>', html)
    assert figures and len(figures) == len(set(figures))


def test_annex_tables_restart_their_numbering(example: Any) -> None:
    html = example.html()
    annex = re.findall(r'<span class="num">Tabel ([A-Z])\.(\d+)</span>', html)
    assert annex, "no annex tables"
    firsts: dict[str, int] = {}
    for letter, number in annex:
        firsts.setdefault(letter, int(number))
    assert set(firsts.values()) == {1}, firsts


def test_no_text_runs_off_the_page(example: Any, e2e: Any) -> None:
    for kind in ("masterplan", "summary", "quickwins", "readiness"):
        assert e2e.words_near_the_edge(example.path(kind, "pdf")) == [], kind


def test_charts_have_alt_text(example: Any) -> None:
    html = example.html()
    charts = re.findall(r'<figure class="chart"[^>]*>\s*<img src="data:image/svg\+xml;base64,'
                        r'[^"]+" alt="([^"]*)"', html)
    assert len(charts) >= 3
    assert all(alt.strip() for alt in charts)


def test_chart_labels_are_text_in_the_pdf(example: Any) -> None:
    """Labels are laid out in Carlito as real text (searchable, copyable), not glyph paths:
    the roadmap figure's page carries every program id its axis names."""
    ids = [p["id"] for d in spec_data()["dimensions"].values()
           for s in d["sub_dimensions"].values() for p in s["programs"]]
    captions = [text for text in example.page_texts()
                if re.search(r"Gambar \d+\.\d+ Linimasa program", text)
                and "DAFTAR GAMBAR" not in text]
    assert len(captions) == 1
    missing = [pid for pid in ids if pid not in captions[0]]
    assert not missing, missing


# === the other documents ====================================================================

def test_summary_has_the_key_figures(example: Any, e2e: Any) -> None:
    data = spec_data()
    text = flat(example.text("summary"))
    programs = sum(len(s["programs"]) for d in data["dimensions"].values()
                   for s in d["sub_dimensions"].values())
    assert flat(data["vision"]["statement"]) in text
    assert f"{programs} Jumlah Program" in text
    assert in_words_id(total_budget(data)) in text
    for name in DIMENSIONS:
        assert name in text
    for quick_win in data["quick_wins"]:
        assert quick_win["id"] in text
    assert chapters(e2e, example.pdf("summary"))[0][1] == "BAB I Ringkasan Eksekutif"


def test_quickwins_has_one_profile_per_quick_win(example: Any, e2e: Any) -> None:
    data = spec_data()
    reader = example.pdf("quickwins")
    texts = example.page_texts("quickwins")
    profiles = [(title, page) for _, title, page in chapters(e2e, reader)][1:]
    expected = [f"{q['id']} {q['name']}" for q in data["quick_wins"]]
    assert len(profiles) == len(expected)
    for (title, _), name in zip(profiles, expected, strict=True):
        assert title.endswith(name), (title, name)
    pages = [page for _, page in profiles]
    assert pages == sorted(set(pages)), "two profiles share a page"
    for (_, page), quick_win in zip(profiles, data["quick_wins"], strict=True):
        assert flat(quick_win["name"]).upper() in flat(texts[page - 1]).upper()
        assert quick_win["program"] in texts[page - 1]


def test_readiness_booklet_has_three_areas_and_nine_aspects(example: Any, e2e: Any) -> None:
    entries = e2e.outline_entries(example.pdf("readiness"))
    areas = [title.split(" ", 2)[2] for depth, title, _ in entries if depth == 0][1:]
    assert areas == list(ASPECTS_ID)
    nine = [aspect for aspects in ASPECTS_ID.values() for aspect in aspects]
    aspects = [title.split(" ", 1)[1] for depth, title, _ in entries if depth == 1
               and title.split(" ", 1)[1] in nine]
    assert aspects == nine
    text = flat(example.text("readiness"))
    for aspect in nine:
        assert aspect.upper() in text.upper(), aspect
    for status in ("Baik", "Cukup"):
        assert status in text


# === English ================================================================================

def english_pages(example_en: Any, e2e: Any, first: str, last: str) -> str:
    """Text of the pages from the chapter titled `first` up to the one before `last`."""
    page_of = {title: page for _, title, page in chapters(e2e, example_en.pdf())}
    return "\n".join(example_en.page_text(n) for n in range(page_of[first], page_of[last]))


def test_english_chapters_and_no_indonesian_headings(example_en: Any, e2e: Any) -> None:
    reader = example_en.pdf()
    entries = chapters(e2e, reader)
    assert [title for _, title, _ in entries] == [
        "Approval Page", "Foreword", "Contents", "List of Tables", "List of Figures",
        *EXAMPLE_CHAPTERS_EN]
    all_titles = [title for _, title, _ in e2e.outline_entries(reader)]
    # The cover and front matter, and the first page of every chapter and annex.
    pages = sorted({1, *range(2, entries[5][2]), *(page for _, _, page in entries)})
    text = "\n".join(example_en.page_text(number) for number in pages)
    for word in INDONESIAN_LABELS:
        assert not any(word in title for title in all_titles), word
        assert word not in text, word
    for title in EXAMPLE_CHAPTERS_EN:
        assert flat(title).upper() in flat(text).upper(), title
    for name in DIMENSIONS:
        assert name in text
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.metadata.subject.startswith("Smart City Masterplan")
    assert '<html lang="en">' in example_en.html()


def test_english_money_and_numbers(example_en: Any, e2e: Any) -> None:
    # Programs (amounts in words) through the budget tables (Rp juta columns).
    text = english_pages(example_en, e2e, "CHAPTER VI Strategies and Programs per Dimension",
                         "CHAPTER IX Quick-Win Programs")
    total = total_budget(spec_data())
    assert re.search(r"IDR \d{1,3}(\.\d{1,2})? billion", text)
    assert grouped(total // 10**6, ",") in text
    assert "miliar" not in text and "Rp " not in text
    assert "20 November 2025" in example_en.page_text(1)


def test_spec_language_is_the_default_and_lang_overrides_it(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    folder.mkdir()
    spec = folder / "masterplan.yaml"
    text = MINIMAL.read_text(encoding="utf-8")
    assert text.count('  date: "2025-11-20"\n') == 1
    spec.write_text(text.replace('  date: "2025-11-20"\n',
                                 '  date: "2025-11-20"\n  language: "en"\n'), encoding="utf-8")
    english = run_cli("render", spec, "-f", "html", "-o", tmp_path / "en")
    indonesian = run_cli("render", spec, "-f", "html", "--lang", "id", "-o", tmp_path / "id")
    assert english.exit_code == indonesian.exit_code == 0
    (en_page,) = (tmp_path / "en").glob("*.html")
    (id_page,) = (tmp_path / "id").glob("*.html")
    en_html, id_html = en_page.read_text("utf-8"), id_page.read_text("utf-8")
    assert '<html lang="en">' in en_html and "CHAPTER I<" in en_html and "BAB I<" not in en_html
    assert '<html lang="id">' in id_html and "BAB I<" in id_html and "CHAPTER" not in id_html


def test_dates_use_the_documents_month_names(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    folder.mkdir()
    spec = folder / "masterplan.yaml"
    text = MINIMAL.read_text(encoding="utf-8")
    assert text.count('  date: "2025-11-20"\n') == 1
    spec.write_text(text.replace('  date: "2025-11-20"\n', '  date: "2025-08-17"\n'),
                    encoding="utf-8")
    for lang, expected, other in (("id", "17 Agustus 2025", "August"),
                                  ("en", "17 August 2025", "Agustus")):
        result = run_cli("render", spec, "-f", "html", "--lang", lang, "-o", tmp_path / lang)
        assert result.exit_code == 0, result.output
        (page,) = (tmp_path / lang).glob("*.html")
        html = page.read_text(encoding="utf-8")
        assert expected in html and other not in html, lang


# === a city =================================================================================

def test_a_city_gets_city_labels(kota: Any, e2e: Any) -> None:
    reader = kota.pdf()
    entries = chapters(e2e, reader)
    assert [title for _, title, _ in entries] == FRONT_ID + CHAPTERS_ID
    assert reader.metadata.title.startswith("Masterplan Smart City Kota Makassar")
    assert "Periode 2026–2030" in flat(kota.page_text(1))
    assert "Wali Kota Makassar" in kota.page_text(2)  # the foreword's signature
    # Front matter and the first page of every chapter: labels, running header.
    for number in sorted({*range(2, entries[4][2]), *(page for _, _, page in entries)}):
        text = kota.page_text(number)
        assert "Bupati" not in text and "Pemerintah Kabupaten" not in text, number
        assert "Pemerintah Kota Makassar" in text, number


PHASE_NAMES = ["Tahap I: Fondasi Digital", "Tahap II: Integrasi Layanan",
               "Tahap III: Banyuwangi Cerdas Berkelanjutan"]


def test_the_roadmap_page_heads_its_years_with_the_phases(example: Any) -> None:
    """The roadmap table's first header row names the three phases of the Banyuwangi spec,
    on the page of the roadmap, and the phase row stands above the years."""
    pages = [flat(text) for text in example.page_texts()]
    roadmap = [text for text in pages if "Peta Jalan 10 Tahun" in text and "GOV-01" in text]
    assert roadmap, "no roadmap page"
    text = roadmap[0]
    assert all(name in text for name in PHASE_NAMES), text[:400]
    assert text.index(PHASE_NAMES[2]) < text.index("2026 2027 2028")
    # and each program's facts name its phases
    assert any("Tahap Tahap I: Fondasi Digital (2026–2027), Tahap II" in page for page in pages)


def test_roadmap_heading_matches_the_plan_period(kota: Any, e2e: Any) -> None:
    titles = [title for _, title, _ in e2e.outline_entries(kota.pdf())]
    roadmap = [title for title in titles if "Peta Jalan" in title and not title.startswith(
        "BAB")]
    assert roadmap
    assert not [title for title in roadmap if "10 Tahun" in title], roadmap


# === reproducible, archival =================================================================

@pytest.mark.slow
def test_two_processes_give_byte_identical_files(example: Any, example_again: Any) -> None:
    first, second = example.files(), example_again.files()
    assert len(first) == 2 * len(kind_groups()["all"])  # every book kind, PDF and HTML
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"differ between two runs: {differ}"


def test_pdf_a_3b_attaches_exactly_the_spec(minimal_pdfa: Any) -> None:
    assert [p.suffix for p in minimal_pdfa.outdir.iterdir()] == [".pdf"]
    reader = minimal_pdfa.pdf()
    assert dict(reader.attachments) == {"masterplan.yaml": [MINIMAL.read_bytes()]}
    root = reader.trailer["/Root"]
    assert len(root["/AF"]) == 1
    assert root["/AF"][0].get_object()["/AFRelationship"] == "/Source"
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert "/OutputIntents" in root
    assert root["/Lang"] == "id"


# === real facts: every one renders in every format =========================================

def real_facts_spec(e2e: Any) -> str:
    """The minimal example with the five facts of a real 2017-cohort kabupaten: a province as
    people write it, a medium program from year 2 for five years, grades on scales (built-in
    and the spec's own), targets of 2045 beyond a 2026-2035 plan, a deputy head."""
    text = e2e.minimal_text()
    for old, new in [
        ('code: "35.07"', 'code: "34.04"'),
        ('province: "Jawa Timur"', 'province: "D.I. Yogyakarta"\n  head_name: "Kustini"\n'
         '  deputy_head_name: "Danang Maharsa"'),
        ("period: {start_year: 2026, end_year: 2030}",
         "period: {start_year: 2026, end_year: 2035}"),
        ('cohort:\n', 'foreword:\n  text: "Puji syukur."\n  place: "Sleman"\n\ncohort:\n'),
        ('  statement: "Terwujudnya Kabupaten Contoh yang cerdas dan melayani"\n',
         '  statement: "Terwujudnya Kabupaten Contoh yang cerdas dan melayani"\n  targets:\n'
         '    - {description: "Opini WTP", scale: "bpk_opinion", value: "WTP", year: 2045}\n'),
        ('end_year: 2029\n            indicators:\n              - {name: "Produk terkurasi",'
         ' unit: "produk", targets: {2029: 200}}', 'end_year: 2031\n            indicators:\n'
         '              - {name: "Produk terkurasi", unit: "produk", targets: {2031: 200}}'),
        ('- {name: "Layanan perizinan daring", unit: "%", targets: {2030: 100}}',
         '- {name: "Layanan perizinan daring", unit: "%", targets: {2030: 100, 2045: 100}}\n'
         '              - {name: "Opini BPK", unit: "opini", scale: "bpk_opinion",'
         ' baseline: "WDP", targets: {2026: "WTP", 2030: "WTP"}}\n'
         '              - {name: "Indeks SPBE", unit: "predikat", scale: "spbe", baseline: 2,'
         ' targets: {2030: 4}}\n'
         '              - {name: "Kepuasan layanan", unit: "mutu", scale: "ikm",'
         ' baseline: "C", targets: {2030: "A"}}'),
    ]:
        text = e2e.replace_once(text, old, new)
    return text + ('\nscales:\n  - id: "ikm"\n    name: "Mutu pelayanan (IKM)"\n    levels:\n'
                   '      - {code: "C", label: "Kurang baik"}\n'
                   '      - {code: "B", label: "Baik"}\n'
                   '      - {code: "A", label: "Sangat baik"}\n')


def test_real_facts_render_in_every_format(tmp_path: Path, e2e: Any) -> None:
    import docx
    from pypdf import PdfReader

    spec = tmp_path / "masterplan.yaml"
    spec.write_text(real_facts_spec(e2e), encoding="utf-8")
    result = run_cli("render", spec, "--document", "masterplan", "-f", "pdf,html,docx",
                     "--strict", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    [html_file], [pdf_file], [docx_file] = (sorted((tmp_path / "out").glob(f"*.{ext}"))
                                            for ext in ("html", "pdf", "docx"))
    document = docx.Document(str(docx_file))
    texts = {
        "html": flat(re.sub(r"<[^>]+>", " ", html_file.read_text(encoding="utf-8"))),
        "pdf": flat(" ".join(page.extract_text() for page in PdfReader(pdf_file).pages)),
        "docx": flat(" ".join([p.text for p in document.paragraphs] + [
            cell.text for table in document.tables for row in table.rows
            for cell in row.cells])),
    }
    for fmt, text in texts.items():
        text = text.replace("– ", "–")  # narrow PDF cells break after the dash
        for shown in ("D.I. Yogyakarta",  # the province as written
                      "Wakil Bupati Contoh", "Danang Maharsa", "Kustini",  # the signatures
                      "Jangka Menengah 2026–2031",  # the medium stage reaches 2031
                      "WDP", "WTP", "Sangat Baik",  # grades, SPBE's by its meaning
                      "Mutu pelayanan (IKM), dari yang terendah: C (Kurang baik)",
                      "2045*", "Di luar periode masterplan 2026–2035"):
            assert shown in text, (fmt, shown)


# === a consultant's --template-dir =========================================================

@pytest.fixture
def minimal_spec(tmp_path: Path) -> Path:
    folder = tmp_path / "spec"
    folder.mkdir()
    spec = folder / "masterplan.yaml"
    spec.write_bytes(MINIMAL.read_bytes())
    return spec


def render_html(spec: Path, outdir: Path, *extra: str | Path) -> tuple[Any, str | None]:
    """`masterplan render SPEC -f html` in-process; (result, the HTML or None)."""
    result = run_cli("render", spec, "-f", "html", "-o", outdir, *extra)
    pages = sorted(outdir.glob("*.html")) if outdir.is_dir() else []
    return result, pages[0].read_text(encoding="utf-8") if pages else None


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


BUILTIN_COVER = '<p class="cover-kicker">'


def test_template_dir_with_only_a_stylesheet(minimal_spec: Path, tmp_path: Path) -> None:
    brand = write_tree(tmp_path / "brand", {
        "style.css": "@page { size: A4 }\nh1, h2 { color: #c0ffee; }\n"})
    result, html = render_html(minimal_spec, tmp_path / "out", "--template-dir", brand)
    assert result.exit_code == 0, result.output
    assert html is not None
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert style and "#c0ffee" in style[1]
    # the built-in stylesheet was replaced, not appended (the framework's dimension colours are
    # added to any stylesheet)
    assert "nav.toc" not in style[1] and "h1 .num" not in style[1]
    assert BUILTIN_COVER in html  # every template still comes from the built-in tree
    assert 'id="bab-pendahuluan"' in html and 'id="bab-penutup"' in html


def test_template_dir_overriding_the_cover(minimal_spec: Path, tmp_path: Path) -> None:
    text = minimal_spec.read_text(encoding="utf-8")
    minimal_spec.write_text(text.replace(
        'statement: "Terwujudnya Kabupaten Contoh yang cerdas dan melayani"',
        'statement: "Visi <i>miring</i> & {{ 7*7 }}"'), encoding="utf-8")
    brand = write_tree(tmp_path / "brand", {"partials/cover.html.j2": (
        '<section class="cover"><p class="konsultan">PT Konsultan Cerdas untuk '
        '{{ region.full_name }}</p><p class="visi">{{ vision.statement }}</p></section>\n')})
    result, html = render_html(minimal_spec, tmp_path / "out", "--template-dir", brand)
    assert result.exit_code == 0, result.output
    assert html is not None
    assert '<p class="konsultan">PT Konsultan Cerdas untuk Kabupaten Contoh</p>' in html
    assert BUILTIN_COVER not in html
    # The consultant's template autoescapes spec text like the built-in ones.
    assert '<p class="visi">Visi &lt;i&gt;miring&lt;/i&gt; &amp; {{ 7*7 }}</p>' in html
    assert "#1f4e79" in html  # the built-in stylesheet is still used
    assert 'id="bab-pendahuluan"' in html


def test_the_builtin_environment_is_reused_and_never_mixed_with_a_template_dir(
        minimal_spec: Path, tmp_path: Path) -> None:
    from generator.render.html import make_environment

    assert make_environment() is make_environment()  # compiled templates are kept
    result, html = render_html(minimal_spec, tmp_path / "a")
    assert result.exit_code == 0, result.output
    assert html is not None and BUILTIN_COVER in html
    # In the same process, a consultant's folder that gains a cover between two renders
    # gets it at the second one, and the built-in environment never sees it.
    brand = write_tree(tmp_path / "brand", {"style.css": "h1 { color: #c0ffee; }\n"})
    result, html = render_html(minimal_spec, tmp_path / "b", "--template-dir", brand)
    assert result.exit_code == 0, result.output
    assert html is not None and BUILTIN_COVER in html
    write_tree(brand, {"partials/cover.html.j2": '<section class="cover">BRAND</section>\n'})
    result, html = render_html(minimal_spec, tmp_path / "c", "--template-dir", brand)
    assert result.exit_code == 0, result.output
    assert html is not None and "BRAND" in html and BUILTIN_COVER not in html
    result, html = render_html(minimal_spec, tmp_path / "d")
    assert result.exit_code == 0, result.output
    assert html is not None and BUILTIN_COVER in html and "BRAND" not in html


@pytest.mark.parametrize("how", ["file", "folder", "stylesheet"])
def test_template_dir_symlinks_leading_out_are_not_followed(
        minimal_spec: Path, tmp_path: Path, how: str) -> None:
    outside = write_tree(tmp_path / "outside", {
        "partials/cover.html.j2": "<p>OUTSIDE-MARKER</p>\n",
        "secret.css": "h1 { color: #0badc0de } /* OUTSIDE-MARKER */\n"})
    brand = tmp_path / "brand"
    brand.mkdir()
    if how == "file":
        (brand / "partials").mkdir()
        (brand / "partials" / "cover.html.j2").symlink_to(outside / "partials" / "cover.html.j2")
    elif how == "folder":
        (brand / "partials").symlink_to(outside / "partials", target_is_directory=True)
    else:
        (brand / "style.css").symlink_to(outside / "secret.css")
    result, html = render_html(minimal_spec, tmp_path / "out", "--template-dir", brand)
    assert result.exit_code == 0, result.output
    assert html is not None
    assert "OUTSIDE-MARKER" not in html
    assert BUILTIN_COVER in html and "#1f4e79" in html  # fell back to the built-in files


def test_template_dir_symlink_inside_the_folder_is_used(minimal_spec: Path,
                                                      tmp_path: Path) -> None:
    brand = write_tree(tmp_path / "brand", {"assets/colours.css": "h1 { color: #c0ffee }\n"})
    (brand / "style.css").symlink_to(Path("assets") / "colours.css")
    result, html = render_html(minimal_spec, tmp_path / "out", "--template-dir", brand)
    assert result.exit_code == 0, result.output
    assert html is not None and "#c0ffee" in html


SANDBOX_ESCAPES = {
    "mro": "{{ ''.__class__.__mro__ }}",
    "globals via cycler": "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "globals via lipsum": "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "dict class": "{{ region.__class__.__init__.__globals__ }}",
    "include absolute": "{% include '/etc/passwd' %}",
    "include parent": "{% include '../../../../../../etc/passwd' %}",
    "import parent": "{% import '../templates/macros.html.j2' as m %}",
}


@pytest.mark.parametrize("name", list(SANDBOX_ESCAPES))
def test_sandbox_escapes_are_clean_errors(minimal_spec: Path, tmp_path: Path,
                                          name: str) -> None:
    brand = write_tree(tmp_path / "brand", {"partials/cover.html.j2": SANDBOX_ESCAPES[name]})
    outdir = tmp_path / "out"
    result = run_cli("render", minimal_spec, "-f", "html,pdf", "-o", outdir,
                     "--template-dir", brand)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("masterplan: template error"), result.stderr
    assert "Traceback" not in result.output
    assert "uid=" not in result.output and "root:x:" not in result.output
    assert not outdir.exists()


def test_sandbox_escape_in_a_real_process(e2e: Any, minimal_spec: Path, tmp_path: Path) -> None:
    brand = write_tree(tmp_path / "brand", {"partials/cover.html.j2": SANDBOX_ESCAPES["mro"]})
    done = e2e.run_masterplan("render", minimal_spec, "-f", "html", "-o", tmp_path / "out",
                              "--template-dir", brand)
    assert done.returncode == 1
    assert done.stdout == ""
    cover = (brand / "partials" / "cover.html.j2").resolve()
    assert done.stderr.splitlines() == [
        f"masterplan: template error: {cover}:1: access to attribute '__class__' of 'str' "
        "object is unsafe."]
    assert not (tmp_path / "out").exists()


TEMPLATE_RUNTIME_ERRORS = {
    "range too big": "{% for i in range(10**9) %}x{% endfor %}",
    "division by zero": "{{ 1 / 0 }}",
    "type error": "{{ 'a' + 1 }}",
    "endless recursion": "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
}


@pytest.mark.parametrize("name", list(TEMPLATE_RUNTIME_ERRORS))
def test_errors_raised_by_a_user_template_are_template_errors(
        minimal_spec: Path, tmp_path: Path, name: str) -> None:
    brand = write_tree(tmp_path / "brand", {
        "partials/cover.html.j2": TEMPLATE_RUNTIME_ERRORS[name]})
    result = run_cli("render", minimal_spec, "-f", "html", "-o", tmp_path / "out",
                     "--template-dir", brand)
    assert not (tmp_path / "out").exists()
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("masterplan: template error"), result.stderr
    assert "cover.html.j2" in result.stderr


def test_an_endless_template_is_stopped(minimal_spec: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.errors import RenderError
    from generator.pipeline import render_spec
    from generator.settings import RenderSettings

    brand = write_tree(tmp_path / "brand", {"partials/cover.html.j2": (
        "<p>Sampul</p>\n"
        "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}")})
    started = time.perf_counter()
    with pytest.raises(RenderError) as caught:
        render_spec(minimal_spec, RenderSettings(formats=("html",), outdir=tmp_path / "out",
                                                 template_dir=brand, template_seconds=1))
    cover = (brand / "partials" / "cover.html.j2").resolve()
    assert str(caught.value) == f"template error: {cover}:2: templates took longer than 1 s"
    assert time.perf_counter() - started < 15
    assert not (tmp_path / "out").exists()


def _render_error(spec: Path, outdir: Path, brand: Path, formats: tuple[str, ...] = ("html",),
                  documents: tuple[str, ...] = ("masterplan",)) -> str:
    """The message of the RenderError a render in-process raises."""
    from generator.errors import MasterplanError
    from generator.pipeline import render_spec
    from generator.settings import RenderSettings

    with pytest.raises(MasterplanError) as caught:
        render_spec(spec, RenderSettings(formats=formats, documents=documents, outdir=outdir,
                                         template_dir=brand))
    assert not outdir.exists()
    return caught.value.describe("en")


# (the cover template, the line of the error in it, the end of the message)
PLACED_TEMPLATE_ERRORS = {
    "undefined name": ("<p>\n{{ no_such_name }}</p>\n", 2, "'no_such_name' is undefined"),
    "sandbox refusal": ("<p>\n\n{{ ''.__class__ }}</p>\n", 3,
                        "access to attribute '__class__' of 'str' object is unsafe."),
    "missing include": ("<p>Sampul</p>\n{% include 'partials/tidak-ada.html.j2' %}\n", 2,
                        "no template 'partials/tidak-ada.html.j2' in the template folder or "
                        "the built-in ones"),
    "include outside": ("{% include '../../etc/passwd' %}\n", 1,
                        "no template '../../etc/passwd' in the template folder or the "
                        "built-in ones"),
    "syntax": ("<p>\n{% if %}</p>\n", 2, "Expected an expression, got 'end of statement block'"),
    # blamed on the built-in document.html.j2 before (computed while it was compiled)
    "huge number as text": ("<p>\n{{ (2 ** 99999999) | string }}</p>\n", 2,
                            "ValueError: Exceeds the limit (4300 digits) for integer string "
                            "conversion; use sys.set_int_max_str_digits() to increase the "
                            "limit"),
    # raised inside the built-in macro: the consultant's line that called it
    "bad call of a built-in macro": ("{% import 'macros.html.j2' as m %}\n<p>Sampul</p>\n"
                                     "{{ m.heading(1) }}\n", 3, "is undefined"),
}


@pytest.mark.parametrize("name", list(PLACED_TEMPLATE_ERRORS))
def test_every_template_error_names_the_consultants_file_and_line(
        minimal_spec: Path, tmp_path: Path, name: str) -> None:
    template, line, end = PLACED_TEMPLATE_ERRORS[name]
    brand = write_tree(tmp_path / "brand", {"partials/cover.html.j2": template})
    message = _render_error(minimal_spec, tmp_path / "out", brand)
    cover = (brand / "partials" / "cover.html.j2").resolve()
    assert message.startswith(f"template error: {cover}:{line}: "), message
    assert message.endswith(end), message


def test_a_template_in_latin_1_is_a_positioned_error(minimal_spec: Path,
                                                     tmp_path: Path) -> None:
    brand = tmp_path / "brand"
    (brand / "partials").mkdir(parents=True)
    cover = brand / "partials" / "cover.html.j2"
    cover.write_bytes('<section class="cover">\n<p>Peta jalan \u2013 caf\xe9</p>\n'
                      .encode("cp1252"))
    message = _render_error(minimal_spec, tmp_path / "out", brand)
    assert message == (f"{cover.resolve()}:2:15: error: file is not UTF-8 text (byte 0x96); "
                       "save it again as UTF-8")


def test_missing_template_dir_is_an_error(minimal_spec: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-brand"
    result = run_cli("render", minimal_spec, "-f", "html", "-o", tmp_path / "out",
                     "--template-dir", missing)
    assert result.exit_code != 0
    assert str(missing) in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_template_dir_that_is_a_file_is_a_usage_error(minimal_spec: Path,
                                                      tmp_path: Path) -> None:
    brand = tmp_path / "brand.css"
    brand.write_text("h1 { color: red }", encoding="utf-8")
    result = run_cli("render", minimal_spec, "-f", "html", "-o", tmp_path / "out",
                     "--template-dir", brand)
    assert result.exit_code == 2
    assert "--template-dir" in result.stderr
    assert not (tmp_path / "out").exists()


# What a template may not make a document load, and the URL each one names.
EXTERNAL_REFERENCES = {
    "image": ('<img src="http://127.0.0.1:9/brand.png">', "http://127.0.0.1:9/brand.png"),
    "stylesheet link": ('<link rel="stylesheet" href="https://example.com/brand.css">',
                        "https://example.com/brand.css"),
    "import url": ("<style>@import url(http://example.com/a.css);</style>",
                   "http://example.com/a.css"),
    "import string": ('<style>@import "https://example.com/b.css";</style>',
                      "https://example.com/b.css"),
    "file url in a style attribute": ('<div style="background: url(\'file:///etc/hostname\')">'
                                      "</div>", "file:///etc/hostname"),
    "font face": ("<style>@font-face { font-family: X; src: url(https://example.com/x.woff) }"
                  "</style>", "https://example.com/x.woff"),
    "svg image": ('<svg width="10" height="10"><image href="http://example.com/i.png" '
                  'width="10" height="10"/></svg>', "http://example.com/i.png"),
    "object": ('<object data="file:///etc/hostname"></object>', "file:///etc/hostname"),
}


@pytest.mark.parametrize("name", list(EXTERNAL_REFERENCES))
def test_the_html_writer_refuses_what_the_pdf_writer_refuses(
        minimal_spec: Path, tmp_path: Path, name: str) -> None:
    """Before: `-f html` wrote a preview with the reference that `-f pdf` refused."""
    markup, url = EXTERNAL_REFERENCES[name]
    brand = write_tree(tmp_path / "brand", {"partials/cover.html.j2": (
        f'<section class="cover"><p>Sampul</p>{markup}</section>\n')})
    # The readiness booklet: the same cover template, a sixth of the layout work.
    html = _render_error(minimal_spec, tmp_path / "html", brand, ("html",), ("readiness",))
    pdf = _render_error(minimal_spec, tmp_path / "pdf", brand, ("pdf",), ("readiness",))
    assert html == pdf == (f"refused to fetch {url!r}: a document may only use data: URLs "
                           "and the bundled fonts")


def test_the_html_writer_refuses_an_attachment_link_as_the_pdf_writer_does(
        minimal_spec: Path, tmp_path: Path) -> None:
    brand = write_tree(tmp_path / "brand", {"partials/cover.html.j2": (
        '<section class="cover"><a rel="attachment" href="file:///etc/passwd">x</a></section>')})
    html = _render_error(minimal_spec, tmp_path / "html", brand, ("html",), ("readiness",))
    pdf = _render_error(minimal_spec, tmp_path / "pdf", brand, ("pdf",), ("readiness",))
    assert html == pdf == ("refused <a rel=attachment href='file:///etc/passwd'>: only the "
                           "source spec may be attached to the PDF")


def test_links_data_images_and_fragments_stay_in_the_html(minimal_spec: Path,
                                                        tmp_path: Path) -> None:
    """The control: what the check must let through."""
    brand = write_tree(tmp_path / "brand", {"partials/cover.html.j2": (
        '<section class="cover"><a href="https://example.org/">situs</a>'
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">'
        '<svg><use href="#x"/></svg><p style="color: red">Sampul</p></section>\n')})
    result, html = render_html(minimal_spec, tmp_path / "out", "--template-dir", brand)
    assert result.exit_code == 0, result.output
    assert html is not None and 'href="https://example.org/"' in html


@pytest.mark.parametrize("markup, refused", [
    ('<img src="http://127.0.0.1:9/brand.png"><style>@import url(file:///etc/hostname);'
     "</style>", ["http://127.0.0.1:9/brand.png", "file:///etc/hostname"]),
    ('<a rel="attachment" href="file:///etc/passwd">spec</a>', ["file:///etc/passwd"]),
], ids=["image-and-import", "attachment"])
def test_a_template_that_fetches_fails_and_leaves_nothing(
        minimal_spec: Path, tmp_path: Path, markup: str, refused: list[str]) -> None:
    """The HTML is made before the PDF; the PDF then fails: neither file may be written."""
    brand = write_tree(tmp_path / "brand", {"partials/cover.html.j2": (
        f'<section class="cover"><p>Sampul</p>{markup}</section>\n')})
    outdir = tmp_path / "out"
    # The readiness booklet: the same cover template, a sixth of the layout work.
    result = run_cli("render", minimal_spec, "--document", "readiness", "-f", "html,pdf",
                     "-o", outdir, "--template-dir", brand)
    assert result.exit_code == 1, result.output
    for url in refused:
        assert url in result.stderr
    assert "Traceback" not in result.output
    assert not outdir.exists() or list(outdir.iterdir()) == []


# === masterplan watch =======================================================================

class RenderSpy:
    """Wraps the real render functions (in-process, and in a process of its own with a
    template folder) so a test can wait for each render `run_watch` starts: a failed render
    reports its error, a good one reports None once its preview got the reload script."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import generator.commands.watch as watch
        import generator.pipeline as pipeline
        from generator.batch.isolated import IsolatedRenderer

        self.done: queue.Queue[BaseException | None] = queue.Queue()
        real = pipeline.render_spec
        real_isolated = IsolatedRenderer.render_spec
        monkeypatch.setattr(pipeline, "render_spec",
                            lambda *args, **kwargs: self.call(real, *args, **kwargs))
        monkeypatch.setattr(IsolatedRenderer, "render_spec",
                            lambda *args, **kwargs: self.call(real_isolated, *args, **kwargs))
        real_reload = watch.add_reload
        monkeypatch.setattr(watch, "add_reload",
                            lambda *args: self.call(real_reload, *args, last=True))

    def call(self, real: Callable[..., Any], *args: Any, last: bool = False,
             **kwargs: Any) -> Any:
        try:
            result = real(*args, **kwargs)
        except BaseException as error:
            self.done.put(error)
            raise
        if last:
            self.done.put(None)
        return result

    def next(self, timeout: float = 60) -> BaseException | None:
        return self.done.get(timeout=timeout)


@pytest.fixture
def watching(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Any]]:
    """Start `run_watch` in a thread; returns (spy, thread) and joins it at the end."""
    from generator.commands.watch import run_watch

    threads: list[threading.Thread] = []
    errors: list[BaseException] = []

    def start(spec: Path, outdir: Path, renders: int, **options: Any) -> RenderSpy:
        spy = RenderSpy(monkeypatch)

        def target() -> None:
            try:
                run_watch(spec, outdir, lang=options.get("lang"),
                          template_dir=options.get("template_dir"), interval=0.05,
                          max_renders=renders, formats=options.get("formats", ("html",)))
            except BaseException as error:
                errors.append(error)

        thread = threading.Thread(target=target, daemon=True)
        thread.start()
        threads.append(thread)
        return spy

    yield start
    for thread in threads:
        thread.join(timeout=60)
        assert not thread.is_alive(), "run_watch did not stop after max_renders"
    assert not errors, errors


def edit(path: Path, old: str, new: str) -> None:
    """Replace text in one step, as an editor that saves by renaming does (the watch must
    not see a half-written file), and make sure the modification time moves."""
    before = path.stat().st_mtime_ns
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_text(text.replace(old, new), encoding="utf-8")
    if temporary.stat().st_mtime_ns <= before:
        os.utime(temporary, ns=(before + 10**9, before + 10**9))
    os.replace(temporary, path)


OLD_VISION = "Terwujudnya Kabupaten Contoh yang cerdas dan melayani"


def preview(outdir: Path) -> str:
    (page,) = outdir.glob("*.html")
    return page.read_text(encoding="utf-8")


def test_watch_rerenders_the_preview_when_the_spec_changes(
        watching: Callable[..., Any], minimal_spec: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    outdir = tmp_path / "out"
    spy = watching(minimal_spec, outdir, 2)
    assert spy.next() is None
    assert OLD_VISION in preview(outdir)
    # a preview (and the version file its reload script polls), no PDF
    assert sorted(p.suffix for p in outdir.iterdir()) == [".html", ".js"]
    edit(minimal_spec, OLD_VISION, "Visi baru setelah disunting")
    assert spy.next() is None
    html = preview(outdir)
    assert "Visi baru setelah disunting" in html and OLD_VISION not in html
    assert capsys.readouterr().err.count(".html (") == 2


def _version(outdir: Path) -> str:
    from generator.commands.watch import version_file

    (page,) = outdir.glob("*.html")
    return version_file(page).read_text(encoding="utf-8")


def test_the_watch_preview_reloads_itself_and_the_rendered_html_does_not(
        watching: Callable[..., Any], minimal_spec: Path, tmp_path: Path) -> None:
    from generator.commands.watch import version_file

    outdir = tmp_path / "out"
    spy = watching(minimal_spec, outdir, 3)
    assert spy.next() is None
    html = preview(outdir)
    (page,) = outdir.glob("*.html")
    first = _version(outdir)
    match = re.fullmatch(r'masterplanWatch\("([0-9a-f]{64})"\);\n', first)
    assert match, first
    assert html.count("<script") == 1 and "masterplanWatch" in html
    assert f'var version = "{match[1]}"' in html
    assert f'"{version_file(page).name}"' in html and "sessionStorage" in html
    script = re.search(r"<script>.*?</script>\n", html, re.S)
    assert script and html.index(script[0]) < html.index("</head>")

    # `render -f html` writes the same page without the script, byte for byte
    plain = tmp_path / "plain"
    done = run_cli("render", str(minimal_spec), "-f", "html", "-o", str(plain))
    assert done.exit_code == 0, done.output
    (rendered,) = plain.iterdir()
    assert b"<script" not in rendered.read_bytes()
    assert html.replace(script[0], "").encode("utf-8") == rendered.read_bytes()

    # a new render announces a new version; a broken spec leaves the old one
    edit(minimal_spec, OLD_VISION, "Visi yang dimuat ulang")
    assert spy.next() is None
    second = _version(outdir)
    assert second != first and second.split('"')[1] in preview(outdir)
    edit(minimal_spec, "amount: 500000000", "amount: 500.000")
    assert spy.next() is not None
    assert _version(outdir) == second


def test_watch_rebuilds_the_pdf_too_with_format_pdf(
        watching: Callable[..., Any], minimal_spec: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    outdir = tmp_path / "out"
    spy = watching(minimal_spec, outdir, 2, formats=("pdf",))
    assert spy.next() is None
    (pdf,) = outdir.glob("*.pdf")
    before = pdf.read_bytes()
    assert before.startswith(b"%PDF") and OLD_VISION in preview(outdir)
    edit(minimal_spec, OLD_VISION, "Visi dengan PDF baru")
    assert spy.next() is None
    assert "Visi dengan PDF baru" in preview(outdir)
    assert pdf.read_bytes() != before
    err = capsys.readouterr().err
    assert err.count(".pdf (") == 2 and err.count(".html (") == 2


def test_watch_speaks_indonesian_by_default_and_english_on_request(
        watching: Callable[..., Any], minimal_spec: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert watching(minimal_spec, tmp_path / "id", 1).next() is None
    time.sleep(0.2)  # the thread prints after the render returns
    err = capsys.readouterr().err
    assert f"masterplan: mengamati {minimal_spec} (Ctrl-C untuk berhenti)" in err
    assert re.search(r"\.html \(\d+,\d dtk\)", err), err
    assert watching(minimal_spec, tmp_path / "en", 1, lang="en").next() is None
    time.sleep(0.2)
    err = capsys.readouterr().err
    assert f"masterplan: watching {minimal_spec} (Ctrl-C to stop)" in err
    assert re.search(r"\.html \(\d+\.\d s\)", err), err


def test_watch_cli_takes_several_formats(minimal_spec: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.commands.watch as watch_module

    seen: dict[str, Any] = {}
    monkeypatch.setattr(watch_module, "run_watch", lambda *a, **kw: seen.update(kw))
    assert run_cli("watch", str(minimal_spec), "-f", "html,pdf").exit_code == 0
    assert seen["formats"] == ("html", "pdf")
    done = run_cli("watch", str(minimal_spec), "-f", "odt")
    assert done.exit_code != 0 and "odt" in done.output


def test_watch_survives_a_broken_spec(watching: Callable[..., Any], minimal_spec: Path,
                                      tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    outdir = tmp_path / "out"
    spy = watching(minimal_spec, outdir, 3)
    assert spy.next() is None
    good = preview(outdir)
    edit(minimal_spec, "amount: 500000000", "amount: 500.000")
    assert spy.next() is not None  # the render failed ...
    assert preview(outdir) == good  # ... and the last good preview stays
    edit(minimal_spec, "amount: 500.000", "amount: 700000000")
    assert spy.next() is None
    assert "Rp 700 juta" in preview(outdir)
    err = capsys.readouterr().err
    assert re.search(rf"{re.escape(str(minimal_spec))}:\d+:\d+: error: "
                     r"dimensions\.governance\.sub_dimensions\.public_service\.programs\[0\]"
                     r"\.budget\[0\]\.amount: ", err), err
    assert "Traceback" not in err


def test_watch_rerenders_when_the_consultant_stylesheet_changes(
        watching: Callable[..., Any], minimal_spec: Path, tmp_path: Path) -> None:
    brand = write_tree(tmp_path / "brand", {"style.css": "h1 { color: #c0ffee }\n"})
    outdir = tmp_path / "out"
    spy = watching(minimal_spec, outdir, 2, template_dir=brand)
    assert spy.next() is None
    assert "#c0ffee" in preview(outdir)
    edit(brand / "style.css", "#c0ffee", "#facade")
    assert spy.next() is None
    assert "#facade" in preview(outdir) and "#c0ffee" not in preview(outdir)


def test_watch_survives_a_broken_user_template(minimal_spec: Path, tmp_path: Path) -> None:
    from generator.commands.watch import run_watch

    brand = write_tree(tmp_path / "brand", {"partials/cover.html.j2": "{{ 1 / 0 }}"})
    run_watch(minimal_spec, tmp_path / "out", lang=None, template_dir=brand, interval=0.05,
              max_renders=1)


@pytest.mark.slow
def test_watch_command_in_a_real_process(e2e: Any, minimal_spec: Path, tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    # Ctrl-C as a user at a terminal sends it. A test run started in the background of a
    # non-interactive shell (`.ci/run &`) inherits SIGINT ignored, and a Python child keeps
    # it ignored: give the child the default disposition a terminal has.
    process = subprocess.Popen(
        [*e2e.masterplan_command(), "watch", str(minimal_spec), "-o", str(outdir),
         "--interval", "0.1"], env=e2e.child_env(), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        first = wait_for(lambda: OLD_VISION in _maybe_preview(outdir), process)
        assert first
        edit(minimal_spec, OLD_VISION, "Visi dari proses nyata")
        assert wait_for(lambda: "Visi dari proses nyata" in _maybe_preview(outdir), process)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            _, err = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()  # never leave a watcher running after the test
            process.communicate()
            raise
    assert process.returncode == 0, err
    assert "masterplan: mengamati" in err and "pengamatan dihentikan" in err
    assert "Traceback" not in err


def _maybe_preview(outdir: Path) -> str:
    pages = list(outdir.glob("*.html")) if outdir.is_dir() else []
    return pages[0].read_text(encoding="utf-8") if pages else ""


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[str],
             timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        assert process.poll() is None, "watch exited early"
        time.sleep(0.1)
    return False


# === commands that do not render ============================================================

def imported_modules(stderr: str) -> set[str]:
    """Top-level names of every module a `-X importtime` report lists."""
    return {match[1].split(".")[0]
            for match in re.finditer(r"^import time:\s+\d+ \|\s+\d+ \|\s*([\w.]+)\s*$",
                                     stderr, re.M)}


@pytest.mark.parametrize("args", [
    ("--help",),
    ("validate", str(EXAMPLE)),
    ("render", "--help"),
    ("watch", "--help"),
    # The preview (what `watch` renders) does not need the PDF writer either.
    ("render", str(MINIMAL), "-f", "html", "-o", "{tmp}"),
], ids=["help", "validate", "render-help", "watch-help", "render-html"])
def test_commands_that_do_not_render_pdf_never_import_weasyprint(
        e2e: Any, tmp_path: Path, args: tuple[str, ...]) -> None:
    done = e2e.run_masterplan(*(a.replace("{tmp}", str(tmp_path)) for a in args),
                              env=e2e.child_env(PYTHONPROFILEIMPORTTIME="1"))
    assert done.returncode == 0, done.stderr[-2000:]
    modules = imported_modules(done.stderr)
    assert "click" in modules and "generator" in modules  # the report was read
    assert "weasyprint" not in modules
    assert "docx" not in modules


def test_the_import_check_sees_weasyprint_when_a_pdf_is_rendered(minimal_pdfa: Any) -> None:
    """Positive control for the test above: the session's PDF render ran with the same
    import report switched on, and the report does list WeasyPrint there."""
    modules = imported_modules(minimal_pdfa.stderr)
    assert "click" in modules
    assert "weasyprint" in modules
