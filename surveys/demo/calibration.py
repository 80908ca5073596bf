"""The figures the demo data set is calibrated to: the 2021 national report.

Every plan is an exact count list, so the published percentages come out exactly
rather than approximately. A level plan `(a, b, c, d)` says how many submitted
institutions answer a statement with level 1, 2, 3 and 4. Which institution gets
which level is decided in `planning.py`, correlated with its maturity.

What these counts produce (checked in tests/surveys/test_seed_demo.py through the ORM):

- PAT-05 (multidisciplinair overleg) 11/24/20/8 of 63 = 17/38/32/13 %;
  PAT-06 (preventie-interventies) 17/13/29/4 of 63 = 27/21/46/6 %.
- 2021 block means: Leiderschap highest (2.90), ICT-infrastructuur (2.11) and
  Professionals (2.16) lowest.
- 2020 → 2021 every block rises except Regiovisie (2.43 → 2.21): its rescaled
  statements REG-02 and REG-04 score low on their new, stricter ladders, while the
  comparable REG-01 and REG-03 rise, so the corrected trend is up on every block.
- Smaller touches from the report: LEI-02 levels 3+4 = 47/63 (three quarters have
  anchored their ambitions in the strategy), PRO-01 level 1 = 8/63 (13 %),
  REG-01 level 4 = 6/63 (one in ten has a regional approach).
"""

SUBMITTED = {2020: 58, 2021: 63}

LEVEL_PLANS: dict[int, dict[str, tuple[int, int, int, int]]] = {
    2020: {
        "LEI-01": (5, 20, 22, 11),
        "LEI-02": (6, 20, 23, 9),
        "LEI-03": (7, 22, 21, 8),
        "LEI-04": (8, 22, 20, 8),
        "LEI-05": (7, 23, 20, 8),
        "PRO-01": (10, 24, 18, 6),
        "PRO-02": (9, 23, 19, 7),
        "PRO-03": (14, 25, 15, 4),
        "PRO-04": (11, 24, 17, 6),
        "PRO-05": (10, 25, 17, 6),
        "PRF-01": (12, 28, 14, 4),
        "PRF-02": (16, 27, 12, 3),
        "PRF-03": (16, 27, 12, 3),
        "PRF-04": (18, 26, 11, 3),
        "PRF-05": (15, 27, 13, 3),
        "FIN-01": (10, 24, 18, 6),
        "FIN-02": (13, 27, 14, 4),
        "FIN-03": (12, 25, 16, 5),
        "FIN-04": (12, 26, 16, 4),
        "ICT-01": (11, 27, 15, 5),
        "ICT-02": (18, 27, 10, 3),
        "ICT-03": (19, 26, 10, 3),
        "ICT-04": (21, 25, 9, 3),
        "ICT-05": (17, 27, 11, 3),
        "PAT-01": (10, 26, 17, 5),
        "PAT-02": (12, 26, 16, 4),
        "PAT-03": (9, 25, 19, 5),
        "PAT-04": (11, 25, 17, 5),
        "REG-01": (8, 27, 18, 5),
        "REG-02": (6, 24, 21, 7),
        "REG-03": (7, 25, 20, 6),
        "REG-04": (7, 25, 20, 6),
        "STA-01": (6, 21, 23, 8),
        "STA-02": (11, 26, 16, 5),
        "STA-03": (11, 25, 17, 5),
        "STA-04": (8, 24, 20, 6),
        "STA-05": (10, 25, 18, 5),
    },
    2021: {
        "LEI-01": (2, 14, 27, 20),
        "LEI-02": (3, 13, 29, 18),
        "LEI-03": (4, 16, 28, 15),
        "LEI-05": (3, 17, 29, 14),
        "LEI-06": (5, 18, 26, 14),
        "PRO-01": (8, 18, 25, 12),
        "PRO-02": (5, 17, 27, 14),
        "PRO-03": (9, 24, 22, 8),
        "PRO-04": (6, 20, 26, 11),
        "PRO-05": (6, 19, 26, 12),
        "PRF-01": (10, 28, 19, 6),
        "PRF-02": (16, 29, 14, 4),
        "PRF-03": (15, 30, 14, 4),
        "PRF-04": (17, 29, 13, 4),
        "PRF-05": (14, 28, 16, 5),
        "FIN-01": (8, 24, 23, 8),
        "FIN-02": (12, 27, 19, 5),
        "FIN-03": (10, 25, 22, 6),
        "FIN-04": (14, 28, 16, 5),
        "FIN-05": (15, 26, 17, 5),
        "ICT-01": (9, 27, 21, 6),
        "ICT-02": (17, 30, 12, 4),
        "ICT-03": (18, 28, 13, 4),
        "ICT-04": (20, 27, 12, 4),
        "ICT-05": (16, 29, 14, 4),
        "PAT-01": (8, 25, 23, 7),
        "PAT-02": (10, 27, 20, 6),
        "PAT-03": (7, 24, 25, 7),
        "PAT-05": (11, 24, 20, 8),
        "PAT-06": (17, 13, 29, 4),
        "REG-01": (9, 26, 22, 6),
        "REG-02": (20, 27, 13, 3),
        "REG-03": (7, 24, 24, 8),
        "REG-04": (22, 26, 12, 3),
        "STA-01": (4, 20, 28, 11),
        "STA-02": (10, 26, 21, 6),
        "STA-03": (9, 25, 22, 7),
        "STA-04": (6, 22, 26, 9),
    },
}

