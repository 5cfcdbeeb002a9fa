"""Subscriptions, status snapshots, detected changes and the alert log."""
from __future__ import annotations

from django.conf import settings
from django.db import models

from vigil.records.models import Person

SUBSCRIPTION_KINDS = [("person", "Person"), ("prison", "Prison"), ("province", "Province"), ("charge", "Charge")]
CHANNELS = [("email", "E-mail"), ("webhook", "Webhook"), ("digest", "Daily digest")]
RESULTS = [("sent", "Sent"), ("failed", "Failed")]


class Subscription(models.Model):
    """A researcher (a user, or just an e-mail address) watching a person, prison, province or charge.

    ``value`` is a person's public id (or a name they are known by), a gazetteer prison or
    province name, or a charge code. Subscriptions without a user only hear about persons a
    reviewer has published.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="watch_subscriptions")
    email = models.EmailField(blank=True, help_text="Address for e-mail alerts (defaults to the user's)")
    kind = models.CharField(max_length=10, choices=SUBSCRIPTION_KINDS)
    value = models.CharField(max_length=200)
    email_alerts = models.BooleanField(default=True)
    webhook_url = models.URLField(max_length=1000, blank=True)
    webhook_secret = models.CharField(max_length=200, blank=True, help_text="HMAC-SHA256 key for X-Vigil-Signature")
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(webhook_url="") | ~models.Q(email="")
                                   | models.Q(user__isnull=False), name="subscription_has_recipient"),
            models.CheckConstraint(condition=models.Q(webhook_url="") | ~models.Q(webhook_secret=""),
                                   name="subscription_webhook_has_secret"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}={self.value} → {self.recipient or self.webhook_url}"

    @property
    def recipient(self) -> str:
        """The e-mail address alerts go to ('' when e-mail is off or there is none)."""
        if not self.email_alerts:
            return ""
        return self.email or getattr(self.user, "email", "") or ""


class StatusSnapshot(models.Model):
    """The last seen current status of a person, so each change is detected once."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="watch_snapshot")
    status = models.CharField(max_length=20)
    date = models.CharField(max_length=10, blank=True)
    at_risk_since = models.CharField(max_length=10, blank=True)
    taken_at = models.DateTimeField(auto_now=True)


class StatusChange(models.Model):
    """A change of a person's derived current status, as detected after a link run."""

    person = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="watch_changes")
    person_public_id = models.CharField(max_length=12, db_index=True)
    previous = models.CharField(max_length=20, blank=True)
    previous_date = models.CharField(max_length=10, blank=True)
    current = models.CharField(max_length=20)
    date = models.CharField(max_length=10, blank=True)
    detected_at = models.DateTimeField(auto_now_add=True, db_index=True)
    details = models.JSONField(default=dict, blank=True, help_text="Prison, province, charges, grade, public sources")

    class Meta:
        ordering = ["detected_at", "pk"]

    def __str__(self) -> str:
        return f"{self.person_public_id}: {self.previous or '(new)'} → {self.current}"


class Alert(models.Model):
    """One message sent (or attempted): what, when, to whom, and the result."""

    change = models.ForeignKey(StatusChange, null=True, blank=True, on_delete=models.CASCADE, related_name="alerts")
    subscription = models.ForeignKey(Subscription, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="alerts")
    channel = models.CharField(max_length=10, choices=CHANNELS)
    recipient = models.CharField(max_length=1000)
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    result = models.CharField(max_length=10, choices=RESULTS)
    attempts = models.PositiveSmallIntegerField(default=0)
    response = models.TextField(blank=True, help_text="Status code or error of each attempt")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["change", "subscription", "channel"], condition=models.Q(change__isnull=False),
                                    name="alert_once_per_change"),
        ]

    def __str__(self) -> str:
        return f"{self.channel} to {self.recipient}: {self.result}"
