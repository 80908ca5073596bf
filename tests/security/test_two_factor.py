"""Optional two-factor sign-in for analysts: set up with a QR code, then a code after the password everywhere."""

import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from surveys.models import Round
from tests.factories import ResponseFactory, RoundFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
SETUP = "/accounts/tweestaps/"
VERIFY = "/accounts/tweestaps/code/"


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the analyst's app shows now (or `steps_ahead` periods later: a code is used once)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def password_client(username: str) -> Client:
    client = Client()
    page = client.post("/accounts/login/", {"username": username, "password": PASSWORD})
    assert page.status_code == 302
    return client


@pytest.fixture
def device(ann):
    return TOTPDevice.objects.create(user=ann, name="telefoon", confirmed=True)


@pytest.fixture
def published(aalst):
    scan_round = RoundFactory(year=2021, status=Round.Status.PUBLISHED)
    ResponseFactory(round=scan_round, institution=aalst)
    return scan_round


def test_the_setup_page_shows_a_qr_code_as_an_image_and_the_secret_to_type(ann):
    client = password_client("ann")
    page = client.get(SETUP)
    assert page.status_code == 200
    text = page.content.decode()
    assert 'src="data:image/svg+xml;base64,' in text
    secret = page.context["secret"]
    assert len(secret.replace(" ", "")) == 32
    assert secret in text
    assert "<script" not in text.split("<main", 1)[1].split("</main>", 1)[0]


def test_the_secret_and_qr_stay_the_same_until_confirmed(ann):
    client = password_client("ann")
    assert client.get(SETUP).context["secret"] == client.get(SETUP).context["secret"]
    assert TOTPDevice.objects.filter(user=ann).count() == 1


def test_an_analyst_turns_two_factor_on_with_a_first_code(ann):
    client = password_client("ann")
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=ann)
    page = client.post(SETUP, {"code": code_for(device)})
    assert page.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/analist/").status_code == 200  # this session counts as verified


def test_a_wrong_first_code_leaves_two_factor_off(ann):
    client = password_client("ann")
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=ann)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    page = client.post(SETUP, {"code": wrong})
    assert page.status_code == 400
    assert "Deze code klopt niet" in page.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


@pytest.mark.parametrize("path", ["/analist/", "/admin/", "/analist/dashboard/"])
def test_with_a_device_the_workspace_and_admin_ask_for_the_code_first(device, path):
    client = password_client("ann")
    page = client.get(path)
    assert page.status_code == 302
    assert page["Location"].startswith(f"{VERIFY}?next=")


def test_with_a_device_an_institutions_answers_and_the_figures_ask_for_the_code_too(device, published):
    client = password_client("ann")
    for path in ["/scan/2021/instelling/ziekenhuis-aalst/", "/factsheets/api/rondes/2021/landelijk.json"]:
        assert client.get(path)["Location"].startswith(VERIFY), path


def test_the_code_opens_the_page_asked_for(device, ann):
    client = password_client("ann")
    page = client.post(VERIFY, {"code": code_for(device, 1), "next": "/analist/"})
    assert page["Location"] == "/analist/"
    assert client.get("/analist/").status_code == 200
    ann.is_staff = True
    ann.save()
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_keeps_the_door_shut(device):
    client = password_client("ann")
    page = client.post(VERIFY, {"code": "000000" if code_for(device) != "000000" else "111111", "next": "/analist/"})
    assert page.status_code == 400
    assert client.get("/analist/")["Location"].startswith(VERIFY)


def test_letters_and_too_few_digits_are_a_clear_error(device):
    client = password_client("ann")
    for code in ["abcdef", "123", "１２３４５６"]:
        page = client.post(VERIFY, {"code": code})
        assert page.status_code == 400, code
        assert "Vul de zes cijfers in" in page.content.decode()
    assert client.post(VERIFY, {"code": "12345\x00"}).status_code == 400


def test_a_code_works_once(device):
    code = code_for(device, 1)
    assert password_client("ann").post(VERIFY, {"code": code})["Location"] == "/"
    assert password_client("ann").post(VERIFY, {"code": code}).status_code == 400


def test_the_code_page_sends_nobody_to_another_site(device):
    client = password_client("ann")
    page = client.post(VERIFY, {"code": code_for(device, 1), "next": "https://evil.example/"})
    assert page["Location"] == "/"


def test_a_new_sign_in_asks_for_the_code_again(device):
    client = password_client("ann")
    client.post(VERIFY, {"code": code_for(device, 1)})
    client.post("/accounts/logout/")
    client.post("/accounts/login/", {"username": "ann", "password": PASSWORD})
    assert client.get("/analist/")["Location"].startswith(VERIFY)


def test_signing_out_works_without_the_code(device):
    client = password_client("ann")
    assert client.post("/accounts/logout/")["Location"] == "/accounts/login/"


def test_an_analyst_without_a_device_is_not_asked_for_a_code(ann):
    assert password_client("ann").get("/analist/").status_code == 200


def test_contact_persons_are_never_asked_for_a_code(alice, published):
    TOTPDevice.objects.create(user=alice, name="toevallig", confirmed=True)
    client = password_client("alice")
    assert client.get("/scan/2021/").status_code == 200
    assert client.get(SETUP).status_code == 403


def test_turning_two_factor_off_needs_the_code_of_this_session(device):
    client = password_client("ann")
    assert client.post("/accounts/tweestaps/uitzetten/")["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    client.post(VERIFY, {"code": code_for(device, 1)})
    assert client.post("/accounts/tweestaps/uitzetten/").status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()


def test_a_page_of_an_analyst_without_a_device_looks_up_no_device(ann):
    client = password_client("ann")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/analist/").status_code == 200
    assert not [q for q in queries.captured_queries if "otp_totp" in q["sql"]]


def test_a_device_deleted_meanwhile_asks_for_no_code(device):
    client = password_client("ann")
    device.delete()
    page = client.get("/analist/", follow=True)
    assert page.redirect_chain[-1][0] == "/analist/"
    assert page.status_code == 200


def test_a_device_added_by_an_administrator_counts_from_the_next_sign_in(ann):
    TOTPDevice.objects.create(user=ann, name="telefoon", confirmed=True)
    assert password_client("ann").get("/analist/")["Location"].startswith(VERIFY)
