"""A consultant's templates and stylesheet under limits, and a machine that refuses to write.

With `--template-dir`, `render`, `report` and `watch` make their documents in a process of
their own (`generator.batch.isolated`), killed after `--timeout` seconds per document and
capped at `--memory-limit` MiB of address space. The resource cases run the real command in
a real process with small limits, and measure the peak memory of the whole process tree and
the time it took: each must end by its limit, with exit code 1 and a message that names the
template or the stylesheet. Environment errors (a read-only folder, a full disk, a folder
in the way, a stylesheet in Latin-1) end with exit code 1, a message naming the path, and
no partial set of documents.
"""

from __future__ import annotations

import ctypes
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from helpers import run_cli

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
MINIMAL = REPO / "examples" / "minimal" / "masterplan.yaml"
STYLE = REPO / "templates" / "style.css"
# Small limits: every case ends in seconds. The time limit leaves a loaded machine time to
# reach the template (or the layout) before the limit, so that the message can name it.
TIMEOUT, MEMORY = 10, 600
LIMITS = ("--timeout", str(TIMEOUT), "--memory-limit", str(MEMORY))
# Time a stopped command may take beyond its limit: starting the two interpreters and
# importing the renderer on a loaded two-core machine.
SLACK = 15
STEM = "3507-kabupaten-contoh-2025"
# The peak resident memory (MiB) of the process tree and the seconds of each resource
# case, printed at the end of the session by `test_report_the_measurements`.
MEASURED: dict[str, tuple[float, float]] = {}


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    folder = tmp_path / "spec"
    folder.mkdir()
    (folder / "masterplan.yaml").write_bytes(MINIMAL.read_bytes())
    return folder / "masterplan.yaml"


def brand_folder(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@dataclass
class Measured:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mib: float


# Runs the command as its child and reports the peak resident memory of every process
# it waited for (the command and, through it, its render process) and the wall time.
_MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:])
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"\\nMEASURED {peak} {time.perf_counter() - started:.3f}", file=sys.stderr)
sys.exit(done.returncode)
"""


def run_measured(e2e: Any, name: str, *args: str | Path, timeout: float = 120) -> Measured:
    """`masterplan ARGS` in a real process tree; its peak memory and time are kept."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, *e2e.masterplan_command(),
                           *map(str, args)], env=e2e.child_env(), capture_output=True,
                          text=True, timeout=timeout, check=False)
    text, _, last = done.stderr.rstrip().rpartition("\nMEASURED ")
    peak_kib, seconds = last.split()
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes or KiB
    measured = Measured(done.returncode, done.stdout, text.strip(), float(seconds),
                        int(peak_kib) * 1024 / scale / 1024)
    MEASURED[name] = (measured.peak_mib, measured.seconds)
    return measured


def outputs(outdir: Path) -> list[str]:
    """The files of a folder, without the batch's hidden lock and state files."""
    if not outdir.exists():
        return []
    return sorted(p.name for p in outdir.iterdir() if not p.name.startswith("."))


# === 1. one long operation in a template ======================================================

HUGE_NUMBER = "<section class=\"cover\">\n<p>Sampul</p>\n<p>{{ 10 ** (10 ** 8) }}</p>\n</section>\n"


def test_one_huge_integer_operation_is_stopped_by_the_time_limit(
        e2e: Any, spec: Path, tmp_path: Path) -> None:
    """Before: the time limit of the templates (SIGALRM) only acts between two bytecodes;
    the render ran ~5 minutes, then exited 0."""
    brand = brand_folder(tmp_path / "brand", {"partials/cover.html.j2": HUGE_NUMBER})
    outdir = tmp_path / "out"
    done = run_measured(e2e, "render: 10 ** (10 ** 8) in a template", "render", spec,
                        "-f", "html", "-o", outdir, "--template-dir", brand, *LIMITS)
    cover = (brand / "partials" / "cover.html.j2").resolve()
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [
        f"masterplan: render dihentikan setelah {TIMEOUT} detik (batas --timeout), saat "
        f"menjalankan templat {cover}:3; render ini memakai templat Anda di {brand} "
        "(partials/cover.html.j2): periksa perulangan tanpa akhir, bilangan yang sangat "
        "besar, dan aturan @page serta pemenggalan kata di stylesheet"]
    assert TIMEOUT <= done.seconds < TIMEOUT + SLACK
    assert done.peak_mib < MEMORY
    assert done.stdout == ""
    assert outputs(outdir) == []


