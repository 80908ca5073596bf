"""Open answers of the demo data set: good examples, remarks and pride examples.

The quotes marked "report" are the examples printed in the 2021 national report
(seeds/003). One of them named a real hospital; it is kept without the name. The
other texts are written in the same voice and name no real institution.
"""

# Quoted in the report beside PAT-06 (zicht op preventie-interventies), with the level
# the quoting institution gave and the province it plausibly belongs to.
PREVENTION_QUOTES: list[tuple[int, str, str]] = [
    (
        3,
        "utrecht",
        "Onder de vlag van Fijn Leven werken we hieraan o.a. samen met de Gemeente en de GGD. "
        'Deze zijn "in de lead" als het gaat om Samen Gezond.',
    ),
    (
        4,
        "overijssel",
        "We hebben zicht op welke preventie nodig is voor diverse doelgroepen. Preventie is deels primair "
        "(verantwoordelijkheid meer op sociaal domein) en secundaire preventie (meer aan care & cure kant). "
        "Dit is opgenomen in ons regioplan (regiovisie Twente Beter www.twentebeter.nl).",
    ),
    (
        3,
        "zuid_holland",
        "In Rotterdam zijn we als alliantie partner betrokken bij Gezond010. Dit is gericht op stoppen met roken, "
        "en gezonde voeding en leefstijl.",
    ),
    (
        4,
        "gelderland",
        "Vallei Vitaal (regio organisatie voor JZOJP) en coalitie preventie Foodvalley (preventievehikel) zijn aan "
        "elkaar gelinkt via organisaties die in beide gremia deelnemen.",
    ),
    (3, "overijssel", "Salland United. Als ziekenhuis geen hoofdrolspeler in de pijler Preventie, wel betrokken."),
    (
        4,
        "zuid_holland",
        "Ons ziekenhuis maakt onderdeel uit van een zorggroep die als ketenorganisatie ook geriatrische revalidatie, "
        "wijkverpleging en langdurende zorg biedt. Vanuit deze keten wordt een aantal preventieve activiteiten "
        "ontplooid.",
    ),
]

# The pride examples of the five institutions with the highest total scores (report, section 4).
REPORT_PRIDE_EXAMPLES = [
    "Wij zijn trots op de veerkracht en verantwoordelijkheid van alle professionals die zich dagelijks inzetten om "
    "de doelstellingen van JZOJP uit te werken. Het is een beweging die past bij het ziekenhuis wat we willen zijn. "
    "Het in gang zetten van ontwikkelingen lukt omdat de basis goed is. We leggen de lat hoog voor onszelf (JCI, "
    "Continue Verbeteren, ZEGG, VHBC), de patiënt is onze partner en we realiseren ons dat samen werken aan "
    "gezondheidswinst alleen gerealiseerd kan worden door intensief samenwerken met anderen. Wij zijn trots op de "
    "beweging die we met elkaar in gang zetten.",
    "Op onze ketensamenwerkingsprojecten, zoals de opzet van een integrale poli met regiebehandelaar.",
    "Wijkverpleegkundige triagist op de SEH ouderenkliniek waarbij de geriater medebehandelaar is in de GRZ, "
    "waardoor patiënten korter in onze kliniek verblijven.",
    "- Intensieve samenwerking tussen huisartsen en specialisten, onder andere door een gezamenlijke coöperatie: "
    "TjongerZorg\n- Intensieve samenwerking rondom ouderenzorg tussen ziekenhuis en ouderenzorgorganisatie "
    "Alliade/Meriant, onder andere door de realisatie van een expertisecentrum.",
]

