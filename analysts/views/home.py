from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from analysts.access import analyst_required
from surveys.models import Round


@analyst_required
def dashboard_home(request: HttpRequest) -> HttpResponse:
    rounds = Round.objects.select_related("questionnaire").order_by("-year")
    return render(request, "analysts/home.html", {"rounds": rounds})
