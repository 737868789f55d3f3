"""The legal drafts (`--document legal`: perkada, sk-dewan, sk-tim, komitmen) rendered for
real from the complete example: RANCANGAN on every page while the spec has no number and
date, none once it has; the Menimbang and Mengingat from the spec (the legal basis in the
order of the hierarchy); the members in a decree's lampiran; the DOCX read back with
python-docx (F4 page, clauses as text with tabs, the header), converted by LibreOffice
(its pages counted); byte-identical renders; and the batch.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLE, EXAMPLES, MINIMAL, run_masterplan
from helpers import minimal_without_legal_text
from pypdf import PdfReader

from generator.spec.legal import ordered
from generator.spec.load import load_spec

pytestmark = pytest.mark.e2e

KINDS = ("perkada", "sk-dewan", "sk-tim", "komitmen")
F4 = (round(215 / 25.4 * 72), round(330 / 25.4 * 72))  # points
TWIPS_PER_MM = 1440 / 25.4
DECREE = '    decree: {number: "188/45/KEP/429.011/2026", date: "2026-01-12"}\n'
COMMITMENT = """
commitment:
  place: "Jakarta"
  date: "2025-12-01"
  witnesses:
    - {role: "Ketua DPRD Kabupaten Banyuwangi", name: "Made Cahyana Negara"}
"""


def adopted_spec(folder: Path) -> Path:
    """The complete example with the regulation's number and date, the decrees' and the
    commitment's: no longer drafts."""
    shutil.copytree(EXAMPLE.parent, folder, ignore=shutil.ignore_patterns("progress"))
    path = folder / EXAMPLE.name
    text = path.read_text(encoding="utf-8")
    text = text.replace('    kind: "Peraturan Bupati"\n    year: 2025\n',
                        '    kind: "Peraturan Bupati"\n    number: 12\n    year: 2025\n'
                        '    date: "2025-12-15"\n    gazette_number: 31\n', 1)
    text = text.replace("    members:\n", DECREE + "    members:\n")
    path.write_text(text + COMMITMENT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("legal-drafts")
    done = run_masterplan("render", EXAMPLE, "--document", "legal", "-f", "pdf,docx,html",
                          "-o", folder, timeout=300)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("legal-adopted")
    spec = adopted_spec(root / "spec")
    done = run_masterplan("render", spec, "--document", "legal", "-f", "pdf,docx", "-o",
                          root / "out", timeout=300)
    assert done.returncode == 0, done.stderr
    return root / "out"


def output(folder: Path, kind: str, ext: str) -> Path:
    (found,) = folder.glob(f"*-{kind}.{ext}")
    return found


def pdf_pages(path: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    count = len(PdfReader(path).pages)
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"],
                           capture_output=True, text=True, check=True, timeout=60).stdout
            for n in range(1, count + 1)]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def docx_text(path: Path) -> tuple[str, str]:
    """(body text, header text) of a DOCX, read back with python-docx."""
    document = docx.Document(str(path))
    body = "\n".join(p.text for p in document.paragraphs)
    body += "\n" + "\n".join(cell.text for table in document.tables for row in table.rows
                             for cell in row.cells)
    header = "\n".join(p.text for s in document.sections for p in s.header.paragraphs)
    return body, PAGE_NUMBER.sub("", header)


#: The page number of a legal draft, on top ("- 2 -").
PAGE_NUMBER = re.compile(r"-\s*\d+\s*-")


