"""Shared plumbing for the book *From Aid to Assets*.

The analysis and chart code lives in the chapter notebooks; this package holds only what
several chapters share: data loading and validation, the chart theme, the offline figure
renderer and the explorers' logic.
"""

from .data import DataError, load
from . import figures  # noqa: F401  (registers the book's Altair renderer: theme.enable() uses it)

__all__ = ["DataError", "load"]
