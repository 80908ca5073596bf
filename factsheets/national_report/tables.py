"""The figures of each section as tables of formatted text: the report's tables and the dashboard's data tables.

Numbers are formatted with the charts' `NumberFormat` (one decimal for scores, whole
percentages as the picture rounded them), so the table beside a chart prints exactly
the chart's figures. A withheld group reads "niet getoond". Call inside
`translation.override(language)`.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from factsheets.aggregation import labels
from factsheets.aggregation.pictures import Distribution, NationalPicture, Suppressed
from factsheets.charts import NumberFormat
from surveys.models import CollaborationIntensity

DASH = "–"


@dataclass(frozen=True)
class Table:
    """`numeric[i]` says whether column i holds numbers (right-aligned); the first column heads its row."""

    caption: str
    header: list[str]
    rows: list[list[str]]
    numeric: list[bool] = field(default_factory=list)
    note: str = ""

    def columns(self) -> list[tuple[str, bool]]:
        flags = self.numeric or [False] * len(self.header)
        return list(zip(self.header, flags, strict=True))

    def cells(self) -> list[list[tuple[str, bool]]]:
        flags = self.numeric or [False] * len(self.header)
        return [list(zip(row, flags, strict=True)) for row in self.rows]


def _score(fmt: NumberFormat, value: float | None) -> str:
    return DASH if value is None else fmt.decimal(value)


def _change(fmt: NumberFormat, value: float | None) -> str:
    return DASH if value is None else fmt.signed(value)


def _percent(fmt: NumberFormat, share: float | None) -> str:
    return DASH if share is None else fmt.percent(share)


def _percentages(distribution: Distribution | None, size: int) -> list[str]:
    """The picture's whole percentages (they add up to 100), as printed."""
    if distribution is None or not distribution.n:
        return [DASH] * size
    return [f"{p}%" for p in distribution.percentages]


def response(picture: NationalPicture, *, language: str) -> Table:
    fmt = NumberFormat(language)
    figures = picture.response
    rows = [
        [labels.group_label("sector", c.key), str(c.invited), str(c.submitted), _percent(fmt, c.rate)]
        for c in figures.by_sector
    ]
    rows += [
        ["– " + labels.group_label("type", c.key), str(c.invited), str(c.submitted), _percent(fmt, c.rate)]
        for c in figures.by_type
        if c.invited
    ]
    total = figures.overall
    rows.append([_("Totaal"), str(total.invited), str(total.submitted), _percent(fmt, total.rate)])
    return Table(
        caption=_("Respons per soort instelling"),
        header=[_("Instellingen"), _("Uitgenodigd"), _("Volledig ingevuld"), _("Respons")],
        rows=rows,
        numeric=[False, True, True, True],
    )


def blocks(picture: NationalPicture, *, language: str) -> Table:
    fmt = NumberFormat(language)
    national, trend = picture.national, picture.national.trend
    year, before = str(picture.round.year), str(picture.round.previous_year or "")
    if trend is None:
        rows = [[labels.name(b, language), _score(fmt, national.block(b.code).mean)] for b in picture.blocks]
        rows.append([_("Totaalscore"), _score(fmt, national.total.mean)])
        return Table(
            caption=_("Gemiddelde score per bouwsteen"), header=[_("Bouwsteen"), year], rows=rows, numeric=[False, True]
        )
    rows = []
    for key, name in [(b.code, labels.name(b, language)) for b in picture.blocks] + [("total", _("Totaalscore"))]:
        change = trend.total if key == "total" else trend.block(key)
        rows.append(
            [
                name,
                _score(fmt, change.previous_mean),
                _score(fmt, change.mean),
                _change(fmt, change.raw_change),
                _change(fmt, change.corrected_change),
            ]
        )
    return Table(
        caption=_("Gemiddelde score per bouwsteen, %(before)s en %(year)s") % {"before": before, "year": year},
        header=[_("Bouwsteen"), before, year, _("Verandering"), _("Gecorrigeerd")],
        rows=rows,
        numeric=[False, True, True, True, True],
        note=_(
            "Gecorrigeerd: de verandering op alleen de stellingen die vergelijkbaar bleven "
            "(ongewijzigd of anders geformuleerd)."
        ),
    )


