"""The national picture restricted to a group: the dashboard's filters, protected like the picture's groups."""

import pytest

from factsheets.aggregation import national_picture
from factsheets.aggregation.filtered import group_picture
from factsheets.aggregation.pictures import Suppressed
from tests.factsheets.national_scan import NOT_CONSENTED_QUOTE, build_scan


@pytest.fixture
def scan(db):
    return build_scan()


def close(a, b) -> bool:
    """Equal up to the order in which floats were summed."""
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float):
        return a == pytest.approx(b)
    return a == b


@pytest.mark.parametrize(
    ("dimension", "key", "filters"),
    [
        ("type", "stz", {"institution_type": "stz"}),
        ("region", "limburg", {"region": "limburg"}),
        ("sector", "hospitals", {"sector": "hospitals"}),
    ],
)
def test_a_groups_picture_holds_the_figures_the_national_picture_has_for_that_group(scan, dimension, key, filters):
    national = national_picture(scan.round_2021)

    group = group_picture(scan.round_2021, **filters)

    assert close(group.national.to_dict(), national.group(dimension, key).figures.to_dict())


def test_a_group_smaller_than_the_minimum_is_withheld_with_its_size(scan):
    assert group_picture(scan.round_2021, institution_type="umc") == Suppressed(
        group="type:umc", n=2, minimum=5, reason="small"
    )
    assert group_picture(scan.round_2021, region="drenthe").n == 2


def test_a_combination_is_withheld_when_it_is_small_itself(scan):
    assert group_picture(scan.round_2021, institution_type="stz", region="utrecht").national.n == 6
    small = group_picture(scan.round_2021, sector="hospitals", region="limburg")
    assert isinstance(small, Suppressed)
    assert small.n == 0


def test_a_group_withheld_to_protect_another_is_withheld_here_too(scan, settings):
    settings.JUMP_MIN_GROUP_SIZE = 3
    # UMC (2) is small; the next smallest type, general hospitals (5), is withheld with it.
    national = national_picture(scan.round_2021)
    assert national.group("type", "algemeen").figures.reason == "secondary"

    withheld = group_picture(scan.round_2021, institution_type="algemeen")

    assert isinstance(withheld, Suppressed)
    assert withheld.reason == "secondary"


def test_a_groups_quotes_come_only_from_its_own_consenting_institutions(scan):
    group = group_picture(scan.round_2021, region="utrecht")

    assert group.quotes
    assert {q.institution for q in group.quotes} <= {f"STZ Utrecht {i}" for i in range(6)}
    assert NOT_CONSENTED_QUOTE not in {q.text for q in group.quotes}


def test_the_previous_round_is_left_out_when_the_group_was_too_small_then(scan, settings):
    settings.JUMP_MIN_GROUP_SIZE = 2
    # General hospitals in Groningen took part in 2021 only.
    group = group_picture(scan.round_2021, institution_type="algemeen")

    assert group.national.n == 5
    assert group.national.trend is None
    assert all(s.previous is None for s in group.national.statements)


def test_an_unknown_dimension_is_refused(scan):
    from factsheets.aggregation.filtered import restricted_picture
    from factsheets.aggregation.frames import load_frames

    with pytest.raises(ValueError, match="colour"):
        restricted_picture(
            load_frames([scan.round_2021]), scan.round_2021.pk, None, filters={"colour": "blue"}, min_group_size=5
        )
