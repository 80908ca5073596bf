"""The summary page, submitting (once), read-only afterwards, the PDF, and reopening by an analyst."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from surveys.models import AnswerChange, Response
from tests.surveys.fillin_support import form_data, levels, statement_field, url
from tests.surveys.test_services_submission import complete

pytestmark = pytest.mark.django_db
BLOCK = url("blok/leiderschap/")


@pytest.fixture
def signed_in(client, alice, response):
    client.force_login(alice)
    return client


def test_the_summary_lists_every_answer_with_links_back(signed_in, response):
    complete(response)
    html = signed_in.get(url("overzicht/")).content.decode()
    assert f'href="{BLOCK}"' in html and f'href="{url("prioriteiten/")}"' in html
    assert "LEI-01 · Stelling 1 over leiderschap." in html
    assert "3 · Niveau drie" in html
    assert "De scan indienen" in html


def test_an_incomplete_scan_shows_what_is_missing_and_cannot_be_submitted(signed_in, response):
    page = signed_in.get(url("overzicht/"))
    html = page.content.decode()
    assert "Nog niet beantwoord" in html
    assert "De scan indienen" not in html
    followed = signed_in.post(url("overzicht/"), {"version": response.version}, follow=True)
    assert "Nog niet alle verplichte vragen zijn beantwoord." in followed.content.decode()
    assert Response.objects.get(pk=response.pk).status == Response.Status.DRAFT


def test_submitting_twice_submits_once(signed_in, response):
    complete(response)
    version = Response.objects.get(pk=response.pk).version
    first = signed_in.post(url("overzicht/"), {"version": version}, follow=True)
    assert "De scan is ingediend" in first.content.decode()
    submitted_at = Response.objects.get(pk=response.pk).submitted_at
    second = signed_in.post(url("overzicht/"), {"version": version}, follow=True)
    assert "Deze scan was al ingediend" in second.content.decode()
    assert Response.objects.get(pk=response.pk).submitted_at == submitted_at
    assert AnswerChange.objects.filter(item="status").count() == 1


def test_after_submitting_the_pages_are_read_only(signed_in, response):
    complete(response)
    signed_in.post(url("overzicht/"), {"version": Response.objects.get(pk=response.pk).version})
    page = signed_in.get(BLOCK)
    assert "Uw instelling heeft de scan ingediend" in page.content.decode()
    assert b'class="scan-fields" disabled' in page.content
    data = form_data(signed_in, BLOCK)
    data[statement_field(response, "LEI-01")] = 1
    assert signed_in.post(BLOCK, data).status_code == 403
    assert levels(response)["LEI-01"] == 3


def test_the_institution_downloads_a_pdf_of_its_answers(signed_in, response):
    complete(response)
    download = signed_in.get(url("antwoorden.pdf"))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert "ziekenhuis-aalst.pdf" in download["Content-Disposition"]
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(download.content)).pages)
    assert "Ziekenhuis Aalst" in text
    assert "Stelling 1 over leiderschap." in text
    assert "Niveau drie" in text


def test_an_analyst_reopens_and_the_institution_can_change_again(client, signed_in, ann, response):
    complete(response)
    signed_in.post(url("overzicht/"), {"version": Response.objects.get(pk=response.pk).version})
    assert signed_in.post(url("instelling/ziekenhuis-aalst/heropenen/")).status_code == 403
    client.force_login(ann)
    client.post(url("instelling/ziekenhuis-aalst/heropenen/"))
    assert Response.objects.get(pk=response.pk).status == Response.Status.DRAFT
    client.force_login(response.institution.members.get(username="alice"))
    data = form_data(client, BLOCK)
    data[statement_field(response, "LEI-01")] = 1
    client.post(BLOCK, data)
    assert levels(response)["LEI-01"] == 1


def test_an_analyst_downloads_an_institutions_answers(client, ann, response):
    complete(response)
    client.force_login(ann)
    download = client.get(url("instelling/ziekenhuis-aalst/antwoorden.pdf"))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
