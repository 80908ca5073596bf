"""python manage.py generate_factsheets --round 2021 [--institution CODE] [--out DIR] [--workers N]"""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from factsheets.aggregation import FiguresUnavailable
from factsheets.factsheet.batch import BatchResult, Failure, generate_factsheets
from surveys.models import Institution, Round


class Command(BaseCommand):
    help = (
        "Schrijft de factsheet (PDF) van elke instelling die de scan van een ronde indiende, plus een zip. "
        "Een mislukte factsheet stopt de rest niet; opnieuw draaien geeft dezelfde bestanden."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--round", type=int, required=True, help="Het jaar van de ronde, bijv. 2021.")
        parser.add_argument("--institution", help="Alleen de factsheet van deze instelling (haar code).")
        parser.add_argument("--out", type=Path, help="Map voor de PDF's (standaard out/factsheets/<jaar>).")
        parser.add_argument("--workers", type=int, default=1, help="Aantal processen dat tegelijk PDF's maakt.")

    def handle(self, *args, **options) -> None:
        scan_round = Round.objects.filter(year=options["round"]).first()
        if scan_round is None:
            raise CommandError(f"Er is geen ronde {options['round']}.")
        institution = None
        if options["institution"]:
            institution = Institution.objects.filter(code=options["institution"]).first()
            if institution is None:
                raise CommandError(f"Er is geen instelling met code {options['institution']!r}.")
        if options["workers"] < 1:
            raise CommandError("--workers moet minstens 1 zijn.")
        if scan_round.status != Round.Status.PUBLISHED:
            self.stderr.write(
                self.style.WARNING(
                    f"Ronde {scan_round.year} is nog niet gepubliceerd: de factsheets tonen voorlopige cijfers."
                )
            )
        out_dir = options["out"] or Path(settings.BASE_DIR) / "out" / "factsheets" / str(scan_round.year)
        started = time.perf_counter()
        with tqdm(desc="Factsheets", unit="pdf", disable=options["verbosity"] == 0, file=self.stderr) as bar:

            def progress(done: int, total: int, failure: Failure | None) -> None:
                bar.total = total
                bar.update(1)
                if failure is not None:
                    bar.write(f"Mislukt: {failure.name} ({failure.code})")

            try:
                result = generate_factsheets(
                    scan_round, out_dir=out_dir, institution=institution, workers=options["workers"], progress=progress
                )
            except FiguresUnavailable as missing:
                raise CommandError(f"{institution} heeft in ronde {scan_round.year} geen ingediende scan.") from missing
        self._report(result, out_dir, time.perf_counter() - started)
        if result.failures:
            raise CommandError(f"{len(result.failures)} factsheet(s) mislukt; zie hierboven.")

    def _report(self, result: BatchResult, out_dir: Path, seconds: float) -> None:
        self.stdout.write(
            f"{len(result.written)} geschreven, {len(result.unchanged)} ongewijzigd, "
            f"{len(result.failures)} mislukt in {seconds:.1f} s → {out_dir}"
        )
        if result.archive is not None:
            self.stdout.write(f"Zip: {result.archive}")
        for failure in result.failures:
            self.stderr.write(self.style.ERROR(f"  {failure.name} ({failure.code}): {failure.error}"))
