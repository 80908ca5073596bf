from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from analysts.imports.service import import_file


class Command(BaseCommand):
    help = (
        "Importeert uitslagen van een ronde of de instellingenlijst uit CSV of XLSX in de indeling van de export. "
        "Bij één fout wordt niets geïmporteerd; alle fouten worden gemeld met rij en kolom."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, required=True)
        parser.add_argument("--round", type=int, help="jaar van de ronde (standaard: de kolom ronde van het bestand)")
        parser.add_argument("--dry-run", action="store_true", help="alleen controleren, niets schrijven")

    def handle(self, *args, **options):
        path: Path = options["file"]
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path} is niet te lezen: {error.strerror}") from None
        report = import_file(content=content, filename=path.name, year=options["round"], dry_run=options["dry_run"])
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(str(problem))
            count = len(report.problems)
            raise CommandError(
                f"Niets geïmporteerd uit {path.name}: {count} {'probleem' if count == 1 else 'problemen'}."
            )
        what = report.kind_label + (f" {report.round.year}" if report.round else "")
        verb = "zou importeren" if options["dry_run"] else "geïmporteerd"
        self.stdout.write(
            f"{path.name} ({what}) {verb}: {report.created} nieuw, {report.updated} gewijzigd, "
            f"{report.unchanged} ongewijzigd."
        )
