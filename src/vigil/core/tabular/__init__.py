"""Importing other organisations' lists (CSV, TSV, pipe, JSON Lines, Excel).

Django-free: the functions here read a list through a mapping file and return plain
data; the Django layer stores each :class:`ImportRow` as a Mention of the source.

    mapping = load_mapping("dpic.toml")         # or builtin_mapping("dpic")
    for row in read_rows("list.csv", mapping):  # every record, errors attached
        ...
    plan = plan_import("list.csv", mapping, existing)   # --dry-run / --update
    print(format_plan(plan))
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .errors import MappingError, ReadError, RowError, TabularError
from .mapping import Mapping, check_columns, load_mapping
from .plan import ImportPlan, Update, build_plan, format_plan
from .readers import read_table
from .rows import ImportRow, map_record

__all__ = [
    "ImportPlan", "ImportRow", "Mapping", "MappingError", "ReadError", "RowError",
    "TabularError", "Update", "builtin_mapping", "builtin_mappings", "format_plan",
    "load_mapping", "plan_import", "read_rows",
]

MAPPINGS_DIR = Path(__file__).resolve().parent.parent / "data" / "mappings"


def read_rows(path: str | Path, mapping: Mapping | str | Path) -> Iterator[ImportRow]:
    """Every record of the list at ``path`` as an :class:`ImportRow`, in file order.

    Raises :class:`MappingError` or :class:`ReadError` at once (before iteration) when
    the mapping does not fit the file or the file cannot be read; row problems are
    attached to the rows instead.
    """
    mapping = mapping if isinstance(mapping, Mapping) else load_mapping(mapping)
    table = read_table(path, mapping)
    name = Path(path).name
    check_columns(mapping, table.columns, name)
    return (map_record(record, mapping, name) for record in table.records)


def plan_import(path: str | Path, mapping: Mapping | str | Path,
                existing: dict[str, dict] | None = None) -> ImportPlan:
    """Plan importing ``path``: rows to create, update (with diffs), unchanged, errors.

    ``existing`` maps the record ids already stored for this source to their fields.
    Duplicate record ids within the file are errors on every row that carries them.
    """
    return build_plan(Path(path).name, list(read_rows(path, mapping)), existing)


def builtin_mappings() -> list[str]:
    """Names of the mapping files shipped with Vigil (e.g. ``dpic``, ``tdcj``)."""
    return sorted(p.stem for p in MAPPINGS_DIR.glob("*.toml"))


def builtin_mapping(name: str) -> Mapping:
    """Load a shipped mapping by name; raise :class:`MappingError` if there is none."""
    path = MAPPINGS_DIR / f"{name}.toml"
    if not path.is_file():
        raise MappingError(f"no built-in mapping {name!r}; available: {', '.join(builtin_mappings())}")
    return load_mapping(path)
