import pytest

pytestmark = pytest.mark.django_db


def test_pages_speak_dutch_even_to_an_english_browser(client):
    response = client.get("/accounts/password_reset/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "nl"


def test_the_language_switch_chooses_english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/accounts/password_reset/")
    assert response["Content-Language"] == "en"
