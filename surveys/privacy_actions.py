"""The user admin's actions for AVG (GDPR) requests: export a person's data, erase it after confirmation.

Kept out of surveys/admin.py so the admin reads as configuration; the work itself is
done by `surveys.services.privacy`.
"""

import json

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from surveys.models import User
from surveys.services.privacy import (
    erasure_refusal,
    personal_data_erase,
    personal_data_export,
    record_personal_data_export,
)

CONFIRM_FIELD = "wissen_bevestigd"


def export_json(data: object) -> bytes:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


@admin.action(description=gettext_lazy("Persoonsgegevens exporteren (JSON)"), permissions=["personal_data"])
def export_personal_data(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[User]) -> HttpResponse:
    people = list(queryset.select_related("institution").order_by("pk"))
    exports = []
    for user in people:
        exports.append(personal_data_export(user=user))
        record_personal_data_export(user=user, actor=request.user)
    # Named by the account's number, not the person's name: the file name shows up in download lists.
    filename = f"persoonsgegevens-{people[0].pk}.json" if len(people) == 1 else "persoonsgegevens.json"
    response = HttpResponse(
        export_json(exports[0] if len(exports) == 1 else {"people": exports}),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@admin.action(description=gettext_lazy("Persoonsgegevens wissen"), permissions=["personal_data"])
def erase_personal_data(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[User]
) -> HttpResponse | None:
    people = list(queryset.select_related("institution").order_by("pk"))
    if request.POST.get(CONFIRM_FIELD) != "ja":
        refusals = {user.pk: erasure_refusal(user=user, actor=request.user) for user in people}
        return TemplateResponse(
            request,
            "analysts/audit/erase_confirmation.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": _("Persoonsgegevens wissen"),
                "opts": modeladmin.model._meta,
                "people": [(user, refusals[user.pk]) for user in people],
                "erasable": [user for user in people if not refusals[user.pk]],
                "action": "erase_personal_data",
                "confirm_field": CONFIRM_FIELD,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )
    erased = 0
    for user in people:
        try:
            personal_data_erase(user=user, actor=request.user)
        except ValidationError as error:
            modeladmin.message_user(
                request, f"{user.get_full_name() or user.username}: {' '.join(error.messages)}", messages.ERROR
            )
        else:
            erased += 1
    if erased:
        message = ngettext(
            "De persoonsgegevens van %(count)d persoon zijn gewist.",
            "De persoonsgegevens van %(count)d personen zijn gewist.",
            erased,
        )
        modeladmin.message_user(request, message % {"count": erased}, messages.SUCCESS)
    return None
