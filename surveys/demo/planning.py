"""Who takes part in which demo round, and what each institution answers: pure Python, no ORM.

Every choice comes from one `random.Random(2021)` consumed in a fixed order over
institutions sorted by code, so the plan (and the database built from it) is the
same on every run. Levels follow the exact count lists of `calibration.py`; which
institution receives which level is decided by its latent *maturity* plus a little
noise per answer, so that an institution that is far on one statement tends to be
far on the others of its block, and the totals rank the institutions sensibly.
"""

import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import mean

from surveys.demo import calibration as cal
from surveys.demo.institutions import INSTITUTIONS, MAIN, OVERIG_LOGIN, UMC_LOGIN, DemoInstitution

SEED = 2021


@dataclass(frozen=True)
class Shape:
    """The parts of a questionnaire version the plan needs: codes only."""

    blocks: list[tuple[str, list[str]]]  # (block code, statement codes) in order
    focus_areas: list[str]
    stakeholders: list[str]

    def block_of(self) -> dict[str, str]:
        return {statement: block for block, statements in self.blocks for statement in statements}


@dataclass
class PlannedResponse:
    institution: DemoInstitution
    submitted: bool
    levels: dict[str, int] = field(default_factory=dict)
    focus_areas: list[str] = field(default_factory=list)
    collaboration: dict[str, int] = field(default_factory=dict)
    priorities: list[str] = field(default_factory=list)  # block codes, first = rank 1
    good_examples: dict[str, str] = field(default_factory=dict)
    remarks: dict[str, str] = field(default_factory=dict)
    pride_example: str = ""
    consent_to_quote: bool | None = None
    submitted_on: datetime.datetime | None = None

    def block_means(self, shape: Shape) -> dict[str, float]:
        return {
            block: mean(self.levels[code] for code in statements)
            for block, statements in shape.blocks
            if all(code in self.levels for code in statements)
        }


@dataclass
class Participation:
    submitted: dict[int, list[DemoInstitution]]
    drafts_2021: list[DemoInstitution]


def choose_participants(rng: random.Random) -> Participation:
    """63 submitted in 2021 (56 hospitals, 7 others), 15 drafts, and 58 submitted in 2020."""
    forced_2021 = {MAIN, UMC_LOGIN, OVERIG_LOGIN}
    submitted, drafts = [], []
    for kind, quota in cal.SUBMITTED_PER_TYPE_2021.items():
        of_kind = [i for i in INSTITUTIONS if i.type == kind]
        chosen = [i for i in of_kind if i.code in forced_2021]
        rest = [i for i in of_kind if i.code not in forced_2021]
        chosen += rng.sample(rest, quota - len(chosen))
        submitted += chosen
        left = [i for i in rest if i not in chosen]
        drafts += rng.sample(left, cal.DRAFTS_PER_TYPE_2021.get(kind, 0))
    submitted.sort(key=lambda i: i.code)
    drafts.sort(key=lambda i: i.code)
    # 2020: mostly the same institutions; the UMC of the demo login joins only in 2021.
    main = next(i for i in submitted if i.code == MAIN)
    pool = [i for i in submitted if i.code not in {MAIN, UMC_LOGIN}]
    earlier = [main, *rng.sample(pool, cal.SUBMITTED_2020_FROM_2021 - 1)]
    absent_2021 = [i for i in INSTITUTIONS if i not in submitted]
    earlier += rng.sample(absent_2021, cal.SUBMITTED_2020_OTHERS)
    return Participation(submitted={2020: sorted(earlier, key=lambda i: i.code), 2021: submitted}, drafts_2021=drafts)


def maturities(rng: random.Random) -> dict[str, float]:
    return {i.code: cal.TYPE_MATURITY[i.type] + rng.gauss(0, 1) for i in INSTITUTIONS}


