"""Hostile and broken specs through `masterplan render`, with real files.

Narrative Markdown full of scripts, `javascript:` links and template syntax must come out
as harmless text (HTML and PDF; pictures a narrative names are the spec's files or a
positioned error: tests/e2e/test_figures.py, tests/unit/test_figures.py); a logo that is missing,
outside the spec's folder, not a regular file, too large or not an image is a positioned
error; any failed render leaves no file behind; every free-text field as long as the schema
allows renders in every format. Specs are made from the minimal example.
"""

from __future__ import annotations

import base64
import html as html_lib
import json
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import pytest
from helpers import at_maximum_length, run_cli
from PIL import Image
from pypdf import PdfReader
from ruamel.yaml import YAML

from generator.pipeline import render_spec
from generator.settings import RenderSettings
from generator.spec.schema import build_schema

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "render"
MINIMAL = REPO / "examples" / "minimal" / "masterplan.yaml"
LOGO = REPO / "examples" / "kabupaten-banyuwangi" / "logo.png"

GEOGRAPHY = '    narrative: "Kabupaten Contoh adalah daerah rekaan untuk ilustrasi format spec."'
VISION = 'statement: "Terwujudnya Kabupaten Contoh yang cerdas dan melayani"'
PROGRAM_NAME = 'name: "Layanan Perizinan Daring"'
QUICK_WIN = '{id: "QW-01", name: "Portal Satu Data"'
CONDITION = 'current_condition: "Sebagian layanan perizinan sudah daring."'
PROVINCE = '  province: "Jawa Timur"\n'
ALLOWED_LINKS = {"https://example.org/ok", "mailto:smartcity@example.org"}


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times, expected once"
    return text.replace(old, new)


def position(text: str, needle: str) -> tuple[int, int]:
    assert text.count(needle) == 1, needle
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def literal_block(text: str, indent: int) -> str:
    """`|` followed by `text` indented below a key that starts at column `indent` + 1."""
    pad = " " * (indent + 2)
    return "|\n" + "\n".join(pad + line if line else "" for line in text.splitlines())


