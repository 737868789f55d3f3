"""Shared renders and readers for the end-to-end tests of `masterplan render`.

The expensive renders run once per session, through the real command line in child
processes, and all start together as soon as the first test asks for one of them (two
cores render two documents at a time instead of one):

- `example`: the complete example (Banyuwangi), all four documents, PDF and HTML;
- `example_again`: the same command from another folder, with another hash seed and time
  zone, for the byte-for-byte comparison;
- `example_en`: the main book with `--lang en`;
- `kota`: the city example (Makassar, five years), main book as PDF and HTML;
- `minimal_pdfa`: the minimal example with `--pdf-variant pdf/a-3b`.

Helpers that several test modules need (reading a PDF's text, outline, fonts and word
boxes, building a spec from the minimal example) are fixtures or plain functions here.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Collection, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pypdf import PageObject, PdfReader

from generator.documents import kind_groups

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
EXAMPLE = EXAMPLES / "kabupaten-banyuwangi" / "masterplan.yaml"
MINIMAL = EXAMPLES / "minimal" / "masterplan.yaml"
DATA = REPO / "tests" / "data" / "render"
DOCUMENTS = kind_groups()["all"]  # every book kind (`--document all`)
RENDER_TIMEOUT = 300


# --- the command line ----------------------------------------------------------------------

def masterplan_command() -> list[str]:
    """The installed `masterplan` script of this interpreter, else `python -m generator`."""
    script = Path(sys.executable).with_name("masterplan")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "generator"]


def child_env(**changes: str) -> dict[str, str]:
    """The test's environment without SOURCE_DATE_EPOCH (outputs must not need it)."""
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env.update(PYTHONDONTWRITEBYTECODE="1", **changes)
    return env


