"""Trends on comparable items only: raw change and change corrected for questionnaire changes.

2020 → 2021 for the leadership block, with X and Y answering both rounds:

    statement  lineage    2020 X, Y   2021 X, Y
    LEI-01     same       1, 2        2, 3
    LEI-02     reworded   1, 2        2, 3
    LEI-03     rescaled   1, 2        4, 4
    LEI-04     new        -           4, 4

    block score   2020: X 1, Y 2 → national 1.5    2021: X 3, Y 3.5 → national 3.25
    raw change    3.25 − 1.5 = 1.75
    corrected     comparable LEI-01 and LEI-02 only: 2021 (2 + 3) / 2 = 2.5, 2020 (1 + 2) / 2 = 1.5 → 1.0
"""

import pytest

from factsheets.aggregation import institution_picture, national_picture, national_trends
from surveys.models import Statement
from tests.factories import InstitutionFactory, RoundFactory, make_questionnaire
from tests.factsheets.builders import block_levels, make_round, respond


def _set_lineage(round, code: str, lineage: str) -> None:
    statement = round.questionnaire.statements.get(code=code)
    statement.lineage = lineage
    if lineage == "new":
        statement.previous = None
    statement.save()


def _add_new_statement(round, code: str, block: str, position: int) -> None:
    Statement.objects.create(
        questionnaire=round.questionnaire,
        block=round.questionnaire.blocks.get(code=block),
        code=code,
        position=position,
        text="Nieuwe stelling.",
        level_1="een",
        level_2="twee",
        level_3="drie",
        level_4="vier",
    )


@pytest.fixture
def lineage_case(db):
    round_2020 = make_round(2020)
    round_2021 = make_round(2021, previous=round_2020, lineage="same")
    _set_lineage(round_2021, "LEI-02", "reworded")
    _set_lineage(round_2021, "LEI-03", "rescaled")
    _add_new_statement(round_2021, "LEI-04", "leiderschap", 4)
    x, y = InstitutionFactory(name="X"), InstitutionFactory(name="Y")
    respond(round_2020, x, levels=block_levels("LEI", 1, 1, 1))
    respond(round_2020, y, levels=block_levels("LEI", 2, 2, 2))
    respond(round_2021, x, levels=block_levels("LEI", 2, 2, 4, 4))
    respond(round_2021, y, levels=block_levels("LEI", 3, 3, 4, 4))
    return round_2021, x


def test_the_raw_change_uses_every_statement(lineage_case):
    round_2021, _ = lineage_case
    leadership = national_picture(round_2021).national.trend.block("leiderschap")

    assert leadership.previous_mean == pytest.approx(1.5)
    assert leadership.mean == pytest.approx(3.25)
    assert leadership.raw_change == pytest.approx(1.75)


def test_the_corrected_change_uses_only_same_and_reworded_statements(lineage_case):
    round_2021, _ = lineage_case
    leadership = national_picture(round_2021).national.trend.block("leiderschap")

    assert leadership.comparable_statements == ["LEI-01", "LEI-02"]
    assert leadership.corrected_previous_mean == pytest.approx(1.5)
    assert leadership.corrected_mean == pytest.approx(2.5)
    assert leadership.corrected_change == pytest.approx(1.0)


def test_a_reworded_statement_keeps_its_previous_distribution_and_a_rescaled_one_loses_it(lineage_case):
    round_2021, _ = lineage_case
    picture = national_picture(round_2021)

    assert picture.national.statement("LEI-02").previous.counts == [1, 1, 0, 0]
    assert picture.statement_info("LEI-02").comparable_to == "LEI-02"
    assert picture.national.statement("LEI-03").previous is None
    assert picture.statement_info("LEI-03").comparable_to is None
    assert picture.national.statement("LEI-04").previous is None


def test_an_institution_sees_its_own_raw_and_corrected_change(lineage_case):
    round_2021, x = lineage_case
    own = institution_picture(round_2021, x).own

    leadership = own.block("leiderschap")
    assert (leadership.score, leadership.previous_score) == (pytest.approx(3.0), pytest.approx(1.0))
    assert leadership.raw_change == pytest.approx(2.0)
    assert leadership.corrected_change == pytest.approx(1.0)  # LEI-01/02: 2 now, 1 before
    assert own.total.raw_change == pytest.approx(2.0)
    assert own.total.corrected_change == pytest.approx(1.0)
    assert [(lv.statement, lv.level, lv.previous_level) for lv in own.levels[:4]] == [
        ("LEI-01", 2, 1),
        ("LEI-02", 2, 1),
        ("LEI-03", 4, None),
        ("LEI-04", 4, None),
    ]


