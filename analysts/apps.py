from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalystsConfig(AppConfig):
    """The analysts' workspace: rounds, invitations, monitor, national picture, exports and imports."""

    name = "analysts"
    verbose_name = _("Werkplek analisten")
