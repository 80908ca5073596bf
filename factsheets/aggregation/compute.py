"""Assemble the national picture of a round from its frames: pure pandas in, plain values out.

No ORM, request or settings here: `compute(frames, ...)` takes what `frames.load_frames`
read, and everything a picture holds is computed from it.
"""

from dataclasses import dataclass

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
    Summary,
    Suppressed,
    Trend,
)
from factsheets.aggregation.prepare import PreparedRound, prepare
from factsheets.aggregation.priorities import group_view
from factsheets.aggregation.quotes import pride_examples, quotes
from factsheets.aggregation.scores import SUMMARY_COLUMNS, summaries, total_scores
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
    ancestors: dict[int, int]  # this round's statement id -> comparable predecessor's id
    comparable_current: pd.DataFrame | None  # block scores over comparable statements
    comparable_previous: pd.DataFrame | None
    institutions: pd.DataFrame
    min_group_size: int


def compute(frames: Frames, round_id: int, previous_round_id: int | None, *, min_group_size: int) -> Computation:
    current = prepare(frames, round_id)
    previous = prepare(frames, previous_round_id) if previous_round_id is not None else None
    ancestors: dict[int, int] = {}
    comparable_current = comparable_previous = None
    if previous is not None:
        ancestors = comparable_ancestors(frames.statements, current.version.id, previous.version.id)
        comparable_current, comparable_previous = comparable_scores(
            current.answers, previous.answers, ancestors, current.version.block_of
        )
    return Computation(
        current=current,
        previous=previous,
        ancestors=ancestors,
        comparable_current=comparable_current,
        comparable_previous=comparable_previous,
        institutions=frames.institutions,
        min_group_size=min_group_size,
    )


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
    all_responses = c.all_cells.reset_index()
    consenting = c.responses[c.responses["consent_to_quote"].fillna(False).astype(bool)]
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
        response=response_figures(invited(computation.institutions, all_responses, c.closes_on)),
        national=sides["national"].figures(NATIONAL),
        groups=groups,
        quotes=quotes(
            c.block_answers,
            c.scores,
            consenting.set_index("response_id")["name"],
            c.version.block_codes,
        ),
        pride_examples=pride_examples(consenting, c.totals.set_index("response_id")["total"]),
    )


def _ordered_keys(dimension: str, sizes: dict[str, int]) -> list[str]:
    known = [key for key in KEY_ORDER[dimension] if sizes.get(key, 0) > 0]
    return known + sorted(key for key in sizes if key not in KEY_ORDER[dimension] and sizes[key] > 0)


def _statement_infos(computation: Computation) -> list[StatementInfo]:
    statements = computation.current.version.statements
    previous_code = {}
    if computation.previous is not None:
        previous_code = dict(
            zip(
                computation.previous.version.statements["statement_id"],
                computation.previous.version.statements["code"],
                strict=True,
            )
        )
    return [
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
            comparable_to=previous_code.get(computation.ancestors.get(int(row["statement_id"]))),
        )
        for row in statements.to_dict("records")
    ]


def _options(options: pd.DataFrame) -> list[OptionInfo]:
    return [
        OptionInfo(code=row.code, label=row.label, label_en=row.label_en, position=int(row.position))
        for row in options.itertuples()
    ]


class _Counts:
    """A round's counts per (type, region) cell: made once, then summed up to every dimension."""

    def __init__(self, r: PreparedRound, comparable: pd.DataFrame | None) -> None:
        cells = r.cells
        self.round = r
        self.comparable = comparable
        self.comparable_totals = total_scores(comparable) if comparable is not None else None
        self.responses = dist.response_counts(cells)
        self.levels = dist.cell_counts(r.answers, cells, "statement_id", "level", LEVELS)
        self.focus = dist.cell_item_counts(r.focus_choices, cells, "focus_area")
        self.collaboration = dist.cell_counts(r.collaboration, cells, "stakeholder", "intensity", LEVELS)
        self.ranks_scale = list(range(1, len(r.version.block_codes) + 1))
        self.ranks = dist.cell_counts(r.priorities, cells, "block", "rank", self.ranks_scale)


