"""Sign-in protection on top of django-axes: who is signing in from where, a cap per account, the lockout page.

django-axes counts failed sign-ins per username *and* address together (settings: a whole
hospital shares one address, so an address alone must never lock anyone out) and refuses
that pair for a cool-off. This module adds what axes does not do:

- `AccountFailureCapBackend`: at most JUMP_SIGNIN_FAILURES_PER_HOUR failures per account
  per hour, summed over all addresses, so guessing one password from many addresses stops too;
- `client_ip`: the person's address behind our own proxies (TRUSTED_PROXY_COUNT);
- `lockout_response`: the page that says, in Dutch, at what time to try again (HTTP 429).
"""

import datetime
import ipaddress
import logging

from axes.helpers import get_client_username
from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)

CAP_WINDOW = datetime.timedelta(hours=1)


def client_ip(request: HttpRequest) -> str | None:
    """The address of the person making the request.

    Without proxies it is REMOTE_ADDR. Behind TRUSTED_PROXY_COUNT proxies, each of which
    appends the address it was reached from to X-Forwarded-For, the client is the entry
    that many places from the right. Entries further left were sent by the client itself
    and can say anything, so they are never used.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    count = settings.TRUSTED_PROXY_COUNT
    if count == 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        # The request did not pass all our proxies: only the direct peer is known.
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def account_capped_until(*, username: str, now: datetime.datetime) -> datetime.datetime | None:
    """When the account `username` may try again, or None when it has not reached the hourly cap.

    The cap holds while the last hour holds JUMP_SIGNIN_FAILURES_PER_HOUR failures, so it
    lifts an hour after the oldest of those. Refused attempts are not logged as failures
    (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT is off), so trying during the cap does
    not prolong it.
    """
    limit = settings.JUMP_SIGNIN_FAILURES_PER_HOUR
    recent = list(
        AccessFailureLog.objects.filter(username=username, attempt_time__gt=now - CAP_WINDOW)
        .order_by("-attempt_time")
        .values_list("attempt_time", flat=True)[:limit]
    )
    if len(recent) < limit:
        return None
    return recent[limit - 1] + CAP_WINDOW


def pair_locked_until(*, username: str | None, ip_address: str | None) -> datetime.datetime | None:
    """When the cool-off of this username and address ends, or None when they are not locked out."""
    attempts = AccessAttempt.objects.filter(username=username, ip_address=ip_address)
    failures = sum(attempts.values_list("failures_since_start", flat=True))
    if failures < settings.AXES_FAILURE_LIMIT:
        return None
    last = attempts.aggregate(last=Max("attempt_time"))["last"]
    return last + settings.AXES_COOLOFF_TIME if last else None


class AccountFailureCapBackend:
    """Refuses any sign-in of an account that reached the hourly cap of failures, whatever the address.

    It sits between axes' backend and ModelBackend and never signs anyone in itself
    (no get_user: a session never names this backend).
    """

    def authenticate(self, request: HttpRequest | None, username: str | None = None, password=None, **kwargs):
        if request is None or not username:
            return None
        capped_until = account_capped_until(username=username, now=timezone.now())
        if capped_until is None:
            return None
        logger.warning(
            "Sign-in refused: the account reached %d failures in an hour.", settings.JUMP_SIGNIN_FAILURES_PER_HOUR
        )
        # Axes' middleware turns a request marked like this into the lockout page, and its
        # failure handler does not count the refused attempt.
        request.axes_locked_out = True
        request.jump_signin_retry_at = capped_until
        raise PermissionDenied


def retry_at(request: HttpRequest, username: str | None) -> datetime.datetime:
    """The moment every lock on this sign-in (the pair's cool-off, the account's cap) has passed."""
    now = timezone.now()
    candidates = [
        getattr(request, "jump_signin_retry_at", None),
        account_capped_until(username=username, now=now) if username else None,
        pair_locked_until(username=username, ip_address=getattr(request, "axes_ip_address", None)),
    ]
    found = [moment for moment in candidates if moment is not None]
    return max(found) if found else now + settings.AXES_COOLOFF_TIME


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """The lockout page (AXES_LOCKOUT_CALLABLE): when to try again, in the app's style; 429 Too Many Requests."""
    username = get_client_username(request, credentials)
    moment = timezone.localtime(retry_at(request, username))
    response = render(
        request,
        "registration/locked_out.html",
        {"retry_at": moment, "same_day": moment.date() == timezone.localdate()},
        status=429,
    )
    seconds = max(0, int((moment - timezone.now()).total_seconds()))
    response["Retry-After"] = str(seconds)
    return response


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's own, with a Dutch message: Django 5.2 changed the msgid and its Dutch translation lags behind."""

    def get_error_message(self) -> str:
        return ngettext(
            "Dit wachtwoord is te kort. Het moet minstens %(min_length)d teken bevatten.",
            "Dit wachtwoord is te kort. Het moet minstens %(min_length)d tekens bevatten.",
            self.min_length,
        ) % {"min_length": self.min_length}
