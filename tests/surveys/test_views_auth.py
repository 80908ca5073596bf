"""Signing in and out, a forgotten password, and accepting an invitation."""

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client

from surveys.models import User
from surveys.services.invitations import invitation_link
from tests.factories import UserFactory
from tests.surveys.fillin_support import url

pytestmark = pytest.mark.django_db


def test_the_sign_in_page_is_in_dutch(client):
    page = client.get("/accounts/login/")
    assert page.status_code == 200
    assert "Aanmelden bij de JuMP-scan" in page.content.decode()


def test_signing_in_leads_to_the_current_round(client, alice, response):
    signed_in = client.post("/accounts/login/", {"username": "alice", "password": "correct horse battery"}, follow=True)
    assert signed_in.redirect_chain[-1][0] == url()


def test_a_wrong_password_is_explained_in_dutch(client, alice):
    page = client.post("/accounts/login/", {"username": "alice", "password": "fout"})
    assert "Deze combinatie van gebruikersnaam en wachtwoord kennen wij niet" in page.content.decode()


def test_signing_out_returns_to_the_sign_in_page(client, alice):
    client.force_login(alice)
    assert client.post("/accounts/logout/")["Location"] == "/accounts/login/"


def test_a_forgotten_password_is_reset_through_a_mailed_link(client, alice):
    client.post("/accounts/password_reset/", {"email": "alice@example.nl"})
    [message] = mail.outbox
    assert message.subject == "Nieuw wachtwoord voor de JuMP-scan"
    link = re.search(r"http://testserver(\S+)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Nieuw wachtwoord kiezen" in form_page.content.decode()
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Transmurale zorg 2026", "new_password2": "Transmurale zorg 2026"},
    )
    alice.refresh_from_db()
    assert alice.check_password("Transmurale zorg 2026")


@pytest.fixture
def invited(aalst):
    user = UserFactory(username="dirk", first_name="Dirk", institution=aalst)
    user.set_unusable_password()
    user.save()
    return user


def test_an_invited_contact_person_sets_a_password_and_is_signed_in(invited, response):
    link = invitation_link(invited)
    assert link.startswith("http://127.0.0.1:8000/uitnodiging/")
    client = Client()
    page = client.get(link.removeprefix("http://127.0.0.1:8000"), follow=True)
    assert "Kies een wachtwoord om de uitnodiging aan te nemen" in page.content.decode()
    done = client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "Samen naar JZOJP 2026", "new_password2": "Samen naar JZOJP 2026"},
        follow=True,
    )
    assert done.redirect_chain[-1][0] == url()
    invited.refresh_from_db()
    assert invited.check_password("Samen naar JZOJP 2026")


def test_an_invitation_works_once(invited):
    path = invitation_link(invited).removeprefix("http://127.0.0.1:8000")
    invited.set_password("Al een wachtwoord 123")
    invited.save()
    page = Client().get(path, follow=True)
    assert "Deze uitnodiging werkt niet meer" in page.content.decode()


def test_an_invitation_link_does_not_set_the_password_of_someone_who_has_one(alice):
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    token = default_token_generator.make_token(alice)
    path = f"/uitnodiging/{urlsafe_base64_encode(force_bytes(alice.pk))}/{token}/"
    page = Client().get(path, follow=True)
    assert "Deze uitnodiging werkt niet meer" in page.content.decode()
    assert User.objects.get(pk=alice.pk).check_password("correct horse battery")
