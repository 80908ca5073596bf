"""A block page costs the same number of queries for 3 statements as for 6."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from surveys import selectors
from surveys.models import Round
from tests.factories import ResponseFactory, RoundFactory, answer_all, make_questionnaire

pytestmark = pytest.mark.django_db


MAX_QUERIES = 11  # session, user, response with its round, questionnaire (4, cold), answers (1), session save (3)


def block_page_queries(client, user, statements: int, year: int, assert_max) -> int:
    today = timezone.localdate()
    scan_round = RoundFactory(
        year=year,
        questionnaire=make_questionnaire(str(year), statements_per_block=statements),
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=1),
        status=Round.Status.OPEN,
    )
    answer_all(ResponseFactory(round=scan_round, institution=user.institution), level=3)
    client.get(f"/scan/{year}/blok/leiderschap/")  # warm up: session, first response lookup
    selectors._CONTENT_CACHE.clear()  # count the questionnaire's queries too, as on a fresh worker
    with assert_max(MAX_QUERIES), CaptureQueriesContext(connection) as queries:
        page = client.get(f"/scan/{year}/blok/leiderschap/")
    assert page.status_code == 200
    assert page.content.decode().count('<fieldset class="statement') == statements
    return len(queries)


def test_a_block_page_issues_a_fixed_number_of_queries(client, alice, django_assert_max_num_queries):
    client.force_login(alice)
    three = block_page_queries(client, alice, 3, 2030, django_assert_max_num_queries)
    six = block_page_queries(client, alice, 6, 2031, django_assert_max_num_queries)
    assert three == six
