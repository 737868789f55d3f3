"""Zip packages (DOCX, XLSX) whose bytes depend only on the input.

python-docx and openpyxl stamp every entry with the current time; `normalise_zip` rewrites
a package with fixed entry times, attributes and order. Its own module, so that the
workbook writer (`generator.render.xlsx`) does not import the DOCX converter for it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from datetime import datetime


def zip_timestamp(moment: datetime) -> tuple[int, int, int, int, int, int]:
    """A zip entry time for `moment` (zip cannot store dates before 1980)."""
    if moment.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute,
            moment.second - moment.second % 2)


def normalise_zip(data: bytes, moment: datetime, order: Iterable[str] = ("[Content_Types].xml",
                                                                             )) -> bytes:
    """Rewrite a zip with fixed entry times, attributes and order: same input, same bytes.

    The libraries stamp every entry with the current time; here each gets `moment`, the
    entries named in `order` come first (``[Content_Types].xml`` must, for some readers)
    and the others follow in the order the library wrote them.
    """
    stamp = zip_timestamp(moment)
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        names = source.namelist()
        first = [name for name in order if name in names]
        for name in first + [n for n in names if n not in first]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # MS-DOS: no Unix permission bits to differ by umask
            info.external_attr = 0
            target.writestr(info, source.read(name))
    return output.getvalue()
