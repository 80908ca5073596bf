"""The factsheet as plain values: what the PDF and the web page render, nothing computed there.

Numbers arrive here already written for the reader ("2,8" in Dutch, "2.8" in English),
so a template only places text; `raw` fields keep the unrounded value for tests and
charts. Charts are chart objects from `factsheets.charts` (None when rendered without).
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Fact:
    """A labelled figure: a cover fact, a key figure above a chart, a cell of a comparison."""

    label: str
    value: str
    note: str = ""
    role: str = "other"
    raw: float | None = None


@dataclass(frozen=True)
class LevelLine:
    number: int
    text: str
    share: str  # the national share of institutions at this level, e.g. "17%"
    is_own: bool


@dataclass(frozen=True)
class StatementView:
    code: str
    text: str
    levels: list[LevelLine]
    own_level: int | None
    previous_note: str  # e.g. "In 2020: niveau 2" ("" when not comparable or not answered)
    n: int
    chart: Any = None


@dataclass(frozen=True)
class BlockView:
    code: str
    number: int
    name: str
    score: str
    score_raw: float | None
    national_mean: str
    national_mean_raw: float | None
    facts: list[Fact]
    change_note: str
    statements: list[StatementView]
    chart: Any = None


@dataclass(frozen=True)
class ScoreRow:
    """One line of the overview table: a block (or the total) beside the comparisons."""

    name: str
    own: str
    national: str
    peer: str
    previous: str
    change: str
    is_total: bool = False


@dataclass(frozen=True)
class PriorityRow:
    block: str
    own_rank: str
    first_share: str  # national share that ranked the block first
    top3_share: str
    own_score: str
    national_mean: str
    flagged: bool


@dataclass(frozen=True)
class PrioritySection:
    rows: list[PriorityRow]
    sentence: str
    ranking_chart: Any = None
    quadrant_chart: Any = None
    answered: bool = True


@dataclass(frozen=True)
class ShareRow:
    label: str
    own: str
    chosen: bool | None
    national: str
    peer: str


@dataclass(frozen=True)
class ShareSection:
    rows: list[ShareRow]
    sentence: str
    peer_label: str
    national_label: str
    chart: Any = None


@dataclass(frozen=True)
class OpenAnswer:
    block: str
    good_example: str
    remarks: str


@dataclass(frozen=True)
class NextStep:
    block: str
    score: str
    national_mean: str
    intro: str
    steps: list[str]
    source: str


@dataclass(frozen=True)
class Factsheet:
    language: str
    institution: str
    institution_code: str
    year: int
    previous_year: int | None  # the previous round, when the institution took part in it
    title: str
    running_title: str
    footer_note: str
    filename: str
    cover_facts: list[Fact]
    summary: list[str]
    key_figures: list[Fact]
    score_rows: list[ScoreRow]
    peer_label: str
    blocks: list[BlockView]
    priorities: PrioritySection
    focus: ShareSection
    collaboration: ShareSection
    open_answers: list[OpenAnswer]
    pride_example: str
    next_steps: list[NextStep]
    method: list[str]
    withheld: list[str]
    summary_chart: Any = None
    change_chart: Any = None
    level_scale: list[str] = field(default_factory=list)
