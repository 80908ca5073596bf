import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from surveys.integrity import round_integrity_problems
from surveys.models import PriorityRank, Response, Round
from tests.factories import ResponseFactory, RoundFactory
from tests.surveys.test_services_submission import complete

pytestmark = pytest.mark.django_db


def submitted(round: Round, institution) -> Response:
    response = complete(ResponseFactory(round=round, institution=institution))
    Response.objects.filter(pk=response.pk).update(status="submitted", submitted_at=timezone.now())
    return response


def test_a_round_of_complete_submissions_is_whole(round_2021, aalst, zwolle):
    submitted(round_2021, aalst)
    submitted(round_2021, zwolle)
    assert round_integrity_problems(round_2021) == []
    call_command("check_round_integrity", "--round", "2021")


def test_it_reports_a_submitted_response_with_missing_answers(round_2021, aalst):
    response = submitted(round_2021, aalst)
    response.statement_answers.filter(statement__code="ICT-02").delete()
    problems = round_integrity_problems(round_2021)
    assert len(problems) == 1
    assert problems[0].institution == "Ziekenhuis Aalst" and "onvolledig" in problems[0].message


def test_it_reports_a_ranking_that_is_not_a_permutation(round_2021, aalst):
    response = submitted(round_2021, aalst)
    PriorityRank.objects.filter(response=response, rank=8).update(rank=9)
    assert any("rangorde" in p.message for p in round_integrity_problems(round_2021))


def test_it_reports_answers_of_another_questionnaire_version(round_2021, aalst):
    submitted(round_2021, aalst)
    # Answers written for one version, then the round pointed at another: no trigger sees this.
    Round.objects.filter(pk=round_2021.pk).update(questionnaire=RoundFactory(year=2019).questionnaire)
    round_2021.refresh_from_db()
    messages = {p.message for p in round_integrity_problems(round_2021)}
    assert "stelling uit een andere vragenlijstversie" in messages


def test_the_command_fails_and_lists_the_problems(round_2021, aalst, capsys):
    response = submitted(round_2021, aalst)
    response.statement_answers.all().delete()
    with pytest.raises(CommandError, match="1 problemen"):
        call_command("check_round_integrity", "--round", "2021")
    assert "Ziekenhuis Aalst" in capsys.readouterr().err


def test_the_command_names_an_unknown_round():
    with pytest.raises(CommandError, match="Ronde 1999 bestaat niet"):
        call_command("check_round_integrity", "--round", "1999")
