"""Publishing freezes the figures: later outputs show the snapshot, republishing keeps the old one."""

import dataclasses

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from factsheets.aggregation import (
    METHOD_VERSION,
    FiguresUnavailable,
    institution_picture,
    institution_pictures,
    national_picture,
)
from factsheets.models import Snapshot
from factsheets.services import latest_snapshot, round_publish
from surveys.models import Response, Round, StatementAnswer
from tests.factories import InstitutionFactory
from tests.factsheets.builders import make_round, respond


@pytest.fixture
def closed_round(db, aalst):
    scan_round = make_round(2021, status=Round.Status.CLOSED)
    respond(scan_round, aalst, levels=4)
    for _ in range(5):
        respond(scan_round, InstitutionFactory(), levels=2)
    return scan_round


def _reopen_and_change(scan_round, institution, level):
    response = Response.objects.get(round=scan_round, institution=institution)
    StatementAnswer.objects.filter(response=response).update(level=level)
    return response


def test_publishing_stores_the_figures_with_method_and_questionnaire_version(closed_round, ann):
    live = national_picture(closed_round)

    snapshot = round_publish(round=closed_round, user=ann)

    closed_round.refresh_from_db()
    assert closed_round.status == Round.Status.PUBLISHED
    assert snapshot.method_version == METHOD_VERSION
    assert snapshot.questionnaire == closed_round.questionnaire
    assert snapshot.created_by == ann
    published = national_picture(closed_round)
    assert published.snapshot.id == snapshot.pk
    assert published.round.status == Round.Status.PUBLISHED
    unstamped = dataclasses.replace(
        published, snapshot=None, round=dataclasses.replace(published.round, status="closed")
    )
    assert unstamped == live


def test_a_reopened_response_does_not_change_the_published_figures(closed_round, ann, aalst):
    round_publish(round=closed_round, user=ann)
    before = national_picture(closed_round)
    own_before = institution_picture(closed_round, aalst).own

    response = _reopen_and_change(closed_round, aalst, 1)
    Response.objects.filter(pk=response.pk).update(status=Response.Status.DRAFT, submitted_at=None)

    assert national_picture(closed_round) == before
    assert institution_picture(closed_round, aalst).own == own_before
    assert own_before.total.score == 4.0


def test_republishing_makes_a_new_snapshot_and_keeps_the_old_one(closed_round, ann, aalst):
    first = round_publish(round=closed_round, user=ann)
    _reopen_and_change(closed_round, aalst, 3)

    second = round_publish(round=closed_round, user=ann)

    assert Snapshot.objects.filter(round=closed_round).count() == 2
    assert latest_snapshot(closed_round) == second
    assert first.figures["national"]["national"]["total"]["mean"] == pytest.approx((4 + 5 * 2) / 6)
    assert national_picture(closed_round).national.total.mean == pytest.approx((3 + 5 * 2) / 6)
    assert national_picture(closed_round).snapshot.id == second.pk


def test_only_an_analyst_may_publish(closed_round, alice):
    with pytest.raises(PermissionDenied):
        round_publish(round=closed_round, user=alice)

    assert not Snapshot.objects.exists()


@pytest.mark.parametrize("status", [Round.Status.DRAFT, Round.Status.OPEN])
def test_a_round_that_is_not_closed_cannot_be_published(closed_round, ann, status):
    Round.objects.filter(pk=closed_round.pk).update(status=status)
    closed_round.refresh_from_db()

    with pytest.raises(ValidationError):
        round_publish(round=closed_round, user=ann)

    assert not Snapshot.objects.exists()
    closed_round.refresh_from_db()
    assert closed_round.status == status


def test_an_unpublished_round_is_computed_from_the_answers_as_they_are(closed_round, aalst):
    assert national_picture(closed_round).snapshot is None

    _reopen_and_change(closed_round, aalst, 1)

    assert national_picture(closed_round).national.total.mean == pytest.approx(1.0 * 1 / 6 + 2 * 5 / 6)


def test_every_institution_picture_of_a_published_round_comes_from_the_snapshot(closed_round, ann, aalst):
    live = {p.own.institution.code: p.own for p in institution_pictures(closed_round)}
    round_publish(round=closed_round, user=ann)
    _reopen_and_change(closed_round, aalst, 1)

    published = {p.own.institution.code: p for p in institution_pictures(closed_round)}

    assert {code: p.own for code, p in published.items()} == live
    assert all(p.national.snapshot is not None for p in published.values())
    assert institution_picture(closed_round, aalst).own == live[aalst.code]


def test_an_institution_without_a_submitted_response_has_no_published_figures(closed_round, ann, zwolle):
    respond(closed_round, zwolle, levels=3, submitted=False)
    round_publish(round=closed_round, user=ann)

    with pytest.raises(FiguresUnavailable):
        institution_picture(closed_round, zwolle)
