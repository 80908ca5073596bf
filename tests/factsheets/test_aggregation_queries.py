"""The data of a round is read with one query per table, never one per institution."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from factsheets.aggregation import institution_picture, national_picture
from tests.factories import InstitutionFactory
from tests.factsheets.builders import make_round, respond


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def _add_institutions(rounds, count):
    for _ in range(count):
        institution = InstitutionFactory()
        for scan_round in rounds:
            respond(scan_round, institution, levels=3, priorities=["ict"], focus_areas=["ehealth"])


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_number_of_institutions():
    round_2020 = make_round(2020)
    round_2021 = make_round(2021, previous=round_2020)
    _add_institutions([round_2020, round_2021], 2)
    few = _queries(lambda: national_picture(round_2021))
    first = round_2021.responses.first().institution
    few_own = _queries(lambda: institution_picture(round_2021, first))

    _add_institutions([round_2020, round_2021], 10)

    assert _queries(lambda: national_picture(round_2021)) == few
    assert _queries(lambda: institution_picture(round_2021, first)) == few_own
    # The previous round, the questionnaire versions, one query per table (13), and a savepoint pair.
    assert few <= 17
