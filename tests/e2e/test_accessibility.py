"""axe-core, the accessibility engine nobody here wrote, on every HTML page the tool makes:
the four documents of every example, the cohort report and a batch's index page, in headless
Chromium. Zero violations of the WCAG 2.0, 2.1 and 2.2 A and AA rules.

axe-core is pinned in tests/a11y/package.json (and its lock file) and installed by
scripts/setup.sh (`npm ci --prefix tests/a11y`). Chromium is driven over the DevTools
protocol on a pipe (tests/chromium_cdp.py): no browser-automation package.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium_cdp import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.chromium]

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
EXAMPLES = ("kabupaten-banyuwangi", "kabupaten-sleman", "kota-makassar", "minimal")
KINDS = ("masterplan", "summary", "quickwins", "readiness")


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.skip("axe-core is not installed: run scripts/setup.sh (npm ci --prefix "
                    "tests/a11y)")
    version = json.loads((AXE.parent / "package.json").read_text("utf-8"))["version"]
    assert version == AXE_VERSION, f"axe-core {version}, the tests expect {AXE_VERSION}"
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    chromium = next((found for name in ("chromium", "chromium-browser", "google-chrome",
                                        "google-chrome-stable")
                     if (found := shutil.which(name))), None)
    if chromium is None:
        pytest.skip("headless Chromium is not installed")
    with Browser(chromium, tmp_path_factory.mktemp("axe") / "profile") as opened:
        yield opened


def axe(browser: Browser, source: str, page: Path, tags: list[str]) -> list[dict[str, Any]]:
    """axe-core's violations on `page` for the rules with `tags`, each with the first
    places it found."""
    browser.open(page.as_uri())
    browser.evaluate(source)
    options = json.dumps({"runOnly": {"type": "tag", "values": tags},
                          "resultTypes": ["violations"]})
    found: list[dict[str, Any]] = browser.evaluate(
        f"axe.run(document, {options}).then(r => r.violations.map(v => ({{id: v.id, "
        f"nodes: v.nodes.length, where: v.nodes.slice(0, 3).map(n => n.target.join(' ') "
        f"+ ': ' + n.failureSummary)}})))")
    return found


@pytest.fixture(scope="module")
def pages(e2e: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every kind of HTML page: the examples' four documents, the cohort report, the index
    page of a batch with a failure in it (its failure table shows too)."""
    root = tmp_path_factory.mktemp("a11y")
    found: dict[str, Path] = {}
    for name in EXAMPLES:
        done = e2e.run_masterplan("render", e2e.EXAMPLES / name / "masterplan.yaml",
                                  "--document", "all", "-f", "html", "-o", root / name,
                                  timeout=300)
        assert done.returncode == 0, done.stderr
        for kind in KINDS:
            (found[f"{name}/{kind}"],) = (root / name).glob(f"*-{kind}.html")
    done = e2e.run_masterplan("report", e2e.EXAMPLES, "-f", "html", "-o", root / "report",
                              timeout=300)
    assert done.returncode == 0, done.stderr
    found["report"] = root / "report" / "cohort-report.html"
    cohort = root / "cohort"
    shutil.copytree(e2e.EXAMPLES / "minimal", cohort / "minimal")
    broken = e2e.replace_once(e2e.minimal_text(), "amount: 500000000", "amount: 500.000")
    (cohort / "broken").mkdir()
    (cohort / "broken" / "masterplan.yaml").write_text(
        e2e.replace_once(broken, 'code: "35.07"', 'code: "35.08"'), encoding="utf-8")
    done = e2e.run_masterplan("batch", cohort, "--document", "summary", "-f", "html", "-o",
                              root / "batch", "-j", "1", timeout=300)
    assert done.returncode == 1, done.stderr  # one spec fails, on purpose
    found["batch index"] = root / "batch" / "index.html"
    assert "broken" in found["batch index"].read_text("utf-8")
    example = e2e.EXAMPLES / "kabupaten-banyuwangi"
    done = e2e.run_masterplan("evaluate", example / "masterplan.yaml",
                              *sorted((example / "progress").glob("*.yaml")), "-f", "html",
                              "-o", root / "evaluation", timeout=300)
    assert done.returncode == 0, done.stderr
    (found["evaluation"],) = (root / "evaluation").glob("*-evaluation.html")
    return found


def test_axe_finds_what_it_should(browser: Browser, axe_source: str, tmp_path: Path) -> None:
    """Control: the run does report violations (low contrast, a scroller the keyboard
    cannot reach, a nav like another) where there are some."""
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html lang="id"><head><title>x</title></head><body><main>'
                    '<p style="color:#5b7fa6">BAB I</p>'
                    '<div style="overflow-x:auto;width:50px"><p style="width:900px">lebar '
                    'sekali</p></div><img src="data:,"></main></body></html>', "utf-8")
    found = {v["id"] for v in axe(browser, axe_source, page, WCAG_AA)}
    assert {"color-contrast", "scrollable-region-focusable", "image-alt"} <= found, found


@pytest.mark.slow
@pytest.mark.parametrize("name", [f"{example}/{kind}" for example in EXAMPLES for kind in KINDS]
                         + ["report", "batch index", "evaluation"])
def test_no_wcag_a_or_aa_violation(browser: Browser, axe_source: str, pages: dict[str, Path],
                                   name: str) -> None:
    violations = axe(browser, axe_source, pages[name], WCAG_AA)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)[:4000]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["kabupaten-banyuwangi/masterplan", "report",
                                  "batch index", "evaluation"])
def test_landmarks_and_regions(browser: Browser, axe_source: str, pages: dict[str, Path],
                               name: str) -> None:
    """axe's best practices too, on one page of each shell: one <main>, everything inside
    a landmark, every <nav> with a name of its own."""
    violations = axe(browser, axe_source, pages[name], ["best-practice"])
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)[:4000]
