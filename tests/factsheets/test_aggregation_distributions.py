"""Distribution per statement, focus areas and collaboration per stakeholder, computed by hand."""

import pytest

from factsheets.aggregation import national_picture
from tests.factories import InstitutionFactory
from tests.factsheets.builders import make_round, respond


@pytest.fixture
def round_2021(db):
    return make_round(2021)


def test_a_distribution_counts_institutions_per_level_with_shares_that_add_up_to_100(round_2021):
    for level in (1, 2, 4):
        respond(round_2021, levels={"LEI-01": level})
    respond(round_2021, levels={"LEI-02": 3})  # did not answer LEI-01: not in its n

    figures = national_picture(round_2021).national.statement("LEI-01")

    assert figures.distribution.n == 3
    assert figures.distribution.counts == [1, 1, 0, 1]
    assert figures.distribution.shares == pytest.approx([1 / 3, 1 / 3, 0, 1 / 3])
    assert figures.distribution.percentages == [34, 33, 0, 33]
    assert figures.mean == pytest.approx(7 / 3)


def test_ties_in_levels_are_counted_each(round_2021):
    for level in (2, 2, 3, 3):
        respond(round_2021, levels={"LEI-01": level})

    distribution = national_picture(round_2021).national.statement("LEI-01").distribution

    assert (distribution.counts, distribution.percentages) == ([0, 2, 2, 0], [0, 50, 50, 0])


def test_an_unanswered_statement_has_an_empty_distribution(round_2021):
    respond(round_2021, levels={"LEI-01": 2})

    distribution = national_picture(round_2021).national.statement("LEI-02").distribution

    assert (distribution.n, distribution.counts, distribution.percentages) == (0, [0, 0, 0, 0], [0, 0, 0, 0])


def test_focus_areas_are_shares_of_all_submitted_institutions_beside_the_previous_round(db):
    round_2020 = make_round(2020)
    round_2021 = make_round(2021, previous=round_2020)
    for areas in (["ehealth"], ["ehealth", "preventie"], [], ["preventie"]):
        respond(round_2021, focus_areas=areas, levels=3)
    for areas in (["ehealth"], ["netwerkzorg"]):
        respond(round_2020, focus_areas=areas, levels=2)

    picture = national_picture(round_2021).national

    ehealth = picture.focus_area("ehealth")
    assert (ehealth.count, ehealth.n, ehealth.share) == (2, 4, 0.5)
    assert (ehealth.previous_count, ehealth.previous_n, ehealth.previous_share) == (1, 2, 0.5)
    network = picture.focus_area("netwerkzorg")
    assert (network.count, network.share, network.previous_share) == (0, 0.0, 0.5)


def test_collaboration_is_a_distribution_of_intensities_per_stakeholder_beside_the_previous_round(db):
    round_2020 = make_round(2020)
    round_2021 = make_round(2021, previous=round_2020)
    for intensity in (4, 4, 3, 1):
        respond(round_2021, collaboration={"vvt": intensity}, levels=3)
    respond(round_2020, collaboration={"vvt": 2}, levels=3)

    vvt = national_picture(round_2021).national.stakeholder("vvt")

    assert vvt.distribution.counts == [1, 0, 1, 2]
    assert vvt.distribution.percentages == [25, 0, 25, 50]
    assert vvt.mean == pytest.approx(3.0)
    assert vvt.previous.counts == [0, 1, 0, 0]
    assert vvt.previous_mean == pytest.approx(2.0)


def test_a_focus_area_new_this_round_has_no_previous_share(db):
    round_2020 = make_round(2020)
    round_2021 = make_round(2021, previous=round_2020)
    round_2021.questionnaire.focus_areas.create(code="preventie_plus", label="Preventie+", position=9)
    respond(round_2021, focus_areas=["preventie_plus"], levels=3)
    respond(round_2020, levels=3)

    new = national_picture(round_2021).national.focus_area("preventie_plus")

    assert (new.share, new.previous_count, new.previous_share) == (1.0, None, None)


def test_distributions_by_type_count_only_that_types_institutions(round_2021):
    for level in (1, 1, 2, 3, 4):
        respond(round_2021, InstitutionFactory(type="stz"), levels={"LEI-01": level})
    for _ in range(5):
        respond(round_2021, InstitutionFactory(type="algemeen"), levels={"LEI-01": 4})

    picture = national_picture(round_2021)

    assert picture.group("type", "stz").figures.statement("LEI-01").distribution.counts == [2, 1, 1, 1]
    assert picture.group("type", "algemeen").figures.statement("LEI-01").distribution.counts == [0, 0, 0, 5]
    assert picture.national.statement("LEI-01").distribution.counts == [2, 1, 1, 6]
