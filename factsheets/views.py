"""The factsheet on the web (a page with interactive charts, and its PDF) and the analysts' batch of them.

Thin views: find the round and institution, ask `factsheets.access`, build the one
view model (factsheets/factsheet/content.py) and render it. A member sees its own
institution's factsheet once the round is published, an analyst any institution's.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from factsheets import access
from factsheets.aggregation import FiguresUnavailable, institution_picture
from factsheets.aggregation.pictures import InstitutionPicture
from factsheets.batch_models import FactsheetBatch
from factsheets.factsheet.content import build_factsheet
from factsheets.factsheet.jobs import batch_start
from factsheets.factsheet.stored import stored_factsheet_pdf
from surveys.models import Institution, Response, Round


def _page_language() -> str:
    return "en" if (get_language() or "nl").startswith("en") else "nl"


def _picture(request: HttpRequest, year: int, code: str) -> tuple[Round, InstitutionPicture] | HttpResponse:
    """The round and the institution's picture if this user may see it; a "not yet published" page for its members."""
    scan_round = get_object_or_404(Round, year=year)
    institution = get_object_or_404(Institution, code=code)
    if not access.may_view_institution(request.user, institution, scan_round):
        own = getattr(request.user, "institution_id", None) == institution.pk
        if own and scan_round.status != Round.Status.PUBLISHED:
            return render(
                request,
                "factsheets/web/not_published.html",
                {"round": scan_round, "institution": institution},
                status=404,
            )
        raise PermissionDenied
    try:
        return scan_round, institution_picture(scan_round, institution)
    except FiguresUnavailable as missing:
        raise Http404(_("Deze instelling heeft in deze ronde geen ingediende scan.")) from missing


@require_GET
@login_required
def factsheet_index(request: HttpRequest) -> HttpResponse:
    """Members: their institution's factsheets of the published rounds. Analysts: every round's batch page."""
    user = request.user
    if user.is_analyst:
        rounds = Round.objects.exclude(status=Round.Status.DRAFT).order_by("-year")
        return render(request, "factsheets/web/index.html", {"rounds": rounds, "as_analyst": True})
    if user.institution is None:
        raise PermissionDenied
    responses = (
        Response.objects.filter(
            institution=user.institution, status=Response.Status.SUBMITTED, round__status=Round.Status.PUBLISHED
        )
        .select_related("round")
        .order_by("-round__year")
    )
    return render(
        request,
        "factsheets/web/index.html",
        {"rounds": [r.round for r in responses], "institution": user.institution, "as_analyst": False},
    )


@require_GET
@login_required
def factsheet_own(request: HttpRequest, year: int) -> HttpResponse:
    """The signed-in member's own factsheet; an analyst chooses one on the batch page."""
    if request.user.is_analyst:
        return redirect("factsheets:batches", year=year)
    if request.user.institution is None:
        raise PermissionDenied
    return redirect("factsheets:factsheet", year=year, code=request.user.institution.code)


@require_GET
@login_required
def factsheet_page(request: HttpRequest, year: int, code: str) -> HttpResponse:
    found = _picture(request, year, code)
    if isinstance(found, HttpResponse):
        return found
    scan_round, picture = found
    factsheet = build_factsheet(picture, language=_page_language())
    return render(
        request,
        "factsheets/web/factsheet.html",
        {"factsheet": factsheet, "preview": scan_round.status != Round.Status.PUBLISHED},
    )


@require_GET
@login_required
def factsheet_pdf(request: HttpRequest, year: int, code: str) -> HttpResponse:
    """The PDF in the institution's own language (Dutch or English)."""
    found = _picture(request, year, code)
    if isinstance(found, HttpResponse):
        return found
    filename, mimetype, content = stored_factsheet_pdf(found[1])
    return HttpResponse(
        content, content_type=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )


@require_http_methods(["GET", "POST"])
@login_required
def batches(request: HttpRequest, year: int) -> HttpResponse:
    """Analysts: every submitted institution's factsheet, and the batches that make them all at once."""
    access.require_national(request.user)
    scan_round = get_object_or_404(Round, year=year)
    if request.method == "POST":
        try:
            batch = batch_start(round=scan_round, user=request.user)
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
            return redirect("factsheets:batches", year=year)
        return redirect("factsheets:batch", year=year, pk=batch.pk)
    responses = (
        Response.objects.filter(round=scan_round, status=Response.Status.SUBMITTED)
        .select_related("institution")
        .order_by("institution__name")
    )
    return render(
        request,
        "factsheets/web/batches.html",
        {
            "round": scan_round,
            "published": scan_round.status == Round.Status.PUBLISHED,
            "institutions": [response.institution for response in responses],
            "batches": scan_round.factsheet_batches.select_related("created_by")[:10],
        },
    )


@require_GET
@login_required
def batch_detail(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    access.require_national(request.user)
    batch = get_object_or_404(FactsheetBatch.objects.select_related("round", "created_by"), pk=pk, round__year=year)
    return render(request, "factsheets/web/batch.html", {"batch": batch, "round": batch.round})


@require_GET
@login_required
def batch_download(request: HttpRequest, year: int, pk: int) -> FileResponse:
    access.require_national(request.user)
    batch = get_object_or_404(FactsheetBatch, pk=pk, round__year=year)
    if not batch.archive:
        raise Http404(_("Deze reeks heeft (nog) geen zip."))
    return FileResponse(batch.archive.open("rb"), as_attachment=True, filename=batch.archive.name.rsplit("/", 1)[-1])
