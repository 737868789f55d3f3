"""generator.render.pdf with the real WeasyPrint: content, metadata, fonts, PDF/A-3b,
byte-for-byte reproducibility, and refusal of everything the document may not read."""

from __future__ import annotations

import base64
import io
import logging
import os
import re
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from PIL import Image
from pypdf import PageObject, PdfReader
from pypdf.generic import StreamObject

from generator.errors import RenderError
from generator.render.pdf import FONTS_DIR, PdfOptions, fonts_css, render_pdf

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
CREATED = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
STYLES = ["body { font-family: Carlito; font-size: 11pt } @page { size: A4; margin: 2cm }"]
SPEC_YAML = "wilayah:\n  kode: '3204'\n  nama: Kabupaten Bandung\nanggaran: 500000000\n"
PASSWD_MARKER = b"root:x:0:0"

DOCUMENT = """<!doctype html>
<html><head><title>Ignored title</title><meta name=author content="Ignored"></head>
<body>
<h1>Ringkasan Eksekutif</h1>
<p>Kabupaten Bandung menyiapkan <b>masterplan kota cerdas</b> untuk <i>lima</i> tahun.</p>
<h2>Visi</h2><p>Pelayanan publik yang cepat dan terbuka.</p>
<h1 style="break-before: page">Program Prioritas</h1>
<h2>Tata Kelola</h2>
<table><tr><th>Program</th><th>Anggaran</th></tr>
<tr><td>Satu Data</td><td>Rp 500.000</td></tr></table>
<h2>Mobilitas</h2><p><b><i>Transportasi</i></b> terpadu.</p>
<h1 style="break-before: page">Peta Jalan</h1>
<p>Tahun 2026 sampai 2030.</p>
</body></html>
"""


def options(**changes: Any) -> PdfOptions:
    values: dict[str, Any] = {
        "title": "Masterplan Kota Cerdas Kabupaten Bandung",
        "author": "Dinas Komunikasi dan Informatika",
        "subject": "Rencana induk kota cerdas 2026-2030",
        "keywords": ["smart city", "Bandung", "masterplan"],
        "language": "id",
        "created": CREATED,
    }
    values.update(changes)
    return PdfOptions(**values)


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def catalog(reader: PdfReader) -> Any:
    return reader.trailer["/Root"]


def resources(page: PageObject) -> Any:
    return page["/Resources"]


def decoded(pdf: bytes) -> bytes:
    """Every object of the file, streams decompressed (object streams hide plain bytes)."""
    reader = read(pdf)
    size: Any = reader.trailer["/Size"]
    parts = []
    for number in range(1, int(size)):
        obj = reader.get_object(number)
        if isinstance(obj, StreamObject):
            parts.append(obj.get_data())
        parts.append(repr(obj).encode())
    return b"\n".join(parts)


def embedded_fonts(reader: PdfReader) -> dict[str, bytes]:
    """BaseFont name -> embedded font program, over all pages."""
    fonts: dict[str, bytes] = {}
    for page in reader.pages:
        for reference in resources(page)["/Font"].values():
            font = reference.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = descriptor["/FontFile2"].get_object().get_data()
    return fonts


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    environment = {key: value for key, value in os.environ.items()
                   if key != "SOURCE_DATE_EPOCH"}
    environment.update(PYTHONPATH=str(REPO), **env)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=environment,
                          capture_output=True, timeout=120, check=False)


# Content, metadata, outline -------------------------------------------------------------

def test_pages_and_text_read_back() -> None:
    reader = read(render_pdf(DOCUMENT, STYLES, options()))
    assert len(reader.pages) == 3
    first = reader.pages[0].extract_text()
    assert "Ringkasan Eksekutif" in first
    assert "masterplan kota cerdas" in first
    assert "Satu Data" in reader.pages[1].extract_text()
    assert "2026 sampai 2030" in reader.pages[2].extract_text()


def test_metadata_comes_from_the_options_not_the_html() -> None:
    reader = read(render_pdf(DOCUMENT, STYLES, options()))
    info: Any = reader.metadata
    assert info is not None
    assert info.title == "Masterplan Kota Cerdas Kabupaten Bandung"
    assert info.author == "Dinas Komunikasi dan Informatika"
    assert info.subject == "Rencana induk kota cerdas 2026-2030"
    assert info["/Keywords"] == "smart city, Bandung, masterplan"
    assert info["/CreationDate"] == "D:20260301083000Z"
    assert info["/ModDate"] == "D:20260301083000Z"
    assert info.creator == "masterplan"
    assert catalog(reader)["/Lang"] == "id"


def test_outline_follows_the_headings() -> None:
    reader = read(render_pdf(DOCUMENT, STYLES, options()))

    def titles(items: list[Any]) -> list[Any]:
        return [titles(item) if isinstance(item, list) else item.title for item in items]

    assert titles(reader.outline) == [
        "Ringkasan Eksekutif", ["Visi"],
        "Program Prioritas", ["Tata Kelola", "Mobilitas"],
        "Peta Jalan",
    ]
    targets = [reader.get_destination_page_number(item)
               for item in reader.outline if not isinstance(item, list)]
    assert targets == [0, 1, 2]


# Fonts ----------------------------------------------------------------------------------

def test_bundled_carlito_is_embedded_as_subsets() -> None:
    reader = read(render_pdf(DOCUMENT, STYLES, options()))
    fonts = embedded_fonts(reader)
    faces = {re.sub(r"^/[A-Z]{6}\+", "", name) for name in fonts}
    assert faces == {"Carlito", "Carlito-Bold", "Carlito-Italic", "Carlito-Bold-Italic"}
    assert all(re.match(r"^/[A-Z]{6}\+Carlito", name) for name in fonts)
    regular = TTFont(io.BytesIO(fonts[next(name for name in fonts
                                           if name.endswith("+Carlito"))]))
    assert regular["name"].getDebugName(1) == "Carlito"
    # A subset: the glyphs that carry outlines are few, the full font has thousands.
    full = TTFont(FONTS_DIR / "Carlito-Regular.ttf")
    drawn = [name for name in regular.getGlyphOrder()
             if regular["glyf"][name].numberOfContours != 0]
    assert len(drawn) < 80 < full["maxp"].numGlyphs


def test_fonts_css_names_only_the_bundled_files() -> None:
    css = fonts_css()
    assert css.count("@font-face") == 4
    files = re.findall(r'url\("masterplan-font:([^"]+)"\)', css)
    assert sorted(files) == sorted(
        ["Carlito-Regular.ttf", "Carlito-Bold.ttf", "Carlito-Italic.ttf",
         "Carlito-BoldItalic.ttf"])
    for name in files:
        assert (FONTS_DIR / name).is_file()
    assert "Open Font License" in (FONTS_DIR / "OFL.txt").read_text(encoding="utf-8")


# Reproducibility ------------------------------------------------------------------------

RENDER_SCRIPT = """
    import sys
    from datetime import UTC, datetime
    from generator.render.pdf import PdfOptions, render_pdf
    html, style = sys.stdin.read().split("\\f")
    options = PdfOptions(title="T", author="A", keywords=["k"],
                         created=datetime(2026, 3, 1, 8, 30, tzinfo=UTC),
                         variant="pdf/a-3b",
                         attachments=[("spec.yaml", b"kode: '3204'\\n", "spec")])
    sys.stdout.buffer.write(render_pdf(html, [style], options))
"""


def test_same_input_same_bytes_in_one_process() -> None:
    first = render_pdf(DOCUMENT, STYLES, options())
    second = render_pdf(DOCUMENT, STYLES, options())
    assert first == second


@pytest.mark.slow
def test_same_input_same_bytes_across_processes() -> None:
    """Different processes, hash seeds and wall-clock seconds: still the same bytes."""
    stdin = f"{DOCUMENT}\f{STYLES[0]}".encode()
    outputs = []
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(RENDER_SCRIPT)], input=stdin,
            env={**{k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"},
                 "PYTHONPATH": str(REPO), "PYTHONHASHSEED": seed},
            capture_output=True, timeout=120, check=False)
        assert result.returncode == 0, result.stderr.decode()
        outputs.append(result.stdout)
        time.sleep(1.1)  # any "now" stamped into the file would differ
    assert outputs[0].startswith(b"%PDF-")
    assert outputs[0] == outputs[1]
    here = render_pdf(DOCUMENT, STYLES, PdfOptions(
        title="T", author="A", keywords=["k"], created=CREATED, variant="pdf/a-3b",
        attachments=[("spec.yaml", b"kode: '3204'\n", "spec")]))
    assert here == outputs[0]


def test_harfbuzz_subset_keeps_the_fonts_own_timestamp() -> None:
    fonts = embedded_fonts(read(render_pdf(DOCUMENT, STYLES, options())))
    original = TTFont(FONTS_DIR / "Carlito-Regular.ttf")["head"].modified
    regular = next(data for name, data in fonts.items() if name.endswith("+Carlito"))
    assert TTFont(io.BytesIO(regular))["head"].modified == original


