"""The world of the security tests: a published 2021 round in which Ziekenhuis Aalst (alice, bob) submitted
its answers and charlie's institution did not take part; ann is the analyst."""

import datetime

import pytest
from django.utils import timezone

from surveys.models import BlockAnswer, Response, Round
from tests.factories import ResponseFactory, RoundFactory, answer_all


@pytest.fixture
def published_2021(aalst, bob):
    submitter = bob
    scan_round = RoundFactory(year=2021, status=Round.Status.PUBLISHED)
    response = ResponseFactory(round=scan_round, institution=aalst)
    answer_all(response, level=3)
    block = scan_round.questionnaire.blocks.order_by("position").first()
    BlockAnswer.objects.create(response=response, block=block, good_example="Samen met de huisartsen.")
    Response.objects.filter(pk=response.pk).update(
        status=Response.Status.SUBMITTED,
        submitted_at=timezone.now() - datetime.timedelta(days=200),
        submitted_by=submitter,
    )
    return scan_round


@pytest.fixture
def alices_response(published_2021, aalst):
    return Response.objects.get(round=published_2021, institution=aalst)