def sectors(picture: NationalPicture, *, language: str) -> Table | None:
    fmt = NumberFormat(language)
    groups = picture.groups_of("sector")
    if not groups:
        return None
    header = [_("Bouwsteen")] + [f"{labels.group_label('sector', g.key)} (n = {g.n})" for g in groups]
    rows = []
    for key, name in [(b.code, labels.name(b, language)) for b in picture.blocks] + [("total", _("Totaalscore"))]:
        row = [name]
        for group in groups:
            if isinstance(group.figures, Suppressed):
                row.append(_("niet getoond"))
            else:
                summary = group.figures.total if key == "total" else group.figures.block(key)
                row.append(_score(fmt, summary.mean))
        rows.append(row)
    return Table(
        caption=_("Gemiddelde score: ziekenhuizen en overige zorginstellingen"),
        header=header,
        rows=rows,
        numeric=[False] + [True] * len(groups),
    )


def focus_areas(picture: NationalPicture, *, language: str) -> Table:
    fmt = NumberFormat(language)
    year, before = str(picture.round.year), picture.round.previous_year
    header = [_("Speerpunt")] + ([str(before)] if before else []) + [year]
    rows = []
    for info in picture.focus_areas:
        share = picture.national.focus_area(info.code)
        row = [labels.name(info, language)]
        if before:
            row.append(_percent(fmt, share.previous_share) if share.previous_n is not None else _("niet gevraagd"))
        row.append(_percent(fmt, share.share))
        rows.append(row)
    return Table(
        caption=_("Aandeel instellingen dat inzet op een speerpunt"),
        header=header,
        rows=rows,
        numeric=[False] + [True] * (len(header) - 1),
    )


def collaboration(picture: NationalPicture, *, language: str) -> Table:
    fmt = NumberFormat(language)
    intensities = [str(label) for label in CollaborationIntensity.labels]
    before = picture.round.previous_year
    header = [_("Stakeholder"), *intensities, _("Gemiddelde")]
    if before:
        header.append(_("Gemiddelde %(year)s") % {"year": before})
    rows = []
    for info in picture.stakeholders:
        figures = picture.national.stakeholder(info.code)
        row = [labels.name(info, language), *_percentages(figures.distribution, 4), _score(fmt, figures.mean)]
        if before:
            row.append(_score(fmt, figures.previous_mean))
        rows.append(row)
    return Table(
        caption=_("Samenwerking per stakeholder (%(year)s)") % {"year": picture.round.year},
        header=header,
        rows=rows,
        numeric=[False] + [True] * (len(header) - 1),
    )


def statements(picture: NationalPicture, block: str, *, language: str) -> Table:
    fmt = NumberFormat(language)
    header = [_("Code"), _("Stelling"), _("n")] + [_("Niveau %(level)s") % {"level": i} for i in range(1, 5)]
    header += [_("Gemiddelde")]
    rows = []
    for info in picture.statements_of(block):
        figures = picture.national.statement(info.code)
        rows.append(
            [
                info.code,
                labels.statement_text(info, language),
                str(figures.distribution.n),
                *_percentages(figures.distribution, 4),
                _score(fmt, figures.mean),
            ]
        )
    return Table(
        caption=_("Verdeling over de niveaus: %(block)s") % {"block": labels.name(picture.block_info(block), language)},
        header=header,
        rows=rows,
        numeric=[False, False] + [True] * 6,
    )


def priorities(picture: NationalPicture, *, language: str) -> Table:
    fmt = NumberFormat(language)
    count = len(picture.blocks)
    header = [_("Bouwsteen")] + [_("%(rank)se") % {"rank": r} for r in range(1, count + 1)] + [_("Gem. plaats")]
    rows = []
    for block in picture.blocks:
        figures = picture.national.priority(block.code)
        rows.append(
            [labels.name(block, language), *_percentages(figures.distribution, count), _score(fmt, figures.mean_rank)]
        )
    return Table(
        caption=_("Aandeel instellingen per plaats in de rangorde"),
        header=header,
        rows=rows,
        numeric=[False] + [True] * (count + 1),
    )


def priority_vs_score(picture: NationalPicture, *, language: str) -> Table:
    fmt = NumberFormat(language)
    rows = [
        [
            labels.name(picture.block_info(p.block), language),
            _score(fmt, p.priority),
            _score(fmt, p.score),
            _("ja") if p.flagged else _("nee"),
        ]
        for p in picture.national.priority_vs_score
    ]
    return Table(
        caption=_("Prioriteit en score per bouwsteen"),
        header=[_("Bouwsteen"), _("Gem. plaats"), _("Gem. score"), _("Hoge prioriteit, lage score")],
        rows=rows,
        numeric=[False, True, True, False],
    )