def spread(counts: Sequence[int], keys: dict[str, float]) -> dict[str, int]:
    """Hand out levels 1..4 by `counts`: the lowest keys get level 1, the highest level 4."""
    order = sorted(keys, key=lambda code: (keys[code], code))
    levels = [level for level, count in enumerate(counts, start=1) for _ in range(count)]
    if len(levels) != len(order):
        raise ValueError(f"{len(levels)} levels planned for {len(order)} institutions")
    return dict(zip(order, levels, strict=True))


def _lag(institution: DemoInstitution, block: str) -> float:
    return cal.OVERIG_LAGS_ON.get(block, 0.0) if institution.type == "overig" else 0.0


def plan_levels(
    year: int, shape: Shape, people: list[DemoInstitution], maturity: dict[str, float], rng: random.Random
) -> dict[str, dict[str, int]]:
    """institution code -> statement code -> level, exactly following the year's level plans."""
    plans = cal.LEVEL_PLANS[year]
    codes = [code for _, statements in shape.blocks for code in statements]
    if set(codes) != set(plans):
        raise ValueError(f"The demo level plans for {year} do not match the questionnaire's statements.")
    result: dict[str, dict[str, int]] = {i.code: {} for i in people}
    for block, statements in shape.blocks:
        for code in statements:
            keys = {i.code: maturity[i.code] + _lag(i, block) + rng.gauss(0, cal.ANSWER_NOISE) for i in people}
            for institution_code, level in spread(plans[code], keys).items():
                result[institution_code][code] = level
    return result


def plan_focus_areas(year: int, people: list[str], rng: random.Random) -> dict[str, list[str]]:
    """Exact counts per focus area; everyone who skips the first area takes the second, so none is empty."""
    counts = cal.FOCUS_AREA_COUNTS[year]
    order = list(counts)
    chosen: dict[str, list[str]] = {code: [] for code in people}
    first = set(rng.sample(people, counts[order[0]]))
    without = [code for code in people if code not in first]
    second = set(without) | set(rng.sample(sorted(first), counts[order[1]] - len(without)))
    picks = {order[0]: first, order[1]: second}
    for area in order[2:]:
        picks[area] = set(rng.sample(people, counts[area]))
    for area in order:
        for code in people:
            if code in picks[area]:
                chosen[code].append(area)
    return chosen


def plan_collaboration(
    year: int, people: list[DemoInstitution], maturity: dict[str, float], rng: random.Random
) -> dict[str, dict[str, int]]:
    result: dict[str, dict[str, int]] = {i.code: {} for i in people}
    for stakeholder, counts in cal.COLLABORATION_PLANS[year].items():
        keys = {i.code: maturity[i.code] + rng.gauss(0, 0.9) for i in people}
        for code, level in spread(counts, keys).items():
            result[code][stakeholder] = level
    return result


def plan_priorities(year: int, people: list[str], blocks: list[str], rng: random.Random) -> dict[str, list[str]]:
    firsts = [block for block, count in cal.FIRST_PRIORITY_COUNTS[year].items() for _ in range(count)]
    rng.shuffle(firsts)
    result = {}
    for code, first in zip(people, firsts, strict=True):
        rest = [block for block in blocks if block != first]
        ranking = [first]
        while rest:
            pick = rng.choices(rest, weights=[cal.LATER_PRIORITY_WEIGHTS[b] for b in rest])[0]
            ranking.append(pick)
            rest.remove(pick)
        result[code] = ranking
    return result


def submitted_moment(opens_on: datetime.date, closes_on: datetime.date, rng: random.Random) -> datetime.datetime:
    """A working-day hour inside the window (naive: the caller makes it aware in the site's time zone)."""
    day = opens_on + datetime.timedelta(days=rng.randint(1, (closes_on - opens_on).days))
    if day.weekday() >= 5:  # a weekend: the Friday before (the windows open on a Tuesday)
        day -= datetime.timedelta(days=day.weekday() - 4)
    return datetime.datetime.combine(day, datetime.time(rng.randint(8, 17), rng.randint(0, 59)))
