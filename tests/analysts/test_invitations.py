import datetime
import smtplib
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlsafe_base64_encode

from analysts.models import MailBatch, MailKind, MailLog
from analysts.services import invitations as inv
from analysts.services.mail_batches import mail_batch_run, mail_batch_start, mail_batches_resume
from surveys.models import Round
from tests.analysts.builders_rounds import contact_person, draft_response, open_round, submitted_response
from tests.factories import InstitutionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def round(db):
    return open_round(2021)


@pytest.fixture
def others(db):
    """Contact persons of two more institutions, and people who must never be mailed."""
    delft = InstitutionFactory(code="delft", name="Reinier de Graaf")
    tilburg = InstitutionFactory(code="tilburg", name="ETZ Tilburg")
    people = {
        "dora": contact_person(institution=delft, username="dora", with_password=False),
        "erik": contact_person(institution=tilburg, username="erik"),
    }
    contact_person(institution=tilburg, username="gone", is_active=False)
    contact_person(institution=tilburg, username="nomail", email="")
    contact_person(institution=InstitutionFactory(code="no-member", is_member=False), username="outsider")
    return people


def _to(messages) -> set[str]:
    return {address for message in messages for address in message.to}


def _html(message) -> str:
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")


# --- who gets what ----------------------------------------------------------------------------


def test_invitations_go_to_every_active_contact_person_of_member_institutions(ann, round, alice, bob, charlie, others):
    result = inv.invitations_send(round=round, user=ann)
    expected = {"alice@example.nl", "bob@example.nl", "charlie@example.nl", "dora@example.nl", "erik@example.nl"}
    assert _to(mail.outbox) == expected
    assert len(mail.outbox) == len(result.sent) == 5
    assert set(MailLog.objects.filter(kind=MailKind.INVITATION).values_list("to_email", flat=True)) == expected
    entry = MailLog.objects.get(recipient=alice)
    alice_mail = next(m for m in mail.outbox if m.to == ["alice@example.nl"])
    assert (entry.round, entry.sent_by, entry.institution, entry.subject) == (
        round,
        ann,
        alice.institution,
        alice_mail.subject,
    )


def test_invitations_are_sent_once_per_person_per_round(ann, round, alice, bob):
    inv.invitations_send(round=round, user=ann)
    bella = contact_person(institution=alice.institution, username="bella")
    again = inv.invitations_send(round=round, user=ann)
    assert [m.to for m in mail.outbox] == [["alice@example.nl"], ["bob@example.nl"], ["bella@example.nl"]]
    assert [m.recipient for m in again.sent] == [bella]
    assert {p.username for p in again.skipped} == {"alice", "bob"}
    assert MailLog.objects.filter(recipient=alice).count() == 1


def test_a_single_person_can_be_invited_again_on_purpose(ann, round, alice, bob):
    inv.invitations_send(round=round, user=ann)
    inv.invitation_resend(round=round, recipient=alice, user=ann)
    assert [m.to for m in mail.outbox][-1] == ["alice@example.nl"]
    assert MailLog.objects.filter(recipient=alice, kind=MailKind.INVITATION).count() == 2
    assert MailLog.objects.filter(recipient=bob).count() == 1


def test_an_invitation_in_another_round_is_separate(ann, round, alice):
    inv.invitations_send(round=round, user=ann)
    inv.invitations_send(round=open_round(2022), user=ann)
    assert len(mail.outbox) == 2


def test_reminders_go_only_to_institutions_that_have_not_submitted(ann, round, alice, bob, charlie, others):
    submitted_response(round=round, institution=alice.institution)
    draft_response(round=round, institution=charlie.institution)
    result = inv.reminders_send(round=round, user=ann)
    # Aalst submitted; Zwolle has a draft, Delft and Tilburg have not started.
    assert _to(mail.outbox) == {"charlie@example.nl", "dora@example.nl", "erik@example.nl"}
    assert len(result.sent) == 3
    assert set(MailLog.objects.values_list("kind", flat=True)) == {MailKind.REMINDER}
    charlie_mail = next(m for m in mail.outbox if m.to == ["charlie@example.nl"])
    assert "als concept bewaard" in charlie_mail.body


def test_reminders_are_refused_when_the_round_is_not_open(ann, round, alice):
    round.status = Round.Status.CLOSED
    round.save()
    with pytest.raises(ValidationError):
        inv.reminders_send(round=round, user=ann)
    with pytest.raises(ValidationError):
        inv.invitations_send(round=round, user=ann)
    assert mail.outbox == []


