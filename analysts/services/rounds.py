"""A round's life: create it from last year's questionnaire, set its window, open, close, publish.

Status moves draft → open → closed → published. A closed round may open again (its
window reopened); publishing again makes a new snapshot and keeps the old one. Every
change is written to the audit log.
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from analysts.services.audit import audit_record
from analysts.services.questionnaires import questionnaire_copy, questionnaire_problems
from factsheets.models import Snapshot
from factsheets.services import round_publish as factsheets_round_publish
from surveys.models import Response, Round, User
from surveys.services.submission import response_reopen as surveys_response_reopen

# Which status a round may move to from each status.
TRANSITIONS: dict[str, set[str]] = {
    Round.Status.DRAFT: {Round.Status.OPEN},
    Round.Status.OPEN: {Round.Status.CLOSED},
    Round.Status.CLOSED: {Round.Status.OPEN, Round.Status.PUBLISHED},
    Round.Status.PUBLISHED: {Round.Status.PUBLISHED},
}


def round_can_move(*, round: Round, to: str) -> bool:
    return to in TRANSITIONS[round.status]


def _ensure_transition(round: Round, to: str) -> None:
    if not round_can_move(round=round, to=to):
        raise ValidationError(
            _("Een ronde met status ‘%(current)s’ kan niet naar ‘%(target)s’.")
            % {"current": round.get_status_display(), "target": Round.Status(to).label},
            code="invalid_transition",
        )


def _set_status(round: Round, to: str, user: User, **detail: Any) -> Round:
    old = round.status
    round.status = to
    round.full_clean()
    round.save(update_fields=["status"])
    audit_record(actor=user, action=f"round.{to}", obj=round, old={"status": old}, new={"status": to, **detail})
    return round


@transaction.atomic
def round_create_next(
    *,
    source: Round,
    year: int,
    title: str,
    opens_on: datetime.date,
    closes_on: datetime.date,
    user: User,
) -> Round:
    """A new draft round whose questionnaire is a copy of `source`'s, every statement with lineage `same`."""
    if year <= source.year:
        raise ValidationError(
            {"year": _("Het jaar moet na dat van de gekopieerde ronde (%(year)s) liggen.") % {"year": source.year}}
        )
    questionnaire = questionnaire_copy(
        source=source.questionnaire,
        code=str(year),
        title=_("JuMP-scan %(year)s") % {"year": year},
        title_en=f"JuMP-scan {year}",
        user=user,
    )
    round = Round(
        year=year,
        title=title,
        questionnaire=questionnaire,
        opens_on=opens_on,
        closes_on=closes_on,
        status=Round.Status.DRAFT,
    )
    round.full_clean()
    round.save()
    audit_record(
        actor=user,
        action="round.create",
        obj=round,
        new={"year": year, "questionnaire": questionnaire.code, "copied_from": source.questionnaire.code},
    )
    return round


@transaction.atomic
def round_set_window(*, round: Round, opens_on: datetime.date, closes_on: datetime.date, user: User) -> Round:
    if round.status == Round.Status.PUBLISHED:
        raise ValidationError(_("Het venster van een gepubliceerde ronde ligt vast."), code="published")
    if closes_on < opens_on:
        raise ValidationError({"closes_on": _("De sluitdatum ligt vóór de openingsdatum.")})
    old = {"opens_on": round.opens_on.isoformat(), "closes_on": round.closes_on.isoformat()}
    round.opens_on, round.closes_on = opens_on, closes_on
    round.full_clean()
    round.save(update_fields=["opens_on", "closes_on"])
    new = {"opens_on": opens_on.isoformat(), "closes_on": closes_on.isoformat()}
    if new != old:
        audit_record(actor=user, action="round.window", obj=round, old=old, new=new)
    return round


@transaction.atomic
def round_open(*, round: Round, user: User, today: datetime.date | None = None) -> Round:
    """Open the round for institutions; a closed round opens again (its window reopened).

    Opening needs a complete questionnaire and a window that has not yet ended.
    """
    _ensure_transition(round, Round.Status.OPEN)
    problems = questionnaire_problems(questionnaire=round.questionnaire)
    if problems:
        raise ValidationError(
            [
                ValidationError(text, code="incomplete")
                for text in [_("De vragenlijst is nog niet compleet."), *problems]
            ]
        )
    # One round open at a time: the pages of a contact person, the invitations and the monitor are
    # all about "the" open round.
    other = Round.objects.filter(status=Round.Status.OPEN).exclude(pk=round.pk).order_by("year").first()
    if other is not None:
        raise ValidationError(
            _("Ronde %(year)s is nog open: sluit die eerst, dan kan deze ronde open.") % {"year": other.year},
            code="other_round_open",
        )
    today = today or timezone.localdate()
    if round.closes_on < today:
        raise ValidationError(
            _("De sluitdatum (%(date)s) is al voorbij: verschuif eerst het venster.")
            % {"date": round.closes_on.strftime("%d-%m-%Y")},
            code="window_over",
        )
    return _set_status(round, Round.Status.OPEN, user)


@transaction.atomic
def round_close(*, round: Round, user: User) -> Round:
    _ensure_transition(round, Round.Status.CLOSED)
    return _set_status(round, Round.Status.CLOSED, user)


@transaction.atomic
def round_publish(*, round: Round, user: User) -> Snapshot:
    """Publish a closed round (or publish again): the factsheets side freezes the figures in a new snapshot."""
    _ensure_transition(round, Round.Status.PUBLISHED)
    old = round.status
    snapshot = factsheets_round_publish(round=round, user=user)
    audit_record(
        actor=user,
        action=f"round.{Round.Status.PUBLISHED}",
        obj=round,
        old={"status": old},
        new={"status": round.status, "snapshot": snapshot.pk, "method_version": snapshot.method_version},
    )
    return snapshot


def round_snapshots(*, round: Round) -> list[Snapshot]:
    """Every snapshot of the round, newest first (the figures themselves left unread)."""
    return list(Snapshot.objects.filter(round=round).defer("figures").select_related("created_by"))


@transaction.atomic
def response_reopen(*, response: Response, user: User) -> Response:
    """Give a submitted response back to its institution as a draft (an analyst's decision).

    The fill-in side owns the response's workflow and history; this adds the audit entry.
    """
    if not response.is_submitted:
        raise ValidationError(
            _("Deze respons is niet ingediend en hoeft niet heropend te worden."), code="not_submitted"
        )
    old = {"status": response.status, "submitted_at": response.submitted_at.isoformat()}
    response = surveys_response_reopen(response=response, user=user)
    audit_record(actor=user, action="response.reopen", obj=response, old=old, new={"status": response.status})
    return response
