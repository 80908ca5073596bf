"""Scores: a statement's level (1..4), a block's score and an institution's total score.

- block score of an institution = mean of the levels of the block's statements it answered;
  a block without any answered statement has no score (not zero);
- total score = mean of the institution's block scores (of the blocks that have one),
  so every block weighs the same whatever its number of statements;
- a group's summary = number of institutions with a score, their mean, median and
  quartiles (linear interpolation between the sorted values, as numpy and pandas do).
"""

import numpy as np

from factsheets.aggregation.pictures import Summary

EMPTY = Summary(n=0, mean=None, median=None, q1=None, q3=None)


def block_matrix(r: np.ndarray, b: np.ndarray, level: np.ndarray, responses: int, blocks: int) -> np.ndarray:
    """Responses × blocks: the mean level of each response's answers in each block (NaN: none)."""
    key = r.astype(np.int64) * blocks + b.astype(np.int64)
    size = responses * blocks
    sums = np.bincount(key, weights=level.astype(np.float64), minlength=size)
    counts = np.bincount(key, minlength=size)
    means = np.full(size, np.nan)
    answered = counts > 0
    means[answered] = sums[answered] / counts[answered]
    return means.reshape(responses, blocks)


def totals(scores: np.ndarray) -> np.ndarray:
    """Per response: the mean of its block scores, NaN when it has none."""
    counts = (~np.isnan(scores)).sum(axis=1)
    sums = np.nansum(scores, axis=1)
    result = np.full(len(scores), np.nan)
    scored = counts > 0
    result[scored] = sums[scored] / counts[scored]
    return result


def mean(values: np.ndarray) -> float | None:
    values = values[~np.isnan(values)]
    return float(values.mean()) if len(values) else None


def summary(values: np.ndarray) -> Summary:
    values = values[~np.isnan(values)]
    if not len(values):
        return EMPTY
    q1, median, q3 = np.quantile(values, [0.25, 0.5, 0.75])
    return Summary(n=len(values), mean=float(values.mean()), median=float(median), q1=float(q1), q3=float(q3))
