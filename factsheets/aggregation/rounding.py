"""Rounding for display: whole percentages that add up to exactly 100."""

from collections.abc import Sequence


def largest_remainder(counts: Sequence[int], total: int = 100) -> list[int]:
    """Whole shares of `total` per count that add up to `total` exactly (largest-remainder method).

    Every share is first rounded down; the points still missing go, one each, to the
    shares with the largest remainders. Equal remainders go to the larger count first,
    then to the earlier category, so the result never depends on chance. Integer
    arithmetic only, so there is no floating-point surprise. All zero counts give zeros.
    """
    n = sum(counts)
    if n == 0:
        return [0 for _ in counts]
    floors = [count * total // n for count in counts]
    remainders = [count * total % n for count in counts]
    missing = total - sum(floors)
    order = sorted(range(len(counts)), key=lambda i: (-remainders[i], -counts[i], i))
    for i in order[:missing]:
        floors[i] += 1
    return floors
