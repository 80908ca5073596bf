from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A refused form in the app's own words: nothing changed, reload and try again."""
    return render(request, "403_csrf.html", status=403)
