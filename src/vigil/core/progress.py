"""Progress bars for long jobs: shown on a terminal, silent otherwise."""
from __future__ import annotations

import sys


def progress(iterable, **kwargs):
    from tqdm import tqdm

    return tqdm(iterable, disable=not sys.stderr.isatty(), **kwargs)
