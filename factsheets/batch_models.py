"""A batch of factsheets made in the background for a round, and how far it got.

Imported by factsheets/models.py so Django sees the model; the work itself is in
factsheets/tasks.py (the jobs) and factsheets/factsheet/jobs.py (starting and finishing).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from jump_scan.background import BackgroundBatch


class FactsheetBatch(BackgroundBatch):
    """Every factsheet of a published round, rendered by background jobs into one zip.

    `done` counts the factsheets written, `failures` lists the ones that failed
    ({"code", "name", "error"}); the batch is finished when together they reach `total`.
    """

    round = models.ForeignKey(
        "surveys.Round", verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="factsheet_batches"
    )
    total = models.PositiveIntegerField(_("aantal factsheets"), default=0)
    done = models.PositiveIntegerField(_("gemaakt"), default=0)
    # Which institutions are reported (done or failed), so a chunk run again after a worker
    # died counts nobody twice.
    reported = models.JSONField(_("verwerkte instellingen"), default=list, blank=True)
    # Not under MEDIA_URL's public eye: the zip is served only through the batch's download view.
    archive = models.FileField(_("zip-bestand"), upload_to="factsheets/batches/", blank=True)

    class Meta(BackgroundBatch.Meta):
        verbose_name = _("reeks factsheets")
        verbose_name_plural = _("reeksen factsheets")

    def __str__(self) -> str:
        return f"{self.round} #{self.pk} ({self.get_status_display()})"

    @property
    def processed(self) -> int:
        return self.done + len(self.failures)
