"""A contact person's rights under the AVG (GDPR): see everything held about them, and have it erased.

Erasure anonymises the account instead of deleting it. The answers belong to the
institution, not to the person, so they stay exactly as they are and every aggregate
of every round is unchanged; the history keeps pointing at the (now anonymous) account,
so it still reads "Verwijderde gebruiker changed LEI-01 from 2 to 3" and stays coherent.
"""

import datetime
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django_otp import devices_for_user

from analysts.models import AuditEntry, MailLog
from analysts.services.audit import audit_record
from surveys.models import AnswerChange, Response, User

ERASED_NAME = "Verwijderde gebruiker"  # stored, so in the language of the data: Dutch
ERASED_DOMAIN = "verwijderd.invalid"  # RFC 2606: can never receive mail


def erased_username(user: User) -> str:
    """Unique (the primary key) and says nothing about the person."""
    return f"verwijderd-{user.pk}"


def erased_email(user: User) -> str:
    return f"{erased_username(user)}@{ERASED_DOMAIN}"


def is_erased(user: User) -> bool:
    return user.username == erased_username(user)


def _when(moment: datetime.datetime | datetime.date | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _user_entries(user: User) -> Q:
    return Q(object_type=User._meta.label_lower, object_id=str(user.pk))


def _sign_in_names(user: User) -> set[str]:
    # django-axes keeps what was typed at sign-in: the username or the e-mail address.
    return {name for name in (user.username, user.email) if name}


def personal_data_export(*, user: User) -> dict[str, Any]:
    """Everything held about `user`, as JSON-ready data (dates as ISO 8601 text).

    The account, its rights, the answer changes the person made, the responses they
    submitted or last saved, the invitations and reminders sent to them, sign-ins and
    failed sign-ins, two-factor devices (their names, never their secrets) and the audit
    log entries where they acted or were acted upon.
    """
    institution = user.institution
    names = _sign_in_names(user)
    return {
        "account": {
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "job_title": user.job_title,
            "role": user.role,
            "institution": {"code": institution.code, "name": institution.name} if institution else None,
            "is_active": user.is_active,
            "is_staff": user.is_staff,
            "is_superuser": user.is_superuser,
            "groups": sorted(user.groups.values_list("name", flat=True)),
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "has_password": user.has_usable_password(),
        },
        "answer_changes": [
            {
                "at": _when(change.changed_at),
                "round": change.response.round.year,
                "institution": change.response.institution.name,
                "item": change.item,
                "item_label": change.item_label,
                "old": change.old_value,
                "new": change.new_value,
            }
            for change in AnswerChange.objects.filter(changed_by=user)
            .select_related("response__round", "response__institution")
            .order_by("changed_at", "id")
        ],
        "responses": [
            {
                "round": response.round.year,
                "institution": response.institution.name,
                "status": response.status,
                "submitted_by_this_person": response.submitted_by_id == user.pk,
                "submitted_at": _when(response.submitted_at),
                "last_saved_by_this_person": response.updated_by_id == user.pk,
                "updated_at": _when(response.updated_at),
            }
            for response in Response.objects.filter(Q(submitted_by=user) | Q(updated_by=user))
            .select_related("round", "institution")
            .order_by("round__year", "institution__name")
        ],
        "mails_received": [
            {
                "round": mail.round.year,
                "kind": mail.kind,
                "to": mail.to_email,
                "sent_at": _when(mail.sent_at),
                "subject": mail.subject,
            }
            for mail in MailLog.objects.filter(recipient=user).select_related("round").order_by("sent_at", "id")
        ],
        "mails_sent": MailLog.objects.filter(sent_by=user).count(),
        "sign_ins": [
            {
                "at": _when(log.attempt_time),
                "signed_out": _when(log.logout_time),
                "address": log.ip_address,
                "browser": log.user_agent,
            }
            for log in AccessLog.objects.filter(username__in=names).order_by("attempt_time")
        ],
        "failed_sign_ins": [
            {"at": _when(log.attempt_time), "address": log.ip_address, "browser": log.user_agent}
            for log in AccessFailureLog.objects.filter(username__in=names).order_by("attempt_time")
        ],
        "two_factor_devices": [
            {"name": device.name, "confirmed": device.confirmed} for device in devices_for_user(user, confirmed=None)
        ],
        "audit": [
            {
                "at": _when(entry.at),
                "action": entry.action,
                "as": "actor" if entry.actor_id == user.pk else "subject",
                "object": entry.object_repr,
                "old": entry.old,
                "new": entry.new,
            }
            for entry in AuditEntry.objects.filter(Q(actor=user) | _user_entries(user)).order_by("at", "id")
        ],
    }


def record_personal_data_export(*, user: User, actor: User | None) -> AuditEntry:
    """Who looked at a person's data is itself worth keeping (not what they saw)."""
    return audit_record(actor=actor, action="privacy.export", obj=user)


def erasure_refusal(*, user: User, actor: User | None) -> str | None:
    """Why `actor` may not erase `user`, or None. `actor` None is the operator on the command line."""
    if actor is None:
        return None
    if actor.pk == user.pk:
        return _("U kunt uw eigen gegevens niet wissen: vraag een collega.")
    if (user.is_staff or user.is_superuser or user.is_analyst) and not actor.is_superuser:
        return _("Alleen een beheerder wist de gegevens van een medewerker van de vereniging.")
    return None


@transaction.atomic
def personal_data_erase(*, user: User, actor: User | None) -> None:
    """Anonymise `user`: nothing identifies the person any more, and no aggregate changes.

    The account stays (with its role and institution: needed to read the history), but
    its name, e-mail, username and job title go, it can no longer sign in (no password,
    inactive: open sessions and invitation links stop working with the password), and
    the e-mail addresses in the mail log are masked. Sign-in logs and two-factor devices
    are deleted. Answers, responses and the answer history are not touched. The erasure
    itself is audited, without the erased data.
    """
    refusal = erasure_refusal(user=user, actor=actor)
    if refusal:
        raise ValidationError(refusal, code="not_allowed")
    # Locked, then read afresh into the caller's instance, which then shows the erasure.
    list(User.objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True))
    user.refresh_from_db()
    names = _sign_in_names(user)
    user.first_name, user.last_name = ERASED_NAME, ""
    user.username, user.email = erased_username(user), erased_email(user)
    user.job_title = ""
    user.last_login = None
    user.is_active = False
    user.set_unusable_password()
    user.full_clean()
    user.save()
    masked = MailLog.objects.filter(recipient=user).update(to_email=user.email)
    # The audit trail about this account named it by its username.
    AuditEntry.objects.filter(_user_entries(user)).update(object_repr=user.username)
    sign_ins = sum(model.objects.filter(username__in=names).delete()[0] for model in _SIGN_IN_LOGS)
    devices = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        devices += 1
    audit_record(
        actor=actor,
        action="privacy.erase",
        obj=user,
        new={
            "erased": ["first_name", "last_name", "username", "email", "job_title", "password", "last_login"],
            "is_active": False,
            "mails_masked": masked,
            "sign_in_records_deleted": sign_ins,
            "two_factor_devices_deleted": devices,
        },
    )


_SIGN_IN_LOGS = (AccessAttempt, AccessLog, AccessFailureLog)
