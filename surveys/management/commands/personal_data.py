import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from surveys.models import User
from surveys.privacy_actions import export_json
from surveys.services.privacy import personal_data_erase, personal_data_export, record_personal_data_export


def find_person(address: str) -> User:
    """The one account with this e-mail address (or username); several or none stop the command."""
    matches = list(User.objects.filter(Q(email__iexact=address) | Q(username__iexact=address)).order_by("pk"))
    if not matches:
        raise CommandError(f"Geen gebruiker met e-mailadres of gebruikersnaam {address}.")
    if len(matches) > 1:
        usernames = ", ".join(user.username for user in matches)
        raise CommandError(f"{len(matches)} gebruikers passen bij {address} ({usernames}): geef de gebruikersnaam.")
    return matches[0]


class Command(BaseCommand):
    help = (
        "AVG-verzoeken van een contactpersoon: --export EMAIL schrijft alle persoonsgegevens als JSON, "
        "--erase EMAIL anonimiseert het account zonder de antwoorden of de cijfers te raken."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--export", metavar="EMAIL", help="persoonsgegevens exporteren (JSON)")
        action.add_argument("--erase", metavar="EMAIL", help="persoonsgegevens wissen")
        parser.add_argument("--out", help="bestand voor de export (anders standaarduitvoer)")
        parser.add_argument("--yes", action="store_true", help="wissen zonder te vragen")

    def handle(self, *args, export: str | None, erase: str | None, out: str | None, yes: bool, **options):
        if export:
            self.export(find_person(export), out)
        else:
            self.erase(find_person(erase), yes)

    def export(self, user: User, out: str | None) -> None:
        content = export_json(personal_data_export(user=user))
        record_personal_data_export(user=user, actor=None)
        if out:
            with open(out, "wb") as file:
                file.write(content)
            self.stderr.write(f"Persoonsgegevens van {user.username} geschreven naar {out}.")
        else:
            self.stdout.write(content.decode())

    def erase(self, user: User, yes: bool) -> None:
        label = f"{user.get_full_name() or user.username} <{user.email}>"
        if not yes:
            if not sys.stdin.isatty():
                raise CommandError("Wissen kan niet ongedaan worden gemaakt: bevestig met --yes.")
            answer = input(f"De persoonsgegevens van {label} wissen? Dit kan niet ongedaan worden gemaakt. [ja/nee] ")
            if answer.strip().lower() != "ja":
                raise CommandError("Niets gewist.")
        try:
            personal_data_erase(user=user, actor=None)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"Persoonsgegevens gewist; het account heet nu {user.username}.")