@pytest.mark.slow
def test_fonttools_fallback_stamps_the_document_date_not_now() -> None:
    """Without libharfbuzz-subset WeasyPrint subsets with fontTools, which stamps
    head.modified from SOURCE_DATE_EPOCH; render_pdf sets it from options.created.
    (The fallback is forced in a child process by hiding WeasyPrint's hb-subset handle.)
    """
    result = run_python("""
        import io, logging, os
        from datetime import UTC, datetime
        import weasyprint.pdf.fonts
        from fontTools.misc.timeTools import epoch_diff  # head dates count from 1904
        from fontTools.ttLib import TTFont
        from pypdf import PdfReader
        from generator.render.pdf import PdfOptions, render_pdf
        weasyprint.pdf.fonts.harfbuzz_subset = None
        logged = []
        handler = logging.Handler()
        handler.emit = lambda record: logged.append(record.getMessage())
        logging.getLogger("weasyprint").addHandler(handler)
        created = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
        pdf = render_pdf("<p>Halo</p>", ["p { font-family: Carlito }"],
                         PdfOptions(title="T", created=created))
        page = PdfReader(io.BytesIO(pdf)).pages[0]
        for font in page["/Resources"]["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            data = descendant["/FontDescriptor"]["/FontFile2"].get_object().get_data()
            stamp = TTFont(io.BytesIO(data))["head"].modified + epoch_diff
            assert stamp == int(created.timestamp()), stamp
        assert "SOURCE_DATE_EPOCH" not in os.environ
        assert any("Using fontTools instead" in message for message in logged), logged
        print("ok")
    """)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.strip() == b"ok"


def test_render_leaves_no_global_state_behind() -> None:
    logger = logging.getLogger("weasyprint")
    handlers = list(logger.handlers)
    had_epoch = "SOURCE_DATE_EPOCH" in os.environ
    render_pdf(DOCUMENT, STYLES, options())
    with pytest.raises(RenderError):
        render_pdf('<img src="http://example.com/a.png">', STYLES, options())
    assert logger.handlers == handlers
    assert ("SOURCE_DATE_EPOCH" in os.environ) == had_epoch


# PDF/A-3b and attachments ---------------------------------------------------------------

def test_pdf_a_3b_embeds_exactly_the_source_spec() -> None:
    pdf = render_pdf(DOCUMENT, STYLES, options(
        variant="pdf/a-3b",
        attachments=[("3204.yaml", SPEC_YAML.encode(), "Spesifikasi sumber")]))
    reader = read(pdf)
    assert dict(reader.attachments) == {"3204.yaml": [SPEC_YAML.encode()]}
    root = catalog(reader)
    names = root["/Names"]["/EmbeddedFiles"]["/Names"]
    assert len(names) == 2  # one (name, file specification) pair
    filespec = names[1].get_object()
    assert filespec["/AFRelationship"] == "/Source"
    assert filespec["/Desc"] == "Spesifikasi sumber"
    assert [ref.get_object() for ref in root["/AF"]] == [filespec]
    stream = filespec["/EF"]["/F"].get_object()
    assert stream["/Subtype"] == "/application/yaml"
    assert stream["/Params"]["/ModDate"] == "D:20260301083000Z"
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp
    assert 'pdfaid:conformance="B"' in xmp
    assert "Masterplan Kota Cerdas Kabupaten Bandung" in xmp
    assert "/OutputIntents" in root
    everything = decoded(pdf)
    assert everything.count(b"/EmbeddedFile'") == 1
    assert SPEC_YAML.encode() in everything  # decoded() does see attached bytes


def test_plain_pdf_has_no_embedded_files() -> None:
    pdf = render_pdf(DOCUMENT, STYLES, options())
    reader = read(pdf)
    assert dict(reader.attachments) == {}
    assert "/Names" not in catalog(reader)
    assert b"/EmbeddedFile" not in decoded(pdf)


def test_attachments_need_pdf_a_3b() -> None:
    with pytest.raises(ValueError, match="pdf/a-3b"):
        options(attachments=[("spec.yaml", b"a: 1", "spec")])


@pytest.mark.parametrize("name", ["", "../spec.yaml", "dir/spec.yaml", "a\nb.yaml", " x"])
def test_attachment_names_are_plain_file_names(name: str) -> None:
    with pytest.raises(ValueError, match="file name"):
        options(variant="pdf/a-3b", attachments=[(name, b"a: 1", "spec")])


def test_options_refuse_a_naive_date_and_a_bad_language() -> None:
    with pytest.raises(ValueError, match="timezone"):
        options(created=datetime(2026, 3, 1))  # naive on purpose
    with pytest.raises(ValueError, match="language"):
        options(language="bahasa indonesia")


