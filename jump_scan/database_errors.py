"""A database connection lost in the middle of a request: a calm 503 asking to retry, not a 500.

Every save runs in a transaction, so a lost connection leaves the answers saved
earlier exactly as they were and nothing of the failed save behind. This is the one
place that says so to the person: a page in the app's style for a form post or a
page view, JSON with a message for the page's autosave script (static/js/fillin.js
shows `message` and tries again by itself).

Only errors raised by a view land here (`process_exception`); a failure in another
middleware, before any view runs, still gets the general error page (500.html),
which says the same about earlier answers.
"""

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger("jump_scan.database")

# Seconds a client (and the autosave script) may wait before trying again.
RETRY_AFTER_SECONDS = 5


def wants_json(request: HttpRequest) -> bool:
    """A request from a page's script (fetch sends X-Requested-With and asks for JSON), not from a browser form."""
    if request.headers.get("X-Requested-With"):
        return True
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def database_unavailable_response(request: HttpRequest) -> HttpResponse:
    """The 503 for a request whose database work was interrupted; it renders without touching the database."""
    if wants_json(request):
        response = JsonResponse(
            {
                "error": "database_unavailable",
                "message": _(
                    "De verbinding met de database viel even weg. Uw eerder opgeslagen antwoorden zijn bewaard; "
                    "wat u net invulde is nog niet opgeslagen. We proberen het over enkele seconden opnieuw."
                ),
            },
            status=503,
        )
    else:
        response = render(request, "503.html", {"retry_url": request.path}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        # Logged with the traceback: the request id ties it to the person's report.
        logger.error("database unavailable during %s %s", request.method, request.path, exc_info=exception)
        return database_unavailable_response(request)
