"""The world of the audit tests: Ziekenhuis Aalst (alice, bob) in an open 2021 round, charlie elsewhere,
ann the analyst with access to the admin, and beheer the administrator who hands out rights."""

import datetime

import pytest
from django.utils import timezone

from analysts.models import AuditEntry
from surveys.models import AnswerChange, User
from tests.factories import ResponseFactory, UserFactory


@pytest.fixture
def staff_ann(ann):
    ann.is_staff = True
    ann.save()
    return ann


@pytest.fixture
def beheer(db):
    return UserFactory(
        username="beheer", role=User.Role.ADMINISTRATOR, institution=None, is_staff=True, is_superuser=True
    )


@pytest.fixture
def aalst_response(round_2021, aalst):
    return ResponseFactory(round=round_2021, institution=aalst)


def at(days_ago: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days_ago)


def answer_change(response, user, *, item="statement:LEI-01", old="", new="3", days_ago=0.0) -> AnswerChange:
    change = AnswerChange.objects.create(
        response=response, changed_by=user, item=item, item_label=item, old_value=old, new_value=new
    )
    AnswerChange.objects.filter(pk=change.pk).update(changed_at=at(days_ago))
    return change


def backdate(entry: AuditEntry, days_ago: float) -> AuditEntry:
    AuditEntry.objects.filter(pk=entry.pk).update(at=at(days_ago))
    return entry
