"""The fictional member institutions of the demo data set.

Every name is made up: it sounds Dutch and fits its province, but is not the name of
a real hospital. (Names that come close to a real one, such as "Ziekenhuis
Rivierenland" or "Ziekenhuis Amstelland", are avoided on purpose.) Flevoland,
Zeeland and Drenthe have fewer than five institutions, so a comparison group for
those provinces is small enough to be withheld.
"""

from dataclasses import dataclass

from django.utils.text import slugify

UMC, STZ, ALG, CAT, OV = "umc", "stz", "algemeen", "categoraal", "overig"

# province -> [(name, type, member since)]
_BY_REGION: dict[str, list[tuple[str, str, int]]] = {
    "groningen": [
        ("UMC Wierdenland", UMC, 2008),
        ("Ziekenhuis Reitdiepstede", STZ, 2010),
        ("Ziekenhuis Kwelderhoven", ALG, 2012),
        ("Kinderkliniek Wadzicht", CAT, 2015),
        ("Revalidatiecentrum Terpwaarde", OV, 2018),
    ],
    "friesland": [
        ("Medisch Centrum Merenwoud", STZ, 2009),
        ("Ziekenhuis Greidhoeke", ALG, 2011),
        ("Gasthuis Terpstede", ALG, 2013),
        ("Ziekenhuis Waldwaard", ALG, 2014),
        ("Zorggroep Elfmerenhof", OV, 2019),
    ],
    "drenthe": [
        ("Ziekenhuis Hunzedal", STZ, 2010),
        ("Ziekenhuis Brinkstede", ALG, 2012),
        ("Medisch Centrum Heidehof", ALG, 2013),
        ("Dialysecentrum Essenveld", OV, 2017),
    ],
    "overijssel": [
        ("Medisch Centrum Dinkelwaard", STZ, 2008),
        ("Ziekenhuis Vechthorst", STZ, 2009),
        ("Ziekenhuis Reggeoord", ALG, 2011),
        ("Medisch Centrum Hoge Esch", ALG, 2012),
        ("Ziekenhuis Lemelerhof", ALG, 2014),
        ("Oogkliniek Helderblik", CAT, 2016),
        ("Revalidatiecentrum Sallandse Heuvel", OV, 2018),
    ],
    "flevoland": [
        ("Ziekenhuis Polderpoort", ALG, 2012),
        ("Behandelcentrum Wijde Horizon", OV, 2019),
    ],
    "gelderland": [
        ("UMC Rijnheuvel", UMC, 2008),
        ("Ziekenhuis Betuwepoort", STZ, 2009),
        ("Medisch Centrum Veluwerand", STZ, 2010),
        ("Ziekenhuis Liemerswaard", STZ, 2010),
        ("Gelders Gasthuis Lindenhorst", STZ, 2011),
        ("Ziekenhuis Berkelhorst", ALG, 2011),
        ("Ziekenhuis Maas en Waalhof", ALG, 2012),
        ("Streekziekenhuis Graafschap-Zuid", ALG, 2013),
        ("Ziekenhuis De Hessenweg", ALG, 2013),
        ("Medisch Centrum Bommelerhof", ALG, 2014),
        ("Ziekenhuis Valleipoort", ALG, 2015),
        ("Epilepsiekliniek Heideroos", CAT, 2016),
        ("Revalidatiecentrum Rozendaalse Bos", OV, 2017),
        ("Zorggroep Lingeoever", OV, 2018),
    ],
    "utrecht": [
        ("UMC Domstede", UMC, 2008),
        ("Ziekenhuis Eemlanden", STZ, 2009),
        ("Medisch Centrum Kromme Rijnhof", STZ, 2010),
        ("Ziekenhuis Lekdijk", ALG, 2012),
        ("Ziekenhuis Vechtoever", ALG, 2013),
        ("Oncologisch Centrum Lichtbaken", CAT, 2014),
        ("Orthopedische Kliniek Stapvast", CAT, 2016),
        ("Zorggroep Heuvelrugstede", OV, 2019),
    ],
    "noord_holland": [
        ("UMC Amstelhaven", UMC, 2008),
        ("Ziekenhuis Zaanoever", STZ, 2009),
        ("Medisch Centrum Kennemerduin", STZ, 2009),
        ("Ziekenhuis West-Friese Poort", STZ, 2010),
        ("Ziekenhuis Gooilandhof", STZ, 2011),
        ("Ziekenhuis Waterlandpoort", ALG, 2011),
        ("Ziekenhuis Haarlemmerhout", ALG, 2012),
        ("Ziekenhuis Noorderkwartier", ALG, 2012),
        ("Medisch Centrum Texelstroom", ALG, 2013),
        ("Ziekenhuis Purmerhof", ALG, 2014),
        ("Ziekenhuis Schermerweide", ALG, 2015),
        ("Kinderziekenhuis Zonnewijzer", CAT, 2015),
        ("Hartcentrum Amsteldijk", CAT, 2016),
        ("Revalidatiecentrum Duinstede", OV, 2017),
        ("Dialysecentrum Spaarnestroom", OV, 2020),
    ],
    "zuid_holland": [
        ("UMC Maasdelta", UMC, 2008),
        ("UMC Singelstede", UMC, 2008),
        ("Ziekenhuis Rivierenhof", STZ, 2009),
        ("Medisch Centrum Westlandpoort", STZ, 2009),
        ("Ziekenhuis Schiewaard", STZ, 2010),
        ("Ziekenhuis Hollandse Waard", STZ, 2010),
        ("Ziekenhuis Goudse Vliet", STZ, 2011),
        ("Ziekenhuis Alblasserhof", ALG, 2011),
        ("Ziekenhuis Voornehaven", ALG, 2012),
        ("Medisch Centrum Krimpenerwaard-Oost", ALG, 2012),
        ("Ziekenhuis Duinrand", ALG, 2013),
        ("Ziekenhuis Hoeksche Vliet", ALG, 2013),
        ("Ziekenhuis Merwestroom", ALG, 2014),
        ("Oogziekenhuis Scherpzicht", CAT, 2014),
        ("Longcentrum Zeewind", CAT, 2016),
        ("Revalidatiecentrum Havenzicht", OV, 2017),
        ("Zorggroep Rottehof", OV, 2018),
        ("Behandelcentrum Zuidplas", OV, 2020),
    ],
    "zeeland": [
        ("Ziekenhuis Scheldeoord", ALG, 2010),
        ("Ziekenhuis Walcherse Poort", ALG, 2011),
        ("Zorggroep Zeeuwse Stromen", OV, 2018),
    ],
    "noord_brabant": [
        ("Ziekenhuis Dommelstede", STZ, 2008),
        ("Medisch Centrum Peelland-Noord", STZ, 2009),
        ("Ziekenhuis Baronieveld", STZ, 2009),
        ("Ziekenhuis Maaskempen", STZ, 2010),
        ("Ziekenhuis Kempenhorst", ALG, 2011),
        ("Ziekenhuis Langstraat", ALG, 2011),
        ("Medisch Centrum Markdal", ALG, 2012),
        ("Ziekenhuis Meierijstede", ALG, 2013),
        ("Ziekenhuis Dongevallei", ALG, 2013),
        ("Ziekenhuis Biesbosch-Oost", ALG, 2014),
        ("Brandwondenkliniek Lindestede", CAT, 2015),
        ("Slaapkliniek Nachtegaal", CAT, 2017),
        ("Revalidatiecentrum Kempenland", OV, 2018),
        ("Zorggroep De Peelhorst", OV, 2019),
    ],
    "limburg": [
        ("UMC Mergelland", UMC, 2008),
        ("Ziekenhuis Geuldal", STZ, 2009),
        ("Medisch Centrum Roerstreek", STZ, 2010),
        ("Ziekenhuis Heuvelland-Zuid", ALG, 2011),
        ("Ziekenhuis Maasgouw", ALG, 2012),
        ("Ziekenhuis Peelrand", ALG, 2013),
        ("Ziekenhuis Schinvelderhof", ALG, 2014),
    ],
}


