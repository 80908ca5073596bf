"""Comparison groups: hospitals vs others, type and region; small groups are withheld, and say so."""

import pytest

from factsheets.aggregation import national_picture
from factsheets.aggregation.groups import suppression
from factsheets.aggregation.pictures import Suppressed
from tests.factories import InstitutionFactory
from tests.factsheets.builders import make_round, respond


@pytest.fixture
def round_2021(db):
    return make_round(2021)


def test_a_one_institution_group_is_suppressed_not_shown(round_2021):
    for _ in range(6):
        respond(round_2021, InstitutionFactory(type="stz", region="utrecht"), levels=3)
    respond(round_2021, InstitutionFactory(type="umc", region="utrecht"), levels=1)

    umc = national_picture(round_2021).group("type", "umc")

    assert umc.n == 1
    assert umc.figures == Suppressed(group="type:umc", n=1, minimum=5, reason="small")


def test_a_second_group_is_withheld_when_the_nation_would_give_the_small_one_away(round_2021):
    for _ in range(6):
        respond(round_2021, InstitutionFactory(type="stz"), levels=3)
    respond(round_2021, InstitutionFactory(type="umc"), levels=1)

    stz = national_picture(round_2021).group("type", "stz")

    # National mean × 7 − STZ mean × 6 would be the UMC's own score.
    assert stz.figures == Suppressed(group="type:stz", n=6, minimum=5, reason="secondary")


def test_groups_large_enough_are_shown_with_their_own_figures(round_2021):
    for _ in range(5):
        respond(round_2021, InstitutionFactory(type="stz", region="utrecht"), levels=2)
    for _ in range(5):
        respond(round_2021, InstitutionFactory(type="overig", region="limburg"), levels=4)

    picture = national_picture(round_2021)

    hospitals = picture.group("sector", "hospitals").figures
    others = picture.group("sector", "other").figures
    assert hospitals.total.mean == pytest.approx(2.0)
    assert others.total.mean == pytest.approx(4.0)
    assert picture.group("region", "limburg").figures.block("leiderschap").mean == pytest.approx(4.0)
    assert picture.national.total.mean == pytest.approx(3.0)


def test_the_minimum_is_the_setting(round_2021, settings):
    settings.JUMP_MIN_GROUP_SIZE = 2
    for _ in range(3):
        respond(round_2021, InstitutionFactory(type="stz"), levels=2)
    respond(round_2021, InstitutionFactory(type="umc"), levels=1)
    respond(round_2021, InstitutionFactory(type="umc"), levels=1)

    picture = national_picture(round_2021)

    assert picture.min_group_size == 2
    assert picture.group("type", "umc").figures.total.mean == pytest.approx(1.0)


def test_an_institution_counts_in_the_type_it_declared_that_round(round_2021):
    moved = InstitutionFactory(type="stz")  # an STZ hospital now, an "algemeen" one when it answered
    respond(round_2021, moved, institution_type="algemeen", levels=4)
    for _ in range(5):
        respond(round_2021, InstitutionFactory(type="algemeen"), levels=2)

    picture = national_picture(round_2021)

    assert picture.group("type", "algemeen").n == 6
    assert picture.group("type", "stz") is None


def test_a_response_without_a_declared_profile_falls_back_to_the_institution(round_2021):
    respond(round_2021, InstitutionFactory(type="umc", region="groningen"), institution_type="", region="", levels=3)

    picture = national_picture(round_2021)

    assert picture.group("type", "umc").n == 1
    assert picture.group("region", "groningen").n == 1


@pytest.mark.parametrize(
    ("sizes", "expected"),
    [
        ({"a": 10, "b": 7}, {"a": None, "b": None}),
        ({"a": 10, "b": 1}, {"a": "secondary", "b": "small"}),
        ({"a": 10, "b": 3, "c": 3}, {"a": None, "b": "small", "c": "small"}),  # together 6: safe
        ({"a": 10, "b": 2, "c": 2, "d": 8}, {"a": None, "b": "small", "c": "small", "d": "secondary"}),
        ({"a": 4}, {"a": "small"}),
    ],
)
def test_suppression_withholds_the_smallest_groups_until_the_withheld_ones_are_safe(sizes, expected):
    assert suppression(sizes, 5) == expected
