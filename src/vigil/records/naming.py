"""Name helpers for the records layer: the core's cross-script key when available."""
from __future__ import annotations

import re
import unicodedata

_PERSIAN = re.compile(r"[\u0600-\u06FF]")


def script_of(name: str) -> str:
    return "persian" if _PERSIAN.search(name or "") else "latin"


def name_key(name: str) -> str:
    """Cross-script key of a name (vigil.core.names), with a plain fallback."""
    try:
        from vigil.core.names import name_key as core_key
    except ImportError:
        return " ".join(unicodedata.normalize("NFKC", name or "").casefold().split())
    return core_key(name)
