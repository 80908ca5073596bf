"""`python manage.py national_report --round 2021 --out FILE`: the national report as PDF or XLSX (by extension)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from factsheets.aggregation import national_picture
from factsheets.national_report.content import NothingToReport
from factsheets.national_report.render import render_national_report_pdf, render_national_report_xlsx
from surveys.models import Round

RENDERERS = {".pdf": render_national_report_pdf, ".xlsx": render_national_report_xlsx}


class Command(BaseCommand):
    help = "Schrijft de landelijke rapportage van een ronde: een PDF, of de tabellen als XLSX (naar de extensie)."

    def add_arguments(self, parser):
        parser.add_argument("--round", type=int, required=True, help="jaar van de ronde, bijv. 2021")
        parser.add_argument("--out", type=Path, required=True, help="het bestand om te schrijven: .pdf of .xlsx")
        parser.add_argument("--language", choices=["nl", "en"], default="nl", help="taal van de rapportage")

    def handle(self, *args, **options):
        out: Path = options["out"]
        renderer = RENDERERS.get(out.suffix.lower())
        if renderer is None:
            raise CommandError(f"Onbekend bestandstype {out.suffix or '(geen)'}: gebruik .pdf of .xlsx.")
        scan_round = Round.objects.filter(year=options["round"]).first()
        if scan_round is None:
            raise CommandError(f"Ronde {options['round']} bestaat niet.")
        try:
            _filename, _mimetype, content = renderer(national_picture(scan_round), language=options["language"])
        except NothingToReport as empty:
            raise CommandError(f"Ronde {scan_round.year} heeft nog geen ingediende scans.") from empty
        out.write_bytes(content)
        self.stdout.write(f"{out} ({len(content):,} bytes)")
