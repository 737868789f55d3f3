"""The HTML preview: one self-contained file that a real browser shows without errors.

Static checks read the complete example's preview (rendered once per session); headless
Chromium then opens it from disk, takes a screenshot (which must show something) and dumps
the DOM (which must hold the chapters), while its log must show no console message.
"""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageStat

pytestmark = pytest.mark.e2e

CHAPTER_IDS = ["bab-pendahuluan", "bab-profil", "bab-kesiapan", "bab-analisis", "bab-visi",
               "bab-program", "bab-faktor-pendukung", "bab-peta-jalan", "bab-quick-win",
               "bab-tata-kelola", "bab-penutup", "lampiran-matriks", "lampiran-indikator"]
DIMENSIONS = ["Smart Governance", "Smart Branding", "Smart Economy", "Smart Living",
              "Smart Society", "Smart Environment"]
COVER_BLUE = (0x1F, 0x4E, 0x79)


# === self-contained ==========================================================================

@pytest.mark.parametrize("kind", ["masterplan", "summary", "quickwins", "readiness"])
def test_preview_is_one_self_contained_file(example: Any, kind: str) -> None:
    html = example.html(kind)
    assert html.startswith("<!DOCTYPE html>")
    lowered = html.lower()
    assert 'src="http' not in lowered and "src='http" not in lowered
    assert "<link" not in lowered  # no external stylesheet (nor anything else linked)
    assert "@import" not in lowered
    assert not re.search(r"url\(\s*['\"]?(?!data:|#)", html), "url() to something not inlined"
    assert "<script" not in lowered
    assert lowered.count("<style>") == 1
    sources = re.findall(r'<img [^>]*src="([^"]*)"', html)
    assert sources, "no image at all (charts or logo)"
    assert all(src.startswith(("data:image/svg+xml;base64,", "data:image/png;base64,"))
               for src in sources), [s[:40] for s in sources]


def test_inlined_images_reference_nothing_outside(example: Any) -> None:
    html = example.html()
    logo = (Path(__file__).resolve().parents[2] / "examples" / "kabupaten-banyuwangi" /
            "logo.png").read_bytes()
    assert f"data:image/png;base64,{base64.b64encode(logo).decode()}" in html
    charts = re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert len(charts) >= 3
    for chart in charts:
        svg = base64.b64decode(chart).decode("utf-8")
        targets = re.findall(r'(?:xlink:)?href="([^"]*)"', svg)
        assert all(target.startswith("#") for target in targets), targets[:5]
        assert not re.search(r"url\((?!#)", svg)
        assert "<script" not in svg.lower()


# === in a real browser ===========================================================================

@pytest.fixture(scope="module")
def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("headless Chromium is not installed")


def run_chromium(chromium: str, profile: Path, *args: str,
                 timeout: float = 90) -> subprocess.CompletedProcess[str]:
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-extensions",
               f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          check=False)


def console_messages(log: str) -> list[str]:
    """What the page itself logged: Chromium writes every console message (log, warning,
    error, uncaught exception) to its log as `...:CONSOLE...] "message", source: ...`."""
    return [line for line in log.splitlines()
            if ":CONSOLE" in line or "Uncaught" in line]


@pytest.mark.chromium
def test_console_check_catches_an_error(chromium: str, tmp_path: Path) -> None:
    """Control: a page with a failing script does show up in the log we read."""
    page = tmp_path / "fails.html"
    page.write_text('<!DOCTYPE html><html><body><p>x</p><script>console.error("canary");'
                    "notDefined();</script></body></html>", encoding="utf-8")
    done = run_chromium(chromium, tmp_path / "profile", "--dump-dom", page.as_uri())
    messages = console_messages(done.stderr)
    assert any("canary" in line for line in messages), done.stderr[-2000:]
    assert any("Uncaught ReferenceError" in line for line in messages)


@pytest.mark.chromium
@pytest.mark.slow
def test_screenshot_has_content_and_the_console_is_clean(chromium: str, example: Any,
                                                         tmp_path: Path) -> None:
    page = example.path("masterplan", "html")
    shot = tmp_path / "preview.png"
    done = run_chromium(chromium, tmp_path / "profile", f"--screenshot={shot}",
                        "--window-size=1200,2000", "--hide-scrollbars", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert console_messages(done.stderr) == []
    with Image.open(shot) as image:
        rgb = image.convert("RGB")
    assert rgb.size == (1200, 2000)
    stats = ImageStat.Stat(rgb)
    assert min(stats.stddev) > 20, f"a nearly blank page: stddev {stats.stddev}"
    colours = rgb.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 200, "too few colours for text, logo and cover"
    # The cover (a wide dark-blue band) is the first thing a reader sees.
    blue = sum(count for count, colour in colours
               if all(abs(a - b) <= 6 for a, b in zip(colour, COVER_BLUE, strict=True)))
    assert blue > 0.15 * rgb.size[0] * rgb.size[1], blue


@pytest.mark.chromium
def test_the_browser_sees_every_chapter(chromium: str, example: Any, tmp_path: Path) -> None:
    page = example.path("masterplan", "html")
    done = run_chromium(chromium, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert console_messages(done.stderr) == []
    dom = done.stdout
    for anchor in CHAPTER_IDS:
        assert f'id="{anchor}"' in dom, anchor
    for name in DIMENSIONS:
        assert name in dom
    assert '<html lang="id">' in dom
    assert dom.count('<section class="chapter') >= 10


@pytest.mark.chromium
def test_the_watch_preview_loads_and_polls_from_file_urls(chromium: str, tmp_path: Path) -> None:
    """The preview `watch` writes opens from disk with a clean console, and its reload
    script does load the version file beside it (a `<script src>` with a query, from
    `file://`): a version file that marks the page shows the mark in the DOM."""
    from helpers import REPO

    from generator.commands.watch import run_watch, version_file

    outdir = tmp_path / "out"
    run_watch(REPO / "examples" / "minimal" / "masterplan.yaml", outdir, lang=None,
              template_dir=None, interval=0.05, max_renders=1)
    (page,) = outdir.glob("*.html")
    done = run_chromium(chromium, tmp_path / "profile", "--virtual-time-budget=3000",
                        "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert console_messages(done.stderr) == []
    assert "<section" in done.stdout and "data-polled" not in done.stdout
    version_file(page).write_text('document.documentElement.setAttribute("data-polled", "yes");\n',
                                  encoding="utf-8")
    done = run_chromium(chromium, tmp_path / "profile2", "--virtual-time-budget=3000",
                        "--dump-dom", page.as_uri())
    assert console_messages(done.stderr) == []
    assert 'data-polled="yes"' in done.stdout, done.stdout[:300]
