from django.contrib import admin

from analysts.models import AuditEntry, MailLog


class _ReadOnly(admin.ModelAdmin):
    """A record of what happened: it is read, never written, from the admin."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(_ReadOnly):
    list_display = ["at", "actor", "action", "object_repr"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_repr", "action"]
    date_hierarchy = "at"


@admin.register(MailLog)
class MailLogAdmin(_ReadOnly):
    list_display = ["sent_at", "kind", "round", "institution", "to_email", "subject", "sent_by"]
    list_filter = ["kind", "round"]
    search_fields = ["to_email", "institution__name", "subject"]
    date_hierarchy = "sent_at"
