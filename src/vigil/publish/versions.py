"""Which writes change PUBLIC data: signal receivers that move :class:`PublicVersion`.

The public site caches every aggregate and rendered page under the public data version
(:mod:`vigil.publish.cache`). Only a write that changes something a public page can show
moves it, inside the writer's own transaction (a rolled-back write moves nothing):

* a person's PUBLIC fields (:data:`PUBLIC_PERSON_FIELDS`) while the person is or was
  published, a published person's case and status events → ``columns``, ``figures`` and
  ``pages`` (only ``figures`` and ``pages`` when no field the columns hold changed, e.g. a name);
* a published person's names → ``figures`` and ``pages``;
* a mention, document or source cited on a published person's page, the event ↔ mention
  links of a published person, campaigns → ``pages`` (and ``api``);
* what only the anonymous read API shows (:mod:`vigil.api.visibility`): a published
  person's :data:`API_PERSON_FIELDS`, and any write of a mention, document, source or claim
  (the API lists documents and claims that no page cites, and a new mention can make a
  document private) → ``api`` only.

Nothing else moves any counter: unpublished persons and their names, cases and events, a
person's private notes, audit and custody rows, review pairs and link decisions. (New
mentions, a mention moving between pending and confirmed, a person's origin or religion
move only ``api``.) Bulk writes (``bulk_create``, ``QuerySet.update``) send no
signals; after one (or after restoring a backup), run ``vigil stats refresh`` (:func:`refresh`).
"""
from __future__ import annotations

from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from vigil.records.models import (Campaign, CampaignEvent, Case, Claim, Document, Mention, Person, PersonName, Source,
                                  StatusEvent)

#: Person fields a public page, list, facet, figure or feed reads.
PUBLIC_PERSON_FIELDS = ("published", "name_latin", "name_fa", "sex", "birth_year", "nationality", "ethnicity",
                        "juvenile")
#: Those the precomputed columns hold (``vigil.statistics.columns``).
COLUMN_PERSON_FIELDS = ("published", "sex", "nationality", "ethnicity", "juvenile")
#: Further person fields the anonymous API reads (``vigil.api.serialize``; merged persons are not listed).
API_PERSON_FIELDS = ("father_name", "religion", "origin", "merged_into_id")
#: Mention fields a public person page reads (``rejected`` stands for ``state == "rejected"``).
PUBLIC_MENTION_FIELDS = ("data", "source_id", "document_id", "record_id", "person_id", "rejected")
PUBLIC_SOURCE_FIELDS = ("name", "kind", "url", "confidential")
PUBLIC_DOCUMENT_FIELDS = ("public_id", "sha256", "captured_at", "title", "published", "source_id")


#: What a change moves: each level also moves the ones after it.
LEVELS = ("columns", "figures", "pages", "api")


def bump(level: str = "columns") -> None:
    """Move the public version: ``level`` and every counter after it in :data:`LEVELS`."""
    from vigil.publish.models import PublicVersion

    changes = {name: F(name) + 1 for name in LEVELS[LEVELS.index(level):]}
    if not PublicVersion.objects.filter(pk=1).update(**changes):
        PublicVersion.objects.get_or_create(pk=1)
        PublicVersion.objects.filter(pk=1).update(**changes)


def refresh() -> tuple[int, int]:
    """Move every counter past every value used before (to the current time in milliseconds
    if that is higher), so nothing cached earlier counts as current: after bulk writes, which
    send no signals, or after restoring a database whose counters went back. Returns them."""
    import time

    from vigil.publish.models import PublicVersion

    row, _ = PublicVersion.objects.get_or_create(pk=1)
    floor = time.time_ns() // 1_000_000
    PublicVersion.objects.filter(pk=1).update(**{name: max(getattr(row, name) + 1, floor) for name in LEVELS})
    row.refresh_from_db()
    return row.figures, row.pages


def _published(person_id) -> bool:
    return bool(person_id) and Person.objects.filter(pk=person_id, published=True).exists()


def _case_published(case_id) -> bool:
    return bool(case_id) and Person.objects.filter(cases=case_id, published=True).exists()


def _cited_publicly(mention_ids) -> bool:
    """Is any of these mentions shown on a published person's page?"""
    return (Mention.objects.filter(pk__in=mention_ids, person__published=True).exists()
            or StatusEvent.objects.filter(mentions__in=mention_ids, case__person__published=True).exists())


# ----------------------------------------------------------------------------- before/after
def _values(instance, fields: tuple[str, ...]) -> dict:
    values = {f: instance.__dict__.get(f) for f in fields if f in instance.__dict__}
    if "rejected" in fields and "state" in instance.__dict__:
        values["rejected"] = instance.state == "rejected"
    return values


def _stored(model, pk, fields: tuple[str, ...]) -> dict | None:
    """The row as it is in the database before this save (None for a new row)."""
    columns = [f for f in fields if f != "rejected"] + (["state"] if "rejected" in fields else [])
    row = model.objects.filter(pk=pk).values(*columns).first()
    if row and "rejected" in fields:
        row["rejected"] = row.pop("state") == "rejected"
    return row


def _remember(instance, fields: tuple[str, ...], update_fields) -> None:
    touched = update_fields is None or bool({f.removesuffix("_id") for f in fields} & set(update_fields)
                                            | ({"state"} & set(update_fields)))
    new = instance._state.adding or instance.pk is None
    instance._vigil_before = None if new or not touched else _stored(type(instance), instance.pk, fields)
    instance._vigil_touched = touched


