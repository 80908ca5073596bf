"""Priorities, focus areas and collaboration: the institution's choices beside the national shares."""

from django.utils.translation import gettext as _

from factsheets.factsheet import visuals
from factsheets.factsheet.blocks import capitalised
from factsheets.factsheet.context import MISSING, Context
from factsheets.factsheet.model import PriorityRow, PrioritySection, ShareRow, ShareSection
from surveys.models.responses import CollaborationIntensity


def _listing(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return _("%(first)s en %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def priorities(ctx: Context, *, charts: bool) -> PrioritySection:
    own = sorted(ctx.own.priorities, key=lambda p: (p.rank is None, p.rank or 0))
    rows = [
        PriorityRow(
            block=ctx.block_name(p.block),
            own_rank=str(p.rank) if p.rank is not None else MISSING,
            first_share=ctx.percent(ctx.figures.priority(p.block).distribution.percentages[0] / 100)
            if ctx.figures.priority(p.block).distribution.n
            else MISSING,
            top3_share=ctx.percent(ctx.figures.priority(p.block).top3_share),
            own_score=ctx.score(p.score),
            national_mean=ctx.score(p.national_mean),
            flagged=p.flagged,
        )
        for p in own
    ]
    answered = any(p.rank is not None for p in own)
    sentences = []
    if not answered:
        sentences.append(_("Uw instelling heeft geen prioriteiten aangegeven."))
    else:
        flagged = [ctx.block_name(p.block) for p in own if p.flagged]
        if flagged:
            sentences.append(
                _(
                    "Hoog op uw lijst, maar met een score onder het landelijk gemiddelde: %(blocks)s. "
                    "Daar ligt voor het komende jaar de grootste opgave."
                )
                % {"blocks": _listing(flagged)}
            )
        else:
            sentences.append(_("Geen van uw hoogste prioriteiten scoort onder het landelijk gemiddelde."))
    firsts = [(ctx.figures.priority(b.code).distribution, b.code) for b in ctx.national.blocks]
    firsts = [(d.shares[0], code) for d, code in firsts if d.n]
    if firsts:
        share, code = max(firsts, key=lambda item: item[0])
        sentences.append(
            _("Landelijk staat %(block)s het vaakst op de eerste plaats (%(share)s van de instellingen).")
            % {
                "block": ctx.block_name(code),
                "share": ctx.percent(ctx.figures.priority(code).distribution.percentages[0] / 100),
            }
        )
    return PrioritySection(
        rows=rows,
        sentence=" ".join(sentences),
        ranking_chart=visuals.ranking_chart(ctx) if charts else None,
        quadrant_chart=visuals.quadrant_chart(ctx) if charts and answered else None,
        answered=answered,
    )


def focus_areas(ctx: Context, *, charts: bool) -> ShareSection:
    chosen = set(ctx.own.focus_areas)
    peer = ctx.peer("type")
    rows = [
        ShareRow(
            label=ctx.option_name(a),
            own=_("ja") if a.code in chosen else _("nee"),
            chosen=a.code in chosen,
            national=ctx.percent(ctx.figures.focus_area(a.code).share),
            peer=ctx.percent(peer.figures.focus_area(a.code).share) if peer else "",
        )
        for a in ctx.national.focus_areas
    ]
    most = sorted(ctx.national.focus_areas, key=lambda a: -(ctx.figures.focus_area(a.code).share or 0))[:3]
    sentence = _(
        "Uw instelling zet in op %(count)s van de %(total)s speerpunten. Landelijk het vaakst gekozen: %(areas)s."
    ) % {
        "count": ctx.whole(len(chosen)),
        "total": ctx.whole(len(rows)),
        "areas": _listing([ctx.option_name(a) for a in most]),
    }
    return ShareSection(
        rows=rows,
        sentence=sentence,
        peer_label=capitalised(peer.name) if peer else "",
        national_label=_("Landelijk"),
        chart=visuals.focus_chart(ctx) if charts else None,
    )


def collaboration(ctx: Context, *, charts: bool) -> ShareSection:
    """Per stakeholder the own intensity beside the national share that works together structurally."""
    own = {c.stakeholder: c.intensity for c in ctx.own.collaboration}
    peer = ctx.peer("type")
    structural = CollaborationIntensity.STRUCTURAL

    def structural_share(figures, code: str) -> str:
        distribution = figures.stakeholder(code).distribution
        return ctx.percent(distribution.percentages[structural - 1] / 100) if distribution.n else MISSING

    rows = [
        ShareRow(
            label=ctx.option_name(s),
            own=str(CollaborationIntensity(own[s.code]).label) if own.get(s.code) else MISSING,
            chosen=None,
            national=structural_share(ctx.figures, s.code),
            peer=structural_share(peer.figures, s.code) if peer else "",
        )
        for s in ctx.national.stakeholders
    ]
    labels = {s.code: ctx.option_name(s) for s in ctx.national.stakeholders}
    mine = [labels[code] for code, intensity in own.items() if intensity == structural]
    sentence = _("Uw instelling werkt structureel samen met %(count)s van de %(total)s partijen.") % {
        "count": ctx.whole(len(mine)),
        "total": ctx.whole(len(rows)),
    }
    means = [(ctx.figures.stakeholder(s.code).mean, s.code) for s in ctx.national.stakeholders]
    means = [(mean, code) for mean, code in means if mean is not None]
    if means:
        closest = max(means, key=lambda item: item[0])[1]
        sentence += " " + _("Landelijk is de samenwerking het intensiefst met: %(party)s.") % {"party": labels[closest]}
    return ShareSection(
        rows=rows,
        sentence=sentence,
        peer_label=capitalised(peer.name) if peer else "",
        national_label=_("Landelijk"),
        chart=visuals.collaboration_chart(ctx) if charts else None,
    )
