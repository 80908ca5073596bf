from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from factsheets.batch_models import FactsheetBatch  # noqa: F401 - registered with this app


class Snapshot(models.Model):
    """The figures of a round as published: what every later output of that round shows.

    Publishing stores one; publishing again stores a new one and keeps the old, so a
    figure once published can always be traced. `figures` holds the serialised
    `NationalPicture` under "national" and each submitted institution's own figures
    under "institutions" (keyed by institution id).
    """

    round = models.ForeignKey(
        "surveys.Round", verbose_name=_("ronde"), on_delete=models.PROTECT, related_name="snapshots"
    )
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    method_version = models.CharField(_("versie van de methode"), max_length=20)
    questionnaire = models.ForeignKey(
        "surveys.QuestionnaireVersion", verbose_name=_("vragenlijst"), on_delete=models.PROTECT, related_name="+"
    )
    figures = models.JSONField(_("cijfers"), encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["-created_at", "-id"]
        get_latest_by = ["created_at", "id"]
        verbose_name = _("momentopname")
        verbose_name_plural = _("momentopnamen")

    def __str__(self) -> str:
        return f"{self.round} ({self.created_at:%Y-%m-%d %H:%M})"
