"""The national dashboard: every section of the national report as interactive charts, per round and group."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from analysts.access import analyst_required
from factsheets.aggregation.groups import HOSPITALS
from factsheets.national_report.dashboard import dashboard as build_dashboard
from surveys.models import InstitutionType, Region, Round

SHOWN_STATUSES = [Round.Status.OPEN, Round.Status.CLOSED, Round.Status.PUBLISHED]


class DashboardFilterForm(forms.Form):
    """`type` holds an institution type, or "hospitals" for every hospital type together."""

    jaar = forms.TypedChoiceField(label=_("Ronde"), coerce=int, required=False)
    type = forms.ChoiceField(label=_("Type instelling"), required=False)
    regio = forms.ChoiceField(label=_("Regio"), required=False, choices=[("", _("Alle regio's")), *Region.choices])

    def __init__(self, *args, rounds: list[Round], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [(r.year, r.title) for r in rounds]
        self.fields["type"].choices = [
            ("", _("Alle instellingen")),
            (HOSPITALS, _("Alle ziekenhuizen")),
            *InstitutionType.choices,
        ]


@analyst_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    rounds = list(Round.objects.filter(status__in=SHOWN_STATUSES).order_by("-year"))
    form = DashboardFilterForm(request.GET or None, rounds=rounds)
    chosen = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if not rounds:
        return render(request, "analysts/dashboard/index.html", {"form": form, "board": None})
    year = chosen.get("jaar") or _default_year(rounds)
    scan_round = get_object_or_404(Round, year=year)
    kind = chosen.get("type") or ""
    board = build_dashboard(
        scan_round,
        sector=HOSPITALS if kind == HOSPITALS else None,
        institution_type=kind if kind and kind != HOSPITALS else None,
        region=chosen.get("regio") or None,
        language=get_language() or "nl",
    )
    if not form.is_bound:
        form = DashboardFilterForm(initial={"jaar": year}, rounds=rounds)
    return render(request, "analysts/dashboard/index.html", {"form": form, "board": board, "invalid": form.errors})


def _default_year(rounds: list[Round]) -> int:
    """The latest published round, else the latest round shown."""
    published = [r.year for r in rounds if r.status == Round.Status.PUBLISHED]
    return max(published) if published else rounds[0].year
