"""Name helpers for the records layer, over :mod:`vigil.core.names`.

``script_of`` keeps the records' two-valued vocabulary for ``PersonName.script``:
``persian`` when the name has any Arabic-script letter, else ``latin``.
"""
from __future__ import annotations

from vigil.core import names
from vigil.core.names import name_key

__all__ = ["name_key", "script_of"]


def script_of(name: str) -> str:
    return "persian" if names.script_of(name or "") in ("fa", "mixed") else "latin"