def test_one_connection_serves_the_whole_batch(ann, round, alice, bob, charlie):
    with mock.patch.object(inv, "get_connection", wraps=inv.get_connection) as connection:
        inv.invitations_send(round=round, user=ann)
    assert connection.call_count == 1
    assert len(mail.outbox) == 3


def test_a_message_that_fails_is_not_logged_and_the_others_go(ann, round, alice, bob):
    real_send = inv.EmailMultiAlternatives.send

    def send(message, *args, **kwargs):
        if message.to == ["alice@example.nl"]:
            raise smtplib.SMTPRecipientsRefused({"alice@example.nl": (550, b"no")})
        return real_send(message, *args, **kwargs)

    with mock.patch.object(inv.EmailMultiAlternatives, "send", send):
        result = inv.invitations_send(round=round, user=ann)
    assert [person.username for person, _ in result.failed] == ["alice"]
    assert list(MailLog.objects.values_list("recipient__username", flat=True)) == ["bob"]
    # Alice was not invited, so the next batch tries her again.
    inv.invitations_send(round=round, user=ann)
    assert MailLog.objects.filter(recipient=alice).count() == 1


# --- the message ------------------------------------------------------------------------------


def test_a_person_without_a_password_gets_a_personal_link_to_set_one(ann, round, others):
    dora = others["dora"]
    inv.invitations_send(round=round, user=ann)
    message = next(m for m in mail.outbox if m.to == ["dora@example.nl"])
    uid = urlsafe_base64_encode(str(dora.pk).encode())
    assert f"/uitnodiging/{uid}/" in message.body
    token = message.body.split(f"/uitnodiging/{uid}/")[1].split("/")[0]
    assert default_token_generator.check_token(dora, token)
    assert "kiest u een wachtwoord" in message.body


def test_a_person_with_a_password_gets_the_plain_sign_in_link(ann, round, alice):
    inv.invitations_send(round=round, user=ann)
    body = mail.outbox[0].body
    assert settings.SITE_URL + reverse("login") in body
    assert "/uitnodiging/" not in body


def test_an_english_institution_gets_the_message_in_english(ann, round):
    institution = InstitutionFactory(code="english", name="St. Elsewhere", language="en")
    contact_person(institution=institution, username="edith")
    inv.invitations_send(round=round, user=ann)
    message = mail.outbox[0]
    assert message.subject == "Invitation: JuMP-scan 2021 for St. Elsewhere"
    assert "Dear Edith" in message.body and "Beste" not in message.body
    assert 'lang="en"' in _html(message)


def test_hostile_institution_names_come_out_inert(ann, round):
    hostile = InstitutionFactory(
        code="hostile", name="<script>alert(\"x\")</script>\r\nBcc: victim@example.org =cmd|' /C calc'!A0"
    )
    contact_person(institution=hostile, username="mallory")
    inv.invitations_send(round=round, user=ann)
    message = mail.outbox[0]
    html = _html(message)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.bcc == [] and message.to == ["mallory@example.nl"]
    assert message.message()["Bcc"] is None
    assert "=cmd|" in message.subject  # kept as text: a mail header is no spreadsheet


def test_the_preview_equals_the_message_sent(ann, round, others):
    dora = others["dora"]
    previews = inv.mail_preview(kind=MailKind.INVITATION, round=round, institution=dora.institution)
    inv.invitations_send(round=round, user=ann)
    sent = next(m for m in mail.outbox if m.to == ["dora@example.nl"])
    [preview] = previews
    assert (preview.to, preview.subject) == (sent.to[0], sent.subject)
    assert preview.text == inv.mask_personal_link(sent.body)
    assert preview.html == inv.mask_personal_link(_html(sent))
    # Only the secret is hidden on screen; the recipient gets the working link.
    assert inv.MASK in preview.text and inv.MASK not in sent.body


def test_the_reminder_preview_equals_the_reminder_sent(ann, round, alice):
    [preview] = inv.mail_preview(kind=MailKind.REMINDER, round=round, institution=alice.institution)
    inv.reminders_send(round=round, user=ann)
    sent = mail.outbox[0]
    assert (preview.subject, preview.text, preview.html) == (sent.subject, sent.body, _html(sent))
    assert preview.subject == "Herinnering: JuMP-scan 2021 sluit op 31 december 2100"


# --- pages ------------------------------------------------------------------------------------


def _urls(round: Round, person) -> list[tuple[str, str]]:
    year = round.year
    return [
        ("get", reverse("analysts:invitations", args=[year])),
        ("get", reverse("analysts:invitation_preview", args=[year])),
        ("get", reverse("analysts:invitations_send", args=[year])),
        ("get", reverse("analysts:reminders_send", args=[year])),
        ("post", reverse("analysts:invitation_resend", args=[year, person.pk])),
        ("get", reverse("analysts:mail_log", args=[year])),
    ]


