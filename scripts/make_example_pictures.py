"""Draw the pictures of the bundled examples (ours, made for the examples; MIT).

    .venv/bin/python scripts/make_example_pictures.py [banyuwangi] [sleman]

With no argument, both examples' pictures are drawn.

examples/kabupaten-banyuwangi:

- peta-skematis.png: a schematic map (matplotlib): a rough outline of the regency, a few
  towns, the Ijen and Raung volcanoes; not an official map, and says so.
- alur-pemantauan.png: the quarterly monitoring flow (Pillow), used in a Markdown narrative.
- mockup-surat-desa.png: a phone screen of the village letters service (Pillow).
- struktur-organisasi.svg: the organisation chart, written as SVG by hand below (no
  reference to any other file, so `masterplan validate` accepts it).

examples/kabupaten-sleman (all text, so the same script always writes the same bytes):

- peta-skematis.svg: a schematic map of the 17 kapanewon, drawn as the Voronoi cells of a
  rough point per kapanewon inside a rough outline of the regency, coloured by the four
  development areas of the RPJMD (lereng Merapi, timur, tengah, barat), with Merapi to the
  north, Kota Yogyakarta to the south, the neighbouring regencies, a legend, a north arrow
  and the note that it is schematic, not an official map.
- logo.png: a neutral placeholder emblem (a shield with "SLM" and "CONTOH" on a transparent
  background), not the regency's coat of arms.
- struktur-organisasi.svg: the organisation chart of the council and the team.

Each PNG is saved with a small palette to stay well under 100 KB.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "examples" / "kabupaten-banyuwangi"
SLEMAN = ROOT / "examples" / "kabupaten-sleman"
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


# --- Kabupaten Sleman ---------------------------------------------------------------------

Point = tuple[float, float]

# A rough outline of the regency (longitude, latitude), clockwise from the top of Merapi,
# with the notch of Kota Yogyakarta in the south. Schematic: a few points, not the boundary.
SLEMAN_OUTLINE: list[Point] = [
    (110.446, -7.542), (110.478, -7.575), (110.500, -7.625), (110.522, -7.680),
    (110.552, -7.722), (110.562, -7.752), (110.546, -7.790), (110.520, -7.822),
    (110.472, -7.832), (110.432, -7.812), (110.412, -7.796), (110.402, -7.776),
    (110.362, -7.770), (110.346, -7.786), (110.340, -7.812), (110.300, -7.826),
    (110.258, -7.822), (110.222, -7.800), (110.220, -7.760), (110.238, -7.720),
    (110.268, -7.682), (110.298, -7.634), (110.338, -7.600), (110.390, -7.568),
]
KOTA_YOGYAKARTA: list[Point] = [
    (110.412, -7.796), (110.402, -7.776), (110.362, -7.770), (110.346, -7.786),
    (110.340, -7.812), (110.362, -7.834), (110.404, -7.832),
]
# One rough point per kapanewon and its development area in the RPJMD (M: lereng Merapi,
# T: timur, H: tengah, the agglomeration of Yogyakarta, B: barat).
KAPANEWON: dict[str, tuple[Point, str]] = {
    "Tempel": ((110.300, -7.668), "M"), "Turi": ((110.362, -7.622), "M"),
    "Pakem": ((110.414, -7.630), "M"), "Cangkringan": ((110.468, -7.632), "M"),
    "Sleman": ((110.345, -7.690), "H"), "Ngaglik": ((110.395, -7.702), "H"),
    "Ngemplak": ((110.446, -7.694), "H"), "Mlati": ((110.352, -7.738), "H"),
    "Depok": ((110.400, -7.752), "H"), "Gamping": ((110.322, -7.790), "H"),
    "Seyegan": ((110.296, -7.716), "B"), "Minggir": ((110.244, -7.738), "B"),
    "Godean": ((110.288, -7.762), "B"), "Moyudan": ((110.250, -7.790), "B"),
    "Kalasan": ((110.470, -7.748), "T"), "Prambanan": ((110.518, -7.770), "T"),
    "Berbah": ((110.452, -7.800), "T"),
}
AREAS = {"M": ("Kawasan lereng Merapi", "#d9ead3"), "H": ("Wilayah tengah (aglomerasi)", "#fce5cd"),
         "B": ("Wilayah barat (pertanian, kerajinan)", "#fff2cc"),
         "T": ("Kawasan timur (wisata budaya)", "#dde7f1")}
WEST, NORTH, SCALE, LEFT, TOP = 110.20, -7.52, 2000.0, 80.0, 20.0


def _xy(point: Point) -> Point:
    longitude, latitude = point
    return (LEFT + (longitude - WEST) * SCALE, TOP + (NORTH - latitude) * SCALE)


def _clip(polygon: list[Point], site: Point, other: Point) -> list[Point]:
    """The part of `polygon` nearer to `site` than to `other` (Sutherland-Hodgman against
    the perpendicular bisector)."""
    (sx, sy), (ox, oy) = site, other
    nx, ny = ox - sx, oy - sy
    limit = (ox * ox + oy * oy - sx * sx - sy * sy) / 2

    def inside(p: Point) -> bool:
        return p[0] * nx + p[1] * ny <= limit

    def cross(a: Point, b: Point) -> Point:
        da, db = a[0] * nx + a[1] * ny - limit, b[0] * nx + b[1] * ny - limit
        t = da / (da - db)
        return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))

    out: list[Point] = []
    for index, current in enumerate(polygon):
        previous = polygon[index - 1]
        if inside(current):
            if not inside(previous):
                out.append(cross(previous, current))
            out.append(current)
        elif inside(previous):
            out.append(cross(previous, current))
    return out


def _points(polygon: list[Point]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in polygon)


def _centroid(polygon: list[Point]) -> Point:
    area = cx = cy = 0.0
    for index, (x1, y1) in enumerate(polygon):
        x0, y0 = polygon[index - 1]
        step = x0 * y1 - x1 * y0
        area += step
        cx += (x0 + x1) * step
        cy += (y0 + y1) * step
    return (cx / (3 * area), cy / (3 * area))


def sleman_map_svg() -> str:
    outline = [_xy(p) for p in SLEMAN_OUTLINE]
    sites = {name: _xy(point) for name, (point, _) in KAPANEWON.items()}
    cells = []
    for name, site in sites.items():
        cell = outline
        for other_name, other in sites.items():
            if other_name != name:
                cell = _clip(cell, site, other)
        area = KAPANEWON[name][1]
        cells.append(f'  <polygon class="cell" fill="{AREAS[area][1]}" points="{_points(cell)}"/>')
        x, y = _centroid(cell)
        label = f'  <text x="{x:.1f}" y="{y + 4:.1f}" class="name">{name}</text>'
        if name == "Sleman":  # the seat of the regency
            label = (f'  <circle cx="{x:.1f}" cy="{y + 10:.1f}" r="4.5" class="seat"/>\n'
                     f'  <text x="{x:.1f}" y="{y - 2:.1f}" class="name">{name}</text>')
        cells.append(label)
    yogya = _points([_xy(p) for p in KOTA_YOGYAKARTA])
    merapi_x, merapi_y = _xy(SLEMAN_OUTLINE[0])
    progo_x, progo_y = _xy((110.226, -7.700))
    progo_x -= 14
    progo = _points([_xy(p) for p in [(110.246, -7.640), (110.232, -7.690), (110.226, -7.720),
                                      (110.214, -7.760), (110.212, -7.800), (110.222, -7.835)]])
    legend = []
    for index, key in enumerate(["M", "H", "B", "T"]):
        y = 462 + index * 28
        legend.append(f'  <rect x="822" y="{y}" width="22" height="16" fill="{AREAS[key][1]}"'
                      f' class="cell"/><text x="852" y="{y + 13}">{AREAS[key][0]}</text>')
    legend_rows = "\n".join(legend)
    body = "\n".join(cells)
    return f"""\
