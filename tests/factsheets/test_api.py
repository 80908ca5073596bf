"""JSON figures: national ones for analysts, an institution's own for its members; every other door is shut."""

import pytest
from django.urls import reverse

from factsheets.services import round_publish
from surveys.models import Round
from tests.factories import InstitutionFactory
from tests.factsheets.builders import make_round, respond


@pytest.fixture
def scan_round(db, aalst, zwolle):
    scan_round = make_round(2021, status=Round.Status.CLOSED)
    respond(scan_round, aalst, levels=4, consent=True, pride_example="Onze <script>alert(1)</script> poli")
    respond(scan_round, zwolle, levels=2)
    for _ in range(4):
        respond(scan_round, InstitutionFactory(), levels=3)
    return scan_round


def national_url(year=2021):
    return reverse("factsheets:api_national", args=[year])


def institution_url(code, year=2021):
    return reverse("factsheets:api_institution", args=[year, code])


def test_an_analyst_gets_the_national_figures(client, ann, scan_round):
    client.force_login(ann)

    response = client.get(national_url())

    assert response.status_code == 200
    data = response.json()
    assert data["round"]["year"] == 2021
    assert data["national"]["total"]["n"] == 6
    assert data["national"]["total"]["mean"] == pytest.approx((4 + 2 + 4 * 3) / 6)


def test_a_respondent_may_not_see_the_national_endpoint(client, alice, scan_round):
    client.force_login(alice)

    assert client.get(national_url()).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client, scan_round, aalst):
    for url in (national_url(), institution_url(aalst.code), reverse("factsheets:national_xlsx", args=[2021])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_a_member_sees_its_own_figures_beside_the_national_ones_once_published(client, alice, ann, scan_round, aalst):
    round_publish(round=scan_round, user=ann)
    client.force_login(alice)

    response = client.get(institution_url(aalst.code))

    assert response.status_code == 200
    data = response.json()
    assert data["own"]["institution"]["code"] == aalst.code
    assert data["own"]["total"]["score"] == 4.0
    assert data["national"]["snapshot"]["id"] is not None
    assert data["national"]["pride_examples"][0]["text"] == "Onze <script>alert(1)</script> poli"
    assert response["Content-Type"] == "application/json"


def test_a_member_waits_until_the_round_is_published(client, alice, scan_round, aalst):
    client.force_login(alice)

    assert client.get(institution_url(aalst.code)).status_code == 403


def test_a_member_of_another_institution_is_refused(client, charlie, ann, scan_round, aalst):
    round_publish(round=scan_round, user=ann)
    client.force_login(charlie)

    assert client.get(institution_url(aalst.code)).status_code == 403


def test_an_analyst_may_open_any_institution_before_publishing(client, ann, scan_round, zwolle):
    client.force_login(ann)

    response = client.get(institution_url(zwolle.code))

    assert response.status_code == 200
    assert response.json()["own"]["total"]["score"] == 2.0
    assert response.json()["national"]["snapshot"] is None


def test_an_institution_without_a_submitted_scan_is_not_found(client, ann, scan_round):
    client.force_login(ann)
    absent = InstitutionFactory(code="afwezig")

    assert client.get(institution_url(absent.code)).status_code == 404
    assert client.get(institution_url("bestaat-niet")).status_code == 404
    assert client.get(national_url(1999)).status_code == 404


def test_the_endpoints_only_answer_get(client, ann, scan_round):
    client.force_login(ann)

    assert client.post(national_url()).status_code == 405
