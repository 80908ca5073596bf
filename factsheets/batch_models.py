"""A batch of factsheets made in the background for a round, and how far it got.

Imported by factsheets/models.py so Django sees the model; the work itself is in
factsheets/tasks.py (the jobs) and factsheets/factsheet/jobs.py (starting and finishing).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FactsheetBatch(models.Model):
    """Every factsheet of a published round, rendered by background jobs into one zip.

    `done` counts the factsheets written, `failures` lists the ones that failed
    ({"code", "name", "error"}); the batch is finished when together they reach `total`.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        RUNNING = "running", _("bezig")
        DONE = "done", _("klaar")
        FAILED = "failed", _("mislukt")

    round = models.ForeignKey(
        "surveys.Round", verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="factsheet_batches"
    )
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
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(_("aantal factsheets"), default=0)
    done = models.PositiveIntegerField(_("gemaakt"), default=0)
    failures = models.JSONField(_("mislukt"), default=list, blank=True)
    # Which institutions are reported (done or failed), so a chunk run again after a worker
    # died counts nobody twice.
    reported = models.JSONField(_("verwerkte instellingen"), default=list, blank=True)
    # Not under MEDIA_URL's public eye: the zip is served only through the batch's download view.
    archive = models.FileField(_("zip-bestand"), upload_to="factsheets/batches/", blank=True)
    error = models.TextField(_("foutmelding"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("reeks factsheets")
        verbose_name_plural = _("reeksen factsheets")

    def __str__(self) -> str:
        return f"{self.round} #{self.pk} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def processed(self) -> int:
        return self.done + len(self.failures)

    @property
    def percent(self) -> int:
        return round(100 * self.processed / self.total) if self.total else (100 if self.finished else 0)
