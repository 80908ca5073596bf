"""Writing tables as CSV or XLSX, safe to open in a spreadsheet.

A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as
a formula by Excel and LibreOffice (CSV injection). Such text gets an apostrophe in
front. The mapping is reversible: text that already starts with apostrophes followed by
one of those characters gets one more, and `restore` removes exactly one, so an export
imported again gives back the original text (and "'s-Hertogenbosch" stays as it is).
"""

import csv
import io
import re
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

Cell = str | int | None

CSV_MIMETYPE = "text/csv; charset=utf-8"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP_MIMETYPE = "application/zip"
# Dutch Excel splits CSV columns on the semicolon; the import accepts both.
CSV_DELIMITER = ";"
BOM = "\ufeff"

_NEEDS_QUOTE = re.compile(r"'*[=+\-@\t\r]")
_QUOTED = re.compile(r"'+[=+\-@\t\r]")


def neutralise(text: str) -> str:
    """The text as a spreadsheet shows it without ever running it."""
    return "'" + text if _NEEDS_QUOTE.match(text) else text


def restore(text: str) -> str:
    """The inverse of `neutralise`."""
    return text[1:] if _QUOTED.match(text) else text


def _safe(value: Cell) -> Cell:
    return neutralise(value) if isinstance(value, str) else value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel reads é and ë as they are."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if value is None else _safe(value) for value in row] for row in rows)
    return (BOM + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Cell]]]]) -> bytes:
    """One workbook with a sheet per (title, header, rows), written in openpyxl's streaming mode."""
    workbook = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title)
        sheet.append(list(header))
        for row in rows:
            sheet.append([_xlsx_value(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value: Cell) -> Cell:
    if not isinstance(value, str):
        return value
    if value == "":
        return None
    # Control characters cannot be stored in XLSX at all; they carry no meaning in an answer.
    return ooxml_escape(neutralise(ILLEGAL_CHARACTERS_RE.sub("", value)))


_LITERAL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def ooxml_escape(text: str) -> str:
    """A carriage return as OOXML writes it (`_x000D_`): XML parsers would turn a raw one into a newline.

    Text that already looks like such an escape gets its underscore escaped (`_x005F_`), as Excel does.
    """
    return _LITERAL_ESCAPE.sub(r"_x005F_\1", text).replace("\r", "_x000D_")


def ooxml_unescape(text: str) -> str:
    """The inverse of `ooxml_escape`; also reads the escapes Excel itself writes."""
    return _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text) if "_x" in text else text