PRIDE_EXAMPLES = [
    "Ons thuismonitoringprogramma voor patiënten met hartfalen: ruim 300 patiënten meten thuis en komen alleen "
    "nog naar de poli als het nodig is.",
    "De regionale transferpunt-samenwerking met de VVT, waardoor patiënten sneller en beter voorbereid naar huis "
    "of naar een herstelplek gaan.",
    "Patiëntgestuurde follow-up bij borstkanker en na een heupoperatie: minder controles, meer regie bij de patiënt.",
    "Het anderhalvelijnscentrum dat we samen met de huisartsen hebben opgezet, waar specialisten spreekuur houden "
    "in de wijk.",
    "Beeldbellen is bij bijna alle poliklinieken een gewone keuze geworden, ook na de coronacrisis.",
    "De digitale meekijkconsultatie met huisartsen voor dermatologie en cardiologie.",
    "Ziekenhuiszorg thuis voor patiënten met COPD en bij antibiotica-behandelingen via het infuus.",
    "Een gezamenlijk regiobeeld met zorgverzekeraar, GGD en gemeenten als basis voor onze regio-opgave.",
    "Samen beslissen is onderdeel van elke opleiding bij ons: alle medisch specialisten hebben de training gevolgd.",
    "De valpoli voor kwetsbare ouderen, samen met fysiotherapeuten en de wijkverpleging.",
    "Het programma De Juiste Zorg in de Wijk, waarin specialist en wijkverpleegkundige samen spreekuur houden.",
    "Onze vakgroepen dragen elk jaar zelf JZOJP-initiatieven aan; dit jaar zijn er veertien gestart.",
]

# Good examples per building block, asked when the institution scores 3 or 4 on it.
GOOD_EXAMPLES: dict[str, list[str]] = {
    "leiderschap": [
        "Raad van bestuur en bestuur VMS presenteren JZOJP samen op elke stafvergadering en in de regio.",
        "JZOJP staat als eerste pijler in ons meerjarenbeleidsplan en elk kwartaal op de agenda van de RvT.",
        "Ons veranderverhaal 'Zorg dichtbij' is met professionals geschreven en wordt door het bestuur uitgedragen.",
        "De bestuurders lopen mee met de wijkverpleging en de huisartsenpost om de keten te leren kennen.",
        "Bij elke investeringsbeslissing weegt het bestuur expliciet de bijdrage aan zorg dichter bij huis mee.",
        "De voorzitter van het bestuur VMS en de RvB-voorzitter trekken samen de regionale stuurgroep.",
    ],
    "programma_organisatie": [
        "Een programmaleider JZOJP met een kernteam van een medisch specialist, verpleegkundige en controller.",
        "Elke vakgroep levert in de kaderbrief twee JZOJP-initiatieven aan; de voortgang staat op het dashboard.",
        "Per initiatief een duo van medisch specialist en manager, met een vaste maandelijkse voortgangssessie.",
        "De rollen van RvB, VMS en programmamanagement zijn vastgelegd en worden jaarlijks geëvalueerd.",
        "Een programmaboard met RvB, bestuur VMS en VAR stuurt op een portfolio van twintig initiatieven.",
        "Initiatieven die niet opleveren stoppen we bewust; daarvoor hebben we heldere go/no-go-momenten.",
    ],
    "professionals": [
        "Alle verpleegkundigen van de interne geneeskunde zijn opgeleid voor telemonitoring.",
        "Professionals krijgen uren vrij om een JZOJP-initiatief uit te werken, met hulp van een projectcoach.",
        "In ons strategisch opleidingsplan is samen beslissen en e-health voor elke beroepsgroep opgenomen.",
        "Verpleegkundig specialisten hebben een eigen JZOJP-spreekuur in de huisartsenpraktijk.",
        "In elke vakgroep is een JZOJP-ambassadeur die collega's meeneemt in nieuwe werkwijzen.",
        "Professionals hebben samen met HR per afdeling beschreven hoe hun werk de komende vijf jaar verandert.",
    ],
    "financien": [
        "Een meerjarenafspraak met de grootste zorgverzekeraar met transitiegelden en een omzetplafond.",
        "Elke business case voor JZOJP laat kosten en opbrengsten voor ons én de partners in de regio zien.",
        "Het MSB deelt mee in de opbrengst van zorg die we voorkomen of verplaatsen.",
        "Met de huisartsenorganisatie is een gezamenlijk budget voor anderhalvelijnszorg afgesproken.",
        "De afdelingsbudgetten belonen vakgroepen die controles omzetten in patiëntgestuurde follow-up.",
    ],
    "ict": [
        "Patiënten meten thuis en zien hun waarden in het portaal; afwijkingen komen bij het monitoringcentrum.",
        "Huisartsen kunnen via het regionale zorgplatform meekijken en digitaal consulteren.",
        "Beeldbellen en e-consulten zijn in het EPD geïntegreerd en voor elke polikliniek beschikbaar.",
        "Via het patiëntenportaal vullen patiënten vooraf vragenlijsten in en lezen ze hun uitslagen.",
        "Met de VVT delen we overdrachten digitaal via een regionale standaard.",
    ],
    "patient_populatie": [
        "Wekelijks multidisciplinair overleg met huisartsen, wijkteam en GGZ over kwetsbare ouderen.",
        "De cliëntenraad beoordeelt elk JZOJP-initiatief voordat het start en bij de evaluatie.",
        "Samen beslissen met de drie goede vragen is de standaard op alle poliklinieken.",
        "Een preventiepoli voor leefstijl, samen met de GGD en de sportverenigingen in de gemeente.",
        "Patiënten met diabetes en COPD krijgen een persoonlijk zorgplan dat ook de huisarts gebruikt.",
    ],
    "regiovisie": [
        "Met de regiopartners is een regiobeeld gemaakt, met een gezamenlijke opgave voor de komende vijf jaar.",
        "Aan de regiotafel maken ziekenhuizen, huisartsen, VVT en zorgverzekeraar samen keuzes in het aanbod.",
        "Afspraken met de buurziekenhuizen over de spreiding van elektieve orthopedie en vaatchirurgie.",
        "Een gezamenlijk capaciteitscentrum met de andere ziekenhuizen in de regio.",
        "Het regioplan is door alle besturen ondertekend en heeft een eigen programmabureau.",
    ],
    "stakeholders": [
        "Een gezamenlijke agenda met de zorgverzekeraar, met drie regionale projecten en een stuurgroep.",
        "Samen met de gemeenten een aanpak voor kwetsbare ouderen, van preventie tot ontslag.",
        "Met de VVT-organisaties één transferpunt en afspraken over specialistische wijkverpleging.",
        "Met de huisartsen werken we aan tien gezamenlijke zorgpaden, van verwijzing tot terugverwijzing.",
        "Een kwartaaloverleg met GGZ-instellingen over patiënten met zowel somatische als psychische zorgvragen.",
    ],
}

