"""Turning an uploaded CSV, XLSX or zip (as the CSV export makes it) into rows of cells."""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

from analysts.exports.spreadsheet import ooxml_unescape
from analysts.imports.report import ImportFileError, Problem

# What a cell holds: always text from CSV; text, numbers, booleans or dates from XLSX.
Value = str | int | float | bool | datetime.datetime | datetime.date | None
BOM = b"\xef\xbb\xbf"


@dataclass
class Table:
    header: list[str]
    # (the row's number as a spreadsheet shows it, {column name: cell value})
    rows: list[tuple[int, dict[str, Value]]]
    # Problems of the header or the shape; the caller adds them to its own, so all are reported at once.
    problems: list[Problem]


def read_table(content: bytes, filename: str = "") -> Table:
    """The first sheet (or the sheet "data") of a workbook, or the rows of a CSV file, as a Table."""
    name = filename.lower()
    if not content.removeprefix(BOM).strip():
        raise ImportFileError([Problem(None, None, _("Het bestand is leeg."))])
    if zipfile.is_zipfile(io.BytesIO(content)):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = archive.namelist()
            if "[Content_Types].xml" in names:
                return _table(_xlsx_rows(content))
            if "data.csv" in names:
                return read_table(archive.read("data.csv"), "data.csv")
        raise ImportFileError([Problem(None, None, _("Het zip-bestand bevat geen data.csv."))])
    if name.endswith(".xls"):
        raise ImportFileError(
            [Problem(None, None, _("Het oude Excel-formaat (.xls) wordt niet gelezen: sla het op als .xlsx."))]
        )
    if name.endswith((".xlsx", ".xlsm")):
        raise ImportFileError([Problem(None, None, _("Dit is geen geldig XLSX-bestand: het is beschadigd."))])
    return _table(_csv_rows(content))


def _csv_rows(content: bytes) -> list[list[Value]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = content[: error.start].count(b"\n") + 1
        raise ImportFileError(
            [Problem(row, None, _("Het bestand is geen UTF-8-tekst: sla het op als 'CSV UTF-8'."))]
        ) from error
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        raise ImportFileError([Problem(None, None, _("Het CSV-bestand is onleesbaar: %s") % error)]) from error


def _xlsx_rows(content: bytes) -> list[list[Value]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook["data"] if "data" in workbook.sheetnames else workbook.worksheets[0]
        rows = [
            [ooxml_unescape(value) if isinstance(value, str) else value for value in row]
            for row in sheet.iter_rows(values_only=True)
        ]
        workbook.close()
    # A damaged workbook fails deep inside openpyxl with many kinds of error; each means the same to the user.
    except Exception as error:
        raise ImportFileError(
            [Problem(None, None, _("Dit is geen geldig XLSX-bestand: het is beschadigd."))]
        ) from error
    return rows


def _is_blank(value: Value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _table(raw: list[list[Value]]) -> Table:
    numbered = [(number, row) for number, row in enumerate(raw, start=1) if not all(_is_blank(v) for v in row)]
    if not numbered:
        raise ImportFileError([Problem(None, None, _("Het bestand is leeg."))])
    header_number, header_cells = numbered[0]
    while header_cells and _is_blank(header_cells[-1]):
        header_cells = header_cells[:-1]
    header = ["" if cell is None else str(cell).strip() for cell in header_cells]
    problems: list[Problem] = []
    seen: set[str] = set()
    for position, name in enumerate(header, start=1):
        if not name:
            problems.append(Problem(header_number, str(position), _("kolom zonder naam")))
        elif name in seen:
            problems.append(Problem(header_number, name, _("deze kolom komt twee keer voor")))
        seen.add(name)
    rows: list[tuple[int, dict[str, Value]]] = []
    for number, cells in numbered[1:]:
        if any(not _is_blank(cell) for cell in cells[len(header) :]):
            problems.append(Problem(number, None, _("deze rij heeft meer cellen dan er kolommen zijn")))
        values: dict[str, Value] = {}
        for position, name in enumerate(header):
            if name and name not in values:
                values[name] = cells[position] if position < len(cells) else None
        rows.append((number, values))
    if not rows:
        raise ImportFileError([Problem(None, None, _("Het bestand bevat alleen kopjes, geen gegevens."))])
    return Table(header=header, rows=rows, problems=problems)
