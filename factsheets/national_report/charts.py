"""The charts of the national picture, defined once for the dashboard (plotly) and the report (SVG).

Every function takes a `NationalPicture` (the nation, or a group's picture from
`factsheets.aggregation.filtered`) and returns a chart of `factsheets.charts`; the
dashboard calls `chart_web` on it, the report `chart_img`. Titles and labels are
translated here (call inside `translation.override(language)`).
"""

import math

from django.utils.translation import gettext as _

from factsheets.aggregation import labels
from factsheets.aggregation.pictures import NationalPicture, Suppressed
from factsheets.charts import (
    BarChart,
    DeltaChart,
    DistributionChart,
    DistributionRow,
    QuadrantChart,
    QuadrantPoint,
    Series,
    ShareChart,
    Spread,
    priority_ranking_chart,
)
from factsheets.charts.extra import RankQuadrantChart
from surveys.models import CollaborationIntensity


def block_names(picture: NationalPicture, language: str) -> tuple[str, ...]:
    return tuple(labels.name(block, language) for block in picture.blocks)


def level_labels() -> tuple[str, ...]:
    return tuple(_("Niveau %(level)s") % {"level": level} for level in range(1, 5))


def block_scores(picture: NationalPicture, *, language: str) -> BarChart:
    """Mean score per block this round beside the previous, with this round's middle half."""
    national = picture.national
    series = []
    if national.trend is not None:
        series.append(
            Series(
                str(national.trend.previous_year),
                tuple(national.trend.block(b.code).previous_mean for b in picture.blocks),
                role="previous",
            )
        )
    series.append(Series(str(picture.round.year), tuple(national.block(b.code).mean for b in picture.blocks), "own"))
    spreads = tuple(_spread(national.block(b.code)) for b in picture.blocks)
    return BarChart(
        title=_("Gemiddelde score per bouwsteen"),
        categories=block_names(picture, language),
        series=tuple(series),
        spread=spreads if any(spreads) else None,
        band_label=_("middelste helft %(year)s") % {"year": picture.round.year},
        median_label=_("mediaan"),
        axis_label=_("score 1–4"),
    )


def _spread(summary) -> Spread | None:
    if summary.q1 is None or summary.median is None or summary.q3 is None:
        return None
    return Spread(summary.q1, summary.median, summary.q3)


def block_changes(picture: NationalPicture, *, language: str) -> DeltaChart | None:
    """Change since the previous round per block: raw, and on the comparable statements only."""
    trend = picture.national.trend
    if trend is None:
        return None
    return DeltaChart(
        title=_("Verandering ten opzichte van %(year)s") % {"year": trend.previous_year},
        categories=block_names(picture, language),
        series=(
            Series(_("Ruw"), tuple(trend.block(b.code).raw_change for b in picture.blocks), role="previous"),
            Series(
                _("Gecorrigeerd voor wijzigingen in de vragenlijst"),
                tuple(trend.block(b.code).corrected_change for b in picture.blocks),
                role="own",
            ),
        ),
        missing_label=_("geen vergelijkbare stellingen"),
    )


def sectors(picture: NationalPicture, *, language: str) -> BarChart | None:
    """Hospitals beside other institutions; a withheld group shows as "niet getoond"."""
    groups = picture.groups_of("sector")
    if not groups:
        return None
    series = []
    for group, role in zip(groups, ("own", "peer"), strict=False):
        name = labels.group_label("sector", group.key)
        if isinstance(group.figures, Suppressed):
            values = (None,) * len(picture.blocks)
        else:
            values = tuple(group.figures.block(b.code).mean for b in picture.blocks)
        series.append(Series(f"{name} (n = {group.n})", values, role=role))
    return BarChart(
        title=_("Ziekenhuizen en overige zorginstellingen"),
        categories=block_names(picture, language),
        series=tuple(series),
        missing_label=_("niet getoond (te kleine groep)"),
        axis_label=_("score 1–4"),
    )


