from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from analysts.exports import institutions as institutions_export
from analysts.exports import round_data
from surveys.models import Round


class Command(BaseCommand):
    help = (
        "Exporteert de gegevens van een ronde (één rij per instelling, één kolom per vraag) met codeboek. "
        "CSV geeft twee bestanden: FILE en FILE met .codeboek.csv; XLSX één werkmap met de bladen data en codeboek."
    )

    def add_arguments(self, parser):
        parser.add_argument("--round", type=int, help="jaar van de ronde, bijv. 2021")
        parser.add_argument("--format", choices=round_data.FORMATS, default="xlsx")
        parser.add_argument("--out", type=Path, required=True, help="het bestand om te schrijven")
        parser.add_argument("--pseudonymised", action="store_true", help="pseudoniemen, zonder namen en open teksten")
        parser.add_argument("--include-drafts", action="store_true", help="ook responsen die nog niet zijn ingediend")
        parser.add_argument("--institutions", action="store_true", help="de instellingenlijst in plaats van een ronde")

    def handle(self, *args, **options):
        out: Path = options["out"]
        fmt = options["format"]
        if options["institutions"]:
            _filename, _mimetype, content = institutions_export.render(fmt=fmt)
            self._write(out, content)
            return
        if options["round"] is None:
            raise CommandError("Geef --round JAAR op (of --institutions voor de instellingenlijst).")
        round = Round.objects.select_related("questionnaire").filter(year=options["round"]).first()
        if round is None:
            raise CommandError(f"Ronde {options['round']} bestaat niet.")
        choices = {"include_drafts": options["include_drafts"], "pseudonymised": options["pseudonymised"]}
        if fmt == "csv":
            data, codebook = round_data.render_csv_files(round=round, **choices)
            self._write(out, data)
            self._write(codebook_path(out), codebook)
        else:
            _filename, _mimetype, content = round_data.render(round=round, fmt=fmt, **choices)
            self._write(out, content)

    def _write(self, path: Path, content: bytes) -> None:
        path.write_bytes(content)
        self.stdout.write(f"{path} ({len(content):,} bytes)")


def codebook_path(out: Path) -> Path:
    """data.csv → data.codeboek.csv, beside it."""
    return out.with_name(f"{out.stem}.codeboek{out.suffix or '.csv'}")
