"""Readers for the public US execution lists used to benchmark linkage.

DPIC's execution database (CSV), TDCJ's executed-offenders list with last statements
(pipe-delimited, some records spanning several lines) and an older TDCJ copy (CSV).
Each reader returns mentions in the shape of :mod:`vigil.core.link.records`; the row's
own identifier is kept in ``mention_id`` (``dpic:<row>``, ``tdcj:<execution no.>``,
``tdcj82:<row>``). A small private reader until :mod:`vigil.core.tabular` covers these.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

_TDCJ_START = re.compile(r"^\d+\|Offender Information\|")


def us_date(text: str) -> str | None:
    """ISO date from M/D/YYYY, or None."""
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", text or "")
    return f"{m[3]}-{int(m[1]):02d}-{int(m[2]):02d}" if m else None


def _age(text: str):
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


def read_dpic(path: str | Path, state: str | None = "TX") -> list[dict]:
    """DPIC rows (of one state, by default Texas) as mentions."""
    out = []
    with open(path, newline="", encoding="utf-8") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            if state and row["State"] != state:
                continue
            out.append({
                "mention_id": f"dpic:{i}", "source": "dpic", "independence_group": "dpic",
                "name": row["Name"], "date": us_date(row["Date"]), "age": _age(row["Age"]),
                "sex": row["Sex"] or None, "province": row["State"],
                "city": (row["County"] or "").strip() or None, "status": "executed",
            })
    return out


def tdcj_records(path: str | Path) -> list[list[str]]:
    """Records of the TDCJ pipe file: continuation lines joined, fields split."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    records: list[str] = []
    for line in lines[1:]:
        if _TDCJ_START.match(line) or not records:
            records.append(line)
        else:
            records[-1] += "\n" + line
    out = []
    for rec in records:
        parts = rec.split("|")
        out.append(parts[:2] + ["|".join(parts[2:-7])] + parts[-7:])
    return out


def read_tdcj(path: str | Path) -> list[dict]:
    """TDCJ executed offenders (last-statements list) as mentions."""
    out = []
    for number, _link, _statement, last, first, _tdcj, age, date, _race, county in (
        tdcj_records(path)
    ):
        out.append({
            "mention_id": f"tdcj:{number}", "source": "tdcj", "independence_group": "tdcj",
            "given": first.strip(), "surname": last.strip(), "date": us_date(date),
            "age": _age(age), "province": "TX", "city": county.strip() or None,
            "status": "executed",
        })
    return out


def read_tdcj_old(path: str | Path) -> list[dict]:
    """The older TDCJ copy (1982-2014, CSV) as mentions."""
    out = []
    with open(path, newline="", encoding="utf-8") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            out.append({
                "mention_id": f"tdcj82:{i}", "source": "tdcj82",
                "independence_group": "tdcj", "given": row["First Name"].strip(),
                "surname": row["Last Name"].strip(), "date": us_date(row["Date"]),
                "age": _age(row["Age"]), "province": "TX",
                "city": (row["County"] or "").strip() or None, "status": "executed",
            })
    return out