def test_the_report_renders_under_the_manifests_limits(e2e: Any, spec: Path,
                                                       tmp_path: Path) -> None:
    """`report` ran past 100 s before. The limits come from the manifest's `options`."""
    brand = brand_folder(tmp_path / "brand", {"report/body.html.j2": (
        "<section>\n{{ 10 ** (10 ** 8) }}\n</section>\n")})
    manifest = tmp_path / "cohort.yaml"
    manifest.write_text(
        "cohort: {year: 2025}\nspecs: [spec/masterplan.yaml]\n"
        f"options: {{template_dir: brand, timeout: {TIMEOUT}, memory_limit: {MEMORY}, "
        "outdir: out, formats: [html]}\n", encoding="utf-8")
    done = run_measured(e2e, "report: 10 ** (10 ** 8) in a template", "report", manifest,
                        "--lang", "en")
    body = (brand / "report" / "body.html.j2").resolve()
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [
        f"masterplan: the render was stopped after {TIMEOUT} s (the --timeout limit) while "
        f"running the template {body}:2; it uses your templates in {brand} "
        "(report/body.html.j2): look for endless loops, huge numbers, and @page or "
        "word-breaking rules in the stylesheet"]
    assert TIMEOUT <= done.seconds < TIMEOUT + SLACK
    assert outputs(tmp_path / "out") == []


