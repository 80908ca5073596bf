"""The summary in words: what a board member reads first, using the figures as shown.

Comparisons ("hoger dan", "gestegen") are made on the rounded figures the reader sees,
so a sentence never says "higher" beside two equal-looking numbers.
"""

from django.utils.translation import gettext as _

from factsheets.aggregation.priorities import as_printed as shown
from factsheets.factsheet.context import Context


def relation(own: float, other: float) -> str:
    if shown(own) > shown(other):
        return _("hoger dan")
    if shown(own) < shown(other):
        return _("lager dan")
    return _("even hoog als")


def direction(change: float) -> str:
    if shown(change) > 0:
        return _("gestegen")
    if shown(change) < 0:
        return _("gedaald")
    return _("gelijk gebleven")


def total_sentences(ctx: Context) -> list[str]:
    own, national = ctx.own.total.score, ctx.figures.total.mean
    if own is None or national is None:
        return [_("Uw instelling heeft te weinig stellingen beantwoord voor een totaalscore.")]
    sentences = [
        _(
            "Met een totaalscore van %(own)s op een schaal van 1 tot 4 scoort %(name)s %(relation)s "
            "het landelijk gemiddelde van %(national)s (%(n)s instellingen)."
        )
        % {
            "own": ctx.score(own),
            "name": ctx.own.institution.name,
            "relation": relation(own, national),
            "national": ctx.score(national),
            "n": ctx.whole(ctx.figures.n),
        }
    ]
    peer = ctx.peer("type")
    if peer is not None and peer.figures.total.mean is not None:
        mean = peer.figures.total.mean
        values = {"group": peer.name, "peer": ctx.score(mean)}
        if shown(own) > shown(mean):
            sentences.append(_("Het gemiddelde van de %(group)s is %(peer)s: daar zit u boven.") % values)
        elif shown(own) < shown(mean):
            sentences.append(_("Het gemiddelde van de %(group)s is %(peer)s: daar zit u onder.") % values)
        else:
            sentences.append(_("Het gemiddelde van de %(group)s is %(peer)s: daar zit u precies op.") % values)
    return sentences


def block_extremes(ctx: Context) -> str:
    ranked = ctx.ranked_blocks(weakest_first=True)
    if len(ranked) < 2:
        return ""
    strongest, weakest = ctx.own.block(ranked[-1]), ctx.own.block(ranked[0])
    return _(
        "Het verst bent u op %(strongest)s (%(strongest_score)s); de meeste ruimte om te groeien ligt bij "
        "%(weakest)s (%(weakest_score)s)."
    ) % {
        "strongest": ctx.block_name(strongest.key),
        "strongest_score": ctx.score(strongest.score),
        "weakest": ctx.block_name(weakest.key),
        "weakest_score": ctx.score(weakest.score),
    }


def change_sentences(ctx: Context) -> list[str]:
    year = ctx.own.previous_year
    total = ctx.own.total
    if year is None:
        return []
    if total.previous_score is None or total.score is None:
        return [
            _("Uw instelling deed in %(year)s niet mee; een vergelijking met toen is er daarom niet.") % {"year": year}
        ]
    sentences = [
        _("Sinds %(year)s is uw totaalscore %(direction)s: van %(before)s naar %(now)s.")
        % {
            "year": year,
            "direction": direction(total.raw_change),
            "before": ctx.score(total.previous_score),
            "now": ctx.score(total.score),
        }
    ]
    if total.corrected_change is not None:
        trend = ctx.figures.trend
        national = trend.total.corrected_change if trend is not None else None
        if national is not None:
            sentences.append(
                _(
                    "Op de stellingen die in beide jaren vergelijkbaar waren, is uw verandering %(change)s; "
                    "landelijk is die %(national)s."
                )
                % {"change": ctx.change(total.corrected_change), "national": ctx.change(national)}
            )
        else:
            sentences.append(
                _("Op de stellingen die in beide jaren vergelijkbaar waren, is uw verandering %(change)s.")
                % {"change": ctx.change(total.corrected_change)}
            )
    return sentences


def summary(ctx: Context) -> list[str]:
    paragraphs = [" ".join(total_sentences(ctx))]
    if extremes := block_extremes(ctx):
        paragraphs.append(extremes)
    if change := change_sentences(ctx):
        paragraphs.append(" ".join(change))
    return paragraphs
