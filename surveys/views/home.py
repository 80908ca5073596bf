"""Where a signed-in person lands."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from surveys.models import Response
from surveys.selectors import current_round


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """A contact person goes to the overview of the current round; an analyst to the analysts' workspace."""
    user = request.user
    if user.is_analyst:
        return redirect("analysts:home")
    scan_round = current_round(timezone.localdate())
    if scan_round is not None and user.is_respondent:
        answers_accepted = scan_round.accepts_answers(timezone.localdate())
        if answers_accepted or Response.objects.filter(round=scan_round, institution=user.institution).exists():
            return redirect("scan_overview", year=scan_round.year)
    past = Response.objects.filter(institution=user.institution).select_related("round") if user.is_respondent else []
    return render(request, "surveys/home.html", {"scan_round": scan_round, "past_responses": past})
