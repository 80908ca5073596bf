"""Password rules (length 10, not common, not only digits, not like the person's name) where a password is chosen."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from surveys.services.invitations import invitation_link
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WEAK = {
    "kort12": "password_too_short",
    "qwertyuiop": "password_too_common",
    "73920184657391": "password_entirely_numeric",
}
STRONG = "Samen naar JZOJP 2026"


@pytest.fixture
def invited(aalst):
    user = UserFactory(username="dirk.de.vries", first_name="Dirk", last_name="de Vries", institution=aalst)
    user.set_unusable_password()
    user.save()
    return user


def invitation_form(invited) -> tuple[Client, str]:
    client = Client()
    page = client.get(invitation_link(invited).removeprefix("http://127.0.0.1:8000"), follow=True)
    return client, page.redirect_chain[-1][0]


def reset_form(user) -> tuple[Client, str]:
    client = Client()
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    page = client.get(f"/accounts/reset/{uid}/{default_token_generator.make_token(user)}/", follow=True)
    return client, page.redirect_chain[-1][0]


def choose(client: Client, path: str, password: str):
    return client.post(path, {"new_password1": password, "new_password2": password})


def error_codes(page) -> set[str]:
    return {error.code for error in page.context["form"].errors.as_data().get("new_password2", [])}


@pytest.mark.parametrize(("password", "code"), WEAK.items())
def test_an_invitation_refuses_a_weak_password(invited, password, code):
    client, path = invitation_form(invited)
    page = choose(client, path, password)
    assert page.status_code == 200
    assert code in error_codes(page)
    invited.refresh_from_db()
    assert not invited.has_usable_password()
    assert not page.wsgi_request.user.is_authenticated


def test_an_invitation_refuses_a_password_like_the_persons_own_name(invited):
    client, path = invitation_form(invited)
    page = choose(client, path, "dirk.de.vries")
    assert "password_too_similar" in error_codes(page)


def test_an_invitation_explains_the_rules_in_dutch(invited):
    client, path = invitation_form(invited)
    text = choose(client, path, "kort12").content.decode()
    assert "Dit wachtwoord is te kort" in text


def test_an_invitation_takes_a_strong_password(invited):
    client, path = invitation_form(invited)
    assert choose(client, path, STRONG).status_code == 302
    invited.refresh_from_db()
    assert invited.check_password(STRONG)


@pytest.mark.parametrize(("password", "code"), WEAK.items())
def test_a_password_reset_refuses_a_weak_password(alice, password, code):
    client, path = reset_form(alice)
    page = choose(client, path, password)
    assert code in error_codes(page)
    alice.refresh_from_db()
    assert alice.check_password("correct horse battery")


def test_a_password_reset_refuses_a_password_like_the_email_address(alice):
    client, path = reset_form(alice)
    assert "password_too_similar" in error_codes(choose(client, path, "alice@example.nl"))


def test_a_password_reset_takes_a_strong_password(alice):
    client, path = reset_form(alice)
    assert choose(client, path, STRONG).status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(STRONG)