def test_a_block_without_comparable_statements_has_no_corrected_change(db):
    round_2020 = make_round(2020)
    round_2021 = make_round(2021, previous=round_2020, lineage="rescaled")
    respond(round_2020, levels=2)
    respond(round_2021, levels=3)

    leadership = national_picture(round_2021).national.trend.block("leiderschap")

    assert leadership.raw_change == pytest.approx(1.0)
    assert (leadership.comparable_statements, leadership.corrected_change) == ([], None)


def test_the_corrected_change_equals_the_raw_change_when_the_questionnaire_did_not_change(db):
    round_2020 = make_round(2020)
    round_2021 = RoundFactory(year=2021, questionnaire=round_2020.questionnaire)
    answers = [((1, 2, 4), (2, 2, 4)), ((3, 3, 1), (4, 3, 1)), ((2,), (2, 3))]
    for before, now in answers:
        institution = InstitutionFactory()
        respond(round_2020, institution, levels=block_levels("LEI", *before) | block_levels("ICT", *before))
        respond(round_2021, institution, levels=block_levels("LEI", *now) | block_levels("ICT", *before))

    trend = national_picture(round_2021).national.trend

    for change in [*trend.blocks, trend.total]:
        assert change.corrected_change == pytest.approx(change.raw_change)
    assert trend.block("leiderschap").raw_change == pytest.approx(
        ((2 + 2 + 4) / 3 + (4 + 3 + 1) / 3 + (2 + 3) / 2) / 3 - ((1 + 2 + 4) / 3 + (3 + 3 + 1) / 3 + 2) / 3
    )


def test_comparability_runs_through_a_version_without_a_round_and_breaks_on_a_rescaled_step(db):
    q2019 = make_questionnaire("2019")
    q2020 = make_questionnaire("2020", previous=q2019, lineage="reworded")
    q2021 = make_questionnaire("2021", previous=q2020, lineage="same")
    Statement.objects.filter(questionnaire=q2020, code="LEI-01").update(lineage="rescaled")
    round_2019 = RoundFactory(year=2019, questionnaire=q2019)
    round_2021 = RoundFactory(year=2021, questionnaire=q2021)
    institution = InstitutionFactory()
    respond(round_2019, institution, levels=block_levels("LEI", 1, 1, 1))
    respond(round_2021, institution, levels=block_levels("LEI", 4, 2, 2))

    picture = national_picture(round_2021)
    leadership = picture.national.trend.block("leiderschap")

    assert picture.round.previous_year == 2019
    assert leadership.comparable_statements == ["LEI-02", "LEI-03"]
    assert leadership.corrected_change == pytest.approx(1.0)
    assert leadership.raw_change == pytest.approx(8 / 3 - 1)
    assert picture.statement_info("LEI-02").comparable_to == "LEI-02"


def test_the_first_round_has_no_trend(db):
    round_2021 = make_round(2021)
    respond(round_2021, levels=3)

    picture = national_picture(round_2021)

    assert picture.national.trend is None
    assert picture.round.previous_year is None


def test_the_trend_series_gives_each_rounds_national_trend_oldest_first(db):
    rounds = [make_round(2019)]
    rounds.append(make_round(2020, previous=rounds[0], lineage="reworded"))
    rounds.append(make_round(2021, previous=rounds[1], lineage="rescaled"))
    institution = InstitutionFactory()
    for scan_round, level in zip(rounds, (1, 2, 4), strict=True):
        respond(scan_round, institution, levels=level)
    respond(rounds[2], InstitutionFactory(), levels=2)

    series = national_trends(reversed(rounds))

    assert [t.previous_year for t in series] == [2019, 2020]
    assert series == [national_picture(r).national.trend for r in rounds[1:]]
    assert series[0].total.corrected_change == pytest.approx(1.0)
    assert series[1].total.raw_change == pytest.approx(1.0)
    assert series[1].total.corrected_change is None
