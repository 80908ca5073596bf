"""The audit trail for analysts: every change of answers, round status, questionnaires and user rights."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from analysts.access import analyst_required
from analysts.selectors.audit import AuditFilter, Kind, audit_page
from surveys.models import Institution, Round

# Deeper than this, narrow the filters: a page that far back would read this many pages' rows.
MAX_PAGE = 1000


class AuditFilterForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort"), choices=[("", _("Alles"))] + Kind.choices, required=False)
    ronde = forms.ModelChoiceField(
        label=_("Ronde"),
        queryset=Round.objects.order_by("-year"),
        to_field_name="year",
        required=False,
        empty_label=_("Alle rondes"),
    )
    instelling = forms.ModelChoiceField(
        label=_("Instelling"),
        queryset=Institution.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=_("Alle instellingen"),
    )
    persoon = forms.CharField(
        label=_("Persoon"),
        required=False,
        max_length=100,
        help_text=_("Naam, gebruikersnaam of e-mailadres; wie iets deed of om wie het ging."),
    )
    van = forms.DateField(label=_("Van"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("van") and cleaned.get("tot") and cleaned["van"] > cleaned["tot"]:
            self.add_error("tot", _("Deze datum ligt vóór de begindatum."))
        return cleaned

    def filters(self) -> AuditFilter:
        data = self.cleaned_data
        return AuditFilter(
            kind=data.get("soort") or "",
            round=data.get("ronde"),
            institution=data.get("instelling"),
            person=(data.get("persoon") or "").strip(),
            date_from=data.get("van"),
            date_to=data.get("tot"),
        )


def page_number(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), MAX_PAGE)
    except ValueError:
        return 1


@analyst_required
@require_GET
def audit_trail_view(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET)
    # A filter that does not validate shows nothing rather than everything: the form says why.
    page = audit_page(form.filters(), number=page_number(request.GET.get("pagina"))) if form.is_valid() else None
    return render(request, "analysts/audit/index.html", {"form": form, "page": page})
