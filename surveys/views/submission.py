"""The summary of all answers with links back, submitting, and reopening (analysts)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from surveys.access import ResponseAccess
from surveys.forms.submission import SubmitForm
from surveys.selectors import round_content
from surveys.services.sections import read_all, sections_for
from surveys.services.submission import AlreadySubmitted, SubmissionRefused, response_reopen, response_submit
from surveys.views.context import scan_context
from surveys.views.decorators import scan_view
from surveys.views.pages_registry import scan_url


@scan_view
def summary_view(request: HttpRequest, access: ResponseAccess) -> HttpResponse:
    if request.method == "POST":
        return submit(request, access)
    return render_summary(request, access, SubmitForm(initial={"version": access.response.version}))


def submit(request: HttpRequest, access: ResponseAccess) -> HttpResponse:
    if access.as_analyst:
        raise PermissionDenied
    form = SubmitForm(request.POST)
    if not form.is_valid():
        return render_summary(request, access, form, status=400)
    try:
        response_submit(response=access.response, user=request.user, version=form.cleaned_data["version"])
    except AlreadySubmitted:
        messages.info(request, _("Deze scan was al ingediend; er is niets dubbel ingediend."))
        return redirect(scan_url(access, "overview"))
    except SubmissionRefused as refused:
        messages.error(request, refused.reason)
        return redirect(scan_url(access, "summary"))
    messages.success(request, _("Dank u wel! De scan is ingediend. U kunt de antwoorden nog lezen en als PDF bewaren."))
    return redirect(scan_url(access, "overview"))


def render_summary(request: HttpRequest, access: ResponseAccess, form: SubmitForm, *, status: int = 200):
    sections = sections_for(round_content(access.round))
    values = read_all(access.response, sections)
    context = scan_context(request, access, sections=sections, values=values)
    pages = []
    for entry in context["nav"]:
        section = entry.section
        missing = set(section.missing(values))
        items = [
            {
                "label": section.label(key),
                "value": section.display(key, values[key]),
                "answered": bool(values[key]),
                "missing": section.label(key) in missing,
            }
            for key in section.shown_keys(values)
        ]
        pages.append({"entry": entry, "items": items, "missing": bool(missing)})
    incomplete = any(page["missing"] for page in pages)
    context.update({"pages": pages, "incomplete": incomplete, "form": form})
    return render(request, "surveys/summary.html", context, status=status)


@scan_view
def reopen_view(request: HttpRequest, access: ResponseAccess) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    response_reopen(response=access.response, user=request.user)
    messages.success(
        request, _("De scan van %(institution)s is heropend.") % {"institution": access.response.institution}
    )
    return redirect(scan_url(access, "overview"))
