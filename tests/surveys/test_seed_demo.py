"""The demo data set: its size, its calibration to the 2021 report, its people, and idempotency.

Every figure is read back from the database through the ORM, not from the plans that
produced it. `seed_demo` runs once for the module (it writes thousands of rows) inside
a transaction that is rolled back at the end, so other modules never see its data.
"""

import hashlib
import random
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal
from io import StringIO
from pathlib import Path
from statistics import mean

import pytest
import yaml
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory

from surveys.demo import DEMO_LOGINS, calibration
from surveys.demo.dataset import plan_dataset
from surveys.demo.institutions import INSTITUTIONS
from surveys.demo.planning import Shape, plan_levels, spread
from surveys.models import (
    AnswerChange,
    BlockAnswer,
    CollaborationAnswer,
    FocusAreaChoice,
    Institution,
    Lineage,
    PriorityRank,
    Response,
    Round,
    Statement,
    StatementAnswer,
    User,
)

SUBMITTED = Response.Status.SUBMITTED


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_output, db):
    return demo_output


def percentages(counts: list[int]) -> list[int]:
    total = sum(counts)
    return [int((Decimal(100 * n) / total).quantize(Decimal(1), rounding=ROUND_HALF_UP)) for n in counts]


def level_counts(year: int, code: str) -> list[int]:
    found = Counter(
        StatementAnswer.objects.filter(
            response__round__year=year, response__status=SUBMITTED, statement__code=code
        ).values_list("level", flat=True)
    )
    return [found[level] for level in (1, 2, 3, 4)]


def block_means(year: int, *, statements=None, hospitals: bool | None = None) -> dict[str, float]:
    """National mean per block: the mean over submitted institutions of each one's mean level on the block."""
    answers = StatementAnswer.objects.filter(response__round__year=year, response__status=SUBMITTED)
    if statements is not None:
        answers = answers.filter(statement__in=statements)
    if hospitals is not None:
        answers = (
            answers.exclude(response__institution_type="overig")
            if hospitals
            else answers.filter(response__institution_type="overig")
        )
    per_institution = defaultdict(lambda: defaultdict(list))
    for response, block, level in answers.values_list("response_id", "statement__block__code", "level"):
        per_institution[block][response].append(level)
    return {
        block: mean(mean(levels) for levels in by_response.values()) for block, by_response in per_institution.items()
    }


def share(year: int, model, **filters) -> float:
    submitted = Response.objects.filter(round__year=year, status=SUBMITTED)
    return model.objects.filter(response__in=submitted, **filters).count() / submitted.count()


def checksum() -> str:
    rows = [
        sorted(Institution.objects.values_list("code", "name", "type", "region")),
        sorted(Round.objects.values_list("year", "status", "opens_on", "closes_on", "questionnaire__code")),
        sorted(
            Response.objects.values_list(
                "round__year", "institution__code", "status", "submitted_at", "pride_example", "consent_to_quote"
            )
        ),
        sorted(StatementAnswer.objects.values_list("response__round__year", "response__institution__code",
                                                  "statement__code", "level")),
        sorted(BlockAnswer.objects.values_list("response__institution__code", "block__code", "good_example",
                                              "remarks")),
        sorted(FocusAreaChoice.objects.values_list("response__institution__code", "focus_area__id")),
        sorted(CollaborationAnswer.objects.values_list("response__institution__code", "stakeholder__id",
                                                      "intensity")),
        sorted(PriorityRank.objects.values_list("response__institution__code", "block__id", "rank")),
        sorted(User.objects.values_list("username", "role", "institution__code", "password")),
        AnswerChange.objects.count(),
    ]  # fmt: skip
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_it_prints_the_address_and_every_demo_login(demo):
    assert "http://127.0.0.1:8000" in demo
    for login in DEMO_LOGINS:
        assert login.username in demo
        assert login.password in demo


def test_it_creates_about_a_hundred_institutions_over_every_type_and_province(demo):
    assert Institution.objects.count() == 102
    types = Counter(Institution.objects.values_list("type", flat=True))
    assert set(types) == {"algemeen", "stz", "umc", "categoraal", "overig"}
    assert 7 <= types["umc"] <= 8
    regions = Counter(Institution.objects.values_list("region", flat=True))
    assert len(regions) == 12
    assert any(count < 5 for count in regions.values())


def test_2021_has_63_submitted_responses_of_56_hospitals_and_7_others_and_some_drafts(demo):
    submitted = Response.objects.filter(round__year=2021, status=SUBMITTED)
    assert submitted.count() == 63
    assert submitted.filter(institution_type="overig").count() == 7
    drafts = Response.objects.filter(round__year=2021, status=Response.Status.DRAFT)
    assert 10 <= drafts.count() <= 20
    assert all(d.statement_answers.count() < 38 for d in drafts)
    assert Institution.objects.exclude(responses__round__year=2021).exists()  # some never started


