"""The history of changes: who, when, old → new, in words; visible to the institution only."""

import pytest

from tests.surveys.fillin_support import form_data, statement_field, url

pytestmark = pytest.mark.django_db
BLOCK = url("blok/leiderschap/")


def test_every_change_is_listed_with_who_and_old_and_new(client, alice, bob, response):
    client.force_login(alice)
    data = form_data(client, BLOCK)
    data[statement_field(response, "LEI-01")] = 2
    client.post(BLOCK, data)
    client.force_login(bob)
    data = form_data(client, BLOCK)
    data[statement_field(response, "LEI-01")] = 4
    client.post(BLOCK, data)
    entries = list(client.get(url("geschiedenis/")).context["page_obj"])
    assert [(e.changed_by, e.old, e.new) for e in entries] == [
        ("Bob", "2 · Niveau twee", "4 · Niveau vier"),
        ("Alice", "(geen antwoord)", "2 · Niveau twee"),
    ]
    assert entries[0].item_label == "LEI-01 · Stelling 1 over leiderschap."


def test_charlie_does_not_see_alices_history(client, alice, charlie, response, charlies_response):
    client.force_login(alice)
    data = form_data(client, BLOCK)
    data[statement_field(response, "LEI-01")] = 2
    client.post(BLOCK, data)
    client.force_login(charlie)
    page = client.get(url("geschiedenis/"))
    assert list(page.context["page_obj"]) == []
    assert client.get(url("instelling/ziekenhuis-aalst/geschiedenis/")).status_code == 403
