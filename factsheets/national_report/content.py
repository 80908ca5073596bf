"""The national report as a view model: sections with findings, charts and tables, built from a NationalPicture.

The structure follows the 2021 report: 1 Achtergrond (doel, methode, respons),
2 Status (bouwstenen, ziekenhuizen en overige instellingen, speerpunten,
samenwerking), 3 Verdieping (per stelling de verdeling, met citaten op niveau 3 en 4),
4 Kansen (prioriteiten, prioriteit en score, trotse voorbeelden), Bijlagen (opbouw van
de vragenlijst, deelnemende instellingen).

The sections of Status and Kansen are also what the analysts' dashboard shows
(`status_sections`, `chance_sections`, `block_view`), so the dashboard and the
report print the same findings, charts and tables. Quotes in the report carry no
institution name (a named quote at level 4 would tell that institution's score), and
the pride examples are printed without name or score; only consenting institutions
are ever quoted (the picture holds no others).
"""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.utils import formats, translation
from django.utils.translation import gettext as _

from factsheets.aggregation import labels
from factsheets.aggregation.pictures import NationalPicture, PrideExample, Quote
from factsheets.charts import Chart, NumberFormat, chart_img, chart_web
from factsheets.national_report import charts, findings, tables
from factsheets.national_report.selectors import DroppedInfo, ReportFacts
from factsheets.national_report.tables import Table
from surveys.models import Lineage

QUOTES_PER_LEVEL = 2


class NothingToReport(ValueError):
    """The round has no submitted scan yet, so there is no national picture to report."""


@dataclass(frozen=True)
class Figure:
    """A chart with the language it is drawn in; templates call `img` (PDF) or the dashboard `web`."""

    chart: Chart
    language: str
    element_id: str = ""

    def img(self) -> str:
        return chart_img(self.chart, language=self.language)

    def web(self) -> str:
        return chart_web(self.chart, element_id=self.element_id, language=self.language)

    def summary(self) -> str:
        return self.chart.alt_text(language=self.language)


@dataclass(frozen=True)
class Section:
    """One numbered part of a chapter: a heading, key findings, figures and tables."""

    id: str
    number: str
    title: str
    findings: list[str]
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    question: str = ""
    note: str = ""


@dataclass(frozen=True)
class Level:
    number: int
    sentence: str
    percent: str


@dataclass(frozen=True)
class StatementView:
    code: str
    text: str
    finding: str
    levels: list[Level]
    lineage: str
    comparable_to: str | None


@dataclass(frozen=True)
class BlockView:
    code: str
    number: int
    name: str
    mean: str
    figure: Figure
    statements: list[StatementView]
    quotes_3: list[Quote]
    quotes_4: list[Quote]


@dataclass(frozen=True)
class AppendixStatement:
    code: str
    text: str
    lineage: str
    comparable_to: str | None


@dataclass(frozen=True)
class AppendixBlock:
    number: int
    name: str
    statements: list[AppendixStatement]


@dataclass(frozen=True)
class KeyFigure:
    value: str
    label: str


@dataclass(frozen=True)
class NationalReport:
    picture: NationalPicture
    language: str
    title: str
    key_figures: list[KeyFigure]
    window: str
    response_findings: list[str]
    response_table: Table
    block_names: list[str]
    status: list[Section]
    blocks: list[BlockView]
    chances: list[Section]
    pride_examples: list[PrideExample]
    structure: list[AppendixBlock]
    dropped: list[DroppedInfo]
    participants: list[str]
    made_on: str

    @property
    def year(self) -> int:
        return self.picture.round.year

    @property
    def previous_year(self) -> int | None:
        return self.picture.round.previous_year