def test_respondents_get_403_on_every_invitations_page(client, round, alice):
    client.force_login(alice)
    for method, url in _urls(round, alice):
        assert getattr(client, method)(url).status_code == 403, url
        assert client.post(url).status_code == 403, url
    assert mail.outbox == [] and not MailLog.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, round, alice):
    for method, url in _urls(round, alice):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_the_invitations_pages_open_for_an_analyst(client, ann, round, alice):
    client.force_login(ann)
    inv.invitations_send(round=round, user=ann)
    for method, url in _urls(round, alice):
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_sending_is_csrf_protected(ann, round, alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(ann)
    for name, args in [
        ("analysts:invitations_send", [2021]),
        ("analysts:reminders_send", [2021]),
        ("analysts:invitation_resend", [2021, alice.pk]),
    ]:
        assert client.post(reverse(name, args=args)).status_code == 403
    assert mail.outbox == []


def test_the_confirmation_page_sends_nothing_until_confirmed(
    client, ann, round, alice, bob, django_capture_on_commit_callbacks
):
    client.force_login(ann)
    page = client.get(reverse("analysts:invitations_send", args=[2021]))
    assert mail.outbox == []
    assert "2 contactpersonen" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("analysts:invitations_send", args=[2021]))
    batch = MailBatch.objects.get()
    assert response["Location"] == reverse("analysts:mail_batch", args=[2021, batch.pk])
    assert len(mail.outbox) == 2
    progress = client.get(response["Location"]).content.decode()
    assert "Status: klaar — 2 van 2 verwerkt" in progress and "2 berichten verstuurd" in progress
    assert 'data-finished="true"' in progress and "batch-progress.js" not in progress  # nothing left to follow
    log = client.get(reverse("analysts:mail_log", args=[2021])).content.decode()
    assert "alice@example.nl" in log and "bob@example.nl" in log


def test_the_reminder_page_sends_to_non_responders(
    client, ann, round, alice, charlie, django_capture_on_commit_callbacks
):
    submitted_response(round=round, institution=alice.institution)
    client.force_login(ann)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("analysts:reminders_send", args=[2021]))
    assert _to(mail.outbox) == {"charlie@example.nl"}


# --- sending in the background ------------------------------------------------------------------


def test_the_mails_go_out_in_the_background_and_the_page_shows_the_progress(client, ann, round, alice, bob):
    client.force_login(ann)
    response = client.post(reverse("analysts:invitations_send", args=[2021]))  # the job is not run yet
    assert mail.outbox == []
    page = client.get(response["Location"]).content.decode()
    assert "Status: in de wachtrij — 0 van 2 verwerkt" in page
    assert 'data-finished="false"' in page and "js/batch-progress.js" in page  # the page follows the batch
    overview = client.get(reverse("analysts:invitations", args=[2021])).content.decode()
    assert "Er worden uitnodigingen verstuurd." in overview and "Voortgang: 0 van 2" in overview


def test_a_second_send_while_the_first_is_still_going_is_refused(client, ann, round, alice, bob):
    client.force_login(ann)
    client.post(reverse("analysts:reminders_send", args=[2021]))
    again = client.post(reverse("analysts:reminders_send", args=[2021]), follow=True)
    assert "Er wordt voor deze ronde al verstuurd" in again.content.decode()
    assert MailBatch.objects.count() == 1


def test_a_job_run_again_after_a_stopped_worker_mails_nobody_twice(ann, round, alice, bob, charlie):
    batch = mail_batch_start(round=round, kind=MailKind.REMINDER, user=ann)
    # The first worker mailed one person, then stopped.
    stopping = mock.patch.object(inv, "get_connection", side_effect=_stop_after_one(inv.get_connection))
    with stopping, pytest.raises(KeyboardInterrupt):
        mail_batch_run(batch_id=batch.pk)
    assert len(mail.outbox) == 1
    assert mail_batches_resume() == [batch.pk]

    done = mail_batch_run(batch_id=batch.pk)

    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.nl", "bob@example.nl", "charlie@example.nl"]
    assert (done.status, done.processed, done.total, done.mails.count()) == ("done", 3, 3, 3)
    assert mail_batches_resume() == []


