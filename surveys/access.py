"""The one place that answers: may this user see this response, and may they change it?

Every fill-in view resolves its response through `own_response` (a contact person's
own institution) or `institution_response` (an analyst looking at an institution),
and every service that writes asks `edit_refusal` again on the locked row. A view
never looks a response up by an id from the request.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from surveys.models import Response, Round, User
from surveys.selectors import round_visible_to_institutions


@dataclass(frozen=True)
class ResponseAccess:
    """A response as one user may use it: `refusal` says why they may not change it ("" when they may)."""

    response: Response
    round: Round
    user: User
    as_analyst: bool
    refusal: str

    @property
    def can_edit(self) -> bool:
        return not self.refusal


def may_view(user: User, response: Response) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_analyst:
        return True
    return (
        user.is_respondent
        and user.institution_id == response.institution_id
        and response.round.status != Round.Status.DRAFT
    )


def edit_refusal(user: User, response: Response, *, today: datetime.date) -> str:
    """Why `user` may not change the answers of `response` today, or "" when they may."""
    if not may_view(user, response):
        return _("U hebt geen toegang tot deze antwoorden.")
    if user.is_analyst:
        return _("U bekijkt de antwoorden van deze instelling als analist; alleen de instelling vult ze in.")
    scan_round = response.round
    if not scan_round.accepts_answers(today):
        if scan_round.status == Round.Status.OPEN and today < scan_round.opens_on:
            return _("De ronde opent op %(date)s; tot dan kunt u nog niets invullen.") % {
                "date": date_format(scan_round.opens_on)
            }
        return _("De ronde is gesloten op %(date)s. Er kan niets meer worden gewijzigd.") % {
            "date": date_format(scan_round.closes_on)
        }
    if response.is_submitted:
        return _("Uw instelling heeft de scan ingediend. De antwoorden zijn nu alleen nog te lezen.")
    return ""


def may_edit(user: User, response: Response, *, today: datetime.date) -> bool:
    return not edit_refusal(user, response, today=today)


def own_response(user: User, year: int, *, today: datetime.date) -> ResponseAccess:
    """The response of the user's own institution to the round of `year` (started when the round is open)."""
    from surveys.services.responses import response_start

    if not user.is_respondent:
        raise PermissionDenied
    # The usual case in one query: the response exists, with its round and institution.
    response = (
        Response.objects.select_related("round__questionnaire", "institution")
        .exclude(round__status=Round.Status.DRAFT)
        .filter(round__year=year, institution_id=user.institution_id)
        .first()
    )
    if response is None:
        scan_round = round_visible_to_institutions(year)
        if scan_round is None or not scan_round.accepts_answers(today):
            raise Http404
        response = response_start(scan_round=scan_round, institution=user.institution)
        response.round = scan_round
    user.institution = response.institution  # the same row, already loaded: the page header shows its name
    return ResponseAccess(response, response.round, user, False, edit_refusal(user, response, today=today))


def institution_response(user: User, year: int, institution_code: str, *, today: datetime.date) -> ResponseAccess:
    """An institution's response as an analyst sees it: read-only."""
    if not user.is_analyst:
        raise PermissionDenied
    response = (
        Response.objects.select_related("round__questionnaire", "institution")
        .filter(round__year=year, institution__code=institution_code)
        .first()
    )
    if response is None:
        raise Http404
    return ResponseAccess(response, response.round, user, True, edit_refusal(user, response, today=today))
