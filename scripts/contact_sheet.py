"""A contact sheet of a deck's slides: every page image given, three to a row, framed.

    python scripts/contact_sheet.py OUT.png SLIDE-1.png SLIDE-2.png ...

Used by scripts/make_doc_images.sh for docs/images/deck-*.png (the slides as LibreOffice
lays them out, one PNG a page from pdftoppm).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageOps

COLUMNS = 3
FRAME = 2


def contact_sheet(out: Path, pages: list[Path]) -> None:
    slides = [ImageOps.expand(Image.open(page).convert("RGB"), FRAME, "#7f7f7f")
              for page in pages]
    width, height = slides[0].size
    rows = -(-len(slides) // COLUMNS)
    sheet = Image.new("RGB", (width * COLUMNS, height * rows), "#7f7f7f")
    for number, slide in enumerate(slides):
        sheet.paste(slide, ((number % COLUMNS) * width, (number // COLUMNS) * height))
    sheet.save(out, optimize=True)


if __name__ == "__main__":
    contact_sheet(Path(sys.argv[1]), [Path(name) for name in sys.argv[2:]])
