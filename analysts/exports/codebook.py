"""The codebook beside a data file: what every column means and which values it takes."""

from django.utils.translation import gettext as _

from analysts.exports.layout import Kind, Layout
from analysts.exports.spreadsheet import Cell
from surveys.models import CollaborationIntensity, InstitutionType, Region, Response

HEADER = [
    "kolom",
    "soort",
    "bouwsteen",
    "tekst",
    "waarden",
    "niveau_1",
    "niveau_2",
    "niveau_3",
    "niveau_4",
    "herkomst",
    "vorige_code",
]


def _choices(choices: list[tuple]) -> str:
    return "; ".join(f"{value} = {label}" for value, label in choices)


def codebook_table(*, layout: Layout, pseudonymised: bool = False) -> tuple[list[str], list[list[Cell]]]:
    statements = {s.pk: s for s in layout.statements}
    blocks = {b.pk: b for b in layout.blocks}
    focus_areas = {f.pk: f for f in layout.focus_areas}
    stakeholders = {s.pk: s for s in layout.stakeholders}
    fixed: dict[Kind, tuple[str, str]] = {
        Kind.ROUND: (_("Jaar van de ronde"), ""),
        Kind.INSTITUTION: (
            _("Pseudoniem van de instelling, gelijk in elke ronde") if pseudonymised else _("Code van de instelling"),
            "",
        ),
        Kind.NAME: (_("Naam van de instelling"), ""),
        Kind.TYPE: (_("Type instelling zoals opgegeven in deze ronde"), _choices(InstitutionType.choices)),
        Kind.REGION: (_("Regio zoals opgegeven in deze ronde"), _choices(Region.choices)),
        Kind.STATUS: (_("Status van de respons"), _choices(Response.Status.choices)),
        Kind.SUBMITTED_AT: (_("Moment van indienen (ISO 8601, Nederlandse tijd)"), ""),
        Kind.PRIDE_EXAMPLE: (_("Op welk JZOJP-voorbeeld uit uw organisatie bent u trots?"), _("open tekst")),
        Kind.CONSENT: (_("Toestemming om te citeren"), _("1 = ja; 0 = nee; leeg = niet beantwoord")),
    }
    rows: list[list[Cell]] = []
    for column in layout.export_columns(pseudonymised=pseudonymised):
        block_name, text, values = "", "", ""
        levels: list[Cell] = [None] * 4
        lineage, previous = None, None
        if column.item_id is None:
            text, values = fixed[column.kind]
        elif column.kind == Kind.STATEMENT:
            statement = statements[column.item_id]
            block_name, text, values = statement.block.name, statement.text, "1–4"
            levels = [statement.level_1, statement.level_2, statement.level_3, statement.level_4]
            lineage = statement.lineage
            previous = statement.previous.code if statement.previous else None
        elif column.kind in (Kind.GOOD_EXAMPLE, Kind.REMARKS, Kind.PRIORITY):
            block = blocks[column.item_id]
            block_name = block.name
            text, values = {
                Kind.GOOD_EXAMPLE: (_("Goed voorbeeld (gevraagd bij score 3 of 4)"), _("open tekst")),
                Kind.REMARKS: (_("Wilt u nog iets toevoegen of toelichten?"), _("open tekst")),
                Kind.PRIORITY: (
                    _("Prioriteit voor het komende jaar"),
                    _("1 = hoogste prioriteit … %(lowest)d = laagste") % {"lowest": len(blocks)},
                ),
            }[column.kind]
        elif column.kind == Kind.FOCUS_AREA:
            text = focus_areas[column.item_id].label
            values = _("1 = gekozen; 0 = niet gekozen")
        elif column.kind == Kind.COLLABORATION:
            text = stakeholders[column.item_id].label
            values = _choices(CollaborationIntensity.choices)
        rows.append([column.name, column.kind.value, block_name, text, values, *levels, lineage, previous])
    return HEADER, rows
