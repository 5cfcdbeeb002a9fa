"""Charts of the report as inline SVG (WeasyPrint draws them as vector images in the PDF)."""
from __future__ import annotations

from html import escape

BAR = "#b23a48"
GRID = "#cccccc"
FONT = "font-family=\"Vazirmatn, 'Noto Sans Arabic', 'Noto Sans', 'DejaVu Sans', sans-serif\""


def columns(rows: list[dict], *, width: int = 640, height: int = 220, rtl: bool = False) -> str:
    """Vertical bars, one per row ``{'label', 'value', 'text'}`` (text: the formatted value)."""
    if not rows:
        return ""
    top = max(r["value"] for r in rows) or 1
    pad_b, pad_t = 34, 18
    slot = width / len(rows)
    bars = []
    for i, row in enumerate(reversed(rows) if rtl else rows):
        h = (height - pad_b - pad_t) * row["value"] / top
        x = i * slot + slot * 0.15
        y = height - pad_b - h
        bars.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" fill="{BAR}"/>'
                    f'<text x="{x + slot * 0.35:.1f}" y="{y - 4:.1f}" font-size="10" text-anchor="middle">'
                    f'{escape(row["text"])}</text>'
                    f'<text x="{x + slot * 0.35:.1f}" y="{height - pad_b + 14:.1f}" font-size="9" '
                    f'text-anchor="middle">{escape(row["label"])}</text>')
    axis = f'<line x1="0" y1="{height - pad_b}" x2="{width}" y2="{height - pad_b}" stroke="{GRID}"/>'
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" {FONT}>{axis}{"".join(bars)}</svg>')


def hbars(rows: list[dict], *, width: int = 640, bar_height: int = 18, rtl: bool = False, label_width: int = 230) -> str:
    """Horizontal bars with their labels, largest first as given."""
    if not rows:
        return ""
    top = max(r["value"] for r in rows) or 1
    span = width - label_width - 50
    height = bar_height * len(rows) + 6
    parts = []
    for i, row in enumerate(rows):
        y = i * bar_height + 3
        w = span * row["value"] / top
        if rtl:
            x0 = width - label_width - w
            parts.append(f'<text x="{width - 4}" y="{y + bar_height * 0.7:.1f}" font-size="11" text-anchor="end" '
                         f'direction="rtl">{escape(row["label"])}</text>'
                         f'<rect x="{x0:.1f}" y="{y}" width="{w:.1f}" height="{bar_height - 5}" fill="{BAR}"/>'
                         f'<text x="{x0 - 4:.1f}" y="{y + bar_height * 0.7:.1f}" font-size="10" text-anchor="end">'
                         f'{escape(row["text"])}</text>')
        else:
            parts.append(f'<text x="4" y="{y + bar_height * 0.7:.1f}" font-size="11">{escape(row["label"])}</text>'
                         f'<rect x="{label_width}" y="{y}" width="{w:.1f}" height="{bar_height - 5}" fill="{BAR}"/>'
                         f'<text x="{label_width + w + 4:.1f}" y="{y + bar_height * 0.7:.1f}" font-size="10">'
                         f'{escape(row["text"])}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" {FONT}>{"".join(parts)}</svg>')


def province_map(groups: list[dict]) -> str:
    """A choropleth of Iran's provinces from the public site's map module, or '' when it is absent."""
    try:
        from vigil.publish.geo import choropleth
    except ImportError:
        return ""
    try:
        data = choropleth(groups)
    except Exception:  # noqa: BLE001 - a missing map file must not stop the report
        return ""
    paths = "".join(f'<path d="{r["d"]}" fill="{r["fill"]}" stroke="#ffffff" stroke-width="0.6">'
                    f'<title>{escape(r["name"])}: {r["value"]}</title></path>' for r in data["regions"])
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="map" width="{data["width"]}" height="{data["height"]}" '
            f'viewBox="0 0 {data["width"]} {data["height"]}">{paths}</svg>')
