"""Assemble the national picture of a round from its frames: pandas and numpy in, plain values out.

No ORM, request or settings here: `compute(frames, ...)` takes what `frames.load_frames`
read, and everything a picture holds is computed from it.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from factsheets.aggregation import distributions as dist
from factsheets.aggregation.frames import Frames
from factsheets.aggregation.groups import DIMENSIONS, HOSPITALS, NATIONAL, OTHER, suppression
from factsheets.aggregation.participation import invited, response_figures
from factsheets.aggregation.pictures import (
    BlockInfo,
    BlockScore,
    CollaborationFigures,
    Figures,
    FocusAreaShare,
    Group,
    NationalPicture,
    OptionInfo,
    PriorityFigures,
    RoundInfo,
    StatementFigures,
    StatementInfo,
    Suppressed,
    Trend,
)
from factsheets.aggregation.prepare import PreparedRound, prepare
from factsheets.aggregation.priorities import group_view
from factsheets.aggregation.quotes import pride_examples, quotes
from factsheets.aggregation.scores import EMPTY, mean, summary, totals
from factsheets.aggregation.trends import change, comparable_ancestors, comparable_scores
from surveys.models import InstitutionType, Region

# Raised whenever the method changes in a way that can change a published figure;
# docs/methodology.md carries the same number and says what changed.
METHOD_VERSION = "1.0"
LEVELS = [1, 2, 3, 4]
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
    counts = [_Counts(computation.current, computation.comparable_current)]
    counts.append(_Counts(computation.previous, computation.comparable_previous))
    sides = _Sides(computation, counts, "national")
    return sides.trend(NATIONAL)


def national_picture(computation: Computation, *, method_version: str = METHOD_VERSION) -> NationalPicture:
    c, p = computation.current, computation.previous
    counts = [_Counts(c, computation.comparable_current)]
    if p is not None:
        counts.append(_Counts(p, computation.comparable_previous))
    sides = {dimension: _Sides(computation, counts, dimension) for dimension in ("national", *DIMENSIONS)}
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


class _Counts:
    """A round's counts per cell (declared type × region): made once, then summed up to every dimension."""

    def __init__(self, r: PreparedRound, comparable: np.ndarray | None) -> None:
        self.round = r
        self.index = dist.cell_index(r.cells)
        self.comparable = comparable
        self.comparable_totals = totals(comparable) if comparable is not None else None
        self.responses = dist.response_counts(self.index)
        version, answers = r.version, r.answers
        self.levels = dist.counts(
            self.index, answers["r"].to_numpy(), answers["s"].to_numpy(), answers["level"].to_numpy(),
            len(version.statements), len(LEVELS),
        )  # fmt: skip
        self.focus = dist.item_counts(
            self.index, r.focus_choices["r"].to_numpy(), r.focus_choices["f"].to_numpy(), len(version.focus_areas)
        )
        self.collaboration = dist.counts(
            self.index, r.collaboration["r"].to_numpy(), r.collaboration["k"].to_numpy(),
            r.collaboration["intensity"].to_numpy(), len(version.stakeholders), len(LEVELS),
        )  # fmt: skip
        self.ranks_scale = list(range(1, len(version.blocks) + 1))
        self.ranks = dist.counts(
            self.index, r.priorities["r"].to_numpy(), r.priorities["b"].to_numpy(), r.priorities["rank"].to_numpy(),
            len(version.blocks), len(self.ranks_scale),
        )  # fmt: skip


class _Side:
    """One round's figures for every group of one dimension, as plain lookups by group key."""

    def __init__(self, counts: _Counts, dimension: str, minimum: int) -> None:
        r, index = counts.round, counts.index
        self.round = r
        self.sizes = {key: int(n) for key, n in dist.rollup(counts.responses, index, dimension).items()}
        # The nation itself is always shown.
        self.reasons = {NATIONAL: None} if dimension == "national" else suppression(self.sizes, minimum)
        member = index.keys(dimension)[index.code] if len(index.code) else np.array([], dtype=object)
        rows = {key: member == key for key in self.sizes}
        codes = r.version.block_codes
        self.blocks = {(k, code): summary(r.scores[rows[k], b]) for k in rows for b, code in enumerate(codes)}
        self.total = {k: summary(r.totals[rows[k]]) for k in rows}
        self.levels = dist.rollup(counts.levels, index, dimension)
        self.focus = dist.rollup(counts.focus, index, dimension)
        self.collaboration = dist.rollup(counts.collaboration, index, dimension)
        self.ranks_scale = counts.ranks_scale
        self.ranks = dist.rollup(counts.ranks, index, dimension)
        self.comparable_blocks: dict = {}
        self.comparable_total: dict = {}
        if counts.comparable is not None:
            for k in rows:
                for b in range(len(codes)):
                    self.comparable_blocks[(k, b)] = mean(counts.comparable[rows[k], b])
                self.comparable_total[k] = mean(counts.comparable_totals[rows[k]])

    def shown(self, key: str) -> bool:
        return self.sizes.get(key, 0) > 0 and not self.reasons.get(key)


