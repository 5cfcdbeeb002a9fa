"""The case database.

Modelled on the HURIDOCS event/act/involvement pattern: a **Document** from a **Source**
yields **Mentions** (one structured statement each, with its span and extractor); linkage
groups case mentions into a **Person** whose **Case** has dated **StatusEvents**, each
citing the mentions that support it. Values from different sources are never
overwritten: every source's value stays on its Mention, and an event's value is derived.

Fields marked SENSITIVE must never reach a public page, export, feed, API or report; they are
encrypted at rest (history rows included) once field keys are configured (``records.fields``).
"""
from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from vigil.records import vocab
from vigil.records.fields import EncryptedTextField


def _public_id() -> str:
    return uuid.uuid4().hex[:12]


class Source(models.Model):
    """An organisation or person that publishes or passes on reports."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=vocab.SOURCE_KINDS)
    independence_group = models.CharField(
        max_length=100, blank=True,
        help_text="Sources in one group share informants and are not independent corroboration.")
    country = models.CharField(max_length=2, blank=True)
    languages = models.CharField(max_length=50, blank=True, help_text="Comma-separated codes, e.g. fa,en")
    url = models.URLField(blank=True)
    confidential = models.BooleanField(
        default=False, help_text="Identity is secret: shown publicly only as a numbered source.")
    contact_details = EncryptedTextField(blank=True, help_text="SENSITIVE")
    private_notes = EncryptedTextField(blank=True, help_text="SENSITIVE")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["contact_details"])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def group(self) -> str:
        """The independence group, defaulting to the source itself."""
        return self.independence_group or f"source:{self.pk}"

    @property
    def public_name(self) -> str:
        return f"Confidential source {self.pk}" if self.confidential else self.name


class Document(models.Model):
    """One captured report; its original bytes are the evidentiary copy (never modified)."""

    public_id = models.CharField(max_length=12, unique=True, default=_public_id, editable=False)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="documents")
    origin_url = models.URLField(max_length=2000, blank=True, db_index=True)
    origin_path = models.CharField(max_length=1000, blank=True)
    title = models.CharField(max_length=500, blank=True)
    language = models.CharField(max_length=8, blank=True)
    published = models.CharField(max_length=10, blank=True, help_text="YYYY-MM-DD, YYYY-MM or YYYY")
    captured_at = models.DateTimeField()
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.PositiveBigIntegerField(default=0)
    media_type = models.CharField(max_length=100, blank=True)
    text = models.TextField(blank=True, help_text="Working copy: the extracted text")
    version_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="later_versions")
    tool_version = models.CharField(max_length=40, blank=True)
    operator = models.CharField(max_length=150, blank=True)
    private_notes = EncryptedTextField(blank=True, help_text="SENSITIVE")
    history = HistoricalRecords(excluded_fields=["text"])

    class Meta:
        ordering = ["-captured_at"]
        constraints = [
            models.UniqueConstraint(fields=["sha256"], name="document_unique_content"),
            models.CheckConstraint(condition=models.Q(sha256__regex=r"^[0-9a-f]{64}$"),
                                   name="document_sha256_hex"),
        ]

    def __str__(self) -> str:
        return self.title or self.origin_url or self.origin_path or self.sha256[:12]


class CustodyEvent(models.Model):
    """One step in a document's chain of custody (append-only)."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="custody")
    step = models.CharField(max_length=30, choices=vocab.CUSTODY_STEPS)
    at = models.DateTimeField(auto_now_add=True)
    actor = models.CharField(max_length=150, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]


