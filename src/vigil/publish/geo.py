"""The province map: the packaged simplified GeoJSON projected once to SVG paths.

Projection: equirectangular with x scaled by cos(32.5°) (Iran's middle latitude), which is
close enough at this scale and needs no library. Features are matched to the gazetteer by
their pre-2020 ISO code, falling back to the English name.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from vigil.core import gazetteer

ATTRIBUTION = "© OpenStreetMap contributors, ODbL"
ATTRIBUTION_URL = "https://www.openstreetmap.org/copyright"
WIDTH = 600
PALETTE = ("#fde0c5", "#facba6", "#f59e72", "#e76f51", "#b23a48", "#6d1a36")
NO_DATA = "#e8e8e8"


@lru_cache(maxsize=1)
def _features() -> list[dict]:
    text = resources.files("vigil.publish").joinpath("data/iran_provinces.simplified.geojson").read_text("utf-8")
    return json.loads(text)["features"]


def _province_for(props: dict):
    provinces = list(gazetteer.provinces())
    by_code = {p.old_code: p for p in provinces}
    by_name = {p.name.lower(): p for p in provinces}
    return by_name.get(props["name_en"].lower()) or by_code.get(props["iso_old"])


@lru_cache(maxsize=1)
def shapes() -> dict:
    """``{'width', 'height', 'provinces': [{'name', 'name_fa', 'code', 'd'}]}`` (computed once)."""
    feats = _features()
    points = [pt for f in feats for poly in f["geometry"]["coordinates"] for ring in poly for pt in ring]
    kx = math.cos(math.radians(32.5))
    xs = [x * kx for x, _ in points]
    ys = [y for _, y in points]
    x0, y1 = min(xs), max(ys)
    scale = WIDTH / (max(xs) - x0)
    height = round((y1 - min(ys)) * scale)
    out = []
    for f in feats:
        province = _province_for(f["properties"])
        d = " ".join(
            "M" + "L".join(f"{(x * kx - x0) * scale:.1f},{(y1 - y) * scale:.1f}" for x, y in ring[:-1]) + "Z"
            for poly in f["geometry"]["coordinates"] for ring in poly)
        out.append({"name": province.name if province else f["properties"]["name_en"],
                    "name_fa": province.name_fa if province else f["properties"]["name_fa"],
                    "code": province.code if province else "", "d": d})
    return {"width": WIDTH, "height": height, "provinces": out}


def choropleth(groups: list[dict]) -> dict:
    """Map shapes with a fill per province from its count (6 equal-width classes up to the
    maximum; provinces with no recorded case are grey), plus the legend."""
    counts = {g["key"]: g["value"] for g in groups}
    top = max((v for k, v in counts.items() if k != "unknown"), default=0)
    base = shapes()
    regions = []
    for shape in base["provinces"]:
        n = counts.get(shape["name"], 0)
        cls = min(len(PALETTE) - 1, int(len(PALETTE) * n / top)) if n and top else None
        regions.append({**shape, "value": n, "fill": PALETTE[cls] if cls is not None else NO_DATA})
    k = len(PALETTE)
    legend = [{"fill": c, "low": max(1, math.ceil(i * top / k)),
               "high": top if i == k - 1 else math.ceil((i + 1) * top / k) - 1} for i, c in enumerate(PALETTE)]
    legend = [item for item in legend if top and item["low"] <= item["high"]]
    return {"width": base["width"], "height": base["height"], "regions": regions, "legend": legend,
            "unplaced": counts.get("unknown", 0), "attribution": ATTRIBUTION, "attribution_url": ATTRIBUTION_URL}
