"""Chart geometry for server-side inline SVG (the templates draw it; nothing runs in the browser).

Functions take figure groups (``[{'key', 'value'}]``) and return plain dicts of numbers and
labels; ``templates/vigil/_bars.html`` and ``_columns.html`` turn them into SVG, with
Django's autoescaping on every label.
"""
from __future__ import annotations

from typing import Callable

WIDTH = 640
BAR_HEIGHT = 22
LABEL_WIDTH = 220
VALUE_WIDTH = 60


def bars(groups: list[dict], label: Callable[[str], str], *, rtl: bool = False, limit: int = 15) -> dict:
    """Horizontal bars, largest first (groups beyond ``limit`` are summed as 'other')."""
    rows = list(groups[:limit])
    rest = sum(g["value"] for g in groups[limit:])
    top = max((g["value"] for g in rows), default=0) or 1
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    out = []
    for i, g in enumerate(rows):
        length = round(span * g["value"] / top, 1)
        y = i * BAR_HEIGHT
        if rtl:
            out.append({"key": g["key"], "label": label(g["key"]), "value": g["value"], "y": y, "w": length,
                        "x": WIDTH - LABEL_WIDTH - length, "label_x": WIDTH - LABEL_WIDTH + 6,
                        "value_x": WIDTH - LABEL_WIDTH - length - 4, "label_anchor": "start", "value_anchor": "end"})
        else:
            out.append({"key": g["key"], "label": label(g["key"]), "value": g["value"], "y": y, "w": length,
                        "x": LABEL_WIDTH, "label_x": LABEL_WIDTH - 6, "value_x": LABEL_WIDTH + length + 4,
                        "label_anchor": "end", "value_anchor": "start"})
    return {"width": WIDTH, "height": max(len(out), 1) * BAR_HEIGHT, "bars": out, "rest": rest,
            "text_y": BAR_HEIGHT * 0.68, "bar_h": BAR_HEIGHT - 6, "empty": not out}


def _next_key(key: str) -> str:
    if len(key) == 4:
        return str(int(key) + 1)
    y, m = int(key[:4]), int(key[5:7])
    return f"{y + m // 12}-{m % 12 + 1:02d}"


def fill_gaps(groups: list[dict], limit: int = 600) -> list[dict]:
    """Years (YYYY) or months (YYYY-MM) in order with the missing ones as zero."""
    if not groups:
        return []
    values = {g["key"]: g["value"] for g in groups}
    keys, key = [], groups[0]["key"]
    while key <= groups[-1]["key"] and len(keys) < limit:
        keys.append(key)
        key = _next_key(key)
    return [{"key": k, "value": values.get(k, 0)} for k in keys]


def columns(groups: list[dict], *, height: int = 200, max_labels: int = 12) -> dict:
    """Vertical columns in key order (years or months); 'unknown' is left out and reported."""
    dated = fill_gaps(sorted((g for g in groups if g["key"] != "unknown"), key=lambda g: g["key"]))
    unknown = sum(g["value"] for g in groups if g["key"] == "unknown")
    top = max((g["value"] for g in dated), default=0) or 1
    plot = height - 30
    step = (WIDTH - 40) / max(len(dated), 1)
    every = max(1, -(-len(dated) // max_labels))
    out = []
    for i, g in enumerate(dated):
        h = round(plot * g["value"] / top, 1)
        x = round(20 + i * step, 1)
        out.append({"key": g["key"], "value": g["value"], "x": x, "w": round(max(step - 2, 1), 1),
                    "y": round(10 + plot - h, 1), "h": h, "cx": round(x + step / 2, 1),
                    "show_label": i % every == 0})
    return {"width": WIDTH, "height": height, "columns": out, "unknown": unknown,
            "base_y": 10 + plot, "label_y": height - 6, "top": top, "empty": not out}
