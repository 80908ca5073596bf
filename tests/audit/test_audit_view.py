"""/analist/audit/: answer changes and the audit log in one list, newest first, filtered, for analysts only."""

import datetime

import pytest
from django.utils import timezone

from analysts.selectors.audit import AuditFilter, audit_page
from analysts.services.audit import audit_record
from surveys.models import AnswerChange
from surveys.services.accounts import user_change_rights
from tests.audit.conftest import answer_change, backdate
from tests.factories import InstitutionFactory, ResponseFactory, RoundFactory

pytestmark = pytest.mark.django_db

URL = "/analist/audit/"


@pytest.fixture
def trail(round_2021, aalst_response, alice, charlie, ann, beheer):
    """Oldest to newest: alice answers, ann opens the round, beheer deactivates charlie, alice answers again."""
    zwolle_response = ResponseFactory(round=round_2021, institution=charlie.institution)
    answer_change(aalst_response, alice, item="statement:LEI-01", old="", new="2", days_ago=10)
    answer_change(zwolle_response, charlie, item="statement:LEI-02", old="", new="4", days_ago=9)
    backdate(audit_record(actor=ann, action="round.open", obj=round_2021, old={"status": "draft"}), 8)
    backdate(audit_record(actor=ann, action="statement.update", obj=round_2021.questionnaire, new={"code": "X"}), 7)
    user_change_rights(user=charlie, actor=beheer, is_active=False)
    answer_change(aalst_response, alice, item="statement:LEI-01", old="2", new="3", days_ago=0)
    return round_2021


def whats(page) -> list[str]:
    return [entry.what for entry in page.context["page"].entries]


def test_it_is_for_analysts_only(client, alice, ann):
    assert client.get(URL).status_code == 302
    client.force_login(alice)
    assert client.get(URL).status_code == 403
    client.force_login(ann)
    assert client.get(URL).status_code == 200


def test_the_analysts_home_links_to_it(client, ann):
    client.force_login(ann)
    assert f'href="{URL}"' in client.get("/analist/").content.decode()


def test_it_merges_answers_and_the_audit_log_newest_first(client, ann, trail):
    client.force_login(ann)
    page = client.get(URL)
    entries = page.context["page"].entries
    assert [entry.kind for entry in entries] == ["antwoorden", "rechten", "vragenlijst", "rondestatus"] + [
        "antwoorden",
        "antwoorden",
    ]
    newest = entries[0]
    assert newest.actor == "Alice"
    assert newest.what.startswith("LEI-01 · Stelling 1 over leiderschap")
    assert (newest.old, newest.new) == ("2 · Niveau twee", "3 · Niveau drie")
    assert newest.subject == "Ziekenhuis Aalst · 2021"
    rights = entries[1]
    assert (rights.what, rights.subject, rights.old, rights.new) == (
        "Rechten gewijzigd",
        "charlie",
        "actief: ja",
        "actief: nee",
    )
    assert entries[3].what == "Ronde geopend"
    assert entries[3].old == "status: In voorbereiding"


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("antwoorden", ["antwoorden", "antwoorden", "antwoorden"]),
        ("rondestatus", ["rondestatus"]),
        ("vragenlijst", ["vragenlijst"]),
        ("rechten", ["rechten"]),
        ("privacy", []),
    ],
)
def test_it_filters_by_kind(client, ann, trail, kind, expected):
    client.force_login(ann)
    page = client.get(URL, {"soort": kind})
    assert [entry.kind for entry in page.context["page"].entries] == expected


def test_an_analysts_reopen_of_a_response_counts_as_answers(client, ann, trail, aalst_response):
    audit_record(actor=ann, action="response.reopen", obj=aalst_response, old={"status": "submitted"})
    client.force_login(ann)
    page = client.get(URL, {"soort": "antwoorden"})
    assert whats(page)[0] == "Respons heropend"


def test_it_filters_by_round(client, ann, trail):
    other = RoundFactory(year=2022)
    audit_record(actor=ann, action="round.open", obj=other, old={"status": "draft"})
    client.force_login(ann)
    page = client.get(URL, {"ronde": "2021"})
    assert len(page.context["page"].entries) == 5  # not the 2022 round, not charlie's rights
    assert "2022" not in {entry.subject for entry in page.context["page"].entries}
    assert len(client.get(URL, {"ronde": "2022"}).context["page"].entries) == 1


def test_it_filters_by_institution(client, ann, trail, charlie):
    client.force_login(ann)
    page = client.get(URL, {"instelling": charlie.institution.code})
    assert [(entry.kind, entry.actor) for entry in page.context["page"].entries] == [
        ("rechten", "Beheer"),
        ("antwoorden", "Charlie"),
    ]


