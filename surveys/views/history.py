"""The history of the institution's answers: who changed what, when, old → new."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from surveys.access import ResponseAccess
from surveys.selectors import round_content
from surveys.services.history import response_history
from surveys.services.sections import read_all, sections_for
from surveys.views.context import scan_context
from surveys.views.decorators import scan_view

PER_PAGE = 50


@scan_view
def history_view(request: HttpRequest, access: ResponseAccess) -> HttpResponse:
    content = round_content(access.round)
    sections = sections_for(content)
    context = scan_context(request, access, sections=sections, values=read_all(access.response, sections))
    entries = response_history(response=access.response, content=content)
    context["page_obj"] = Paginator(entries, PER_PAGE).get_page(request.GET.get("pagina"))
    return render(request, "surveys/history.html", context)