def test_watch_stops_the_render_and_goes_on(spec: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from generator.commands.watch import run_watch

    brand = brand_folder(tmp_path / "brand", {"partials/cover.html.j2": HUGE_NUMBER})
    started = time.perf_counter()
    run_watch(spec, tmp_path / "out", lang="en", template_dir=brand, interval=0.05,
              max_renders=1, timeout=TIMEOUT, memory_limit=MEMORY)
    assert time.perf_counter() - started < TIMEOUT + SLACK
    err = capsys.readouterr().err
    assert f"masterplan: the render was stopped after {TIMEOUT} s" in err
    assert f"{(brand / 'partials' / 'cover.html.j2').resolve()}:3" in err
    assert outputs(tmp_path / "out") == []


# === 2. a stylesheet whose layout never ends ==================================================

TINY_PAGES = ("\n@page { size: 30mm 30mm; margin: 2mm; }\n"
              "* { word-break: break-all; overflow-wrap: anywhere; }\n")


def layout_bomb(root: Path) -> Path:
    """Pages 3 cm wide and a word break after every letter: over a minute of layout for the
    minimal example (1,028 pages in 70 s of CPU here, under 200 MiB at 10 s). Table rows may
    break: rows kept whole on such pages end in an assertion of WeasyPrint's (below)."""
    return brand_folder(root, {"style.css": STYLE.read_text(encoding="utf-8") + TINY_PAGES
                               + "* { break-inside: auto !important; }\n"})


def test_a_stylesheet_that_lays_out_for_minutes_is_stopped(e2e: Any, spec: Path,
                                                           tmp_path: Path) -> None:
    """The time limit alone (the default memory limit is far away after 5 s). (Past a
    memory limit, WeasyPrint raises MemoryError or, when the allocation that fails is in its
    C libraries, dies of it; both are reported as the memory limit, naming the stylesheet.)"""
    brand = layout_bomb(tmp_path / "brand")
    outdir = tmp_path / "out"
    done = run_measured(e2e, "render: @page 30 mm, break-all (time)", "render", spec, "-f",
                        "pdf", "-o", outdir, "--template-dir", brand, "--timeout", str(TIMEOUT),
                        "--lang", "en")
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [
        f"masterplan: the render was stopped after {TIMEOUT} s (the --timeout limit) while "
        f"WeasyPrint laid out the pages with the stylesheet {brand.resolve() / 'style.css'}; "
        f"it uses your templates in {brand} (style.css): look for endless loops, huge "
        "numbers, and @page or word-breaking rules in the stylesheet"]
    assert TIMEOUT <= done.seconds < TIMEOUT + SLACK
    assert outputs(outdir) == []


# A table of the book's with its rows kept whole (`tr { break-inside: avoid }`) on pages
# 3 cm wide: WeasyPrint 6x fails an assertion (`assert not page_is_empty`, layout/page.py).
FUNDING_TABLE = """<section class="cover">
<table class="data">
<caption><span class="num">Tabel 7.2</span> Anggaran per Sumber Pendanaan</caption>
<thead><tr><th scope="col">Sumber Pendanaan</th><th scope="col">Anggaran (juta rupiah)</th>
<th scope="col">Porsi</th></tr></thead>
<tbody><tr><td>APBD Kabupaten</td><td class="num">7.050</td><td class="num">97,2%</td></tr>
<tr><td>Dana Desa</td><td class="num">200</td><td class="num">2,8%</td></tr></tbody>
<tfoot><tr><td>Jumlah</td><td class="num">7.250</td><td class="num">100,0%</td></tr></tfoot>
</table>
</section>
"""


def test_a_stylesheet_weasyprint_cannot_lay_out_is_named(e2e: Any, spec: Path,
                                                         tmp_path: Path) -> None:
    """Before: "internal error: AssertionError", exit code 3, as if the fault were ours
    (the minimal example under the stylesheet of the test above without its last rule:
    after 20 s). The other chapters are hidden so that WeasyPrint meets the table at once."""
    brand = brand_folder(tmp_path / "brand", {
        "style.css": STYLE.read_text(encoding="utf-8") + TINY_PAGES
        + "main > :not(.cover) { display: none; }\n",
        "partials/cover.html.j2": FUNDING_TABLE})
    outdir = tmp_path / "out"
    done = run_measured(e2e, "render: a table WeasyPrint cannot lay out", "render", spec,
                        "-f", "html,pdf", "-o", outdir, "--template-dir", brand, *LIMITS,
                        "--lang", "en")
    assert done.returncode == 1, done.stderr
    (line,) = done.stderr.splitlines()
    assert re.fullmatch(
        r"masterplan: the render failed \(WeasyPrint: AssertionError, layout/[a-z_]+\.py:\d+\)"
        + re.escape(f" while WeasyPrint laid out the pages with the stylesheet "
                    f"{brand.resolve() / 'style.css'}; it uses your templates in {brand} "
                    "(partials/cover.html.j2, style.css): look for endless loops, huge "
                    "numbers, and @page or word-breaking rules in the stylesheet"), line), line
    assert done.seconds < TIMEOUT
    assert outputs(outdir) == []  # not the HTML either


# === 3. memory ===============================================================================

@pytest.mark.parametrize("name, template", [
    ("'x' * (10 ** 10)", "<p>\n{{ 'x' * (10 ** 10) }}</p>\n"),  # 9.6 GiB before
    ("a string doubled 40 times", "<p>\n{% set ns = namespace(s='x') %}"
     "{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}</p>\n"),
], ids=["one-multiplication", "doubling"])
def test_a_template_that_wants_gigabytes_ends_at_the_memory_limit(
        e2e: Any, spec: Path, tmp_path: Path, name: str, template: str) -> None:
    brand = brand_folder(tmp_path / "brand", {"partials/cover.html.j2": template})
    outdir = tmp_path / "out"
    done = run_measured(e2e, f"render: {name} in a template", "render", spec, "-f", "html",
                        "-o", outdir, "--template-dir", brand, *LIMITS, "--lang", "en")
    cover = (brand / "partials" / "cover.html.j2").resolve()
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [
        f"masterplan: the render reached the memory limit of {MEMORY} MiB (--memory-limit) "
        f"while running the template {cover}:2; it uses your templates in {brand} "
        "(partials/cover.html.j2): look for endless loops, huge numbers, and @page or "
        "word-breaking rules in the stylesheet"]
    assert done.seconds < TIMEOUT + SLACK
    assert done.peak_mib < MEMORY
    assert outputs(outdir) == []


def test_report_the_measurements(capsys: pytest.CaptureFixture[str]) -> None:
    """Not a check: the peak memory and time of the cases above, for the record."""
    with capsys.disabled():
        for name, (mib, seconds) in MEASURED.items():
            print(f"\n  {name}: peak {mib:.0f} MiB, {seconds:.1f} s", end="")


# === the isolation changes nothing in the files ===============================================

@pytest.mark.slow
def test_a_render_in_its_own_process_gives_the_same_bytes(spec: Path, tmp_path: Path) -> None:
    from generator.pipeline import render_spec
    from generator.settings import RenderSettings

    brand = brand_folder(tmp_path / "brand", {"style.css": STYLE.read_text(encoding="utf-8")})
    isolated = run_cli("render", spec, "-f", "pdf,html,docx", "-o", tmp_path / "isolated",
                       "--template-dir", brand)
    assert isolated.exit_code == 0, isolated.output
    render_spec(spec, RenderSettings(formats=("pdf", "html", "docx"),
                                     outdir=tmp_path / "in-process", template_dir=brand))
    files = outputs(tmp_path / "isolated")
    assert len(files) == 3 and files == outputs(tmp_path / "in-process")
    for name in files:
        assert (tmp_path / "isolated" / name).read_bytes() == (
            tmp_path / "in-process" / name).read_bytes(), name


# === 8. the machine refuses a write ===========================================================

def _without_dac_override() -> None:
    """In the child, before exec: root without CAP_DAC_OVERRIDE obeys a folder's mode."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(24, 1, 0, 0, 0) != 0:  # PR_CAPBSET_DROP, CAP_DAC_OVERRIDE
        raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.mark.parametrize("templates", ["built-in", "template-dir"])
def test_a_read_only_output_folder(e2e: Any, spec: Path, tmp_path: Path,
                                   templates: str) -> None:
    """A real permission error from the kernel. Root ignores a folder's mode, so as root the
    command runs without the capability that lets it (dropped from the bounding set in the
    child, which needs CAP_SETPCAP); as anyone else, the mode alone does it."""
    outdir = tmp_path / "out"
    outdir.mkdir()
    outdir.chmod(0o555)
    preexec = None
    if os.geteuid() == 0:
        try:
            subprocess.run(["true"], preexec_fn=_without_dac_override, check=True)
        except (OSError, subprocess.SubprocessError):
            pytest.skip("root, and CAP_DAC_OVERRIDE cannot be dropped here")
        preexec = _without_dac_override
    extra = ("--template-dir", brand_folder(tmp_path / "brand", {"style.css": "h1 {}\n"})) \
        if templates == "template-dir" else ()
    try:
        done = subprocess.run([*e2e.masterplan_command(), "render", str(spec), "-f", "html",
                               "-o", str(outdir), *map(str, extra)], env=e2e.child_env(),
                              capture_output=True, text=True, timeout=120, check=False,
                              preexec_fn=preexec)
    finally:
        outdir.chmod(0o755)
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [
        f"masterplan: tidak dapat menulis {outdir / STEM}-masterplan.html: izin ditolak; "
        "pilih folder keluaran lain (-o) atau ubah izinnya"]
    assert outputs(outdir) == []


def test_an_output_folder_below_a_file(spec: Path, tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file", encoding="utf-8")
    result = run_cli("render", spec, "-f", "html", "-o", tmp_path / "taken" / "out",
                     "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"masterplan: cannot create the folder {tmp_path / 'taken' / 'out'}: part of the "
        "path is a file, not a folder"]


def test_an_output_name_taken_by_a_folder_writes_nothing(spec: Path, tmp_path: Path) -> None:
    """Before: the HTML was written, then the PDF failed as an internal error."""
    outdir = tmp_path / "out"
    (outdir / f"{STEM}-masterplan.pdf").mkdir(parents=True)
    result = run_cli("render", spec, "--document", "readiness,masterplan", "-f", "html,pdf",
                     "-o", outdir)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"masterplan: tidak dapat menulis {outdir / STEM}-masterplan.pdf: sudah ada folder "
        "dengan nama ini; pindahkan atau hapus folder itu"]
    assert outputs(outdir) == [f"{STEM}-masterplan.pdf"]  # only the folder that was there


def test_a_full_disk_keeps_the_previous_documents(spec: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up while the third of four files is written: the previous render's
    files stay as they were, and no new one is left (before: an internal error, and the
    files written before it stayed)."""
    import errno

    outdir = tmp_path / "out"
    first = run_cli("render", spec, "--document", "readiness,quickwins", "-f", "html", "-o",
                    outdir)
    assert first.exit_code == 0, first.output
    before = {name: (outdir / name).read_bytes() for name in outputs(outdir)}
    spec.write_text(spec.read_text(encoding="utf-8").replace(
        "Terwujudnya Kabupaten Contoh", "Visi baru"), encoding="utf-8")
    real_write, real_mkstemp = os.write, tempfile.mkstemp
    started: list[str] = []

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real_mkstemp(*args, **kwargs)
        started.append(name)
        return fd, name

    def write(fd: int, data: Any) -> int:
        if len(started) >= 3:  # readiness.html and .docx went through
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(os, "write", write)
    result = run_cli("render", spec, "--document", "readiness,quickwins", "-f", "html,docx",
                     "-o", outdir)
    monkeypatch.undo()
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"masterplan: tidak dapat menulis {outdir / STEM}-quickwins.html: disk penuh; "
        "kosongkan ruang lalu jalankan lagi"]
    assert {name: (outdir / name).read_bytes() for name in outputs(outdir)} == before


