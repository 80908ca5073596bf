"""The pages of the scan: a building block, the profile, focus areas, collaboration, priorities, pride.

GET shows the page with the stored answers (and any conflict waiting for a choice);
POST saves it as a draft and redirects, so a reload never posts twice.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.formats import time_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from surveys.access import ResponseAccess
from surveys.forms.base import ScanForm
from surveys.forms.conflicts import ConflictForm
from surveys.selectors import round_content
from surveys.services.responses import ResponseLocked, SaveOutcome, response_save_section
from surveys.services.sections import Section, read_all, sections_for
from surveys.views import conflict_store
from surveys.views.context import scan_context
from surveys.views.decorators import scan_view
from surveys.views.pages_registry import find_section, form_class, section_url, template_name


@scan_view
def page_view(request: HttpRequest, access: ResponseAccess, page: str, block_code: str | None = None) -> HttpResponse:
    sections = sections_for(round_content(access.round))
    section = find_section(sections, page, block_code)
    values = read_all(access.response, sections)
    stored = {key: values[key] for key in section.item_keys()}
    form_type = form_class(section)
    if request.method != "POST":
        form = form_type(section=section, stored=stored, response=access.response)
        return render_page(request, access, sections, values, section, form)

    if not access.can_edit:
        form = form_type(section=section, stored=stored, response=access.response)
        return render_page(request, access, sections, values, section, form, status=403)
    form = form_type(request.POST, section=section, stored=stored, response=access.response)
    refusal = check_tampering(form)
    if refusal is not None:
        return refusal
    if not form.is_valid():
        return render_page(request, access, sections, values, section, form, status=400)
    try:
        outcome = save_form(request, access, section, form)
    except ResponseLocked as locked:
        messages.error(request, locked.reason)
        return redirect(section_url(access, section))
    announce(request, outcome)
    index = sections.index(section)
    if request.POST.get("action") == "next" and not outcome.stale and index + 1 < len(sections):
        return redirect(section_url(access, sections[index + 1]))
    return redirect(section_url(access, section))


def check_tampering(form: ScanForm) -> HttpResponse | None:
    """Refuse a request that names another response or items that are not on this page; nothing is saved."""
    if form.names_other_response():
        raise PermissionDenied
    if form.unexpected_keys():
        return HttpResponseBadRequest(_("Dit verzoek bevat onderdelen die niet op deze pagina staan."))
    return None


def save_form(request: HttpRequest, access: ResponseAccess, section: Section, form: ScanForm) -> SaveOutcome:
    outcome = response_save_section(
        response=access.response,
        section=section,
        user=request.user,
        version=form.cleaned_data["version"],
        values=form.item_values(),
        originals=form.cleaned_data["originals"],
    )
    conflict_store.remember(request, access.response, section, outcome.conflicts)
    return outcome


def saved_at_message(outcome: SaveOutcome) -> str:
    return _("Opgeslagen om %(time)s") % {"time": time_format(localtime(outcome.saved_at), "H:i")}


def announce(request: HttpRequest, outcome: SaveOutcome) -> None:
    if outcome.conflicts:
        messages.warning(
            request,
            ngettext(
                "Een collega heeft intussen hetzelfde antwoord anders ingevuld. Kies hieronder welk antwoord blijft.",
                "Een collega heeft intussen %(count)d antwoorden anders ingevuld. Kies hieronder welke blijven.",
                len(outcome.conflicts),
            )
            % {"count": len(outcome.conflicts)},
        )
    elif outcome.kept_theirs:
        messages.info(request, _("Een collega heeft intussen antwoorden op deze pagina gewijzigd; die zijn bewaard."))
    else:
        messages.success(request, saved_at_message(outcome))


def render_page(
    request: HttpRequest,
    access: ResponseAccess,
    sections: list[Section],
    values: dict[str, str],
    section: Section,
    form: ScanForm,
    *,
    status: int = 200,
) -> HttpResponse:
    stored = {key: values[key] for key in section.item_keys()}
    context = scan_context(request, access, sections=sections, values=values, current=section)
    waiting = conflict_store.pending(request, access.response, section, stored) if access.can_edit else {}
    context.update(
        {
            "section": section,
            "form": form,
            "field_for_key": form.field_for_key(),
            "conflict_form": (
                ConflictForm(section=section, pending=waiting, stored=stored, response=access.response)
                if waiting
                else None
            ),
            "page_url": section_url(access, section),
            "autosave_url": section_url(access, section, "_autosave") if access.can_edit else "",
            "conflict_url": section_url(access, section, "_conflict") if access.can_edit else "",
        }
    )
    return render(request, template_name(section), context, status=status)
