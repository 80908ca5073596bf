"""Submitting a response once it is complete, and reopening it (analysts only).

Submitting twice (a double click, two tabs, two colleagues) submits once: the
row is locked and the status changes with a conditional update, so exactly one
request moves it from draft to submitted.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from surveys.access import edit_refusal
from surveys.models import Response, User
from surveys.selectors import round_content
from surveys.services.history import record_status_change
from surveys.services.sections import Section, read_all, sections_for


@dataclass(frozen=True)
class MissingItems:
    section: Section
    labels: list[str]


class SubmissionRefused(Exception):
    def __init__(self, reason: str, missing: list[MissingItems] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.missing = missing or []


class AlreadySubmitted(SubmissionRefused):
    pass


def response_missing_items(*, response: Response) -> list[MissingItems]:
    """The required items still unanswered, page by page."""
    sections = sections_for(round_content(response.round))
    values = read_all(response, sections)
    missing = [MissingItems(section, section.missing(values)) for section in sections]
    return [item for item in missing if item.labels]


def response_submit(
    *, response: Response, user: User, version: int | None = None, today: datetime.date | None = None
) -> Response:
    """Submit a complete response. With `version`, refuse when the answers changed since the person looked.

    Raises AlreadySubmitted when someone submitted it first, SubmissionRefused when it
    is incomplete, changed meanwhile or may not be changed by `user`.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = (
            Response.objects.select_for_update(of=("self",)).select_related("round__questionnaire").get(pk=response.pk)
        )
        if locked.is_submitted:
            raise AlreadySubmitted(_("Deze scan is al ingediend."))
        refusal = edit_refusal(user, locked, today=today)
        if refusal:
            raise SubmissionRefused(refusal)
        missing = response_missing_items(response=locked)
        if missing:
            raise SubmissionRefused(_("Nog niet alle verplichte vragen zijn beantwoord."), missing)
        matches = {"version": version} if version is not None else {}
        now = timezone.now()
        updated = Response.objects.filter(pk=locked.pk, status=Response.Status.DRAFT, **matches).update(
            status=Response.Status.SUBMITTED,
            submitted_at=now,
            submitted_by=user,
            version=F("version") + 1,
            updated_at=now,
            updated_by=user,
        )
        if not updated:
            raise SubmissionRefused(
                _("Een collega heeft intussen antwoorden gewijzigd. Bekijk het overzicht opnieuw en dien dan in.")
            )
        record_status_change(response=locked, user=user, old=Response.Status.DRAFT, new=Response.Status.SUBMITTED)
    response.refresh_from_db()
    return response


def response_reopen(*, response: Response, user: User) -> Response:
    """Put a submitted response back to draft so the institution can change it (while its round accepts answers)."""
    if not user.is_analyst:
        raise PermissionDenied
    with transaction.atomic():
        now = timezone.now()
        updated = Response.objects.filter(pk=response.pk, status=Response.Status.SUBMITTED).update(
            status=Response.Status.DRAFT,
            submitted_at=None,
            submitted_by=None,
            version=F("version") + 1,
            updated_at=now,
            updated_by=user,
        )
        if updated:
            record_status_change(response=response, user=user, old=Response.Status.SUBMITTED, new=Response.Status.DRAFT)
    response.refresh_from_db()
    return response
