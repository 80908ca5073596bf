"""The national report's tables as an XLSX workbook: the figures workbook, plus what only the report has.

The figures themselves come from `factsheets.exports.xlsx` (one sheet per section of
the picture, unrounded values with rounded formats); this adds the report's own
sheets: the key findings in words, the quotes at levels 3 and 4 and the pride
examples (without names, as in the PDF), the questionnaire's structure with lineage,
and the participating institutions. Text is neutralised against formulas there.
"""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook

from factsheets.exports import xlsx
from factsheets.national_report.content import NationalReport


def report_workbook(report: NationalReport) -> bytes:
    """Call inside `translation.override(report.language)`."""
    _name, _mimetype, figures = xlsx.render(report.picture, language=report.language)
    workbook = load_workbook(BytesIO(figures))
    _findings(workbook, report)
    _quotes(workbook, report)
    _pride(workbook, report)
    _structure(workbook, report)
    _participants(workbook, report)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet(workbook: Workbook, title: str, header: list[str], rows: list[list], widths: list[int]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append([xlsx.safe(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([xlsx.safe(value) for value in row])
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        if width >= 60:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def _findings(workbook: Workbook, report: NationalReport) -> None:
    rows = [["1", _("Respons"), finding] for finding in report.response_findings]
    for section in report.status + report.chances:
        rows += [[section.number, section.title, finding] for finding in section.findings]
    for number, block in enumerate(report.blocks, start=1):
        rows += [[f"3.{number}", f"{block.name} · {s.code}", s.finding] for s in block.statements]
    _sheet(workbook, _("Kernbevindingen"), [_("Paragraaf"), _("Onderwerp"), _("Bevinding")], rows, [10, 40, 90])
    # The findings are what a reader wants first.
    workbook.move_sheet(workbook[_("Kernbevindingen")], offset=-(len(workbook.sheetnames) - 2))


def _quotes(workbook: Workbook, report: NationalReport) -> None:
    """Without names (as in the PDF); a text several institutions gave is listed once, at its highest level."""
    rows = []
    for block in report.blocks:
        quotes = report.picture.quotes_of(block.code)
        seen = set()
        for level in (4, 3):
            for quote in quotes:
                if quote.level == level and quote.text not in seen:
                    seen.add(quote.text)
                    rows.append([block.name, level, quote.text])
    _sheet(workbook, _("Citaten"), [_("Bouwsteen"), _("Niveau"), _("Citaat")], rows, [28, 8, 100])


def _pride(workbook: Workbook, report: NationalReport) -> None:
    rows = [[example.text] for example in report.pride_examples]
    _sheet(workbook, _("Trots"), [_("Voorbeeld (hoogste totaalscores, met toestemming)")], rows, [110])


def _structure(workbook: Workbook, report: NationalReport) -> None:
    rows = [
        [block.name, s.code, s.text, s.lineage, s.comparable_to or ""]
        for block in report.structure
        for s in block.statements
    ]
    header = [_("Bouwsteen"), _("Code"), _("Stelling"), _("Ten opzichte van vorige ronde"), _("Vergelijkbaar met")]
    rows += [[_("Vervallen"), d.code, d.text, _("Vervallen"), ""] for d in report.dropped]
    _sheet(workbook, _("Vragenlijst"), header, rows, [28, 10, 90, 34, 16])


def _participants(workbook: Workbook, report: NationalReport) -> None:
    _sheet(workbook, _("Deelnemers"), [_("Instelling")], [[name] for name in report.participants], [50])
