"""The shipped questionnaires: 2020 and 2021 as the 2021 national report describes them."""

import pytest
from django.core.management import call_command

from surveys.models import QuestionnaireVersion

pytestmark = pytest.mark.django_db

REPORT_VERBATIM = [
    "Het bestuur vervult een zichtbaar leidende rol in de beweging naar JZOJP.",
    "Wij hebben de ambities voor JZOJP vertaald naar de (meerjaren)strategie van onze eigen organisatie.",
    "Wij hebben zicht op de preventie-interventies die noodzakelijk zijn in onze regio, "
    "en weten met welke partners we daarbij moeten samenwerken.",
]


@pytest.fixture
def versions():
    call_command("load_questionnaire", verbosity=0)
    return QuestionnaireVersion.objects.get(code="2020"), QuestionnaireVersion.objects.get(code="2021")


def test_both_versions_have_the_eight_blocks_in_order(versions):
    for version in versions:
        names = list(version.blocks.values_list("name", flat=True))
        assert names == [
            "Leiderschap",
            "Interne programma-organisatie",
            "Professionals",
            "Financiën",
            "ICT-infrastructuur",
            "Patiënt & populatie",
            "Regiovisie",
            "Stakeholders",
        ]
        for block in version.blocks.all():
            assert 3 <= block.statements.count() <= 6


def test_the_report_statements_are_there_verbatim(versions):
    _, v2021 = versions
    verbatim = set(v2021.statements.filter(verbatim=True).values_list("text", flat=True))
    for text in REPORT_VERBATIM:
        assert text in verbatim


def test_the_prevention_statements_are_new_in_2021_and_others_were_sharpened(versions):
    _, v2021 = versions
    prevention = v2021.statements.get(text__startswith="Wij hebben zicht op de preventie-interventies")
    assert prevention.lineage == "new"
    lineages = set(v2021.statements.values_list("lineage", flat=True))
    assert lineages == {"same", "reworded", "rescaled", "new"}
    assert v2021.dropped_statements.exists()


def test_every_level_reads_in_dutch_and_english(versions):
    for version in versions:
        for statement in version.statements.all():
            assert all(statement.__dict__[f"level_{n}"] and statement.__dict__[f"level_{n}_en"] for n in range(1, 5))
