from django.core.management.base import BaseCommand, CommandError

from surveys.integrity import round_integrity_problems
from surveys.models import Round


class Command(BaseCommand):
    help = (
        "Controleert of de gegevens van een ronde heel zijn: "
        "elke ingediende respons volledig, elk antwoord uit de juiste vragenlijstversie."
    )

    def add_arguments(self, parser):
        parser.add_argument("--round", type=int, required=True, help="jaar van de ronde, bijv. 2021")

    def handle(self, *args, round: int, **options):
        scan_round = Round.objects.filter(year=round).select_related("questionnaire").first()
        if scan_round is None:
            raise CommandError(f"Ronde {round} bestaat niet.")
        problems = round_integrity_problems(scan_round)
        submitted = scan_round.responses.filter(status="submitted").count()
        if problems:
            for problem in problems:
                self.stderr.write(f"- {problem}")
            raise CommandError(
                f"Ronde {round}: {len(problems)} problemen gevonden in {submitted} ingediende responsen."
            )
        self.stdout.write(f"Ronde {round}: in orde ({submitted} ingediende responsen gecontroleerd).")
