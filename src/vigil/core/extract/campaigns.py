"""Campaign events: hunger strikes, gatherings, riots."""
from __future__ import annotations


def find_campaigns(ctx) -> list[dict]:
    return []
