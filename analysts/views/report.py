"""Downloads of the national report of a round: the PDF and its tables as XLSX."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from analysts.access import analyst_required
from factsheets.aggregation import national_picture
from factsheets.national_report.content import NothingToReport
from factsheets.national_report.render import render_national_report_pdf, render_national_report_xlsx
from surveys.models import Round

RENDERERS = {"pdf": render_national_report_pdf, "xlsx": render_national_report_xlsx}


@analyst_required
@require_GET
def national_report(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise Http404
    scan_round = get_object_or_404(Round, year=year)
    language = (get_language() or "nl").split("-")[0]
    try:
        filename, mimetype, content = renderer(national_picture(scan_round), language=language)
    except NothingToReport as empty:
        raise Http404("Deze ronde heeft nog geen ingediende scans.") from empty
    response = HttpResponse(content, content_type=mimetype)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
