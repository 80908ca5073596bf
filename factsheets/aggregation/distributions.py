"""Distributions: how many institutions chose each level (or intensity, or rank), per group.

Counts are made once per cell (declared type × region) and then summed up to every
comparison dimension: the nation, hospitals versus other institutions, type and region.
Counting institutions is additive, so this gives exactly the figures a separate count
per group would give.
"""

from collections.abc import Sequence

import pandas as pd

from factsheets.aggregation.groups import sector_of
from factsheets.aggregation.pictures import Distribution
from factsheets.aggregation.rounding import largest_remainder

CELL = ["type", "region"]


def cell_counts(
    frame: pd.DataFrame, cells: pd.DataFrame, item: str, value: str, categories: Sequence[int]
) -> pd.DataFrame:
    """Counts per (type, region, item) × category, from rows of (response_id, item, value).

    `cells` is indexed by response_id with the response's declared `type` and `region`.
    """
    located = frame.join(cells[CELL], on="response_id", how="inner")
    counts = located.groupby([*CELL, item, value], sort=True, observed=True).size()
    if counts.empty:
        index = pd.MultiIndex.from_tuples([], names=[*CELL, item])
        return pd.DataFrame(0, index=index, columns=list(categories), dtype="int64")
    # Unstacking a grouped count is the cheapest cross-table here (pivot_table is several times slower).
    table = counts.unstack(value, fill_value=0)  # noqa: PD010
    return table.reindex(columns=list(categories), fill_value=0).astype("int64")


def response_counts(cells: pd.DataFrame) -> pd.Series:
    """Number of responses per (type, region)."""
    return cells.groupby(CELL, sort=True, observed=True).size()


def group_key(table: pd.DataFrame | pd.Series, dimension: str) -> pd.Series:
    """The key of `dimension` for each (type, region) row of a cell table."""
    types = table.index.get_level_values("type")
    if dimension == "national":
        keys = ["all"] * len(types)
    elif dimension == "sector":
        keys = [sector_of(t) for t in types]
    else:
        keys = list(table.index.get_level_values(dimension))
    return pd.Series(keys, index=table.index, name="key")


def rollup(table: pd.DataFrame | pd.Series, dimension: str) -> pd.DataFrame | pd.Series:
    """Sum a (type, region[, item]) table to (key[, item]) for `dimension`."""
    rest = [name for name in table.index.names if name not in CELL]
    keyed = table.set_axis(pd.MultiIndex.from_arrays([group_key(table, dimension), *_levels(table, rest)]))
    return keyed.groupby(level=list(range(1 + len(rest))), sort=True).sum()


def _levels(table: pd.DataFrame | pd.Series, names: list[str]) -> list:
    return [table.index.get_level_values(name) for name in names]


def distribution(counts: Sequence[int]) -> Distribution:
    counts = [int(c) for c in counts]
    n = sum(counts)
    return Distribution(
        n=n,
        counts=counts,
        shares=[c / n if n else 0.0 for c in counts],
        percentages=largest_remainder(counts),
    )


def weighted_mean(counts: Sequence[int], categories: Sequence[int]) -> float | None:
    n = sum(counts)
    return sum(int(c) * k for c, k in zip(counts, categories, strict=True)) / n if n else None


def cell_item_counts(frame: pd.DataFrame, cells: pd.DataFrame, item: str) -> pd.Series:
    """Number of responses per (type, region, item), from rows of (response_id, item)."""
    located = frame.join(cells[CELL], on="response_id", how="inner")
    return located.groupby([*CELL, item], sort=True, observed=True).size()
