"""The whole demo data set as a plan: its rounds, and every response in them (no ORM)."""

import datetime
import random
from dataclasses import dataclass

from surveys.demo.institutions import MAIN, DemoInstitution
from surveys.demo.open_answers import GOOD_EXAMPLE_FROM, add_open_answers
from surveys.demo.planning import (
    SEED,
    PlannedResponse,
    Shape,
    choose_participants,
    maturities,
    plan_collaboration,
    plan_focus_areas,
    plan_levels,
    plan_priorities,
    submitted_moment,
)
from surveys.demo.texts import GOOD_EXAMPLES


@dataclass(frozen=True)
class DemoRound:
    year: int
    title: str
    questionnaire: str  # code of the questionnaire version; rounds may share one
    opens_on: datetime.date
    closes_on: datetime.date
    status: str


ROUNDS = [
    DemoRound(2020, "JuMP-scan 2020", "2020", datetime.date(2020, 3, 24), datetime.date(2020, 5, 23), "published"),
    DemoRound(2021, "JuMP-scan 2021", "2021", datetime.date(2021, 3, 23), datetime.date(2021, 5, 22), "published"),
    # An open round to try the fill-in screens with: no submitted responses yet.
    DemoRound(2026, "JuMP-scan 2026", "2021", datetime.date(2026, 10, 1), datetime.date(2026, 12, 18), "open"),
]
OPEN_YEAR = 2026


def plan_dataset(shapes: dict[str, Shape]) -> dict[int, list[PlannedResponse]]:
    """year -> planned responses; `shapes` maps a questionnaire code to its shape."""
    rng = random.Random(SEED)
    people = choose_participants(rng)
    maturity = maturities(rng)
    rounds = {r.year: r for r in ROUNDS}
    plan: dict[int, list[PlannedResponse]] = {}
    for year in (2020, 2021):
        spec = rounds[year]
        plan[year] = _plan_submitted(year, shapes[spec.questionnaire], people.submitted[year], maturity, spec, rng)
    shape_2021 = shapes[rounds[2021].questionnaire]
    plan[2021] += [_plan_draft(shape_2021, institution, maturity, rng) for institution in people.drafts_2021]
    main_2021 = next(r for r in plan[2021] if r.institution.code == MAIN)
    plan[OPEN_YEAR] = [_plan_open_draft(shapes[rounds[OPEN_YEAR].questionnaire], main_2021)]
    return plan


def _plan_submitted(
    year: int,
    shape: Shape,
    people: list[DemoInstitution],
    maturity: dict[str, float],
    spec: DemoRound,
    rng: random.Random,
) -> list[PlannedResponse]:
    codes = [i.code for i in people]
    levels = plan_levels(year, shape, people, maturity, rng)
    focus = plan_focus_areas(year, codes, rng)
    collaboration = plan_collaboration(year, people, maturity, rng)
    priorities = plan_priorities(year, codes, [block for block, _ in shape.blocks], rng)
    responses = [
        PlannedResponse(
            institution=i,
            submitted=True,
            levels=levels[i.code],
            focus_areas=focus[i.code],
            collaboration=collaboration[i.code],
            priorities=priorities[i.code],
            submitted_on=submitted_moment(spec.opens_on, spec.closes_on, rng),
        )
        for i in people
    ]
    add_open_answers(year, shape, responses, rng)
    return responses


def _plan_draft(
    shape: Shape, institution: DemoInstitution, maturity: dict[str, float], rng: random.Random
) -> PlannedResponse:
    """A draft left in a closed round: the first few blocks answered, a focus area or two."""
    draft = PlannedResponse(institution=institution, submitted=False)
    for _, statements in shape.blocks[: rng.randint(1, 6)]:
        for code in statements:
            level = round(2.4 + 0.6 * maturity[institution.code] + rng.gauss(0, 0.7))
            draft.levels[code] = min(max(level, 1), 4)
    draft.focus_areas = sorted(rng.sample(shape.focus_areas, rng.randint(0, 3)), key=shape.focus_areas.index)
    return draft


def _plan_open_draft(shape: Shape, last_year: PlannedResponse) -> PlannedResponse:
    """The open round's draft of the main demo institution: three blocks done, a fourth begun.

    It starts from the institution's 2021 answers, one level up where it has grown.
    """
    draft = PlannedResponse(institution=last_year.institution, submitted=False)
    for index, (block, statements) in enumerate(shape.blocks[:4]):
        answered = statements if index < 3 else statements[:2]
        for position, code in enumerate(answered):
            grown = last_year.levels[code] + (1 if position % 2 == 0 else 0)
            draft.levels[code] = min(grown, 4)
        if index < 3 and sum(draft.levels[c] for c in statements) / len(statements) >= GOOD_EXAMPLE_FROM:
            draft.good_examples[block] = GOOD_EXAMPLES[block][0]
    draft.focus_areas = [area for area in last_year.focus_areas if area in shape.focus_areas][:3]
    draft.remarks["programma_organisatie"] = "Nog bespreken in het overleg met de VMS op 3 december."
    return draft
