import csv
import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from analysts.models import MailKind, MailLog
from analysts.selectors.monitor import State, non_responders, round_monitor
from surveys.models import Institution
from tests.analysts.builders import full_response, member
from tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2021, 5, 12)


@pytest.fixture
def monitored_round(round_2021):
    """Five members: two submitted (a hospital and a care institution), one started, two not started."""
    full_response(round_2021, member("aalst", contacts=2), seed=0)
    full_response(round_2021, member("revalidatie", type="overig", region="limburg"), seed=1)
    full_response(round_2021, member("ede", type="stz"), seed=2, submitted=False)
    member("groningen", type="umc", region="groningen", contacts=2)
    member("zonder-contact", type="stz", contacts=0)
    InstitutionFactory(code="oud-lid", name="Oud lid", is_member=False)
    return round_2021


def test_it_counts_invited_started_and_submitted_institutions(monitored_round):
    monitor = round_monitor(round=monitored_round, today=TODAY)

    assert (monitor.overall.invited, monitor.overall.started, monitor.overall.submitted) == (5, 3, 2)
    assert monitor.overall.percentage == 40
    assert (monitor.hospitals.invited, monitor.hospitals.submitted) == (4, 1)
    assert {rate.label: (rate.invited, rate.submitted) for rate in monitor.per_type} == {
        "Algemeen ziekenhuis": (1, 1),
        "STZ-ziekenhuis": (2, 0),
        "Universitair medisch centrum": (1, 0),
        "Overige zorginstelling": (1, 1),
    }
    assert monitor.days_left == 10


def test_each_row_says_where_the_institution_stands(monitored_round):
    rows = {row.code: row for row in round_monitor(round=monitored_round, today=TODAY).rows}

    assert "oud-lid" not in rows
    assert rows["aalst"].state == State.SUBMITTED
    assert rows["aalst"].submitted_at == timezone.make_aware(datetime.datetime(2021, 4, 1, 9, 30))
    assert rows["ede"].state == State.STARTED
    assert rows["ede"].submitted_at is None
    assert rows["ede"].last_activity is not None
    assert rows["groningen"].state == State.NOT_STARTED
    assert rows["groningen"].last_activity is None
    assert rows["groningen"].region_label == "Groningen"


def test_a_former_member_who_answered_is_listed_but_not_counted(monitored_round):
    full_response(monitored_round, InstitutionFactory(code="oud-lid"), seed=3)
    monitor = round_monitor(round=monitored_round, today=TODAY)
    former = next(row for row in monitor.rows if row.code == "oud-lid")
    assert not former.is_invited
    assert (monitor.overall.invited, monitor.overall.submitted) == (5, 2)


def test_the_filters_narrow_the_list_but_not_the_rates(monitored_round):
    monitor = round_monitor(round=monitored_round, today=TODAY, state=State.NOT_STARTED, institution_type="stz")
    assert [row.code for row in monitor.rows] == ["zonder-contact"]
    assert monitor.overall.invited == 5


def test_the_days_left_stop_at_zero_after_the_window(monitored_round):
    assert round_monitor(round=monitored_round, today=datetime.date(2021, 6, 1)).days_left == 0


def test_the_monitor_reads_in_a_fixed_number_of_queries(round_2021, django_assert_max_num_queries):
    for number in range(25):
        institution = member(f"inst-{number:02d}", contacts=2)
        if number % 3:
            full_response(round_2021, institution, seed=number, submitted=bool(number % 2))
    with django_assert_max_num_queries(2):
        monitor = round_monitor(round=round_2021, today=TODAY)
        assert len(monitor.rows) == 25
    with django_assert_max_num_queries(2):
        items = non_responders(round=round_2021)
        assert sum(len(item.contacts) for item in items) == 2 * len(items)


def test_the_non_responders_are_the_invited_who_have_not_submitted(monitored_round):
    items = non_responders(round=monitored_round)
    assert [item.row.code for item in items] == ["ede", "groningen", "zonder-contact"]
    groningen = items[1]
    assert [person.email for person in groningen.contacts] == [
        "contact1@groningen.example.nl",
        "contact2@groningen.example.nl",
    ]


