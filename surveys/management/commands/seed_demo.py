from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from surveys.demo import SeedSummary, seed_demo
from surveys.models import Institution, User


class Command(BaseCommand):
    help = "Maakt de demogegevens aan (idempotent): instellingen, rondes 2020, 2021 en 2026, antwoorden en logins."

    def handle(self, *args, **options):
        summary = seed_demo(stdout=self.stdout)
        self.stdout.write(format_summary(summary))


def format_summary(summary: SeedSummary) -> str:
    lines = [
        _("Demogegevens klaar in %(seconds).1f s: %(count)d instellingen, %(new)d nieuwe responsen.")
        % {"seconds": summary.seconds, "count": summary.institutions, "new": summary.created_responses},
    ]
    for year, counts in sorted(summary.responses.items()):
        lines.append(
            _("  ronde %(year)d: %(submitted)d ingediend, %(drafts)d concept")
            % {"year": year, "submitted": counts["submitted"], "drafts": counts["draft"]}
        )
    lines += ["", _("Open %(url)s en meld u aan met:") % {"url": settings.SITE_URL}, ""]
    names = dict(
        Institution.objects.filter(code__in=[login.institution for login in summary.logins]).values_list("code", "name")
    )
    table = [(_("rol"), _("instelling"), _("gebruikersnaam"), _("wachtwoord"))]
    table += [
        (str(User.Role(login.role).label), names.get(login.institution, "—"), login.username, login.password)
        for login in summary.logins
    ]
    widths = [max(len(row[column]) for row in table) for column in range(4)]
    for index, row in enumerate(table):
        lines.append("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if index == 0:
            lines.append("  " + "  ".join("-" * width for width in widths))
    return "\n".join(lines)