def focus_areas(picture: NationalPicture, *, language: str) -> ShareChart:
    national = picture.national
    series = []
    if picture.round.previous_year is not None:
        series.append(
            Series(
                str(picture.round.previous_year),
                tuple(national.focus_area(f.code).previous_share for f in picture.focus_areas),
                role="previous",
            )
        )
    series.append(
        Series(str(picture.round.year), tuple(national.focus_area(f.code).share for f in picture.focus_areas), "own")
    )
    return ShareChart(
        title=_("Om onze ambitie op het terrein van JZOJP waar te maken, zetten wij in op:"),
        categories=tuple(labels.name(f, language) for f in picture.focus_areas),
        series=tuple(series),
        missing_label=_("niet gevraagd"),
    )


def collaboration(picture: NationalPicture, *, language: str) -> DistributionChart:
    """Per stakeholder the spread over the four intensities, this round and (below it) the previous."""
    rows = []
    for info in picture.stakeholders:
        figures = picture.national.stakeholder(info.code)
        name = labels.name(info, language)
        rows.append(_row(f"{name} · {picture.round.year}", figures.distribution))
        if figures.previous is not None:
            rows.append(_row(f"{name} · {picture.round.previous_year}", figures.previous))
    return DistributionChart(
        title=_("Samenwerking rond JZOJP in de regio per stakeholder"),
        rows=tuple(rows),
        level_labels=tuple(str(label) for label in CollaborationIntensity.labels),
    )


def _row(label: str, distribution) -> DistributionRow:
    return DistributionRow(
        label=label,
        shares=tuple(distribution.shares) if distribution.n else None,
        counts=tuple(distribution.counts),
    )


def block_statements(
    picture: NationalPicture, block: str, *, language: str, with_previous: bool = False
) -> DistributionChart:
    """Every statement of a block as a stacked bar; with `with_previous`, last round's bar below each comparable one."""
    rows = []
    for info in picture.statements_of(block):
        figures = picture.national.statement(info.code)
        if with_previous and figures.previous is not None:
            rows.append(_row(f"{info.code} · {picture.round.year}", figures.distribution))
            rows.append(_row(str(picture.round.previous_year), figures.previous))
        else:
            rows.append(_row(info.code, figures.distribution))
    return DistributionChart(
        title=_("Verdeling over de niveaus: %(block)s") % {"block": labels.name(picture.block_info(block), language)},
        rows=tuple(rows),
        level_labels=level_labels(),
    )


def priorities(picture: NationalPicture, *, language: str) -> DistributionChart:
    figures = [picture.national.priority(b.code) for b in picture.blocks]
    return priority_ranking_chart(
        title=_("Prioriteit van de bouwstenen voor het komende jaar"),
        blocks=block_names(picture, language),
        rank_shares=tuple(
            tuple(f.distribution.shares) if f.distribution.n else (0.0,) * len(picture.blocks) for f in figures
        ),
        rank_labels=tuple(_("%(rank)se plaats") % {"rank": rank} for rank in range(1, len(picture.blocks) + 1)),
    )


def priority_vs_score(picture: NationalPicture, *, language: str) -> QuadrantChart | None:
    points = [p for p in picture.national.priority_vs_score if p.priority is not None and p.score is not None]
    if not points:
        return None
    count = len(picture.blocks)
    scores = [p.score for p in points]
    split = (count + 1) / 2
    # Mean ranks crowd round the middle place: the axis spans them (and the split) with half a
    # place to spare, in whole places, instead of all 1..count, so the labels have room.
    ranks = [p.priority for p in points] + [split]
    lower, upper = max(1, math.floor(min(ranks) - 0.5)), min(count, math.ceil(max(ranks) + 0.5))
    return RankQuadrantChart(
        title=_("Prioriteit en score per bouwsteen"),
        points=tuple(
            QuadrantPoint(labels.name(picture.block_info(p.block), language), p.priority, p.score, p.flagged)
            for p in points
        ),
        x_label=_("gemiddelde plaats in de rangorde"),
        y_label=_("gemiddelde score"),
        x_range=(lower, upper),
        x_reversed=True,
        x_split=split,
        y_range=(1, 4),
        y_split=sum(scores) / len(scores),
        quadrant_label=_("hoge prioriteit, lage score"),
    )