def run_masterplan(*args: str | os.PathLike[str], cwd: Path = REPO, timeout: float = 120,
                   env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`masterplan ARGS` in a real child process, killed after `timeout` seconds."""
    return subprocess.run([*masterplan_command(), *map(str, args)], cwd=cwd,
                          env=env or child_env(), capture_output=True, text=True,
                          timeout=timeout, check=False)


# --- reading what a render produced --------------------------------------------------------

@dataclass
class Rendered:
    """The outcome of one `masterplan render` child process, with cached readers."""

    name: str
    command: list[str]
    outdir: Path
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    _pdfs: dict[str, PdfReader] = field(default_factory=dict, repr=False)
    _texts: dict[tuple[str, int], str] = field(default_factory=dict, repr=False)

    def check(self) -> Rendered:
        assert self.returncode == 0, (
            f"{self.name}: `{' '.join(self.command)}` failed ({self.returncode}):\n"
            f"{self.stderr}")
        return self

    def path(self, document: str = "masterplan", ext: str = "pdf") -> Path:
        found = sorted(self.outdir.glob(f"*-{document}.{ext}"))
        assert len(found) == 1, f"{self.name}: expected one {document}.{ext}, got {found}"
        return found[0]

    def files(self) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(self.outdir.iterdir())}

    def pdf(self, document: str = "masterplan") -> PdfReader:
        if document not in self._pdfs:
            self._pdfs[document] = PdfReader(self.path(document, "pdf"))
        return self._pdfs[document]

    def page_text(self, number: int, document: str = "masterplan") -> str:
        """The text of page `number` (1-based), extracted once."""
        key = (document, number)
        if key not in self._texts:
            self._texts[key] = self.pdf(document).pages[number - 1].extract_text()
        return self._texts[key]

    def page_texts(self, document: str = "masterplan") -> list[str]:
        count = len(self.pdf(document).pages)
        return [self.page_text(number, document) for number in range(1, count + 1)]

    def text(self, document: str = "masterplan") -> str:
        return "\n".join(self.page_texts(document))

    def html(self, document: str = "masterplan") -> str:
        return self.path(document, "html").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Job:
    name: str
    args: tuple[str, ...]
    cwd: Path = REPO
    env: tuple[tuple[str, str], ...] = ()


class RenderPool:
    """Starts every session render at once (as many at a time as there are cores)."""

    def __init__(self, base: Path, jobs: list[Job]) -> None:
        self.base = base
        workers = max(2, min(len(jobs), os.cpu_count() or 2))
        self._executor = ThreadPoolExecutor(max_workers=workers,
                                            thread_name_prefix="masterplan-render")
        self._lock = threading.Lock()
        self._closing = False
        self._processes: list[subprocess.Popen[str]] = []
        self._futures: dict[str, Future[Rendered]] = {
            job.name: self._executor.submit(self._run, job) for job in jobs}

    def _run(self, job: Job) -> Rendered:
        outdir = self.base / job.name
        command = [*masterplan_command(), "render", *job.args, "-o", str(outdir)]
        started = time.perf_counter()
        with self._lock:
            if self._closing:
                raise RuntimeError("session is ending")
            process = subprocess.Popen(command, cwd=job.cwd, env=child_env(**dict(job.env)),
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                       text=True)
            self._processes.append(process)
        try:
            stdout, stderr = process.communicate(timeout=RENDER_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            stdout, stderr = process.communicate()
        return Rendered(job.name, command, outdir, process.returncode, stdout, stderr,
                        time.perf_counter() - started)

    def get(self, name: str) -> Rendered:
        return self._futures[name].result(timeout=RENDER_TIMEOUT + 30).check()

    def close(self) -> None:
        """Renders nobody asked for are not waited for: ours are stopped, by their handle."""
        with self._lock:
            self._closing = True
            for process in self._processes:
                if process.poll() is None:
                    process.kill()
        self._executor.shutdown(wait=True, cancel_futures=True)


SESSION_JOBS = [
    Job("example", (str(EXAMPLE), "--document", "all", "-f", "pdf,html"),
        env=(("PYTHONHASHSEED", "0"), ("TZ", "UTC"))),
    Job("example_en", (str(EXAMPLE), "--lang", "en", "-f", "pdf,html")),
    # A city (kota) with a five-year period: other labels, another roadmap length.
    Job("kota", (str(EXAMPLES / "kota-makassar" / "masterplan.yaml"), "-f", "pdf,html")),
    # A second-generation masterplan of a real regency: a province written as people write
    # it, a deputy head, graded and 2045 targets, an SVG map and organisation chart.
    Job("sleman", (str(EXAMPLES / "kabupaten-sleman" / "masterplan.yaml"), "-f", "pdf,html")),
    # Same spec, other working folder, relative path, hash seed and time zone.
    Job("example_again",
        (str(EXAMPLE.relative_to(EXAMPLES)), "--document", "all", "-f", "pdf,html"),
        cwd=EXAMPLES, env=(("PYTHONHASHSEED", "4242"), ("TZ", "Asia/Jayapura"))),
    # With the import report on: the positive control of the "never imports WeasyPrint" test.
    Job("minimal_pdfa", (str(MINIMAL), "-f", "pdf", "--pdf-variant", "pdf/a-3b"),
        env=(("PYTHONPROFILEIMPORTTIME", "1"),)),
]


@pytest.fixture(scope="session")
def render_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RenderPool]:
    pool = RenderPool(tmp_path_factory.mktemp("renders"), SESSION_JOBS)
    yield pool
    pool.close()


@pytest.fixture(scope="session")
def example(render_pool: RenderPool) -> Rendered:
    """The complete example: four documents, PDF and HTML, rendered once per session."""
    return render_pool.get("example")


@pytest.fixture(scope="session")
def example_again(render_pool: RenderPool) -> Rendered:
    return render_pool.get("example_again")


@pytest.fixture(scope="session")
def example_en(render_pool: RenderPool) -> Rendered:
    return render_pool.get("example_en")


@pytest.fixture(scope="session")
def kota(render_pool: RenderPool) -> Rendered:
    return render_pool.get("kota")


@pytest.fixture(scope="session")
def sleman(render_pool: RenderPool) -> Rendered:
    return render_pool.get("sleman")


@pytest.fixture(scope="session")
def minimal_pdfa(render_pool: RenderPool) -> Rendered:
    return render_pool.get("minimal_pdfa")


# --- PDF structure ---------------------------------------------------------------------------

def outline_entries(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page number) of every bookmark, in order."""
    entries: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                entries.append((depth, str(item.title),
                                reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return entries


def page_lines(page: PageObject) -> list[str]:
    """The page's text as visual lines: pieces on one baseline joined left to right.

    (`extract_text` emits a table of contents' right-aligned page numbers as a separate
    column; grouping by baseline puts each number back beside its title.)
    """
    rows: dict[float, list[tuple[float, str]]] = {}

    def visit(text: str, _cm: Any, tm: Any, _font: Any, _size: Any) -> None:
        if text.strip():
            rows.setdefault(round(float(tm[5]), 1), []).append((float(tm[4]), text.strip()))

    page.extract_text(visitor_text=visit)
    return [" ".join(piece for _, piece in sorted(row)) for _, row in sorted(rows.items())]


def embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    """BaseFont → whether its program is embedded, over pages and nested form XObjects."""
    fonts: dict[str, bool] = {}
    seen: set[int] = set()

    def scan(resources: Any) -> None:
        if resources is None:
            return
        resources = resources.get_object()
        for reference in (resources.get("/Font") or {}).values():
            font = reference.get_object()
            descriptor = None
            if "/DescendantFonts" in font:
                descendant = font["/DescendantFonts"][0].get_object()
                descriptor = descendant.get("/FontDescriptor")
            else:
                descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
        for reference in (resources.get("/XObject") or {}).values():
            xobject = reference.get_object()
            if id(xobject) in seen:
                continue
            seen.add(id(xobject))
            if xobject.get("/Subtype") == "/Form":
                scan(xobject.get("/Resources"))

    for page in reader.pages:
        scan(page.get("/Resources"))
    return fonts


def link_targets(reader: PdfReader) -> list[str]:
    """The URI of every link annotation (internal links have none)."""
    uris = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action.get_object():
                uris.append(str(action.get_object()["/URI"]))
    return uris


def drawn_images(page: PageObject) -> list[tuple[int, int]]:
    """(width, height) of every image XObject a page's content draws (`Do`), inside forms
    too. WeasyPrint gives every page the same resources: what a page lists is not what it
    shows."""
    from pypdf.generic import ContentStream, IndirectObject

    found: list[tuple[int, int]] = []

    def draw(content: Any, resources: Any, depth: int = 0) -> None:
        if isinstance(resources, IndirectObject):
            resources = resources.get_object()
        xobjects = (resources or {}).get("/XObject", {})
        for operands, operator in ContentStream(content, page.pdf).operations:
            if operator != b"Do" or operands[0] not in xobjects:
                continue
            obj = xobjects[operands[0]].get_object()
            if obj.get("/Subtype") == "/Image":
                found.append((int(obj["/Width"]), int(obj["/Height"])))
            elif obj.get("/Subtype") == "/Form" and depth < 10:
                draw(obj, obj.get("/Resources") or resources, depth + 1)

    draw(page.get_contents(), page.get("/Resources"))
    return found


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" '
                   r'yMax="([-\d.]+)">([^<]*)</word>')
MM = 72 / 25.4


Word = tuple[float, float, float, float, str]  # x0, y0, x1, y1 in pt from the top left; text


def page_words(pdf: Path) -> list[tuple[float, float, list[Word]]]:
    """(width, height, words) of every page, as poppler's pdftotext -bbox finds them."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    listing = subprocess.run([pdftotext, "-bbox", str(pdf), "-"], capture_output=True,
                             text=True, timeout=120, check=True).stdout
    return [(float(page[1]), float(page[2]),
             [(float(word[1]), float(word[2]), float(word[3]), float(word[4]), word[5])
              for word in _WORD.finditer(page[3])])
            for page in _PAGE.finditer(listing)]


def words_near_the_edge(pdf: Path, margin_mm: float = 10) -> list[tuple[int, str, float]]:
    """(page, word, right edge in pt) of every word that reaches into the outer `margin_mm`
    of its page or beyond it: text that overflowed the print area (the stylesheet keeps
    at least 18 mm free on every side)."""
    found = []
    limit = margin_mm * MM
    for number, (width, height, words) in enumerate(page_words(pdf), start=1):
        for x0, y0, x1, y1, text in words:
            if x0 < limit or x1 > width - limit or y0 < 0 or y1 > height:
                found.append((number, text, x1))
    return found


def page_bodies(pdf: Path, header: str) -> list[str]:
    """The text of every page as poppler's `pdftotext -layout` reads it (what a reader
    copies out of the PDF), without the running header (`header`, with or without a
    separator between its parts) and the page number, white space folded.
    """
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    listing = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True,
                             text=True, timeout=120, check=True).stdout
    headers = {" ".join(header.replace("·", " ").split())}
    bodies = []
    for page in listing.split("\f")[:-1]:
        lines = [" ".join(line.replace("·", " ").split()) for line in page.splitlines()]
        bodies.append(" ".join(line for line in lines
                               if line and line not in headers and not line.isdigit()))
    return bodies


def page_ending(body: str, endings: Collection[str]) -> str | None:
    """The one of `endings` (headings, captions, labels) the page text `body` ends with,
    compared without case (the PDF sets chapter titles in capitals)."""
    folded = body.casefold()
    return next((ending for ending in endings if folded.endswith(ending.casefold())), None)


def lead_ins(root: Any) -> set[str]:
    """The text of every heading, table caption and label line (`p.label`) of an HTML
    document: what must never be the last thing on a page."""
    found = set()
    for element in root.iter("h1", "h2", "h3", "h4", "h5", "h6", "caption", "p"):
        if element.tag == "p" and "label" not in element.get("class", "").split():
            continue
        text = " ".join(element.text_content().split())
        if text:
            found.add(text)
    return found


# --- specs made from the minimal example -------------------------------------------------

@functools.cache
def minimal_text() -> str:
    return MINIMAL.read_text(encoding="utf-8")


def replace_once(text: str, old: str, new: str) -> str:
    count = text.count(old)
    assert count == 1, f"{old!r} occurs {count} times in the spec, expected once"
    return text.replace(old, new)


def position(text: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of the only occurrence of `needle` in `text`."""
    assert text.count(needle) == 1, needle
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def block(text: str, indent: int) -> str:
    """A YAML literal block scalar (`|`) holding `text`, indented for a key at `indent`."""
    pad = " " * (indent + 2)
    return "|\n" + "\n".join(pad + line if line else "" for line in text.splitlines()) + "\n"


_THIS_MODULE = sys.modules[__name__]


@pytest.fixture(scope="session")
def e2e() -> Any:
    """This module, for its helpers: test modules cannot import a conftest by name (the
    folders are not packages, and `conftest` would be ambiguous)."""
    return _THIS_MODULE
