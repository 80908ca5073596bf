"""Invitations and reminders sent by a background job, so a slow mail server never holds up a page.

`mail_batch_start` fixes who gets the message when the analyst confirms and queues the job;
`mail_batch_run` (analysts/tasks.py) sends to each of them through `invitations.mails_send`,
one transaction and one log line per person, and counts its progress on the batch. A job
that is run again (a worker died; `resume_mail_batches`) mails nobody twice: whoever the
batch already mailed is passed over, and an invitation still goes to nobody invited before.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext as _

from analysts.models import MailBatch, MailKind
from analysts.services import invitations as inv
from surveys.models import Round, User


def mail_batch_start(*, round: Round, kind: str, user: User) -> MailBatch:
    """Queue `kind` for everyone it goes to now: invitations to the contact persons not invited yet,
    reminders to those of institutions that have not submitted. One at a time per round and kind."""
    inv.ensure_round_accepts(kind, round)
    with transaction.atomic():
        # The round's row is the lock: two confirmations at the same moment start one batch.
        Round.objects.select_for_update().filter(pk=round.pk).first()
        if MailBatch.objects.filter(round=round, kind=kind, status__in=MailBatch.UNFINISHED).exists():
            raise ValidationError(
                _("Er wordt voor deze ronde al verstuurd; wacht tot die verzending klaar is."), code="batch_running"
            )
        if kind == MailKind.INVITATION:
            recipients, _already = inv.invitation_recipients(round=round)
        else:
            recipients = inv.reminder_recipients(round=round)
        batch = MailBatch(round=round, kind=kind, created_by=user, recipients=[person.pk for person in recipients])
        batch.full_clean()
        batch.save()
        # Queued after the commit, so a worker never looks for a batch it cannot see yet.
        transaction.on_commit(lambda: _enqueue(batch.pk))
    return batch


def _enqueue(batch_id: int) -> None:
    from analysts.tasks import send_mail_batch

    send_mail_batch.enqueue(batch_id)


def mail_batch_run(*, batch_id: int) -> MailBatch:
    """Send the batch's messages; a finished batch is left alone."""
    batch = MailBatch.objects.select_related("round", "created_by").get(pk=batch_id)
    if batch.finished:
        return batch
    people = User.objects.filter(pk__in=batch.recipients).select_related("institution")
    by_pk = {person.pk: person for person in people}
    # In the order chosen at the start; someone deleted since is simply no longer there.
    recipients = [by_pk[pk] for pk in batch.recipients if pk in by_pk]
    mailed = set(batch.mails.values_list("recipient_id", flat=True))
    MailBatch.objects.filter(pk=batch.pk).update(
        status=MailBatch.Status.RUNNING, processed=len(mailed), skipped=0, failures=[], progressed_at=Now()
    )

    def count_one() -> None:
        MailBatch.objects.filter(pk=batch.pk).update(processed=F("processed") + 1, progressed_at=Now())

    try:
        result = inv.mails_send(
            kind=batch.kind,
            round=batch.round,
            recipients=[person for person in recipients if person.pk not in mailed],
            user=batch.created_by,
            skip_invited=batch.kind == MailKind.INVITATION,
            batch=batch,
            on_each=count_one,
        )
    except ValidationError as error:  # the round closed (or was published) before the job ran
        MailBatch.objects.filter(pk=batch.pk).update(
            status=MailBatch.Status.FAILED, error=" ".join(error.messages), finished_at=timezone.now()
        )
        batch.refresh_from_db()
        return batch
    MailBatch.objects.filter(pk=batch.pk).update(
        status=MailBatch.Status.DONE,
        processed=len(batch.recipients),
        skipped=len(result.skipped),
        failures=[{"email": person.email, "error": error} for person, error in result.failed],
        finished_at=timezone.now(),
    )
    batch.refresh_from_db()
    return batch


def mail_batches_resume() -> list[int]:
    """Queue every unfinished batch again (after a worker stopped); the ids queued."""
    unfinished = list(MailBatch.objects.filter(status__in=MailBatch.UNFINISHED).values_list("pk", flat=True))
    for batch_id in unfinished:
        _enqueue(batch_id)
    return unfinished
