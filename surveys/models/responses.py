"""An institution's response to a round, and its answers.

Every answer row points at an item (statement, block, focus area, stakeholder) of
one questionnaire version; database triggers (migration 0002) refuse an answer
whose item belongs to another version than the response's round.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from surveys.models.institutions import InstitutionType, Region


class Response(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Concept")
        SUBMITTED = "submitted", _("Ingediend")

    round = models.ForeignKey(
        "surveys.Round", verbose_name=_("ronde"), on_delete=models.PROTECT, related_name="responses"
    )
    institution = models.ForeignKey(
        "surveys.Institution", verbose_name=_("instelling"), on_delete=models.PROTECT, related_name="responses"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    # Raised by one on every save; a save that names an older version is a conflict.
    version = models.PositiveIntegerField(_("versie"), default=1)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("laatst gewijzigd op"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The profile as the institution gave it in this round: the aggregation groups by
    # these, so a later change of type does not rewrite an earlier round.
    institution_type = models.CharField(
        _("type instelling"), max_length=20, choices=InstitutionType.choices, blank=True
    )
    region = models.CharField(_("regio"), max_length=20, choices=Region.choices, blank=True)
    pride_example = models.TextField(_("voorbeeld waar wij trots op zijn"), blank=True)
    consent_to_quote = models.BooleanField(_("toestemming om te citeren"), null=True, blank=True)

    class Meta:
        ordering = ["round", "institution__name"]
        verbose_name = _("respons")
        verbose_name_plural = _("responsen")
        constraints = [
            models.UniqueConstraint(fields=["round", "institution"], name="one_response_per_institution_per_round"),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="submitted_response_has_submitted_at",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.institution} — {self.round}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class StatementAnswer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="statement_answers")
    statement = models.ForeignKey("surveys.Statement", on_delete=models.PROTECT, related_name="answers")
    level = models.PositiveSmallIntegerField(_("niveau"))

    class Meta:
        verbose_name = _("antwoord op stelling")
        verbose_name_plural = _("antwoorden op stellingen")
        constraints = [
            models.UniqueConstraint(fields=["response", "statement"], name="one_answer_per_statement"),
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=4), name="answer_level_between_1_and_4"),
        ]

    def __str__(self) -> str:
        return f"{self.statement.code} = {self.level}"


class BlockAnswer(models.Model):
    """The open answers of one building block: a good example and remarks."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="block_answers")
    block = models.ForeignKey("surveys.BuildingBlock", on_delete=models.PROTECT, related_name="answers")
    good_example = models.TextField(_("goed voorbeeld"), blank=True)
    remarks = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("open antwoorden per bouwsteen")
        verbose_name_plural = _("open antwoorden per bouwsteen")
        constraints = [models.UniqueConstraint(fields=["response", "block"], name="one_block_answer_per_block")]

    def __str__(self) -> str:
        return f"{self.block}"


class FocusAreaChoice(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="focus_area_choices")
    focus_area = models.ForeignKey("surveys.FocusArea", on_delete=models.PROTECT, related_name="choices")

    class Meta:
        verbose_name = _("gekozen speerpunt")
        verbose_name_plural = _("gekozen speerpunten")
        constraints = [models.UniqueConstraint(fields=["response", "focus_area"], name="focus_area_chosen_once")]

    def __str__(self) -> str:
        return str(self.focus_area)


class CollaborationIntensity(models.IntegerChoices):
    NONE = 1, _("Geen samenwerking")
    INCIDENTAL = 2, _("Incidenteel")
    REGULAR = 3, _("Regelmatig")
    STRUCTURAL = 4, _("Structureel")


class CollaborationAnswer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="collaboration_answers")
    stakeholder = models.ForeignKey("surveys.Stakeholder", on_delete=models.PROTECT, related_name="answers")
    intensity = models.PositiveSmallIntegerField(_("intensiteit"), choices=CollaborationIntensity.choices)

    class Meta:
        verbose_name = _("samenwerking")
        verbose_name_plural = _("samenwerking")
        constraints = [
            models.UniqueConstraint(fields=["response", "stakeholder"], name="one_intensity_per_stakeholder"),
            models.CheckConstraint(condition=Q(intensity__gte=1, intensity__lte=4), name="intensity_between_1_and_4"),
        ]

    def __str__(self) -> str:
        return f"{self.stakeholder}: {self.get_intensity_display()}"


class PriorityRank(models.Model):
    """The place (1 = highest priority) an institution gives a building block for the coming year."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="priority_ranks")
    block = models.ForeignKey("surveys.BuildingBlock", on_delete=models.PROTECT, related_name="priority_ranks")
    rank = models.PositiveSmallIntegerField(_("plaats"))

    class Meta:
        verbose_name = _("prioriteit")
        verbose_name_plural = _("prioriteiten")
        constraints = [
            models.UniqueConstraint(fields=["response", "block"], name="block_ranked_once"),
            models.UniqueConstraint(fields=["response", "rank"], name="rank_used_once"),
            models.CheckConstraint(condition=Q(rank__gte=1), name="rank_at_least_1"),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.block}"


class AnswerChange(models.Model):
    """One change of one answer: who, when, old → new. Shown to the institution."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    changed_at = models.DateTimeField(_("gewijzigd op"), auto_now_add=True, db_index=True)
    item = models.CharField(_("onderdeel"), max_length=80, help_text=_("Bijv. statement:LEI-01 of block:ict:remarks"))
    item_label = models.CharField(_("omschrijving"), max_length=255)
    old_value = models.TextField(_("oude waarde"), blank=True)
    new_value = models.TextField(_("nieuwe waarde"), blank=True)

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")
        indexes = [models.Index(fields=["response", "-changed_at"], name="answerchange_response_recent")]

    def __str__(self) -> str:
        return f"{self.item_label}: {self.old_value} → {self.new_value}"
