"""Error types of list imports.

File-level problems raise a :class:`TabularError` subclass; problems in one row never
raise, they become :class:`RowError` values attached to that row so nothing vanishes.
"""
from __future__ import annotations

from dataclasses import dataclass


class TabularError(Exception):
    """Base class of every error this package raises on purpose."""


class MappingError(TabularError):
    """The mapping file is unreadable, invalid, or does not fit the list's columns."""


class ReadError(TabularError):
    """The list file cannot be read at all (missing, not a workbook, no header...)."""


@dataclass(frozen=True)
class RowError:
    """One problem in one row: where it is, which field, which value, what is wrong."""

    file: str
    line: int
    field: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        if self.field:
            return f"{where}: field '{self.field}': {self.message}"
        return f"{where}: {self.message}"
