"""Write N realistic, distinct, valid masterplan specs for benchmarks and load tests.

Run:  .venv/bin/python benchmarks/gen_specs.py N OUTDIR [--seed 7] [--no-check]

Each spec lives in OUTDIR/<code>-<cohort>/masterplan.yaml. Regions are the 514 real
kabupaten/kota with their Kemendagri codes and provinces (`benchmarks/regions.py`), taken in
an order shuffled by the seed, so a cohort of 25 or 100 spreads over the country and 514 is
every region once; beyond 514 the regions repeat with an earlier cohort year, which is valid
because a region is keyed by code plus cohort year. Each spec starts from
examples/minimal/masterplan.yaml and varies, deterministically from the seed: 10-40 programs
over the 18 sub-dimensions with consistent horizons and years, 1-3 budget lines from a
realistic mix of funding sources, 1-2 indicators, 3-6 quick wins, readiness statuses and
scores, a 5- or 10-year period, narrative length, and a logo for about one spec in three.
Every spec is validated (no errors) unless --no-check.
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import sys
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from regions import REGIONS  # noqa: E402

from generator.spec.framework import default_framework  # noqa: E402
from generator.spec.load import load_spec  # noqa: E402
from generator.spec.vocabulary import PROVINCES, STATUS_SCORE_RANGE  # noqa: E402

_FRAMEWORK = default_framework()
DIMENSION_CODES = _FRAMEWORK.codes
READINESS_ASPECTS = _FRAMEWORK.readiness_aspects
SUB_DIMENSIONS = _FRAMEWORK.sub_dimensions

MINIMAL = ROOT / "examples" / "minimal" / "masterplan.yaml"
LOGO = ROOT / "examples" / "kabupaten-banyuwangi" / "logo.png"
LATEST_COHORT = 2025

PROGRAM_NAMES: dict[str, list[str]] = {
    "public_service": ["Mal Pelayanan Publik Digital", "Layanan Perizinan Daring",
                       "Aplikasi Pengaduan Warga", "Layanan Administrasi Kependudukan Daring"],
    "bureaucracy": ["Naskah Dinas Elektronik", "Sistem Kepegawaian Terpadu",
                    "Arsitektur SPBE Daerah", "Pusat Data Daerah"],
    "public_policy": ["Portal Satu Data", "Dasbor Kinerja Pimpinan", "Open Data Anggaran",
                      "Musrenbang Elektronik"],
    "tourism": ["Portal Wisata Daerah", "Kalender Festival Digital", "Desa Wisata Digital",
                "Tiket Wisata Terpadu"],
    "business": ["Katalog Produk Unggulan", "Pameran Investasi Virtual",
                 "Peta Peluang Investasi", "Inkubator Bisnis Digital"],
    "city_appearance": ["Penataan Alun-Alun", "Taman Kota Cerdas", "Revitalisasi Kawasan Kota Lama",
                        "Penerangan Jalan Hias"],
    "industry": ["Pendampingan Industri Kecil", "Sertifikasi Halal Daring",
                 "Klaster Industri Kreatif", "Rumah Kemasan Produk"],
    "welfare": ["Data Terpadu Kesejahteraan Sosial", "Bansos Non-Tunai Tepat Sasaran",
                "Pelatihan Kerja Digital", "Bursa Kerja Daring"],
    "transactions": ["QRIS Pasar Rakyat", "Pajak Daerah Non-Tunai", "Retribusi Elektronik",
                     "Elektronifikasi Transaksi Pemda"],
    "harmony": ["Peta Tata Ruang Daring", "Sistem Informasi Perumahan", "RDTR Digital",
                "Pemantauan Bangunan Gedung"],
    "health": ["Antrean Puskesmas Daring", "Rekam Medis Elektronik", "Telemedisin Desa",
               "Pemantauan Stunting Terpadu"],
    "mobility": ["Informasi Angkutan Umum", "Area Traffic Control System",
                 "Parkir Elektronik", "Halte Cerdas"],
    "community": ["Relawan TIK Desa", "Ruang Kreatif Komunitas", "Literasi Digital Warga",
                  "Forum Warga Daring"],
    "learning": ["Perpustakaan Digital", "Sekolah Digital", "Beasiswa Talenta Digital",
                 "Kelas Coding Pelajar"],
    "security": ["Layanan Darurat 112", "CCTV Terpadu", "Sistem Peringatan Dini Bencana",
                 "Patroli Siber Daerah"],
    "protection": ["Pemantauan Kualitas Air Sungai", "Pemantauan Kualitas Udara",
                   "Penanaman Pohon Berbasis Data", "Perlindungan Mata Air"],
    "waste": ["Bank Sampah Desa", "Pengangkutan Sampah Terjadwal", "TPS3R Cerdas",
              "Pengelolaan Limbah Medis"],
    "energy": ["Penerangan Jalan Tenaga Surya", "Audit Energi Gedung Pemda",
               "Desa Mandiri Energi", "Kendaraan Dinas Listrik"],
}
OPDS = ["Dinas Komunikasi dan Informatika", "Badan Perencanaan Pembangunan Daerah",
        "Dinas Penanaman Modal dan PTSP", "Dinas Kependudukan dan Pencatatan Sipil",
        "Dinas Kesehatan", "Dinas Pendidikan", "Dinas Pariwisata", "Dinas Perhubungan",
        "Dinas Lingkungan Hidup", "Dinas Perindustrian dan Perdagangan", "Dinas Sosial",
        "Dinas Pekerjaan Umum dan Penataan Ruang", "Badan Penanggulangan Bencana Daerah",
        "Sekretariat Daerah", "Badan Pendapatan Daerah"]
SOURCES = ["APBD"] * 6 + ["APBN", "DAK", "DANA_DESA", "CSR", "KPBU", "APBD_PROV", "HIBAH"]
SENTENCES = [
    "Pemerintah daerah telah memulai digitalisasi layanan pada beberapa perangkat daerah.",
    "Integrasi data antar-perangkat daerah belum berjalan optimal.",
    "Partisipasi masyarakat dalam inovasi daerah terus meningkat setiap tahun.",
    "Keterbatasan anggaran mendorong kerja sama dengan swasta dan perguruan tinggi.",
    "Jaringan internet telah menjangkau sebagian besar ibu kota kecamatan.",
    "Kapasitas sumber daya manusia di bidang teknologi informasi masih perlu ditingkatkan.",
    "Potensi ekonomi lokal belum sepenuhnya didukung pemasaran digital.",
]


def text(rng: random.Random, low: int = 1, high: int = 4) -> str:
    return " ".join(rng.sample(SENTENCES, rng.randint(low, high)))


def programs_for(rng: random.Random, count: int, start: int, end: int) -> dict[str, Any]:
    """`count` programs over the 18 sub-dimensions (each gets at least one while any are
    left), with consistent horizons, years, budgets and indicators."""
    slots = [(dim, sub) for dim, subs in SUB_DIMENSIONS.items() for sub in subs]
    per_slot = dict.fromkeys(slots, 0)
    order = slots[:]
    rng.shuffle(order)
    for index in range(count):
        per_slot[order[index % len(order)]] += 1
    numbers = dict.fromkeys(SUB_DIMENSIONS, 0)
    dimensions: dict[str, Any] = {}
    long_possible = end - start + 1 >= 7
    for dim, subs in SUB_DIMENSIONS.items():
        body: dict[str, Any] = {"current_condition": text(rng), "target_condition": text(rng),
                                "sub_dimensions": {}}
        for sub in subs:
            programs = []
            for n in range(per_slot[(dim, sub)]):
                numbers[dim] += 1
                horizon = rng.choice(["short", "medium", "medium"] + (
                    ["long"] if long_possible else []))
                if horizon == "short":
                    first = start + rng.randint(0, 1)
                    last = min(start + 1, first + rng.randint(0, 1))
                elif horizon == "medium":
                    first = start + rng.randint(0, 2)
                    last = min(start + 4, end, first + rng.randint(1, 4))
                else:
                    first = start + rng.randint(0, 4)
                    last = min(end, start + rng.randint(6, 9))
                name = PROGRAM_NAMES[sub][n % len(PROGRAM_NAMES[sub])]
                if n >= len(PROGRAM_NAMES[sub]):
                    name += f" Tahap {n // len(PROGRAM_NAMES[sub]) + 1}"
                budget = []
                for year in sorted(rng.sample(range(first, last + 1),
                                              min(last - first + 1, rng.randint(1, 3)))):
                    budget.append({"year": year, "amount": rng.randint(2, 60) * 50_000_000,
                                   "source": rng.choice(SOURCES)})
                indicators = [{"name": f"Capaian {name.lower()} {i + 1}",
                               "unit": rng.choice(["%", "unit", "layanan", "desa", "orang"]),
                               "baseline": rng.randint(0, 40), "baseline_year": start - 1,
                               "targets": {str(last): rng.randint(50, 100)}}
                              for i in range(rng.randint(1, 2))]
                programs.append({
                    "id": f"{DIMENSION_CODES[dim]}-{numbers[dim]:02d}", "name": name,
                    "description": text(rng, 1, 2),
                    "lead_opd": rng.choice(OPDS),
                    "supporting_opds": rng.sample(OPDS, rng.randint(0, 2)),
                    "horizon": horizon, "start_year": first, "end_year": last,
                    "indicators": indicators, "budget": budget})
            body["sub_dimensions"][sub] = {"programs": programs} if programs else {}
        dimensions[dim] = body
    return dimensions


@cache
def region_order(seed: int) -> tuple[int, ...]:
    """Indexes into REGIONS, shuffled by the seed: the order specs take the regions in."""
    rng = random.Random(f"{seed}-regions")  # noqa: S311 - test data, not secrets
    return tuple(rng.sample(range(len(REGIONS)), len(REGIONS)))


def make_spec(index: int, seed: int, base: dict[str, Any]) -> tuple[str, dict[str, Any], bool]:
    code, kind, name = REGIONS[region_order(seed)[index % len(REGIONS)]]
    cohort = LATEST_COHORT - index // len(REGIONS)
    rng = random.Random(f"{seed}-{index}")  # noqa: S311 - test data, not secrets
    start = cohort + 1
    end = start + rng.choice([4, 4, 9])
    data = {key: value for key, value in base.items()
            if key != "governance"}  # the example's council is Kabupaten Contoh's
    data["region"] = {"code": code, "name": name, "type": kind,
                      "province": PROVINCES[code[:2]]}
    data["cohort"] = {"year": cohort}
    data["document"] = {"title": "Masterplan Smart City", "period": {
        "start_year": start, "end_year": end}, "date": f"{cohort}-11-20"}
    data["profile"] = {key: {"narrative": text(rng, 2, 6)}
                       for key in ("geography", "demography", "economy")}
    readiness: dict[str, Any] = {}
    for area, aspects in READINESS_ASPECTS.items():
        readiness[area] = {}
        for aspect in aspects:
            status = rng.choice(list(STATUS_SCORE_RANGE))
            low, high = STATUS_SCORE_RANGE[status]
            readiness[area][aspect] = {"status": status,
                                       "score": round(rng.uniform(low, high), 1),
                                       "narrative": text(rng, 1, 2)}
    data["readiness"] = readiness
    data["vision"] = {"statement": f"Terwujudnya {kind.capitalize()} {name} yang cerdas, "
                                   "sejahtera dan berkelanjutan"}
    dimensions = programs_for(rng, rng.randint(10, 40), start, end)
    data["dimensions"] = dimensions
    candidates = [p for d in dimensions.values() for s in d["sub_dimensions"].values()
                  for p in s.get("programs", []) if p["horizon"] != "long"]
    quick_wins = []
    for number, program in enumerate(rng.sample(candidates, min(len(candidates),
                                                                rng.randint(3, 6))), 1):
        first = max(program["start_year"], start)
        first = min(first, start + 1)
        quick_wins.append({
            "id": f"QW-{number:02d}", "name": program["name"], "program": program["id"],
            "type": rng.choice(["app", "policy", "service", "infrastructure"]),
            "owner_opd": program["lead_opd"], "start_year": first, "end_year": first,
            "kpis": [{"name": f"Capaian {program['name'].lower()}", "unit": "%",
                      "target": rng.randint(50, 100)}]})
    data["quick_wins"] = quick_wins
    with_logo = rng.random() < 0.33
    if with_logo:
        data["region"]["logo"] = "logo.png"
    folder = f"{code.replace('.', '')}-{cohort}"
    return folder, data, with_logo


def dump(data: dict[str, Any]) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.width = 100
    yaml.allow_unicode = True
    yaml.representer.sort_base_mapping_type_on_output = False  # keep the spec's own order
    stream = io.StringIO()
    yaml.dump(data, stream)
    return ("# yaml-language-server: $schema=masterplan.schema.json\n"
            "# Generated by benchmarks/gen_specs.py: illustrative content, real region codes.\n"
            + stream.getvalue())


def generate(count: int, outdir: Path, seed: int = 7, check: bool = True) -> list[Path]:
    base = load_spec(MINIMAL).data
    outdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        folder, data, with_logo = make_spec(index, seed, base)
        path = outdir / folder / "masterplan.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(data), encoding="utf-8")
        if with_logo:
            shutil.copyfile(LOGO, path.parent / "logo.png")
        paths.append(path)
    if check:
        from generator.spec import validate

        for path in paths:
            errors = [d for d in validate(load_spec(path)) if d.severity == "error"]
            if errors:
                raise SystemExit("generated spec is invalid:\n" + "\n".join(
                    d.format("en") for d in errors))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-check", action="store_true", help="skip validating the specs")
    args = parser.parse_args()
    paths = generate(args.count, args.outdir, args.seed, check=not args.no_check)
    print(f"{len(paths)} specs in {args.outdir}")


if __name__ == "__main__":
    main()