@dataclass(frozen=True)
class DemoInstitution:
    code: str
    name: str
    type: str
    region: str
    member_since_year: int

    @property
    def is_hospital(self) -> bool:
        return self.type != OV


INSTITUTIONS: list[DemoInstitution] = sorted(
    (
        DemoInstitution(code=slugify(name), name=name, type=kind, region=region, member_since_year=year)
        for region, rows in _BY_REGION.items()
        for name, kind, year in rows
    ),
    key=lambda institution: institution.code,
)

# The institutions behind the demo logins (see users.py).
MAIN = slugify("Ziekenhuis Betuwepoort")  # submitted 2020 and 2021, a draft in the open round
UMC_LOGIN = slugify("UMC Maasdelta")  # submitted 2021 only: a factsheet without a previous year
OVERIG_LOGIN = slugify("Zorggroep Lingeoever")  # another care institution; its remarks hold a hostile string

# Contact persons: first names and surnames drawn for every institution.
FIRST_NAMES = [
    "Anouk", "Bram", "Charlotte", "Daan", "Esther", "Floris", "Gerda", "Hans", "Ilse", "Jeroen", "Karin",
    "Lars", "Marieke", "Niels", "Olga", "Pieter", "Quirine", "Ruud", "Saskia", "Thijs", "Ursula", "Vincent",
    "Wendy", "Yvonne", "Zoë", "Annemiek", "Bas", "Corine", "Dirk", "Eline", "Frank", "Hanneke", "Joost",
    "Linda", "Maarten", "Nienke", "Rob", "Sanne", "Tom", "Wouter",
]  # fmt: skip
SURNAMES = [
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
    "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
    "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel",
    "van der Veen", "van den Broek", "de Bruijn", "de Jong", "Schouten", "van Dijk", "Willems", "Hoekstra",
    "Kuipers", "Postma", "Verhoeven", "Koster",
]  # fmt: skip
CONTACT_ROLES = [("programmaleider", "Programmaleider JZOJP"), ("bestuur", "Lid RvB")]
