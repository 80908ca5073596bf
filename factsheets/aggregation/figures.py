"""A comparison group's `Figures` (or the nation's), this round beside the previous one.

Counts are made once per round per cell (`Counts`), summed up per dimension (`Side`), and
a group's `Figures` are read off both rounds (`Sides`).
"""

import numpy as np
import pandas as pd

from factsheets.aggregation import distributions as dist
from factsheets.aggregation.groups import NATIONAL, suppression
from factsheets.aggregation.pictures import (
    BlockScore,
    CollaborationFigures,
    Figures,
    FocusAreaShare,
    PriorityFigures,
    StatementFigures,
    Trend,
)
from factsheets.aggregation.prepare import PreparedRound
from factsheets.aggregation.priorities import group_view
from factsheets.aggregation.scores import EMPTY, mean, summary, totals
from factsheets.aggregation.trends import change

LEVELS = [1, 2, 3, 4]


class Counts:
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


class Side:
    """One round's figures for every group of one dimension, as plain lookups by group key."""

    def __init__(self, counts: Counts, dimension: str, minimum: int) -> None:
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


class Sides:
    """This round and the previous one for one dimension; builds a group's `Figures`."""

    def __init__(self, counts: list[Counts], dimension: str, minimum: int, ancestors: dict[int, int]) -> None:
        # `ancestors`: this round's statement position -> its comparable predecessor's position.
        self.ancestors = ancestors
        self.current = Side(counts[0], dimension, minimum)
        self.previous = Side(counts[1], dimension, minimum) if len(counts) > 1 else None

    def _previous_for(self, key: str) -> "Side | None":
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

    def _statements(self, key: str, prev: "Side | None") -> list[StatementFigures]:
        cur = self.current
        levels = cur.levels.get(key)
        before_levels = prev.levels.get(key) if prev is not None else None
        figures = []
        for s, code in enumerate(cur.round.version.statement_codes):
            counts = levels[s] if levels is not None else [0] * len(LEVELS)
            ancestor = self.ancestors.get(s)
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

    def _focus_areas(self, key: str, prev: "Side | None") -> list[FocusAreaShare]:
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

    def _collaboration(self, key: str, prev: "Side | None") -> list[CollaborationFigures]:
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
            if s in self.ancestors:
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