class Person(models.Model):
    """A real person, built by linkage from case mentions."""

    public_id = models.CharField(max_length=12, unique=True, default=_public_id, editable=False)
    name_fa = models.CharField(max_length=200, blank=True)
    name_latin = models.CharField(max_length=200, blank=True)
    father_name = models.CharField(max_length=200, blank=True)
    sex = models.CharField(max_length=1, choices=vocab.SEXES, blank=True)
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    nationality = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 if not Iranian")
    ethnicity = models.CharField(max_length=20, blank=True)
    religion = models.CharField(max_length=40, blank=True)
    origin = models.CharField(max_length=200, blank=True, help_text="Home town or region")
    juvenile = models.BooleanField(null=True, blank=True, help_text="Under 18 at the time of the alleged offence")
    published = models.BooleanField(default=False, help_text="Visible to the public once a reviewer publishes it")
    private_notes = EncryptedTextField(blank=True, help_text="SENSITIVE")
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from",
                                    help_text="Set when linkage moved all this person's mentions to another person; "
                                              "kept (unpublished) so that undoing the merge restores this record")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_latin", "name_fa"]
        constraints = [
            models.CheckConstraint(condition=models.Q(birth_year__isnull=True) | models.Q(birth_year__gte=1900),
                                   name="person_birth_year_plausible"),
        ]

    def __str__(self) -> str:
        return self.name_latin or self.name_fa or self.public_id

    @property
    def display_name(self) -> str:
        return str(self)


class PersonName(models.Model):
    """A name by which a person is known, as written by one source."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=200)
    script = models.CharField(max_length=10, blank=True, help_text="latin, persian, …")
    key = models.CharField(max_length=200, blank=True, db_index=True, help_text="Cross-script name key")
    is_alias = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "name"], name="person_name_unique")]

    def __str__(self) -> str:
        return self.name


class Mention(models.Model):
    """One structured statement from a document or list row, with its evidence span.

    ``data`` holds the statement in the exchange format of eval/FORMAT.md (a CASE, GROUP,
    CAMPAIGN or CLAIM object); it is this source's value and is never overwritten by another's.
    """

    public_id = models.CharField(max_length=12, unique=True, default=_public_id, editable=False)
    kind = models.CharField(max_length=10, choices=vocab.MENTION_KINDS)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="mentions")
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.PROTECT, related_name="mentions")
    record_id = models.CharField(max_length=200, blank=True, help_text="Id of the row in an imported list")
    data = models.JSONField(default=dict)
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    extractor = models.CharField(max_length=60, blank=True)
    extractor_version = models.CharField(max_length=40, blank=True)
    confidence = models.FloatField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=vocab.MENTION_STATES, default="pending")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "record_id"], condition=~models.Q(record_id=""),
                                    name="mention_unique_record_per_source"),
            models.CheckConstraint(condition=models.Q(document__isnull=False) | ~models.Q(record_id=""),
                                   name="mention_has_provenance"),
            models.CheckConstraint(condition=models.Q(confidence__isnull=True)
                                   | (models.Q(confidence__gte=0) & models.Q(confidence__lte=1)),
                                   name="mention_confidence_range"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.data.get('name') or self.data.get('quantity') or self.pk}"

    @property
    def provenance(self) -> str:
        """Where this mention comes from: a list record id or a document id."""
        return f"record {self.record_id}" if self.record_id else f"document {self.document.public_id}"


class Case(models.Model):
    """A person's legal case: the container of their status history."""

    public_id = models.CharField(max_length=12, unique=True, default=_public_id, editable=False)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cases")
    court = models.CharField(max_length=200, blank=True)
    judge = models.CharField(max_length=200, blank=True)
    charges = models.JSONField(default=list, blank=True, help_text="Codes from the controlled vocabulary")
    charges_original = models.TextField(blank=True, help_text="The charges as the sources worded them")
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Case of {self.person}"


