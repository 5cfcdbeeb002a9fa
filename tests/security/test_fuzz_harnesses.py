"""The atheris harnesses in fuzz/ run on seed inputs without atheris (so they cannot rot)."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from tests.security.conftest import sqlite_pass_only

pytestmark = sqlite_pass_only

FUZZ = Path(__file__).resolve().parents[2] / "fuzz"
HARNESSES = sorted(p.stem for p in FUZZ.glob("atheris_*.py"))
SEEDS = [b"", b"\x00", b"\xff\xfe\xfd", b"MAli Karimi was executed on 12 May 2024 in Qezelhesar prison",
         "\x01اعدام در زندان قزلحصار ۱۲ اردیبهشت ۱۴۰۳".encode(), b"\x01<html><body><p>x</p></body></html>",
         b'\x02<?xml version="1.0"?><rss><channel><item><title>t</title></item></channel></rss>',
         b"\x02%PDF-1.4\n1 0 obj<<>>endobj", b"Mformat = 'csv'\n[fields]\nname = '{A}'\n"]


@pytest.mark.parametrize("name", HARNESSES)
def test_harness_runs_on_seeds(name, monkeypatch):
    monkeypatch.syspath_prepend(str(FUZZ))
    module = importlib.import_module(name)
    for seed in SEEDS:
        module.one_input(seed)
    sys.modules.pop(name, None)


def test_every_parser_has_a_harness():
    assert {"atheris_dates", "atheris_names", "atheris_extract", "atheris_reading", "atheris_feeds",
            "atheris_tabular"} <= set(HARNESSES)
