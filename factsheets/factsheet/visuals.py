"""The factsheet's charts, built once from the figures: the PDF draws them as SVG, the web with plotly.

Shares handed to a chart are the `Distribution.percentages` the factsheet prints (whole
percentages adding up to 100), so the labels on a bar equal the numbers in the text.
"""

from django.utils.translation import gettext as _

from factsheets.aggregation.pictures import Distribution, StatementFigures
from factsheets.charts import (
    BarChart,
    DeltaChart,
    DistributionChart,
    DistributionRow,
    QuadrantPoint,
    Series,
    ShareChart,
    Spread,
    priority_ranking_chart,
)
from factsheets.charts.extra import RankQuadrantChart
from factsheets.factsheet.context import Context
from surveys.models.responses import CollaborationIntensity


def _shares(distribution: Distribution | None) -> tuple[float, ...] | None:
    if distribution is None or not distribution.n:
        return None
    return tuple(p / 100 for p in distribution.percentages)


def _spread(summary) -> Spread | None:
    if summary.q1 is None or summary.median is None or summary.q3 is None:
        return None
    return Spread(summary.q1, summary.median, summary.q3)


def _score_axis() -> dict:
    return {
        "band_label": _("middelste helft van de instellingen"),
        "median_label": _("landelijke mediaan"),
        "axis_label": _("score (1 = beginnend, 4 = vergevorderd)"),
    }


def summary_chart(ctx: Context) -> BarChart:
    codes = [b.code for b in ctx.national.blocks]
    return BarChart(
        title=_("Uw score per bouwsteen naast het landelijk gemiddelde"),
        categories=tuple(ctx.block_name(code) for code in codes),
        series=(
            Series(_("Uw instelling"), tuple(ctx.own.block(code).score for code in codes), "own"),
            Series(_("Landelijk gemiddelde"), tuple(ctx.figures.block(code).mean for code in codes), "national"),
        ),
        spread=tuple(_spread(ctx.figures.block(code)) for code in codes),
        **_score_axis(),
    )


def change_chart(ctx: Context) -> DeltaChart | None:
    """The institution's own change per block since its previous round, on all and on comparable statements."""
    year = ctx.compared_year
    if year is None:
        return None
    codes = [b.code for b in ctx.national.blocks]
    return DeltaChart(
        title=_("Uw verandering per bouwsteen sinds %(year)s") % {"year": year},
        categories=tuple(ctx.block_name(code) for code in codes),
        series=(
            Series(_("op de vergelijkbare stellingen"), tuple(ctx.own.block(c).corrected_change for c in codes), "own"),
            Series(_("op alle stellingen"), tuple(ctx.own.block(c).raw_change for c in codes), "previous"),
        ),
        missing_label=_("geen vergelijking"),
    )


def block_chart(ctx: Context, code: str) -> BarChart:
    own = ctx.own.block(code)
    series = [
        Series(_("Uw instelling"), (own.score,), "own"),
        Series(_("Landelijk gemiddelde"), (ctx.figures.block(code).mean,), "national"),
    ]
    for peer in ctx.peers:
        series.append(Series(peer.name[:1].upper() + peer.name[1:], (peer.figures.block(code).mean,), "peer"))
    if ctx.compared_year is not None:
        series.append(Series(_("Uw score %(year)s") % {"year": ctx.compared_year}, (own.previous_score,), "previous"))
    name = ctx.block_name(code)
    return BarChart(
        title=_("%(block)s: uw score naast de vergelijkingen") % {"block": name},
        categories=(name,),
        series=tuple(series),
        spread=(_spread(ctx.figures.block(code)),),
        missing_label=_("geen score"),
        show_legend=False,  # the caption explains the band and the tick once per block
        **_score_axis(),
    )


def statement_chart(ctx: Context, code: str, figures: StatementFigures, own_level: int | None) -> DistributionChart:
    return DistributionChart(
        title=_("Landelijke verdeling over de niveaus, stelling %(code)s") % {"code": code},
        rows=(DistributionRow(label="", shares=_shares(figures.distribution), marker=own_level),),
        level_labels=tuple(_("niveau %(level)s") % {"level": level} for level in range(1, 5)),
        marker_label=_("uw niveau"),  # in the text alternative; the level list marks it in print
        show_legend=False,
        label_marker=False,
    )


def ordinal(rank: int, language: str) -> str:
    if language == "en":
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(rank if rank < 20 else rank % 10, "th")
        return f"{rank}{suffix}"
    return f"{rank}e"


def ranking_chart(ctx: Context) -> DistributionChart:
    codes = [b.code for b in ctx.national.blocks]
    count = len(codes)
    return priority_ranking_chart(
        title=_("Plaats in de prioriteiten: landelijke verdeling, uw keuze omlijnd"),
        blocks=tuple(ctx.block_name(code) for code in codes),
        rank_shares=tuple(_shares(ctx.figures.priority(code).distribution) or (0.0,) * count for code in codes),
        rank_labels=tuple(ordinal(rank, ctx.language) for rank in range(1, count + 1)),
        own_ranks=tuple(ctx.own.priority(code).rank for code in codes),
        marker_label=_("uw plaats"),
    )


def quadrant_chart(ctx: Context) -> RankQuadrantChart | None:
    """Own rank (1 = most urgent, to the right) against own score minus the national mean."""
    points = [
        QuadrantPoint(ctx.block_name(p.block), float(p.rank), p.score - p.national_mean, p.flagged)
        for p in ctx.own.priorities
        if p.rank is not None and p.score is not None and p.national_mean is not None
    ]
    if not points:
        return None
    count = len(ctx.national.blocks)
    reach = max(1, -int(-max(abs(p.y) for p in points) // 1))
    return RankQuadrantChart(
        title=_("Prioriteit tegenover score"),
        points=tuple(points),
        x_label=_("hogere prioriteit (uw plaats 1 tot %(count)s)") % {"count": count},
        y_label=_("uw score ten opzichte van het landelijk gemiddelde"),
        x_range=(0.5, count + 0.5),
        y_range=(-reach, reach),
        x_split=(count + 1) / 2,
        y_split=0,
        x_reversed=True,
        quadrant_label=_("hoge prioriteit, lage score"),
    )


def focus_chart(ctx: Context) -> ShareChart:
    areas = ctx.national.focus_areas
    chosen = set(ctx.own.focus_areas)
    series = [Series(_("Landelijk"), tuple(ctx.figures.focus_area(a.code).share for a in areas), "national")]
    peer = ctx.peer("type")
    if peer is not None:
        name = peer.name[:1].upper() + peer.name[1:]
        series.append(Series(name, tuple(peer.figures.focus_area(a.code).share for a in areas), "peer"))
    return ShareChart(
        title=_("Speerpunten: aandeel instellingen dat erop inzet"),
        categories=tuple(ctx.option_name(a) for a in areas),
        series=tuple(series),
        own=tuple(a.code in chosen for a in areas),
        own_yes_label=_("gekozen door uw instelling"),
        own_no_label=_("niet gekozen"),
    )


def collaboration_chart(ctx: Context) -> DistributionChart:
    own = {c.stakeholder: c.intensity for c in ctx.own.collaboration}
    return DistributionChart(
        title=_("Samenwerking per partij: landelijke verdeling, uw antwoord omlijnd"),
        rows=tuple(
            DistributionRow(
                label=ctx.option_name(s),
                shares=_shares(ctx.figures.stakeholder(s.code).distribution),
                marker=own.get(s.code),
            )
            for s in ctx.national.stakeholders
        ),
        level_labels=tuple(str(label) for label in CollaborationIntensity.labels),
        marker_label=_("uw antwoord"),
    )
