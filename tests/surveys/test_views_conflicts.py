"""Two colleagues on the same block: nobody's saved answer is silently overwritten."""

import pytest
from django.test import Client

from surveys.models import AnswerChange
from tests.surveys.fillin_support import (
    form_data,
    levels,
    statement_field,
    url,
)

pytestmark = pytest.mark.django_db
BLOCK = url("blok/leiderschap/")


@pytest.fixture
def alice_client(alice):
    client = Client()
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(bob):
    client = Client()
    client.force_login(bob)
    return client


@pytest.fixture
def conflict(alice_client, bob_client, response):
    """Both open the block; Bob saves LEI-01 = 2 first; Alice then saves LEI-01 = 4 and LEI-02 = 3."""
    alices_page = form_data(alice_client, BLOCK)
    bobs_page = form_data(bob_client, BLOCK)
    bobs_page[statement_field(response, "LEI-01")] = 2
    bob_client.post(BLOCK, bobs_page)
    alices_page.update({statement_field(response, "LEI-01"): 4, statement_field(response, "LEI-02"): 3})
    return alice_client.post(BLOCK, alices_page)


def test_the_colleagues_saved_answer_is_kept_and_mine_without_conflict_is_saved(conflict, response):
    assert conflict.status_code == 302
    assert levels(response) == {"LEI-01": 2, "LEI-02": 3}


def test_the_second_person_sees_which_answer_differs_theirs_and_mine(conflict, alice_client):
    html = alice_client.get(BLOCK).content.decode()
    assert "Een collega heeft intussen hetzelfde antwoord anders ingevuld" in html
    assert "Een collega was u net voor" in html
    assert "Mijn antwoord: 4 · Niveau vier" in html
    assert "Opgeslagen door Bob om" in html and ": 2 · Niveau twee" in html


def test_choosing_my_answer_saves_it(conflict, alice_client, response):
    panel = alice_client.get(BLOCK).context["conflict_form"]
    choice = next(iter(panel.fields.keys() - {"version", "originals"}))
    data = {"version": panel["version"].value(), "originals": panel["originals"].value(), choice: "mine"}
    alice_client.post(url("blok/leiderschap/conflict"), data)
    assert levels(response)["LEI-01"] == 4
    assert alice_client.get(BLOCK).context["conflict_form"] is None
    history = list(
        AnswerChange.objects.filter(item="statement:LEI-01").order_by("id").values_list("new_value", flat=True)
    )
    assert history == ["2", "4"]


def test_choosing_the_colleagues_answer_keeps_it(conflict, alice_client, response):
    panel = alice_client.get(BLOCK).context["conflict_form"]
    choice = next(iter(panel.fields.keys() - {"version", "originals"}))
    data = {"version": panel["version"].value(), "originals": panel["originals"].value(), choice: "theirs"}
    alice_client.post(url("blok/leiderschap/conflict"), data)
    assert levels(response)["LEI-01"] == 2
    assert alice_client.get(BLOCK).context["conflict_form"] is None


def test_a_colleague_changing_it_again_meanwhile_is_a_new_conflict(conflict, alice_client, bob_client, response):
    panel = alice_client.get(BLOCK).context["conflict_form"]
    bobs_page = form_data(bob_client, BLOCK)
    bobs_page[statement_field(response, "LEI-01")] = 1
    bob_client.post(BLOCK, bobs_page)
    choice = next(iter(panel.fields.keys() - {"version", "originals"}))
    data = {"version": panel["version"].value(), "originals": panel["originals"].value(), choice: "mine"}
    alice_client.post(url("blok/leiderschap/conflict"), data)
    assert levels(response)["LEI-01"] == 1
    assert "Mijn antwoord: 4" in alice_client.get(BLOCK).content.decode()


def test_an_autosave_that_meets_a_conflict_tells_the_page_to_reload(alice_client, bob_client, response):
    alices_page = form_data(alice_client, BLOCK)
    bobs_page = form_data(bob_client, BLOCK)
    bobs_page[statement_field(response, "LEI-01")] = 2
    bob_client.post(url("blok/leiderschap/autosave"), bobs_page)
    alices_page[statement_field(response, "LEI-01")] = 4
    body = alice_client.post(url("blok/leiderschap/autosave"), alices_page).json()
    assert body["stale"] is True and body["conflicts"] == 1
    assert body["page_url"] == BLOCK
    assert levels(response) == {"LEI-01": 2}


def test_a_page_that_did_not_touch_the_colleagues_answer_keeps_it_quietly(alice_client, bob_client, response):
    first = form_data(alice_client, BLOCK)
    first[statement_field(response, "LEI-01")] = 1
    alice_client.post(BLOCK, first)
    alices_page = form_data(alice_client, BLOCK)
    bobs_page = form_data(bob_client, BLOCK)
    bobs_page[statement_field(response, "LEI-01")] = 2
    bob_client.post(BLOCK, bobs_page)
    alices_page["remarks"] = "Besproken in de RvB"
    followed = alice_client.post(BLOCK, alices_page, follow=True)
    assert levels(response) == {"LEI-01": 2}
    assert "die zijn bewaard" in followed.content.decode()
    assert followed.context["conflict_form"] is None
