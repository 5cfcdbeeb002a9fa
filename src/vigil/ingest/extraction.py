"""Running the configured extractor over a document's working text."""
from __future__ import annotations

import os


def extractor_name() -> str:
    """The extractor chosen by configuration (``VIGIL_EXTRACTOR``, default ``rules``)."""
    return os.environ.get("VIGIL_EXTRACTOR", "rules")


def run_extractor(text: str, *, published: str | None, language: str | None) -> tuple[dict, str, str]:
    """Extract cases, groups, campaigns and claims; return (output, extractor name, version)."""
    from vigil.core import extract

    extractor = extract.get_extractor(extractor_name())
    output = extractor.extract(text, published=published, language=language)
    return output, extractor.name, extractor.version
