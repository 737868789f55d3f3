"""Tagged and archival PDFs, checked by validators nobody here wrote.

- every PDF/A variant (`--pdf-variant pdf/a-3b`, `pdf/a-3a`, `pdf/a-2b`) of every example
  passes pikepdf's PDF/A validator (`pikepdf.pdfa`, the veraPDF rule set): "pass", never
  "not checked";
- the tagged outputs (the default, `pdf/a-3a`, `pdf/ua-1`) pass `pdfua` (the
  machine-checkable part of PDF/UA-1);
- `qpdf --check` finds nothing wrong in any of them;
- the structure tree of the default PDF, read back with pikepdf: headings H1-H4 in reading
  order, tables with header cells, figures with their alt text, /Lang, MarkInfo, the title
  as the window title.

The validators are test dependencies (`pyproject.toml` test extra, Debian's qpdf from
`scripts/setup.sh`); a machine without them fails here rather than skipping.
"""

from __future__ import annotations

import functools
import io
import itertools
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pikepdf.pdfa
import pytest
from pdfua import Finding
from pdfua import validate as pdfua_validate
from pypdf import PdfReader

from generator.render.pdf import PDF_VARIANTS as WRITER_VARIANTS
from generator.render.pdf import PdfOptions, render_pdf
from generator.settings import PDF_VARIANTS
from tests.e2e.conftest import EXAMPLES, Job, Rendered, RenderPool

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

SPECS = {name: EXAMPLES / name / "masterplan.yaml"
         for name in ("minimal", "kota-makassar", "kabupaten-banyuwangi")}
PDF_A = {"pdf/a-3b": "3b", "pdf/a-3a": "3b", "pdf/a-2b": "2b"}
TAGGED = ("pdf/a-3a", "pdf/ua-1")
# The archival and accessible variant of the complete example is made for every document
# kind; the other renders make the main book only.
ALL_KINDS = ("kabupaten-banyuwangi", "pdf/a-3a")
JOBS = [Job(f"{example}:{variant}",
            (str(spec), "-f", "pdf", "--pdf-variant", variant,
             *(("--document", "all") if (example, variant) == ALL_KINDS else ())))
        for example, spec in SPECS.items() for variant in PDF_VARIANTS]


@pytest.fixture(scope="module")
def variant_renders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RenderPool]:
    pool = RenderPool(tmp_path_factory.mktemp("variants"), JOBS)
    yield pool
    pool.close()


def pdfs_of(rendered: Rendered) -> list[Path]:
    found = sorted(rendered.outdir.glob("*.pdf"))
    assert found, f"{rendered.name}: no PDF in {rendered.outdir}"
    return found


# --- pikepdf's PDF/A validator -------------------------------------------------------------

def pdfa_report(path: Path, variant: str) -> pikepdf.pdfa.Report:
    """pikepdf's verdict on a PDF/A file. It knows the levels b only: a PDF/A-3a file (level
    a = level b + tagging, which the tests below check) is checked, after its claim of
    level A is read, as a copy that claims level B."""
    if variant != "pdf/a-3a":
        return pikepdf.pdfa.validate_written(path, PDF_A[variant])
    with pikepdf.open(path) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            assert meta.get("pdfaid:part") == "3"
            assert meta.get("pdfaid:conformance") == "A"
            meta["pdfaid:conformance"] = "B"
        copy = io.BytesIO()
        pdf.save(copy, static_id=True)
    copy.seek(0)
    return pikepdf.pdfa.validate_written(copy, "3b")


@pytest.mark.parametrize("job", [job.name for job in JOBS if job.name.split(":")[1] in PDF_A])
def test_every_pdf_a_variant_of_every_example_passes_the_pdf_a_validator(
        variant_renders: RenderPool, job: str) -> None:
    variant = job.split(":")[1]
    for path in pdfs_of(variant_renders.get(job)):
        report = pdfa_report(path, variant)
        assert report.verdict == "pass", f"{path.name} ({variant}): {report.summary()}"


def test_the_pdf_a_validator_refuses_what_we_mend(variant_renders: RenderPool,
                                                   tmp_path: Path) -> None:
    """The positive control: the validator does see interpolated images and empty
    resource dictionaries (what WeasyPrint writes and `generator.render.pdf` mends)."""
    path = pdfs_of(variant_renders.get("kabupaten-banyuwangi:pdf/a-3b"))[0]
    with pikepdf.open(path) as pdf:
        images = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream)
                  and obj.get("/Subtype") == "/Image"]
        assert images and all(image.get("/Interpolate") is False for image in images)
        images[0].Interpolate = True
        spoiled = tmp_path / "interpolated.pdf"
        pdf.save(spoiled, static_id=True)
    report = pikepdf.pdfa.validate_written(spoiled, "3b")
    assert report.verdict == "fail"
    assert {finding.rule for finding in report.violations} == {"ISO_19005_3:6.2.8-3"}
    with pikepdf.open(path) as pdf:
        resources = pdf.pages[0].Resources
        resources.Pattern = pikepdf.Dictionary()
        empty = tmp_path / "empty-pattern.pdf"
        pdf.save(empty, static_id=True)
    assert pikepdf.pdfa.validate_written(empty, "3b").verdict == "not_checked"


