"""The analysts' national dashboard as a view model: the report's sections, interactive, for the nation or a group.

`dashboard(round, sector=..., institution_type=..., region=..., language=...)` asks the
aggregation for the picture (the national one, or the group's through
`factsheets.aggregation.filtered`) and returns the sections the page shows: the same
findings, charts and tables as the national report (`content.status_sections`,
`content.chance_sections`), plus per block the distribution of every statement with
all quotes at levels 3 and 4 (named: the dashboard is for analysts only). A group that
is withheld for its size comes back as `suppressed` with no figures at all.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from factsheets.aggregation import labels, national_picture
from factsheets.aggregation.filtered import group_picture
from factsheets.aggregation.pictures import NationalPicture, Quote, Suppressed
from factsheets.charts import NumberFormat
from factsheets.national_report import charts, findings, tables
from factsheets.national_report.content import (
    Figure,
    Section,
    StatementView,
    block_view,
    chance_sections,
    status_sections,
)
from factsheets.national_report.tables import Table
from surveys.models import Round


@dataclass(frozen=True)
class BlockPanel:
    code: str
    name: str
    mean: str
    figure: Figure
    table: Table
    statements: list[StatementView]
    quotes_3: list[Quote]
    quotes_4: list[Quote]

    @property
    def quote_count(self) -> int:
        return len(self.quotes_3) + len(self.quotes_4)


@dataclass(frozen=True)
class Dashboard:
    round: Round
    group_label: str  # "" for the nation
    picture: NationalPicture | None
    suppressed: Suppressed | None
    response_rate: str = ""
    response_findings: list[str] | None = None
    response_table: Table | None = None
    status: list[Section] | None = None
    blocks: list[BlockPanel] | None = None
    chances: list[Section] | None = None

    @property
    def empty(self) -> bool:
        return self.picture is not None and self.picture.national.n == 0


def dashboard(
    round: Round,
    *,
    sector: str | None = None,
    institution_type: str | None = None,
    region: str | None = None,
    language: str = "nl",
) -> Dashboard:
    with translation.override(language):
        label = group_description(sector=sector, institution_type=institution_type, region=region)
        if sector or institution_type or region:
            picture = group_picture(round, sector=sector, institution_type=institution_type, region=region)
        else:
            picture = national_picture(round)
        if isinstance(picture, Suppressed):
            return Dashboard(round=round, group_label=label, picture=None, suppressed=picture)
        if picture.national.n == 0:
            return Dashboard(round=round, group_label=label, picture=picture, suppressed=None)
        rate = picture.response.overall.rate
        return Dashboard(
            round=round,
            group_label=label,
            picture=picture,
            suppressed=None,
            response_rate="–" if rate is None else NumberFormat(language).percent(rate),
            response_findings=findings.response(picture, language=language),
            response_table=tables.response(picture, language=language),
            status=status_sections(picture, language=language),
            blocks=[_block_panel(picture, block.code, language) for block in picture.blocks],
            chances=chance_sections(picture, language=language),
        )


def group_description(*, sector: str | None, institution_type: str | None, region: str | None) -> str:
    parts = []
    if sector:
        parts.append(labels.group_label("sector", sector))
    if institution_type:
        parts.append(labels.group_label("type", institution_type))
    if region:
        parts.append(labels.group_label("region", region))
    return " · ".join(parts)


def _block_panel(picture: NationalPicture, block: str, language: str) -> BlockPanel:
    view = block_view(picture, block, language=language)
    return BlockPanel(
        code=block,
        name=view.name,
        mean=view.mean,
        figure=Figure(charts.block_statements(picture, block, language=language), language, view.figure.element_id),
        table=tables.statements(picture, block, language=language),
        statements=view.statements,
        quotes_3=[q for q in picture.quotes_of(block) if q.level == 3],
        quotes_4=[q for q in picture.quotes_of(block) if q.level == 4],
    )


def suppressed_message(suppressed: Suppressed) -> str:
    return _("Te kleine groep (n = %(n)s), niet getoond.") % {"n": suppressed.n}
