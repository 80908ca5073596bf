"""The pictures are plain values that survive a trip through JSON unchanged."""

import json

import pytest

from factsheets.aggregation import institution_picture, national_picture
from factsheets.aggregation.pictures import InstitutionPicture, NationalPicture, Suppressed
from tests.factories import InstitutionFactory
from tests.factsheets.builders import make_round, respond

RANKING = [
    "regiovisie",
    "leiderschap",
    "ict",
    "financien",
    "professionals",
    "programma_organisatie",
    "patient_populatie",
    "stakeholders",
]


@pytest.fixture
def two_rounds(db):
    r2020 = make_round(2020)
    r2021 = make_round(2021, previous=r2020, lineage="reworded")
    institutions = [InstitutionFactory() for _ in range(6)]
    for i, institution in enumerate(institutions):
        answers = {"priorities": RANKING, "collaboration": {"vvt": 2}, "consent": True, "pride_example": "Trots"}
        respond(r2020, institution, levels=2, focus_areas=["ehealth"], **answers)
        respond(r2021, institution, levels=3 + i % 2, focus_areas=["ehealth", "preventie"], **answers)
    respond(r2021, InstitutionFactory(type="overig"), levels=1)
    return r2021, institutions


def test_a_national_picture_survives_json_unchanged(two_rounds):
    round_2021, _ = two_rounds
    picture = national_picture(round_2021)

    assert NationalPicture.from_dict(json.loads(json.dumps(picture.to_dict()))) == picture


def test_an_institution_picture_survives_json_unchanged(two_rounds):
    round_2021, institutions = two_rounds
    picture = institution_picture(round_2021, institutions[0])

    assert InstitutionPicture.from_dict(json.loads(json.dumps(picture.to_dict()))) == picture


def test_a_suppressed_group_comes_back_as_suppressed(two_rounds):
    round_2021, _ = two_rounds
    picture = NationalPicture.from_dict(json.loads(json.dumps(national_picture(round_2021).to_dict())))

    other = picture.group("sector", "other")
    assert other.figures == Suppressed(group="sector:other", n=1, minimum=5, reason="small")
    assert other.figures.suppressed is True
    assert picture.group("sector", "hospitals").figures.suppressed is True  # secondary: national − hospitals = other


def test_the_pictures_hold_no_pandas_or_numpy_values(two_rounds):
    round_2021, institutions = two_rounds

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        else:
            assert value is None or type(value) in (bool, int, float, str), type(value)

    walk(national_picture(round_2021).to_dict())
    walk(institution_picture(round_2021, institutions[0]).to_dict())
