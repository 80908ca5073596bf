"""A small but complete two-round scan for the national report and dashboard tests.

2020: 6 STZ hospitals in Utrecht and 5 other institutions in Limburg.
2021 (questionnaire continuing 2020 unchanged): the same 11 plus 5 general hospitals
in Groningen and 2 UMCs in Drenthe (too small a group to show). Every institution
answers every question; quotes and pride examples come from consenting institutions,
except the ones marked NOT_CONSENTED, which must never be printed.
"""

from dataclasses import dataclass

from surveys.models import Institution, Round
from tests.factories import BLOCK_CODES, InstitutionFactory
from tests.factsheets.builders import make_round, respond

NOT_CONSENTED_QUOTE = "Dit citaat mag nergens verschijnen: geen toestemming."
NOT_CONSENTED_PRIDE = "Deze trots mag nergens verschijnen: geen toestemming."
BLOCKS = [code for code, _name, _prefix in BLOCK_CODES]
PREFIXES = [prefix for _code, _name, prefix in BLOCK_CODES]


@dataclass
class Scan:
    round_2020: Round
    round_2021: Round
    institutions: list[Institution]


def _levels(base: int, offset: int) -> dict[str, int]:
    """Levels 1..4 that differ per block and statement, deterministically."""
    levels = {}
    for b, prefix in enumerate(PREFIXES):
        for number in range(1, 4):
            shift = (b * 3 + number * 2 + offset) % 4
            levels[f"{prefix}-{number:02d}"] = min(4, max(1, base - 1 + shift // 2 + (b in (0, 1)) - (b == 4)))
    return levels


def build_scan() -> Scan:
    round_2020 = make_round(2020, status=Round.Status.PUBLISHED)
    round_2021 = make_round(2021, previous=round_2020, lineage="same", status=Round.Status.CLOSED)
    stz = [InstitutionFactory(name=f"STZ Utrecht {i}", type="stz", region="utrecht") for i in range(6)]
    other = [InstitutionFactory(name=f"Zorggroep Limburg {i}", type="overig", region="limburg") for i in range(5)]
    general = [
        InstitutionFactory(name=f"Ziekenhuis Groningen {i}", type="algemeen", region="groningen") for i in range(5)
    ]
    umc = [InstitutionFactory(name=f"UMC Drenthe {i}", type="umc", region="drenthe") for i in range(2)]
    for i, institution in enumerate(stz + other):
        respond(
            round_2020,
            institution,
            levels=_levels(2, i),
            priorities=BLOCKS[i % 8 :] + BLOCKS[: i % 8],
            focus_areas=["ehealth", "netwerkzorg"] if i % 2 else ["ehealth"],
            collaboration={"huisartsen": 3, "vvt": 2, "gemeenten": 1 + i % 2},
        )
    everyone = stz + other + general + umc
    for i, institution in enumerate(everyone):
        consent = i % 4 != 3
        respond(
            round_2021,
            institution,
            levels=_levels(3 if institution in stz + general else 2, i),
            priorities=BLOCKS[(i + 6) % 8 :] + BLOCKS[: (i + 6) % 8],
            focus_areas=["ehealth", "preventie"] if i % 3 else ["ehealth", "netwerkzorg"],
            collaboration={"huisartsen": 4 if i % 2 else 3, "vvt": 3, "gemeenten": 2},
            good_examples={
                block: (f"Goed voorbeeld {block} van {institution.name}." if consent else NOT_CONSENTED_QUOTE)
                for block in BLOCKS
            },
            pride_example=f"Trots van {institution.name}." if consent else NOT_CONSENTED_PRIDE,
            consent=consent,
        )
    return Scan(round_2020=round_2020, round_2021=round_2021, institutions=everyone)
