"""Response rate: submitted / invited, overall, hospitals vs others, and per type."""

import datetime

import pytest

from factsheets.aggregation import national_picture
from factsheets.aggregation.pictures import ResponseCount
from tests.factories import InstitutionFactory
from tests.factsheets.builders import make_round, respond


@pytest.fixture
def response(db):
    round_2021 = make_round(2021)  # closes 22 May 2021
    general = [InstitutionFactory(type="algemeen") for _ in range(6)]
    for institution in general[:3]:
        respond(round_2021, institution, levels=3)
    respond(round_2021, general[3], levels=2, submitted=False)
    others = [InstitutionFactory(type="overig") for _ in range(2)]
    respond(round_2021, others[0], levels=3)
    InstitutionFactory(type="umc", is_member=False)  # not a member: not invited
    respond(round_2021, InstitutionFactory(type="stz", is_member=False), levels=3)  # answered, so invited
    InstitutionFactory(type="categoraal", member_since=datetime.date(2022, 1, 1))  # joined after the round
    return national_picture(round_2021).response


def test_the_response_rate_is_submitted_over_invited(response):
    assert response.overall == ResponseCount(key="all", invited=9, started=6, submitted=5, rate=5 / 9)


def test_it_splits_hospitals_from_other_institutions(response):
    assert response.by_sector == [
        ResponseCount(key="hospitals", invited=7, started=5, submitted=4, rate=4 / 7),
        ResponseCount(key="other", invited=2, started=1, submitted=1, rate=1 / 2),
    ]


def test_it_gives_every_type_even_without_invitations(response):
    by_type = {count.key: count for count in response.by_type}

    assert list(by_type) == ["algemeen", "stz", "umc", "categoraal", "overig"]
    assert by_type["algemeen"] == ResponseCount(key="algemeen", invited=6, started=4, submitted=3, rate=0.5)
    assert by_type["stz"].rate == 1.0
    assert by_type["umc"] == ResponseCount(key="umc", invited=0, started=0, submitted=0, rate=None)
