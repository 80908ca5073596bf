"""The one place that answers: may this user see these figures?

- the national figures of a round: analysts (and administrators) only;
- an institution's figures (its own beside the national ones): analysts always, and
  the members of that institution once the round is published;
- anyone else: no. Anonymous visitors are sent to the sign-in page by the views.

Every view and endpoint that shows figures asks here; tests try each forbidden door.
"""

from django.core.exceptions import PermissionDenied

from surveys.models import Institution, Round, User


def may_view_national(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_analyst)


def may_view_institution(user: User, institution: Institution, round: Round) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_analyst:
        return True
    return user.is_respondent and user.institution_id == institution.pk and round.status == Round.Status.PUBLISHED


def require_national(user: User) -> None:
    if not may_view_national(user):
        raise PermissionDenied


def require_institution(user: User, institution: Institution, round: Round) -> None:
    if not may_view_institution(user, institution, round):
        raise PermissionDenied