def test_only_pdf_a_3_variants_carry_the_spec(variant_renders: RenderPool) -> None:
    for variant in PDF_VARIANTS:
        rendered = variant_renders.get(f"minimal:{variant}")
        with pikepdf.open(pdfs_of(rendered)[0]) as pdf:
            attached = {name: bytes(spec.get_file().read_bytes())
                        for name, spec in pdf.attachments.items()}
        expected = {"masterplan.yaml": SPECS["minimal"].read_bytes()} \
            if variant.startswith("pdf/a-3") else {}
        assert attached == expected, variant


# --- qpdf ----------------------------------------------------------------------------------

def qpdf_check(path: Path) -> None:
    qpdf = shutil.which("qpdf")
    assert qpdf, "qpdf is missing: scripts/setup.sh installs Debian's qpdf"
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True,
                            timeout=120, check=False)
    # 0: no errors or warnings (2 errors, 3 warnings)
    assert result.returncode == 0, f"{path.name}:\n{result.stdout}\n{result.stderr}"
    assert "No syntax or stream encoding errors found" in result.stdout


@pytest.mark.parametrize("job", [job.name for job in JOBS])
def test_qpdf_finds_nothing_wrong_in_any_variant(variant_renders: RenderPool,
                                                 job: str) -> None:
    for path in pdfs_of(variant_renders.get(job)):
        qpdf_check(path)


def test_qpdf_finds_nothing_wrong_in_the_default_pdfs(example: Rendered,
                                                      kota: Rendered) -> None:
    for path in [*pdfs_of(example), *pdfs_of(kota)]:
        qpdf_check(path)


# --- pdfua: the machine-checkable part of PDF/UA-1 -------------------------------------------

def signature_grid(path: Path, finding: Finding) -> bool:
    """The approval page's grid of signature blocks is a layout table (no header: nothing
    heads its columns); WeasyPrint 70 tags every table as /Table, so pdfua asks it for
    header cells. Allowed on that page only (docs/accessibility.md, known limits)."""
    if finding.rule_id != "UA-15-003" or not finding.location.page:
        return False
    page = PdfReader(path).pages[finding.location.page - 1]
    return "LEMBAR PENGESAHAN" in (page.extract_text() or "")


def pdfua_findings(path: Path, *, claims_ua: bool) -> list[str]:
    report = pdfua_validate(str(path))
    # UA-14-001 (empty headings) raises inside pdfua 0.1.3 with pikepdf 10 on a /K array;
    # test_headings_come_in_reading_order checks that every heading has content.
    assert {outcome.rule_id for outcome in report.skipped} <= {"UA-14-001"}
    return [f"{finding.rule_id} {finding.severity.name}: {finding.message}"
            for finding in report.findings
            # only a file that claims PDF/UA needs the XMP claim
            if (claims_ua or finding.rule_id != "UA-28-004")
            and not signature_grid(path, finding)]


@pytest.mark.parametrize("job", [job.name for job in JOBS if job.name.split(":")[1] in TAGGED])
def test_tagged_variants_pass_pdfua(variant_renders: RenderPool, job: str) -> None:
    claims_ua = job.endswith("pdf/ua-1")
    for path in pdfs_of(variant_renders.get(job)):
        assert pdfua_findings(path, claims_ua=claims_ua) == [], path.name


def test_the_default_pdf_passes_pdfua(example: Rendered) -> None:
    for path in pdfs_of(example):
        assert pdfua_findings(path, claims_ua=False) == [], path.name


def test_pdfua_sees_an_untagged_pdf() -> None:
    """The positive control: the same checker refuses the PDF we made before tagging."""
    html = "<html lang=id><body><h1>Judul</h1><p>Isi.</p></body></html>"
    untagged = render_pdf(html, [], PdfOptions(title="T", tagged=False))
    tagged = render_pdf(html, [], PdfOptions(title="T"))
    assert "UA-01-005" in {f.rule_id for f in _pdfua_bytes(untagged)}
    assert "UA-01-005" not in {f.rule_id for f in _pdfua_bytes(tagged)}


def _pdfua_bytes(data: bytes) -> tuple[Finding, ...]:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(data)
        file.flush()
        return pdfua_validate(file.name).findings


# --- the structure tree of the default PDF ---------------------------------------------------

def structure(path: Path) -> list[tuple[str, Any]]:
    """(role, element) of every structure element, depth first: the reading order."""
    found: list[tuple[str, Any]] = []

    def walk(node: Any) -> None:
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                found.append((str(kid.S), kid))
                walk(kid)

    walk(opened(path).Root.StructTreeRoot)
    return found


@functools.cache
def opened(path: Path) -> pikepdf.Pdf:
    """Structure elements are read while their file stays open (once per path)."""
    return pikepdf.open(path)


