"""What every part of a factsheet needs at hand: the picture, the language, the shown peer groups."""

from dataclasses import dataclass
from functools import cached_property

from factsheets.aggregation.labels import name
from factsheets.aggregation.pictures import Figures, Group, InstitutionPicture, Suppressed
from factsheets.charts import NumberFormat
from factsheets.factsheet.labels import group_name

# The comparison groups a factsheet sets an institution beside, besides the nation.
PEER_DIMENSIONS = ("type", "region")
MISSING = "–"


@dataclass(frozen=True)
class Peer:
    dimension: str
    name: str
    figures: Figures


@dataclass(frozen=True)
class Withheld:
    dimension: str
    name: str
    reason: str  # "small" or "secondary"
    minimum: int


class Context:
    def __init__(self, picture: InstitutionPicture, language: str) -> None:
        self.picture = picture
        self.national = picture.national
        self.own = picture.own
        self.figures = picture.national.national
        self.language = language
        self.fmt = NumberFormat(language)

    @cached_property
    def peers(self) -> list[Peer]:
        """The institution's own groups that are large enough to show, in PEER_DIMENSIONS order."""
        shown = []
        for dimension in PEER_DIMENSIONS:
            group = self.picture.peer(dimension)
            if group is not None and not isinstance(group.figures, Suppressed):
                shown.append(Peer(dimension, group_name(dimension, group.key), group.figures))
        return shown

    @cached_property
    def withheld(self) -> list[Withheld]:
        found = []
        for dimension in PEER_DIMENSIONS:
            group: Group | None = self.picture.peer(dimension)
            if group is not None and isinstance(group.figures, Suppressed):
                found.append(
                    Withheld(dimension, group_name(dimension, group.key), group.figures.reason, group.figures.minimum)
                )
        return found

    @property
    def compared_year(self) -> int | None:
        """The previous round's year when the institution took part in it too (else nothing to compare)."""
        if self.own.previous_year is None or self.own.total.previous_score is None:
            return None
        return self.own.previous_year

    def peer(self, dimension: str) -> Peer | None:
        return next((p for p in self.peers if p.dimension == dimension), None)

    def ranked_blocks(self, *, weakest_first: bool) -> list[str]:
        """Scored blocks from weakest to strongest (or the reverse).

        Equal scores are ordered by the distance to the national mean (further below
        counts as weaker), then by questionnaire order, so the summary and the next
        steps always name the same blocks.
        """
        position = {b.code: b.position for b in self.national.blocks}
        keyed = []
        for block in self.own.blocks:
            if block.score is None:
                continue
            national = self.figures.block(block.key).mean
            gap = block.score - national if national is not None else 0.0
            sign = 1 if weakest_first else -1
            keyed.append(((sign * round(block.score, 6), sign * round(gap, 6), position[block.key]), block.key))
        return [key for _order, key in sorted(keyed)]

    def block_name(self, code: str) -> str:
        return name(self.national.block_info(code), self.language)

    def option_name(self, option) -> str:
        return name(option, self.language)

    def score(self, value: float | None) -> str:
        return MISSING if value is None else self.fmt.decimal(value, 1)

    def change(self, value: float | None) -> str:
        return MISSING if value is None else self.fmt.signed(value, 1)

    def percent(self, share: float | None) -> str:
        return MISSING if share is None else self.fmt.percent(share)

    def whole(self, value: int) -> str:
        return self.fmt.integer(value)
