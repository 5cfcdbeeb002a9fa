"""API tokens in the Django admin (administrators can see and revoke them; hashes only)."""
from django.contrib import admin

from vigil.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "name", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("key_hash", "prefix", "created_at", "last_used_at")
    list_filter = ("revoked_at",)
    search_fields = ("user__username", "name", "prefix")

    def has_add_permission(self, request):
        return False  # tokens are created with `vigil token create USER` (shown once)
