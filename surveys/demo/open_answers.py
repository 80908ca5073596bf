"""The open answers of the planned demo responses: good examples, remarks, pride, consent."""

import random
from itertools import cycle
from statistics import mean

from surveys.demo import calibration as cal
from surveys.demo import texts
from surveys.demo.institutions import OVERIG_LOGIN
from surveys.demo.planning import PlannedResponse, Shape

GOOD_EXAMPLE_FROM = 3  # the good-example question is asked when a block scores 3 or 4


def add_open_answers(year: int, shape: Shape, responses: list[PlannedResponse], rng: random.Random) -> None:
    """Fill the open answers of complete (submitted) responses, in place."""
    # Each block's examples are handed out in turn, so the same text recurs as little as possible.
    pools = {block: cycle(rng.sample(examples, len(examples))) for block, examples in texts.GOOD_EXAMPLES.items()}
    for response in responses:
        for block, score in response.block_means(shape).items():
            if score >= GOOD_EXAMPLE_FROM:
                response.good_examples[block] = next(pools[block])
        _add_remarks(response, shape, rng)
    quoted = _place_prevention_quotes(shape, responses) if year == 2021 else set()
    quoted |= _add_pride_examples(year, shape, responses, rng)
    if year == 2021:
        hostile = next(r for r in responses if r.institution.code == OVERIG_LOGIN)
        hostile.remarks["ict"] = texts.HOSTILE_REMARK
    _add_consent(year, responses, quoted, rng)


def _add_remarks(response: PlannedResponse, shape: Shape, rng: random.Random) -> None:
    blocks = [block for block, _ in shape.blocks]
    for chance in (0.45, 0.15):
        if rng.random() < chance:
            block = rng.choice(blocks)
            response.remarks[block] = rng.choice(texts.REMARKS[block])


def _place_prevention_quotes(shape: Shape, responses: list[PlannedResponse]) -> set[str]:
    """Give the report's prevention quotes to institutions that could have written them.

    Only where the good-example question was asked (Patiënt & populatie scores 3 or
    more); preferably in the province the quote names, at the quote's PAT-06 level.
    """
    used: set[str] = set()
    for level, region, quote in texts.PREVENTION_QUOTES:
        asked = [
            r
            for r in responses
            if r.block_means(shape).get("patient_populatie", 0) >= GOOD_EXAMPLE_FROM
            and r.levels.get("PAT-06", 0) >= GOOD_EXAMPLE_FROM
            and r.institution.code not in used
        ]
        preferences = [
            [r for r in asked if r.institution.region == region and r.levels["PAT-06"] == level],
            [r for r in asked if r.institution.region == region],
            [r for r in asked if r.levels["PAT-06"] == level],
            asked,
        ]
        chosen = next((group[0] for group in preferences if group), None)
        if chosen:
            chosen.good_examples["patient_populatie"] = quote
            used.add(chosen.institution.code)
    return used


def _add_pride_examples(year: int, shape: Shape, responses: list[PlannedResponse], rng: random.Random) -> set[str]:
    """The five highest total scores carry the report's pride examples (2021); the rest draw from the pool.

    The total score is the mean of the institution's block scores, as in the report.
    """
    top = sorted(responses, key=lambda r: (-mean(r.block_means(shape).values()), r.institution.code))[:5]
    featured = [*texts.REPORT_PRIDE_EXAMPLES, texts.PRIDE_EXAMPLES[0]] if year == 2021 else []
    for response, example in zip(top, featured, strict=False):
        response.pride_example = example
    for response in responses:
        if not response.pride_example:
            response.pride_example = rng.choice(texts.PRIDE_EXAMPLES)
    return {r.institution.code for r in top}


def _add_consent(year: int, responses: list[PlannedResponse], quoted: set[str], rng: random.Random) -> None:
    """About 70 % consent; those whose words the report quotes always do."""
    others = [r.institution.code for r in responses if r.institution.code not in quoted]
    consenting = quoted | set(rng.sample(others, cal.CONSENT_COUNTS[year] - len(quoted)))
    for response in responses:
        response.consent_to_quote = response.institution.code in consenting
