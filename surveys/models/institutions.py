from django.db import models
from django.utils.translation import gettext_lazy as _


class InstitutionType(models.TextChoices):
    ALGEMEEN = "algemeen", _("Algemeen ziekenhuis")
    STZ = "stz", _("STZ-ziekenhuis")
    UMC = "umc", _("Universitair medisch centrum")
    CATEGORAAL = "categoraal", _("Categoraal ziekenhuis")
    OVERIG = "overig", _("Overige zorginstelling")

    @classmethod
    def hospitals(cls) -> list[str]:
        return [cls.ALGEMEEN, cls.STZ, cls.UMC, cls.CATEGORAAL]


class Region(models.TextChoices):
    GRONINGEN = "groningen", "Groningen"
    FRIESLAND = "friesland", "Friesland"
    DRENTHE = "drenthe", "Drenthe"
    OVERIJSSEL = "overijssel", "Overijssel"
    FLEVOLAND = "flevoland", "Flevoland"
    GELDERLAND = "gelderland", "Gelderland"
    UTRECHT = "utrecht", "Utrecht"
    NOORD_HOLLAND = "noord_holland", "Noord-Holland"
    ZUID_HOLLAND = "zuid_holland", "Zuid-Holland"
    ZEELAND = "zeeland", "Zeeland"
    NOORD_BRABANT = "noord_brabant", "Noord-Brabant"
    LIMBURG = "limburg", "Limburg"


class Institution(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    type = models.CharField(_("type"), max_length=20, choices=InstitutionType.choices)
    region = models.CharField(_("regio"), max_length=20, choices=Region.choices)
    member_since = models.DateField(_("lid sinds"), null=True, blank=True)
    is_member = models.BooleanField(_("lid"), default=True, help_text=_("Alleen leden worden uitgenodigd."))
    language = models.CharField(
        _("taal van de factsheet"), max_length=5, choices=[("nl", "Nederlands"), ("en", "English")], default="nl"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("instelling")
        verbose_name_plural = _("instellingen")

    def __str__(self) -> str:
        return self.name

    @property
    def is_hospital(self) -> bool:
        return self.type in InstitutionType.hospitals()
