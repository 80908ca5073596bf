"""The overview of a round: where the institution stands and where to continue."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from surveys.access import ResponseAccess
from surveys.selectors import round_content
from surveys.services.history import response_history
from surveys.services.sections import read_all, sections_for
from surveys.views.context import scan_context
from surveys.views.decorators import scan_view


@scan_view
def overview_view(request: HttpRequest, access: ResponseAccess) -> HttpResponse:
    content = round_content(access.round)
    sections = sections_for(content)
    values = read_all(access.response, sections)
    context = scan_context(request, access, sections=sections, values=values)
    incomplete = [entry for entry in context["nav"] if not entry.complete]
    context.update(
        {
            "continue_entry": incomplete[0] if incomplete else None,
            "recent_changes": response_history(response=access.response, content=content, limit=5),
            "updated_by": access.response.updated_by,
        }
    )
    return render(request, "surveys/overview.html", context)
