"""The response monitor of a round, and the list of institutions that have not submitted yet."""

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from analysts.access import analyst_required
from analysts.exports import non_responders
from analysts.selectors.monitor import State, round_monitor
from surveys.models import InstitutionType, Round


class MonitorFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("Alle"))] + State.choices, required=False)
    type = forms.ChoiceField(label=_("Type"), choices=[("", _("Alle"))] + InstitutionType.choices, required=False)


@analyst_required
@require_GET
def monitor(request: HttpRequest, year: int) -> HttpResponse:
    round = get_object_or_404(Round, year=year)
    form = MonitorFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    data = round_monitor(
        round=round,
        today=timezone.localdate(),
        state=filters.get("status") or None,
        institution_type=filters.get("type") or None,
    )
    return render(
        request,
        "analysts/monitor.html",
        {"monitor": data, "form": form, "type_filter": filters.get("type", "")},
    )


@analyst_required
@require_GET
def non_responders_download(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    round = get_object_or_404(Round, year=year)
    institution_type = request.GET.get("type") or None
    if fmt not in ("csv", "xlsx") or (institution_type and institution_type not in InstitutionType.values):
        raise Http404
    filename, mimetype, content = non_responders.render(round=round, fmt=fmt, institution_type=institution_type)
    response = HttpResponse(content, content_type=mimetype)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
