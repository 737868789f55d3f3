"""LibreOffice headless as a measuring tape: the page of every bookmark of a DOCX.

`--docx-toc pages` (the default) fills the page numbers of the table of contents without
Word: the converter writes the document once with a placeholder number in every entry
(`blocks.TOC_PLACEHOLDER`, as wide as any real one, so the real numbers never make an
entry longer), LibreOffice lays that document out and exports it as a PDF whose named
destinations are the bookmarks (``ExportBookmarksToPDFDestination``), and the converter
writes the document again with the page of each entry's bookmark. LibreOffice only measures:
the DOCX is always ours, byte for byte the same for the same input and the same LibreOffice.

Each call starts LibreOffice with a user profile of its own in a temporary folder (batch
workers never share one; a fresh profile costs ~0.1 s), in a session of its own, and kills
the whole session when it overruns `TIMEOUT`. Everything that can go wrong is a
`LibreOfficeError` with a reason, which the caller turns into a warning: the DOCX is then
written without page numbers, never not written.

The temporary DOCX and PDF are LibreOffice's working files, not output: they live in a
`tempfile.TemporaryDirectory` and are gone when the call returns.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

#: Seconds LibreOffice may take to lay out one document (the complete example: ~4 s).
TIMEOUT = 120.0
#: PDF export with every bookmark as a named destination (LibreOffice 7.4 and later read
#: filter options as JSON on the command line).
PDF_FILTER = ('pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":'
              '{"type":"boolean","value":"true"}}')


class LibreOfficeError(Exception):
    """LibreOffice could not measure the document; `reason` says why, in English."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def executable() -> str | None:
    """The LibreOffice command on the PATH (``soffice``, or ``libreoffice``), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def bookmark_pages(docx: bytes, soffice: str, timeout: float = TIMEOUT) -> dict[str, int]:
    """The page (1-based, as LibreOffice numbers and prints it) of every bookmark of the
    DOCX `docx`, laid out by LibreOffice `soffice`."""
    with tempfile.TemporaryDirectory(prefix="masterplan-libreoffice-") as folder:
        root = Path(folder)
        source, outdir = root / "document.docx", root / "pdf"
        source.write_bytes(docx)
        run([soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
             "--nolockcheck", f"-env:UserInstallation={(root / 'profile').as_uri()}",
             "--convert-to", PDF_FILTER, "--outdir", str(outdir), str(source)], timeout)
        pdf = outdir / "document.pdf"
        if not pdf.is_file():
            raise LibreOfficeError("LibreOffice wrote no PDF")
        return destination_pages(pdf.read_bytes())


def run(command: list[str], timeout: float) -> None:
    """`command` in a session of its own (LibreOffice's soffice.bin is a grandchild of the
    command), killed with everything it started after `timeout` seconds."""
    try:
        process = subprocess.Popen(  # noqa: S603  (LibreOffice from the PATH, our own files)
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            start_new_session=True)
    except OSError as error:
        raise LibreOfficeError(f"LibreOffice cannot be started ({error})") from None
    try:
        _out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_session(process.pid)
        process.communicate()
        raise LibreOfficeError(f"LibreOffice took more than {timeout:g} s") from None
    except BaseException:  # an interrupt: leave nothing running
        _kill_session(process.pid)
        process.communicate()
        raise
    if process.returncode != 0:
        last = " ".join(err.decode("utf-8", "replace").split())[-200:]
        raise LibreOfficeError(f"LibreOffice ended with code {process.returncode}"
                               + (f": {last}" if last else ""))


def _kill_session(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def destination_pages(pdf: bytes) -> dict[str, int]:
    """Named destination → 1-based page of a PDF LibreOffice exported; each name both as
    written and decoded (`destination_name`)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:
        raise LibreOfficeError("pypdf is not installed") from None
    try:
        reader = PdfReader(io.BytesIO(pdf))
        pages: dict[str, int] = {}
        for name, destination in reader.named_destinations.items():
            index = reader.get_destination_page_number(destination)
            if index is not None and index >= 0:
                pages[str(name).lstrip("/")] = index + 1
    except (PyPdfError, ValueError, KeyError, TypeError) as error:
        raise LibreOfficeError(f"the PDF of LibreOffice cannot be read ({error})") from None
    if not pages:
        raise LibreOfficeError("the PDF of LibreOffice has no named destinations "
                               "(LibreOffice older than 7.4?)")
    return pages


def destination_name(bookmark: str) -> str:
    """The name LibreOffice gives bookmark `bookmark` in a PDF: letters, digits and ``-``
    as they are, every other character as the hex digits of its code, without the ``#``
    of PDF's escape (``_h_2`` → ``5Fh5F2``)."""
    return "".join(c if c.isascii() and (c.isalnum() or c == "-") else f"{ord(c):02X}"
                   for c in bookmark)


def page_of(pages: dict[str, int], bookmark: str) -> int | None:
    """The page of `bookmark` among LibreOffice's destinations, or None."""
    found = pages.get(destination_name(bookmark))
    return found if found is not None else pages.get(bookmark)
