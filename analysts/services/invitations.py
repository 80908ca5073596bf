"""Invitations and reminders for a round, by e-mail, each one logged.

- Invitations go to the contact persons (active respondents) of every member
  institution, once per person per round: sending the batch again skips those already
  invited; one person can be re-invited explicitly.
- Reminders go only to the contact persons of institutions that have not submitted.
- A person without a usable password gets a personal link to set one; a person who
  already has one gets the plain sign-in link.
- The message is written in the institution's language (Dutch, or English).

The preview calls the same `mail_compose` as the sending, so what the analyst reads is
what is sent; only the secret part of a personal link is masked on screen.
"""

import re
import smtplib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from analysts.models import MailBatch, MailKind, MailLog
from surveys.models import Institution, Response, Round, User

# The fill-in side owns the page where a new contact person sets a password.
from surveys.services.invitations import invitation_link

# A Django password-reset token: base-36 timestamp, a dash, the hex of an HMAC.
_TOKEN = re.compile(r"\b[0-9a-z]{1,13}-[0-9a-f]{20,}\b")
MASK = "••••••"


@dataclass(frozen=True)
class ComposedMail:
    kind: str
    recipient: User
    to: str
    subject: str
    text: str
    html: str
    language: str


@dataclass
class SendResult:
    sent: list[MailLog] = field(default_factory=list)
    skipped: list[User] = field(default_factory=list)
    failed: list[tuple[User, str]] = field(default_factory=list)


# --- who ---------------------------------------------------------------------------------------


def contact_persons(*, institution: Institution | None = None) -> QuerySet[User]:
    """Active contact persons of member institutions who have an e-mail address."""
    people = (
        User.objects.filter(role=User.Role.RESPONDENT, is_active=True, institution__is_member=True)
        .exclude(email="")
        .select_related("institution")
        .order_by("institution__name", "last_name", "first_name", "pk")
    )
    return people.filter(institution=institution) if institution is not None else people


def invited_ids(*, round: Round) -> set[int]:
    return set(MailLog.objects.filter(round=round, kind=MailKind.INVITATION).values_list("recipient_id", flat=True))


def submitted_institution_ids(*, round: Round) -> set[int]:
    return set(
        Response.objects.filter(round=round, status=Response.Status.SUBMITTED).values_list("institution_id", flat=True)
    )


def invitation_recipients(*, round: Round) -> tuple[list[User], list[User]]:
    """(to invite, already invited) among all contact persons."""
    done = invited_ids(round=round)
    people = list(contact_persons())
    return [p for p in people if p.pk not in done], [p for p in people if p.pk in done]


def reminder_recipients(*, round: Round) -> list[User]:
    """Contact persons of institutions without a submitted response (none, or a draft)."""
    submitted = submitted_institution_ids(round=round)
    return [person for person in contact_persons() if person.institution_id not in submitted]


# --- what --------------------------------------------------------------------------------------


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def personal_link(*, user: User) -> str:
    """Where the e-mail sends this person: set a password first, or simply sign in."""
    if user.has_usable_password():
        return _absolute(reverse("login"))
    return invitation_link(user)


def mask_personal_link(text: str) -> str:
    """The text with the secret token of any personal link replaced by dots (for showing on screen)."""
    return _TOKEN.sub(MASK, text)


def _one_line(subject: str) -> str:
    # A header never carries a line break: an institution's name cannot inject headers.
    return " ".join(subject.split())[:255]


def mail_compose(*, kind: str, round: Round, recipient: User) -> ComposedMail:
    """The exact subject, text and HTML that `recipient` receives for this round."""
    if kind not in MailKind.values:
        raise ValueError(f"unknown mail kind {kind!r}")
    institution = recipient.institution
    language = "en" if institution is not None and institution.language == "en" else "nl"
    with translation.override(language):
        context = {
            "language": language,
            "recipient": recipient,
            "name": recipient.get_full_name() or recipient.username,
            "institution": institution,
            "round": round,
            "title": round.title,
            "link": personal_link(user=recipient),
            "sets_password": not recipient.has_usable_password(),
            "has_draft": Response.objects.filter(
                round=round, institution=institution, status=Response.Status.DRAFT
            ).exists(),
            "opens_on": formats.date_format(round.opens_on, "j F Y"),
            "closes_on": formats.date_format(round.closes_on, "j F Y"),
            "site_url": settings.SITE_URL,
        }
        subject = _one_line(render_to_string(f"emails/{kind}_subject.txt", context))
        text = render_to_string(f"emails/{kind}.txt", context)
        html = render_to_string(f"emails/{kind}.html", context)
    return ComposedMail(
        kind=kind, recipient=recipient, to=recipient.email, subject=subject, text=text, html=html, language=language
    )