def fields(part: object) -> list[str]:
    """The instructions of the fields of a header or footer (python-docx)."""
    element = part._element  # type: ignore[attr-defined]
    return [" ".join((i.text or "").split()) for i in element.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instrText")]


@pytest.mark.parametrize("kind", KINDS)
def test_the_page_number_is_on_top_from_the_second_page(drafts: Path, adopted: Path,
                                                        kind: str) -> None:
    """As Permendagri 80/2015 prints regional legislation (and legal.css the PDF): "- 2 -"
    centred on top of every page but the first, none at the foot; the DOCX likewise."""
    pages = pdf_pages(output(drafts, kind, "pdf"))
    assert not PAGE_NUMBER.search(pages[0].strip().splitlines()[0])
    for number, page in enumerate(pages[1:], start=2):
        lines = page.strip().splitlines()
        assert squeezed(lines[0]).startswith(f"-{number}-"), (kind, number)
        assert squeezed(lines[-1]) not in (str(number), f"-{number}-"), (kind, number)
    for folder in (drafts, adopted):
        document = docx.Document(str(output(folder, kind, "docx")))
        for section in document.sections:
            assert section.different_first_page_header_footer
            assert fields(section.header) == ["PAGE"]
            header = section.header.paragraphs
            assert len(header) == 1 and header[0].alignment in (None, 0)  # left, with tabs
            assert header[0].text.startswith("\t- ") and " -" in header[0].text
            tabs = [(t.alignment, t.position) for t in header[0].paragraph_format.tab_stops]
            assert tabs[0][0] == 1  # WD_TAB_ALIGNMENT.CENTER
            assert abs(tabs[0][1] * 2 - tabs[1][1]) < 20  # the middle of the text width
            assert fields(section.first_page_header) == []
            assert fields(section.footer) == [] and fields(section.first_page_footer) == []
        draft = "RANCANGAN" if folder is drafts else ""
        assert document.sections[0].first_page_header.paragraphs[0].text == draft


@pytest.mark.parametrize("kind", KINDS)
def test_a_draft_says_rancangan_on_every_page(drafts: Path, kind: str) -> None:
    pages = pdf_pages(output(drafts, kind, "pdf"))
    assert len(pages) >= 2
    assert all("RANCANGAN" in page for page in pages)
    box = PdfReader(output(drafts, kind, "pdf")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == F4
    body, header = docx_text(output(drafts, kind, "docx"))
    assert "RANCANGAN" in body and header.strip() == "RANCANGAN"
    html = output(drafts, kind, "html").read_text(encoding="utf-8")
    assert 'class="running draft-mark"' in html


@pytest.mark.parametrize("kind", KINDS)
def test_an_adopted_one_does_not(adopted: Path, kind: str) -> None:
    pages = pdf_pages(output(adopted, kind, "pdf"))
    assert not any("RANCANGAN" in page for page in pages)
    body, header = docx_text(output(adopted, kind, "docx"))
    assert "RANCANGAN" not in body and not header.strip()
    text = " ".join(" ".join(pages).split())
    expected = {"perkada": "NOMOR 12 TAHUN 2025", "sk-dewan": "NOMOR 188/45/KEP/429.011/2026",
                "sk-tim": "NOMOR 188/45/KEP/429.011/2026", "komitmen": "Jakarta, 1 Desember 2025"}
    assert expected[kind] in text
    if kind == "komitmen":
        assert "MADE CAHYANA NEGARA" in text and "Saksi-saksi:" in text  # as the head's block
    if kind == "perkada":  # the gazette's number as the spec gives it, no dots
        gazette = "BERITA DAERAH KABUPATEN BANYUWANGI TAHUN 2025 NOMOR 31"
        assert gazette in text and gazette in " ".join(body.split())


@pytest.mark.parametrize("kind", KINDS)
def test_the_signatories_are_named(drafts: Path, kind: str) -> None:
    """The example has no `region.head_name`: the head signs by the approval page's name,
    in capitals; the Sekretaris Daerah keeps the case of his titles and degrees."""
    text = " ".join(" ".join(pdf_pages(output(drafts, kind, "pdf"))).split())
    body, _ = docx_text(output(drafts, kind, "docx"))
    for printed in (text, body):
        assert "IPUK FIESTIANDANI" in printed
        if kind == "perkada":
            assert "Dr. AHMAD FAUZI RAHMAN, M.Si." in printed and "M.SI" not in printed
    if kind == "komitmen":
        assert "Ipuk Fiestiandani" in text  # the identity, as written


def test_the_regulation_cites_the_spec(drafts: Path) -> None:
    pages = pdf_pages(output(drafts, "perkada", "pdf"))
    text = squeezed("".join(pages))
    basis = load_spec(EXAMPLE).data["document"]["legal_basis"]
    positions = [text.index(squeezed(" ".join(item.split()))) for item in ordered(basis)]
    assert positions == sorted(positions)  # the mengingat in the order of the hierarchy
    first = " ".join(pages[0].split())
    for words in ("BUPATI BANYUWANGI PROVINSI JAWA TIMUR", "PERATURAN BUPATI BANYUWANGI",
                  "NOMOR .... TAHUN 2025", "TENTANG",
                  "MASTERPLAN SMART CITY KABUPATEN BANYUWANGI TAHUN 2026-2035",
                  "DENGAN RAHMAT TUHAN YANG MAHA ESA"):
        assert words in first, words
    assert "Menimbang:a.bahwa" in squeezed(first)
    whole = " ".join(" ".join(pages).split())
    assert "Menetapkan:PERATURANBUPATITENTANG" in squeezed(whole)
    for words in ("MEMUTUSKAN:", "Pasal 1", "Pasal 6",
                  "BAB V KETENTUAN PENUTUP", "Agar setiap orang mengetahuinya",
                  "Ditetapkan di Banyuwangi", "Diundangkan di Banyuwangi",
                  "SEKRETARIS DAERAH KABUPATEN BANYUWANGI",
                  "BERITA DAERAH KABUPATEN BANYUWANGI TAHUN 2025 NOMOR ....", "LAMPIRAN"):
        assert words in whole, words
    # the lampiran names the masterplan, it does not repeat it
    assert len(pages) <= 6


def test_the_docx_writes_clauses_as_text_with_tabs(drafts: Path) -> None:
    document = docx.Document(str(output(drafts, "perkada", "docx")))
    section = document.sections[0]
    assert (round(section.page_width / 36000), round(section.page_height / 36000)) == (215, 330)
    clauses = [p for p in document.paragraphs if p.style.name == "Legal Clause"]
    assert clauses[0].text.startswith("Menimbang\t:\ta.\tbahwa ")
    mengingat = [p.text for p in clauses if "\t:\t" in p.text][1]
    assert mengingat.startswith("Mengingat\t:\t1.\tUndang-Undang Nomor 11 Tahun 2008")
    assert [p.text for p in document.paragraphs if p.style.name == "Legal Article"][:2] == [
        "Pasal 1", "Pasal 2"]
    signatures = [t for t in document.tables if t.style.name == "Signature Table"]
    assert signatures and "BUPATI BANYUWANGI," in signatures[0].rows[0].cells[1].text


@pytest.mark.parametrize("kind, body", [("sk-dewan", "council"),
                                        ("sk-tim", "implementation_team")])
def test_a_decree_lists_the_members_in_its_lampiran(drafts: Path, kind: str, body: str
                                                   ) -> None:
    members = load_spec(EXAMPLE).data["governance"][body]["members"]
    pages = pdf_pages(output(drafts, kind, "pdf"))
    lampiran = " ".join(" ".join(pages[-1].split()) for _ in [0])
    annex = " ".join(" ".join(page.split()) for page in pages if "LAMPIRAN" in page)
    for member in members:
        assert member["position"] in annex.replace("- ", "-") or squeezed(
            member["position"]) in squeezed(annex)
    assert "SUSUNAN KEANGGOTAAN" in annex and lampiran
    for label in ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA"):
        assert label in " ".join(pages)
    document = docx.Document(str(output(drafts, kind, "docx")))
    (table,) = [t for t in document.tables if t.style.name == "Legal Table"]
    assert [row.cells[2].text for row in table.rows[1:]] == [m["position"] for m in members]


@pytest.mark.parametrize("kind", ["sk-dewan", "sk-tim"])
def test_a_decree_cites_the_regulation_and_whom_it_answers_to(drafts: Path, adopted: Path,
                                                              kind: str) -> None:
    """The last item of a decree's Mengingat is the regulation adopting the masterplan,
    titled as the perkada draft is titled (dots for its number until adopted); the council,
    chaired by the Bupati, reports to him as its chair, the team answers to him through the
    council. In the PDF and in the DOCX."""
    title = "Masterplan Smart City Kabupaten Banyuwangi Tahun 2026-2035"
    perkada = " ".join(" ".join(pdf_pages(output(drafts, "perkada", "pdf"))).split())
    assert f"TENTANG {title.upper()}" in perkada
    third = {"sk-dewan": "diketuai oleh Bupati dan menyampaikan laporan pelaksanaan tugasnya"
                         " secara berkala kepada Bupati selaku Ketua.",
             "sk-tim": "bertanggung jawab kepada Bupati melalui Dewan Smart City Kabupaten"
                       " Banyuwangi."}[kind]
    for folder, number in ((drafts, "...."), (adopted, "12")):
        cited = (f"Peraturan Bupati Banyuwangi Nomor {number} Tahun 2025 tentang {title};"
                 " MEMUTUSKAN:")
        text = " ".join(" ".join(pdf_pages(output(folder, kind, "pdf"))).split())
        assert cited in text and third in text
        paragraphs = [p.text for p in docx.Document(str(output(folder, kind, "docx"))
                                                    ).paragraphs]
        observing = [p for p in paragraphs if p.startswith("\t\t")
                     and "Peraturan Bupati Banyuwangi" in p]
        assert observing[-1].endswith(cited.removesuffix(" MEMUTUSKAN:"))
        (ketiga,) = [p for p in paragraphs if p.startswith("KETIGA\t:\t")]
        assert ketiga.endswith(third)
        assert (kind == "sk-dewan") != ("bertanggung jawab" in ketiga)


@pytest.mark.libreoffice
def test_libreoffice_opens_every_docx(drafts: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    for kind in KINDS:
        source = output(drafts, kind, "docx")
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                        "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                       capture_output=True, check=True, timeout=300)
        converted = PdfReader(tmp_path / f"{source.stem}.pdf")
        ours = len(PdfReader(output(drafts, kind, "pdf")).pages)
        assert abs(len(converted.pages) - ours) <= 1, kind
        box = converted.pages[0].mediabox
        assert abs(float(box.width) - F4[0]) < 2 and abs(float(box.height) - F4[1]) < 2
        assert "RANCANGAN" in converted.pages[0].extract_text()
        texts = [page.extract_text().strip() for page in converted.pages]
        assert not PAGE_NUMBER.search(texts[0].splitlines()[0]), kind
        for number, text in enumerate(texts[1:], start=2):  # on top, not at the foot
            assert re.sub(r"\s", "", text).startswith(f"-{number}-"), (kind, number)


def test_the_same_spec_gives_the_same_bytes(drafts: Path, tmp_path: Path) -> None:
    done = run_masterplan("render", EXAMPLE, "--document", "perkada,sk-tim", "-f", "pdf,docx",
                          "-o", tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    for path in tmp_path.iterdir():
        assert path.read_bytes() == (drafts / path.name).read_bytes(), path.name


def test_the_batch_makes_them_and_names_what_a_spec_lacks(tmp_path: Path) -> None:
    adopted_spec(tmp_path / "specs" / "banyuwangi")
    # the minimal example without its legal basis and its council and team
    bare = tmp_path / "specs" / "minimal" / MINIMAL.name
    bare.parent.mkdir(parents=True)
    bare.write_text(minimal_without_legal_text(), encoding="utf-8")
    done = run_masterplan("batch", tmp_path / "specs", "--document", "legal", "-f", "pdf",
                          "-o", tmp_path / "out", "-j", "2", timeout=600)
    assert done.returncode == 1, done.stderr
    made = sorted(path.name for path in (tmp_path / "out").glob("*.pdf"))
    assert made == sorted(f"3510-kabupaten-banyuwangi-2017-{kind}.pdf" for kind in KINDS)
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    (failed,) = [item for item in summary["specs"] if item["status"] == "failed"]
    codes = {error["code"] for error in failed["errors"]}
    assert codes == {"legal.no_basis", "legal.no_body"}
    assert all(error["line"] > 0 for error in failed["errors"])


def test_the_batch_makes_every_draft_of_every_example_in_pdf_and_docx(tmp_path: Path
                                                                      ) -> None:
    """Every example (every folder in examples/) gives the four drafts in both formats, in
    one batch: each decree lists its body's chair, in the PDF and in the DOCX."""
    folders = sorted(path.parent for path in EXAMPLES.glob("*/masterplan.yaml"))
    assert MINIMAL.parent in folders and len(folders) >= 4
    out = tmp_path / "out"
    done = run_masterplan("batch", EXAMPLES, "--document", "legal", "-f", "pdf,docx",
                          "-o", out, "-j", "2", timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    specs = {Path(item["spec"]).resolve().parent: item for item in summary["specs"]}
    assert sorted(specs) == folders
    for folder, item in specs.items():
        assert item["status"] == "ok" and item["errors"] == [], folder.name
        data = load_spec(folder / "masterplan.yaml").data
        for kind in KINDS:
            pdf, word = (next(out / name for name in item["outputs"]
                              if name.endswith(f"-{kind}.{ext}")) for ext in ("pdf", "docx"))
            pdf_text = " ".join(" ".join(pdf_pages(pdf)).split())
            document = docx.Document(str(word))
            cells = [cell.text for table in document.tables for row in table.rows
                     for cell in row.cells]
            word_text = " ".join(" ".join([p.text for p in document.paragraphs] + cells)
                                 .split())
            region = data["region"]["name"].upper()
            assert region in pdf_text.upper() and region in word_text.upper(), (folder, kind)
            body = {"sk-dewan": "council", "sk-tim": "implementation_team"}.get(kind)
            if body:
                (chair,) = [member["position"] for member in
                            data["governance"][body]["members"] if member["role"] == "Ketua"]
                assert chair in pdf_text and chair in word_text, (folder.name, kind)


def test_the_signature_never_stands_alone_on_a_page(tmp_path: Path) -> None:
    """Makassar's Keputusan forming the Dewan ends its dicta near a page's foot: the last
    dictum goes over with the signature, in our PDF and in LibreOffice's layout of the DOCX."""
    spec = EXAMPLES / "kota-makassar" / "masterplan.yaml"
    done = run_masterplan("render", spec, "--document", "sk-dewan", "-f", "pdf,docx", "-o",
                          tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    layouts = {"pdf": output(tmp_path, "sk-dewan", "pdf")}
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is not None:
        source = output(tmp_path, "sk-dewan", "docx")
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                        "--convert-to", "pdf", "--outdir", str(tmp_path / "lo-out"),
                        str(source)], capture_output=True, check=True, timeout=300)
        layouts["docx"] = tmp_path / "lo-out" / f"{source.stem}.pdf"
    for name, path in layouts.items():
        pages = pdf_pages(path)
        signed = next(page for page in pages if "Ditetapkan di" in page)
        assert re.search(r"^\s*(KE[A-Z]+|MEMUTUSKAN)\b", signed, re.MULTILINE), (name, signed)
    # Word keeps it so too: the paragraph before each signature table keeps with the next
    from docx import Document as Docx

    body = Docx(str(output(tmp_path, "sk-dewan", "docx"))).element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    signatures = [table for table in body.iter(f"{w}tbl")
                  if table.find(f"{w}tblPr/{w}tblStyle").get(f"{w}val") == "SignatureTable"]
    assert signatures
    for table in signatures:
        before = table.getprevious()
        assert before.tag == f"{w}p" and before.find(f"{w}pPr/{w}keepNext") is not None
