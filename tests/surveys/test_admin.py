import pytest

from surveys.models import User
from tests.factories import AnalystFactory, ResponseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_analyst(db):
    return AnalystFactory(username="ann", is_staff=True)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/surveys/response/?status__exact=submitted",
        "/admin/surveys/institution/?q=Aalst",
        "/admin/surveys/statement/?lineage__exact=reworded",
        "/admin/surveys/user/",
        "/admin/surveys/round/",
        "/admin/surveys/answerchange/",
    ],
)
def test_an_analyst_can_search_and_filter_the_scan_data(client, staff_analyst, round_2021, aalst, url):
    ResponseFactory(round=round_2021, institution=aalst)
    client.force_login(staff_analyst)
    assert client.get(url).status_code == 200


def test_an_analyst_opens_a_response_with_its_answers(client, staff_analyst, round_2021, aalst):
    response = ResponseFactory(round=round_2021, institution=aalst)
    client.force_login(staff_analyst)
    page = client.get(f"/admin/surveys/response/{response.pk}/change/")
    assert page.status_code == 200
    assert "Ziekenhuis Aalst" in page.content.decode()


def test_an_analyst_cannot_hand_out_rights(client, staff_analyst, alice):
    client.force_login(staff_analyst)
    page = client.get(f"/admin/surveys/user/{alice.pk}/change/")
    assert page.status_code == 200
    form_fields = page.context["adminform"].form.fields
    assert "is_superuser" not in form_fields and "role" not in form_fields
    client.post(f"/admin/surveys/user/{staff_analyst.pk}/change/", {"is_superuser": "on", "role": "administrator"})
    staff_analyst.refresh_from_db()
    assert not staff_analyst.is_superuser and staff_analyst.role == User.Role.ANALYST


def test_a_respondent_cannot_enter_the_admin(client, alice):
    client.force_login(alice)
    assert client.get("/admin/surveys/response/").status_code == 302
