"""Plain-text and CSV renderings of figures and verdicts (the CLI and reports share them)."""
from __future__ import annotations

import csv
import json

from .figures import Figure

CSV_COLUMNS = ("figure", "by", "key", "value", "population", "rate", "per", "grades", "period", "definition")


def figure_table(fig: Figure, name: str = "", show_cases: bool = False) -> str:
    """A figure as readable lines: value, definition, unknowns, groups and drill-down."""
    lines = [f"{name or 'figure'}: {fig.value:,}"]
    if fig.period:
        p = fig.period
        lines.append(f"  period {p['start']}..{p['end']} ({p['days']} days), {fig.rate_per_day:g} per day;"
                     f" {fig.uncertain} partly dated in the period and {fig.undated} undated not counted")
    lines.append(f"  grades: {', '.join(fig.grades)}")
    unknown = ", ".join(f"{k} {v:.0%}" for k, v in fig.unknown.items() if v)
    lines.append(f"  unknown share: {unknown or 'none'}")
    lines.append(f"  definition: {fig.definition}")
    for group in fig.groups:
        lines.append(f"  {str(group['key']):<32} {group['value']:>8,}")
    if show_cases:
        lines.append(f"  cases: {' '.join(fig.case_ids)}")
    elif fig.case_ids:
        lines.append(f"  cases: {len(fig.case_ids)} (list them with --cases)")
    return "\n".join(lines)


def per_capita_table(result: dict) -> str:
    lines = [f"per capita (per {result['per']:,} inhabitants; {result['population_source']})"]
    for row in result["rates"]:
        rate = "—" if row["rate"] is None else f"{row['rate']:.3f}"
        lines.append(f"  {str(row['key']):<32} {row['value']:>8,} {rate:>10}")
    return "\n".join(lines)


def figure_rows(name: str, fig: Figure) -> list[dict]:
    """CSV rows of a figure: one for the total, one per group."""
    base = {"figure": name, "grades": "|".join(fig.grades), "definition": fig.definition,
            "period": f"{fig.period['start']}..{fig.period['end']}" if fig.period else ""}
    rows = [{**base, "by": "", "key": "total", "value": fig.value}]
    rows += [{**base, "by": fig.by, "key": g["key"], "value": g["value"]} for g in fig.groups]
    return rows


def per_capita_rows(result: dict) -> list[dict]:
    fig = Figure.from_dict(result["figure"])
    base = {"figure": "per_capita", "by": "province", "grades": "|".join(fig.grades),
            "definition": fig.definition + f" Population: {result['population_source']}"}
    return [{**base, **{k: row.get(k) for k in ("key", "value", "population", "rate", "per")}}
            for row in result["rates"]]


def write_csv(rows: list[dict], out) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def verdict_text(verdict: dict) -> str:
    """A verdict as a few readable lines."""
    claim = verdict["claim"]
    lines = [f"{verdict['verdict'].upper()}: {claim['text']}"]
    if verdict.get("computed") is not None:
        lines.append(f"  computed: {verdict['computed']:,} (range {verdict['computed_range'][0]:,}.."
                     f"{verdict['computed_range'][1]:,}; headline minimum {verdict['headline']:,})")
    if verdict.get("method"):
        lines.append(f"  method: {verdict['method']}")
    for finding in verdict.get("arithmetic", []):
        lines.append(f"  arithmetic: {finding}")
    for note in verdict.get("notes", []):
        lines.append(f"  note: {note}")
    if verdict.get("case_ids"):
        shown = " ".join(verdict["case_ids"][:20])
        more = len(verdict["case_ids"]) - 20
        lines.append(f"  cases: {shown}{f' … and {more} more' if more > 0 else ''}")
    return "\n".join(lines)


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def document_text(result: dict) -> str:
    """A checked document: each claim's verdict, then conflicts between claims."""
    parts = [verdict_text(v) for v in result["claims"]] or ["no claims with a counted figure found"]
    parts += [f"CONFLICT: {c}" for c in result["conflicts"]]
    return "\n\n".join(parts)


def diff_text(result: dict) -> str:
    """A snapshot diff as readable lines."""
    a, b = result["a"], result["b"]
    lines = [f"from '{a['name']}' ({a['taken_at']}) to '{b['name']}' ({b['taken_at']})"]
    if result["filter_changed"]:
        lines.append("  warning: the two snapshots use different filters")
    for name, change in result["figures"].items():
        if change["before"] != change["after"] or change["groups"]:
            lines.append(f"  {name}: {change['before']} → {change['after']}")
            lines += [f"    {k}: {v[0]} → {v[1]}" for k, v in change["groups"].items()]
    for title, key in (("entered", "entered"), ("left", "left")):
        lines.append(f"  {len(result[key])} case(s) {title}")
        lines += [f"    {c['case']}: {'; '.join(c['reasons'])}" for c in result[key]]
    return "\n".join(lines)
