"""Closed lists of the national and international references a program may be aligned with.

- `SPBE`: the SPBE (e-government) architecture domains and services of Perpres 95/2018
  (Sistem Pemerintahan Berbasis Elektronik): Arsitektur SPBE integrates *proses bisnis, data
  dan informasi, infrastruktur SPBE, aplikasi SPBE* and *keamanan SPBE* to produce *layanan
  SPBE*; the services are *layanan administrasi pemerintahan berbasis elektronik* (planning,
  budgeting, finance, procurement, staffing, archives, regional assets, supervision,
  performance accountability) and *layanan publik berbasis elektronik*, by sector.
- `ISO_THEMES`: the nineteen themes (clauses 5-23) shared by SNI ISO 37120:2018 and SNI ISO
  37122:2019; `ISO_37122`: how many indicators each clause of SNI ISO 37122:2019 (indicators
  for smart cities) numbers, so `10.2` exists and `10.9` does not. SNI ISO 37120 numbers are
  checked against the clause only (its lists are long and change between editions).

Data only, free of imports beyond the vocabulary's `Label`, like `vocabulary`.
"""

from __future__ import annotations

import re

from generator.spec.vocabulary import Label

SPBE: dict[str, Label] = {
    # Arsitektur SPBE: the domains
    "proses_bisnis": Label("Domain Proses Bisnis", "Business process domain"),
    "data_informasi": Label("Domain Data dan Informasi", "Data and information domain"),
    "infrastruktur": Label("Domain Infrastruktur SPBE", "SPBE infrastructure domain"),
    "aplikasi": Label("Domain Aplikasi SPBE", "SPBE application domain"),
    "keamanan": Label("Domain Keamanan SPBE", "SPBE security domain"),
    "layanan": Label("Domain Layanan SPBE", "SPBE service domain"),
    # Layanan administrasi pemerintahan berbasis elektronik
    "adm_perencanaan": Label("Layanan Perencanaan", "Planning service"),
    "adm_penganggaran": Label("Layanan Penganggaran", "Budgeting service"),
    "adm_keuangan": Label("Layanan Keuangan", "Finance service"),
    "adm_pengadaan": Label("Layanan Pengadaan Barang dan Jasa", "Procurement service"),
    "adm_kepegawaian": Label("Layanan Kepegawaian", "Staffing service"),
    "adm_kearsipan": Label("Layanan Kearsipan", "Archives service"),
    "adm_barang_milik_daerah": Label("Layanan Pengelolaan Barang Milik Daerah",
                                     "Regional asset management service"),
    "adm_pengawasan": Label("Layanan Pengawasan", "Supervision service"),
    "adm_akuntabilitas_kinerja": Label("Layanan Akuntabilitas Kinerja",
                                       "Performance accountability service"),
    # Layanan publik berbasis elektronik, by sector
    "publik_pendidikan": Label("Layanan Publik Pendidikan", "Public service: education"),
    "publik_pekerjaan_usaha": Label("Layanan Publik Pekerjaan dan Usaha",
                                    "Public service: work and business"),
    "publik_tempat_tinggal": Label("Layanan Publik Tempat Tinggal",
                                   "Public service: housing"),
    "publik_komunikasi_informasi": Label("Layanan Publik Komunikasi dan Informasi",
                                         "Public service: communication and information"),
    "publik_lingkungan_hidup": Label("Layanan Publik Lingkungan Hidup",
                                     "Public service: environment"),
    "publik_kesehatan": Label("Layanan Publik Kesehatan", "Public service: health"),
    "publik_jaminan_sosial": Label("Layanan Publik Jaminan Sosial",
                                   "Public service: social security"),
    "publik_energi": Label("Layanan Publik Energi", "Public service: energy"),
    "publik_perhubungan": Label("Layanan Publik Perhubungan", "Public service: transport"),
    "publik_sumber_daya_alam": Label("Layanan Publik Sumber Daya Alam",
                                     "Public service: natural resources"),
    "publik_pariwisata": Label("Layanan Publik Pariwisata", "Public service: tourism"),
    "publik_kependudukan": Label("Layanan Publik Administrasi Kependudukan",
                                 "Public service: civil registration"),
}

ISO_THEMES: dict[int, Label] = {
    5: Label("Ekonomi", "Economy"),
    6: Label("Pendidikan", "Education"),
    7: Label("Energi", "Energy"),
    8: Label("Lingkungan dan perubahan iklim", "Environment and climate change"),
    9: Label("Keuangan", "Finance"),
    10: Label("Tata kelola", "Governance"),
    11: Label("Kesehatan", "Health"),
    12: Label("Perumahan", "Housing"),
    13: Label("Kependudukan dan kondisi sosial", "Population and social conditions"),
    14: Label("Rekreasi", "Recreation"),
    15: Label("Keselamatan", "Safety"),
    16: Label("Limbah padat", "Solid waste"),
    17: Label("Olahraga dan budaya", "Sport and culture"),
    18: Label("Telekomunikasi", "Telecommunication"),
    19: Label("Transportasi", "Transportation"),
    20: Label("Pertanian perkotaan dan ketahanan pangan",
              "Urban/local agriculture and food security"),
    21: Label("Perencanaan kota", "Urban planning"),
    22: Label("Air limbah", "Wastewater"),
    23: Label("Air", "Water"),
}

#: Indicators per clause of SNI ISO 37122:2019.
ISO_37122: dict[int, int] = {
    5: 4, 6: 3, 7: 10, 8: 3, 9: 2, 10: 4, 11: 3, 12: 2, 13: 4, 14: 1, 15: 1, 16: 6, 17: 4,
    18: 3, 19: 14, 20: 3, 21: 4, 22: 1, 23: 4,
}

ISO_STANDARDS: dict[str, Label] = {
    "37120": Label("SNI ISO 37120:2018", "SNI ISO 37120:2018"),
    "37122": Label("SNI ISO 37122:2019", "SNI ISO 37122:2019"),
}

#: An indicator's `iso`: the standard and the indicator's number, `37122:10.2`.
ISO_PATTERN = r"^371(20|22):[0-9]{1,2}\.[0-9]{1,2}$"
_ISO = re.compile(ISO_PATTERN)


def iso_37122_numbers() -> tuple[str, ...]:
    """Every indicator number SNI ISO 37122:2019 has (`5.1` … `23.4`), in order."""
    return tuple(f"{clause}.{n}" for clause, count in ISO_37122.items()
                 for n in range(1, count + 1))


def iso_parts(value: str) -> tuple[str, int, int] | None:
    """`37122:10.2` → ("37122", 10, 2); None when it is not of that form."""
    if not _ISO.match(value):
        return None
    standard, number = value.split(":")
    clause, item = number.split(".")
    return standard, int(clause), int(item)


def iso_known(value: str) -> bool:
    """Whether an `iso` value names an indicator the standard has (SNI ISO 37120: a clause
    of it)."""
    parts = iso_parts(value)
    if parts is None:
        return False
    standard, clause, item = parts
    if standard == "37122":
        return 1 <= item <= ISO_37122.get(clause, 0)
    return clause in ISO_THEMES and item >= 1


def iso_sort_key(value: str) -> tuple[str, int, int]:
    parts = iso_parts(value)
    return parts if parts is not None else (value, 0, 0)
