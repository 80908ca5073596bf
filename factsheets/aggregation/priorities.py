"""The priority-versus-score view: blocks ranked high for the coming year but scoring low.

Ranks run from 1 (highest priority) to the number of blocks B. A block is a *high
priority* when its rank (for an institution) or its mean rank (for the nation or a
group) is better than the middle rank (B + 1) / 2: in the top half. It has a *low
score* when the institution's block score is below the national mean of that block,
or, for the nation or a group, when its mean score is below the average of its block
means. A block that is both is flagged.
"""

from factsheets.aggregation.pictures import OwnPriority, PriorityScorePoint


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
        low = score is not None and average is not None and score < average
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
        low = score is not None and national is not None and score < national
        view.append(OwnPriority(block, rank, score, national, high, low, high and low))
    return view
