"""A small published round for the factsheet tests: Ziekenhuis Aalst among enough peers to compare.

Aalst (alice's institution) is an STZ hospital in Zeeland. Five other STZ hospitals make
the STZ group large enough to show; Aalst is alone in Zeeland, so its region is withheld.
Zwolle (charlie's) is a general hospital. Aalst answered 2020 too, with other levels, and
typed a hostile remark and pride example, which must come out as plain text.
"""

from factsheets.services import round_publish
from surveys.models import Institution, InstitutionType, Region, Round, User
from tests.factories import InstitutionFactory
from tests.factsheets.builders import block_levels, make_round, respond

HOSTILE = "<script>alert(1)</script> =SUM(A1)"
RANKING = [
    "ict",
    "regiovisie",
    "leiderschap",
    "financien",
    "professionals",
    "programma_organisatie",
    "patient_populatie",
    "stakeholders",
]
# Aalst's own levels in 2021: a different score on every block.
AALST_LEVELS = {
    **block_levels("LEI", 4, 4, 3),
    **block_levels("PRO", 3, 3, 3),
    **block_levels("PRF", 2, 3, 2),
    **block_levels("FIN", 2, 2, 2),
    **block_levels("ICT", 1, 1, 2),
    **block_levels("PAT", 3, 2, 2),
    **block_levels("REG", 1, 1, 1),
    **block_levels("STA", 4, 3, 4),
}


def published_round(
    aalst: Institution, zwolle: Institution, analyst: User, *, aalst_type: str = InstitutionType.STZ
) -> Round:
    """Rounds 2020 and 2021; 2021 closed and published by `analyst` (so its figures are a snapshot)."""
    Institution.objects.filter(pk=aalst.pk).update(type=aalst_type, region=Region.ZEELAND)
    aalst.refresh_from_db()
    round_2020 = make_round(2020, status=Round.Status.PUBLISHED)
    round_2021 = make_round(2021, previous=round_2020, lineage="reworded", status=Round.Status.CLOSED)
    peers = [
        InstitutionFactory(name=f"STZ-ziekenhuis {n}", type=InstitutionType.STZ, region=Region.UTRECHT)
        for n in range(1, 6)
    ]
    general = [
        InstitutionFactory(name=f"Algemeen ziekenhuis {n}", type=InstitutionType.ALGEMEEN, region=Region.UTRECHT)
        for n in range(1, 5)
    ]
    respond(round_2020, aalst, levels=2, priorities=RANKING)
    respond(
        round_2021,
        aalst,
        levels=AALST_LEVELS,
        priorities=RANKING,
        focus_areas=["ehealth", "preventie"],
        collaboration={"huisartsen": 4, "vvt": 2, "gemeenten": 1},
        good_examples={"leiderschap": "Onze RvB opent elke stafvergadering met JZOJP."},
        remarks={"ict": HOSTILE},
        pride_example=f"Trots op {HOSTILE}",
        consent=False,
    )
    for n, institution in enumerate([*peers, zwolle, *general]):
        level = 1 + n % 4
        respond(round_2020, institution, levels=max(1, level - 1), priorities=list(reversed(RANKING)))
        respond(
            round_2021,
            institution,
            levels=level,
            priorities=list(reversed(RANKING)) if n % 2 else RANKING,
            focus_areas=["ehealth"] if n % 3 else ["ehealth", "netwerkzorg"],
            collaboration={"huisartsen": 1 + n % 4, "vvt": 4, "gemeenten": 2},
        )
    round_publish(round=round_2021, user=analyst)
    round_2021.refresh_from_db()
    return round_2021
