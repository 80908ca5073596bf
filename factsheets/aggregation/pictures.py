"""What every output renders: the national picture of a round and one institution's picture.

Frozen dataclasses of plain Python values (no pandas), JSON-serialisable with
`to_dict` / `from_dict`, so a published round's snapshot stores exactly what the
factsheets, the dashboard, the national report and the exports show.

Conventions:
- Means, medians, quartiles and shares are unrounded floats; round only when shown.
  `Distribution.percentages` are the whole percentages to show, rounded with the
  largest-remainder method so they add up to exactly 100.
- Ordered things are lists (blocks in questionnaire order, levels 1..4, ranks 1..n),
  never dict keys, because PostgreSQL's jsonb does not keep key order.
- A comparison group too small to show is a `Suppressed` value instead of numbers.
"""

from dataclasses import dataclass
from typing import Any, ClassVar, Self

from factsheets.aggregation.serial import from_jsonable, to_jsonable


class _Json:
    def to_dict(self) -> dict[str, Any]:
        return to_jsonable(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return from_jsonable(cls, data)


@dataclass(frozen=True)
class Suppressed(_Json):
    """A comparison group withheld because it is smaller than the minimum group size.

    `reason` is "small" (the group itself has fewer than `minimum` institutions) or
    "secondary" (withheld so a small group cannot be worked out from the others).
    """

    group: str
    n: int
    minimum: int
    reason: str = "small"
    suppressed: bool = True


@dataclass(frozen=True)
class Summary(_Json):
    """Mean, median and quartiles (linear interpolation) over `n` institutions."""

    n: int
    mean: float | None
    median: float | None
    q1: float | None
    q3: float | None


@dataclass(frozen=True)
class Distribution(_Json):
    """Institutions per category (levels 1..4, intensities 1..4 or ranks 1..8), in order."""

    n: int
    counts: list[int]
    shares: list[float]
    percentages: list[int]


@dataclass(frozen=True)
class RoundInfo(_Json):
    id: int
    year: int
    title: str
    status: str
    questionnaire_id: int
    questionnaire_code: str
    previous_year: int | None
    previous_questionnaire_code: str | None


@dataclass(frozen=True)
class SnapshotInfo(_Json):
    id: int
    created_at: str
    created_by: str
    method_version: str


@dataclass(frozen=True)
class BlockInfo(_Json):
    code: str
    name: str
    name_en: str
    position: int


@dataclass(frozen=True)
class StatementInfo(_Json):
    code: str
    block: str
    position: int
    text: str
    text_en: str
    levels: list[str]
    levels_en: list[str]
    verbatim: bool
    lineage: str
    # The statement of the previous round's questionnaire it is compared with (None when not comparable).
    comparable_to: str | None


@dataclass(frozen=True)
class OptionInfo(_Json):
    """A focus area or a stakeholder of the questionnaire."""

    code: str
    label: str
    label_en: str
    position: int


@dataclass(frozen=True)
class ResponseCount(_Json):
    """`key` is "all", an institution type or "hospitals"/"other"; rate = submitted / invited."""

    key: str
    invited: int
    started: int
    submitted: int
    rate: float | None


@dataclass(frozen=True)
class ResponseFigures(_Json):
    overall: ResponseCount
    by_sector: list[ResponseCount]
    by_type: list[ResponseCount]


@dataclass(frozen=True)
class BlockScore(_Json):
    block: str
    summary: Summary


@dataclass(frozen=True)
class StatementFigures(_Json):
    statement: str
    distribution: Distribution
    mean: float | None
    # The comparable predecessor's distribution in the previous round, if any.
    previous: Distribution | None
    previous_mean: float | None


@dataclass(frozen=True)
class FocusAreaShare(_Json):
    focus_area: str
    count: int
    n: int
    share: float | None
    previous_count: int | None
    previous_n: int | None
    previous_share: float | None


@dataclass(frozen=True)
class CollaborationFigures(_Json):
    stakeholder: str
    distribution: Distribution
    mean: float | None
    previous: Distribution | None
    previous_mean: float | None


@dataclass(frozen=True)
class PriorityFigures(_Json):
    """How often a block was ranked 1st, 2nd, …; `distribution` runs over ranks 1..number of blocks."""

    block: str
    distribution: Distribution
    mean_rank: float | None
    top3_share: float | None


@dataclass(frozen=True)
class PriorityScorePoint(_Json):
    """One block in the priority-versus-score view: flagged when ranked high but scored low."""

    block: str
    priority: float | None
    score: float | None
    high_priority: bool
    low_score: bool
    flagged: bool


@dataclass(frozen=True)
class Change(_Json):
    """A mean this round beside the previous, raw and corrected for questionnaire changes."""

    key: str
    previous_mean: float | None
    mean: float | None
    raw_change: float | None
    comparable_statements: list[str]
    corrected_previous_mean: float | None
    corrected_mean: float | None
    corrected_change: float | None


@dataclass(frozen=True)
class Trend(_Json):
    previous_year: int
    blocks: list[Change]
    total: Change

    def block(self, code: str) -> Change:
        return _find(self.blocks, "key", code)


@dataclass(frozen=True)
class Figures(_Json):
    """Every figure for one set of institutions: the nation or one comparison group."""

    suppressed: ClassVar[bool] = False

    n: int
    blocks: list[BlockScore]
    total: Summary
    statements: list[StatementFigures]
    focus_areas: list[FocusAreaShare]
    collaboration: list[CollaborationFigures]
    priorities: list[PriorityFigures]
    priority_vs_score: list[PriorityScorePoint]
    trend: Trend | None

    def block(self, code: str) -> Summary:
        return _find(self.blocks, "block", code).summary

    def statement(self, code: str) -> StatementFigures:
        return _find(self.statements, "statement", code)

    def priority(self, code: str) -> PriorityFigures:
        return _find(self.priorities, "block", code)

    def focus_area(self, code: str) -> FocusAreaShare:
        return _find(self.focus_areas, "focus_area", code)

    def stakeholder(self, code: str) -> CollaborationFigures:
        return _find(self.collaboration, "stakeholder", code)


@dataclass(frozen=True)
class Group(_Json):
    """A comparison group: `dimension` is "sector", "type" or "region"; `key` its value."""

    dimension: str
    key: str
    n: int
    figures: Figures | Suppressed


@dataclass(frozen=True)
class Quote(_Json):
    """A good example of a block from an institution that consented to being quoted."""

    block: str
    level: int
    institution: str
    text: str


@dataclass(frozen=True)
class PrideExample(_Json):
    position: int
    institution: str
    total: float
    text: str


@dataclass(frozen=True)
class NationalPicture(_Json):
    round: RoundInfo
    method_version: str
    min_group_size: int
    blocks: list[BlockInfo]
    statements: list[StatementInfo]
    focus_areas: list[OptionInfo]
    stakeholders: list[OptionInfo]
    response: ResponseFigures
    national: Figures
    groups: list[Group]
    quotes: list[Quote]
    pride_examples: list[PrideExample]
    snapshot: SnapshotInfo | None = None

    def group(self, dimension: str, key: str) -> Group | None:
        return next((g for g in self.groups if g.dimension == dimension and g.key == key), None)

    def groups_of(self, dimension: str) -> list[Group]:
        return [g for g in self.groups if g.dimension == dimension]

    def block_info(self, code: str) -> BlockInfo:
        return _find(self.blocks, "code", code)

    def statement_info(self, code: str) -> StatementInfo:
        return _find(self.statements, "code", code)

    def statements_of(self, block: str) -> list[StatementInfo]:
        return [s for s in self.statements if s.block == block]

    def quotes_of(self, block: str) -> list[Quote]:
        return [q for q in self.quotes if q.block == block]


@dataclass(frozen=True)
class InstitutionInfo(_Json):
    id: int
    code: str
    name: str
    # The profile as declared in this round's response.
    type: str
    region: str
    sector: str
    language: str


@dataclass(frozen=True)
class OwnScore(_Json):
    """The institution's score on a block (or "total"), beside its previous round."""

    key: str
    score: float | None
    previous_score: float | None
    raw_change: float | None
    corrected_change: float | None


@dataclass(frozen=True)
class OwnLevel(_Json):
    statement: str
    level: int | None
    previous_level: int | None


@dataclass(frozen=True)
class OwnPriority(_Json):
    block: str
    rank: int | None
    score: float | None
    national_mean: float | None
    high_priority: bool
    low_score: bool
    flagged: bool


@dataclass(frozen=True)
class OwnCollaboration(_Json):
    stakeholder: str
    intensity: int | None


@dataclass(frozen=True)
class OwnOpenAnswer(_Json):
    block: str
    good_example: str
    remarks: str


@dataclass(frozen=True)
class InstitutionFigures(_Json):
    """One submitted response's own figures; the national side lives in the NationalPicture."""

    institution: InstitutionInfo
    blocks: list[OwnScore]
    total: OwnScore
    levels: list[OwnLevel]
    priorities: list[OwnPriority]
    focus_areas: list[str]
    collaboration: list[OwnCollaboration]
    open_answers: list[OwnOpenAnswer]
    pride_example: str
    consent_to_quote: bool | None
    previous_year: int | None

    def block(self, code: str) -> OwnScore:
        return _find(self.blocks, "key", code)

    def level(self, code: str) -> int | None:
        return _find(self.levels, "statement", code).level

    def priority(self, code: str) -> OwnPriority:
        return _find(self.priorities, "block", code)


@dataclass(frozen=True)
class InstitutionPicture(_Json):
    """An institution's figures set against the national picture (what a factsheet shows)."""

    national: NationalPicture
    own: InstitutionFigures

    def peer(self, dimension: str) -> Group | None:
        """Its own comparison group in `dimension`; its `figures` may be `Suppressed`."""
        key = getattr(self.own.institution, dimension)
        return self.national.group(dimension, key)


def _find(items: list, attribute: str, value: str) -> Any:
    for item in items:
        if getattr(item, attribute) == value:
            return item
    raise KeyError(value)
