"""One entry point for every import: read the file, recognise what it holds, validate, write."""

from django.db import transaction
from django.utils.translation import gettext as _

from analysts.imports.files import read_table
from analysts.imports.institutions import import_institutions, looks_like_institutions
from analysts.imports.report import ImportFileError, ImportReport, Problem
from analysts.imports.round_data import import_results, looks_like_results


def import_file(*, content: bytes, filename: str = "", year: int | None = None, dry_run: bool = False) -> ImportReport:
    """Import a round's results or the institution list (recognised by its columns).

    Nothing is written when any row has a problem: the report then lists every problem,
    each naming its row and column. With `dry_run` the report says what would change.
    Validation and writing share one transaction, so what was validated is what is written.
    """
    try:
        table = read_table(content, filename)
    except ImportFileError as error:
        return ImportReport(problems=error.problems)
    with transaction.atomic():
        if looks_like_results(table.header):
            return import_results(table, year=year, dry_run=dry_run)
        if looks_like_institutions(table.header):
            return import_institutions(table, dry_run=dry_run)
    message = _(
        "De kolommen passen niet bij uitslagen (ronde, instelling, status, …) of bij een instellingenlijst "
        "(instelling, naam, type, regio, lid_sinds, lid)."
    )
    return ImportReport(problems=[Problem(1, None, message)])
