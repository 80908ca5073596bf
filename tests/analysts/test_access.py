import pytest

pytestmark = pytest.mark.django_db


def test_the_workspace_sends_anonymous_visitors_to_sign_in(client):
    response = client.get("/analist/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_workspace_refuses_a_respondent(client, alice):
    client.force_login(alice)
    assert client.get("/analist/").status_code == 403


def test_the_workspace_opens_for_an_analyst(client, ann, round_2021):
    client.force_login(ann)
    response = client.get("/analist/")
    assert response.status_code == 200
    assert "JuMP-scan 2021" in response.content.decode()
