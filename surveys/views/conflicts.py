"""Resolving conflicts: per answer, keep one's own value or the one a colleague saved first."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from surveys.access import ResponseAccess
from surveys.forms.conflicts import MINE, ConflictForm
from surveys.selectors import round_content
from surveys.services.responses import ResponseLocked, response_save_section
from surveys.services.sections import sections_for
from surveys.views import conflict_store
from surveys.views.decorators import scan_view
from surveys.views.pages import announce
from surveys.views.pages_registry import find_section, section_url


@scan_view
def resolve_view(
    request: HttpRequest, access: ResponseAccess, page: str, block_code: str | None = None
) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    sections = sections_for(round_content(access.round))
    section = find_section(sections, page, block_code)
    back = redirect(section_url(access, section))
    if not access.can_edit:
        messages.error(request, access.refusal)
        return back
    stored = section.read(access.response)
    waiting = conflict_store.pending(request, access.response, section, stored)
    form = ConflictForm(request.POST, section=section, pending=waiting, stored=stored, response=access.response)
    if not waiting:
        return back
    if not form.is_valid():
        messages.error(request, _("Kies bij elk verschil welk antwoord blijft."))
        return back
    decisions = form.decisions()
    mine = {key: waiting[key]["mine"] for key, choice in decisions.items() if choice == MINE}
    try:
        outcome = response_save_section(
            response=access.response,
            section=section,
            user=request.user,
            version=form.cleaned_data["version"],
            values=mine,
            originals=form.cleaned_data["originals"],
        )
    except ResponseLocked as locked:
        messages.error(request, locked.reason)
        return back
    conflict_store.store(request, access.response, section, {k: v for k, v in waiting.items() if k not in decisions})
    conflict_store.remember(request, access.response, section, outcome.conflicts)
    announce(request, outcome)
    return back