class _Side:
    """One round's figures for every group of one dimension, as plain lookups."""

    def __init__(self, counts: _Counts, dimension: str, minimum: int) -> None:
        r, cells = counts.round, counts.round.cells
        self.round = r
        self.sizes = {k: int(n) for k, n in dist.rollup(counts.responses, dimension).items()}
        # The nation itself is always shown.
        self.reasons = {NATIONAL: None} if dimension == "national" else suppression(self.sizes, minimum)
        self.blocks = _summary_map(summaries(_keyed(r.scores, cells, dimension), "score", ["key", "block"]))
        self.total = _summary_map(summaries(_keyed(r.totals, cells, dimension), "total", ["key"]))
        self.levels = _rows(dist.rollup(counts.levels, dimension))
        self.focus = _rows(dist.rollup(counts.focus, dimension))
        self.collaboration = _rows(dist.rollup(counts.collaboration, dimension))
        self.ranks_scale = counts.ranks_scale
        self.ranks = _rows(dist.rollup(counts.ranks, dimension))
        self.comparable_blocks: dict = {}
        self.comparable_total: dict = {}
        if counts.comparable is not None:
            self.comparable_blocks = _means(_keyed(counts.comparable, cells, dimension), "score", ["key", "block"])
            self.comparable_total = _means(_keyed(counts.comparable_totals, cells, dimension), "total", ["key"])

    def shown(self, key: str) -> bool:
        return self.sizes.get(key, 0) > 0 and not self.reasons.get(key)


