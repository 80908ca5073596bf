"""Build a factsheet's view model from an institution's picture: the one entry point for every rendering."""

import datetime

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from factsheets.aggregation.labels import group_label
from factsheets.aggregation.pictures import InstitutionPicture
from factsheets.factsheet import blocks, closing, sections, visuals, words
from factsheets.factsheet.blocks import capitalised
from factsheets.factsheet.context import Context
from factsheets.factsheet.model import Fact, Factsheet
from factsheets.render import output_filename

LANGUAGES = ("nl", "en")


def factsheet_language(picture: InstitutionPicture) -> str:
    """Dutch, or English when the institution asked for its factsheet in English."""
    return "en" if picture.own.institution.language == "en" else "nl"


def factsheet_filename(picture: InstitutionPicture) -> str:
    """factsheet-jumpscan-2021-ziekenhuis-aalst.pdf"""
    year = picture.national.round.year
    return output_filename("factsheet", "jumpscan", str(year), picture.own.institution.code, ext="pdf")


def build_factsheet(
    picture: InstitutionPicture,
    *,
    language: str | None = None,
    charts: bool = True,
    today: datetime.date | None = None,
) -> Factsheet:
    """The factsheet of `picture` in `language` (default: the institution's own language).

    Without `charts` the same document is built without chart objects (the benchmark's
    baseline). `today` dates a factsheet of a round that has no published snapshot.
    """
    language = language or factsheet_language(picture)
    if language not in LANGUAGES:
        raise ValueError(f"A factsheet is written in {' or '.join(LANGUAGES)}, not {language!r}.")
    with translation.override(language):
        return _build(Context(picture, language), charts=charts, today=today)


def _build(ctx: Context, *, charts: bool, today: datetime.date | None) -> Factsheet:
    institution = ctx.own.institution
    year = ctx.national.round.year
    peer = ctx.peer("type")
    return Factsheet(
        language=ctx.language,
        institution=institution.name,
        institution_code=institution.code,
        year=year,
        previous_year=ctx.compared_year,
        title=_("Factsheet JuMP-scan %(year)s: %(name)s") % {"year": year, "name": institution.name},
        running_title=f"{institution.name} · " + _("factsheet %(year)s") % {"year": year},
        footer_note=_("Juiste Zorg op de Juiste Plek · NVZ"),
        filename=factsheet_filename(ctx.picture),
        cover_facts=cover_facts(ctx, today=today),
        summary=words.summary(ctx),
        key_figures=key_figures(ctx),
        score_rows=blocks.score_rows(ctx),
        peer_label=capitalised(peer.name) if peer else "",
        blocks=blocks.block_views(ctx, charts=charts),
        priorities=sections.priorities(ctx, charts=charts),
        focus=sections.focus_areas(ctx, charts=charts),
        collaboration=sections.collaboration(ctx, charts=charts),
        open_answers=closing.open_answers(ctx),
        pride_example=ctx.own.pride_example,
        next_steps=closing.next_steps(ctx),
        method=closing.method_note(ctx),
        withheld=closing.withheld(ctx),
        summary_chart=visuals.summary_chart(ctx) if charts else None,
        change_chart=visuals.change_chart(ctx) if charts else None,
        level_scale=[_("niveau %(level)s") % {"level": level} for level in range(1, 5)],
    )


def published_on(ctx: Context) -> datetime.date | None:
    snapshot = ctx.national.snapshot
    if snapshot is None:
        return None
    return timezone.localdate(datetime.datetime.fromisoformat(snapshot.created_at))


def cover_facts(ctx: Context, *, today: datetime.date | None) -> list[Fact]:
    institution = ctx.own.institution
    published = published_on(ctx)
    if published is not None:
        basis = _("momentopname van %(date)s, methode versie %(version)s") % {
            "date": date_format(published, "j F Y"),
            "version": ctx.national.snapshot.method_version,
        }
    else:
        basis = _("voorlopige cijfers, methode versie %(version)s") % {"version": ctx.national.method_version}
    return [
        Fact(_("Instelling"), institution.name),
        Fact(_("Type"), group_label("type", institution.type)),
        Fact(_("Regio"), group_label("region", institution.region)),
        Fact(_("Ronde"), _("JuMP-scan %(year)s") % {"year": ctx.national.round.year}),
        Fact(_("Deelnemers"), _("%(n)s instellingen") % {"n": ctx.whole(ctx.figures.n)}),
        Fact(_("Datum"), date_format(published or today or timezone.localdate(), "j F Y")),
        Fact(_("Gebaseerd op"), basis),
    ]


def key_figures(ctx: Context) -> list[Fact]:
    total = ctx.own.total
    figures = [
        Fact(_("Uw totaalscore"), ctx.score(total.score), note=_("schaal 1 tot 4"), role="own", raw=total.score),
        Fact(
            _("Landelijk gemiddelde"),
            ctx.score(ctx.figures.total.mean),
            note=_("%(n)s instellingen") % {"n": ctx.whole(ctx.figures.n)},
            role="national",
            raw=ctx.figures.total.mean,
        ),
    ]
    peer = ctx.peer("type")
    if peer is not None:
        figures.append(
            Fact(
                capitalised(peer.name),
                ctx.score(peer.figures.total.mean),
                note=_("%(n)s instellingen") % {"n": ctx.whole(peer.figures.n)},
                role="peer",
                raw=peer.figures.total.mean,
            )
        )
    if ctx.compared_year is not None:
        corrected = total.corrected_change
        figures.append(
            Fact(
                _("Sinds %(year)s") % {"year": ctx.compared_year},
                ctx.change(corrected if corrected is not None else total.raw_change),
                note=_("op vergelijkbare stellingen") if corrected is not None else _("alle stellingen"),
                role="previous",
                raw=corrected if corrected is not None else total.raw_change,
            )
        )
    return figures
