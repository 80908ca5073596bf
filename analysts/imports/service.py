"""One entry point for every import: read the file, recognise what it holds, validate, write."""

import hashlib

from django.db import transaction
from django.utils.translation import gettext as _

from analysts.imports.files import read_table
from analysts.imports.institutions import import_institutions, looks_like_institutions
from analysts.imports.report import ImportFileError, ImportReport, Problem
from analysts.imports.round_data import import_results, looks_like_results
from analysts.services.audit import audit_record_many
from surveys.models import User


def import_file(
    *,
    content: bytes,
    filename: str = "",
    year: int | None = None,
    dry_run: bool = False,
    actor: User | None = None,
) -> ImportReport:
    """Import a round's results or the institution list (recognised by its columns).

    Nothing is written when any row has a problem: the report then lists every problem,
    each naming its row and column. With `dry_run` the report says what would change.
    Validation and writing share one transaction, so what was validated is what is written,
    and so is the audit log: every response and institution the import created or changed,
    with what changed, the file's name and SHA-256, and `actor` (None: the command line).
    """
    try:
        table = read_table(content, filename)
    except ImportFileError as error:
        return ImportReport(problems=error.problems)
    with transaction.atomic():
        if looks_like_results(table.header):
            report = import_results(table, year=year, dry_run=dry_run)
        elif looks_like_institutions(table.header):
            report = import_institutions(table, dry_run=dry_run)
        else:
            report = None
        if report is not None:
            _audit(report, actor=actor, source={"file": filename[:255], "sha256": hashlib.sha256(content).hexdigest()})
            return report
    message = _(
        "De kolommen passen niet bij uitslagen (ronde, instelling, status, …) of bij een instellingenlijst "
        "(instelling, naam, type, regio, lid_sinds, lid)."
    )
    return ImportReport(problems=[Problem(1, None, message)])


def _audit(report: ImportReport, *, actor: User | None, source: dict) -> None:
    if not report.applied:
        return
    audit_record_many(
        actor=actor,
        changes=((change.action, change.obj, change.old, {**change.new, **source}) for change in report.changes),
    )