def test_2020_has_submitted_responses_only_from_an_overlapping_set(demo):
    responses_2020 = Response.objects.filter(round__year=2020)
    assert 55 <= responses_2020.count() <= 60
    assert not responses_2020.exclude(status=SUBMITTED).exists()
    both = set(responses_2020.values_list("institution", flat=True)) & set(
        Response.objects.filter(round__year=2021, status=SUBMITTED).values_list("institution", flat=True)
    )
    assert 40 <= len(both) < responses_2020.count()


def test_the_rounds_are_the_published_2020_and_2021_and_an_open_2026(demo):
    rounds = {r.year: r for r in Round.objects.select_related("questionnaire")}
    assert rounds[2021].status == rounds[2020].status == Round.Status.PUBLISHED
    assert (str(rounds[2021].opens_on), str(rounds[2021].closes_on)) == ("2021-03-23", "2021-05-22")
    assert rounds[2026].status == Round.Status.OPEN
    assert rounds[2026].questionnaire == rounds[2021].questionnaire
    assert str(rounds[2026].opens_on) == "2026-10-01" and str(rounds[2026].closes_on) == "2026-12-18"


def test_multidisciplinary_overleg_comes_out_as_published(demo):
    statement = Statement.objects.get(questionnaire__code="2021", code="PAT-05")
    assert statement.text.startswith("Wij hebben een multidisciplinaire overlegstructuur")
    assert level_counts(2021, "PAT-05") == [11, 24, 20, 8]
    assert percentages(level_counts(2021, "PAT-05")) == [17, 38, 32, 13]


def test_prevention_interventions_come_out_as_published(demo):
    statement = Statement.objects.get(questionnaire__code="2021", code="PAT-06")
    assert statement.text.startswith("Wij hebben zicht op de preventie-interventies")
    assert level_counts(2021, "PAT-06") == [17, 13, 29, 4]
    assert percentages(level_counts(2021, "PAT-06")) == [27, 21, 46, 6]


def test_leadership_is_the_strongest_block_and_ict_and_professionals_the_weakest(demo):
    means = block_means(2021)
    ranked = sorted(means, key=means.get)
    assert ranked[-1] == "leiderschap"
    assert set(ranked[:2]) == {"ict", "professionals"}


def test_every_block_rises_from_2020_except_regiovisie_which_falls(demo):
    before, after = block_means(2020), block_means(2021)
    assert after["regiovisie"] < before["regiovisie"]
    for block in set(after) - {"regiovisie"}:
        assert after[block] > before[block], block


def test_corrected_for_questionnaire_changes_every_block_rises(demo):
    comparable = Statement.objects.filter(questionnaire__code="2021", lineage__in=Lineage.comparable())
    predecessors = Statement.objects.filter(pk__in=comparable.values("previous"))
    before = block_means(2020, statements=predecessors)
    after = block_means(2021, statements=comparable)
    assert set(after) == set(before) == set(block_means(2021))
    for block in after:
        assert after[block] > before[block], block


def test_a_third_put_regiovisie_first(demo):
    firsts = PriorityRank.objects.filter(response__round__year=2021, response__status=SUBMITTED, rank=1)
    assert firsts.count() == 63
    assert firsts.filter(block__code="regiovisie").count() == 21


def test_hospitals_are_further_than_other_institutions_on_ict_patient_and_regiovisie(demo):
    hospitals, others = block_means(2021, hospitals=True), block_means(2021, hospitals=False)
    for block in ("ict", "patient_populatie", "regiovisie"):
        assert hospitals[block] > others[block], block


def test_focus_areas_shift_as_in_the_report(demo):
    for year in (2020, 2021):
        chosen = Counter(
            FocusAreaChoice.objects.filter(response__round__year=year, response__status=SUBMITTED).values_list(
                "focus_area__code", flat=True
            )
        )
        assert chosen.most_common(1)[0][0] == "ehealth"
    for code in ("intercollegiale_teleconsultatie", "mszorg_thuis"):
        assert share(2021, FocusAreaChoice, focus_area__code=code) > share(2020, FocusAreaChoice, focus_area__code=code)
    assert share(2021, FocusAreaChoice, focus_area__code="netwerkzorg") < share(
        2020, FocusAreaChoice, focus_area__code="netwerkzorg"
    )


def test_collaboration_with_vvt_and_ggz_grows(demo):
    def intensity(year, code):
        return mean(
            CollaborationAnswer.objects.filter(
                response__round__year=year, response__status=SUBMITTED, stakeholder__code=code
            ).values_list("intensity", flat=True)
        )

    for code in ("vvt", "ggz"):
        assert intensity(2021, code) > intensity(2020, code)


def test_every_submitted_response_is_complete(demo):
    submitted = Response.objects.filter(status=SUBMITTED).select_related("round__questionnaire")
    for response in submitted:
        questionnaire = response.round.questionnaire
        levels = dict(response.statement_answers.values_list("statement__code", "level"))
        assert len(levels) == questionnaire.statements.count()
        assert response.institution_type and response.region and response.pride_example
        assert response.consent_to_quote is not None and response.submitted_at and response.submitted_by
        assert response.focus_area_choices.exists()
        assert response.collaboration_answers.count() == questionnaire.stakeholders.count()
        assert sorted(response.priority_ranks.values_list("rank", flat=True)) == list(range(1, 9))
        examples = {b: e for b, e in response.block_answers.values_list("block__code", "good_example") if e}
        for block in questionnaire.blocks.all():
            scores = [levels[s.code] for s in block.statements.all()]
            assert (block.code in examples) == (mean(scores) >= 3), (response, block.code)
    consenting = submitted.filter(round__year=2021, consent_to_quote=True).count()
    assert 0.65 <= consenting / 63 <= 0.75


