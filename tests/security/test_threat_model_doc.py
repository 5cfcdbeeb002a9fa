"""The threat model names a test for every control; each named test must exist."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "security" / "threat-model.md"
NAMED = re.compile(r"(tests/[\w/]+\.py)::(test_\w+)")


def named_tests() -> list[tuple[str, str]]:
    return NAMED.findall(DOC.read_text(encoding="utf-8"))


def test_every_named_test_exists():
    named = named_tests()
    assert len(named) >= 20, "the threat model should name a test for each control"
    missing = [f"{path}::{name}" for path, name in named
               if not (ROOT / path).is_file()
               or not re.search(rf"^\s*(async\s+)?def {name}\(", (ROOT / path).read_text(encoding="utf-8"), re.M)]
    assert not missing, f"tests named in {DOC.name} but not in the tree: {missing}"


def test_every_control_row_names_a_test():
    rows = [line for line in DOC.read_text(encoding="utf-8").splitlines() if re.match(r"\|\s*\d+\s*\|", line)]
    assert rows and all(NAMED.search(row) for row in rows), "a control without a test"
