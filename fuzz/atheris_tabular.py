"""Fuzz vigil.core.tabular (CSV lists and TOML mappings):
``python fuzz/atheris_tabular.py -max_total_time=600 -timeout=30``."""
from __future__ import annotations

import tempfile
from pathlib import Path

from _harness import run

from vigil.core import tabular

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "vigil" / "sample" / "lists" / "sample-list.toml"
WORK = Path(tempfile.mkdtemp(prefix="vigil-fuzz-"))


def one_input(data: bytes) -> None:
    target = WORK / ("m.toml" if data[:1] == b"M" else "l.csv")
    target.write_bytes(data[1:])
    try:
        if target.suffix == ".toml":
            tabular.load_mapping(target)
        else:
            tabular.plan_import(target, tabular.load_mapping(SAMPLE), {})
    except tabular.TabularError:
        pass


if __name__ == "__main__":
    run(one_input)