# How many submitted institutions choose each focus area. E-health leads in both
# years; in 2021 more teleconsultation and hospital care at home, less network care.
FOCUS_AREA_COUNTS: dict[int, dict[str, int]] = {
    2020: {
        "ehealth": 47,
        "intercollegiale_teleconsultatie": 26,
        "mszorg_thuis": 22,
        "netwerkzorg": 30,
        "preventie": 16,
        "substitutie_eerste_lijn": 25,
        "samen_beslissen": 18,
        "transmurale_zorgpaden": 22,
        "poliklinische_zorg": 27,
    },
    2021: {
        "ehealth": 52,
        "intercollegiale_teleconsultatie": 40,
        "mszorg_thuis": 35,
        "netwerkzorg": 22,
        "preventie": 18,
        "substitutie_eerste_lijn": 28,
        "samen_beslissen": 20,
        "transmurale_zorgpaden": 25,
        "poliklinische_zorg": 30,
        "de_implementatie": 12,
    },
}

# Intensity plans (geen / incidenteel / regelmatig / structureel) per stakeholder.
# Collaboration grows everywhere a little, most with VVT and GGZ.
COLLABORATION_PLANS: dict[int, dict[str, tuple[int, int, int, int]]] = {
    2020: {
        "huisartsen": (2, 8, 23, 25),
        "vvt": (5, 19, 23, 11),
        "ggz": (12, 24, 16, 6),
        "ggd": (12, 24, 16, 6),
        "gemeenten": (7, 22, 21, 8),
        "zorgverzekeraars": (2, 12, 25, 19),
        "andere_ziekenhuizen": (3, 12, 25, 18),
        "patientenorganisaties": (13, 25, 15, 5),
    },
    2021: {
        "huisartsen": (1, 8, 24, 30),
        "vvt": (3, 14, 27, 19),
        "ggz": (8, 22, 22, 11),
        "ggd": (12, 26, 18, 7),
        "gemeenten": (6, 22, 24, 11),
        "zorgverzekeraars": (2, 12, 27, 22),
        "andere_ziekenhuizen": (2, 13, 28, 20),
        "patientenorganisaties": (14, 27, 16, 6),
    },
}

# How many institutions put each block first in the priority ranking. In 2021 a
# third (21 of 63) put Regiovisie first.
FIRST_PRIORITY_COUNTS: dict[int, dict[str, int]] = {
    2020: {
        "regiovisie": 12,
        "patient_populatie": 10,
        "programma_organisatie": 10,
        "professionals": 8,
        "ict": 7,
        "stakeholders": 4,
        "leiderschap": 4,
        "financien": 3,
    },
    2021: {
        "regiovisie": 21,
        "patient_populatie": 9,
        "programma_organisatie": 7,
        "professionals": 7,
        "ict": 6,
        "stakeholders": 5,
        "leiderschap": 4,
        "financien": 4,
    },
}

# The weight of a block when the places after the first are drawn.
LATER_PRIORITY_WEIGHTS = {
    "regiovisie": 3.0,
    "patient_populatie": 2.5,
    "professionals": 2.0,
    "ict": 2.0,
    "programma_organisatie": 1.5,
    "stakeholders": 1.5,
    "financien": 1.0,
    "leiderschap": 1.0,
}

# Institutions that agree to be quoted: about 70 %.
CONSENT_COUNTS = {2020: 41, 2021: 44}

# Invited institutions per type in 2021: how many submitted, how many left a draft.
# The rest did not start (no response row).
SUBMITTED_PER_TYPE_2021 = {"umc": 7, "stz": 20, "algemeen": 24, "categoraal": 5, "overig": 7}
DRAFTS_PER_TYPE_2021 = {"stz": 3, "algemeen": 7, "categoraal": 2, "overig": 3}
# 2020: this many of the 2021 participants took part, plus some who did not submit in 2021.
SUBMITTED_2020_FROM_2021 = 50
SUBMITTED_2020_OTHERS = SUBMITTED[2020] - SUBMITTED_2020_FROM_2021

# Maturity: a latent score per institution that makes its answers hang together.
TYPE_MATURITY = {"umc": 0.4, "stz": 0.3, "algemeen": 0.0, "categoraal": -0.1, "overig": -0.3}
# Other care institutions lag behind hospitals on these blocks (the report, section 2).
OVERIG_LAGS_ON = {"ict": -1.5, "patient_populatie": -1.5, "regiovisie": -1.5}
# How much a single answer strays from the institution's maturity.
ANSWER_NOISE = 0.7


def check_plans() -> None:
    """Fail loudly when a plan does not add up to the number of submitted institutions."""
    for year, plans in [*LEVEL_PLANS.items(), *COLLABORATION_PLANS.items()]:
        for code, counts in plans.items():
            if sum(counts) != SUBMITTED[year]:
                raise ValueError(f"{year} {code}: {sum(counts)} answers planned, {SUBMITTED[year]} expected")
    for year, counts in FIRST_PRIORITY_COUNTS.items():
        if sum(counts.values()) != SUBMITTED[year]:
            raise ValueError(f"{year}: first priorities add up to {sum(counts.values())}")
    if sum(SUBMITTED_PER_TYPE_2021.values()) != SUBMITTED[2021]:
        raise ValueError("2021: submitted per type does not add up")
