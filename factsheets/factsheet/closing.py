"""The last pages: the institution's own words, next steps for its weakest blocks, the method."""

from django.utils.translation import gettext as _

from factsheets.aggregation.labels import dimension_label
from factsheets.factsheet.advice import advice_for
from factsheets.factsheet.blocks import capitalised
from factsheets.factsheet.context import Context
from factsheets.factsheet.model import NextStep, OpenAnswer

NEXT_STEP_BLOCKS = 2


def open_answers(ctx: Context) -> list[OpenAnswer]:
    """Printed exactly as typed: the templates escape them, nothing is trimmed or rewritten."""
    return [
        OpenAnswer(block=ctx.block_name(answer.block), good_example=answer.good_example, remarks=answer.remarks)
        for answer in ctx.own.open_answers
    ]


def next_steps(ctx: Context) -> list[NextStep]:
    steps = []
    for code in ctx.ranked_blocks(weakest_first=True)[:NEXT_STEP_BLOCKS]:
        advice = advice_for(code, language=ctx.language)
        if advice is None:
            continue
        source = advice.source_title
        if advice.source_publisher:
            source = f"{source} ({advice.source_publisher})"
        steps.append(
            NextStep(
                block=ctx.block_name(code),
                score=ctx.score(ctx.own.block(code).score),
                national_mean=ctx.score(ctx.figures.block(code).mean),
                intro=advice.intro,
                steps=list(advice.steps),
                source=source,
            )
        )
    return steps


def method_note(ctx: Context) -> list[str]:
    national = ctx.national
    paragraphs = [
        _(
            "Elke stelling is beantwoord op vier niveaus, gescoord van 1 tot 4. De score van een bouwsteen is "
            "het gemiddelde van de beantwoorde stellingen van die bouwsteen; de totaalscore is het gemiddelde "
            "van de bouwsteenscores. Landelijke cijfers gaan over alle %(n)s instellingen die de scan in "
            "%(year)s hebben ingediend. De mediaan en de middelste helft (van het eerste tot het derde kwartiel) "
            "laten zien hoe ver de instellingen uiteenlopen."
        )
        % {"n": ctx.whole(ctx.figures.n), "year": national.round.year},
        _(
            "Percentages zijn afgerond op hele procenten die samen precies 100 maken. Een vergelijkingsgroep "
            "(type instelling, regio) wordt alleen getoond als er minstens %(minimum)s instellingen in zitten, "
            "zodat geen enkele andere instelling herkenbaar is."
        )
        % {"minimum": ctx.whole(national.min_group_size)},
    ]
    if ctx.own.previous_year is not None:
        paragraphs.append(
            _(
                "De vragenlijst is sinds %(year)s op onderdelen aangescherpt. Een verschil met %(year)s komt daardoor "
                "deels door de vragen zelf. Daarom staat naast de gewone verandering ook de verandering op de "
                "stellingen die in beide jaren vergelijkbaar waren (ongewijzigd of alleen anders verwoord): "
                "dat is de zuiverste maat voor uw ontwikkeling."
            )
            % {"year": ctx.own.previous_year}
        )
    paragraphs.append(_("Berekend met versie %(version)s van de methode.") % {"version": national.method_version})
    return paragraphs


def withheld(ctx: Context) -> list[str]:
    lines = []
    for group in ctx.withheld:
        if group.reason == "secondary":
            reason = _("niet getoond, omdat een kleinere groep anders uit de landelijke cijfers af te leiden zou zijn")
        else:
            reason = _("niet getoond: minder dan %(minimum)s instellingen") % {"minimum": ctx.whole(group.minimum)}
        lines.append(
            _("%(group)s (%(dimension)s): %(reason)s.")
            % {
                "group": capitalised(group.name),
                "dimension": dimension_label(group.dimension).lower(),
                "reason": reason,
            }
        )
    return lines