# Hostile documents ----------------------------------------------------------------------

HOSTILE = {
    "http image": ('<img src="http://127.0.0.1:9/x.png">', "http://127.0.0.1:9/x.png"),
    "file image": ('<img src="file:///etc/passwd">', "file:///etc/passwd"),
    "link attachment": (
        '<link rel="attachment" href="file:///etc/passwd"><p>x</p>', "file:///etc/passwd"),
    "a attachment": (
        '<a rel="nofollow Attachment" href="file:///etc/passwd">spec</a>',
        "file:///etc/passwd"),
    "a attachment data": (
        '<a rel=attachment href="data:text/plain,secret">spec</a>', "data:text/plain"),
    "@import": (
        "<style>@import url(http://127.0.0.1:9/evil.css);</style><p>x</p>",
        "http://127.0.0.1:9/evil.css"),
    "style attribute url": (
        '<p style="background: url(file:///etc/passwd)">x</p>', "file:///etc/passwd"),
    "svg image": (
        '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20">'
        '<image href="file:///etc/passwd" width="20" height="20"/></svg>',
        "file:///etc/passwd"),
    "stylesheet link": (
        '<link rel="stylesheet" href="https://127.0.0.1:9/a.css"><p>x</p>',
        "https://127.0.0.1:9/a.css"),
    "object": ('<object data="file:///etc/passwd"></object>', "file:///etc/passwd"),
    "font-face url": (
        "<style>@font-face { font-family: X; src: url(file:///etc/passwd) }"
        " p { font-family: X }</style><p>x</p>", "file:///etc/passwd"),
    "font-face local": (
        "<style>@font-face { font-family: X; src: local(DejaVu Sans) }"
        " p { font-family: X }</style><p>x</p>", "file:///"),
    "base element": (
        '<base href="file:///etc/"><img src="passwd">', "file:///etc/passwd"),
    "relative url": ('<img src="logo.png">', "logo.png"),
    "dev urandom": ('<img src="file:///dev/urandom">', "file:///dev/urandom"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_document_is_refused_naming_the_url(name: str) -> None:
    html, url = HOSTILE[name]
    with pytest.raises(RenderError) as raised:
        render_pdf(f"<!doctype html><html><body>{html}</body></html>", STYLES, options())
    assert url in str(raised.value)


def test_hostile_stylesheet_passed_by_the_caller_is_refused() -> None:
    with pytest.raises(RenderError, match=re.escape("http://127.0.0.1:9/x.css")):
        render_pdf(DOCUMENT, ["@import url(http://127.0.0.1:9/x.css);"], options())


def test_attachment_urls_are_not_visible_to_the_document() -> None:
    with pytest.raises(RenderError, match="masterplan-attachment:0"):
        render_pdf('<img src="masterplan-attachment:0">', STYLES, options(
            variant="pdf/a-3b", attachments=[("spec.yaml", b"a: 1", "spec")]))


def test_every_refusal_is_counted() -> None:
    """One error names every refused URL (each once), not just the first."""
    images = "".join(f'<img src="http://127.0.0.1:9/{n}.png">' for n in range(7))
    html = f'<img src="file:///etc/hostname"><img src="file:///etc/hostname">{images}'
    with pytest.raises(RenderError) as raised:
        render_pdf(html, STYLES, options())
    message = str(raised.value)
    assert message.startswith(
        "refused to fetch 'file:///etc/hostname', 'http://127.0.0.1:9/0.png', ")
    assert message.count("file:///etc/hostname") == 1
    assert "'http://127.0.0.1:9/3.png' and 3 more:" in message


def test_deep_nesting_is_a_render_error_not_a_crash() -> None:
    depth = 3000
    with pytest.raises(RenderError, match="nested too deeply"):
        render_pdf("<div>" * depth + "x" + "</div>" * depth, STYLES, options())


def test_hyperlinks_are_kept_but_never_fetched_or_embedded() -> None:
    html = ('<p><a href="file:///etc/passwd">passwd</a> '
            '<a href="https://example.org/">situs</a></p>')
    pdf = render_pdf(html, STYLES, options(variant="pdf/a-3b"))
    everything = decoded(pdf)
    assert b"/EmbeddedFile" not in everything
    assert PASSWD_MARKER not in everything
    page: Any = read(pdf).pages[0]
    assert PASSWD_MARKER.decode() not in page.extract_text()
    links = [annotation.get_object()["/A"]["/URI"] for annotation in page["/Annots"]]
    assert links == ["file:///etc/passwd", "https://example.org/"]


def test_data_url_image_is_allowed() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (0, 128, 255)).save(buffer, format="PNG")
    data_url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    pdf = render_pdf(f'<p><img src="{data_url}" style="width: 4cm"></p>', STYLES, options())
    x_objects = resources(read(pdf).pages[0])["/XObject"]
    images = [x.get_object() for x in x_objects.values()
              if x.get_object()["/Subtype"] == "/Image"]
    assert [(image["/Width"], image["/Height"]) for image in images] == [(4, 3)]


def test_broken_data_image_is_an_error_not_a_silent_gap() -> None:
    with pytest.raises(RenderError, match="Failed to load image"):
        render_pdf('<img src="data:image/png;base64,AAAA">', STYLES, options())


def _minimal_example_html() -> str:
    from generator.documents import KINDS
    from generator.documents.charts import make_charts
    from generator.documents.context import build_context
    from generator.documents.naming import document_meta
    from generator.i18n.labels import labels
    from generator.pipeline import document_html
    from generator.render.html import make_environment
    from generator.settings import RenderSettings
    from generator.spec import check_spec
    from generator.spec.model import build_model

    spec = REPO / "examples" / "minimal" / "masterplan.yaml"
    plan = build_model(check_spec(spec, str(spec))[0])
    context = build_context(plan, "id", make_charts(plan, "id", labels("id")))
    meta = document_meta(KINDS["masterplan"], context)
    return document_html(KINDS["masterplan"], {**context, **meta}, make_environment(None),
                         RenderSettings())


def test_trimmed_user_agent_stylesheet_changes_no_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    """The faster user-agent stylesheet is in use and draws exactly what WeasyPrint's own
    does, on a real document (lists with markers, tables, charts, contents, headings)."""
    from generator.render import pdf

    # a probe the ::marker rule decides: without it the markers would be upper-cased too
    probe = ('<ol style="text-transform: uppercase; list-style-type: lower-alpha">'
             + "<li>satu</li>" * 3 + "</ol>")
    html = _minimal_example_html().replace("</body>", probe + "</body>")
    assert "<li" in html and "<table" in html and "<img" in html
    trimmed = pdf._user_agent_stylesheet()
    assert trimmed is not None, "WeasyPrint's html5_ua.css changed: update _UA_*_RE"
    fast = render_pdf(html, [], options())
    monkeypatch.setattr(pdf, "_user_agent_stylesheet", lambda: None)
    stock = render_pdf(html, [], options())
    assert fast == stock
    assert len(PdfReader(io.BytesIO(fast)).pages) > 10


def test_thousands_of_siblings_lay_out() -> None:
    """An element after ~1,000 siblings (the rows and paragraphs of a spec of thousands of
    programs) matched by a sibling selector exceeded Python's recursion limit in cssselect2
    ("nested too deeply"); `generator.render.pdf` builds the siblings without recursion."""
    from cssselect2 import ElementWrapper

    from generator.render import pdf

    assert ElementWrapper.previous_siblings.fget is pdf._previous_siblings
    html = ("<html><body><h2>start</h2>" + "<p>paragraph</p>" * 1500
            + "<h2>end</h2></body></html>")
    reader = PdfReader(io.BytesIO(render_pdf(html, [*STYLES, "h2 ~ h2 { color: red }"],
                                             options())))
    assert "end" in reader.pages[-1].extract_text()


def test_serialising_each_object_once_changes_no_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    """pydyf writes every object, then serialises all of them again for the file identifier;
    `_serialise_once` keeps the first bytes. On a real, tagged document with an attachment
    (PDF/A-3a: pages, fonts, images, structure tree, object stream) the file is the same,
    and no stream is compressed twice."""
    import zlib

    from generator.render import pdf

    html = _minimal_example_html()
    variant = options(variant="pdf/a-3a", attachments=[("spec.yaml", SPEC_YAML.encode(), "")])
    compressions = 0
    real_compressobj = zlib.compressobj

    def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal compressions
        compressions += 1
        return real_compressobj(*args, **kwargs)

    monkeypatch.setattr(zlib, "compressobj", counting)
    once = render_pdf(html, [], variant)
    compressed_once = compressions
    monkeypatch.setattr(pdf, "_serialise_once", lambda _pdf: None)
    compressions = 0
    twice = render_pdf(html, [], variant)
    assert once == twice
    assert compressed_once < compressions
    reader = read(once)
    streams = sum(1 for number in range(1, int(reader.trailer["/Size"]))
                  if isinstance(reader.get_object(number), StreamObject))
    assert compressed_once <= streams