def write_spec(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    spec = folder / "masterplan.yaml"
    spec.write_text(text, encoding="utf-8")
    return spec


def leftovers(outdir: Path) -> list[str]:
    return sorted(p.name for p in outdir.iterdir()) if outdir.exists() else []


# === narrative text that tries to become code =================================================

def hostile_text() -> str:
    payload = (DATA / "hostile_narrative.md").read_text(encoding="utf-8")
    text = MINIMAL.read_text(encoding="utf-8")
    text = replace_once(text, GEOGRAPHY, "    narrative: " + literal_block(payload, 4))
    text = replace_once(text, VISION, 'statement: "Visi {{ 7*7 }} <script>alert(8)</script>"')
    text = replace_once(text, PROGRAM_NAME,
                        'name: "Layanan {% for x in range(3) %}ulang{% endfor %} <b>x</b>"')
    text = replace_once(text, QUICK_WIN, '{id: "QW-01", name: "Portal {{ 7*7 }} Data"')
    text = replace_once(text, CONDITION, 'current_condition: "[klik](javascript:alert(9)) '
                        '<img src=x onerror=alert(10)>"')
    return text + "\nclosing: " + literal_block(
        '<a href="javascript:alert(11)">klik</a> <form action="http://example.com/f">'
        "<input name=q></form>\n\n"
        "[Kembali](javascript&colon;alert(12)) dan <http://example.com/auto-but-ok>.\n", 0) + "\n"


class Elements(HTMLParser):
    """Every start tag with its attributes (values unescaped, as a browser reads them)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


@dataclass
class HostileRender:
    spec: Path
    html: str
    pdf: PdfReader
    text: str


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileRender:
    folder = tmp_path_factory.mktemp("hostile")
    spec = write_spec(folder / "spec", hostile_text())
    shutil.copy(LOGO, spec.parent / "logo.png")  # no logo is named: it must not be picked up
    outdir = folder / "out"
    result = render_spec(spec, RenderSettings(formats=("pdf", "html"), outdir=outdir))
    assert sorted(p.suffix for p in result.outputs) == [".html", ".pdf"]
    (html_path,) = outdir.glob("*.html")
    (pdf_path,) = outdir.glob("*.pdf")
    reader = PdfReader(pdf_path)
    return HostileRender(spec, html_path.read_text(encoding="utf-8"), reader,
                         "\n".join(page.extract_text() for page in reader.pages))


def test_no_script_and_no_active_content_in_the_html(hostile: HostileRender) -> None:
    lowered = hostile.html.lower()
    assert "<script" not in lowered
    assert "<iframe" not in lowered and "<object" not in lowered and "<form" not in lowered
    parser = Elements()
    parser.feed(hostile.html)
    tags = [tag for tag, _ in parser.tags]
    assert tags.count("style") == 1  # ours, in <head>
    assert not {"script", "iframe", "object", "embed", "form", "input", "link", "base",
                "svg"} & set(tags)
    for tag, attrs in parser.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            folded = re.sub(r"\s", "", value).lower()
            assert "javascript:" not in folded and "vbscript:" not in folded, (tag, value)


def test_urls_in_the_html_are_only_data_anchors_and_allowed_links(
        hostile: HostileRender) -> None:
    parser = Elements()
    parser.feed(hostile.html)
    sources = [attrs["src"] for tag, attrs in parser.tags if "src" in attrs]
    assert sources and all(src.startswith("data:image/svg+xml;base64,") for src in sources), \
        [s[:40] for s in sources]  # the charts; no logo given, no image from the text
    links = [attrs["href"] for tag, attrs in parser.tags if "href" in attrs]
    external = {href for href in links if not href.startswith("#")}
    assert external >= ALLOWED_LINKS
    assert external <= ALLOWED_LINKS | {"http://example.com/auto-but-ok"}, external
    for href in links + sources:
        assert not href.lower().startswith("file:"), href
    # The same on the raw markup (only real tags: escaped text starts with &lt;).
    raw = re.findall(r'<[a-z][^<>]*?\b(?:src|href|data|action)\s*=\s*["\']?([^"\'\s>]*)',
                     hostile.html, re.I)
    assert raw
    assert not [url for url in raw if re.match(r"(file:|https?://example\.com/(?!auto))", url,
                                              re.I)]


def test_template_syntax_in_spec_text_prints_literally(hostile: HostileRender) -> None:
    page = html_lib.unescape(hostile.html)
    assert "Visi {{ 7*7 }} <script>alert(8)</script>" in page  # as text, escaped in HTML
    assert "Templat {{ 7*7 }} dan {% for x in range(3) %}ulang{% endfor %}" in page
    assert "Portal {{ 7*7 }} Data" in page
    text = " ".join(hostile.text.split())
    assert "Visi {{ 7*7 }}" in text
    assert "Templat {{ 7*7 }} dan {% for x in range(3) %}ulang{% endfor %}" in text
    assert "Layanan {% for x in range(3) %}ulang{% endfor %} <b>x</b>" in text
    assert "Portal {{ 7*7 }} Data" in text
    for evaluated in ("Visi 49", "Templat 49", "Portal 49", "ulangulangulang"):
        assert evaluated not in text and evaluated not in page, evaluated


def test_raw_html_prints_as_text_in_the_pdf(hostile: HostileRender) -> None:
    text = " ".join(hostile.text.split())
    assert "<script>alert(1)</script>" in text
    assert "Tautan baik situs resmi dan surel" in text
    assert "root:x:0:0" not in text


def test_the_pdf_has_no_attachment_and_only_allowed_links(hostile: HostileRender) -> None:
    reader = hostile.pdf
    assert dict(reader.attachments) == {}
    root = reader.trailer["/Root"]
    assert "/EmbeddedFiles" not in (root.get("/Names") or {})
    assert "/JavaScript" not in (root.get("/Names") or {}) and "/OpenAction" not in root
    uris = set()
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None:
                action = action.get_object()
                assert action.get("/S") in ("/URI", "/GoTo"), action
                if "/URI" in action:
                    uris.add(str(action["/URI"]))
    assert ALLOWED_LINKS <= uris <= ALLOWED_LINKS | {"http://example.com/auto-but-ok"}


# === the logo ================================================================================

def png(path: Path, size: tuple[int, int] = (4, 3), mode: str = "RGB") -> None:
    Image.new(mode, size).save(path, format="PNG")


def make_outside(spec_dir: Path) -> None:
    png(spec_dir.parent / "outside.png")


@dataclass(frozen=True)
class LogoCase:
    value: str | Callable[[Path], str]
    setup: Callable[[Path], None]
    says: str  # a word of the Indonesian message


def _symlink(name: str, target: str | Callable[[Path], Path]) -> Callable[[Path], None]:
    def setup(spec_dir: Path) -> None:
        make_outside(spec_dir)
        (spec_dir / name).symlink_to(target(spec_dir) if callable(target) else target)
    return setup


def _write(name: str, content: bytes) -> Callable[[Path], None]:
    return lambda spec_dir: (spec_dir / name).write_bytes(content)


def _sparse(spec_dir: Path) -> None:
    with open(spec_dir / "big.png", "wb") as handle:
        handle.write(LOGO.read_bytes())
        handle.truncate(6 * 1024 * 1024)  # over the 5 MB cap, a sparse file: no disk used


def _nothing(spec_dir: Path) -> None:
    make_outside(spec_dir)


LOGO_CASES = {
    "missing": LogoCase("tidak-ada.png", _nothing, "tidak ditemukan"),
    "parent folder": LogoCase("../outside.png", _nothing, "di luar folder"),
    "backslash parent": LogoCase("..\\outside.png", _nothing, "di luar folder"),
    "absolute path": LogoCase(lambda d: str(d.parent / "outside.png"), _nothing,
                              "di luar folder"),
    "symlink out": LogoCase("link.png", _symlink("link.png", lambda d: d.parent /
                                                 "outside.png"), "di luar folder"),
    "symlink to /dev/zero": LogoCase("zero.png", _symlink("zero.png", "/dev/zero"),
                                     "di luar folder"),
    "symlink loop": LogoCase("loop.png", _symlink("loop.png", "loop.png"), "tidak ditemukan"),
    "directory": LogoCase("folder.png", lambda d: (d / "folder.png").mkdir(), "bukan berkas"),
    "fifo": LogoCase("pipe.png", lambda d: os.mkfifo(d / "pipe.png"), "bukan berkas"),
    "too large": LogoCase("big.png", _sparse, "terlalu besar"),
    "too many pixels": LogoCase("huge.png", lambda d: png(d / "huge.png", (8000, 6000), "1"),
                                "terlalu besar"),
    "text named logo.png": LogoCase("logo.png", _write("logo.png", b"bukan gambar\n"),
                                    "bukan gambar"),
    "truncated png": LogoCase("cut.png", _write("cut.png", LOGO.read_bytes()[:300]),
                              "bukan gambar"),
    "svg with a file reference": LogoCase("logo.svg", _write(
        "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/'
                    b'passwd"/></svg>'), "bukan gambar"),
    "gif": LogoCase("logo.gif", lambda d: Image.new("RGB", (4, 4)).save(d / "logo.gif"),
                    "bukan gambar"),
    "http url": LogoCase("http://example.com/logo.png", _nothing, "alamat web"),
    "file url": LogoCase("file:///etc/passwd", _nothing, "alamat web"),
    "data url": LogoCase("data:image/png;base64,iVBORw0KGgo=", _nothing, "alamat web"),
}


def spec_with_logo(tmp_path: Path, case: LogoCase) -> tuple[Path, str]:
    spec_dir = tmp_path / "spec"
    spec_dir.mkdir()
    case.setup(spec_dir)
    value = case.value(spec_dir) if callable(case.value) else case.value
    quoted = json.dumps(value)  # a JSON string is a YAML double-quoted scalar
    text = replace_once(MINIMAL.read_text(encoding="utf-8"), PROVINCE,
                        f"{PROVINCE}  logo: {quoted}\n")
    return write_spec(spec_dir, text), quoted


@pytest.mark.parametrize("name", list(LOGO_CASES))
def test_a_bad_logo_is_a_positioned_error_and_nothing_is_written(tmp_path: Path,
                                                                 name: str) -> None:
    if name == "fifo" and not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this platform")
    case = LOGO_CASES[name]
    spec, quoted = spec_with_logo(tmp_path, case)
    line, col = position(spec.read_text(encoding="utf-8"), f"logo: {quoted}")
    outdir = tmp_path / "out"
    started = time.perf_counter()
    result = run_cli("render", spec, "--document", "all", "-f", "pdf,html", "-o", outdir)
    assert time.perf_counter() - started < 10
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    value = json.loads(quoted)
    assert lines[0].startswith(f"{spec}:{line}:{col + len('logo: ')}: error: region.logo: "), \
        lines[0]
    assert f"`{value}`" in lines[0]
    assert case.says in lines[0]
    assert result.stdout == ""
    assert leftovers(outdir) == []


def test_logo_errors_are_translated(tmp_path: Path) -> None:
    spec, _ = spec_with_logo(tmp_path, LOGO_CASES["missing"])
    result = run_cli("render", spec, "--lang", "en", "-f", "html", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.rstrip().endswith("error: region.logo: file `tidak-ada.png` not found")


def test_a_good_logo_in_a_subfolder_is_inlined(tmp_path: Path) -> None:
    """Control for the cases above: the resolver accepts a normal relative path."""
    def setup(spec_dir: Path) -> None:
        (spec_dir / "gambar").mkdir()
        shutil.copy(LOGO, spec_dir / "gambar" / "lambang.png")

    spec, _ = spec_with_logo(tmp_path, LogoCase("gambar/lambang.png", setup, ""))
    result = run_cli("render", spec, "-f", "html", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    (page,) = (tmp_path / "out").glob("*.html")
    inlined = base64.b64encode(LOGO.read_bytes()).decode()
    assert f'<img src="data:image/png;base64,{inlined}"' in page.read_text(encoding="utf-8")


# === broken specs and failed renders ===========================================================

def test_a_spec_with_errors_renders_nothing(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    text = replace_once(text, "amount: 500000000", "amount: 500.000")
    text = replace_once(text, 'lead_opd: "Dinas Pariwisata"', "lead_opd: 42")
    spec = write_spec(tmp_path / "spec", text)
    outdir = tmp_path / "out"
    result = run_cli("render", spec, "--document", "all", "-f", "pdf,html", "-o", outdir)
    assert result.exit_code == 1, result.output
    amount = position(text, "500.000")
    opd = position(text, "42\n")
    located = [re.match(r"^(.+):(\d+):(\d+): error: ", line) for line in
               result.stderr.splitlines()]
    places = [(m[1], int(m[2]), int(m[3])) for m in located if m]
    assert (str(spec), *amount) in places, result.stderr
    assert (str(spec), *opd) in places, result.stderr
    assert result.stdout == ""
    assert leftovers(outdir) == []


def test_a_failed_render_keeps_the_previous_files_untouched(tmp_path: Path) -> None:
    spec = write_spec(tmp_path / "spec", MINIMAL.read_text(encoding="utf-8"))
    outdir = tmp_path / "out"
    first = run_cli("render", spec, "-f", "html", "-o", outdir)
    assert first.exit_code == 0, first.output
    before = {p.name: p.read_bytes() for p in outdir.iterdir()}
    spec.write_text(replace_once(spec.read_text(encoding="utf-8"), "amount: 500000000",
                                 "amount: 500.000"), encoding="utf-8")
    second = run_cli("render", spec, "-f", "html,pdf", "-o", outdir)
    assert second.exit_code == 1
    assert {p.name: p.read_bytes() for p in outdir.iterdir()} == before  # no .pdf, no temp


def test_markdown_with_a_thousand_brackets_is_refused_quickly(tmp_path: Path) -> None:
    text = replace_once(MINIMAL.read_text(encoding="utf-8"), GEOGRAPHY,
                        f'    narrative: "{"[" * 1000}tanda kurung"')
    spec = write_spec(tmp_path / "spec", text)
    started = time.perf_counter()
    result = run_cli("render", spec, "-f", "pdf,html", "-o", tmp_path / "out")
    assert time.perf_counter() - started < 3
    assert result.exit_code == 1
    line, col = position(text, '"' + "[" * 1000)
    assert result.stderr.startswith(
        f"{spec}:{line}:{col}: error: profile.geography.narrative: "), result.stderr
    assert "1000" in result.stderr
    assert leftovers(tmp_path / "out") == []


def test_markdown_nested_too_deep_is_a_positioned_error(tmp_path: Path) -> None:
    nested = "\n".join("> " * depth + f"tingkat {depth}" for depth in range(1, 21))
    text = replace_once(MINIMAL.read_text(encoding="utf-8"), GEOGRAPHY,
                        "    narrative: " + literal_block(nested, 4))
    spec = write_spec(tmp_path / "spec", text)
    result = run_cli("render", spec, "-f", "pdf,html", "-o", tmp_path / "out")
    assert result.exit_code == 1
    line, col = position(text, "|\n      > tingkat 1\n")
    assert result.stderr.startswith(
        f"{spec}:{line}:{col}: error: profile.geography.narrative: "), result.stderr
    assert leftovers(tmp_path / "out") == []


def test_deeply_nested_emphasis_is_a_positioned_error(tmp_path: Path) -> None:
    payload = "**a " * 500 + "b" + "**" * 500
    text = replace_once(MINIMAL.read_text(encoding="utf-8"), GEOGRAPHY,
                        f'    narrative: "{payload}"')
    spec = write_spec(tmp_path / "spec", text)
    result = run_cli("render", spec, "-f", "pdf,html", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert leftovers(tmp_path / "out") == []
    line, col = position(text, '"' + payload)
    assert result.stderr.startswith(
        f"{spec}:{line}:{col}: error: profile.geography.narrative: "), result.stderr


def test_pdf_a_with_a_colon_in_the_spec_file_name(tmp_path: Path) -> None:
    spec = tmp_path / "rencana:2026.yaml"
    spec.write_bytes(MINIMAL.read_bytes())
    outdir = tmp_path / "out"
    result = run_cli("render", spec, "-f", "pdf", "--pdf-variant", "pdf/a-3b", "-o", outdir)
    assert result.exit_code == 0, result.output
    (pdf,) = outdir.glob("*.pdf")
    attachments = dict(PdfReader(pdf).attachments)
    assert list(attachments.values()) == [[MINIMAL.read_bytes()]]


# === layout under long words ===================================================================

@pytest.mark.slow
def test_long_unbroken_words_stay_on_the_page(tmp_path: Path, e2e: Any) -> None:
    url = "https://jdih.example.go.id/peraturan/" + "abcdefghij" * 20
    text = MINIMAL.read_text(encoding="utf-8")
    text = replace_once(text, GEOGRAPHY, f'    narrative: "Rujukan: {url}"')
    text = replace_once(text, PROGRAM_NAME, f'name: "Layanan{"X" * 150}"')
    spec = write_spec(tmp_path / "spec", text)
    render_spec(spec, RenderSettings(formats=("pdf",), outdir=tmp_path / "out"))
    (pdf,) = (tmp_path / "out").glob("*.pdf")
    assert e2e.words_near_the_edge(pdf) == []


# === the longest text the schema allows ========================================================

def spec_at_maximum(folder: Path, *, markdown: bool) -> tuple[Path, dict[str, Any]]:
    """The minimal example with every free-text field as long as the schema allows."""
    yaml = YAML()
    data = yaml.load(MINIMAL)
    filled = at_maximum_length(data, markdown=markdown)
    assert {"document.title", "region.name", "document.consultant",
            "document.authors[2]", "region.province", "cohort.track"} <= set(filled)
    folder.mkdir(parents=True, exist_ok=True)
    yaml.dump(data, folder / "masterplan.yaml")
    return folder / "masterplan.yaml", data


def max_length(*path: str) -> int:
    node: dict[str, Any] = build_schema()
    for key in path:
        node = node["properties"][key]
    return int(node["maxLength"])


def check_outputs(outdir: Path, kinds: tuple[str, ...], data: dict[str, Any]) -> None:
    """Every file there, with a short name; the DOCX core properties shortened at a word, the
    PDF metadata and the HTML title whole."""
    names = sorted(p.name for p in outdir.iterdir())
    assert len(names) == 3 * len(kinds), names
    assert all(len(name.encode()) < 120 for name in names), names
    title, region = data["document"]["title"], data["region"]["name"]
    for docx_path in outdir.glob("*.docx"):
        properties = docx.Document(str(docx_path)).core_properties
        for value in (properties.title, properties.author, properties.subject,
                      properties.keywords, properties.last_modified_by):
            assert len(value) <= 255 and (len(value) < 200 or value.endswith("…")), value
        if docx_path.stem.endswith("masterplan"):  # cut after a whole word of the spec's text
            assert (title + " ").startswith(properties.title.removesuffix("…") + " ")
            author = data["document"]["authors"][0]
            assert (author + " ").startswith(properties.author.removesuffix("…") + " ")
    for html_path in outdir.glob("*.html"):
        head = html_path.read_text(encoding="utf-8").partition("</title>")[0]
        assert region[:400] in html_lib.unescape(head)
    for pdf_path in outdir.glob("*.pdf"):
        metadata = PdfReader(pdf_path).metadata
        assert metadata is not None and region[:400] in str(metadata.title)
        if pdf_path.stem.endswith("masterplan"):
            assert title in str(metadata.title) and len(str(metadata.author)) > 1500


def test_every_text_field_at_its_schema_maximum_renders_in_every_format(
        tmp_path: Path, e2e: Any) -> None:
    """What validates renders: titles, names, authors and the consultant as long as the
    schema allows (the DOCX core properties hold 255 characters, python-docx refused more
    and the render ended in an internal error)."""
    spec, data = spec_at_maximum(tmp_path / "spec", markdown=False)
    assert len(data["document"]["title"]) == max_length("document", "title")
    assert len(data["region"]["name"]) == max_length("region", "name")
    assert e2e.run_masterplan("validate", spec).returncode == 0
    outdir = tmp_path / "out"
    done = e2e.run_masterplan("render", spec, "--document", "all", "-f", "pdf,html,docx",
                              "-o", outdir, timeout=600)
    assert done.returncode == 0 and "internal error" not in done.stderr, done.stderr
    check_outputs(outdir, e2e.DOCUMENTS, data)
    report = tmp_path / "report"
    done = e2e.run_masterplan("report", spec, "-f", "pdf,html,docx", "-o", report, "-j", "1",
                              timeout=600)
    assert done.returncode == 0 and "internal error" not in done.stderr, done.stderr
    assert len(list(report.iterdir())) == 3


@pytest.mark.slow
def test_every_field_markdown_included_at_its_schema_maximum_renders_in_every_format(
        tmp_path: Path, e2e: Any) -> None:
    """The same with every narrative at its 20,000 characters too (a main book of some 600
    pages; about 80 s)."""
    spec, data = spec_at_maximum(tmp_path / "spec", markdown=True)
    outdir = tmp_path / "out"
    done = e2e.run_masterplan("render", spec, "--document", "masterplan", "-f",
                              "pdf,html,docx", "-o", outdir, timeout=900)
    assert done.returncode == 0 and "internal error" not in done.stderr, done.stderr
    check_outputs(outdir, ("masterplan",), data)
