"""The command reference (docs/cli.md), generated from the argument parser itself.

``python -m vigil.cli.reference > docs/cli.md`` rewrites it; a test fails when it is stale.
"""
from __future__ import annotations

import argparse
import os

from vigil.cli.main import build_parser


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def reference() -> str:
    os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal width: fix it for a stable file
    parser = build_parser()
    parts = ["# Command reference", "",
             "Generated from the `vigil` argument parser by `python -m vigil.cli.reference`; "
             "a test keeps it current.", ""]
    for name, sub in _subparsers(parser).items():
        sub.prog = f"vigil {name}"
        parts += [f"## vigil {name}", "", "```", sub.format_help().rstrip(), "```", ""]
        for child, subsub in _subparsers(sub).items():
            subsub.prog = f"vigil {name} {child}"
            parts += [f"### vigil {name} {child}", "", "```", subsub.format_help().rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference(), end="")
