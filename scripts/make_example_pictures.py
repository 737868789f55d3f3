"""Draw the pictures of examples/kabupaten-banyuwangi (ours, made for the example; MIT).

    .venv/bin/python scripts/make_example_pictures.py

- peta-skematis.png: a schematic map (matplotlib): a rough outline of the regency, a few
  towns, the Ijen and Raung volcanoes; not an official map, and says so.
- alur-pemantauan.png: the quarterly monitoring flow (Pillow), used in a Markdown narrative.
- mockup-surat-desa.png: a phone screen of the village letters service (Pillow).
- struktur-organisasi.svg: the organisation chart, written as SVG by hand below (no
  reference to any other file, so `masterplan validate` accepts it).

Each PNG is saved with a small palette to stay well under 100 KB.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "examples" / "kabupaten-banyuwangi"
FONTS = ROOT / "generator" / "fonts"
BLUE = "#1f4e79"
LIGHT = "#dde7f1"


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "Carlito-Bold.ttf" if bold else "Carlito-Regular.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def save_small(image: Image.Image, path: Path, colours: int = 48) -> None:
    small = image.convert("RGB").quantize(colors=colours, method=Image.Quantize.MEDIANCUT)
    small.save(path, format="PNG", optimize=True)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")


def schematic_map() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    outline = [(114.20, -7.75), (114.30, -7.76), (114.43, -7.95), (114.40, -8.14),
               (114.38, -8.25), (114.35, -8.38), (114.38, -8.45), (114.45, -8.50),
               (114.60, -8.60), (114.55, -8.78), (114.40, -8.72), (114.27, -8.65),
               (114.10, -8.62), (113.95, -8.58), (113.85, -8.45), (113.88, -8.30),
               (113.95, -8.12), (114.05, -7.98), (114.12, -7.82)]
    towns = {"Banyuwangi": (114.36, -8.22), "Ketapang": (114.40, -8.13),
             "Rogojampi": (114.28, -8.31), "Genteng": (114.15, -8.36),
             "Muncar": (114.33, -8.43), "Kalibaru": (113.98, -8.29),
             "Pesanggaran": (114.05, -8.55)}
    peaks = {"Kawah Ijen": (114.24, -8.06), "G. Raung": (114.04, -8.13)}
    plt.rcParams["font.family"] = "DejaVu Sans"
    figure, axes = plt.subplots(figsize=(7.2, 5.4), dpi=150)
    axes.set_facecolor("#d6e6f2")
    xs, ys = zip(*outline, strict=True)
    axes.fill(xs, ys, facecolor="#e8efd9", edgecolor="#4d6b2f", linewidth=1.4)
    for name, (x, y) in towns.items():
        axes.plot(x, y, "o", color=BLUE, markersize=5)
        axes.annotate(name, (x, y), xytext=(5, 3), textcoords="offset points", fontsize=8,
                      color="#1b1b1b")
    for name, (x, y) in peaks.items():
        axes.plot(x, y, "^", color="#8a4b08", markersize=8)
        axes.annotate(name, (x, y), xytext=(5, -10), textcoords="offset points", fontsize=8,
                      color="#8a4b08")
    axes.text(114.55, -8.05, "Selat Bali", fontsize=9, style="italic", color="#35648f",
              rotation=-70)
    axes.text(113.92, -8.72, "Samudra Hindia", fontsize=9, style="italic", color="#35648f")
    axes.text(113.80, -7.82, "Kab. Situbondo /\nBondowoso", fontsize=7.5, color="#666")
    axes.text(113.72, -8.35, "Kab.\nJember", fontsize=7.5, color="#666")
    axes.annotate("U", xy=(114.62, -7.80), xytext=(114.62, -7.92), fontsize=10,
                  ha="center", arrowprops={"arrowstyle": "-|>", "color": "#1b1b1b"})
    axes.set_xlim(113.68, 114.70)
    axes.set_ylim(-8.85, -7.68)
    axes.set_aspect("equal")
    axes.set_xticks([])
    axes.set_yticks([])
    axes.set_title("Peta skematis Kabupaten Banyuwangi (bukan peta resmi)", fontsize=10,
                   color=BLUE)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    plt.close(figure)
    save_small(Image.open(buffer), OUT / "peta-skematis.png")


def box(draw: ImageDraw.ImageDraw, xy: tuple[int, int, int, int], lines: list[str],
        fill: str = LIGHT) -> None:
    draw.rounded_rectangle(xy, radius=14, fill=fill, outline=BLUE, width=3)
    x0, y0, x1, y1 = xy
    heights = [font(24).getbbox(line)[3] for line in lines]
    y = (y0 + y1) // 2 - (sum(heights) + 6 * (len(lines) - 1)) // 2
    for line, height in zip(lines, heights, strict=True):
        width = draw.textlength(line, font=font(24, bold=line is lines[0]))
        draw.text(((x0 + x1 - width) / 2, y), line, fill="#1b1b1b",
                  font=font(24, bold=line is lines[0]))
        y += height + 6


def arrow(draw: ImageDraw.ImageDraw, start: tuple[int, int], end: tuple[int, int]) -> None:
    draw.line([start, end], fill=BLUE, width=4)
    x, y = end
    draw.polygon([(x, y), (x - 12, y - 9), (x - 12, y + 9)], fill=BLUE)


def monitoring_flow() -> None:
    image = Image.new("RGB", (1400, 300), "white")
    draw = ImageDraw.Draw(image)
    steps = [["Perangkat daerah", "isi capaian dan", "realisasi di dasbor"],
             ["Koordinator dimensi", "verifikasi data,", "catat hambatan"],
             ["Tim Pelaksana", "susun ringkasan", "triwulanan"],
             ["Dewan Smart City", "arahan; capaian", "dipublikasikan"]]
    width, gap = 290, 60
    for index, lines in enumerate(steps):
        x0 = 30 + index * (width + gap)
        box(draw, (x0, 90, x0 + width, 270), lines)
        if index:
            arrow(draw, (x0 - gap + 6, 180), (x0 - 6, 180))
    title = "Alur pemantauan triwulanan"
    draw.text(((1400 - draw.textlength(title, font=font(30, bold=True))) / 2, 25), title,
              fill=BLUE, font=font(30, bold=True))
    save_small(image, OUT / "alur-pemantauan.png", colours=24)


def mockup() -> None:
    image = Image.new("RGB", (540, 1000), "#f3f5f8")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((20, 20, 520, 980), radius=48, outline="#333", width=10,
                           fill="white")
    draw.rectangle((30, 90, 510, 190), fill=BLUE)
    draw.text((60, 110), "Smart Kampung", fill="white", font=font(38, bold=True))
    draw.text((60, 155), "Surat Desa Digital", fill="#cfe0f1", font=font(24))
    items = ["Surat pengantar SKCK", "Surat keterangan usaha", "Surat keterangan domisili",
             "Surat keterangan tidak mampu"]
    for index, label in enumerate(items):
        y = 230 + index * 110
        draw.rounded_rectangle((60, y, 480, y + 86), radius=16, fill=LIGHT, outline="#9bb3cc",
                               width=2)
        draw.text((85, y + 27), label, fill="#1b1b1b", font=font(28))
    draw.rounded_rectangle((60, 700, 480, 790), radius=45, fill="#548235")
    text = "Ajukan surat"
    draw.text(((540 - draw.textlength(text, font=font(32, bold=True))) / 2, 725), text,
              fill="white", font=font(32, bold=True))
    draw.text((85, 830), "Tanda tangan elektronik kepala desa,", fill="#555", font=font(22))
    draw.text((85, 862), "dapat diverifikasi dengan kode QR.", fill="#555", font=font(22))
    save_small(image, OUT / "mockup-surat-desa.png", colours=32)


ORGANISATION_CHART = """\
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="440" viewBox="0 0 800 440"
     font-family="Carlito, Calibri, sans-serif" font-size="15">
  <title>Struktur Dewan Smart City dan Tim Pelaksana (contoh)</title>
  <style>
    .box { fill: #dde7f1; stroke: #1f4e79; stroke-width: 2; }
    .head { font-weight: bold; fill: #1f4e79; }
    .line { stroke: #1f4e79; stroke-width: 2; fill: none; }
  </style>
  <rect class="box" x="260" y="20" width="280" height="70" rx="10"/>
  <text class="head" x="400" y="50" text-anchor="middle">Dewan Smart City</text>
  <text x="400" y="72" text-anchor="middle">Ketua: Bupati</text>
  <path class="line" d="M400 90 V140"/>
  <rect class="box" x="240" y="140" width="320" height="70" rx="10"/>
  <text class="head" x="400" y="170" text-anchor="middle">Tim Pelaksana</text>
  <text x="400" y="192" text-anchor="middle">Ketua: Kepala Bappeda</text>
  <path class="line" d="M400 210 V250 M70 250 H730 M70 250 V290 M198 250 V290 M334 250 V290
                        M466 250 V290 M602 250 V290 M730 250 V290"/>
  <g font-size="13" text-anchor="middle">
    <rect x="14" y="290" width="112" height="84" rx="8" fill="#1f4e79"/>
    <text x="70" y="325" fill="white">Governance</text>
    <text x="70" y="345" fill="white">DPMPTSP</text>
    <rect x="142" y="290" width="112" height="84" rx="8" fill="#c55a11"/>
    <text x="198" y="325" fill="white">Branding</text>
    <text x="198" y="345" fill="white">Disbudpar</text>
    <rect x="278" y="290" width="112" height="84" rx="8" fill="#548235"/>
    <text x="334" y="325" fill="white">Economy</text>
    <text x="334" y="345" fill="white">Disperindag</text>
    <rect x="410" y="290" width="112" height="84" rx="8" fill="#7030a0"/>
    <text x="466" y="325" fill="white">Living</text>
    <text x="466" y="345" fill="white">Dinkes</text>
    <rect x="546" y="290" width="112" height="84" rx="8" fill="#bf8f00"/>
    <text x="602" y="325" fill="white">Society</text>
    <text x="602" y="345" fill="white">Dispendik</text>
    <rect x="674" y="290" width="112" height="84" rx="8" fill="#2e8b8b"/>
    <text x="730" y="325" fill="white">Environment</text>
    <text x="730" y="345" fill="white">DLH</text>
  </g>
  <text x="400" y="415" text-anchor="middle" fill="#555">Koordinator dimensi dan
    perangkat daerahnya</text>
</svg>
"""


def organisation_chart() -> None:
    path = OUT / "struktur-organisasi.svg"
    path.write_text(ORGANISATION_CHART, encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    schematic_map()
    monitoring_flow()
    mockup()
    organisation_chart()