def marks_content(node: Any) -> bool:
    kids = node.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, int):  # an MCID: pikepdf gives numbers as int
            return True
        if isinstance(kid, pikepdf.Dictionary) and marks_content(kid):
            return True
    return False


def test_the_default_pdf_is_tagged_with_language_and_title(example: Rendered) -> None:
    with pikepdf.open(example.path()) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "id"
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo.Title).startswith("Masterplan Smart City")
        assert [str(kid.S) for kid in root.StructTreeRoot.K] == ["/Document"]
        assert all(page.obj.get("/Tabs") == "/S" for page in pdf.pages)


def test_headings_come_in_reading_order(example: Rendered) -> None:
    headings = [(int(role[2]), element) for role, element in structure(example.path())
                if role in ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6")]
    levels = [level for level, _ in headings]
    assert set(levels) == {1, 2, 3, 4}
    assert levels[0] == 1
    skips = [(before, after) for before, after in itertools.pairwise(levels)
             if after > before + 1]
    assert skips == []
    assert all(marks_content(element) for _, element in headings)
    # The bookmarks (made from the same headings) follow the tree's order.
    with pikepdf.open(example.path()) as pdf, pdf.open_outline() as outline:
        depths: list[int] = []

        def walk(items: list[Any], depth: int) -> None:
            for item in items:
                depths.append(depth + 1)
                walk(item.children, depth + 1)

        walk(outline.root, 0)
    remaining = iter(levels)
    assert all(any(level == depth for level in remaining) for depth in depths), \
        "the outline is not a subsequence of the headings in the structure tree"


def test_tables_have_header_cells_with_their_scope(example: Rendered) -> None:
    elements = structure(example.path())
    tables = [element for role, element in elements if role == "/Table"]
    headers = [element for role, element in elements if role == "/TH"]
    ids = {str(element.ID) for element in headers}
    assert len(tables) >= 40 and len(headers) >= 200
    assert {str(element.A.Scope) for element in headers} <= {"/Column", "/Row"}
    cells = [element for role, element in elements if role == "/TD"]
    linked = [cell for cell in cells if len(cell.A.get("/Headers", [])) > 0]
    assert len(linked) > len(cells) // 2
    assert all(str(key) in ids for cell in linked for key in cell.A.Headers)


def test_row_and_column_headers_get_their_scope(tmp_path: Path) -> None:
    html = ("<html lang=id><body><table><thead><tr><th>Tahun</th><th>Anggaran</th></tr>"
            "</thead><tbody><tr><th scope=row>2026</th><td>Rp 5 juta</td></tr>"
            "<tr><th scope=row>2027</th><td>Rp 7 juta</td></tr></tbody></table></body></html>")
    path = tmp_path / "table.pdf"
    path.write_bytes(render_pdf(html, [], PdfOptions(title="T")))
    elements = structure(path)
    scopes = [str(element.A.Scope) for role, element in elements if role == "/TH"]
    assert scopes == ["/Column", "/Column", "/Row", "/Row"]
    headers = {str(element.ID): i for i, (role, element) in enumerate(
        (role, element) for role, element in elements if role == "/TH")}
    linked = [sorted(headers[str(key)] for key in element.A.Headers)
              for role, element in elements if role == "/TD"]
    assert linked == [[1, 2], [1, 3]]  # "Anggaran" and its year


def test_figures_carry_their_alt_text(example: Rendered) -> None:
    figures = [element for role, element in structure(example.path()) if role == "/Figure"]
    alts = [str(element.get("/Alt", "")) for element in figures]
    assert len(figures) >= 9 and all(alt.strip() for alt in alts), alts
    assert "Pemerintah Kabupaten Banyuwangi" in alts  # the logo
    assert any(alt.startswith("Diagram batang skor kesiapan") for alt in alts)  # a chart


def test_a_picture_without_alt_text_still_renders(tmp_path: Path) -> None:
    """Alt text is the author's to write (the spec's validator warns); the PDF is made."""
    pixel = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlE"
             "QVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
    html = f'<html lang=id><body><h1>Peta</h1><img src="{pixel}"></body></html>'
    for index, variant in enumerate((None, "pdf/a-3a", "pdf/ua-1")):
        pdf = render_pdf(html, [], PdfOptions(title="T", variant=variant))  # type: ignore[arg-type]
        path = tmp_path / f"picture-{index}.pdf"
        path.write_bytes(pdf)
        figures = [element for role, element in structure(path) if role == "/Figure"]
        assert len(figures) == 1 and "/Alt" not in figures[0]


def test_the_command_line_offers_exactly_the_writer_s_variants() -> None:
    assert PDF_VARIANTS == WRITER_VARIANTS


@pytest.mark.parametrize("variant", [None, "pdf/a-2b", "pdf/ua-1"])
def test_only_pdf_a_3_may_carry_attachments(variant: str | None) -> None:
    with pytest.raises(ValueError, match="PDF/A-3"):
        PdfOptions(title="T", variant=variant,  # type: ignore[arg-type]
                   attachments=[("spec.yaml", b"a: 1", "spec")])