def _file_size_limit(limit: int) -> None:
    """In the child: writes past `limit` bytes fail with EFBIG, as on a full disk."""
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs RLIMIT_FSIZE")
def test_a_full_disk_in_a_batch_fails_the_spec_and_keeps_the_summary(
        e2e: Any, spec: Path, tmp_path: Path) -> None:
    """Every write over 100 KiB fails (RLIMIT_FSIZE, inherited by the batch's workers): the
    main book's HTML (136 KiB) cannot be written. Before: 'internal error: OSError', and the
    three smaller documents written before it stayed."""
    outdir = tmp_path / "out"
    done = subprocess.run(
        [*e2e.masterplan_command(), "batch", str(spec.parent), "-o", str(outdir), "-f", "html",
         "--document", "quickwins,readiness,summary,masterplan", "--no-progress"],
        env=e2e.child_env(), capture_output=True, text=True, timeout=300, check=False,
        preexec_fn=lambda: _file_size_limit(100 * 1024))
    assert done.returncode == 1, done.stderr
    assert outputs(outdir) == ["index.html", "summary.csv", "summary.json"]
    summary = (outdir / "summary.csv").read_text(encoding="utf-8-sig")
    assert (f"tidak dapat menulis {outdir / STEM}-masterplan.html: berkas melebihi ukuran "
            "yang diizinkan sistem") in summary
    assert "internal" not in summary and "galat internal" not in summary


