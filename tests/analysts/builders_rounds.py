"""Builders for the rounds and invitations tests: a round ready to copy, contact persons."""

import datetime

from analysts.services.rounds import round_create_next
from surveys.models import Institution, Response, Round, User
from tests.factories import InstitutionFactory, ResponseFactory, RoundFactory, UserFactory, answer_all


def next_round(*, source: Round, user: User, year: int | None = None) -> Round:
    """A draft round copied from `source` through the service, as an analyst would make it."""
    year = year or source.year + 1
    return round_create_next(
        source=source,
        year=year,
        title=f"JuMP-scan {year}",
        opens_on=datetime.date(year, 3, 1),
        closes_on=datetime.date(year, 5, 31),
        user=user,
    )


def submitted_response(*, round: Round, institution: Institution | None = None, level: int = 3) -> Response:
    response = ResponseFactory(round=round, institution=institution or InstitutionFactory())
    answer_all(response, level=level)
    response.status = Response.Status.SUBMITTED
    response.submitted_at = datetime.datetime(round.year, 4, 1, 12, 0, tzinfo=datetime.UTC)
    response.save()
    return response


def draft_response(*, round: Round, institution: Institution) -> Response:
    return ResponseFactory(round=round, institution=institution)


def contact_person(*, institution: Institution, username: str, with_password: bool = True, **fields) -> User:
    person = UserFactory(username=username, institution=institution, **fields)
    if not with_password:
        person.set_unusable_password()
        person.save()
    return person


def open_round(year: int = 2021) -> Round:
    return RoundFactory(
        year=year,
        status=Round.Status.OPEN,
        opens_on=datetime.date(year, 1, 1),
        closes_on=datetime.date(2100, 12, 31),
    )