<svg xmlns="http://www.w3.org/2000/svg" width="1180" height="680" viewBox="0 0 1180 680"
     font-family="Carlito, Calibri, sans-serif" font-size="15">
  <title>Peta skematis Kabupaten Sleman: 17 kapanewon (bukan peta resmi)</title>
  <style>
    .cell {{ stroke: #6b6b6b; stroke-width: 1.2; }}
    .name {{ text-anchor: middle; font-size: 15px; fill: #1b1b1b; }}
    .seat {{ fill: #c00000; stroke: white; stroke-width: 1.5; }}
    .outline {{ fill: none; stroke: #1f4e79; stroke-width: 3; stroke-linejoin: round; }}
    .neighbour {{ fill: #6b6b6b; font-size: 14px; font-style: italic; }}
    .water {{ fill: none; stroke: #5b9bd5; stroke-width: 3; }}
  </style>
  <rect width="1180" height="680" fill="#f4f6f8"/>
  <polygon points="{yogya}" fill="#e0e0e0" stroke="#8a8a8a" stroke-width="1.2"/>
  <text x="{_xy((110.376, -7.810))[0]:.1f}" y="{_xy((110.376, -7.810))[1]:.1f}"
        class="name" font-size="14">Kota</text>
  <text x="{_xy((110.376, -7.810))[0]:.1f}" y="{_xy((110.376, -7.810))[1] + 16:.1f}"
        class="name" font-size="14">Yogyakarta</text>
{body}
  <polygon class="outline" points="{_points(outline)}"/>
  <polyline class="water" points="{progo}"/>
  <text x="0" y="0" class="neighbour" fill="#35648f"
        transform="translate({progo_x:.1f} {progo_y:.1f}) rotate(-70)">Kali Progo</text>
  <path fill="#8a4b08" stroke="white" stroke-width="1.5"
        d="M{merapi_x - 26:.1f} {merapi_y + 22:.1f} L{merapi_x:.1f} {merapi_y - 14:.1f}
           L{merapi_x + 26:.1f} {merapi_y + 22:.1f} Z"/>
  <text x="{merapi_x + 34:.1f}" y="{merapi_y + 4:.1f}" font-weight="bold"
        fill="#8a4b08">Gunung Merapi</text>
  <text x="{merapi_x + 34:.1f}" y="{merapi_y + 22:.1f}" fill="#8a4b08"
        font-size="13">(2.930 m, gunung api aktif)</text>
  <text x="200" y="110" class="neighbour">Kab. Magelang (Jawa Tengah)</text>
  <text x="700" y="118" class="neighbour">Kab. Boyolali</text>
  <text x="700" y="134" class="neighbour">(Jawa Tengah)</text>
  <text x="790" y="330" class="neighbour">Kab. Klaten</text>
  <text x="790" y="346" class="neighbour">(Jawa Tengah)</text>
  <text x="14" y="520" class="neighbour">Kab.</text>
  <text x="14" y="536" class="neighbour">Kulon</text>
  <text x="14" y="552" class="neighbour">Progo</text>
  <text x="250" y="664" class="neighbour">Kab. Bantul</text>
  <text x="660" y="664" class="neighbour">Kab. Gunungkidul</text>
  <g transform="translate(1100 60)">
    <path d="M0 -34 L14 12 L0 2 L-14 12 Z" fill="#1b1b1b"/>
    <text x="0" y="34" text-anchor="middle" font-weight="bold" font-size="18">U</text>
  </g>
  <text x="822" y="418" font-weight="bold" fill="#1f4e79" font-size="16">Keterangan</text>
  <text x="822" y="440" font-size="13" fill="#555">Kapanewon menurut kawasan pengembangan</text>
{legend_rows}
  <circle cx="833" cy="584" r="4.5" class="seat"/><text x="852" y="589">Ibu kota kabupaten</text>
  <path d="M822 608 L844 608" class="water"/><text x="852" y="613">Sungai</text>
  <rect x="822" y="626" width="22" height="16" fill="#e0e0e0" stroke="#8a8a8a"/>
  <text x="852" y="639">Daerah tetangga</text>
  <text x="822" y="664" font-size="12.5" fill="#555">Skematis, bukan peta resmi; tanpa skala.</text>
</svg>
"""


def sleman_logo(path: Path) -> None:
    """A neutral shield on a transparent background: a placeholder, not a coat of arms."""
    size = 480
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    shield = [(60, 40), (420, 40), (420, 300), (240, 450), (60, 300)]
    draw.polygon(shield, fill="#2f6b3b")
    inset = [(84, 64), (396, 64), (396, 290), (240, 420), (84, 290), (84, 64)]
    draw.line(inset, fill="#dfeadb", width=4)
    draw.polygon([(150, 180), (240, 95), (330, 180)], fill="#dfeadb")  # a mountain
    text = "SLM"
    width = draw.textlength(text, font=font(118, bold=True))
    draw.text(((size - width) / 2, 182), text, fill="white", font=font(118, bold=True))
    text = "CONTOH"
    width = draw.textlength(text, font=font(40, bold=True))
    draw.text(((size - width) / 2, 322), text, fill="#dfeadb", font=font(40, bold=True))
    image.save(path, format="PNG", optimize=True)


SLEMAN_CHART = """\
<svg xmlns="http://www.w3.org/2000/svg" width="820" height="470" viewBox="0 0 820 470"
     font-family="Carlito, Calibri, sans-serif" font-size="15">
  <title>Struktur Dewan Smart City dan Tim Pelaksana Kabupaten Sleman (contoh)</title>
  <style>
    .box { fill: #e3efe0; stroke: #2f6b3b; stroke-width: 2; }
    .head { font-weight: bold; fill: #2f6b3b; }
    .line { stroke: #2f6b3b; stroke-width: 2; fill: none; }
    .dim text { fill: white; }
  </style>
  <rect class="box" x="250" y="16" width="320" height="72" rx="10"/>
  <text class="head" x="410" y="46" text-anchor="middle">Dewan Smart City</text>
  <text x="410" y="68" text-anchor="middle">Ketua: Bupati; Wakil Ketua: Wakil Bupati</text>
  <path class="line" d="M410 88 V128"/>
  <rect class="box" x="250" y="128" width="320" height="72" rx="10"/>
  <text class="head" x="410" y="158" text-anchor="middle">Tim Pelaksana</text>
  <text x="410" y="180" text-anchor="middle">Ketua: Kepala Bappeda</text>
  <path class="line" d="M570 164 H640"/>
  <rect class="box" x="640" y="128" width="166" height="72" rx="10"/>
  <text class="head" x="723" y="158" text-anchor="middle">Sekretariat</text>
  <text x="723" y="180" text-anchor="middle">Diskominfo</text>
  <path class="line" d="M410 200 V240 M72 240 H748 M72 240 V280 M207 240 V280 M342 240 V280
                        M478 240 V280 M613 240 V280 M748 240 V280"/>
  <g class="dim" font-size="13" text-anchor="middle">
    <rect x="16" y="280" width="112" height="92" rx="8" fill="#1f4e79"/>
    <text x="72" y="316">Governance</text>
    <text x="72" y="336">Diskominfo</text>
    <rect x="151" y="280" width="112" height="92" rx="8" fill="#c55a11"/>
    <text x="207" y="316">Branding</text>
    <text x="207" y="336">Dinas Pariwisata</text>
    <rect x="286" y="280" width="112" height="92" rx="8" fill="#548235"/>
    <text x="342" y="316">Economy</text>
    <text x="342" y="336">Dinas Koperasi</text>
    <text x="342" y="354">dan UKM</text>
    <rect x="422" y="280" width="112" height="92" rx="8" fill="#7030a0"/>
    <text x="478" y="316">Living</text>
    <text x="478" y="336">Dinas Kesehatan</text>
    <rect x="557" y="280" width="112" height="92" rx="8" fill="#bf8f00"/>
    <text x="613" y="316">Society</text>
    <text x="613" y="336">Dinas Pendidikan</text>
    <rect x="692" y="280" width="112" height="92" rx="8" fill="#2e8b8b"/>
    <text x="748" y="316">Environment</text>
    <text x="748" y="336">DLH</text>
  </g>
  <g text-anchor="middle" fill="#555">
    <text x="410" y="408">Koordinator dimensi dan perangkat daerahnya;</text>
    <text x="410" y="428">kapanewon dan kalurahan sebagai simpul pelaksanaan di wilayah</text>
  </g>
</svg>
"""


def sleman_pictures(out: Path = SLEMAN) -> list[Path]:
    """Write the Sleman example's pictures into `out` (the same bytes on every run)."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "peta-skematis.svg", out / "logo.png", out / "struktur-organisasi.svg"]
    paths[0].write_text(sleman_map_svg(), encoding="utf-8")
    sleman_logo(paths[1])
    paths[2].write_text(SLEMAN_CHART, encoding="utf-8")
    for path in paths:
        print(f"{path}: {path.stat().st_size} bytes")
    return paths


def main(argv: list[str]) -> None:
    wanted = set(argv) or {"banyuwangi", "sleman"}
    if "banyuwangi" in wanted:
        schematic_map()
        monitoring_flow()
        mockup()
        organisation_chart()
    if "sleman" in wanted:
        sleman_pictures()


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
