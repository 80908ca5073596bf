"""The demo data set, read through the aggregation module, reproduces the 2021 report's figures.

`seed_demo` runs once for the module inside a transaction that is rolled back at the end.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from factsheets.aggregation import national_picture
from surveys.models import Round

# Marks the tests as database tests, so pytest-django sets up the test database before the
# module's fixture runs (without it, a module-scoped fixture would reach the development database).
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_picture(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield national_picture(Round.objects.get(year=2021))
        transaction.set_rollback(True)


def test_the_published_2021_distributions_come_out_exactly(demo_picture):
    national = demo_picture.national

    # "Multidisciplinaire overlegstructuur" and "Zicht op preventie-interventies".
    assert national.statement("PAT-05").distribution.percentages == [17, 38, 32, 13]
    assert national.statement("PAT-06").distribution.percentages == [27, 21, 46, 6]


def test_63_institutions_took_part_56_hospitals_and_7_others(demo_picture):
    response = demo_picture.response

    assert response.overall.submitted == 63
    assert [(count.key, count.submitted) for count in response.by_sector] == [("hospitals", 56), ("other", 7)]
    assert round(response.overall.rate * 100) == 62


def test_the_report_s_story_holds_leadership_strongest_and_regiovisie_falling(demo_picture):
    national = demo_picture.national
    means = {block.block: block.summary.mean for block in national.blocks}

    assert max(means, key=means.get) == "leiderschap"
    assert set(sorted(means, key=means.get)[:2]) == {"ict", "professionals"}
    assert national.trend.block("regiovisie").raw_change < 0
    first = national.priority("regiovisie").distribution.shares[0]
    assert 0.28 <= first <= 0.40  # "een derde"