def build_report(picture: NationalPicture, facts: ReportFacts, *, language: str = "nl") -> NationalReport:
    if picture.national.n == 0:
        raise NothingToReport(f"Round {picture.round.year} has no submitted scan.")
    with translation.override(language):
        return NationalReport(
            picture=picture,
            language=language,
            title=_("Landelijke rapportage JuMP-scan %(year)s") % {"year": picture.round.year},
            key_figures=key_figures(picture, language=language),
            window=window_text(facts.opens_on, facts.closes_on),
            response_findings=findings.response(picture, language=language),
            response_table=tables.response(picture, language=language),
            block_names=list(charts.block_names(picture, language)),
            status=status_sections(picture, language=language),
            blocks=[block_view(picture, block.code, language=language) for block in picture.blocks],
            chances=chance_sections(picture, language=language),
            pride_examples=picture.pride_examples,
            structure=structure(picture, language=language),
            dropped=facts.dropped,
            participants=facts.participants,
            made_on=formats.date_format(datetime.date.today(), "j F Y"),
        )


def key_figures(picture: NationalPicture, *, language: str) -> list[KeyFigure]:
    """The figures of the opening page: participants, response, total score (and its change), top priority."""
    fmt = NumberFormat(language)
    response = picture.response.overall
    found = [
        KeyFigure(str(response.submitted), _("instellingen vulden de scan volledig in")),
        KeyFigure("–" if response.rate is None else fmt.percent(response.rate), _("respons")),
    ]
    total, trend = picture.national.total.mean, picture.national.trend
    if total is not None:
        label = _("gemiddelde totaalscore (1–4)")
        if trend is not None and trend.total.raw_change is not None:
            label = _("gemiddelde totaalscore (1–4), %(change)s ten opzichte van %(year)s") % {
                "change": fmt.signed(trend.total.raw_change),
                "year": trend.previous_year,
            }
        found.append(KeyFigure(fmt.decimal(total), label))
    firsts = [(p.distribution.shares[0], p.block) for p in picture.national.priorities if p.distribution.n]
    if firsts:
        share, block = max(firsts)
        found.append(
            KeyFigure(
                fmt.percent(share),
                _("zet %(block)s op de eerste plaats") % {"block": labels.name(picture.block_info(block), language)},
            )
        )
    return found


def window_text(opens_on: datetime.date, closes_on: datetime.date) -> str:
    return _("%(start)s tot en met %(end)s") % {
        "start": formats.date_format(opens_on, "j F"),
        "end": formats.date_format(closes_on, "j F Y"),
    }


def _figure(chart: Chart | None, language: str, element_id: str) -> list[Figure]:
    return [] if chart is None else [Figure(chart, language, element_id)]


def status_sections(picture: NationalPicture, *, language: str) -> list[Section]:
    """2 Status: block scores year on year, hospitals beside others, focus areas, collaboration."""
    sector_table = tables.sectors(picture, language=language)
    return [
        Section(
            id="bouwstenen",
            number="2.1",
            title=_("Bouwstenen JZOJP %(years)s") % {"years": _years(picture)},
            findings=findings.status(picture, language=language),
            figures=_figure(charts.block_scores(picture, language=language), language, "chart-blocks")
            + _figure(charts.block_changes(picture, language=language), language, "chart-changes"),
            tables=[tables.blocks(picture, language=language)],
            note=_("Score per bouwsteen: het gemiddelde van de niveaus (1–4) van de stellingen van die bouwsteen."),
        ),
        Section(
            id="ziekenhuizen",
            number="2.2",
            title=_("Ziekenhuizen en overige zorginstellingen"),
            findings=findings.sectors(picture, language=language),
            figures=_figure(charts.sectors(picture, language=language), language, "chart-sectors"),
            tables=[sector_table] if sector_table else [],
        ),
        Section(
            id="speerpunten",
            number="2.3",
            title=_("Speerpunten"),
            findings=findings.focus_areas(picture, language=language),
            figures=_figure(charts.focus_areas(picture, language=language), language, "chart-focus"),
            tables=[tables.focus_areas(picture, language=language)],
            question=_(
                "Om onze ambitie op het terrein van JZOJP waar te maken, zetten wij in op: (meerdere antwoorden)"
            ),
        ),
        Section(
            id="samenwerking",
            number="2.4",
            title=_("Regionale samenwerking"),
            findings=findings.collaboration(picture, language=language),
            figures=_figure(charts.collaboration(picture, language=language), language, "chart-collaboration"),
            tables=[tables.collaboration(picture, language=language)],
            question=_("Kunt u de samenwerking rond JZOJP in de regio per stakeholder aangeven?"),
        ),
    ]