def test_a_stylesheet_in_latin_1_is_a_positioned_error(spec: Path, tmp_path: Path) -> None:
    brand = brand_folder(tmp_path / "brand", {"style.css": "h1 {\n  content: \"caf\xe9\";\n}\n"
                                              .encode("latin-1")})
    outdir = tmp_path / "out"
    result = run_cli("render", spec, "-f", "html", "-o", outdir, "--template-dir", brand,
                     "--lang", "en")
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"masterplan: {brand.resolve() / 'style.css'}:2:16: error: file is not UTF-8 text "
        "(byte 0xE9); save it again as UTF-8"]
    assert outputs(outdir) == []


def test_the_limit_options_are_checked(spec: Path, tmp_path: Path) -> None:
    for option, value in (("--timeout", "0"), ("--memory-limit", "-1")):
        result = run_cli("render", spec, "-o", tmp_path, option, value)
        assert result.exit_code == 2, result.output
        assert option in result.stderr


def test_a_template_folder_that_is_missing_starts_no_process(spec: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            ) -> None:
    import generator.batch.pool as pool

    monkeypatch.setattr(pool.WorkerPool, "_spawn", lambda self: pytest.fail("spawned"))
    result = run_cli("render", spec, "-o", tmp_path / "out", "--template-dir",
                     tmp_path / "nowhere")
    assert result.exit_code == 1
    assert result.stderr == f"masterplan: --template-dir {tmp_path / 'nowhere'}: not a folder\n"
