"""The columns of a round's data file: one row per institution, one column per item.

The export writes this layout and the import reads it, so the two can never drift
apart. Column names are codes, stable across languages:

- `ronde`, `instelling`, `naam`, `type`, `regio`, `status`, `ingediend_op`
- one column per statement code (`LEI-01`): the level 1..4
- `goed_voorbeeld:<block>` and `toelichting:<block>`: the open answers per building block
- `speerpunt:<code>`: 1 when the focus area was chosen, else 0
- `samenwerking:<stakeholder>`: the intensity 1..4
- `prioriteit:<block>`: the rank (1 = first)
- `trots_voorbeeld`, `toestemming_citeren` (1, 0 or empty)

Block scores are not part of it: they are computed by the aggregation from the levels.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from surveys.models import BuildingBlock, FocusArea, QuestionnaireVersion, Stakeholder, Statement


class Kind(StrEnum):
    ROUND = "ronde"
    INSTITUTION = "instelling"
    NAME = "naam"
    TYPE = "type"
    REGION = "regio"
    STATUS = "status"
    SUBMITTED_AT = "ingediend_op"
    STATEMENT = "stelling"
    GOOD_EXAMPLE = "goed_voorbeeld"
    REMARKS = "toelichting"
    FOCUS_AREA = "speerpunt"
    COLLABORATION = "samenwerking"
    PRIORITY = "prioriteit"
    PRIDE_EXAMPLE = "trots_voorbeeld"
    CONSENT = "toestemming_citeren"


META_KINDS = (Kind.ROUND, Kind.INSTITUTION, Kind.NAME, Kind.TYPE, Kind.REGION, Kind.STATUS, Kind.SUBMITTED_AT)
# Free text that may name a person or an institution: left out of the pseudonymised file.
IDENTIFYING_KINDS = frozenset({Kind.NAME, Kind.GOOD_EXAMPLE, Kind.REMARKS, Kind.PRIDE_EXAMPLE})


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    item_id: int | None = None


@dataclass
class Layout:
    """A questionnaire's items, fetched once, and the columns built from them."""

    questionnaire: QuestionnaireVersion
    blocks: list[BuildingBlock]
    statements: list[Statement]
    focus_areas: list[FocusArea]
    stakeholders: list[Stakeholder]
    columns: list[Column] = field(init=False)

    def __post_init__(self) -> None:
        columns = [Column(kind.value, kind) for kind in META_KINDS]
        columns += [Column(s.code, Kind.STATEMENT, s.pk) for s in self.statements]
        for block in self.blocks:
            columns.append(Column(f"{Kind.GOOD_EXAMPLE}:{block.code}", Kind.GOOD_EXAMPLE, block.pk))
            columns.append(Column(f"{Kind.REMARKS}:{block.code}", Kind.REMARKS, block.pk))
        columns += [Column(f"{Kind.FOCUS_AREA}:{f.code}", Kind.FOCUS_AREA, f.pk) for f in self.focus_areas]
        columns += [Column(f"{Kind.COLLABORATION}:{s.code}", Kind.COLLABORATION, s.pk) for s in self.stakeholders]
        columns += [Column(f"{Kind.PRIORITY}:{b.code}", Kind.PRIORITY, b.pk) for b in self.blocks]
        columns += [Column(Kind.PRIDE_EXAMPLE.value, Kind.PRIDE_EXAMPLE), Column(Kind.CONSENT.value, Kind.CONSENT)]
        self.columns = columns

    def export_columns(self, *, pseudonymised: bool) -> list[Column]:
        if not pseudonymised:
            return self.columns
        return [column for column in self.columns if column.kind not in IDENTIFYING_KINDS]

    @property
    def by_name(self) -> dict[str, Column]:
        return {column.name: column for column in self.columns}


def layout_for(questionnaire: QuestionnaireVersion) -> Layout:
    return Layout(
        questionnaire=questionnaire,
        blocks=list(questionnaire.blocks.order_by("position")),
        statements=list(
            questionnaire.statements.select_related("block", "previous").order_by("block__position", "position")
        ),
        focus_areas=list(questionnaire.focus_areas.order_by("position")),
        stakeholders=list(questionnaire.stakeholders.order_by("position")),
    )
