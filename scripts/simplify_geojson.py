#!/usr/bin/env python3
"""Simplify Iran's province boundaries for the site's map (run once; the output is shipped).

    python scripts/simplify_geojson.py /work/shared/data/geo/iran_provinces.geojson \
        src/vigil/publish/data/iran_provinces.simplified.geojson

Topology-aware Douglas–Peucker in pure Python: a vertex where the set of provinces sharing
it changes is a *junction* and is always kept; the stretches between junctions are
simplified on their own, so a border shared by two provinces is simplified the same way on
both sides (no gaps or overlaps along it). Small islands are dropped, coordinates rounded
to 3 decimals (about 100 m). The source is © OpenStreetMap contributors, ODbL; the output
is a derived database under the same licence.
"""
from __future__ import annotations

import json
import math
import sys
from collections import defaultdict

TOLERANCE = 0.01     # degrees (~1 km)
MIN_AREA = 0.01      # square degrees: smaller islands are dropped
DECIMALS = 3


def _distance(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - x1 - t * dx, y - y1 - t * dy)


def douglas_peucker(points: list, tolerance: float) -> list:
    """Keep the end points and every point farther than ``tolerance`` from the simplified line."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        lo, hi = stack.pop()
        best, index = 0.0, None
        for i in range(lo + 1, hi):
            d = _distance(points[i], points[lo], points[hi])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(lo, index), (index, hi)]
    return [p for p, k in zip(points, keep) if k]


def _area(ring: list) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:]))) / 2


def _polygons(feature: dict) -> list:
    geom = feature["geometry"]
    return geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]


def _owners(features: list) -> dict:
    owners = defaultdict(set)
    for fid, feature in enumerate(features):
        for polygon in _polygons(feature):
            for ring in polygon:
                for point in ring:
                    owners[tuple(point)].add(fid)
    return owners


def simplify_ring(ring: list, owners: dict) -> list:
    """Simplify one closed ring, keeping junction vertices so shared borders match."""
    pts = [tuple(p) for p in ring[:-1]]
    n = len(pts)
    junctions = [i for i in range(n) if owners[pts[i]] != owners[pts[i - 1]] or owners[pts[i]] != owners[pts[(i + 1) % n]]]
    if not junctions:
        junctions = [0]
    out = []
    for k, start in enumerate(junctions):
        end = junctions[(k + 1) % len(junctions)]
        stretch = [pts[i % n] for i in range(start, end + (n if end <= start else 0) + 1)]
        out.extend(douglas_peucker(stretch, TOLERANCE)[:-1])
    out = [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in out]
    out = [p for i, p in enumerate(out) if i == 0 or p != out[i - 1]]
    return out + [out[0]] if len(out) >= 3 else []


def simplify(collection: dict) -> dict:
    features = collection["features"]
    owners = _owners(features)
    out = []
    for feature in features:
        polygons = []
        for polygon in _polygons(feature):
            if _area(polygon[0]) < MIN_AREA:
                continue
            rings = [simplify_ring(polygon[0], owners)]
            rings += [r for r in (simplify_ring(h, owners) for h in polygon[1:] if _area(h) >= MIN_AREA) if r]
            if rings[0]:
                polygons.append(rings)
        props = feature["properties"]
        out.append({"type": "Feature", "properties": {
            "name_en": props.get("name:en", ""), "name_fa": props.get("name", "").strip("\u200e\u200f"),
            "iso_old": props.get("ISO3166-2", ""), "wikidata": props.get("wikidata", "")},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    return {"type": "FeatureCollection",
            "license": "ODbL 1.0; © OpenStreetMap contributors, https://www.openstreetmap.org/copyright",
            "source": "Mapzen fences-builder 0.1.2 (2016-01-09) from OpenStreetMap, simplified by scripts/simplify_geojson.py",
            "features": out}


def main(argv: list[str]) -> None:
    source, target = argv[1], argv[2]
    with open(source, encoding="utf-8") as fh:
        data = simplify(json.load(fh))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    with open(target, "w", encoding="utf-8") as fh:
        fh.write(text)
    points = sum(len(r) for f in data["features"] for p in f["geometry"]["coordinates"] for r in p)
    print(f"{len(data['features'])} features, {points} points, {len(text.encode())} bytes")


if __name__ == "__main__":
    main(sys.argv)
