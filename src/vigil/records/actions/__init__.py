"""The actions layer: every write to the case database goes through these functions.

Each action validates its input, runs in one transaction and writes an AuditEvent, so
the audit trail is complete by construction (Zulip's ``do_*`` convention).
"""
from vigil.records.actions.audit import Actor, audit
from vigil.records.actions.documents import bulk_capture, capture_document, record_custody
from vigil.records.actions.mentions import add_extraction, add_list_row
from vigil.records.actions.persons import apply_clusters, publish_person
from vigil.records.actions.sources import ensure_source
from vigil.records.actions.snapshots import take_snapshot
from vigil.records.actions.entry import edit_person, enter_case, link_entry, set_grade, set_mention_state  # noqa: F401
from vigil.records.actions.revert import revert_to  # noqa: F401

__all__ = [
    "Actor", "audit", "bulk_capture", "capture_document", "record_custody", "add_extraction", "add_list_row",
    "apply_clusters", "publish_person", "ensure_source",
]
from vigil.records.actions.watch import load_campaigns, subscribe, unsubscribe  # noqa: F401
