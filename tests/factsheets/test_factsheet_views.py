"""The factsheet on the web and as a download: who may open which door."""

import pytest
from django.urls import reverse

from factsheets.aggregation import institution_picture
from factsheets.charts import NumberFormat
from surveys.models import Round
from tests.factsheets.builders import make_round, respond
from tests.factsheets.factsheet_data import published_round

PAGE, PDF = "factsheets:factsheet", "factsheets:factsheet_pdf"


@pytest.fixture
def scan_round(db, aalst, zwolle, ann):
    return published_round(aalst, zwolle, ann)


def url(name, code="ziekenhuis-aalst", year=2021):
    return reverse(name, args=[year, code])


def test_a_member_sees_its_factsheet_with_interactive_charts(client, alice, scan_round, aalst):
    client.force_login(alice)

    response = client.get(url(PAGE))

    assert response.status_code == 200
    page = response.content.decode()
    picture = institution_picture(scan_round, aalst)
    assert "Ziekenhuis Aalst" in page
    assert NumberFormat("nl").decimal(picture.own.total.score, 1) in page
    assert 'data-chart="grafiek-samenvatting-data"' in page
    assert "vendor/plotly/plotly.min.js" in page and "js/charts.js" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; =SUM(A1)" in page
    assert "<script>alert(1)" not in page


def test_a_member_downloads_its_factsheet_as_pdf(client, bob, scan_round):
    client.force_login(bob)

    response = client.get(url(PDF))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="factsheet-jumpscan-2021-ziekenhuis-aalst.pdf"' in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("name", [PAGE, PDF])
def test_another_institution_is_refused(client, charlie, scan_round, name):
    client.force_login(charlie)

    assert client.get(url(name)).status_code == 403


@pytest.mark.parametrize("name", [PAGE, PDF])
def test_an_anonymous_visitor_is_sent_to_sign_in(client, scan_round, name):
    response = client.get(url(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", [PAGE, PDF])
def test_before_publication_a_member_is_told_it_is_not_published_yet(client, alice, aalst, name):
    draft = make_round(2021, status=Round.Status.CLOSED)
    respond(draft, aalst, levels=3)
    client.force_login(alice)

    response = client.get(url(name))

    assert response.status_code == 404
    assert "nog niet gepubliceerd" in response.content.decode().lower()


@pytest.mark.parametrize("name", [PAGE, PDF])
def test_before_publication_another_institution_is_still_refused(client, charlie, aalst, name):
    draft = make_round(2021, status=Round.Status.CLOSED)
    respond(draft, aalst, levels=3)
    client.force_login(charlie)

    assert client.get(url(name)).status_code == 403


def test_an_analyst_opens_any_institution_and_sees_a_preview_before_publication(client, ann, zwolle):
    draft = make_round(2021, status=Round.Status.CLOSED)
    respond(draft, zwolle, levels=2)
    client.force_login(ann)

    response = client.get(url(PAGE, code="isala-zwolle"))

    assert response.status_code == 200
    assert "Voorlopige cijfers" in response.content.decode()


def test_an_institution_without_a_submitted_scan_has_no_factsheet(client, ann, scan_round):
    from tests.factories import InstitutionFactory

    InstitutionFactory(code="zonder-scan")
    client.force_login(ann)

    assert client.get(url(PAGE, code="zonder-scan")).status_code == 404


def test_the_own_factsheet_link_leads_a_member_to_its_institution(client, alice, scan_round):
    client.force_login(alice)

    response = client.get(reverse("factsheets:factsheet_own", args=[2021]))

    assert response.status_code == 302
    assert response["Location"] == url(PAGE)


def test_the_factsheet_pages_only_answer_get(client, alice, scan_round):
    client.force_login(alice)

    assert client.post(url(PAGE)).status_code == 405
    assert client.post(url(PDF)).status_code == 405


def test_the_factsheets_page_lists_a_members_published_factsheets(client, alice, scan_round):
    make_round(2026, status=Round.Status.OPEN)
    client.force_login(alice)

    page = client.get(reverse("factsheets:index")).content.decode()

    assert url(PAGE) in page and url(PDF) in page
    assert "2026" not in page


def test_the_factsheets_page_leads_an_analyst_to_each_rounds_batch(client, ann, scan_round):
    client.force_login(ann)

    page = client.get(reverse("factsheets:index")).content.decode()

    assert reverse("factsheets:batches", args=[2021]) in page


def test_the_factsheets_page_asks_an_anonymous_visitor_to_sign_in(client, db):
    response = client.get(reverse("factsheets:index"))

    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_member_sees_no_preview_warning_once_the_round_is_published(client, alice, scan_round):
    client.force_login(alice)

    page = client.get(url(PAGE)).content.decode()

    assert "Voorlopige cijfers" not in page
