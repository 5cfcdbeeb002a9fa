"""Shared runner for the atheris harnesses: ``python fuzz/atheris_X.py [libFuzzer options]``.

Each harness defines ``one_input(data: bytes)`` that must only ever raise the parser's
documented error; anything else (or a hang past libFuzzer's -timeout) is a finding.
Install with ``pip install atheris`` (needs a clang toolchain on some platforms).
"""
from __future__ import annotations

import sys


def text_of(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def run(one_input) -> None:
    import atheris

    atheris.instrument_all()
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
