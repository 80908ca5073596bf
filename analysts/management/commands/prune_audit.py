from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from analysts.services.retention import audit_prune, retention_cutoff


class Command(BaseCommand):
    help = (
        "Verwijdert regels uit het logboek, de wijzigingsgeschiedenis van antwoorden en de lijst van verstuurde "
        "e-mails die ouder zijn dan JUMP_AUDIT_RETENTION_DAYS."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="alleen tellen, niets verwijderen")

    def handle(self, *args, dry_run: bool, **options):
        now = timezone.now()
        cutoff = timezone.localtime(retention_cutoff(now=now))
        counts = audit_prune(now=now, dry_run=dry_run)
        days = settings.JUMP_AUDIT_RETENTION_DAYS
        verb = "te verwijderen (proefdraai, niets verwijderd)" if dry_run else "verwijderd"
        self.stdout.write(f"Bewaartermijn {days} dagen: regels van vóór {cutoff:%Y-%m-%d %H:%M} {verb}:")
        for label, count in counts.items():
            self.stdout.write(f"  {label}: {count}")
