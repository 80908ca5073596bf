"""Block scores, total scores and the national summaries, computed by hand.

Three institutions submit; a fourth has only a draft, which never counts:

    A: LEI 1, 2, 3 → 2.0    PRO 4, 4, (no answer) → 4.0    total (2.0 + 4.0) / 2 = 3.0
    B: LEI 4, 4, 4 → 4.0                                    total 4.0
    C: LEI 2, 2, 3 → 7/3                                    total 7/3
    D (draft): LEI 1, 1, 1
"""

import pytest

from factsheets.aggregation import institution_picture, national_picture
from tests.factories import InstitutionFactory
from tests.factsheets.builders import block_levels, make_round, respond


@pytest.fixture
def scan(db):
    round_2021 = make_round(2021)
    a, b, c, d = (InstitutionFactory(name=name) for name in ("A", "B", "C", "D"))
    respond(round_2021, a, levels=block_levels("LEI", 1, 2, 3) | block_levels("PRO", 4, 4))
    respond(round_2021, b, levels=block_levels("LEI", 4, 4, 4))
    respond(round_2021, c, levels=block_levels("LEI", 2, 2, 3))
    respond(round_2021, d, levels=block_levels("LEI", 1, 1, 1), submitted=False)
    return round_2021, a


def test_a_block_score_is_the_mean_of_the_answered_statements(scan):
    round_2021, a = scan
    own = institution_picture(round_2021, a).own

    assert own.block("leiderschap").score == pytest.approx(2.0)
    assert own.block("programma_organisatie").score == pytest.approx(4.0)  # the missing answer is left out
    assert own.block("ict").score is None  # no answer: no score, not zero


def test_the_total_is_the_mean_of_the_block_scores_not_of_all_answers(scan):
    round_2021, a = scan
    own = institution_picture(round_2021, a).own

    assert own.total.score == pytest.approx(3.0)  # the mean of the five levels would be 2.8


def test_national_block_figures_count_submitted_responses_only(scan):
    round_2021, _ = scan
    leadership = national_picture(round_2021).national.block("leiderschap")

    # Values 2, 4 and 7/3; the draft's 1.0 is not among them.
    assert leadership.n == 3
    assert leadership.mean == pytest.approx((2 + 4 + 7 / 3) / 3)
    assert leadership.median == pytest.approx(7 / 3)
    # Linear interpolation: sorted 2, 7/3, 4; q1 halfway between 2 and 7/3, q3 halfway between 7/3 and 4.
    assert leadership.q1 == pytest.approx(2 + (7 / 3 - 2) / 2)
    assert leadership.q3 == pytest.approx(7 / 3 + (4 - 7 / 3) / 2)


def test_a_block_nobody_answered_has_no_national_figures(scan):
    round_2021, _ = scan
    ict = national_picture(round_2021).national.block("ict")

    assert (ict.n, ict.mean, ict.median, ict.q1, ict.q3) == (0, None, None, None, None)


def test_the_national_total_summarises_the_total_scores(scan):
    round_2021, _ = scan
    total = national_picture(round_2021).national.total

    assert total.n == 3
    assert total.mean == pytest.approx((3.0 + 4.0 + 7 / 3) / 3)
    assert total.median == pytest.approx(3.0)


def test_a_draft_has_no_figures_of_its_own(scan):
    from factsheets.aggregation import FiguresUnavailable
    from surveys.models import Institution

    round_2021, _ = scan
    with pytest.raises(FiguresUnavailable):
        institution_picture(round_2021, Institution.objects.get(name="D"))
