"""What the analysts' workspace records: an audit log and the e-mails it sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jump_scan.background import BackgroundBatch


class AuditEntry(models.Model):
    """One change made by someone: who, when, what, on which object, old → new.

    Deliberately generic (the object is named by type, id and a readable text, the
    values are JSON) so that any part of the application can write to it and one
    page can show the whole trail.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("op"), auto_now_add=True, db_index=True)
    action = models.CharField(_("handeling"), max_length=60, db_index=True)
    object_type = models.CharField(_("soort object"), max_length=60, blank=True)
    object_id = models.CharField(_("id object"), max_length=40, blank=True)
    object_repr = models.CharField(_("object"), max_length=255)
    old = models.JSONField(_("oude waarde"), null=True, blank=True)
    new = models.JSONField(_("nieuwe waarde"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("logregel")
        verbose_name_plural = _("logboek")
        indexes = [models.Index(fields=["object_type", "object_id"], name="auditentry_object")]

    def __str__(self) -> str:
        return f"{self.action}: {self.object_repr}"


class MailKind(models.TextChoices):
    INVITATION = "invitation", _("Uitnodiging")
    REMINDER = "reminder", _("Herinnering")


class MailBatch(BackgroundBatch):
    """Invitations or reminders for a round, sent by a background job (analysts/services/mail_batches.py).

    `recipients` are the people chosen when the analyst confirmed; the job sends to each
    of them once (a job run again after a worker died skips who it already mailed).
    `failures` lists the addresses the mail server refused ({"email", "error"}).
    """

    round = models.ForeignKey("surveys.Round", verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("soort"), max_length=12, choices=MailKind.choices)
    recipients = models.JSONField(_("ontvangers"), default=list, blank=True)
    processed = models.PositiveIntegerField(_("verwerkt"), default=0)
    skipped = models.PositiveIntegerField(_("overgeslagen"), default=0)

    class Meta(BackgroundBatch.Meta):
        verbose_name = _("verzending")
        verbose_name_plural = _("verzendingen")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.round} #{self.pk} ({self.get_status_display()})"

    @property
    def total(self) -> int:
        return len(self.recipients)


class MailLog(models.Model):
    """One e-mail sent for a round: an invitation or a reminder, to one person."""

    round = models.ForeignKey("surveys.Round", verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("soort"), max_length=12, choices=MailKind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("aan"), on_delete=models.CASCADE, related_name="mails_received"
    )
    # Kept as sent: the person may later change address or move to another institution.
    to_email = models.EmailField(_("e-mailadres"))
    institution = models.ForeignKey(
        "surveys.Institution", verbose_name=_("instelling"), on_delete=models.CASCADE, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verstuurd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True, db_index=True)
    subject = models.CharField(_("onderwerp"), max_length=255)
    batch = models.ForeignKey(
        MailBatch,
        verbose_name=_("verzending"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mails",
    )

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("verstuurde e-mail")
        verbose_name_plural = _("verstuurde e-mails")
        indexes = [models.Index(fields=["round", "kind", "recipient"], name="maillog_round_kind_recipient")]
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "recipient"], condition=models.Q(batch__isnull=False), name="maillog_once_per_batch"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.to_email}"
