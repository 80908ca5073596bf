"""Figures for use outside the app: JSON for analysts and for an institution's own members, and XLSX.

Thin views: find the round, ask `factsheets.access`, call the aggregation, render.
A published round's figures come from its latest snapshot.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from factsheets import access
from factsheets.aggregation import FiguresUnavailable, institution_picture, national_picture
from factsheets.exports import xlsx
from surveys.models import Institution, Round

JSON_OPTIONS = {"ensure_ascii": False}


@require_GET
@login_required
def national_json(request: HttpRequest, year: int) -> JsonResponse:
    access.require_national(request.user)
    scan_round = get_object_or_404(Round, year=year)
    return JsonResponse(national_picture(scan_round).to_dict(), json_dumps_params=JSON_OPTIONS)


@require_GET
@login_required
def institution_json(request: HttpRequest, year: int, code: str) -> JsonResponse:
    scan_round = get_object_or_404(Round, year=year)
    institution = get_object_or_404(Institution, code=code)
    access.require_institution(request.user, institution, scan_round)
    try:
        picture = institution_picture(scan_round, institution)
    except FiguresUnavailable as missing:
        raise Http404("Deze instelling heeft in deze ronde geen ingediende scan.") from missing
    return JsonResponse(picture.to_dict(), json_dumps_params=JSON_OPTIONS)


@require_GET
@login_required
def national_xlsx(request: HttpRequest, year: int) -> HttpResponse:
    access.require_national(request.user)
    scan_round = get_object_or_404(Round, year=year)
    filename, mimetype, content = xlsx.render(national_picture(scan_round), language=get_language() or "nl")
    return HttpResponse(
        content, content_type=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )
