"""Import plans: what importing a list would create, update, leave alone or refuse.

``plan_import`` compares the rows of a file with the records already stored for that
source (``record_id -> fields``). It is what ``--dry-run`` prints and what ``--update``
applies; it writes nothing itself.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .errors import RowError
from .rows import ImportRow


@dataclass
class Update:
    """A row whose record already exists, with ``field -> (stored, new)`` for each change."""

    row: ImportRow
    changes: dict[str, tuple[object, object]]


@dataclass
class ImportPlan:
    """Every row of a file, sorted into exactly one of the lists below."""

    file: str
    create: list[ImportRow] = field(default_factory=list)
    update: list[Update] = field(default_factory=list)
    unchanged: list[ImportRow] = field(default_factory=list)
    errors: list[ImportRow] = field(default_factory=list)
    skipped: list[ImportRow] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # stored ids absent from the file

    @property
    def rows_read(self) -> int:
        return (len(self.create) + len(self.update) + len(self.unchanged)
                + len(self.errors) + len(self.skipped))

    @property
    def error_messages(self) -> list[RowError]:
        return [e for row in self.errors for e in row.errors]

    def summary(self) -> str:
        return (f"{self.file}: {self.rows_read} records read: {len(self.create)} to create, "
                f"{len(self.update)} to update, {len(self.unchanged)} unchanged, "
                f"{len(self.errors)} with errors, {len(self.skipped)} skipped; "
                f"{len(self.missing)} stored records not in the file")


def build_plan(file: str, rows: list[ImportRow], existing: dict[str, dict] | None) -> ImportPlan:
    """Sort ``rows`` into a plan against ``existing`` (``None``: nothing stored yet)."""
    existing = existing or {}
    plan = ImportPlan(file)
    mark_duplicates(rows, file)
    for row in rows:
        _place(plan, row, existing)
    seen = {row.record_id for row in rows}
    plan.missing = [rid for rid in existing if rid not in seen]
    return plan


def _place(plan: ImportPlan, row: ImportRow, existing: dict[str, dict]) -> None:
    if row.skipped:
        plan.skipped.append(row)
    elif row.errors:
        plan.errors.append(row)
    elif row.record_id not in existing:
        plan.create.append(row)
    else:
        changes = diff_fields(existing[row.record_id], row.fields)
        if changes:
            plan.update.append(Update(row, changes))
        else:
            plan.unchanged.append(row)


def mark_duplicates(rows: list[ImportRow], file: str) -> None:
    """Give every row whose record id recurs an error naming all its lines."""
    lines: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        if row.record_id and not row.skipped:
            lines[row.record_id].append(row.line)
    for row in rows:
        where = lines.get(row.record_id, [])
        if len(where) > 1 and not row.skipped:
            others = ", ".join(str(n) for n in where if n != row.line)
            row.errors.append(RowError(
                file, row.line, "record_id", row.record_id,
                f"duplicate record id {row.record_id!r}: also on line {others}"))


def diff_fields(stored: dict, new: dict) -> dict[str, tuple[object, object]]:
    """Fields of ``new`` whose value differs from ``stored`` (other stored keys are ignored)."""
    return {k: (stored.get(k), v) for k, v in new.items() if _norm(stored.get(k)) != _norm(v)}


def _norm(value) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def format_plan(plan: ImportPlan, limit: int | None = 50) -> str:
    """Human-readable dry-run report: summary, every error, creates and field changes."""
    out = [plan.summary()]
    out += _section("errors", [str(e) for e in plan.error_messages], limit)
    out += _section("updates", [_update_line(u) for u in plan.update], limit)
    out += _section("new records", [f"line {r.line}: {r.record_id}" for r in plan.create], limit)
    out += _section("skipped", [f"line {r.line}: {r.skipped}" for r in plan.skipped], limit)
    out += _section("stored, not in the file", plan.missing, limit)
    return "\n".join(out)


def _update_line(update: Update) -> str:
    parts = "; ".join(f"{k}: {old!r} -> {new!r}" for k, (old, new) in update.changes.items())
    return f"line {update.row.line}: {update.row.record_id}: {parts}"


def _section(title: str, lines: list[str], limit: int | None) -> list[str]:
    if not lines:
        return []
    shown = lines if limit is None else lines[:limit]
    more = [f"  ... and {len(lines) - len(shown)} more"] if len(shown) < len(lines) else []
    return [f"{title} ({len(lines)}):"] + [f"  {line}" for line in shown] + more
