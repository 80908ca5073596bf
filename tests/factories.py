"""Factories for readable test data. The named people of the tests:

- alice: contact person of Ziekenhuis Aalst (she fills in the scan)
- bob: a colleague of alice at the same institution
- charlie: contact person of another institution (no access to alice's answers)
- ann: analyst of the association
"""

import datetime

import factory
from factory.django import DjangoModelFactory

from surveys.models import (
    BuildingBlock,
    FocusArea,
    Institution,
    InstitutionType,
    QuestionnaireVersion,
    Region,
    Response,
    Round,
    Stakeholder,
    Statement,
    StatementAnswer,
    User,
)

BLOCK_CODES = [
    ("leiderschap", "Leiderschap", "LEI"),
    ("programma_organisatie", "Interne programma-organisatie", "PRO"),
    ("professionals", "Professionals", "PRF"),
    ("financien", "Financiën", "FIN"),
    ("ict", "ICT-infrastructuur", "ICT"),
    ("patient_populatie", "Patiënt & populatie", "PAT"),
    ("regiovisie", "Regiovisie", "REG"),
    ("stakeholders", "Stakeholders", "STA"),
]


class InstitutionFactory(DjangoModelFactory):
    class Meta:
        model = Institution
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"inst-{n:03d}")
    name = factory.Sequence(lambda n: f"Ziekenhuis {n:03d}")
    type = InstitutionType.ALGEMEEN
    region = Region.UTRECHT
    member_since = datetime.date(2015, 1, 1)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.nl")
    first_name = factory.LazyAttribute(lambda u: u.username.capitalize())
    role = User.Role.RESPONDENT
    institution = factory.SubFactory(InstitutionFactory)
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy hook
        if create:
            obj.save()


class AnalystFactory(UserFactory):
    role = User.Role.ANALYST
    institution = None


def make_questionnaire(
    code: str = "2021",
    *,
    statements_per_block: int = 3,
    previous: QuestionnaireVersion | None = None,
    lineage: str = "new",
) -> QuestionnaireVersion:
    """A complete questionnaire of the 8 blocks with simple texts.

    With `previous`, every statement continues the statement of the same code there
    with the given lineage.
    """
    questionnaire = QuestionnaireVersion.objects.create(code=code, title=f"JuMP-scan {code}", previous=previous)
    for position, (block_code, name, prefix) in enumerate(BLOCK_CODES, start=1):
        block = BuildingBlock.objects.create(questionnaire=questionnaire, code=block_code, name=name, position=position)
        for number in range(1, statements_per_block + 1):
            statement_code = f"{prefix}-{number:02d}"
            predecessor = previous.statements.filter(code=statement_code).first() if previous else None
            Statement.objects.create(
                questionnaire=questionnaire,
                block=block,
                code=statement_code,
                position=number,
                text=f"Stelling {number} over {name.lower()}.",
                lineage=lineage if predecessor else "new",
                previous=predecessor,
                level_1="Niveau één",
                level_2="Niveau twee",
                level_3="Niveau drie",
                level_4="Niveau vier",
            )
    for position, label in enumerate(["E-health", "Preventie", "Netwerkzorg"], start=1):
        FocusArea.objects.create(
            questionnaire=questionnaire, code=label.lower().replace("-", ""), label=label, position=position
        )
    for position, label in enumerate(["Huisartsen", "VVT", "Gemeenten"], start=1):
        Stakeholder.objects.create(questionnaire=questionnaire, code=label.lower(), label=label, position=position)
    return questionnaire


class RoundFactory(DjangoModelFactory):
    class Meta:
        model = Round
        django_get_or_create = ("year",)

    year = 2021
    title = factory.LazyAttribute(lambda r: f"JuMP-scan {r.year}")
    questionnaire = factory.LazyAttribute(lambda r: make_questionnaire(str(r.year)))
    opens_on = factory.LazyAttribute(lambda r: datetime.date(r.year, 3, 23))
    closes_on = factory.LazyAttribute(lambda r: datetime.date(r.year, 5, 22))
    status = Round.Status.OPEN


class ResponseFactory(DjangoModelFactory):
    class Meta:
        model = Response

    round = factory.SubFactory(RoundFactory)
    institution = factory.SubFactory(InstitutionFactory)
    institution_type = factory.LazyAttribute(lambda r: r.institution.type)
    region = factory.LazyAttribute(lambda r: r.institution.region)


def answer_all(response: Response, level: int = 3) -> None:
    """Give every statement of the response's questionnaire the same level."""
    StatementAnswer.objects.bulk_create(
        StatementAnswer(response=response, statement=statement, level=level)
        for statement in response.round.questionnaire.statements.all()
    )
