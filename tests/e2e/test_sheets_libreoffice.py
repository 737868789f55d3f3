"""The agencies' worksheets re-saved by LibreOffice (as a real spreadsheet client does) and
imported back, for every example: the spec validates, the edits are in, every comment is
still there and every untouched line is byte-identical."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import REPO, run_cli
from sheets_edit import EXAMPLES, round_trip

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]


def resave(source: Path, folder: Path, profile: Path) -> Path:
    executable = shutil.which("soffice") or shutil.which("libreoffice")
    if executable is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder.mkdir()
    done = subprocess.run(
        [executable, "--headless", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "xlsx",
         "--outdir", str(folder), str(source)],
        capture_output=True, text=True, timeout=300, start_new_session=True, check=False)
    target = folder / source.name
    assert target.is_file(), done.stderr
    return target


@pytest.mark.parametrize("example", EXAMPLES)
def test_libreoffice_round_trip(example: str, tmp_path: Path) -> None:
    profile = tmp_path / "profile"

    def by_libreoffice(edited: Path) -> Path:
        resaved = resave(edited, tmp_path / "lo", profile)
        assert resaved.read_bytes() != edited.read_bytes()  # really written by LibreOffice
        return resaved

    spec, workbook = round_trip(REPO / "examples" / example / "masterplan.yaml", tmp_path,
                                by_libreoffice)
    # an untouched workbook re-saved by LibreOffice changes nothing
    untouched = resave(workbook, tmp_path / "lo2", profile)
    result = run_cli("import", spec, untouched, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
