"""Click's own usage errors speak the user's language: Bahasa Indonesia by default, English
with `--lang en`; exit code 2 and no traceback, in-process and in a real process."""

from __future__ import annotations

import pytest
from helpers import run_cli, run_module

from generator.i18n.click_messages import TEMPLATES, translate

ENGLISH = ("Usage:", "Try '", "for help", "Error:", "No such option", "Missing argument",
           "Missing option", "Invalid value", "is not one of", "is not in the range",
           "is not a valid", "requires an argument", "unexpected extra", "No such command",
           "Did you mean")


@pytest.mark.parametrize(("args", "expected"), [
    (["validate"], "Kesalahan: Argumen 'SPECS...' belum diberikan."),
    (["validate", "--no-such-option", "x.yaml"], "Kesalahan: Opsi '--no-such-option' tidak ada."),
    (["validate", "--strct", "x.yaml"],
     "Kesalahan: Opsi '--strct' tidak ada. Mungkin maksudnya '--strict'?"),
    (["validate", "--lang", "fr", "x.yaml"],
     "Kesalahan: Nilai tidak sah untuk '--lang': 'fr' bukan salah satu dari 'id', 'en'."),
    (["init", "--type", "provinsi", "x.yaml"],
     "Kesalahan: Nilai tidak sah untuk '--type': 'provinsi' bukan salah satu dari"
     " 'kabupaten', 'kota'."),
    (["migrate", "x.yaml"], "Kesalahan: Opsi '--framework' belum diberikan."),
    (["batch", "x", "--jobs", "0"],
     "Kesalahan: Nilai tidak sah untuk '-j' / '--jobs': 0 di luar rentang x>=1."),
    (["watch", "x.yaml", "--interval", "abc"],
     "Kesalahan: Nilai tidak sah untuk '--interval': 'abc' bukan angka desimal yang sah."),
    (["init-progress", "x.yaml", "1990"],
     "Kesalahan: Nilai tidak sah untuk 'YEAR': 1990 di luar rentang 2000<=x<=2100."),
    (["render", "x.yaml", "-o"], "Kesalahan: Opsi '-o' memerlukan nilai."),
    (["schema", "extra"], "Kesalahan: Ada argumen berlebih yang tidak dikenal (extra)"),
    (["no-such-command"], "Kesalahan: Perintah 'no-such-command' tidak ada."),
    (["--bogus"], "Kesalahan: Opsi '--bogus' tidak ada."),
])
def test_click_usage_errors_are_indonesian_by_default(args: list[str], expected: str) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2, result.output
    assert expected in result.stderr.splitlines(), result.stderr
    assert not [word for word in ENGLISH if word in result.stderr], result.stderr
    assert "Traceback" not in result.output


def test_the_usage_line_and_the_hint_are_indonesian() -> None:
    result = run_cli("validate", "--format", "xml", "x.yaml")
    name = "main"  # CliRunner's program name; `masterplan` in a real process, below
    assert result.stderr.splitlines()[:3] == [
        f"Penggunaan: {name} validate [OPTIONS] SPECS...",
        f"Coba '{name} validate --help' untuk bantuan.", ""]


@pytest.mark.parametrize("args", [
    ["validate", "--lang", "en", "--no-such-option", "x.yaml"],
    ["validate", "--no-such-option", "--lang=en", "x.yaml"],
    ["init", "--lang", "en", "--type", "provinsi", "x.yaml"],
])
def test_english_with_lang_en(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: main ")
    assert "Error: " in result.stderr and "Kesalahan" not in result.stderr


def test_in_a_real_process() -> None:
    process = run_module("validate", "--no-such-option", "x.yaml")
    assert process.returncode == 2
    assert process.stderr.splitlines() == [
        "Penggunaan: masterplan validate [OPTIONS] SPECS...",
        "Coba 'masterplan validate --help' untuk bantuan.", "",
        "Kesalahan: Opsi '--no-such-option' tidak ada."]
    assert "Traceback" not in process.stderr and "No such option" not in process.stderr
    process = run_module("validate", "--lang", "en", "--no-such-option", "x.yaml")
    assert process.returncode == 2
    assert "Error: No such option '--no-such-option'." in process.stderr


def test_every_template_translates_its_own_english() -> None:
    samples = {"value": "'x'", "choice": "'a'", "choices": "'a', 'b'", "number_type": "float",
               "range": "x>=1", "states": "0, 1", "name": "'--x'", "filename": "'f'",
               "nargs": "2", "args": "a b"}
    for english in TEMPLATES:
        text = english.replace("!r", "").format(**samples)
        assert translate(text) != text, english
        assert translate(text, "en") == text
    assert translate("something Click may say one day") == "something Click may say one day"