def total_score(response: Response) -> float:
    """The report's total score: the mean of the institution's block scores."""
    by_block = defaultdict(list)
    for block, level in response.statement_answers.values_list("statement__block__code", "level"):
        by_block[block].append(level)
    return mean(mean(levels) for levels in by_block.values())


def test_the_report_quotes_are_among_the_open_answers(demo):
    prevention = BlockAnswer.objects.filter(good_example__contains="Gezond010")
    assert prevention.filter(response__consent_to_quote=True, block__code="patient_populatie").count() == 1
    submitted = Response.objects.filter(round__year=2021, status=SUBMITTED)
    top_five = sorted(submitted, key=total_score, reverse=True)[:5]
    assert all(r.consent_to_quote for r in top_five)
    assert any(r.pride_example.startswith("Op onze ketensamenwerkingsprojecten") for r in top_five)


def test_exactly_one_remark_holds_a_hostile_string(demo):
    hostile = BlockAnswer.objects.filter(remarks__contains="<script>alert(1)</script> =SUM(A1)")
    assert hostile.count() == 1


def test_the_open_round_has_a_partly_filled_draft_for_the_respondent_login(demo):
    leader = User.objects.get(username="programmaleider@demo.jumpscan.nl")
    responses = Response.objects.filter(round__year=2026)
    assert not responses.filter(status=SUBMITTED).exists()
    draft = responses.get()
    assert draft.institution == leader.institution
    assert 0 < draft.statement_answers.count() < draft.round.questionnaire.statements.count()
    assert draft.changes.values("changed_by").distinct().count() == 2  # two colleagues worked on it


def test_the_demo_logins_sign_in_with_their_documented_passwords(demo):
    for login in DEMO_LOGINS:
        user = authenticate(RequestFactory().post("/accounts/login/"), username=login.username, password=login.password)
        assert user is not None, login.username
        assert user.email == user.username
        validate_password(login.password, user)
    admin = User.objects.get(username="beheer@demo.jumpscan.nl")
    assert admin.is_staff and admin.is_superuser and admin.role == User.Role.ADMINISTRATOR
    analyst = User.objects.get(username="analist@demo.jumpscan.nl")
    assert analyst.role == User.Role.ANALYST and analyst.is_staff and not analyst.is_superuser
    leader, colleague = (User.objects.get(username=f"{n}@demo.jumpscan.nl") for n in ("programmaleider", "collega"))
    assert leader.institution == colleague.institution is not None


def test_every_institution_has_contact_persons_to_invite(demo):
    for institution in Institution.objects.prefetch_related("members"):
        contacts = [m for m in institution.members.all() if not m.username.endswith("@demo.jumpscan.nl")]
        assert {c.job_title for c in contacts} >= {"Programmaleider JZOJP", "Lid RvB"}, institution
        assert all(not c.has_usable_password() and c.email and c.last_name for c in contacts)


def test_running_it_again_changes_nothing(demo):
    before = checksum()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert checksum() == before
    assert "0 nieuwe responsen" in out.getvalue()


def yaml_shape(code: str) -> Shape:
    data = yaml.safe_load((Path(settings.BASE_DIR) / "fixtures" / "questionnaires" / f"{code}.yaml").read_text())
    return Shape(
        blocks=[(b["code"], [s["code"] for s in b["statements"]]) for b in data["blocks"]],
        focus_areas=[f["code"] for f in data["focus_areas"]],
        stakeholders=[s["code"] for s in data["stakeholders"]],
    )


def test_the_plan_is_the_same_on_every_run():
    shapes = {code: yaml_shape(code) for code in ("2020", "2021")}
    assert plan_dataset(shapes) == plan_dataset(shapes)


def test_it_refuses_level_plans_that_do_not_fit_the_questionnaire():
    shape = yaml_shape("2021")
    shrunk = Shape(blocks=[(b, codes[:-1]) for b, codes in shape.blocks], focus_areas=[], stakeholders=[])
    people = INSTITUTIONS[:63]
    with pytest.raises(ValueError, match="do not match"):
        plan_levels(2021, shrunk, people, {i.code: 0.0 for i in people}, random.Random(1))


def test_it_refuses_a_count_plan_that_does_not_add_up(monkeypatch):
    monkeypatch.setitem(calibration.LEVEL_PLANS[2021], "PAT-05", (11, 24, 20, 7))
    with pytest.raises(ValueError, match="PAT-05: 62 answers planned, 63 expected"):
        calibration.check_plans()


def test_spread_gives_the_lowest_levels_to_the_lowest_keys():
    assert spread((1, 1, 0, 1), {"c": 0.9, "a": 0.1, "b": 0.5}) == {"a": 1, "b": 2, "c": 4}
