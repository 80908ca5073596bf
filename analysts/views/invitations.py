"""Invitations and reminders: overview, preview, confirm-and-send, and the log of what was sent."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from analysts.access import analyst_required
from analysts.forms.invitations import PreviewForm
from analysts.models import MailBatch, MailKind, MailLog
from analysts.services import invitations as inv
from analysts.services.mail_batches import mail_batch_start
from surveys.models import Round


def _round(year: int) -> Round:
    return get_object_or_404(Round.objects.select_related("questionnaire"), year=year)


def _start(request: HttpRequest, round: Round, kind: str) -> HttpResponse:
    """Queue the batch and show its progress; a refusal (round status, a batch still sending) changes nothing."""
    try:
        batch = mail_batch_start(round=round, kind=kind, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("analysts:invitations", year=round.year)
    return redirect("analysts:mail_batch", year=round.year, pk=batch.pk)


@analyst_required
def invitations_index(request: HttpRequest, year: int) -> HttpResponse:
    round = _round(year)
    people = list(inv.contact_persons())
    log = {
        row["recipient"]: row
        for row in MailLog.objects.filter(round=round)
        .values("recipient")
        .annotate(
            invited_at=Max("sent_at", filter=Q(kind=MailKind.INVITATION)),
            reminders=Count("pk", filter=Q(kind=MailKind.REMINDER)),
        )
    }
    submitted = inv.submitted_institution_ids(round=round)
    rows = [
        {
            "person": person,
            "invited_at": log.get(person.pk, {}).get("invited_at"),
            "reminders": log.get(person.pk, {}).get("reminders", 0),
            "submitted": person.institution_id in submitted,
        }
        for person in people
    ]
    context = {
        "round": round,
        "rows": rows,
        "invited": sum(1 for row in rows if row["invited_at"]),
        "to_remind": sum(1 for row in rows if not row["submitted"]),
        "preview_form": PreviewForm(),
        "can_invite": round.status in (Round.Status.DRAFT, Round.Status.OPEN),
        "can_remind": round.status == Round.Status.OPEN,
        "sending": MailBatch.objects.filter(round=round, status__in=MailBatch.UNFINISHED),
    }
    return render(request, "analysts/invitations/index.html", context)


@analyst_required
def invitation_preview(request: HttpRequest, year: int) -> HttpResponse:
    round = _round(year)
    # Bound only once an institution is chosen, so the first visit shows no errors.
    if "institution" in request.GET:
        form = PreviewForm(request.GET)
    else:
        form = PreviewForm(initial={"kind": request.GET.get("kind", MailKind.INVITATION)})
    previews = None
    if form.is_valid():
        previews = inv.mail_preview(
            kind=form.cleaned_data["kind"], round=round, institution=form.cleaned_data["institution"]
        )
    return render(request, "analysts/invitations/preview.html", {"round": round, "form": form, "previews": previews})


@analyst_required
def invitations_send(request: HttpRequest, year: int) -> HttpResponse:
    round = _round(year)
    if request.method == "POST":
        return _start(request, round, MailKind.INVITATION)
    to_invite, already = inv.invitation_recipients(round=round)
    context = {
        "round": round,
        "kind": MailKind.INVITATION,
        "recipients": to_invite,
        "skipped": already,
        "institutions": sorted({person.institution.name for person in to_invite}),
    }
    return render(request, "analysts/invitations/confirm.html", context)


@analyst_required
def reminders_send(request: HttpRequest, year: int) -> HttpResponse:
    round = _round(year)
    if request.method == "POST":
        return _start(request, round, MailKind.REMINDER)
    recipients = inv.reminder_recipients(round=round)
    context = {
        "round": round,
        "kind": MailKind.REMINDER,
        "recipients": recipients,
        "skipped": [],
        "institutions": sorted({person.institution.name for person in recipients}),
    }
    return render(request, "analysts/invitations/confirm.html", context)


@analyst_required
@require_POST
def invitation_resend(request: HttpRequest, year: int, user_pk: int) -> HttpResponse:
    round = _round(year)
    person = get_object_or_404(inv.contact_persons(), pk=user_pk)
    try:
        inv.invitation_resend(round=round, recipient=person, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(name)s is opnieuw uitgenodigd.") % {"name": person.get_full_name() or person.email}
        )
    return redirect("analysts:invitations", year=round.year)


@analyst_required
def mail_log(request: HttpRequest, year: int) -> HttpResponse:
    round = _round(year)
    kind = request.GET.get("soort", "")
    entries = MailLog.objects.filter(round=round).select_related("recipient", "institution", "sent_by")
    if kind in MailKind.values:
        entries = entries.filter(kind=kind)
    page = Paginator(entries, 50).get_page(request.GET.get("pagina"))
    context = {"round": round, "page": page, "kind": kind, "kinds": MailKind.choices}
    return render(request, "analysts/invitations/log.html", context)


@analyst_required
def mail_batch(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    round = _round(year)
    batch = get_object_or_404(MailBatch.objects.select_related("created_by"), round=round, pk=pk)
    sent = batch.mails.count()
    return render(request, "analysts/invitations/batch.html", {"round": round, "batch": batch, "sent": sent})