def test_it_filters_by_person_who_acted_or_was_acted_upon(client, ann, trail):
    client.force_login(ann)
    assert [entry.kind for entry in client.get(URL, {"persoon": "charlie"}).context["page"].entries] == [
        "rechten",  # about charlie
        "antwoorden",  # by charlie
    ]
    assert len(client.get(URL, {"persoon": "alice@example"}).context["page"].entries) == 2
    assert len(client.get(URL, {"persoon": "Ann"}).context["page"].entries) == 2


def test_it_filters_by_date_range_inclusive(client, ann, trail):
    client.force_login(ann)
    today = timezone.localdate()
    nine_days_ago = timezone.localtime(timezone.now() - datetime.timedelta(days=9)).date()
    page = client.get(URL, {"van": nine_days_ago.isoformat(), "tot": (today - datetime.timedelta(days=7)).isoformat()})
    assert [entry.kind for entry in page.context["page"].entries] == ["vragenlijst", "rondestatus", "antwoorden"]


def test_a_range_that_ends_before_it_starts_shows_why_and_nothing_else(client, ann, trail):
    client.force_login(ann)
    page = client.get(URL, {"van": "2026-05-01", "tot": "2026-04-01"})
    assert page.context["page"] is None
    assert "Deze datum ligt vóór de begindatum." in page.content.decode()


def test_values_are_shown_as_text_never_as_markup(client, ann, aalst_response, alice):
    answer_change(aalst_response, alice, item="block:ict:remarks", old="", new='<script>alert("x")</script>')
    client.force_login(ann)
    text = client.get(URL).content.decode()
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text


def test_it_pages_and_keeps_the_filters(client, ann, aalst_response, alice):
    for number in range(60):
        answer_change(aalst_response, alice, new=str(number % 4 + 1), days_ago=number / 100)
    client.force_login(ann)
    first = client.get(URL, {"soort": "antwoorden"})
    assert len(first.context["page"].entries) == 50
    assert "?soort=antwoorden&amp;pagina=2" in first.content.decode()
    second = client.get(URL, {"soort": "antwoorden", "pagina": 2})
    assert len(second.context["page"].entries) == 10


def test_a_page_number_that_is_not_one_shows_the_first_page(client, ann, trail):
    client.force_login(ann)
    for number in ("abc", "-3", "0"):
        page = client.get(URL, {"pagina": number}).context["page"]
        assert page.number == 1 and len(page.entries) == 6 and not page.has_other_pages


def test_pages_follow_each_other_without_gaps_or_repeats(trail, ann, aalst_response, alice, beheer, charlie):
    # Rows of both tables at the same moment too: the order is (time, id) within each table.
    moment = timezone.now() - datetime.timedelta(days=3)
    for number in range(12):
        change = answer_change(aalst_response, alice, new=str(number % 4 + 1))
        AnswerChange.objects.filter(pk=change.pk).update(changed_at=moment)
        backdate(audit_record(actor=ann, action="round.window", obj=trail, new={"n": number}), 3)
    everything = audit_page(AuditFilter(), number=1, per_page=1000)
    assert len(everything.entries) == 30 and not everything.has_next
    paged, number = [], 1
    while True:
        page = audit_page(AuditFilter(), number=number, per_page=7)
        paged += page.entries
        if not page.has_next:
            break
        number += 1
    assert number == 5
    assert paged == everything.entries
    assert [entry.at for entry in paged] == sorted((entry.at for entry in paged), reverse=True)


def _fill(round, institutions, people, count: int, ann) -> None:
    responses = [ResponseFactory(round=round, institution=institution) for institution in institutions]
    for number in range(count):
        response = responses[number % len(responses)]
        answer_change(response, people[number % len(people)], new=str(number % 4 + 1), days_ago=number / 50)
        audit_record(actor=ann, action="round.window", obj=round, old={"opens_on": str(number)})
        audit_record(actor=ann, action="user.rights", obj=people[number % len(people)], new={"is_active": True})


def test_a_page_costs_a_fixed_number_of_queries(client, ann, alice, charlie, django_assert_max_num_queries):
    client.force_login(ann)
    small = RoundFactory(year=2020)
    _fill(small, [alice.institution], [alice], 2, ann)
    with django_assert_max_num_queries(15) as few:
        assert client.get(URL).status_code == 200
    # Many more rows, of two rounds with their own questionnaires, many institutions and people.
    large = RoundFactory(year=2021)
    institutions = [InstitutionFactory() for _ in range(30)]
    people = [alice, charlie, ann]
    _fill(large, institutions, people, 30, ann)
    _fill(small, institutions[10:], people, 20, ann)  # alice's institution has its 2020 response already
    with django_assert_max_num_queries(15) as many:
        page = client.get(URL, {"instelling": "", "persoon": ""})
    assert len(page.context["page"].entries) == 50
    assert len(many.captured_queries) == len(few.captured_queries)
