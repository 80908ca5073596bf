"""Fixtures of the fill-in tests: an open round around today, and the responses of Aalst (alice, bob) and Zwolle."""

import datetime

import pytest

from surveys.models import Round
from tests.factories import ResponseFactory, RoundFactory
from tests.surveys.fillin_support import TODAY, YEAR


@pytest.fixture
def open_round(db):
    return RoundFactory(
        year=YEAR,
        opens_on=TODAY - datetime.timedelta(days=30),
        closes_on=TODAY + datetime.timedelta(days=30),
        status=Round.Status.OPEN,
    )


@pytest.fixture
def response(open_round, aalst):
    """Alice's (and Bob's) response: Ziekenhuis Aalst's, in the open round."""
    return ResponseFactory(round=open_round, institution=aalst)


@pytest.fixture
def charlies_response(open_round, zwolle):
    return ResponseFactory(round=open_round, institution=zwolle)