def test_the_non_responder_list_downloads_as_csv_with_a_row_per_contact(client, ann, monitored_round):
    client.force_login(ann)
    response = client.get("/analist/rondes/2021/monitor/niet-ingediend.csv")
    assert response["Content-Disposition"] == 'attachment; filename="jump-scan-2021-niet-ingediend.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["instelling", "naam", "type", "regio", "status", "contactpersoon", "e-mail"]
    assert rows[1] == [
        "ede",
        "Ziekenhuis Ede",
        "STZ-ziekenhuis",
        "Utrecht",
        "Begonnen",
        "Contact1 Ede",
        "contact1@ede.example.nl",
    ]
    assert [row[0] for row in rows[1:]] == ["ede", "groningen", "groningen", "zonder-contact"]
    assert rows[-1][5:] == ["(geen contactpersoon)", ""]


def test_the_non_responder_list_downloads_as_xlsx_for_one_type(client, ann, monitored_round):
    client.force_login(ann)
    response = client.get("/analist/rondes/2021/monitor/niet-ingediend.xlsx", {"type": "umc"})
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["groningen", "groningen"]


def test_the_non_responder_download_refuses_an_unknown_format(client, ann, monitored_round):
    client.force_login(ann)
    assert client.get("/analist/rondes/2021/monitor/niet-ingediend.pdf").status_code == 404


def test_the_monitor_page_shows_rates_and_rows(client, ann, monitored_round):
    client.force_login(ann)
    response = client.get("/analist/rondes/2021/monitor/", {"status": "begonnen"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "40 %" in html
    assert "Ziekenhuis Ede" in html
    assert "Ziekenhuis Groningen" not in html
    assert client.get("/analist/rondes/1999/monitor/").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/analist/rondes/2021/monitor/",
        "/analist/rondes/2021/monitor/niet-ingediend.csv",
        "/analist/rondes/2021/monitor/niet-ingediend.xlsx",
    ],
)
def test_the_monitor_refuses_a_respondent(client, alice, monitored_round, url):
    client.force_login(alice)
    assert client.get(url).status_code == 403


def test_each_row_shows_the_last_invitation_and_reminder_from_the_mail_log(monitored_round, ann):
    groningen = Institution.objects.get(code="groningen")
    person = groningen.members.first()
    for kind in (MailKind.INVITATION, MailKind.INVITATION, MailKind.REMINDER):
        MailLog.objects.create(
            round=monitored_round,
            kind=kind,
            recipient=person,
            to_email=person.email,
            institution=groningen,
            sent_by=ann,
            subject="JuMP-scan 2021",
        )
    rows = {row.code: row for row in round_monitor(round=monitored_round, today=TODAY).rows}
    latest = MailLog.objects.filter(kind=MailKind.INVITATION).order_by("-sent_at").first().sent_at
    assert rows["groningen"].last_invited_at == latest
    assert rows["groningen"].last_reminded_at is not None
    assert rows["aalst"].last_invited_at is None


def test_the_monitor_page_reads_in_a_fixed_number_of_queries(client, ann, round_2021, django_assert_max_num_queries):
    for number in range(25):
        full_response(round_2021, member(f"inst-{number:02d}"), seed=number, submitted=bool(number % 2))
    client.force_login(ann)
    # Session and user (with the session saved on every request): 5; the round and the institutions: 2.
    with django_assert_max_num_queries(7):
        response = client.get("/analist/rondes/2021/monitor/")
    assert response.content.decode().count("<tr>") >= 25


@pytest.mark.parametrize(
    "url",
    [
        "/analist/rondes/2021/monitor/",
        "/analist/rondes/2021/monitor/niet-ingediend.csv",
        "/analist/data/",
        "/analist/data/export/?round=2021&format=xlsx",
        "/analist/data/instellingen/",
        "/analist/data/import/",
    ],
)
def test_every_page_here_sends_anonymous_visitors_to_sign_in(client, monitored_round, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
