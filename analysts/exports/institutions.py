"""The institution list in the layout the import reads: code, name, type, region, member since, member."""

from analysts.exports.spreadsheet import CSV_MIMETYPE, XLSX_MIMETYPE, Cell, csv_bytes, xlsx_bytes
from surveys.models import Institution

HEADER = ["instelling", "naam", "type", "regio", "lid_sinds", "lid"]


def institutions_table() -> tuple[list[str], list[list[Cell]]]:
    rows: list[list[Cell]] = [
        [code, name, type_, region, member_since.isoformat() if member_since else None, int(is_member)]
        for code, name, type_, region, member_since, is_member in Institution.objects.order_by("code").values_list(
            "code", "name", "type", "region", "member_since", "is_member"
        )
    ]
    return HEADER, rows


def render(*, fmt: str) -> tuple[str, str, bytes]:
    header, rows = institutions_table()
    if fmt == "xlsx":
        return "jump-scan-instellingen.xlsx", XLSX_MIMETYPE, xlsx_bytes([("instellingen", header, rows)])
    if fmt == "csv":
        return "jump-scan-instellingen.csv", CSV_MIMETYPE, csv_bytes(header, rows)
    raise ValueError(f"Unknown format {fmt!r}; expected csv or xlsx.")
