from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from surveys.questionnaire_loader import QuestionnaireFileError, load_questionnaire

DEFAULT_DIR = Path(settings.BASE_DIR) / "fixtures" / "questionnaires"


class Command(BaseCommand):
    help = "Laadt vragenlijstversies uit YAML-bestanden (standaard alle in fixtures/questionnaires, op volgorde)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", type=Path, help="YAML-bestanden; leeg = alle standaardbestanden")

    def handle(self, *args, files: list[Path], **options):
        paths = files or sorted(DEFAULT_DIR.glob("*.yaml"))
        if not paths:
            raise CommandError(f"Geen vragenlijstbestanden gevonden in {DEFAULT_DIR}.")
        for path in paths:
            try:
                questionnaire = load_questionnaire(path)
            except QuestionnaireFileError as exc:
                raise CommandError(f"Niets geladen uit {exc.path}: {exc.item}: {exc.problem}") from None
            statements = questionnaire.statements.count()
            self.stdout.write(f"{path.name}: {questionnaire.title} — {statements} stellingen")