def test_the_batch_page_says_when_a_stopped_worker_left_it_unfinished(client, ann, round, alice, bob, charlie):
    batch = mail_batch_start(round=round, kind=MailKind.REMINDER, user=ann)
    stopping = mock.patch.object(inv, "get_connection", side_effect=_stop_after_one(inv.get_connection))
    with stopping, pytest.raises(KeyboardInterrupt):
        mail_batch_run(batch_id=batch.pk)
    client.force_login(ann)
    url = reverse("analysts:mail_batch", args=[2021, batch.pk])
    batch.refresh_from_db()
    assert batch.progressed_at is not None and batch.stalled_since is None
    assert "Geen voortgang sinds" not in client.get(url).content.decode()

    MailBatch.objects.filter(pk=batch.pk).update(progressed_at=timezone.now() - datetime.timedelta(minutes=11))

    page = client.get(url).content.decode()
    assert "Geen voortgang sinds" in page and "niemand krijgt een bericht twee keer" in page
    mail_batch_run(batch_id=batch.pk)  # a restarted worker finishes it
    assert "Geen voortgang sinds" not in client.get(url).content.decode()


def _stop_after_one(get_connection):
    """A mail connection that delivers one message and then the worker dies (a KeyboardInterrupt)."""

    def connection(*args, **kwargs):
        real = get_connection(*args, **kwargs)
        sent = []
        original = real.send_messages

        def send_messages(messages):
            if sent:
                raise KeyboardInterrupt
            sent.append(messages)
            return original(messages)

        real.send_messages = send_messages
        return real

    return connection


def test_a_round_closed_before_the_job_runs_sends_nothing_and_says_why(ann, round, alice):
    batch = mail_batch_start(round=round, kind=MailKind.REMINDER, user=ann)
    Round.objects.filter(pk=round.pk).update(status=Round.Status.CLOSED)

    done = mail_batch_run(batch_id=batch.pk)

    assert mail.outbox == []
    assert done.status == MailBatch.Status.FAILED
    assert "zolang de ronde open is" in done.error


def test_a_refused_message_is_listed_on_the_batch_and_the_others_go(ann, round, alice, bob):
    batch = mail_batch_start(round=round, kind=MailKind.INVITATION, user=ann)
    real_send = inv.EmailMultiAlternatives.send

    def send(message, *args, **kwargs):
        if message.to == ["alice@example.nl"]:
            raise smtplib.SMTPRecipientsRefused({"alice@example.nl": (550, b"no such user")})
        return real_send(message, *args, **kwargs)

    with mock.patch.object(inv.EmailMultiAlternatives, "send", send):
        done = mail_batch_run(batch_id=batch.pk)

    assert _to(mail.outbox) == {"bob@example.nl"}
    assert done.status == MailBatch.Status.DONE and done.processed == 2
    assert [failure["email"] for failure in done.failures] == ["alice@example.nl"]
    assert not MailLog.objects.filter(recipient=alice).exists()  # a next invitation batch still reaches her


def test_the_preview_page_shows_the_exact_subject_and_a_masked_link(client, ann, round, others):
    client.force_login(ann)
    dora = others["dora"]
    page = client.get(
        reverse("analysts:invitation_preview", args=[2021]),
        {"kind": "invitation", "institution": dora.institution.pk},
    ).content.decode()
    assert "Uitnodiging JuMP-scan 2021 voor Reinier de Graaf" in page
    assert inv.MASK in page
    assert default_token_generator.make_token(dora) not in page
    assert 'sandbox=""' in page


def test_the_page_reinvites_one_person(client, ann, round, alice, bob):
    inv.invitations_send(round=round, user=ann)
    client.force_login(ann)
    client.post(reverse("analysts:invitation_resend", args=[2021, alice.pk]))
    assert [m.to for m in mail.outbox] == [["alice@example.nl"], ["bob@example.nl"], ["alice@example.nl"]]


def test_an_analyst_cannot_be_invited_as_a_contact_person(client, ann, round):
    other = UserFactory(username="andrea", role="analyst", institution=None)
    client.force_login(ann)
    assert client.post(reverse("analysts:invitation_resend", args=[2021, other.pk])).status_code == 404


def test_a_batch_logs_a_person_once_even_without_row_locks(ann, round, alice):
    from django.db import IntegrityError, transaction

    batch = mail_batch_start(round=round, kind=MailKind.REMINDER, user=ann)
    fields = {"round": round, "kind": MailKind.REMINDER, "recipient": alice, "institution": alice.institution}
    MailLog.objects.create(batch=batch, to_email=alice.email, subject="s", **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        MailLog.objects.create(batch=batch, to_email=alice.email, subject="s", **fields)
    MailLog.objects.create(batch=None, to_email=alice.email, subject="s", **fields)  # outside a batch: no limit
