"""The priority-versus-score view: blocks ranked high for the coming year but scoring low.

Ranks run from 1 (highest priority) to the number of blocks B. A block is a *high
priority* when its rank (for an institution) or its mean rank (for the nation or a
group) is better than the middle rank (B + 1) / 2: in the top half. It has a *low
score* when the institution's block score is below the national mean of that block,
or, for the nation or a group, when its mean score is below the average of its block
means. A block that is both is flagged. Scores are compared at one decimal, the precision
every output prints them at: a block shown as 2,4 beside a mean shown as 2,4 is not low.
"""

from decimal import ROUND_HALF_UP, Decimal

from factsheets.aggregation.pictures import OwnPriority, PriorityScorePoint


def is_below(score: float | None, reference: float | None) -> bool:
    """Whether `score` is lower than `reference` as both are printed (one decimal, half up)."""
    if score is None or reference is None:
        return False
    return as_printed(score) < as_printed(reference)


def as_printed(value: float) -> Decimal:
    """A score as every output prints it: one decimal, half up (factsheet words compare with it too)."""
    return Decimal(repr(float(value))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def is_high_priority(rank: float | None, number_of_blocks: int) -> bool:
    return rank is not None and rank < (number_of_blocks + 1) / 2


def group_view(
    blocks: list[str], mean_ranks: dict[str, float | None], mean_scores: dict[str, float | None]
) -> list[PriorityScorePoint]:
    scored = [mean_scores[b] for b in blocks if mean_scores.get(b) is not None]
    average = sum(scored) / len(scored) if scored else None
    points = []
    for block in blocks:
        rank, score = mean_ranks.get(block), mean_scores.get(block)
        high = is_high_priority(rank, len(blocks))
        low = is_below(score, average)
        points.append(PriorityScorePoint(block, rank, score, high, low, high and low))
    return points


def own_view(
    blocks: list[str],
    ranks: dict[str, int | None],
    scores: dict[str, float | None],
    national_means: dict[str, float | None],
) -> list[OwnPriority]:
    view = []
    for block in blocks:
        rank, score, national = ranks.get(block), scores.get(block), national_means.get(block)
        high = is_high_priority(rank, len(blocks))
        low = is_below(score, national)
        view.append(OwnPriority(block, rank, score, national, high, low, high and low))
    return view
