"""Where the built-in templates and schemas are: inside the wheel, or in the source tree."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def templates_dir() -> Path:
    return _data_dir("templates")


def schemas_dir() -> Path:
    return _data_dir("schemas")


def fonts_dir() -> Path:
    """The bundled Carlito fonts (charts, PDF and DOCX all use them)."""
    return _PACKAGE / "fonts"


def package_dir() -> Path:
    return _PACKAGE
