"""Province populations (packaged data) and per-capita rates."""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "province_population.tsv"


@lru_cache(maxsize=1)
def province_population() -> dict[str, int]:
    """Population of each of Iran's 31 provinces by English name (2016 census)."""
    with open(DATA, encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return {row["province"]: int(row["population"]) for row in csv.DictReader(lines, delimiter="\t")}


def census_note() -> str:
    """The header line naming the census the figures come from."""
    with open(DATA, encoding="utf-8") as handle:
        return handle.readline().lstrip("# ").strip()


def per_capita(groups: list[dict], per: int = 1_000_000) -> list[dict]:
    """Rate per ``per`` inhabitants for each province group; unknown provinces get ``rate: None``."""
    population = province_population()
    out = []
    for group in groups:
        people = population.get(group["key"])
        rate = round(group["value"] * per / people, 3) if people else None
        out.append({**group, "population": people, "rate": rate, "per": per})
    return sorted(out, key=lambda g: (g["rate"] is None, -(g["rate"] or 0), str(g["key"])))
