"""masterplan: smart-city masterplan specs (YAML) to print-ready PDF, DOCX and HTML.

The public API is deliberately tiny; everything else is private and free to change.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
