"""The national figures of a round as an XLSX workbook: one sheet per section of the picture.

Cells hold unrounded values and show them rounded through the cell format, so an
analyst can compute on; percentages of distributions are the whole percentages of
the picture (largest remainder, adding up to 100). Groups withheld for their size
say so in words. Any text that a spreadsheet could read as a formula is neutralised.
"""

from io import BytesIO

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from factsheets.aggregation import labels
from factsheets.aggregation.pictures import NationalPicture, Summary

MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEAN = "0.00"
SHARE = "0%"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render(picture: NationalPicture, *, language: str = "nl") -> tuple[str, str, bytes]:
    with translation.override(language):
        workbook = Workbook()
        workbook.remove(workbook.active)
        _about(workbook.create_sheet(_("Toelichting")), picture)
        _response(workbook.create_sheet(_("Respons")), picture)
        _blocks(workbook.create_sheet(_("Bouwstenen")), picture, language)
        _groups(workbook.create_sheet(_("Groepen")), picture, language)
        _statements(workbook.create_sheet(_("Stellingen")), picture, language)
        _focus_areas(workbook.create_sheet(_("Speerpunten")), picture, language)
        _collaboration(workbook.create_sheet(_("Samenwerking")), picture, language)
        _priorities(workbook.create_sheet(_("Prioriteiten")), picture, language)
        buffer = BytesIO()
        workbook.save(buffer)
        filename = _("jump-scan-%(year)s-landelijke-cijfers.xlsx") % {"year": picture.round.year}
    return filename, MIMETYPE, buffer.getvalue()


