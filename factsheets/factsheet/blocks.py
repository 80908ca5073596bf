"""Per building block: its score beside the comparisons, then every statement with the national spread."""

from django.utils.translation import gettext as _

from factsheets.aggregation.labels import level_texts, statement_text
from factsheets.factsheet import visuals
from factsheets.factsheet.context import Context
from factsheets.factsheet.model import BlockView, Fact, LevelLine, ScoreRow, StatementView


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def block_facts(ctx: Context, code: str) -> list[Fact]:
    own = ctx.own.block(code)
    national = ctx.figures.block(code)
    facts = [
        Fact(_("Uw score"), ctx.score(own.score), role="own", raw=own.score),
        Fact(
            _("Landelijk gemiddelde"),
            ctx.score(national.mean),
            note=_("mediaan %(median)s · middelste helft %(q1)s–%(q3)s")
            % {"median": ctx.score(national.median), "q1": ctx.score(national.q1), "q3": ctx.score(national.q3)}
            if national.median is not None
            else "",
            role="national",
            raw=national.mean,
        ),
    ]
    for peer in ctx.peers:
        summary = peer.figures.block(code)
        facts.append(
            Fact(
                capitalised(peer.name),
                ctx.score(summary.mean),
                note=_("%(n)s instellingen") % {"n": ctx.whole(summary.n)},
                role="peer",
                raw=summary.mean,
            )
        )
    if ctx.compared_year is not None:
        facts.append(
            Fact(
                _("Uw score %(year)s") % {"year": ctx.compared_year},
                ctx.score(own.previous_score),
                note=_("geen score") if own.previous_score is None else "",
                role="previous",
                raw=own.previous_score,
            )
        )
    return facts


def change_note(ctx: Context, code: str) -> str:
    year = ctx.compared_year
    own = ctx.own.block(code)
    if year is None or own.previous_score is None or own.score is None:
        return ""
    trend = ctx.figures.trend
    comparable = len(trend.block(code).comparable_statements) if trend is not None else 0
    text = _("Verandering sinds %(year)s: %(change)s.") % {"year": year, "change": ctx.change(own.raw_change)}
    if own.corrected_change is not None and comparable:
        text += " " + _("Op de %(count)s stellingen die vergelijkbaar bleven: %(change)s.") % {
            "count": ctx.whole(comparable),
            "change": ctx.change(own.corrected_change),
        }
    else:
        text += " " + _("Geen van de stellingen bleef vergelijkbaar, dus dit verschil komt deels door de vragenlijst.")
    return text


def statement_views(ctx: Context, code: str, *, charts: bool) -> list[StatementView]:
    views = []
    levels = {level.statement: level for level in ctx.own.levels}
    for info in ctx.national.statements_of(code):
        figures = ctx.figures.statement(info.code)
        own = levels.get(info.code)
        own_level = own.level if own else None
        previous = own.previous_level if own and info.comparable_to else None
        texts = level_texts(info, ctx.language)
        distribution = figures.distribution
        views.append(
            StatementView(
                code=info.code,
                text=statement_text(info, ctx.language),
                levels=[
                    LevelLine(
                        number=number,
                        text=text,
                        share=ctx.fmt.percent(distribution.percentages[number - 1] / 100) if distribution.n else "–",
                        is_own=own_level == number,
                    )
                    for number, text in enumerate(texts, start=1)
                ],
                own_level=own_level,
                previous_note=_("In %(year)s: niveau %(level)s") % {"year": ctx.own.previous_year, "level": previous}
                if previous is not None
                else "",
                n=distribution.n,
                chart=visuals.statement_chart(ctx, info.code, figures, own_level) if charts else None,
            )
        )
    return views


def block_views(ctx: Context, *, charts: bool) -> list[BlockView]:
    views = []
    for number, info in enumerate(ctx.national.blocks, start=1):
        own = ctx.own.block(info.code)
        national = ctx.figures.block(info.code)
        views.append(
            BlockView(
                code=info.code,
                number=number,
                name=ctx.block_name(info.code),
                score=ctx.score(own.score),
                score_raw=own.score,
                national_mean=ctx.score(national.mean),
                national_mean_raw=national.mean,
                facts=block_facts(ctx, info.code),
                change_note=change_note(ctx, info.code),
                statements=statement_views(ctx, info.code, charts=charts),
                chart=visuals.block_chart(ctx, info.code) if charts else None,
            )
        )
    return views


def score_rows(ctx: Context) -> list[ScoreRow]:
    """The overview table: every block and the total beside the nation, the type group and last round."""
    peer = ctx.peer("type")
    rows = []
    for info in ctx.national.blocks:
        own = ctx.own.block(info.code)
        rows.append(
            ScoreRow(
                name=ctx.block_name(info.code),
                own=ctx.score(own.score),
                national=ctx.score(ctx.figures.block(info.code).mean),
                peer=ctx.score(peer.figures.block(info.code).mean) if peer else "",
                previous=ctx.score(own.previous_score),
                change=ctx.change(own.corrected_change),
            )
        )
    total = ctx.own.total
    rows.append(
        ScoreRow(
            name=_("Totaal"),
            own=ctx.score(total.score),
            national=ctx.score(ctx.figures.total.mean),
            peer=ctx.score(peer.figures.total.mean) if peer else "",
            previous=ctx.score(total.previous_score),
            change=ctx.change(total.corrected_change),
            is_total=True,
        )
    )
    return rows
