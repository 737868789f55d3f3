#!/usr/bin/env bash
# Regenerates the page images in docs/images/ from the bundled complete example.
# Needs poppler-utils (pdftoppm, pdftotext), installed by scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
masterplan="${MASTERPLAN:-.venv/bin/masterplan}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$masterplan" render examples/kabupaten-banyuwangi/masterplan.yaml -f pdf -o "$out" >/dev/null
pdf=$(ls "$out"/*-masterplan.pdf)
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
find_page() {  # first page from page $2 (default 1) whose text contains $1
  for ((p = ${2:-1}; p <= pages; p++)); do
    if pdftotext -f "$p" -l "$p" "$pdf" - | grep -q "$1"; then echo "$p"; return; fi
  done
  echo "no page contains: $1" >&2; exit 1
}
mkdir -p docs/images
shot() {  # page name
  pdftoppm -f "$1" -l "$1" -r 80 -png -singlefile "$pdf" "docs/images/$2"
}
shot 1 cover
shot "$(find_page 'LEMBAR PENGESAHAN')" approval
shot "$(find_page 'STRATEGI DAN PROGRAM PER DIMENSI')" dimension
# (the list of tables names the caption too: look from the chapter on, whose title is in
# capitals on its own page only)
shot "$(find_page 'Tabel [0-9]*\.3 Peta Jalan' "$(find_page 'RENCANA AKSI DAN PETA JALAN')")" roadmap
shot "$(find_page 'FAKTOR PENDUKUNG SMART CITY')" enablers
shot "$(find_page 'Pendukung: Regulasi dan Kelembagaan' "$(find_page 'RENCANA AKSI DAN PETA JALAN')")" enablers-roadmap
shot "$(find_page 'Register Risiko' "$(find_page 'TATA KELOLA')")" risk-register
# the chapters' own pages, after the contents and lists (which name them too)
body=$(find_page 'PENDAHULUAN' 5)
shot "$(find_page 'Evaluasi Masterplan Sebelumnya' "$body")" previous-plan
shot "$(find_page 'DAFTAR PUSTAKA' "$body")" bibliography
# the third example: a map drawn for it (profile.map), and the phases on its roadmap
"$masterplan" render examples/kabupaten-sleman/masterplan.yaml -f pdf -o "$out/sleman" >/dev/null
pdf=$(ls "$out"/sleman/*-masterplan.pdf)
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
body=$(find_page 'PENDAHULUAN' 5)
shot "$(find_page 'Gambar 2.1' "$body")" map
shot "$(find_page 'Tabel [0-9]*\.3 Peta Jalan' "$(find_page 'RENCANA AKSI DAN PETA JALAN' "$body")")" roadmap-phases

# the evaluation pack (issue 18) of the complete example and of Sleman
for example in kabupaten-banyuwangi kabupaten-sleman; do
  "$masterplan" evaluate "examples/$example/masterplan.yaml" "examples/$example"/progress/*.yaml \
    -f pdf -o "$out/evaluation-$example" >/dev/null
done
pdf=$(ls "$out"/evaluation-kabupaten-banyuwangi/*-evaluation.pdf)
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
body=$(find_page 'BAB I' 3)
shot "$(find_page 'Tabel 1.1 ' "$body")" evaluation-realisation
shot "$(find_page 'Tabel 2.1 ' "$body")" evaluation-index
shot "$(find_page 'Tabel 3.1 ' "$body")" evaluation-evidence
pdf=$(ls "$out"/evaluation-kabupaten-sleman/*-evaluation.pdf)
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
body=$(find_page 'BAB I' 3)
shot "$(find_page 'Tabel 1.1 ' "$body")" evaluation-sleman-realisation
# the decks (-f pptx) as LibreOffice Impress lays them out, every slide on one sheet
python="${PYTHON:-.venv/bin/python}"
"$masterplan" render examples/kabupaten-banyuwangi/masterplan.yaml --document quickwins,summary \
  -f pptx -o "$out/decks" >/dev/null
"$masterplan" evaluate examples/kabupaten-banyuwangi/masterplan.yaml \
  examples/kabupaten-banyuwangi/progress/*.yaml -f pptx -o "$out/decks" >/dev/null
soffice --headless --norestore "-env:UserInstallation=file://$out/profile" --convert-to pdf \
  --outdir "$out/decks" "$out"/decks/*.pptx >/dev/null 2>&1
for kind in quickwins summary evaluation; do
  deck=$(ls "$out"/decks/*-"$kind".pdf)
  pdftoppm -r 30 -png "$deck" "$out/decks/$kind"
  "$python" scripts/contact_sheet.py "docs/images/deck-$kind.png" "$out/decks/$kind"-*.png
done
ls -la docs/images/deck-*.png
