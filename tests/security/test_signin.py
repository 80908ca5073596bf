"""Sign-in protection: failures counted per username and address together, a cool-off, a cap per account."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone

from jump_scan.signin import client_ip

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
LOGIN = "/accounts/login/"


def sign_in(client: Client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(times: int, username: str = "alice", address: str = "10.0.0.1"):
    return [sign_in(Client(), username, "wrong password", address) for _ in range(times)]


def signed_in(page) -> bool:
    return page.status_code == 302 and page.wsgi_request.user.is_authenticated


def test_four_failures_still_let_the_right_password_in(alice):
    assert [page.status_code for page in fail(4)] == [200, 200, 200, 200]
    assert signed_in(sign_in(Client(), "alice", PASSWORD))


def test_the_fifth_failure_locks_the_username_at_that_address_with_a_dutch_page(alice):
    *_, fifth = fail(5)
    assert fifth.status_code == 429
    page = sign_in(Client(), "alice", PASSWORD)
    assert page.status_code == 429
    assert not page.wsgi_request.user.is_authenticated
    text = page.content.decode()
    assert "Even wachten met aanmelden" in text
    last = AccessAttempt.objects.get(username="alice").attempt_time
    expected = timezone.localtime(last + datetime.timedelta(minutes=15)).strftime("%H:%M")
    assert f"Probeer het opnieuw na {expected} uur." in text
    assert 880 <= int(page["Retry-After"]) <= 900


def test_trying_during_the_cool_off_does_not_prolong_it(alice):
    fail(5)
    before = AccessAttempt.objects.get(username="alice")
    fail(3)
    after = AccessAttempt.objects.get(username="alice")
    assert (after.attempt_time, after.failures_since_start) == (before.attempt_time, before.failures_since_start)


def test_the_lock_ends_after_the_cool_off(alice):
    fail(5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert signed_in(sign_in(Client(), "alice", PASSWORD))


def test_a_colleague_behind_the_same_address_is_not_locked_out(alice, bob):
    fail(5, username="alice", address="192.0.2.10")
    assert signed_in(sign_in(Client(), "bob", PASSWORD, address="192.0.2.10"))


def test_many_usernames_failing_from_one_address_never_lock_the_address(alice):
    for name in ["piet", "joke", "anna", "kees", "fatima", "mo"]:
        fail(4, username=name, address="192.0.2.10")
    assert signed_in(sign_in(Client(), "alice", PASSWORD, address="192.0.2.10"))


def test_the_same_username_from_another_address_is_not_locked_out(alice):
    fail(5, address="10.0.0.1")
    assert signed_in(sign_in(Client(), "alice", PASSWORD, address="10.0.0.2"))


def test_a_successful_sign_in_resets_the_count(alice):
    fail(4)
    assert signed_in(sign_in(Client(), "alice", PASSWORD))
    fail(4)
    assert signed_in(sign_in(Client(), "alice", PASSWORD))


def test_the_admin_sign_in_is_throttled_too(ann):
    for _ in range(5):
        Client().post("/admin/login/", {"username": "ann", "password": "wrong"}, REMOTE_ADDR="10.0.0.9")
    page = Client().post("/admin/login/", {"username": "ann", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    assert page.status_code == 429


def spread_failures(username: str, count: int, *, minutes_ago: int) -> None:
    """`count` failures of one account from as many addresses, logged `minutes_ago` minutes ago."""
    AccessFailureLog.objects.bulk_create(
        AccessFailureLog(username=username, ip_address=f"198.51.{n // 250}.{n % 250 + 1}", user_agent="bot")
        for n in range(count)
    )
    AccessFailureLog.objects.filter(username=username).update(
        attempt_time=timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )


def test_an_account_takes_at_most_100_failures_an_hour_over_all_addresses(alice):
    spread_failures("alice", 99, minutes_ago=20)
    assert fail(1, address="203.0.113.1")[0].status_code == 200  # the 100th failure is still an ordinary one
    assert AccessFailureLog.objects.filter(username="alice").count() == 100

    refused = sign_in(Client(), "alice", PASSWORD, address="203.0.113.2")
    assert refused.status_code == 429
    assert not refused.wsgi_request.user.is_authenticated
    oldest = timezone.now() - datetime.timedelta(minutes=20) + datetime.timedelta(hours=1)
    assert f"Probeer het opnieuw na {timezone.localtime(oldest).strftime('%H:%M')} uur." in refused.content.decode()
    fail(3, address="203.0.113.3")
    assert AccessFailureLog.objects.filter(username="alice").count() == 100  # refused attempts are not counted


def test_the_account_cap_lifts_an_hour_after_the_failures(alice):
    spread_failures("alice", 100, minutes_ago=61)
    assert signed_in(sign_in(Client(), "alice", PASSWORD, address="203.0.113.2"))


def test_the_account_cap_leaves_other_accounts_alone(alice, bob):
    spread_failures("alice", 100, minutes_ago=5)
    assert signed_in(sign_in(Client(), "bob", PASSWORD, address="198.51.0.1"))


def test_the_limits_are_never_permanent_and_never_by_address_alone(settings):
    cool_off = settings.AXES_COOLOFF_TIME
    assert cool_off == datetime.timedelta(minutes=15)
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.JUMP_SIGNIN_FAILURES_PER_HOUR == 100


# The address of the person signing in, behind our own proxies.


def request_from(remote: str, forwarded: str | None = None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().post(LOGIN, REMOTE_ADDR=remote, **extra)


def test_without_proxies_the_forwarded_header_is_ignored():
    assert client_ip(request_from("203.0.113.7", "1.2.3.4")) == "203.0.113.7"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_it_saw_counts_and_the_clients_own_entries_do_not():
    assert client_ip(request_from("10.0.0.2", "203.0.113.7")) == "203.0.113.7"
    assert client_ip(request_from("10.0.0.2", "6.6.6.6, 203.0.113.7")) == "203.0.113.7"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_second_entry_from_the_right_counts():
    assert client_ip(request_from("10.0.0.3", "6.6.6.6, 203.0.113.7, 10.0.0.2")) == "203.0.113.7"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_a_request_that_skipped_a_proxy_or_names_no_address_falls_back_to_the_peer():
    assert client_ip(request_from("10.0.0.3", "203.0.113.7")) == "10.0.0.3"
    assert client_ip(request_from("10.0.0.3", "<script>, 10.0.0.2")) == "10.0.0.3"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_spoofed_forwarded_header_does_not_escape_the_lock(alice):
    for n in range(5):
        Client().post(
            LOGIN,
            {"username": "alice", "password": "wrong"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"1.1.1.{n}, 203.0.113.7",
        )
    page = Client().post(
        LOGIN,
        {"username": "alice", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.7",
    )
    assert page.status_code == 429
