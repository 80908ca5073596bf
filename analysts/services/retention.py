"""How long the audit trail is kept: rows older than JUMP_AUDIT_RETENTION_DAYS are deleted.

Covers the audit log, the answer history and the mail log (which holds e-mail
addresses as sent). Run daily by `manage.py prune_audit`; running it twice deletes
nothing the second time.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from analysts.models import AuditEntry, MailLog
from surveys.models import AnswerChange

# (label, model, timestamp field): what is pruned, in the order it is reported.
PRUNED = (
    ("logboek", AuditEntry, "at"),
    ("wijzigingen van antwoorden", AnswerChange, "changed_at"),
    ("verstuurde e-mails", MailLog, "sent_at"),
)


def retention_cutoff(*, now: datetime.datetime | None = None) -> datetime.datetime:
    """Rows from before this moment are past the retention period."""
    return (now or timezone.now()) - datetime.timedelta(days=settings.JUMP_AUDIT_RETENTION_DAYS)


@transaction.atomic
def audit_prune(*, now: datetime.datetime | None = None, dry_run: bool = False) -> dict[str, int]:
    """Delete (or with `dry_run` only count) the rows past the retention period, per table."""
    cutoff = retention_cutoff(now=now)
    counts = {}
    for label, model, field in PRUNED:
        expired = model.objects.filter(**{f"{field}__lt": cutoff})
        # Nothing refers to these rows, so Django deletes them in one statement without loading them.
        counts[label] = expired.count() if dry_run else expired.delete()[0]
    return counts
