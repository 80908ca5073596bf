import datetime

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Round(models.Model):
    """One yearly edition of the scan, with its own questionnaire version and window."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("In voorbereiding")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Gesloten")
        PUBLISHED = "published", _("Gepubliceerd")

    year = models.PositiveSmallIntegerField(_("jaar"), unique=True)
    title = models.CharField(_("titel"), max_length=200)
    questionnaire = models.ForeignKey(
        "surveys.QuestionnaireVersion", verbose_name=_("vragenlijst"), on_delete=models.PROTECT, related_name="rounds"
    )
    opens_on = models.DateField(_("opent op"))
    closes_on = models.DateField(_("sluit op"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("ronde")
        verbose_name_plural = _("rondes")
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="round_closes_after_it_opens"),
        ]

    def __str__(self) -> str:
        return self.title

    def accepts_answers(self, today: datetime.date) -> bool:
        """Whether institutions may still change their answers on `today`."""
        return self.status == self.Status.OPEN and self.opens_on <= today <= self.closes_on

    def days_left(self, today: datetime.date) -> int:
        return max((self.closes_on - today).days, 0)

    def previous_round(self) -> "Round | None":
        return Round.objects.filter(year__lt=self.year).order_by("-year").first()
