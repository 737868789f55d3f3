#!/usr/bin/env bash
# Installs everything masterplan needs on a fresh Debian/Ubuntu machine:
# system libraries and fonts for WeasyPrint (with HarfBuzz subsetting, ~20% faster PDFs), librsvg
# and cairo (SVG pictures of a spec are drawn to PNG),
# poppler (pdftoppm), qpdf (`qpdf --check` of every PDF), LibreOffice Writer, Calc and Impress
# (DOCX, XLSX and PPTX checks), Chromium (HTML preview check) and Node.js with npm (axe-core,
# the accessibility check of the HTML, pinned in tests/a11y/package-lock.json) for the tests,
# then a virtualenv in .venv with the package and its test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 libfontconfig1 librsvg2-2 libcairo2
  fonts-crosextra-carlito fonts-dejavu-core
  poppler-utils qpdf libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui
  chromium nodejs npm
)
if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  missing=()
  for p in "${packages[@]}"; do
    # (node and npm may come from elsewhere, e.g. NodeSource: then they are not missing)
    case "$p" in nodejs|npm) command -v "${p%js}" >/dev/null 2>&1 && continue ;; esac
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
else
  echo "setup: no apt-get here; install the equivalents of: ${packages[*]}" >&2
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
# axe-core for tests/e2e/test_accessibility.py: exactly the version and hash of the lock file.
if command -v npm >/dev/null 2>&1; then
  npm ci --prefix tests/a11y --no-audit --no-fund --silent
else
  echo "setup: no npm here; the accessibility test (axe-core) will be skipped" >&2
fi
echo "setup: done. Try: .venv/bin/masterplan --help" >&2
