"""Key findings in words, computed from the figures of a national picture.

Each function reads one section's figures and returns short Dutch sentences (gettext,
so they can be translated) like the headlines of the 2021 report: "Van de 8
bouwstenen is men het verst op Leiderschap". Numbers are formatted with the charts'
`NumberFormat`, so a finding quotes exactly the figure the chart and table print.
The dashboard and the PDF both call these, on the nation or on a group's picture.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from factsheets.aggregation import labels
from factsheets.aggregation.pictures import NationalPicture, OptionInfo, Suppressed
from factsheets.charts import NumberFormat

# A difference between two group means smaller than this is not called a difference.
NOTABLE_DIFFERENCE = 0.2
# A change in a share smaller than this (in percentage points) is not called a change.
NOTABLE_SHARE_CHANGE = 0.05
HIGH_LEVELS = (3, 4)


def share_phrase(share: float, fmt: NumberFormat) -> str:
    """0.33 -> "een derde (33%)", 0.42 -> "42%": a common fraction in words when it is close."""
    percent = fmt.percent(share)
    for value, words in (
        (1 / 4, _("een kwart")),
        (1 / 3, _("een derde")),
        (1 / 2, _("de helft")),
        (2 / 3, _("twee derde")),
        (3 / 4, _("driekwart")),
    ):
        if abs(share - value) <= 0.02:
            return f"{words} ({percent})"
    return percent


def join_names(names: list[str]) -> str:
    """["a", "b", "c"] -> "a, b en c"."""
    if len(names) <= 1:
        return "".join(names)
    return _("%(first)s en %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def _option(options: list[OptionInfo], code: str) -> OptionInfo:
    return next(option for option in options if option.code == code)


def response(picture: NationalPicture, *, language: str = "nl") -> list[str]:
    fmt = NumberFormat(language)
    overall = picture.response.overall
    sectors = {count.key: count for count in picture.response.by_sector}
    found = [
        ngettext(
            "In totaal heeft %(n)s instelling de JuMP-scan volledig ingevuld",
            "In totaal hebben %(n)s instellingen de JuMP-scan volledig ingevuld",
            overall.submitted,
        )
        % {"n": overall.submitted}
        + (
            _(": %(hospitals)s ziekenhuizen en %(other)s overige zorginstellingen.")
            % {"hospitals": sectors["hospitals"].submitted, "other": sectors["other"].submitted}
            if "hospitals" in sectors
            and "other" in sectors
            and sectors["hospitals"].submitted
            and sectors["other"].submitted
            else "."
        )
    ]
    if overall.rate is not None:
        found.append(
            _("De respons bedraagt %(rate)s (%(submitted)s van de %(invited)s uitgenodigde instellingen).")
            % {"rate": fmt.percent(overall.rate), "submitted": overall.submitted, "invited": overall.invited}
        )
    return found


def status(picture: NationalPicture, *, language: str = "nl") -> list[str]:
    """Strongest and weakest blocks, the change since last round, raw and corrected."""
    fmt = NumberFormat(language)
    scored = [(b, picture.national.block(b.code).mean) for b in picture.blocks]
    scored = [(b, mean) for b, mean in scored if mean is not None]
    if not scored:
        return []
    ordered = sorted(scored, key=lambda pair: -pair[1])
    top, weakest = ordered[0], ordered[-2:][::-1] if len(ordered) > 2 else ordered[-1:]
    found = [
        _("Van de %(count)s bouwstenen is men het verst op %(block)s (gemiddeld %(score)s).")
        % {"count": len(picture.blocks), "block": labels.name(top[0], language), "score": fmt.decimal(top[1])}
        + " "
        + _("%(blocks)s blijven achter.")
        % {"blocks": join_names([f"{labels.name(b, language)} ({fmt.decimal(m)})" for b, m in weakest[::-1]])}
    ]
    trend = picture.national.trend
    if trend is None:
        return found
    raw = [(picture.block_info(c.key), c.raw_change) for c in trend.blocks if c.raw_change is not None]
    rising = sorted([(b, d) for b, d in raw if round(d, 1) > 0], key=lambda pair: -pair[1])
    falling = sorted([(b, d) for b, d in raw if round(d, 1) < 0], key=lambda pair: pair[1])
    year = trend.previous_year
    if rising:
        block, change = rising[0]
        found.append(
            _(
                "Ten opzichte van %(year)s is de gemiddelde score op %(count)s van de %(total)s bouwstenen "
                "gestegen, het sterkst op %(block)s (%(change)s)."
            )
            % {
                "year": year,
                "count": len(rising),
                "total": len(raw),
                "block": labels.name(block, language),
                "change": fmt.signed(change),
            }
        )
    if falling:
        found.append(
            _("Een daling is te zien op %(blocks)s.")
            % {"blocks": join_names([f"{labels.name(b, language)} ({fmt.signed(d)})" for b, d in falling])}
        )
    if not rising and not falling:
        found.append(_("Ten opzichte van %(year)s zijn de scores gelijk gebleven.") % {"year": year})
    corrected = [c.corrected_change for c in trend.blocks if c.corrected_change is not None]
    if corrected:
        up = sum(1 for change in corrected if round(change, 1) > 0)
        if up == len(corrected):
            found.append(_("Gecorrigeerd voor wijzigingen in de vragenlijst is op alle bouwstenen progressie te zien."))
        else:
            found.append(
                _(
                    "Gecorrigeerd voor wijzigingen in de vragenlijst is op %(up)s van de %(count)s "
                    "bouwstenen progressie te zien."
                )
                % {"up": up, "count": len(corrected)}
            )
    return found


def sectors(picture: NationalPicture, *, language: str = "nl") -> list[str]:
    """Where hospitals and other institutions differ by at least NOTABLE_DIFFERENCE."""
    fmt = NumberFormat(language)
    hospitals, other = picture.group("sector", "hospitals"), picture.group("sector", "other")
    if hospitals is None or other is None:
        return [_("Er is maar één soort instelling in deze selectie; een vergelijking is niet mogelijk.")]
    for group in (hospitals, other):
        if isinstance(group.figures, Suppressed):
            return [
                _("De groep %(group)s is te klein (n = %(n)s) om apart te tonen.")
                % {"group": labels.group_label("sector", group.key).lower(), "n": group.n}
            ]
    ahead, behind = [], []
    for block in picture.blocks:
        h, o = hospitals.figures.block(block.code).mean, other.figures.block(block.code).mean
        if h is None or o is None:
            continue
        if h - o >= NOTABLE_DIFFERENCE:
            ahead.append(labels.name(block, language))
        elif o - h >= NOTABLE_DIFFERENCE:
            behind.append(labels.name(block, language))
    found = []
    if len(ahead) == len(picture.blocks):
        ahead = [_("alle bouwstenen")]
    if len(behind) == len(picture.blocks):
        behind = [_("alle bouwstenen")]
    if ahead:
        found.append(
            _("Ziekenhuizen zijn verder dan overige zorginstellingen op %(blocks)s.") % {"blocks": join_names(ahead)}
        )
    if behind:
        found.append(
            _("Overige zorginstellingen zijn verder dan ziekenhuizen op %(blocks)s.") % {"blocks": join_names(behind)}
        )
    if not found:
        found.append(
            _("Ziekenhuizen en overige zorginstellingen verschillen op geen bouwsteen %(diff)s of meer.")
            % {"diff": fmt.decimal(NOTABLE_DIFFERENCE)}
        )
    found.append(
        _("Basis: %(hospitals)s ziekenhuizen en %(other)s overige zorginstellingen.")
        % {"hospitals": hospitals.n, "other": other.n}
    )
    return found


def focus_areas(picture: NationalPicture, *, language: str = "nl") -> list[str]:
    fmt = NumberFormat(language)
    shares = [
        (_option(picture.focus_areas, s.focus_area), s) for s in picture.national.focus_areas if s.share is not None
    ]
    if not shares:
        return []
    ordered = sorted(shares, key=lambda pair: -pair[1].share)
    found = [
        _("De inzet voor JZOJP is het vaakst gericht op %(first)s (%(first_share)s) en %(second)s (%(second_share)s).")
        % {
            "first": labels.name(ordered[0][0], language),
            "first_share": fmt.percent(ordered[0][1].share),
            "second": labels.name(ordered[1][0], language) if len(ordered) > 1 else "",
            "second_share": fmt.percent(ordered[1][1].share) if len(ordered) > 1 else "",
        }
        if len(ordered) > 1
        else _("De inzet voor JZOJP is het vaakst gericht op %(first)s (%(first_share)s).")
        % {"first": labels.name(ordered[0][0], language), "first_share": fmt.percent(ordered[0][1].share)}
    ]
    year = picture.round.previous_year
    changes = [(info, s.share - s.previous_share) for info, s in shares if s.previous_share is not None]
    more = [labels.name(i, language) for i, d in sorted(changes, key=lambda p: -p[1]) if d >= NOTABLE_SHARE_CHANGE]
    less = [labels.name(i, language) for i, d in sorted(changes, key=lambda p: p[1]) if d <= -NOTABLE_SHARE_CHANGE]
    if year and more:
        found.append(
            _("Ten opzichte van %(year)s wordt meer ingezet op %(areas)s.") % {"year": year, "areas": join_names(more)}
        )
    if year and less:
        found.append(_("Minder inzet dan in %(year)s is er op %(areas)s.") % {"year": year, "areas": join_names(less)})
    return found


def collaboration(picture: NationalPicture, *, language: str = "nl") -> list[str]:
    fmt = NumberFormat(language)
    rows = [
        (_option(picture.stakeholders, c.stakeholder), c) for c in picture.national.collaboration if c.mean is not None
    ]
    if not rows:
        return []
    structural = sorted(rows, key=lambda pair: -pair[1].distribution.shares[-1])
    info, top = structural[0]
    found = [
        _("Het vaakst structureel is de samenwerking met %(stakeholder)s (%(share)s van de instellingen).")
        % {"stakeholder": labels.name(info, language).lower(), "share": fmt.percent(top.distribution.shares[-1])}
    ]
    year = picture.round.previous_year
    changes = [(i, c.mean - c.previous_mean) for i, c in rows if c.previous_mean is not None]
    rising = [(i, d) for i, d in sorted(changes, key=lambda p: -p[1]) if round(d, 1) > 0]
    if year and rising:
        found.append(
            _("De samenwerking in de regio is toegenomen ten opzichte van %(year)s, met name met %(names)s.")
            % {"year": year, "names": join_names([labels.name(i, language) for i, _d in rising[:2]])}
        )
    elif year and changes:
        found.append(_("De samenwerking in de regio is ten opzichte van %(year)s niet toegenomen.") % {"year": year})
    return found


def statement(picture: NationalPicture, code: str, *, language: str = "nl") -> str:
    """One statement's headline: the share at levels 3 and 4, beside last round's when comparable."""
    fmt = NumberFormat(language)
    figures = picture.national.statement(code)
    if not figures.distribution.n:
        return _("Geen antwoorden op deze stelling.")
    high = sum(figures.distribution.shares[level - 1] for level in HIGH_LEVELS)
    text = _("%(share)s van de instellingen zit op niveau 3 of 4") % {"share": share_phrase(high, fmt)}
    if figures.previous is not None and figures.previous.n:
        before = sum(figures.previous.shares[level - 1] for level in HIGH_LEVELS)
        text += _(" (%(year)s: %(share)s)") % {"year": picture.round.previous_year, "share": fmt.percent(before)}
    return text[0].upper() + text[1:] + "."


def priorities(picture: NationalPicture, *, language: str = "nl") -> list[str]:
    fmt = NumberFormat(language)
    firsts = [
        (picture.block_info(p.block), p.distribution.shares[0]) for p in picture.national.priorities if p.distribution.n
    ]
    if not firsts:
        return []
    ordered = sorted(firsts, key=lambda pair: -pair[1])
    block, share = ordered[0]
    text = _("%(share)s van de instellingen geeft %(block)s de hoogste prioriteit") % {
        "share": share_phrase(share, fmt),
        "block": labels.name(block, language),
    }
    found = [text[0].upper() + text[1:] + (_(" in %(year)s.") % {"year": picture.round.year})]
    if len(ordered) > 1:
        found.append(
            _("Daarna volgt %(block)s (%(share)s op de eerste plaats).")
            % {"block": labels.name(ordered[1][0], language), "share": fmt.percent(ordered[1][1])}
        )
    return found


def priority_vs_score(picture: NationalPicture, *, language: str = "nl") -> list[str]:
    flagged = [
        labels.name(picture.block_info(p.block), language) for p in picture.national.priority_vs_score if p.flagged
    ]
    if not flagged:
        return [_("Geen bouwsteen combineert een hoge prioriteit met een score onder het gemiddelde.")]
    return [
        ngettext(
            "Hoge prioriteit bij een score onder het gemiddelde: %(blocks)s.",
            "Hoge prioriteit bij een score onder het gemiddelde: %(blocks)s.",
            len(flagged),
        )
        % {"blocks": join_names(flagged)}
    ]
