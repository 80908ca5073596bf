"""Priority ranking shares per block and the priority-versus-score view, computed by hand.

Blocks: L leiderschap, P programma_organisatie, F professionals, N financien, I ict,
T patient_populatie, R regiovisie, S stakeholders.

    ranking        levels (3 everywhere except)
    I1: R L I N F P T S    R 1, S 1, L 4
    I2: R I L N F P T S    R 2, L 4
    I3: L R I N F P T S    R 2, L 4

    mean ranks: R 4/3, L 2, I 8/3, N 4 (top half: below 4.5), F 5, P 6, T 7, S 8
    block means: L 4, R 5/3, S 7/3, others 3; their average 23/8 = 2.875
"""

import pytest

from factsheets.aggregation import institution_picture, national_picture
from factsheets.aggregation.priorities import is_below
from tests.factories import InstitutionFactory
from tests.factsheets.builders import block_levels, make_round, respond

ORDERS = {
    "I1": ["regiovisie", "leiderschap", "ict", "financien", "professionals", "programma_organisatie"],
    "I2": ["regiovisie", "ict", "leiderschap", "financien", "professionals", "programma_organisatie"],
    "I3": ["leiderschap", "regiovisie", "ict", "financien", "professionals", "programma_organisatie"],
}
TAIL = ["patient_populatie", "stakeholders"]


@pytest.fixture
def scan(db):
    round_2021 = make_round(2021)
    institutions = {}
    for name, order in ORDERS.items():
        institutions[name] = InstitutionFactory(name=name)
        levels = dict.fromkeys(round_2021.questionnaire.statements.values_list("code", flat=True), 3)
        levels |= block_levels("LEI", 4, 4, 4) | block_levels("REG", *([1] * 3 if name == "I1" else [2] * 3))
        if name == "I1":
            levels |= block_levels("STA", 1, 1, 1)
        respond(round_2021, institutions[name], levels=levels, priorities=order + TAIL)
    return round_2021, institutions


def test_it_gives_per_block_the_share_that_ranked_it_first_second_and_so_on(scan):
    round_2021, _ = scan
    national = national_picture(round_2021).national

    regiovisie = national.priority("regiovisie")
    assert regiovisie.distribution.counts == [2, 1, 0, 0, 0, 0, 0, 0]
    assert regiovisie.distribution.percentages == [67, 33, 0, 0, 0, 0, 0, 0]
    assert regiovisie.mean_rank == pytest.approx(4 / 3)
    assert regiovisie.top3_share == pytest.approx(1.0)
    assert national.priority("leiderschap").distribution.percentages == [34, 33, 33, 0, 0, 0, 0, 0]
    assert national.priority("stakeholders").distribution.counts == [0, 0, 0, 0, 0, 0, 0, 3]


def test_the_nation_is_flagged_on_blocks_ranked_high_but_scored_low(scan):
    round_2021, _ = scan
    view = {p.block: p for p in national_picture(round_2021).national.priority_vs_score}

    assert [b for b, p in view.items() if p.high_priority] == ["leiderschap", "financien", "ict", "regiovisie"]
    assert [b for b, p in view.items() if p.low_score] == ["regiovisie", "stakeholders"]
    assert [b for b, p in view.items() if p.flagged] == ["regiovisie"]
    assert view["regiovisie"].priority == pytest.approx(4 / 3)
    assert view["regiovisie"].score == pytest.approx(5 / 3)


def test_an_institution_is_flagged_on_its_top_half_blocks_below_the_national_mean(scan):
    round_2021, institutions = scan
    own = institution_picture(round_2021, institutions["I1"]).own

    regiovisie = own.priority("regiovisie")
    assert (regiovisie.rank, regiovisie.score, regiovisie.national_mean) == (1, 1.0, pytest.approx(5 / 3))
    assert [p.block for p in own.priorities if p.flagged] == ["regiovisie"]
    stakeholders = own.priority("stakeholders")
    assert (stakeholders.low_score, stakeholders.high_priority, stakeholders.flagged) == (True, False, False)


def test_an_institution_that_ranked_nothing_has_no_ranks_and_no_flags(db):
    round_2021 = make_round(2021)
    institution = InstitutionFactory()
    respond(round_2021, institution, levels=2)

    own = institution_picture(round_2021, institution).own

    assert {p.rank for p in own.priorities} == {None}
    assert not any(p.flagged for p in own.priorities)


@pytest.mark.parametrize(
    ("score", "reference", "below"),
    [(2.36, 2.44, False), (2.34, 2.44, True), (2.44, 2.45, True), (2.0, None, False), (None, 2.0, False)],
)
def test_a_score_is_low_only_when_it_is_lower_as_printed(score, reference, below):
    """2,4 beside a national mean of 2,4 is not flagged: scores are compared at the one decimal shown."""
    assert is_below(score, reference) is below
