"""Scores: a statement's level (1..4), a block's score and an institution's total score.

- block score of an institution = mean of the levels of the block's statements it answered;
  a block without any answered statement has no score (not zero);
- total score = mean of the institution's block scores (of the blocks that have one),
  so every block weighs the same whatever its number of statements.
"""

import pandas as pd

SUMMARY_COLUMNS = ["n", "mean", "median", "q1", "q3"]


def block_scores(answers: pd.DataFrame) -> pd.DataFrame:
    """From answers (response_id, block, level) to one row per (response_id, block) with its `score`."""
    grouped = answers.groupby(["response_id", "block"], sort=True, observed=True)["level"]
    return grouped.mean().rename("score").reset_index()


def total_scores(scores: pd.DataFrame) -> pd.DataFrame:
    """From block scores to one row per response_id with its `total`."""
    return scores.groupby("response_id", sort=True)["score"].mean().rename("total").reset_index()


def summaries(values: pd.DataFrame, value: str, by: list[str]) -> pd.DataFrame:
    """n, mean, median and quartiles of `value` per `by` group (linear interpolation between ranks)."""
    if values.empty:
        return pd.DataFrame(columns=SUMMARY_COLUMNS, index=pd.MultiIndex.from_tuples([], names=by), dtype=float)
    grouped = values.groupby(by, sort=True, observed=True)[value]
    stats = grouped.agg(n="count", mean="mean", median="median")
    stats["q1"] = grouped.quantile(0.25)
    stats["q3"] = grouped.quantile(0.75)
    return stats[SUMMARY_COLUMNS]
