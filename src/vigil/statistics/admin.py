"""Snapshots in the admin: read-only (a frozen figure set is never edited)."""
from django.contrib import admin

from vigil.statistics.models import Snapshot


@admin.register(Snapshot)
class SnapshotAdmin(admin.ModelAdmin):
    list_display = ("name", "taken_at", "taken_by", "note")
    search_fields = ("name", "note")
    readonly_fields = ("name", "taken_at", "filter", "figures", "case_ids", "cases", "note", "taken_by",
                       "tool_version")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
