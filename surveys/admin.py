from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from surveys.models import (
    AnswerChange,
    BlockAnswer,
    BuildingBlock,
    CollaborationAnswer,
    DroppedStatement,
    FocusArea,
    FocusAreaChoice,
    Institution,
    PriorityRank,
    QuestionnaireVersion,
    Response,
    Round,
    Stakeholder,
    Statement,
    StatementAnswer,
    User,
)
from surveys.privacy_actions import erase_personal_data, export_personal_data
from surveys.services.accounts import (
    rights_audit,
    rights_audit_deletion,
    rights_stored,
    rights_stored_many,
    user_delete_audited,
)


class AnalystAccessMixin:
    """Analysts of the association work in the admin on the scan's data without per-model permissions.

    Their role is the permission; they still need `is_staff` to enter the admin at all.
    """

    def _is_analyst(self, request) -> bool:
        return getattr(request.user, "is_analyst", False) and request.user.is_staff

    def has_module_permission(self, request) -> bool:
        return self._is_analyst(request) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._is_analyst(request) or super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._is_analyst(request) or super().has_change_permission(request, obj)

    def has_add_permission(self, request, *args) -> bool:
        return self._is_analyst(request) or super().has_add_permission(request, *args)


@admin.register(User)
class UserAdmin(AnalystAccessMixin, BaseUserAdmin):
    list_display = ["username", "get_full_name", "email", "role", "institution", "is_active", "last_login"]
    list_filter = ["role", "is_active", "institution__type"]
    search_fields = ["username", "email", "first_name", "last_name", "institution__name"]
    list_select_related = ["institution"]
    autocomplete_fields = ["institution"]
    fieldsets = BaseUserAdmin.fieldsets + ((_("JuMP-scan"), {"fields": ["role", "institution", "job_title"]}),)
    add_fieldsets = BaseUserAdmin.add_fieldsets + ((_("JuMP-scan"), {"fields": ["role", "institution", "email"]}),)
    actions = [export_personal_data, erase_personal_data]

    def get_readonly_fields(self, request, obj=None):
        # Analysts look after contact persons; only an administrator hands out rights.
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ["role", "is_staff", "is_superuser", "groups", "user_permissions"]

    def has_change_permission(self, request, obj=None) -> bool:
        # Analysts look after contact persons only: the accounts of staff (their passwords
        # included, which the admin changes through this permission) are the administrator's.
        if obj is not None and not request.user.is_superuser and obj.role != User.Role.RESPONDENT:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and not request.user.is_superuser and obj.role != User.Role.RESPONDENT:
            return False
        return super().has_delete_permission(request, obj)

    def has_personal_data_permission(self, request) -> bool:
        # AVG requests (export, erasure) are handled by the association's analysts.
        return self._is_analyst(request)

    # Every change of rights is audited (surveys.services.accounts). Groups and permissions are
    # saved in save_related, after the user: the rights as stored before are taken in save_model
    # and compared once everything is saved.
    def save_model(self, request, obj, form, change):
        form.rights_before = rights_stored(obj) if change else None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        rights_audit(user=form.instance, actor=request.user, before=form.rights_before)

    def delete_model(self, request, obj):
        user_delete_audited(user=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            user_delete_audited(user=user, actor=request.user)


class MemberInline(AnalystAccessMixin, admin.TabularInline):
    model = User
    fields = ["username", "first_name", "last_name", "email", "job_title", "is_active"]
    extra = 0
    show_change_link = True


@admin.register(Institution)
class InstitutionAdmin(AnalystAccessMixin, admin.ModelAdmin):
    list_display = ["name", "code", "type", "region", "member_since", "is_member", "language"]
    list_filter = ["type", "region", "is_member", "language"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"code": ["name"]}
    inlines = [MemberInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is not User:
            return super().save_formset(request, form, formset, change)
        # Members are added, (de)activated and removed here too: audited as in the user admin.
        before = rights_stored_many(member_form.instance for member_form in formset.initial_forms)
        for member_form in formset.deleted_forms:
            member = member_form.instance
            rights_audit_deletion(user=member, actor=request.user, before=before[member.pk])
        super().save_formset(request, form, formset, change)
        for user in formset.new_objects:
            rights_audit(user=user, actor=request.user, before=None)
        for user, _fields in formset.changed_objects:
            rights_audit(user=user, actor=request.user, before=before[user.pk])


class BuildingBlockInline(AnalystAccessMixin, admin.TabularInline):
    model = BuildingBlock
    fields = ["position", "code", "name", "name_en"]
    extra = 0


class DroppedStatementInline(AnalystAccessMixin, admin.TabularInline):
    model = DroppedStatement
    fk_name = "questionnaire"
    fields = ["statement", "reason"]
    raw_id_fields = ["statement"]
    extra = 0


@admin.register(QuestionnaireVersion)
class QuestionnaireVersionAdmin(AnalystAccessMixin, admin.ModelAdmin):
    list_display = ["code", "title", "previous", "source_file", "loaded_at"]
    search_fields = ["code", "title"]
    inlines = [BuildingBlockInline, DroppedStatementInline]


@admin.register(Statement)
class StatementAdmin(AnalystAccessMixin, admin.ModelAdmin):
    list_display = ["code", "short_text", "block", "questionnaire", "lineage", "previous", "verbatim"]
    list_filter = ["questionnaire", "block__code", "lineage", "verbatim"]
    search_fields = ["code", "text", "text_en"]
    list_select_related = ["block", "questionnaire", "previous"]
    raw_id_fields = ["previous"]
    ordering = ["questionnaire", "block__position", "position"]

    @admin.display(description=_("stelling"))
    def short_text(self, obj: Statement) -> str:
        return obj.text if len(obj.text) <= 80 else obj.text[:77] + "…"


@admin.register(FocusArea, Stakeholder)
class OptionAdmin(AnalystAccessMixin, admin.ModelAdmin):
    list_display = ["label", "code", "questionnaire", "position"]
    list_filter = ["questionnaire"]
    search_fields = ["label", "code"]


@admin.register(Round)
class RoundAdmin(AnalystAccessMixin, admin.ModelAdmin):
    list_display = ["year", "title", "status", "opens_on", "closes_on", "questionnaire"]
    list_filter = ["status"]
    search_fields = ["title"]


class StatementAnswerInline(AnalystAccessMixin, admin.TabularInline):
    model = StatementAnswer
    fields = ["statement", "level"]
    raw_id_fields = ["statement"]
    extra = 0


class BlockAnswerInline(AnalystAccessMixin, admin.StackedInline):
    model = BlockAnswer
    fields = ["block", "good_example", "remarks"]
    extra = 0


class CollaborationAnswerInline(AnalystAccessMixin, admin.TabularInline):
    model = CollaborationAnswer
    extra = 0


class PriorityRankInline(AnalystAccessMixin, admin.TabularInline):
    model = PriorityRank
    extra = 0


class FocusAreaChoiceInline(AnalystAccessMixin, admin.TabularInline):
    model = FocusAreaChoice
    extra = 0


@admin.register(Response)
class ResponseAdmin(AnalystAccessMixin, admin.ModelAdmin):
    list_display = ["institution", "round", "status", "institution_type", "region", "updated_at", "submitted_at"]
    list_filter = ["round", "status", "institution_type", "region", "consent_to_quote"]
    search_fields = ["institution__name", "institution__code"]
    list_select_related = ["institution", "round"]
    readonly_fields = ["version", "created_at", "updated_at", "updated_by", "submitted_at", "submitted_by"]
    inlines = [
        StatementAnswerInline,
        BlockAnswerInline,
        FocusAreaChoiceInline,
        CollaborationAnswerInline,
        PriorityRankInline,
    ]


@admin.register(AnswerChange)
class AnswerChangeAdmin(AnalystAccessMixin, admin.ModelAdmin):
    list_display = ["changed_at", "response", "changed_by", "item_label", "old_value", "new_value"]
    list_filter = ["response__round"]
    search_fields = ["response__institution__name", "item", "item_label"]
    list_select_related = ["response__institution", "response__round", "changed_by"]
    date_hierarchy = "changed_at"

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # history is evidence: it is never edited

    def has_add_permission(self, request) -> bool:
        return False
