"""Every fill-in view resolves its response here, through surveys.access, and nowhere else."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import resolve_url
from django.utils import timezone
from django.utils.translation import gettext as _

from surveys.access import ResponseAccess, institution_response, own_response

ScanView = Callable[..., HttpResponse]


def resolve_access(request: HttpRequest, year: int, institution_code: str | None) -> ResponseAccess:
    today = timezone.localdate()
    if institution_code is None:
        return own_response(request.user, year, today=today)
    return institution_response(request.user, year, institution_code, today=today)


def scan_view(view: ScanView) -> ScanView:
    """A page of one response: the signed-in institution's own, or (with institution_code) an analyst's view."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, year: int, institution_code: str | None = None, **kwargs) -> HttpResponse:
        access = resolve_access(request, year, institution_code)
        return view(request, access, **kwargs)

    return wrapper


def scan_json_view(view: ScanView) -> ScanView:
    """Like scan_view, for requests made by the page's script: answers in JSON, never a redirect to sign in.

    A session that ran out gets 401 with a message the page shows; what was typed stays in the page.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, year: int, institution_code: str | None = None, **kwargs) -> HttpResponse:
        if request.method != "POST":
            return JsonResponse({"error": "method", "message": _("Alleen opslaan is hier mogelijk.")}, status=405)
        if not request.user.is_authenticated:
            return JsonResponse(
                {
                    "error": "signed_out",
                    "message": _("U bent afgemeld. Meld u opnieuw aan; wat u typte blijft bewaard in deze pagina."),
                    "login_url": resolve_url("login"),
                },
                status=401,
            )
        try:
            access = resolve_access(request, year, institution_code)
        except PermissionDenied:
            return JsonResponse(
                {"error": "forbidden", "message": _("U hebt geen toegang tot deze antwoorden.")}, status=403
            )
        except Http404:
            return JsonResponse({"error": "not_found", "message": _("Deze scan bestaat niet.")}, status=404)
        return view(request, access, **kwargs)

    return wrapper