def chance_sections(picture: NationalPicture, *, language: str) -> list[Section]:
    """4 Kansen: the priority ranking and priority against score."""
    return [
        Section(
            id="prioriteiten",
            number="4.1",
            title=_("Prioriteiten voor het komende jaar"),
            findings=findings.priorities(picture, language=language),
            figures=_figure(charts.priorities(picture, language=language), language, "chart-priorities"),
            tables=[tables.priorities(picture, language=language)],
            question=_(
                "Respondenten is gevraagd de %(count)s bouwstenen te rangschikken. De donkergroene balk geeft aan "
                "hoeveel procent van hen een bouwsteen op de eerste plaats heeft gezet, enzovoort."
            )
            % {"count": len(picture.blocks)},
        ),
        Section(
            id="prioriteit-score",
            number="4.2",
            title=_("Prioriteit en score"),
            findings=findings.priority_vs_score(picture, language=language),
            figures=_figure(charts.priority_vs_score(picture, language=language), language, "chart-quadrant"),
            tables=[tables.priority_vs_score(picture, language=language)],
            note=_(
                "Hoge prioriteit: gemiddeld in de bovenste helft van de rangorde. Lage score: onder het "
                "gemiddelde van de bouwsteenscores."
            ),
        ),
    ]


def block_view(
    picture: NationalPicture, block: str, *, language: str, quotes_per_level: int = QUOTES_PER_LEVEL
) -> BlockView:
    """3 Verdieping for one block: each statement's levels and distribution, and quotes at levels 3 and 4."""
    fmt = NumberFormat(language)
    info = picture.block_info(block)
    statements = []
    for statement in picture.statements_of(block):
        figures = picture.national.statement(statement.code)
        percentages = figures.distribution.percentages if figures.distribution.n else [None] * 4
        statements.append(
            StatementView(
                code=statement.code,
                text=labels.statement_text(statement, language),
                finding=findings.statement(picture, statement.code, language=language),
                levels=[
                    Level(number, sentence, "–" if percent is None else f"{percent}%")
                    for number, (sentence, percent) in enumerate(
                        zip(labels.level_texts(statement, language), percentages, strict=True), start=1
                    )
                ],
                lineage=str(Lineage(statement.lineage).label),
                comparable_to=statement.comparable_to,
            )
        )
    quotes = picture.quotes_of(block)
    fours = _pick([q for q in quotes if q.level == 4], quotes_per_level)
    mean = picture.national.block(block).mean
    return BlockView(
        code=block,
        number=info.position,
        name=labels.name(info, language),
        mean="–" if mean is None else fmt.decimal(mean),
        figure=Figure(
            charts.block_statements(picture, block, language=language, with_previous=True),
            language,
            f"chart-block-{block}",
        ),
        statements=statements,
        quotes_3=_pick([q for q in quotes if q.level == 3], quotes_per_level, shown=fours),
        quotes_4=fours,
    )


def _pick(quotes: list[Quote], limit: int | None, *, shown: list[Quote] = ()) -> list[Quote]:
    """A fixed, name-independent choice: ordered by a digest of the text, not by institution.

    A text given by several institutions (or already shown at level 4) is quoted once.
    """
    seen = {q.text for q in shown}
    unique = []
    for quote in sorted(quotes, key=lambda q: hashlib.sha256(q.text.encode()).hexdigest()):
        if quote.text not in seen:
            seen.add(quote.text)
            unique.append(quote)
    return unique if limit is None else unique[:limit]


def structure(picture: NationalPicture, *, language: str) -> list[AppendixBlock]:
    return [
        AppendixBlock(
            number=block.position,
            name=labels.name(block, language),
            statements=[
                AppendixStatement(
                    code=s.code,
                    text=labels.statement_text(s, language),
                    lineage=str(Lineage(s.lineage).label),
                    comparable_to=s.comparable_to,
                )
                for s in picture.statements_of(block.code)
            ],
        )
        for block in picture.blocks
    ]


def _years(picture: NationalPicture) -> str:
    if picture.round.previous_year:
        return f"{picture.round.previous_year}–{picture.round.year}"
    return str(picture.round.year)
