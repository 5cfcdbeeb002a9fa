"""Importing another organisation's list: each valid row becomes a Mention of that source.

The list file itself is captured as an evidentiary Document; every row's Mention cites it
and the row's record id. Valid rows are written in one transaction; rows with errors are
reported (file, line, field) and written nowhere, or with ``strict`` nothing is written.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from vigil.core import tabular
from vigil.records import actions
from vigil.records.actions import Actor
from vigil.records.models import Mention, Source


class ImportRefused(Exception):
    """Strict import of a list with errors: nothing was written."""


@dataclass
class ImportReport:
    plan: tabular.ImportPlan
    applied: dict
    dry_run: bool

    def lines(self) -> list[str]:
        out = [self.plan.summary()]
        out += [str(error) for error in self.plan.error_messages]
        out += [f"{self.plan.file}:{row.line}: skipped: {row.skipped}" for row in self.plan.skipped]
        out += [f"{self.plan.file}:{u.row.line}: update {u.row.record_id}: " +
                ", ".join(f"{k} {a!r} -> {b!r}" for k, (a, b) in u.changes.items()) for u in self.plan.update]
        verb = "would write" if self.dry_run else "written"
        out.append(f"{verb}: " + ", ".join(f"{k} {v}" for k, v in self.applied.items()))
        return out


def mention_fields(row: tabular.ImportRow) -> dict:
    """What a row's Mention stores: typed fields plus every cell exactly as written."""
    return {**row.fields, "as_written": row.raw}


def existing_records(source: Source) -> dict[str, dict]:
    rows = Mention.objects.filter(source=source).exclude(record_id="").values_list("record_id", "data")
    return {rid: {k: v for k, v in data.items() if k != "as_written"} for rid, data in rows}


def import_list(path: Path, *, source: Source, mapping: tabular.Mapping, actor: Actor, dry_run: bool = False,
                update: bool = False, strict: bool = False) -> ImportReport:
    plan = tabular.plan_import(path, mapping, existing_records(source))
    if strict and plan.errors:
        raise ImportRefused(f"{path}: {len(plan.errors)} rows with errors; nothing imported")
    counts = {"created": len(plan.create), "updated": len(plan.update) if update else 0,
              "not updated (use --update)": 0 if update else len(plan.update)}
    if not dry_run:
        _apply(path, plan, source=source, actor=actor, update=update)
    return ImportReport(plan, counts, dry_run)


@transaction.atomic
def _apply(path: Path, plan: tabular.ImportPlan, *, source: Source, actor: Actor, update: bool) -> None:
    document, _ = actions.capture_document(Path(path).read_bytes(), source=source, actor=actor,
                                           origin_path=str(path), title=Path(path).name, media_type="text/csv")
    for row in plan.create + ([u.row for u in plan.update] if update else []):
        mention, _ = actions.add_list_row(source, row.record_id, mention_fields(row), actor=actor, update=update,
                                          reason=f"re-import of {plan.file} line {row.line}")
        if mention.document_id != document.pk:
            Mention.objects.filter(pk=mention.pk).update(document=document)
    actions.audit("list.import", actor, document, file=plan.file, created=len(plan.create),
                  updated=len(plan.update) if update else 0, errors=len(plan.errors))