class StatusEvent(models.Model):
    """A dated change in a case: sentenced, upheld, at risk, executed, …"""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=20, choices=vocab.STATUSES)
    date = models.CharField(max_length=10, blank=True, help_text="YYYY-MM-DD, YYYY-MM or YYYY")
    date_precision = models.CharField(max_length=8, choices=vocab.DATE_PRECISIONS, default="unknown")
    date_start = models.DateField(null=True, blank=True, db_index=True)
    date_end = models.DateField(null=True, blank=True)
    prison = models.CharField(max_length=120, blank=True, help_text="Canonical gazetteer name")
    city = models.CharField(max_length=120, blank=True)
    province = models.CharField(max_length=120, blank=True)
    country = models.CharField(max_length=2, default="IR")
    place_precision = models.PositiveSmallIntegerField(choices=vocab.PLACE_PRECISIONS, default=9)
    charges = models.JSONField(default=list, blank=True)
    charges_original = models.TextField(blank=True)
    age = models.PositiveSmallIntegerField(null=True, blank=True)
    public_execution = models.BooleanField(default=False)
    officially_announced = models.BooleanField(default=False)
    grade = models.CharField(max_length=20, choices=vocab.GRADES, default="unassessed", db_index=True)
    grade_reasons = models.JSONField(default=list, blank=True)
    grade_locked = models.BooleanField(default=False, help_text="Set by a reviewer: automatic rebuilds keep it")
    mentions = models.ManyToManyField(Mention, related_name="events", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date_start", "pk"]
        indexes = [models.Index(fields=["status", "date_start"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(date_end__isnull=True) | models.Q(date_start__lte=models.F("date_end")),
                                   name="event_date_range_ordered"),
            models.CheckConstraint(condition=models.Q(age__isnull=True) | models.Q(age__lte=120),
                                   name="event_age_plausible"),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.date or '(undated)'}"


class Campaign(models.Model):
    """A protest campaign, e.g. a hunger strike or the weekly 'No to Execution Tuesdays'."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=vocab.CAMPAIGN_KINDS)
    started = models.DateField(null=True, blank=True)
    ended = models.DateField(null=True, blank=True)
    demands = models.TextField(blank=True)
    outcome = models.TextField(blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return self.name


class CampaignEvent(models.Model):
    """One dated event of a campaign (e.g. week 53), with the prisons that took part."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="events")
    date = models.DateField(null=True, blank=True)
    week = models.PositiveIntegerField(null=True, blank=True)
    prisons = models.JSONField(default=list, blank=True)
    participants = models.PositiveIntegerField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    mentions = models.ManyToManyField(Mention, related_name="campaign_events", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "week"]


class Claim(models.Model):
    """An aggregate figure a source asserts ("at least 975 executions in 2024")."""

    mention = models.OneToOneField(Mention, on_delete=models.CASCADE, related_name="claim")
    quantity = models.CharField(max_length=40)
    value = models.FloatField()
    qualifier = models.CharField(max_length=10, choices=vocab.QUALIFIERS, default="exactly")
    start = models.CharField(max_length=10, blank=True)
    end = models.CharField(max_length=10, blank=True)
    scope = models.CharField(max_length=40, blank=True)
    attributed_to = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.get_qualifier_display()} {self.value:g} {self.quantity}"


class LinkDecision(models.Model):
    """A decision that two mentions are (not) the same person. Human decisions bind automatic runs."""

    mention_a = models.ForeignKey(Mention, on_delete=models.CASCADE, related_name="+")
    mention_b = models.ForeignKey(Mention, on_delete=models.CASCADE, related_name="+")
    decision = models.CharField(max_length=12, choices=vocab.LINK_DECISIONS)
    automatic = models.BooleanField(default=False)
    score = models.FloatField(null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    reason = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)
    superseded = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(mention_a__lt=models.F("mention_b")), name="link_pair_ordered"),
            models.CheckConstraint(condition=models.Q(automatic=True) | ~models.Q(reason=""),
                                   name="human_link_decision_has_reason"),
        ]


class AuditEvent(models.Model):
    """Append-only audit trail: who did what to which record, when and why."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor_label = models.CharField(max_length=150, blank=True, help_text="CLI operator or system job")
    action = models.CharField(max_length=60, db_index=True)
    model = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=40, blank=True)
    reason = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label or self.actor} {self.action} {self.model}:{self.object_id}"
