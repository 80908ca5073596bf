"""What every batch of background work shares (a round's factsheets, its invitations or reminders).

A batch is started by someone, waits in the queue, runs and ends done or failed; what could
not be done is listed in `failures` and a reason that stopped it all in `error`. Each app's
batch model adds what its work needs (factsheets/batch_models.py, analysts/models.py) and
says how many items it has (`total`) and has handled (`processed`).

The work notes the time of its last progress (`progressed_at`); a batch that is not
finished and has not moved for STALL_AFTER is `stalled_since` that time, and its page
says so: the background worker has most likely stopped (a restart resumes the batch).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

STALL_AFTER = timedelta(minutes=10)


class BackgroundBatch(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        RUNNING = "running", _("bezig")
        DONE = "done", _("klaar")
        FAILED = "failed", _("mislukt")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gestart door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gestart op"), auto_now_add=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    progressed_at = models.DateTimeField(_("laatste voortgang"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    failures = models.JSONField(_("mislukt"), default=list, blank=True)
    error = models.TextField(_("foutmelding"), blank=True)

    UNFINISHED = (Status.QUEUED, Status.RUNNING)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def stalled_since(self) -> datetime | None:
        """When an unfinished batch last moved, if that is longer than STALL_AFTER ago; else None."""
        if self.finished:
            return None
        last = self.progressed_at or self.created_at
        return last if last and timezone.now() - last > STALL_AFTER else None

    @property
    def percent(self) -> int:
        """How far it got, from the `processed` and `total` each batch keeps in its own way."""
        return round(100 * self.processed / self.total) if self.total else (100 if self.finished else 0)
