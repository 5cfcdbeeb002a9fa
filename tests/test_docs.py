"""The README and docs stay true to the code: links resolve, and the command table matches the CLI."""
from __future__ import annotations

import re
from pathlib import Path

from vigil.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[1]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def _docs() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def test_relative_links_resolve():
    broken = []
    for doc in _docs():
        for target in LINK.findall(doc.read_text(encoding="utf-8")):
            if "://" in target or target.startswith("mailto:"):
                continue
            if not (doc.parent / target).exists():
                broken.append(f"{doc.relative_to(ROOT)} -> {target}")
    assert broken == []


def _subcommands() -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return set(sub.choices)


def test_readme_command_table_matches_the_cli():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `vigil ([a-z-]+)", readme, flags=re.M))
    documented |= set(re.findall(r"`vigil ([a-z-]+) ", readme))
    commands = _subcommands()
    assert commands - documented == set(), "commands missing from the README"
    assert documented - commands == set(), "README documents commands that do not exist"


def test_command_reference_is_current():
    from vigil.cli.reference import reference

    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == reference(), \
        "docs/cli.md is stale: run python -m vigil.cli.reference > docs/cli.md"
