"""Django admin for administrators. Edits here are recorded by django-simple-history."""
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from vigil.records import models


@admin.register(models.Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "independence_group", "confidential")
    list_filter = ("kind", "confidential")
    search_fields = ("name",)


@admin.register(models.Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ("public_id", "title", "source", "language", "published", "captured_at")
    list_filter = ("language", "source")
    search_fields = ("title", "origin_url", "sha256")
    readonly_fields = ("sha256", "size", "captured_at", "tool_version", "operator")


@admin.register(models.Mention)
class MentionAdmin(SimpleHistoryAdmin):
    list_display = ("public_id", "kind", "source", "record_id", "state", "confidence", "person")
    list_filter = ("kind", "state", "source")
    search_fields = ("record_id",)


@admin.register(models.Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ("public_id", "name_latin", "name_fa", "sex", "nationality", "ethnicity", "published")
    list_filter = ("sex", "published", "ethnicity")
    search_fields = ("name_latin", "name_fa", "names__name")


@admin.register(models.StatusEvent)
class StatusEventAdmin(SimpleHistoryAdmin):
    list_display = ("case", "status", "date", "prison", "province", "grade")
    list_filter = ("status", "grade", "province")


for model in (models.Case, models.Campaign, models.CampaignEvent, models.Claim, models.LinkDecision):
    admin.site.register(model, SimpleHistoryAdmin)


@admin.register(models.AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "actor_label", "action", "model", "object_id")
    list_filter = ("action",)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
