"""Autosave: JSON in, JSON out; a session that ran out keeps the draft and says "meld u opnieuw aan"."""

import json
import re

import pytest

from surveys.models import Response, StatementAnswer
from tests.surveys.fillin_support import (
    form_data,
    levels,
    statement_field,
    url,
)

pytestmark = pytest.mark.django_db
BLOCK = url("blok/leiderschap/")
AUTOSAVE = url("blok/leiderschap/autosave")


def test_it_saves_and_answers_with_the_new_version_and_the_time(client, alice, response):
    client.force_login(alice)
    data = form_data(client, BLOCK)
    data[statement_field(response, "LEI-01")] = 3
    answer = client.post(AUTOSAVE, data)
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "saved"
    assert body["version"] == 2
    assert body["message"].startswith("Opgeslagen om ")
    assert body["stale"] is False
    assert set(body["originals"]) >= {"statement:LEI-01", "block:leiderschap:remarks"}
    assert levels(response) == {"LEI-01": 3}


def test_it_answers_with_the_pages_progress_as_it_stands_after_the_save(client, alice, response):
    client.force_login(alice)
    before = client.get(BLOCK).content.decode()
    data = form_data(client, BLOCK)
    data.update({statement_field(response, code): 2 for code in ("LEI-01", "LEI-02")})

    body = client.post(AUTOSAVE, data).json()

    assert "2/3" in body["nav_html"] and "0/3" in before  # Leiderschap, beside the form
    assert 'aria-current="page"' in body["nav_html"] and BLOCK in body["nav_html"]
    done_before = int(re.search(r"(\d+) van \d+ vragen beantwoord", before).group(1))
    assert re.fullmatch(rf"{done_before + 2} van \d+ vragen beantwoord", body["progress_text"])
    assert body["progress_summary"] == f"Onderdelen van de scan ({body['progress_text']})"
    after = client.get(BLOCK).content.decode()  # the page, loaded again, says the same
    assert body["progress_text"] in after and body["progress_summary"] in after


def test_consecutive_autosaves_with_the_returned_version_never_conflict(client, alice, response):
    client.force_login(alice)
    data = form_data(client, BLOCK)
    for level in (1, 2, 3, 4):
        data[statement_field(response, "LEI-01")] = level
        body = client.post(AUTOSAVE, data).json()
        data["version"], data["originals"] = body["version"], json.dumps(body["originals"])
        assert body["conflicts"] == 0 and not body["stale"]
    assert levels(response) == {"LEI-01": 4}


def test_a_signed_out_autosave_gets_401_and_a_message_to_sign_in_again(client, alice, response):
    client.force_login(alice)
    data = form_data(client, BLOCK)
    data[statement_field(response, "LEI-01")] = 2
    client.post(AUTOSAVE, data)  # an earlier autosave: the draft is in the database
    client.logout()  # the session times out
    data[statement_field(response, "LEI-02")] = 4
    answer = client.post(AUTOSAVE, data)
    assert answer.status_code == 401
    body = answer.json()
    assert body["error"] == "signed_out"
    assert "Meld u opnieuw aan" in body["message"]
    assert body["login_url"] == "/accounts/login/"
    assert levels(response) == {"LEI-01": 2}


def test_the_draft_page_can_save_again_after_signing_in(client, alice, response):
    client.force_login(alice)
    data = form_data(client, BLOCK)
    client.logout()
    data[statement_field(response, "LEI-02")] = 4
    assert client.post(AUTOSAVE, data).status_code == 401
    client.force_login(alice)
    # The page restores the typed answers with the version it started from: they save without conflict.
    body = client.post(AUTOSAVE, data).json()
    assert body["status"] == "saved" and body["conflicts"] == 0
    assert levels(response) == {"LEI-02": 4}


def test_the_page_markup_carries_what_the_script_needs(client, alice, response):
    client.force_login(alice)
    html = client.get(BLOCK).content.decode()
    assert f'data-autosave-url="{AUTOSAVE}"' in html
    assert "data-signed-out hidden" in html
    assert f'href="/accounts/login/?next={BLOCK}" data-login-link' in html
    assert 'data-save-status role="status" aria-live="polite"' in html
    assert "/static/js/fillin.js" in html
    assert "<script>" not in html  # no inline script: a CSP without it is coming


def test_it_answers_invalid_input_with_the_errors_in_dutch(client, alice, response):
    client.force_login(alice)
    data = form_data(client, BLOCK)
    field = statement_field(response, "LEI-01")
    data[field] = 7
    answer = client.post(AUTOSAVE, data)
    assert answer.status_code == 400
    assert answer.json()["errors"] == {field: ["Kies een van de vier niveaus."]}
    assert not StatementAnswer.objects.exists()


def test_it_only_accepts_posts(client, alice, response):
    client.force_login(alice)
    assert client.get(AUTOSAVE).status_code == 405


def test_it_refuses_a_submitted_response(client, alice, response):
    client.force_login(alice)
    data = form_data(client, BLOCK)
    Response.objects.filter(pk=response.pk).update(status="submitted", submitted_at="2026-01-01T10:00Z")
    data[statement_field(response, "LEI-01")] = 3
    answer = client.post(AUTOSAVE, data)
    assert answer.status_code == 403
    assert answer.json()["error"] == "locked"
    assert "ingediend" in answer.json()["message"]


@pytest.mark.parametrize(
    "page, field, value",
    [
        ("profiel/", "region", "zeeland"),
        ("speerpunten/", "focus_areas", "preventie"),
        ("prioriteiten/", "rank-ict", "1"),
        ("trots/", "pride_example", "Onze thuismonitoring"),
    ],
)
def test_every_page_autosaves(client, alice, response, page, field, value):
    client.force_login(alice)
    data = form_data(client, url(page))
    data[field] = value
    answer = client.post(url(page + "autosave"), data)
    assert answer.status_code == 200, answer.content
    assert answer.json()["version"] == 2
