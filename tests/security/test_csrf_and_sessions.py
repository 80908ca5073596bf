"""Every form refuses a POST without its CSRF token; sessions end after inactivity and at sign-out."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.security.support import build, data_fingerprint, named_urls

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
CSRF_PAGE = "Dit formulier is verlopen"


@pytest.fixture
def every_path(url_samples) -> list[tuple[str, str]]:
    values, overrides = url_samples
    return [(url.name, build(url, values, overrides)) for url in named_urls()]


def csrf_client(user=None) -> Client:
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("who", ["anonymous", "alice", "ann"])
def test_every_url_refuses_a_post_without_a_csrf_token_and_changes_nothing(every_path, who, request):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    if user is not None and user.is_analyst:
        user.is_staff = True  # the admin's forms too
        user.save()
    client = csrf_client(user)
    before = data_fingerprint()
    wrong = []
    for name, path in every_path:
        response = client.post(path, {"response": "1", "version": "1", "username": "alice", "password": PASSWORD})
        if response.status_code != 403 or CSRF_PAGE not in response.content.decode():
            wrong.append(f"{name} {path}: {response.status_code}")
    assert not wrong, "These URLs accept a POST without a CSRF token:\n" + "\n".join(wrong)
    assert data_fingerprint() == before
    assert mail.outbox == []


def test_signing_in_without_the_token_is_refused(alice):
    client = csrf_client()
    page = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert page.status_code == 403
    assert "_auth_user_id" not in client.session


def test_with_the_token_the_same_form_works(alice):
    client = csrf_client()
    client.get("/accounts/login/")
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    page = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD, "csrfmiddlewaretoken": token})
    assert page.status_code == 302


def test_autosave_refuses_a_script_post_without_the_token_header(alices_response, alice):
    client = csrf_client(alice)
    assert client.post("/scan/2021/trots/autosave", {"pride_example": "x"}).status_code == 403


# Sessions.


def sign_in(client: Client, username: str = "alice") -> str:
    assert client.post("/accounts/login/", {"username": username, "password": PASSWORD}).status_code == 302
    return client.session.session_key


def test_the_session_cookie_lasts_the_configured_inactivity(alice):
    client = Client()
    sign_in(client)
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == settings.SESSION_COOKIE_AGE == 7200
    assert settings.SESSION_SAVE_EVERY_REQUEST


def test_a_session_ends_after_inactivity(alices_response, alice):
    client = Client()
    key = sign_in(client)
    assert client.get("/scan/2021/").status_code == 200
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    page = client.get("/scan/2021/")
    assert page.status_code == 302
    assert page["Location"].startswith("/accounts/login/")


def test_every_request_moves_the_end_of_the_session(alices_response, alice):
    client = Client()
    key = sign_in(client)
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() + datetime.timedelta(minutes=1))
    assert client.get("/scan/2021/").status_code == 200
    renewed = Session.objects.get(session_key=key).expire_date
    assert renewed > timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)


def test_signing_out_ends_the_session_for_good(alices_response, alice):
    client = Client()
    key = sign_in(client)
    client.post("/accounts/logout/")
    assert not Session.objects.filter(session_key=key).exists()
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = key
    page = replay.get("/scan/2021/")
    assert page.status_code == 302
    assert page["Location"].startswith("/accounts/login/")


def test_signing_in_gives_a_new_session_key(alice):
    client = Client()
    client.get("/accounts/login/")
    session = client.session
    session["planted"] = True
    session.save()
    planted = session.session_key
    assert sign_in(client) != planted
