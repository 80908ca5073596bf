"""The invited institutions that have not submitted yet, one row per contact person, for a reminder round."""

from django.utils.translation import gettext as _

from analysts.exports.spreadsheet import CSV_MIMETYPE, XLSX_MIMETYPE, Cell, csv_bytes, xlsx_bytes
from analysts.selectors.monitor import non_responders
from surveys.models import Round

HEADER = ["instelling", "naam", "type", "regio", "status", "contactpersoon", "e-mail"]


def non_responders_table(*, round: Round, institution_type: str | None = None) -> tuple[list[str], list[list[Cell]]]:
    rows: list[list[Cell]] = []
    for item in non_responders(round=round, institution_type=institution_type):
        row = item.row
        institution: list[Cell] = [row.code, row.name, row.type_label, row.region_label, row.state_label]
        if not item.contacts:
            rows.append([*institution, _("(geen contactpersoon)"), None])
        for person in item.contacts:
            rows.append([*institution, person.get_full_name() or person.username, person.email])
    return HEADER, rows


def render(*, round: Round, fmt: str, institution_type: str | None = None) -> tuple[str, str, bytes]:
    header, rows = non_responders_table(round=round, institution_type=institution_type)
    stem = f"jump-scan-{round.year}-niet-ingediend" + (f"-{institution_type}" if institution_type else "")
    if fmt == "xlsx":
        return f"{stem}.xlsx", XLSX_MIMETYPE, xlsx_bytes([(_("niet ingediend"), header, rows)])
    if fmt == "csv":
        return f"{stem}.csv", CSV_MIMETYPE, csv_bytes(header, rows)
    raise ValueError(f"Unknown format {fmt!r}; expected csv or xlsx.")
