"""The world of the security tests: a published 2021 round in which Ziekenhuis Aalst (alice, bob) submitted
its answers and charlie's institution did not take part; ann is the analyst."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from analysts.models import MailBatch, MailKind
from factsheets.batch_models import FactsheetBatch
from surveys.models import BlockAnswer, Institution, Response, Round
from tests.factories import ResponseFactory, RoundFactory, answer_all


@pytest.fixture
def published_2021(aalst, bob):
    submitter = bob
    scan_round = RoundFactory(year=2021, status=Round.Status.PUBLISHED)
    response = ResponseFactory(round=scan_round, institution=aalst)
    answer_all(response, level=3)
    block = scan_round.questionnaire.blocks.order_by("position").first()
    BlockAnswer.objects.create(response=response, block=block, good_example="Samen met de huisartsen.")
    Response.objects.filter(pk=response.pk).update(
        status=Response.Status.SUBMITTED,
        submitted_at=timezone.now() - datetime.timedelta(days=200),
        submitted_by=submitter,
    )
    return scan_round


@pytest.fixture
def alices_response(published_2021, aalst):
    return Response.objects.get(round=published_2021, institution=aalst)


@pytest.fixture
def url_samples(published_2021, alices_response, alice, ann, settings, tmp_path) -> tuple[dict, dict]:
    """(a sample value per URL part, per-URL values where a part means something else there)."""
    questionnaire = published_2021.questionnaire
    block = questionnaire.blocks.order_by("position").first()
    statement = questionnaire.statements.order_by("pk").first()
    settings.MEDIA_ROOT = tmp_path
    batch = FactsheetBatch.objects.create(round=published_2021, created_by=ann, status=FactsheetBatch.Status.DONE)
    batch.archive.save("factsheets-2021.zip", ContentFile(b"PK\x05\x06" + bytes(18)), save=True)
    mail_batch = MailBatch.objects.create(round=published_2021, kind=MailKind.REMINDER, created_by=ann)
    values = {
        "year": 2021,
        "institution_code": "ziekenhuis-aalst",
        "code": "ziekenhuis-aalst",
        "block_code": block.code,
        "block_pk": block.pk,
        "pk": statement.pk,
        "user_pk": alice.pk,
        "fmt": "csv",
        "uidb64": "MQ",  # a link that does not work: the page says so
        "token": "set-password",
        # the admin's
        "app_label": "surveys",
        "object_id": str(alice.institution_id),
        "content_type_id": ContentType.objects.get_for_model(Institution).pk,
        "id": alice.pk,
    }
    overrides = {
        "analysts:response_reopen": {"pk": alices_response.pk},
        "analysts:national_report": {"fmt": "xlsx"},
        "factsheets:batch": {"pk": batch.pk},
        "factsheets:batch_zip": {"pk": batch.pk},
        "analysts:mail_batch": {"pk": mail_batch.pk},
    }
    return values, overrides