REMARKS: dict[str, list[str]] = {
    "leiderschap": [
        "Het nieuwe bestuur heeft JZOJP opnieuw bevestigd als speerpunt.",
        "De samenwerking tussen RvB en VMS is goed, maar nog vooral informeel.",
    ],
    "programma_organisatie": [
        "De programmaorganisatie is dit jaar opnieuw ingericht na het vertrek van de programmaleider.",
        "Capaciteit voor projectondersteuning blijft een knelpunt.",
    ],
    "professionals": [
        "Door de druk van de coronazorg was er weinig ruimte voor scholing.",
        "De impact op professionals is groot; we zien vooral bij verpleegkundigen behoefte aan nieuwe vaardigheden.",
    ],
    "financien": [
        "De afspraken met de tweede zorgverzekeraar lopen nog.",
        "De financiering van zorg over de organisatiegrenzen heen blijft lastig.",
    ],
    "ict": [
        "De overgang naar een nieuw EPD vraagt veel capaciteit; e-health schuift daardoor op.",
        "Gegevensuitwisseling met de VVT loopt nog via fax en e-mail.",
    ],
    "patient_populatie": [
        "Preventie zien wij vooral als taak van de gemeente en de GGD; wij sluiten aan.",
        "De cliëntenraad is dit jaar voor het eerst bij de jaarplannen betrokken.",
    ],
    "regiovisie": [
        "Het regiobeeld is klaar, de vertaling naar een regioplan volgt dit najaar.",
        "Onze regio valt onder twee zorgverzekeraars, wat gezamenlijke keuzes bemoeilijkt.",
    ],
    "stakeholders": [
        "Met de huisartsen gaat het goed, met de gemeenten staan we nog aan het begin.",
        "De samenwerking met de GGZ is verbeterd sinds het gezamenlijke crisisteam.",
    ],
}

# Kept in one institution's remarks so that screens and exports can show it comes out inert.
HOSTILE_REMARK = "Zie bijlage <script>alert(1)</script> =SUM(A1)"
