import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connections

from surveys.models import AnswerChange, CollaborationAnswer, FocusAreaChoice, PriorityRank, Response, Round
from surveys.services.submission import (
    AlreadySubmitted,
    SubmissionRefused,
    response_missing_items,
    response_reopen,
    response_submit,
)
from tests.factories import answer_all

pytestmark = pytest.mark.django_db


def complete(response: Response) -> Response:
    """Every required item answered."""
    questionnaire = response.round.questionnaire
    answer_all(response, level=3)
    FocusAreaChoice.objects.create(response=response, focus_area=questionnaire.focus_areas.first())
    CollaborationAnswer.objects.bulk_create(
        CollaborationAnswer(response=response, stakeholder=stakeholder, intensity=2)
        for stakeholder in questionnaire.stakeholders.all()
    )
    PriorityRank.objects.bulk_create(
        PriorityRank(response=response, block=block, rank=block.position) for block in questionnaire.blocks.all()
    )
    return response


def test_an_incomplete_response_lists_what_is_missing(response):
    missing = response_missing_items(response=response)
    titles = [item.section.title for item in missing]
    assert titles[:2] == ["Leiderschap", "Interne programma-organisatie"]
    assert "Prioriteiten" in titles and "Speerpunten" in titles
    assert "Profiel van de instelling" not in titles  # prefilled from the institution


def test_it_refuses_to_submit_an_incomplete_response(response, alice):
    with pytest.raises(SubmissionRefused) as refused:
        response_submit(response=response, user=alice)
    assert refused.value.missing
    assert Response.objects.get(pk=response.pk).status == Response.Status.DRAFT


def test_it_submits_a_complete_response_once(response, alice, bob):
    complete(response)
    response_submit(response=response, user=alice)
    with pytest.raises(AlreadySubmitted):
        response_submit(response=response, user=bob)
    response.refresh_from_db()
    assert (response.status, response.submitted_by) == (Response.Status.SUBMITTED, alice)
    assert AnswerChange.objects.filter(item="status").count() == 1


def test_a_pride_example_needs_a_yes_or_no_to_quoting(response, alice):
    complete(response)
    Response.objects.filter(pk=response.pk).update(pride_example="Ons zorgpad")
    with pytest.raises(SubmissionRefused):
        response_submit(response=response, user=alice)


def test_it_refuses_a_submit_after_the_round_closed(response, alice):
    complete(response)
    Round.objects.filter(pk=response.round_id).update(status=Round.Status.CLOSED)
    response.refresh_from_db()
    with pytest.raises(SubmissionRefused):
        response_submit(response=response, user=alice)


def test_it_refuses_a_submit_of_a_version_that_changed_meanwhile(response, alice):
    complete(response)
    Response.objects.filter(pk=response.pk).update(version=5)
    with pytest.raises(SubmissionRefused):
        response_submit(response=response, user=alice, version=4)
    assert Response.objects.get(pk=response.pk).status == Response.Status.DRAFT


def test_an_analyst_reopens_a_submitted_response(response, alice, ann):
    complete(response)
    response_submit(response=response, user=alice)
    response_reopen(response=response, user=ann)
    assert (response.status, response.submitted_at) == (Response.Status.DRAFT, None)
    assert list(AnswerChange.objects.filter(item="status").order_by("id").values_list("new_value", flat=True)) == [
        "submitted",
        "draft",
    ]


def test_a_contact_person_cannot_reopen(response, alice):
    complete(response)
    response_submit(response=response, user=alice)
    with pytest.raises(PermissionDenied):
        response_reopen(response=response, user=alice)


@pytest.mark.django_db(transaction=True)
def test_two_racing_submits_submit_exactly_once(postgresql_only, response, alice, bob):
    complete(response)
    barrier = threading.Barrier(2)
    outcomes = []

    def submit(user):
        try:
            barrier.wait(timeout=5)
            response_submit(response=Response.objects.get(pk=response.pk), user=user)
            outcomes.append("submitted")
        except AlreadySubmitted:
            outcomes.append("already")
        finally:
            # This thread's own connection: closed, or it outlives the test and blocks dropping the test database.
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(user,)) for user in (alice, bob)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert sorted(outcomes) == ["already", "submitted"]
    assert AnswerChange.objects.filter(item="status").count() == 1
    assert Response.objects.get(pk=response.pk).submitted_at > datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
