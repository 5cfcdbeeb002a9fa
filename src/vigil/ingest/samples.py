"""The bundled sample reports (the project's own summaries of real, public cases)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path


def sample_dir() -> Path:
    return Path(str(resources.files("vigil.sample")))


def sample_reports() -> Iterator[tuple[Path, dict]]:
    """(path, metadata) for each bundled sample report, in a stable order."""
    base = sample_dir() / "reports"
    meta = json.loads((base / "sources.json").read_text(encoding="utf-8"))
    entries = meta if isinstance(meta, list) else [dict(file=k, **v) for k, v in meta.items()]
    for entry in sorted(entries, key=lambda e: e["file"]):
        yield base / entry["file"], entry
