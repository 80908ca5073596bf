"""Data pages: download a round's data or the institution list, and upload a file to import.

An upload is checked first without writing (a dry run) and the analyst sees what it
would change and every problem; only a confirmation writes. Between the two steps the
file waits in the analyst's session, tied to a one-off token.
"""

import base64
import secrets
import zlib

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from analysts.access import analyst_required
from analysts.exports import institutions as institutions_export
from analysts.exports import round_data
from analysts.exports.forms import RoundExportForm
from analysts.imports.forms import ImportConfirmForm, ImportUploadForm
from analysts.imports.service import import_file
from surveys.models import Response, Round

SESSION_KEY = "analysts_pending_import"


def _download(filename: str, mimetype: str, content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type=mimetype)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@analyst_required
@require_GET
def data_home(request: HttpRequest) -> HttpResponse:
    # The latest round with submitted answers: the newest round is often still empty.
    answered = Round.objects.filter(responses__status=Response.Status.SUBMITTED).order_by("-year").first()
    export_form = RoundExportForm(initial={"round": answered.year} if answered else {})
    return render(request, "analysts/data.html", {"export_form": export_form, "upload_form": ImportUploadForm()})


@analyst_required
@require_GET
def data_export(request: HttpRequest) -> HttpResponse:
    form = RoundExportForm(request.GET)
    if not form.is_valid():
        return render(
            request, "analysts/data.html", {"export_form": form, "upload_form": ImportUploadForm()}, status=400
        )
    return _download(
        *round_data.render(
            round=form.cleaned_data["round"],
            fmt=form.cleaned_data["format"],
            include_drafts=form.cleaned_data["include_drafts"],
            pseudonymised=form.cleaned_data["pseudonymised"],
        )
    )


@analyst_required
@require_GET
def institutions_download(request: HttpRequest) -> HttpResponse:
    fmt = request.GET.get("format", "xlsx")
    if fmt not in round_data.FORMATS:
        fmt = "xlsx"
    return _download(*institutions_export.render(fmt=fmt))


@analyst_required
@require_http_methods(["GET", "POST"])
def data_import(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and "token" in request.POST:
        return _confirm(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "GET" or not form.is_valid():
        return _import_page(request, upload_form=form)
    upload = form.cleaned_data["file"]
    content = upload.read()
    chosen = form.cleaned_data["round"]
    year = chosen.year if chosen else None
    report = import_file(content=content, filename=upload.name, year=year, dry_run=True)
    confirm_form = None
    if report.ok:
        token = secrets.token_urlsafe(16)
        request.session[SESSION_KEY] = {
            "token": token,
            "filename": upload.name,
            "year": year,
            # Compressed: a CSV shrinks about tenfold, and the session is stored in the database.
            "content": base64.b64encode(zlib.compress(content)).decode("ascii"),
        }
        confirm_form = ImportConfirmForm(initial={"token": token})
    return _import_page(
        request, upload_form=ImportUploadForm(), report=report, filename=upload.name, confirm_form=confirm_form
    )


def _import_page(request: HttpRequest, **context) -> HttpResponse:
    """The import page; it says what a file must look like (the columns of the exports)."""
    context["institution_columns"] = institutions_export.HEADER
    return render(request, "analysts/data_import.html", context)


def _confirm(request: HttpRequest) -> HttpResponse:
    form = ImportConfirmForm(request.POST)
    pending = request.session.get(SESSION_KEY)
    if not form.is_valid() or not pending or not secrets.compare_digest(pending["token"], form.cleaned_data["token"]):
        messages.error(request, _("Deze import is verlopen of al uitgevoerd: upload het bestand opnieuw."))
        return redirect("analysts:data_import")
    del request.session[SESSION_KEY]
    report = import_file(
        content=zlib.decompress(base64.b64decode(pending["content"])),
        filename=pending["filename"],
        year=pending["year"],
        actor=request.user,
    )
    if not report.ok:
        # The data changed between the check and the confirmation; show why nothing was written.
        return _import_page(request, upload_form=ImportUploadForm(), report=report, filename=pending["filename"])
    messages.success(
        request,
        _("%(file)s is geïmporteerd: %(created)d nieuw, %(updated)d gewijzigd, %(unchanged)d ongewijzigd.")
        % {
            "file": pending["filename"],
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
        },
    )
    return redirect("analysts:data")
