"""The questionnaire as data: versions, building blocks, statements and their lineage.

A new yearly round with a changed questionnaire is a new `QuestionnaireVersion`
loaded from `fixtures/questionnaires/*.yaml`; no code changes. Each statement says
how it relates to the previous version (its lineage), which decides whether it may
be used in a trend between the two rounds.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from surveys.models.localized import Localized

LEVELS = (1, 2, 3, 4)


class QuestionnaireVersion(Localized, models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    title_en = models.CharField(_("titel (Engels)"), max_length=200, blank=True)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("vorige versie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_versions",
    )
    source_file = models.CharField(_("bronbestand"), max_length=255, blank=True)
    loaded_at = models.DateTimeField(_("geladen op"), auto_now=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("vragenlijstversie")
        verbose_name_plural = _("vragenlijstversies")

    def __str__(self) -> str:
        return self.title


class BuildingBlock(Localized, models.Model):
    questionnaire = models.ForeignKey(QuestionnaireVersion, on_delete=models.CASCADE, related_name="blocks")
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("naam"), max_length=120)
    name_en = models.CharField(_("naam (Engels)"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"))

    class Meta:
        ordering = ["questionnaire", "position"]
        verbose_name = _("bouwsteen")
        verbose_name_plural = _("bouwstenen")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="block_code_unique_per_version"),
            models.UniqueConstraint(fields=["questionnaire", "position"], name="block_position_unique_per_version"),
        ]

    def __str__(self) -> str:
        return self.name


class Lineage(models.TextChoices):
    """How a statement relates to its predecessor in the previous questionnaire version."""

    SAME = "same", _("Ongewijzigd")
    REWORDED = "reworded", _("Anders geformuleerd (vergelijkbaar)")
    RESCALED = "rescaled", _("Andere niveaus (niet vergelijkbaar)")
    NEW = "new", _("Nieuw")

    @classmethod
    def comparable(cls) -> list[str]:
        return [cls.SAME, cls.REWORDED]


class Statement(Localized, models.Model):
    questionnaire = models.ForeignKey(QuestionnaireVersion, on_delete=models.CASCADE, related_name="statements")
    block = models.ForeignKey(
        BuildingBlock, verbose_name=_("bouwsteen"), on_delete=models.CASCADE, related_name="statements"
    )
    code = models.CharField(_("code"), max_length=20)
    position = models.PositiveSmallIntegerField(_("volgorde"))
    text = models.TextField(_("stelling"))
    text_en = models.TextField(_("stelling (Engels)"), blank=True)
    verbatim = models.BooleanField(_("letterlijk uit rapport 2021"), default=False)
    lineage = models.CharField(_("herkomst"), max_length=10, choices=Lineage.choices, default=Lineage.NEW)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("vorige stelling"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="successors",
    )
    level_1 = models.TextField(_("niveau 1"))
    level_2 = models.TextField(_("niveau 2"))
    level_3 = models.TextField(_("niveau 3"))
    level_4 = models.TextField(_("niveau 4"))
    level_1_en = models.TextField(_("niveau 1 (Engels)"), blank=True)
    level_2_en = models.TextField(_("niveau 2 (Engels)"), blank=True)
    level_3_en = models.TextField(_("niveau 3 (Engels)"), blank=True)
    level_4_en = models.TextField(_("niveau 4 (Engels)"), blank=True)

    class Meta:
        ordering = ["questionnaire", "block__position", "position"]
        verbose_name = _("stelling")
        verbose_name_plural = _("stellingen")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="statement_code_unique_per_version"),
            models.UniqueConstraint(fields=["block", "position"], name="statement_position_unique_per_block"),
            models.CheckConstraint(
                condition=~Q(level_1="") & ~Q(level_2="") & ~Q(level_3="") & ~Q(level_4=""),
                name="statement_has_four_levels",
            ),
            models.CheckConstraint(
                condition=Q(lineage="new", previous__isnull=True) | (~Q(lineage="new") & Q(previous__isnull=False)),
                name="statement_lineage_matches_previous",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.text[:60]}"

    @property
    def is_comparable(self) -> bool:
        """True when its scores may be set beside its predecessor's in a trend."""
        return self.lineage in Lineage.comparable()

    def levels(self) -> list[tuple[int, str]]:
        return [(level, self.localized(f"level_{level}")) for level in LEVELS]


class DroppedStatement(models.Model):
    """A statement of the previous version that has no successor in this version."""

    questionnaire = models.ForeignKey(QuestionnaireVersion, on_delete=models.CASCADE, related_name="dropped_statements")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reden"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("vervallen stelling")
        verbose_name_plural = _("vervallen stellingen")
        constraints = [models.UniqueConstraint(fields=["questionnaire", "statement"], name="dropped_once_per_version")]

    def __str__(self) -> str:
        return self.statement.code


class FocusArea(Localized, models.Model):
    """An option of 'Om onze ambitie op het terrein van JZOJP waar te maken, zetten wij in op:'."""

    questionnaire = models.ForeignKey(QuestionnaireVersion, on_delete=models.CASCADE, related_name="focus_areas")
    code = models.SlugField(_("code"), max_length=40)
    label = models.CharField(_("omschrijving"), max_length=200)
    label_en = models.CharField(_("omschrijving (Engels)"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"))

    class Meta:
        ordering = ["questionnaire", "position"]
        verbose_name = _("speerpunt")
        verbose_name_plural = _("speerpunten")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="focus_area_code_unique_per_version")
        ]

    def __str__(self) -> str:
        return self.label


class Stakeholder(Localized, models.Model):
    """A row of the collaboration matrix: a party in the region."""

    questionnaire = models.ForeignKey(QuestionnaireVersion, on_delete=models.CASCADE, related_name="stakeholders")
    code = models.SlugField(_("code"), max_length=40)
    label = models.CharField(_("omschrijving"), max_length=200)
    label_en = models.CharField(_("omschrijving (Engels)"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"))

    class Meta:
        ordering = ["questionnaire", "position"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="stakeholder_code_unique_per_version")
        ]

    def __str__(self) -> str:
        return self.label
