from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class UserManager(DjangoUserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        """An administrator, as `manage.py createsuperuser` makes the first one: with the administrator's
        role (a contact person must belong to an institution) and its creation in the audit log."""
        from surveys.services.accounts import rights_audit

        extra_fields.setdefault("role", User.Role.ADMINISTRATOR)
        user = super().create_superuser(username, email, password, **extra_fields)
        rights_audit(user=user, actor=None, before=None)  # by the operator on the command line
        return user


class User(AbstractUser):
    """A person who signs in: a contact person of one institution, an analyst or an administrator."""

    class Role(models.TextChoices):
        RESPONDENT = "respondent", _("Contactpersoon instelling")
        ANALYST = "analyst", _("Analist")
        ADMINISTRATOR = "administrator", _("Beheerder")

    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.RESPONDENT)
    institution = models.ForeignKey(
        "surveys.Institution",
        verbose_name=_("instelling"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    job_title = models.CharField(_("functie"), max_length=120, blank=True)

    objects = UserManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            # A contact person always belongs to exactly one institution; staff of the
            # association belong to none, so they are never mistaken for a member.
            models.CheckConstraint(
                condition=(
                    Q(role="respondent", institution__isnull=False)
                    | (~Q(role="respondent") & Q(institution__isnull=True))
                ),
                name="user_institution_matches_role",
            ),
        ]

    @property
    def is_analyst(self) -> bool:
        return self.role in (self.Role.ANALYST, self.Role.ADMINISTRATOR)

    @property
    def is_respondent(self) -> bool:
        return self.role == self.Role.RESPONDENT