def safe(value: object) -> object:
    """Text that starts like a formula gets a leading apostrophe, so it is shown, never run."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _sheet(sheet: Worksheet, header: list[str], rows: list[list], formats: dict[int, str] | None = None) -> None:
    sheet.append([safe(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe(value) for value in row])
    for column, number_format in (formats or {}).items():
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = number_format
    sheet.freeze_panes = "A2"
    for index, title in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(60, len(str(title)) + 2))


def _about(sheet: Worksheet, picture: NationalPicture) -> None:
    snapshot = picture.snapshot
    rows = [
        [_("Ronde"), picture.round.title],
        [_("Jaar"), picture.round.year],
        [_("Vragenlijst"), picture.round.questionnaire_code],
        [_("Vorige ronde"), picture.round.previous_year or "—"],
        [_("Versie van de methode"), picture.method_version],
        [
            _("Bron"),
            _("Momentopname van de publicatie op %(date)s") % {"date": snapshot.created_at[:16].replace("T", " ")}
            if snapshot
            else _("Berekend op %(date)s (nog niet gepubliceerd)")
            % {"date": timezone.localtime().strftime("%Y-%m-%d %H:%M")},
        ],
        [_("Kleinste getoonde groep"), picture.min_group_size],
        [_("Afronding"), _("Gemiddelden staan onafgerond in de cellen; percentages tellen per stelling op tot 100.")],
        [_("Methode"), _("Zie docs/methodology.md: bouwsteenscore, totaalscore, trends op vergelijkbare stellingen.")],
    ]
    _sheet(sheet, [_("Onderdeel"), _("Waarde")], rows)
    sheet.column_dimensions["B"].width = 90


def _response(sheet: Worksheet, picture: NationalPicture) -> None:
    response = picture.response
    counts = (
        [("national", response.overall)]
        + [("sector", c) for c in response.by_sector]
        + [("type", c) for c in response.by_type]
    )
    rows = [
        [labels.group_label(dimension, c.key), c.invited, c.started, c.submitted, c.rate] for dimension, c in counts
    ]
    _sheet(sheet, [_("Groep"), _("Uitgenodigd"), _("Begonnen"), _("Ingediend"), _("Respons")], rows, {5: SHARE})


def _summary_row(summary: Summary) -> list:
    return [summary.n, summary.mean, summary.median, summary.q1, summary.q3]


def _blocks(sheet: Worksheet, picture: NationalPicture, language: str) -> None:
    national, trend = picture.national, picture.national.trend
    rows = []
    for block in picture.blocks:
        change = trend.block(block.code) if trend else None
        rows.append([labels.name(block, language), *_summary_row(national.block(block.code)), *_change(change)])
    rows.append([_("Totaalscore"), *_summary_row(national.total), *_change(trend.total if trend else None)])
    header = [
        _("Bouwsteen"),
        _("Aantal"),
        _("Gemiddelde"),
        _("Mediaan"),
        _("Eerste kwartiel"),
        _("Derde kwartiel"),
        _("Gemiddelde vorige ronde"),
        _("Verandering"),
        _("Verandering gecorrigeerd"),
        _("Vergelijkbare stellingen"),
    ]
    _sheet(sheet, header, rows, dict.fromkeys(range(3, 10), MEAN))


def _change(change) -> list:
    if change is None:
        return [None, None, None, ""]
    return [
        change.previous_mean,
        change.raw_change,
        change.corrected_change,
        ", ".join(change.comparable_statements),
    ]


def _groups(sheet: Worksheet, picture: NationalPicture, language: str) -> None:
    header = [_("Indeling"), _("Groep"), _("Aantal")]
    header += [labels.name(block, language) for block in picture.blocks] + [_("Totaalscore")]
    rows = []
    for group in picture.groups:
        row = [labels.dimension_label(group.dimension), labels.group_label(group.dimension, group.key), group.n]
        if group.figures.suppressed:
            note = _("niet getoond: groep kleiner dan %(minimum)s") % {"minimum": group.figures.minimum}
            if group.figures.reason == "secondary":
                note = _("niet getoond: zou een kleine groep herleidbaar maken")
            row += [note]
        else:
            row += [group.figures.block(block.code).mean for block in picture.blocks] + [group.figures.total.mean]
        rows.append(row)
    _sheet(sheet, header, rows, dict.fromkeys(range(4, 5 + len(picture.blocks)), MEAN))


def _statements(sheet: Worksheet, picture: NationalPicture, language: str) -> None:
    header = [_("Bouwsteen"), _("Code"), _("Stelling"), _("Aantal")]
    header += [_("Niveau %(level)s (aantal)") % {"level": level} for level in range(1, 5)]
    header += [_("Niveau %(level)s (%%)") % {"level": level} for level in range(1, 5)]
    header += [_("Gemiddelde"), _("Vergelijkbaar met")]
    header += [_("Vorige ronde niveau %(level)s (%%)") % {"level": level} for level in range(1, 5)]
    rows = []
    for info in picture.statements:
        figures = picture.national.statement(info.code)
        previous = figures.previous.percentages if figures.previous else [None] * 4
        rows.append(
            [
                labels.name(picture.block_info(info.block), language),
                info.code,
                labels.statement_text(info, language),
                figures.distribution.n,
                *figures.distribution.counts,
                *figures.distribution.percentages,
                figures.mean,
                info.comparable_to or "",
                *previous,
            ]
        )
    _sheet(sheet, header, rows, {13: MEAN})
    sheet.column_dimensions["C"].width = 70


def _focus_areas(sheet: Worksheet, picture: NationalPicture, language: str) -> None:
    rows = []
    for info in picture.focus_areas:
        share = picture.national.focus_area(info.code)
        rows.append([labels.name(info, language), share.count, share.n, share.share, share.previous_share])
    header = [_("Speerpunt"), _("Aantal"), _("Van"), _("Aandeel"), _("Aandeel vorige ronde")]
    _sheet(sheet, header, rows, {4: SHARE, 5: SHARE})
    sheet.column_dimensions["A"].width = 50


def _collaboration(sheet: Worksheet, picture: NationalPicture, language: str) -> None:
    header = [_("Stakeholder"), _("Aantal")]
    header += [_("Intensiteit %(level)s (%%)") % {"level": level} for level in range(1, 5)]
    header += [_("Gemiddelde"), _("Gemiddelde vorige ronde")]
    rows = []
    for info in picture.stakeholders:
        figures = picture.national.stakeholder(info.code)
        rows.append(
            [
                labels.name(info, language),
                figures.distribution.n,
                *figures.distribution.percentages,
                figures.mean,
                figures.previous_mean,
            ]
        )
    _sheet(sheet, header, rows, {7: MEAN, 8: MEAN})
    sheet.column_dimensions["A"].width = 40


def _priorities(sheet: Worksheet, picture: NationalPicture, language: str) -> None:
    ranks = len(picture.blocks)
    header = [_("Bouwsteen"), _("Aantal")]
    header += [_("Plaats %(rank)s (%%)") % {"rank": rank} for rank in range(1, ranks + 1)]
    header += [_("Gemiddelde plaats"), _("Gemiddelde score"), _("Hoge prioriteit, lage score")]
    view = {point.block: point for point in picture.national.priority_vs_score}
    rows = []
    for block in picture.blocks:
        figures = picture.national.priority(block.code)
        point = view[block.code]
        rows.append(
            [
                labels.name(block, language),
                figures.distribution.n,
                *figures.distribution.percentages,
                figures.mean_rank,
                point.score,
                _("ja") if point.flagged else _("nee"),
            ]
        )
    _sheet(sheet, header, rows, {ranks + 3: MEAN, ranks + 4: MEAN})
