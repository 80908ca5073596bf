from django.core.management.base import BaseCommand

from analysts.services.mail_batches import mail_batches_resume


class Command(BaseCommand):
    help = (
        "Zet onafgemaakte verzendingen van uitnodigingen en herinneringen opnieuw in de wachtrij (na een gestopte "
        "worker); wie al een bericht van die verzending kreeg, krijgt het niet nog eens."
    )

    def handle(self, *args, **options):
        resumed = mail_batches_resume()
        if not resumed:
            self.stdout.write("Geen onafgemaakte verzendingen.")
        for batch_id in resumed:
            self.stdout.write(f"Verzending {batch_id} opnieuw in de wachtrij.")
