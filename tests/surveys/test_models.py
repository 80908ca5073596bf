import datetime

import pytest
from django.db import IntegrityError, transaction

from surveys.models import (
    BlockAnswer,
    FocusAreaChoice,
    PriorityRank,
    Response,
    Round,
    Statement,
    StatementAnswer,
    User,
)
from tests.factories import InstitutionFactory, ResponseFactory, RoundFactory, make_questionnaire

pytestmark = pytest.mark.django_db


def test_an_institution_has_one_response_per_round(round_2021, aalst):
    ResponseFactory(round=round_2021, institution=aalst)
    with pytest.raises(IntegrityError), transaction.atomic():
        ResponseFactory(round=round_2021, institution=aalst)


def test_the_same_institution_answers_every_round(round_2021, aalst):
    round_2020 = RoundFactory(year=2020)
    ResponseFactory(round=round_2021, institution=aalst)
    ResponseFactory(round=round_2020, institution=aalst)
    assert Response.objects.filter(institution=aalst).count() == 2


def test_it_refuses_an_answer_on_a_statement_of_another_questionnaire_version(round_2021, aalst):
    round_2020 = RoundFactory(year=2020)
    response = ResponseFactory(round=round_2021, institution=aalst)
    statement_2020 = round_2020.questionnaire.statements.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        StatementAnswer.objects.create(response=response, statement=statement_2020, level=2)
    assert not StatementAnswer.objects.exists()


def test_it_refuses_moving_an_answer_to_a_statement_of_another_version(round_2021, aalst):
    round_2020 = RoundFactory(year=2020)
    response = ResponseFactory(round=round_2021, institution=aalst)
    answer = StatementAnswer.objects.create(
        response=response, statement=round_2021.questionnaire.statements.first(), level=2
    )
    answer.statement = round_2020.questionnaire.statements.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        answer.save()


@pytest.mark.parametrize("model, field", [(BlockAnswer, "block"), (PriorityRank, "block")])
def test_block_answers_stay_within_their_version(round_2021, aalst, model, field):
    round_2020 = RoundFactory(year=2020)
    response = ResponseFactory(round=round_2021, institution=aalst)
    extra = {"rank": 1} if model is PriorityRank else {}
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(response=response, **{field: round_2020.questionnaire.blocks.first()}, **extra)


def test_focus_area_choices_stay_within_their_version(round_2021, aalst):
    round_2020 = RoundFactory(year=2020)
    response = ResponseFactory(round=round_2021, institution=aalst)
    FocusAreaChoice.objects.create(response=response, focus_area=round_2021.questionnaire.focus_areas.first())
    with pytest.raises(IntegrityError), transaction.atomic():
        FocusAreaChoice.objects.create(response=response, focus_area=round_2020.questionnaire.focus_areas.first())


@pytest.mark.parametrize("level", [0, 5, 7])
def test_a_level_outside_1_to_4_is_refused(round_2021, aalst, level):
    response = ResponseFactory(round=round_2021, institution=aalst)
    with pytest.raises(IntegrityError), transaction.atomic():
        StatementAnswer.objects.create(
            response=response, statement=round_2021.questionnaire.statements.first(), level=level
        )


def test_a_rank_is_used_once_per_response(round_2021, aalst):
    response = ResponseFactory(round=round_2021, institution=aalst)
    first, second = round_2021.questionnaire.blocks.all()[:2]
    PriorityRank.objects.create(response=response, block=first, rank=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        PriorityRank.objects.create(response=response, block=second, rank=1)


def test_a_statement_needs_four_levels():
    questionnaire = make_questionnaire("9999")
    statement = questionnaire.statements.first()
    statement.level_4 = ""
    with pytest.raises(IntegrityError), transaction.atomic():
        statement.save()


def test_a_continued_statement_names_its_predecessor():
    questionnaire = make_questionnaire("9999")
    statement = questionnaire.statements.first()
    statement.lineage = "reworded"
    with pytest.raises(IntegrityError), transaction.atomic():
        statement.save()


def test_a_statement_belongs_to_a_block_of_its_own_version():
    version_a, version_b = make_questionnaire("A"), make_questionnaire("B")
    statement = version_a.statements.first()
    statement.block = version_b.blocks.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        statement.save()


def test_reworded_and_same_are_comparable_but_rescaled_and_new_are_not():
    lineages = {
        lineage: Statement(lineage=lineage).is_comparable for lineage in ["same", "reworded", "rescaled", "new"]
    }
    assert lineages == {"same": True, "reworded": True, "rescaled": False, "new": False}


def test_a_submitted_response_records_when(round_2021, aalst):
    with pytest.raises(IntegrityError), transaction.atomic():
        ResponseFactory(round=round_2021, institution=aalst, status=Response.Status.SUBMITTED)


def test_a_respondent_belongs_to_an_institution():
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="nobody", role=User.Role.RESPONDENT)


def test_an_analyst_belongs_to_no_institution():
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="ann", role=User.Role.ANALYST, institution=InstitutionFactory())


def test_a_round_closes_after_it_opens():
    with pytest.raises(IntegrityError), transaction.atomic():
        RoundFactory(year=2030, opens_on=datetime.date(2030, 5, 1), closes_on=datetime.date(2030, 4, 1))


def test_a_round_accepts_answers_only_while_open_and_within_its_window(round_2021):
    assert round_2021.accepts_answers(datetime.date(2021, 4, 1))
    assert round_2021.accepts_answers(datetime.date(2021, 5, 22))
    assert not round_2021.accepts_answers(datetime.date(2021, 5, 23))
    round_2021.status = Round.Status.CLOSED
    assert not round_2021.accepts_answers(datetime.date(2021, 4, 1))
