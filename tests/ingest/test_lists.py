"""Importing the real US lists: every row accounted for, counts equal to the file's, re-import updates."""
from __future__ import annotations

import csv
from collections import Counter

import pytest

from vigil.core import tabular
from vigil.ingest.lists import ImportRefused, import_list
from vigil.records.actions import ensure_source
from vigil.records.models import AuditEvent, Document, Mention

pytestmark = pytest.mark.django_db


def _dpic_year_counts(path) -> Counter:
    with open(path, newline="", encoding="utf-8") as handle:
        return Counter(row["Date"][-4:] for row in csv.DictReader(handle) if row["Date"].strip())


def test_dpic_every_row_accounted_for(shared_dir, actor, evidence_dir):
    path = shared_dir / "data/us/dpic_execution_database.csv"
    source = ensure_source("DPIC", actor, kind="list")
    report = import_list(path, source=source, mapping=tabular.builtin_mapping("dpic"), actor=actor)
    assert report.plan.rows_read == 1492
    assert (len(report.plan.create), len(report.plan.errors)) == (1490, 2)
    assert all(e.line and e.field for e in report.plan.error_messages)
    mentions = Mention.objects.filter(source=source)
    assert mentions.count() == 1490
    years = Counter(m.data["date"][:4] for m in mentions)
    assert years == _dpic_year_counts(path)
    graham = next(m for m in mentions if "Sankofa" in m.data["name"])
    assert graham.data["name"] == "Shaka Sankofa (Gary Graham)"
    assert graham.data["as_written"]["Date"] == "06/22/2000"
    assert graham.document.sha256 == Document.objects.get().sha256 and graham.record_id


def test_reimport_with_update_changes_records_instead_of_duplicating(tmp_path, actor, evidence_dir):
    mapping_path = tmp_path / "m.toml"
    mapping_path.write_text('delimiter = "|"\ndate_format = "%m/%d/%Y"\nrecord_id = "{Execution}"\n'
                            '[fields]\nname = "{First Name} {Last Name}"\ndate = "{Date}"\nage = "{Age}"\n'
                            'status = "executed"\ncountry = "US"\n', encoding="utf-8")
    mapping = tabular.load_mapping(mapping_path)
    header = "Execution|First Name|Last Name|Date|Age\n"
    listing = tmp_path / "list.psv"
    listing.write_text(header + "1|Ann|Smith|01/02/2003|40\n2|Bob|Jones|02/03/2004|41\n", encoding="utf-8")
    source = ensure_source("Texas list", actor, kind="list")
    import_list(listing, source=source, mapping=mapping, actor=actor)
    listing.write_text(header + "1|Ann|Smith|01/02/2003|42\n2|Bob|Jones|02/03/2004|41\n3|Cy|Lee|bad|50\n")
    dry = import_list(listing, source=source, mapping=mapping, actor=actor, dry_run=True, update=True)
    assert (len(dry.plan.update), len(dry.plan.create), len(dry.plan.errors)) == (1, 0, 1)
    assert "list.psv:4: field 'date'" in "\n".join(dry.lines())
    assert Mention.objects.get(record_id="1").data["age"] == 40
    with pytest.raises(ImportRefused):
        import_list(listing, source=source, mapping=mapping, actor=actor, update=True, strict=True)
    import_list(listing, source=source, mapping=mapping, actor=actor, update=True)
    assert Mention.objects.filter(source=source).count() == 2
    assert Mention.objects.get(record_id="1").data["age"] == 42
    change = AuditEvent.objects.get(action="mention.update")
    assert change.data["changes"]["age"] == [40, 42]
