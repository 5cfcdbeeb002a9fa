"""A synthetic "other organisation's list" (CSV) and its import mapping (TOML).

The bundled ``vigil/sample/lists/`` files are made by ``write_sample_list`` so they can be
regenerated and checked: ``list_rows(30, seed=11)`` always gives the same rows.
"""
from __future__ import annotations

import csv
import datetime as dt
from itertools import islice
from pathlib import Path

from .mentions import generate_mentions

COLUMNS = ("Record No", "First Name", "Last Name", "Father", "Status", "Date", "Prison",
           "City", "Province", "Age", "Charges", "Sex", "Nationality")
STATUS_WORDS = {"executed": "Executed", "sentenced": "Sentenced", "upheld": "Upheld",
                "at_risk": "At risk", "halted": "Halted", "commuted": "Commuted",
                "forgiven": "Forgiven"}
SOURCE = "Sepid Rights Watch"

MAPPING = '''# Import mapping for the synthetic sample list (sample-list.csv), in the format of
# docs/import-mapping.md. The list stands for an NGO's spreadsheet of cases.
format = "csv"
delimiter = ","
encoding = "utf-8"
date_format = "%d/%m/%Y"
record_id = "SRW-{Record No}"
required = ["name", "status"]

[fields]
name = "{First Name} {Last Name}"
given = "{First Name}"
surname = "{Last Name}"
father_name = "{Father}"
status = "{Status}"
date = { template = "{Date}", type = "date" }
prison = "{Prison}"
city = "{City}"
province = "{Province}"
age = { template = "{Age}", type = "int" }
charges = "{Charges}"
sex = "{Sex}"
nationality = "{Nationality}"
country = "IR"

[values.status]
Executed = "executed"
Sentenced = "sentenced"
Upheld = "upheld"
"At risk" = "at_risk"
Halted = "halted"
Commuted = "commuted"
Forgiven = "forgiven"

[values.sex]
M = "m"
F = "f"
'''


def _row(m: dict, number: int) -> dict:
    date = dt.date.fromisoformat(m["date"]).strftime("%d/%m/%Y")
    return {
        "Record No": str(number), "First Name": m["given"], "Last Name": m["surname"],
        "Father": m["father_name"] or "", "Status": STATUS_WORDS[m["status"]], "Date": date,
        "Prison": m["prison"] or "", "City": m["city"] or "", "Province": m["province"] or "",
        "Age": "" if m["age"] is None else str(m["age"]), "Charges": ";".join(m["charges"]),
        "Sex": (m["sex"] or "").upper(), "Nationality": m["nationality"] or "",
    }


def _wanted(n: int, seed: int):
    """The NGO's Latin-script, fully dated mentions (from the 63 common surnames, like the
    report corpus and the bundled sample list)."""
    return (m for m in generate_mentions(50 * n + 1000, seed, wide_surnames=False)
            if m["source"] == SOURCE and m["name_script"] == "latin"
            and m["date_precision"] == "day")


def list_rows(n: int = 30, seed: int = 11) -> list[dict]:
    """``n`` list rows of one synthetic NGO: Latin-script mentions with a full date."""
    wanted = _wanted(n, seed)
    rows = [_row(m, 1000 + i) for i, m in enumerate(islice(wanted, n))]
    rows.sort(key=lambda r: dt.datetime.strptime(r["Date"], "%d/%m/%Y"))
    return rows


def list_truth(n: int = 30, seed: int = 11) -> dict[str, str]:
    """Record No → true person id, for checking linkage of the sample list."""
    wanted = _wanted(n, seed)
    return {str(1000 + i): m["true_person"] for i, m in enumerate(islice(wanted, n))}


def write_sample_list(directory, n: int = 30, seed: int = 11) -> tuple[Path, Path]:
    """Write ``sample-list.csv`` and ``sample-list.toml`` into ``directory``."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    csv_path, toml_path = out / "sample-list.csv", out / "sample-list.toml"
    with open(csv_path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(list_rows(n, seed))
    toml_path.write_text(MAPPING, encoding="utf-8")
    return csv_path, toml_path