class _Sides:
    """This round and the previous one for one dimension; builds a group's `Figures`."""

    def __init__(self, computation: Computation, counts: list[_Counts], dimension: str) -> None:
        minimum = computation.min_group_size
        self.computation = computation
        self.current = _Side(counts[0], dimension, minimum)
        self.previous = _Side(counts[1], dimension, minimum) if len(counts) > 1 else None

    def _previous_for(self, key: str) -> "_Side | None":
        # A group withheld in the previous round shows no previous figures either.
        return self.previous if self.previous is not None and self.previous.shown(key) else None

    def figures(self, key: str) -> Figures:
        cur, prev = self.current, self._previous_for(key)
        blocks = cur.round.version.block_codes
        priorities = [self._priority(key, b, code) for b, code in enumerate(blocks)]
        return Figures(
            n=cur.sizes.get(key, 0),
            blocks=[BlockScore(block=code, summary=cur.blocks.get((key, code), EMPTY)) for code in blocks],
            total=cur.total.get(key, EMPTY),
            statements=self._statements(key, prev),
            focus_areas=self._focus_areas(key, prev),
            collaboration=self._collaboration(key, prev),
            priorities=priorities,
            priority_vs_score=group_view(
                blocks,
                {f.block: f.mean_rank for f in priorities},
                {code: cur.blocks.get((key, code), EMPTY).mean for code in blocks},
            ),
            trend=self.trend(key),
        )

    def _statements(self, key: str, prev: "_Side | None") -> list[StatementFigures]:
        cur = self.current
        levels = cur.levels.get(key)
        before_levels = prev.levels.get(key) if prev is not None else None
        figures = []
        for s, code in enumerate(cur.round.version.statement_codes):
            counts = levels[s] if levels is not None else [0] * len(LEVELS)
            ancestor = self.computation.ancestors.get(s)
            before = before_levels[ancestor] if before_levels is not None and ancestor is not None else None
            if before is not None and not before.sum():
                before = None
            figures.append(
                StatementFigures(
                    statement=code,
                    distribution=dist.distribution(counts),
                    mean=dist.weighted_mean(counts, LEVELS),
                    previous=dist.distribution(before) if before is not None else None,
                    previous_mean=dist.weighted_mean(before, LEVELS) if before is not None else None,
                )
            )
        return figures

    def _focus_areas(self, key: str, prev: "_Side | None") -> list[FocusAreaShare]:
        n = self.current.sizes.get(key, 0)
        chosen = self.current.focus.get(key)
        earlier = _positions_of(prev.round.version.focus_areas["code"]) if prev is not None else {}
        before_n = prev.sizes.get(key, 0) if prev is not None else 0
        before_chosen = prev.focus.get(key) if prev is not None else None
        shares = []
        for f, code in enumerate(self.current.round.version.focus_areas["code"]):
            count = int(chosen[f]) if chosen is not None else 0
            was = earlier.get(code)
            before = (int(before_chosen[was]) if before_chosen is not None else 0) if was is not None else None
            shares.append(
                FocusAreaShare(
                    focus_area=code,
                    count=count,
                    n=n,
                    share=count / n if n else None,
                    previous_count=before,
                    previous_n=before_n if was is not None else None,
                    previous_share=before / before_n if was is not None and before_n else None,
                )
            )
        return shares

    def _collaboration(self, key: str, prev: "_Side | None") -> list[CollaborationFigures]:
        table = self.current.collaboration.get(key)
        earlier = _positions_of(prev.round.version.stakeholders["code"]) if prev is not None else {}
        before_table = prev.collaboration.get(key) if prev is not None else None
        figures = []
        for k, code in enumerate(self.current.round.version.stakeholders["code"]):
            counts = table[k] if table is not None else [0] * len(LEVELS)
            was = earlier.get(code)
            before = before_table[was] if before_table is not None and was is not None else None
            if before is not None and not before.sum():
                before = None
            figures.append(
                CollaborationFigures(
                    stakeholder=code,
                    distribution=dist.distribution(counts),
                    mean=dist.weighted_mean(counts, LEVELS),
                    previous=dist.distribution(before) if before is not None else None,
                    previous_mean=dist.weighted_mean(before, LEVELS) if before is not None else None,
                )
            )
        return figures

    def _priority(self, key: str, b: int, code: str) -> PriorityFigures:
        scale = self.current.ranks_scale
        table = self.current.ranks.get(key)
        counts = [int(c) for c in table[b]] if table is not None else [0] * len(scale)
        n = sum(counts)
        return PriorityFigures(
            block=code,
            distribution=dist.distribution(counts),
            mean_rank=dist.weighted_mean(counts, scale),
            top3_share=sum(counts[:3]) / n if n else None,
        )

    def trend(self, key: str) -> Trend | None:
        cur, prev = self.current, self._previous_for(key)
        if prev is None:
            return None
        statements = cur.round.version.statements
        codes = cur.round.version.block_codes
        comparable = {b: [] for b in range(len(codes))}
        for s, (code, b) in enumerate(zip(statements["code"], statements["b"], strict=True)):
            if s in self.computation.ancestors:
                comparable[int(b)].append(code)
        blocks = [
            change(
                code,
                mean=cur.blocks.get((key, code), EMPTY).mean,
                previous_mean=prev.blocks.get((key, code), EMPTY).mean,
                corrected_mean=cur.comparable_blocks.get((key, b)),
                corrected_previous_mean=prev.comparable_blocks.get((key, b)),
                comparable_statements=comparable[b],
            )
            for b, code in enumerate(codes)
        ]
        total = change(
            "total",
            mean=cur.total.get(key, EMPTY).mean,
            previous_mean=prev.total.get(key, EMPTY).mean,
            corrected_mean=cur.comparable_total.get(key),
            corrected_previous_mean=prev.comparable_total.get(key),
            comparable_statements=[code for codes_of_block in comparable.values() for code in codes_of_block],
        )
        return Trend(previous_year=prev.round.year, blocks=blocks, total=total)


def _positions_of(codes: pd.Series) -> dict[str, int]:
    return {code: position for position, code in enumerate(codes)}
