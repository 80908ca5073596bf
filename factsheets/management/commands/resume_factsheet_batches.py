from django.core.management.base import BaseCommand

from factsheets.factsheet.jobs import batches_resume


class Command(BaseCommand):
    help = (
        "Zet onafgemaakte reeksen factsheets opnieuw in de wachtrij (na een gestopte worker); "
        "al gemaakte factsheets worden niet dubbel geteld."
    )

    def handle(self, *args, **options):
        resumed = batches_resume()
        if not resumed:
            self.stdout.write("Geen onafgemaakte reeksen.")
        for batch_id, count in resumed.items():
            self.stdout.write(f"Reeks {batch_id}: {count} factsheets opnieuw in de wachtrij.")
