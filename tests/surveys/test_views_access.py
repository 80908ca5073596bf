"""The forbidden doors: who may see and change which response, through every URL."""

import pytest

from surveys.models import Response, Round, StatementAnswer
from tests.factories import ResponseFactory, answer_all
from tests.surveys.fillin_support import (
    YEAR,
    form_data,
    levels,
    statement_field,
    url,
)

pytestmark = pytest.mark.django_db

OWN_PAGES = [
    "",
    "profiel/",
    "blok/leiderschap/",
    "speerpunten/",
    "samenwerking/",
    "prioriteiten/",
    "trots/",
    "overzicht/",
    "geschiedenis/",
    "antwoorden.pdf",
]


@pytest.mark.parametrize("path", OWN_PAGES)
def test_it_asks_a_visitor_to_sign_in(client, open_round, path):
    page = client.get(url(path))
    assert page.status_code == 302
    assert page["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("path", OWN_PAGES[:-1])
def test_charlie_sees_only_his_own_institution(client, charlie, response, charlies_response, path):
    answer_all(response, level=4)
    client.force_login(charlie)
    page = client.get(url(path))
    assert page.status_code == 200
    assert page.context["response"] == charlies_response
    assert b"Ziekenhuis Aalst" not in page.content


@pytest.mark.parametrize("path", OWN_PAGES)
def test_charlie_cannot_use_the_analyst_door_to_alices_answers(client, charlie, response, path):
    client.force_login(charlie)
    assert client.get(url(f"instelling/ziekenhuis-aalst/{path}")).status_code == 403


def test_charlie_posting_alices_response_id_is_refused_and_changes_nothing(
    client, charlie, response, charlies_response
):
    client.force_login(charlie)
    data = form_data(client, url("blok/leiderschap/"))
    data["response"] = response.pk
    data[statement_field(charlies_response, "LEI-01")] = 4
    assert client.post(url("blok/leiderschap/"), data).status_code == 403
    assert not StatementAnswer.objects.exists()
    assert Response.objects.get(pk=response.pk).version == 1


def test_charlies_autosave_naming_alices_response_is_refused(client, charlie, response, charlies_response):
    client.force_login(charlie)
    data = form_data(client, url("blok/leiderschap/"))
    data["response"] = response.pk
    data[statement_field(charlies_response, "LEI-01")] = 4
    assert client.post(url("blok/leiderschap/autosave"), data).status_code == 403
    assert not StatementAnswer.objects.exists()


def test_a_statement_of_another_round_is_refused(client, alice, response):
    other_round = ResponseFactory(round__year=YEAR - 1, institution=response.institution).round
    foreign = other_round.questionnaire.statements.get(code="LEI-01")
    client.force_login(alice)
    data = form_data(client, url("blok/leiderschap/"))
    data[f"statement-{foreign.pk}"] = 3
    assert client.post(url("blok/leiderschap/"), data).status_code == 400
    assert client.post(url("blok/leiderschap/autosave"), data).status_code == 400
    assert levels(response) == {}


def test_a_statement_of_another_block_is_refused(client, alice, response):
    client.force_login(alice)
    data = form_data(client, url("blok/leiderschap/"))
    data[statement_field(response, "ICT-01")] = 3
    assert client.post(url("blok/leiderschap/"), data).status_code == 400
    assert levels(response) == {}


def test_an_analyst_has_no_own_response(client, ann, open_round):
    client.force_login(ann)
    assert client.get(url()).status_code == 403


def test_an_analyst_reads_an_institutions_answers_without_changing_them(client, ann, response):
    answer_all(response, level=2)
    client.force_login(ann)
    page = client.get(url("instelling/ziekenhuis-aalst/blok/leiderschap/"))
    assert page.status_code == 200
    assert b"Alleen lezen." in page.content
    assert b'class="scan-fields" disabled' in page.content
    data = {"version": 1, "response": response.pk, statement_field(response, "LEI-01"): 4}
    assert client.post(url("instelling/ziekenhuis-aalst/blok/leiderschap/"), data).status_code == 403
    assert levels(response)["LEI-01"] == 2


def test_alice_cannot_use_the_analyst_door(client, alice, response):
    client.force_login(alice)
    assert client.get(url("instelling/ziekenhuis-aalst/")).status_code == 403


def test_a_round_in_preparation_is_invisible_to_institutions(client, alice, open_round):
    Round.objects.filter(pk=open_round.pk).update(status=Round.Status.DRAFT)
    client.force_login(alice)
    assert client.get(url()).status_code == 404
    assert not Response.objects.exists()


def test_an_unknown_block_is_not_found(client, alice, response):
    client.force_login(alice)
    assert client.get(url("blok/bestaat-niet/")).status_code == 404


@pytest.mark.parametrize("path", ["", "overzicht/", "geschiedenis/", "profiel/", "samenwerking/", "prioriteiten/"])
def test_an_analyst_sees_every_page_of_an_institution_read_only(client, ann, response, path):
    client.force_login(ann)
    page = client.get(url(f"instelling/ziekenhuis-aalst/{path}"))
    assert page.status_code == 200
    assert "Weergave voor analisten" in page.content.decode()
    assert "Opslaan als concept" not in page.content.decode()
