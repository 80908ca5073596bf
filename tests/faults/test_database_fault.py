"""The database goes away in the middle of saving a block (issue 7, item 5a).

The answers saved before stay exactly as they were (the save runs in one
transaction), the person gets a 503 asking to retry (a page for a form post, JSON
for the autosave script), and the retry saves everything.
"""

import datetime

import pytest
from django.db import OperationalError, connection, connections
from django.test import RequestFactory

from jump_scan.database_errors import database_unavailable_response
from surveys.models import AnswerChange, BlockAnswer, Response, Round, User
from surveys.services.sections import BlockSection
from tests.factories import ResponseFactory, RoundFactory
from tests.surveys.fillin_support import TODAY, YEAR, form_data, levels, statement_field, url

BLOCK = url("blok/leiderschap/")
AUTOSAVE = url("blok/leiderschap/autosave")
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
RETRY_MESSAGE = (
    "De verbinding met de database viel even weg. Uw eerder opgeslagen antwoorden zijn bewaard; "
    "wat u net invulde is nog niet opgeslagen. Probeer het opnieuw."
)
CODES = ("LEI-01", "LEI-02", "LEI-03")


@pytest.fixture
def response(aalst):
    open_round = RoundFactory(
        year=YEAR,
        opens_on=TODAY - datetime.timedelta(days=30),
        closes_on=TODAY + datetime.timedelta(days=30),
        status=Round.Status.OPEN,
    )
    return ResponseFactory(round=open_round, institution=aalst)


@pytest.fixture
def saved_block(client, alice, response):
    """Alice saved the leadership block once: every statement at level 2, with a remark."""
    client.force_login(alice)
    data = form_data(client, BLOCK)
    data.update({statement_field(response, code): 2 for code in CODES})
    data["remarks"] = "Eerste versie"
    assert client.post(BLOCK, data, HTTP_ACCEPT=BROWSER_ACCEPT).status_code == 302
    return response


def stored_state(response: Response) -> dict:
    response.refresh_from_db()
    return {
        "levels": levels(response),
        "remarks": list(BlockAnswer.objects.filter(response=response).values_list("remarks", flat=True)),
        "version": response.version,
        "history": AnswerChange.objects.filter(response=response).count(),
    }


def next_version_of_the_block(client, response: Response) -> dict:
    data = form_data(client, BLOCK)
    data.update({statement_field(response, code): 4 for code in CODES})
    data["remarks"] = "Tweede versie"
    return data


def fail_after_the_rows_are_written(monkeypatch, fault) -> list[dict[str, int]]:
    """Let the block's save write its answer rows, then call `fault` (the database goes away).

    Returns the levels as the saving transaction saw them just before the fault, to show
    that the fault struck after rows had been written, before the history and the version.
    """
    seen = []
    original = BlockSection.write

    def write_then_fail(section, response, changes):
        original(section, response, changes)
        seen.append(levels(response))
        fault()

    monkeypatch.setattr(BlockSection, "write", write_then_fail)
    return seen


def raise_operational_error() -> None:
    raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.django_db
def test_a_block_save_cut_off_mid_way_keeps_the_earlier_answers_and_asks_to_retry(client, saved_block, monkeypatch):
    before = stored_state(saved_block)
    data = next_version_of_the_block(client, saved_block)
    seen = fail_after_the_rows_are_written(monkeypatch, raise_operational_error)

    answer = client.post(BLOCK, data, HTTP_ACCEPT=BROWSER_ACCEPT)

    assert seen == [dict.fromkeys(CODES, 4)], "the fault must strike after the rows were written"
    assert answer.status_code == 503
    assert answer["Retry-After"] == "5"
    html = answer.content.decode()
    assert RETRY_MESSAGE in html
    assert f'href="{BLOCK}"' in html  # "Opnieuw proberen" goes back to the block
    assert stored_state(saved_block) == before

    monkeypatch.undo()
    assert client.post(BLOCK, data, HTTP_ACCEPT=BROWSER_ACCEPT).status_code == 302
    after = stored_state(saved_block)
    assert after["levels"] == dict.fromkeys(CODES, 4)
    assert after["remarks"] == ["Tweede versie"]
    assert after["version"] == before["version"] + 1


@pytest.mark.django_db
def test_an_autosave_cut_off_mid_way_answers_json_the_page_script_shows(client, saved_block, monkeypatch):
    before = stored_state(saved_block)
    data = next_version_of_the_block(client, saved_block)
    fail_after_the_rows_are_written(monkeypatch, raise_operational_error)

    # As static/js/fillin.js sends it.
    answer = client.post(AUTOSAVE, data, HTTP_ACCEPT="application/json", HTTP_X_REQUESTED_WITH="fetch")

    assert answer.status_code == 503
    body = answer.json()
    assert body["error"] == "database_unavailable"
    assert "Uw eerder opgeslagen antwoorden zijn bewaard" in body["message"]
    assert "nog niet opgeslagen" in body["message"]
    assert stored_state(saved_block) == before

    monkeypatch.undo()
    retried = client.post(AUTOSAVE, data, HTTP_ACCEPT="application/json", HTTP_X_REQUESTED_WITH="fetch")
    assert retried.status_code == 200 and retried.json()["status"] == "saved"
    assert stored_state(saved_block)["levels"] == dict.fromkeys(CODES, 4)


@pytest.mark.django_db
def test_other_errors_of_a_view_are_not_taken_for_a_database_fault(client, saved_block, monkeypatch):
    data = next_version_of_the_block(client, saved_block)

    def programming_error() -> None:
        raise ValueError("a bug, not the database")

    fail_after_the_rows_are_written(monkeypatch, programming_error)
    with pytest.raises(ValueError, match="a bug"):
        client.post(BLOCK, data)


@pytest.mark.django_db
def test_the_retry_page_renders_without_the_database(alice, django_assert_num_queries):
    request = RequestFactory().post(BLOCK, HTTP_ACCEPT=BROWSER_ACCEPT)
    request.user = User.objects.get(pk=alice.pk)  # its institution not loaded: the page must not ask for it
    with django_assert_num_queries(0):
        answer = database_unavailable_response(request)
    assert answer.status_code == 503
    assert RETRY_MESSAGE in answer.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_killed_postgresql_connection_mid_save_rolls_the_block_back(
    postgresql_only, client, saved_block, monkeypatch
):
    """The real thing: the server ends the backend of the saving request after its first rows."""
    before = stored_state(saved_block)
    data = next_version_of_the_block(client, saved_block)

    def terminate_own_backend() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        other = connections.create_connection("default")
        try:
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
                assert cursor.fetchone()[0] is True
        finally:
            other.close()

    seen = fail_after_the_rows_are_written(monkeypatch, terminate_own_backend)
    answer = client.post(BLOCK, data, HTTP_ACCEPT=BROWSER_ACCEPT)

    assert seen == [dict.fromkeys(CODES, 4)]
    assert answer.status_code == 503
    assert RETRY_MESSAGE in answer.content.decode()
    assert stored_state(saved_block) == before  # a fresh connection: what the server really kept

    monkeypatch.undo()
    assert client.post(BLOCK, data, HTTP_ACCEPT=BROWSER_ACCEPT).status_code == 302
    assert stored_state(saved_block)["levels"] == dict.fromkeys(CODES, 4)