def mail_preview(*, kind: str, round: Round, institution: Institution) -> list[ComposedMail]:
    """What each contact person of `institution` would receive, with the personal links masked."""
    previews = []
    for person in contact_persons(institution=institution):
        mail = mail_compose(kind=kind, round=round, recipient=person)
        previews.append(
            ComposedMail(
                kind=mail.kind,
                recipient=mail.recipient,
                to=mail.to,
                subject=mail.subject,
                text=mask_personal_link(mail.text),
                html=mask_personal_link(mail.html),
                language=mail.language,
            )
        )
    return previews


# --- sending -----------------------------------------------------------------------------------


def ensure_round_accepts(kind: str, round: Round) -> None:
    allowed = {Round.Status.DRAFT, Round.Status.OPEN} if kind == MailKind.INVITATION else {Round.Status.OPEN}
    if round.status not in allowed:
        if kind == MailKind.INVITATION:
            message = _("Uitnodigen kan alleen voor een ronde in voorbereiding of een open ronde.")
        else:
            message = _("Herinneringen kunnen alleen worden verstuurd zolang de ronde open is.")
        raise ValidationError(message, code="round_status")


def mails_send(
    *,
    kind: str,
    round: Round,
    recipients: list[User],
    user: User | None,
    skip_invited: bool,
    batch: MailBatch | None = None,
    on_each: Callable[[], None] | None = None,
) -> SendResult:
    """Send `kind` to each recipient, logging each message; with a `batch`, nobody it already mailed
    gets it twice (a job run again). `on_each` is called after every recipient (progress)."""
    ensure_round_accepts(kind, round)
    result = SendResult()
    # One connection for the whole batch: one SMTP session, not one per message.
    with get_connection() as connection:
        for recipient in recipients:
            try:
                _send_one(
                    kind=kind,
                    round=round,
                    recipient=recipient,
                    user=user,
                    skip_invited=skip_invited,
                    batch=batch,
                    connection=connection,
                    result=result,
                )
            except (smtplib.SMTPException, OSError) as exc:
                result.failed.append((recipient, str(exc)))
            if on_each is not None:
                on_each()
    return result


def _send_one(
    *,
    kind: str,
    round: Round,
    recipient: User,
    user: User | None,
    skip_invited: bool,
    batch: MailBatch | None,
    connection,
    result: SendResult,
) -> None:
    with transaction.atomic():
        # Lock the person so two analysts (or two jobs) sending at once cannot both mail them.
        User.objects.select_for_update().filter(pk=recipient.pk).first()
        if batch is not None and MailLog.objects.filter(batch=batch, recipient=recipient).exists():
            return  # mailed by this batch's job before it was stopped
        already = MailLog.objects.filter(round=round, kind=MailKind.INVITATION, recipient=recipient)
        if skip_invited and already.exists():
            result.skipped.append(recipient)
            return
        mail = mail_compose(kind=kind, round=round, recipient=recipient)
        # Logged before it is sent, in the same transaction: a batch can log a person once (a unique
        # constraint, for databases without row locks), and a message the server refuses rolls it back.
        try:
            with transaction.atomic():
                log = MailLog.objects.create(
                    round=round,
                    kind=kind,
                    recipient=recipient,
                    to_email=mail.to,
                    institution=recipient.institution,
                    sent_by=user,
                    subject=mail.subject,
                    batch=batch,
                )
        except IntegrityError:
            return  # another job of the same batch mailed this person a moment ago
        message = EmailMultiAlternatives(subject=mail.subject, body=mail.text, to=[mail.to], connection=connection)
        message.attach_alternative(mail.html, "text/html")
        message.send()
        result.sent.append(log)


def invitations_send(*, round: Round, user: User) -> SendResult:
    """Invite every contact person not yet invited for this round."""
    to_invite, already = invitation_recipients(round=round)
    result = mails_send(kind=MailKind.INVITATION, round=round, recipients=to_invite, user=user, skip_invited=True)
    result.skipped = already + result.skipped
    return result


def invitation_resend(*, round: Round, recipient: User, user: User) -> MailLog:
    """Invite one person again, on purpose (a lost e-mail, a new address)."""
    if not contact_persons().filter(pk=recipient.pk).exists():
        raise ValidationError(_("Deze persoon is geen actieve contactpersoon van een lid-instelling."))
    result = mails_send(kind=MailKind.INVITATION, round=round, recipients=[recipient], user=user, skip_invited=False)
    if result.failed:
        raise ValidationError(_("Versturen is mislukt: %(error)s") % {"error": result.failed[0][1]}, code="send_failed")
    return result.sent[0]


def reminders_send(*, round: Round, user: User) -> SendResult:
    """Remind the contact persons of every institution that has not yet submitted."""
    return mails_send(
        kind=MailKind.REMINDER, round=round, recipients=reminder_recipients(round=round), user=user, skip_invited=False
    )