class _Sides:
    """This round and the previous one for one dimension; builds a group's `Figures`."""

    def __init__(self, computation: Computation, counts: list[_Counts], dimension: str) -> None:
        minimum = computation.min_group_size
        self.computation = computation
        self.current = _Side(counts[0], dimension, minimum)
        self.previous = _Side(counts[1], dimension, minimum) if len(counts) > 1 else None

    def figures(self, key: str) -> Figures:
        cur = self.current
        prev = self.previous if self.previous is not None and self.previous.shown(key) else None
        blocks = cur.round.version.block_codes
        block_means = {b: cur.blocks.get((key, b), _EMPTY).mean for b in blocks}
        priorities = [self._priority(key, block) for block in blocks]
        return Figures(
            n=cur.sizes.get(key, 0),
            blocks=[BlockScore(block=b, summary=cur.blocks.get((key, b), _EMPTY)) for b in blocks],
            total=cur.total.get(key, _EMPTY),
            statements=self._statements(key, prev),
            focus_areas=self._focus_areas(key, prev),
            collaboration=self._collaboration(key, prev),
            priorities=priorities,
            priority_vs_score=group_view(blocks, {f.block: f.mean_rank for f in priorities}, block_means),
            trend=self._trend(key, prev) if prev is not None else None,
        )

    def _statements(self, key: str, prev: _Side | None) -> list[StatementFigures]:
        figures = []
        for sid, code in zip(
            self.current.round.version.statements["statement_id"],
            self.current.round.version.statements["code"],
            strict=True,
        ):
            counts = self.current.levels.get((key, int(sid)), [0] * len(LEVELS))
            ancestor = self.computation.ancestors.get(int(sid))
            before = prev.levels.get((key, ancestor)) if prev is not None and ancestor is not None else None
            figures.append(
                StatementFigures(
                    statement=code,
                    distribution=dist.distribution(counts),
                    mean=dist.weighted_mean(counts, LEVELS),
                    previous=dist.distribution(before) if before else None,
                    previous_mean=dist.weighted_mean(before, LEVELS) if before else None,
                )
            )
        return figures

    def _focus_areas(self, key: str, prev: _Side | None) -> list[FocusAreaShare]:
        n = self.current.sizes.get(key, 0)
        earlier = set(prev.round.version.focus_areas["code"]) if prev is not None else set()
        shares = []
        for code in self.current.round.version.focus_areas["code"]:
            count = self.current.focus.get((key, code), 0)
            before_n = prev.sizes.get(key, 0) if code in earlier else None
            before = prev.focus.get((key, code), 0) if code in earlier else None
            shares.append(
                FocusAreaShare(
                    focus_area=code,
                    count=count,
                    n=n,
                    share=count / n if n else None,
                    previous_count=before,
                    previous_n=before_n,
                    previous_share=before / before_n if before_n else None,
                )
            )
        return shares

    def _collaboration(self, key: str, prev: _Side | None) -> list[CollaborationFigures]:
        earlier = set(prev.round.version.stakeholders["code"]) if prev is not None else set()
        figures = []
        for code in self.current.round.version.stakeholders["code"]:
            counts = self.current.collaboration.get((key, code), [0] * len(LEVELS))
            before = prev.collaboration.get((key, code)) if code in earlier else None
            figures.append(
                CollaborationFigures(
                    stakeholder=code,
                    distribution=dist.distribution(counts),
                    mean=dist.weighted_mean(counts, LEVELS),
                    previous=dist.distribution(before) if before else None,
                    previous_mean=dist.weighted_mean(before, LEVELS) if before else None,
                )
            )
        return figures

    def _priority(self, key: str, block: str) -> PriorityFigures:
        scale = self.current.ranks_scale
        counts = self.current.ranks.get((key, block), [0] * len(scale))
        n = sum(counts)
        return PriorityFigures(
            block=block,
            distribution=dist.distribution(counts),
            mean_rank=dist.weighted_mean(counts, scale),
            top3_share=sum(counts[:3]) / n if n else None,
        )

    def _trend(self, key: str, prev: _Side) -> Trend:
        cur = self.current
        ancestors = self.computation.ancestors
        statements = cur.round.version.statements
        comparable = {
            block: [
                code
                for sid, code, b in zip(
                    statements["statement_id"], statements["code"], statements["block"], strict=True
                )
                if b == block and int(sid) in ancestors
            ]
            for block in cur.round.version.block_codes
        }
        blocks = [
            change(
                block,
                mean=cur.blocks.get((key, block), _EMPTY).mean,
                previous_mean=prev.blocks.get((key, block), _EMPTY).mean,
                corrected_mean=cur.comparable_blocks.get((key, block)),
                corrected_previous_mean=prev.comparable_blocks.get((key, block)),
                comparable_statements=comparable[block],
            )
            for block in cur.round.version.block_codes
        ]
        total = change(
            "total",
            mean=cur.total.get(key, _EMPTY).mean,
            previous_mean=prev.total.get(key, _EMPTY).mean,
            corrected_mean=cur.comparable_total.get(key),
            corrected_previous_mean=prev.comparable_total.get(key),
            comparable_statements=[code for codes in comparable.values() for code in codes],
        )
        return Trend(previous_year=prev.round.year, blocks=blocks, total=total)


_EMPTY = Summary(n=0, mean=None, median=None, q1=None, q3=None)


def _keyed(frame: pd.DataFrame, cells: pd.DataFrame, dimension: str) -> pd.DataFrame:
    return frame.assign(key=cells[dimension].reindex(frame["response_id"].to_numpy()).to_numpy())


def _summary_map(stats: pd.DataFrame) -> dict:
    columns = [stats[column].to_numpy() for column in SUMMARY_COLUMNS]
    return {
        key: Summary(n=int(n), mean=_float(mean), median=_float(median), q1=_float(q1), q3=_float(q3))
        for key, n, mean, median, q1, q3 in zip(stats.index, *columns, strict=True)
    }


def _means(frame: pd.DataFrame, value: str, by: list[str]) -> dict:
    if frame.empty:
        return {}
    means = frame.groupby(by, sort=True, observed=True)[value].mean()
    return {key: _float(mean) for key, mean in means.items()}


def _rows(table: pd.DataFrame | pd.Series) -> dict:
    values = table.to_numpy().tolist()
    return dict(zip(table.index, values, strict=True))


def _float(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)
