"""Builders for the analysts' tests: responses with every kind of answer filled in."""

import datetime

from django.utils import timezone

from surveys.models import (
    BlockAnswer,
    CollaborationAnswer,
    FocusAreaChoice,
    Institution,
    PriorityRank,
    Response,
    Round,
    StatementAnswer,
)
from tests.factories import InstitutionFactory, ResponseFactory, UserFactory


def full_response(
    round: Round,
    institution: Institution,
    *,
    seed: int = 0,
    submitted: bool = True,
    pride_example: str = "Ons transmurale zorgpad COPD.",
    good_example: str = "",
    remarks: str = "",
) -> Response:
    """A response with an answer of every kind; `seed` varies the levels so figures differ per institution."""
    response = ResponseFactory(
        round=round,
        institution=institution,
        status=Response.Status.SUBMITTED if submitted else Response.Status.DRAFT,
        submitted_at=(
            timezone.make_aware(datetime.datetime(round.year, 4, 1, 9, 30) + datetime.timedelta(hours=seed))
            if submitted
            else None
        ),
        pride_example=pride_example,
        consent_to_quote=bool(seed % 2),
    )
    questionnaire = round.questionnaire
    StatementAnswer.objects.bulk_create(
        StatementAnswer(response=response, statement=statement, level=(seed + index) % 4 + 1)
        for index, statement in enumerate(questionnaire.statements.all())
    )
    blocks = list(questionnaire.blocks.order_by("position"))
    BlockAnswer.objects.bulk_create(
        BlockAnswer(response=response, block=block, good_example=good_example, remarks=remarks) for block in blocks[:2]
    )
    FocusAreaChoice.objects.bulk_create(
        FocusAreaChoice(response=response, focus_area=area)
        for index, area in enumerate(questionnaire.focus_areas.all())
        if (index + seed) % 2 == 0
    )
    CollaborationAnswer.objects.bulk_create(
        CollaborationAnswer(response=response, stakeholder=stakeholder, intensity=(seed + index) % 4 + 1)
        for index, stakeholder in enumerate(questionnaire.stakeholders.all())
    )
    PriorityRank.objects.bulk_create(
        PriorityRank(response=response, block=block, rank=(index + seed) % len(blocks) + 1)
        for index, block in enumerate(blocks)
    )
    return response


def member(code: str, *, type: str = "algemeen", region: str = "utrecht", contacts: int = 1) -> Institution:
    """A member institution with `contacts` contact persons."""
    institution = InstitutionFactory(code=code, name=f"Ziekenhuis {code.title()}", type=type, region=region)
    for number in range(1, contacts + 1):
        UserFactory(
            username=f"{code}-{number}",
            first_name=f"Contact{number}",
            last_name=code.title(),
            email=f"contact{number}@{code}.example.nl",
            institution=institution,
        )
    return institution