def _changed(instance, fields: tuple[str, ...]) -> bool:
    """Did this save change one of ``fields`` (a new row: yes; update_fields without them: no)?"""
    if not getattr(instance, "_vigil_touched", True):
        return False
    before = getattr(instance, "_vigil_before", None)
    after = _values(instance, fields)
    return before is None or any(before.get(k) != v for k, v in after.items())


# ----------------------------------------------------------------------------- receivers
def _person_pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
    _remember(instance, PUBLIC_PERSON_FIELDS + API_PERSON_FIELDS, update_fields)


def _person_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not _changed(instance, PUBLIC_PERSON_FIELDS + API_PERSON_FIELDS):
        return
    before = getattr(instance, "_vigil_before", None) or {}
    if not (instance.published or before.get("published")):
        return
    if not _changed(instance, PUBLIC_PERSON_FIELDS):
        bump("api")
        return
    after = _values(instance, COLUMN_PERSON_FIELDS)
    columns = not before or any(before.get(k) != v for k, v in after.items())
    bump("columns" if columns else "figures")


def _person_deleted(sender, instance, **kwargs):
    if instance.published:
        bump()


def _name_changed(sender, instance, raw=False, **kwargs):
    if not raw and _published(instance.person_id):
        bump("figures")


def _case_changed(sender, instance, raw=False, **kwargs):
    if not raw and _published(instance.person_id):
        bump()


def _event_changed(sender, instance, raw=False, **kwargs):
    if not raw and _case_published(instance.case_id):
        bump()


def _event_mentions_changed(sender, instance, action, reverse=False, pk_set=None, **kwargs):
    if not action.startswith("post_"):
        return
    if reverse:  # mention.events.add(...): instance is the mention, pk_set the events
        public = StatusEvent.objects.filter(pk__in=pk_set or (), case__person__published=True).exists()
    else:
        public = _case_published(instance.case_id)
    if public:
        bump("pages")


def _mention_pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
    _remember(instance, PUBLIC_MENTION_FIELDS, update_fields)


def _mention_saved(sender, instance, created, raw=False, **kwargs):
    """A new mention is on no page until linkage or an event cites it (and those writes bump)."""
    if raw or created or not _changed(instance, PUBLIC_MENTION_FIELDS):
        return
    before = getattr(instance, "_vigil_before", None) or {}
    if (
            _published(instance.person_id) or _published(before.get("person_id")) or _cited_publicly([instance.pk])):
        bump("pages")


def _mention_deleted(sender, instance, **kwargs):
    if _published(instance.person_id):
        bump("pages")


def _detail_pre_save(fields):
    def receiver(sender, instance, raw=False, update_fields=None, **kwargs):
        _remember(instance, fields, update_fields)
    return receiver


def _source_saved(sender, instance, created, raw=False, **kwargs):
    if raw or created or not _changed(instance, PUBLIC_SOURCE_FIELDS):
        return
    if _cited_publicly(Mention.objects.filter(source=instance).values("pk")):
        bump("pages")


def _document_saved(sender, instance, created, raw=False, **kwargs):
    if raw or created or not _changed(instance, PUBLIC_DOCUMENT_FIELDS):
        return
    if _cited_publicly(Mention.objects.filter(document=instance).values("pk")):
        bump("pages")


def _evidence_changed(sender, instance=None, raw=False, **kwargs):
    """A mention, document, source or claim: what the anonymous API lists may change."""
    if not raw:
        bump("api")


def _campaign_changed(sender, instance=None, raw=False, action="post_", **kwargs):
    if not raw and action.startswith("post_"):
        bump("pages")


def connect() -> None:
    """Connect the receivers (``PublishConfig.ready``)."""
    uid = "vigil.publish.versions"
    pre_save.connect(_person_pre_save, sender=Person, dispatch_uid=uid)
    post_save.connect(_person_saved, sender=Person, dispatch_uid=uid)
    post_delete.connect(_person_deleted, sender=Person, dispatch_uid=uid)
    for model, receiver in ((PersonName, _name_changed), (Case, _case_changed), (StatusEvent, _event_changed)):
        post_save.connect(receiver, sender=model, dispatch_uid=uid)
        post_delete.connect(receiver, sender=model, dispatch_uid=uid)
    m2m_changed.connect(_event_mentions_changed, sender=StatusEvent.mentions.through, dispatch_uid=uid)
    pre_save.connect(_mention_pre_save, sender=Mention, dispatch_uid=uid)
    post_save.connect(_mention_saved, sender=Mention, dispatch_uid=uid)
    post_delete.connect(_mention_deleted, sender=Mention, dispatch_uid=uid)
    for model, fields, receiver in ((Source, PUBLIC_SOURCE_FIELDS, _source_saved),
                                    (Document, PUBLIC_DOCUMENT_FIELDS, _document_saved)):
        pre_save.connect(_detail_pre_save(fields), sender=model, dispatch_uid=uid, weak=False)
        post_save.connect(receiver, sender=model, dispatch_uid=uid)
    for model in (Campaign, CampaignEvent):
        post_save.connect(_campaign_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_campaign_changed, sender=model, dispatch_uid=uid)
    m2m_changed.connect(_campaign_changed, sender=CampaignEvent.mentions.through, dispatch_uid=uid)
    for model in (Mention, Document, Source, Claim):
        post_save.connect(_evidence_changed, sender=model, dispatch_uid=uid + ".api")
        post_delete.connect(_evidence_changed, sender=model, dispatch_uid=uid + ".api")
