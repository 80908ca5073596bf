"""Saving a page in the background, shortly after each change (the page's script calls this).

The answer is JSON: the new version and fingerprints to send with the next save,
or why nothing was saved (signed out: 401; locked or not yours: 403; invalid: 400).
"""

from django.http import HttpRequest, JsonResponse
from django.utils.formats import time_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from surveys.access import ResponseAccess
from surveys.selectors import round_content
from surveys.services.responses import ResponseLocked
from surveys.services.sections import sections_for
from surveys.views.context import navigation_update
from surveys.views.decorators import scan_json_view
from surveys.views.pages import save_form
from surveys.views.pages_registry import find_section, form_class, section_url


@scan_json_view
def autosave_view(request: HttpRequest, access: ResponseAccess, page: str, block_code: str | None = None):
    if not access.can_edit:
        return JsonResponse({"error": "locked", "message": access.refusal}, status=403)
    sections = sections_for(round_content(access.round))
    section = find_section(sections, page, block_code)
    stored = section.read(access.response)
    form = form_class(section)(request.POST, section=section, stored=stored, response=access.response)
    if form.names_other_response():
        return JsonResponse(
            {"error": "forbidden", "message": _("U hebt geen toegang tot deze antwoorden.")}, status=403
        )
    if form.unexpected_keys():
        return JsonResponse(
            {"error": "tampered", "message": _("Dit verzoek bevat onderdelen die niet op deze pagina staan.")},
            status=400,
        )
    if not form.is_valid():
        return JsonResponse(
            {
                "error": "invalid",
                "message": _("Niet opgeslagen: controleer de gemarkeerde velden."),
                "errors": {name: [str(error) for error in errors] for name, errors in form.errors.items()},
            },
            status=400,
        )
    try:
        outcome = save_form(request, access, section, form)
    except ResponseLocked as locked:
        return JsonResponse({"error": "locked", "message": locked.reason}, status=403)
    saved_at = time_format(localtime(outcome.saved_at), "H:i")
    payload = {
        "status": "saved",
        "version": outcome.version,
        "originals": outcome.originals,
        "saved_at": saved_at,
        "message": _("Opgeslagen om %(time)s") % {"time": saved_at},
        "stale": outcome.stale,
        "conflicts": len(outcome.conflicts),
        "page_url": section_url(access, section),
        # The list of pages with their progress, as it stands after this save.
        **navigation_update(access, sections, section),
    }
    return JsonResponse(payload)
