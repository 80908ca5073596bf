"""Assemble the national picture of a round from its frames: pandas and numpy in, plain values out.

No ORM, request or settings here: `compute(frames, ...)` takes what `frames.load_frames`
read, and everything a picture holds is computed from it.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from factsheets.aggregation.figures import LEVELS, Counts, Sides
from factsheets.aggregation.frames import Frames
from factsheets.aggregation.groups import DIMENSIONS, HOSPITALS, NATIONAL, OTHER
from factsheets.aggregation.participation import invited, response_figures
from factsheets.aggregation.pictures import (
    BlockInfo,
    Group,
    NationalPicture,
    OptionInfo,
    RoundInfo,
    StatementInfo,
    Suppressed,
    Trend,
)
from factsheets.aggregation.prepare import PreparedRound, prepare
from factsheets.aggregation.quotes import pride_examples, quotes
from factsheets.aggregation.trends import comparable_ancestors, comparable_scores
from surveys.models import InstitutionType, Region

# Raised whenever the method changes in a way that can change a published figure;
# docs/methodology.md carries the same number and says what changed.
METHOD_VERSION = "1.0"
KEY_ORDER = {
    "national": [NATIONAL],
    "sector": [HOSPITALS, OTHER],
    "type": list(InstitutionType.values),
    "region": list(Region.values),
}


@dataclass(frozen=True)
class Computation:
    """A round (and its previous round) prepared once, from which every picture is built."""

    current: PreparedRound
    previous: PreparedRound | None
    # This round's statement position -> its comparable predecessor's position in the previous round.
    ancestors: dict[int, int]
    comparable_current: np.ndarray | None  # responses × blocks, over comparable statements only
    comparable_previous: np.ndarray | None
    institutions: pd.DataFrame
    min_group_size: int


def compute(frames: Frames, round_id: int, previous_round_id: int | None, *, min_group_size: int) -> Computation:
    current = prepare(frames, round_id)
    previous = prepare(frames, previous_round_id) if previous_round_id is not None else None
    return combine(current, previous, frames, min_group_size=min_group_size)


def combine(
    current: PreparedRound, previous: PreparedRound | None, frames: Frames, *, min_group_size: int
) -> Computation:
    """Set a prepared round beside its prepared previous round (`frames` gives statements and institutions)."""
    ancestors: dict[int, int] = {}
    comparable_current = comparable_previous = None
    if previous is not None:
        by_id = comparable_ancestors(frames.statements, current.version.id, previous.version.id)
        now = _positions(current.version.statements["statement_id"])
        before = _positions(previous.version.statements["statement_id"])
        ancestors = {now[c]: before[p] for c, p in by_id.items() if c in now and p in before}
        comparable_current, comparable_previous = comparable_scores(current, previous, ancestors)
    return Computation(
        current=current,
        previous=previous,
        ancestors=ancestors,
        comparable_current=comparable_current,
        comparable_previous=comparable_previous,
        institutions=frames.institutions,
        min_group_size=min_group_size,
    )


def _positions(ids: pd.Series) -> dict[int, int]:
    return {int(statement_id): position for position, statement_id in enumerate(ids)}


def national_trend(computation: Computation) -> Trend | None:
    """Only the national trend of a round against its previous round (for a series of rounds)."""
    if computation.previous is None:
        return None
    counts = [Counts(computation.current, computation.comparable_current)]
    counts.append(Counts(computation.previous, computation.comparable_previous))
    return _sides(computation, counts, "national").trend(NATIONAL)


def _sides(computation: Computation, counts: list[Counts], dimension: str) -> Sides:
    return Sides(counts, dimension, computation.min_group_size, computation.ancestors)


def national_picture(computation: Computation, *, method_version: str = METHOD_VERSION) -> NationalPicture:
    c, p = computation.current, computation.previous
    counts = [Counts(c, computation.comparable_current)]
    if p is not None:
        counts.append(Counts(p, computation.comparable_previous))
    sides = {dimension: _sides(computation, counts, dimension) for dimension in ("national", *DIMENSIONS)}
    groups = []
    for dimension in DIMENSIONS:
        side = sides[dimension]
        for key in _ordered_keys(dimension, side.current.sizes):
            n = side.current.sizes[key]
            reason = side.current.reasons[key]
            figures = (
                Suppressed(group=f"{dimension}:{key}", n=n, minimum=computation.min_group_size, reason=reason)
                if reason
                else side.figures(key)
            )
            groups.append(Group(dimension=dimension, key=key, n=n, figures=figures))
    return NationalPicture(
        round=RoundInfo(
            id=c.round_id,
            year=c.year,
            title=c.title,
            status=c.status,
            questionnaire_id=c.version.id,
            questionnaire_code=c.version.code,
            previous_year=p.year if p else None,
            previous_questionnaire_code=p.version.code if p else None,
        ),
        method_version=method_version,
        min_group_size=computation.min_group_size,
        blocks=[
            BlockInfo(code=row.code, name=row.name, name_en=row.name_en, position=int(row.position))
            for row in c.version.blocks.itertuples()
        ],
        statements=_statement_infos(computation),
        focus_areas=_options(c.version.focus_areas),
        stakeholders=_options(c.version.stakeholders),
        response=response_figures(invited(computation.institutions, c.all_cells.reset_index(), c.closes_on)),
        national=sides["national"].figures(NATIONAL),
        groups=groups,
        quotes=quotes(c.block_answers, c.scores, c.responses, c.version.block_codes),
        pride_examples=pride_examples(c.responses, c.totals),
    )


def _ordered_keys(dimension: str, sizes: dict[str, int]) -> list[str]:
    known = [key for key in KEY_ORDER[dimension] if sizes.get(key, 0) > 0]
    return known + sorted(key for key in sizes if key not in KEY_ORDER[dimension] and sizes[key] > 0)


def _statement_infos(computation: Computation) -> list[StatementInfo]:
    previous_codes = computation.previous.version.statement_codes if computation.previous is not None else []
    infos = []
    for s, row in enumerate(computation.current.version.statements.to_dict("records")):
        ancestor = computation.ancestors.get(s)
        infos.append(
            StatementInfo(
                code=row["code"],
                block=row["block"],
                position=int(row["position"]),
                text=row["text"],
                text_en=row["text_en"],
                levels=[row[f"level_{level}"] for level in LEVELS],
                levels_en=[row[f"level_{level}_en"] for level in LEVELS],
                verbatim=bool(row["verbatim"]),
                lineage=row["lineage"],
                comparable_to=previous_codes[ancestor] if ancestor is not None else None,
            )
        )
    return infos


def _options(options: pd.DataFrame) -> list[OptionInfo]:
    return [
        OptionInfo(code=row.code, label=row.label, label_en=row.label_en, position=int(row.position))
        for row in options.itertuples()
    ]
