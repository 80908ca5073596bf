"""Distributions: how many institutions chose each level (or intensity, or rank), per group.

Counts are made once per *cell* (a declared type × region) with `numpy.bincount`, and
then summed up to every comparison dimension: the nation, hospitals versus other
institutions, type and region. Counting institutions is additive, so this gives
exactly the figures a separate count per group would give, in one pass over the answers.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from factsheets.aggregation.groups import NATIONAL, sector_of
from factsheets.aggregation.pictures import Distribution
from factsheets.aggregation.rounding import largest_remainder


@dataclass(frozen=True)
class CellIndex:
    """Each submitted response's cell as a small integer, and each cell's (type, region)."""

    code: np.ndarray  # per response row r
    pairs: list[tuple[str, str]]

    def keys(self, dimension: str) -> np.ndarray:
        """The key of `dimension` for each cell."""
        if dimension == "national":
            return np.array([NATIONAL] * len(self.pairs), dtype=object)
        if dimension == "sector":
            return np.array([sector_of(t) for t, _ in self.pairs], dtype=object)
        column = 0 if dimension == "type" else 1
        return np.array([pair[column] for pair in self.pairs], dtype=object)


def cell_index(cells: pd.DataFrame) -> CellIndex:
    types, type_names = pd.factorize(cells["type"].to_numpy(dtype=object), sort=True)
    regions, region_names = pd.factorize(cells["region"].to_numpy(dtype=object), sort=True)
    present, code = np.unique(types.astype(np.int64) * len(region_names) + regions, return_inverse=True)
    pairs = [(str(type_names[p // len(region_names)]), str(region_names[p % len(region_names)])) for p in present]
    return CellIndex(code=code.astype(np.int64).reshape(-1), pairs=pairs)


def counts(index: CellIndex, r: np.ndarray, item: np.ndarray, value: np.ndarray, items: int, values: int):
    """Cells × items × values: how many responses gave `value` (1-based) to each item."""
    valid = (value >= 1) & (value <= values)  # a value outside the scale is not counted at all
    r, item, value = r[valid], item[valid], value[valid]
    key = (index.code[r.astype(np.int64)] * items + item.astype(np.int64)) * values + (value.astype(np.int64) - 1)
    shape = (len(index.pairs), items, values)
    return np.bincount(key, minlength=int(np.prod(shape))).reshape(shape)


def item_counts(index: CellIndex, r: np.ndarray, item: np.ndarray, items: int) -> np.ndarray:
    """Cells × items: how many responses chose each item."""
    key = index.code[r.astype(np.int64)] * items + item.astype(np.int64)
    return np.bincount(key, minlength=len(index.pairs) * items).reshape(len(index.pairs), items)


def response_counts(index: CellIndex) -> np.ndarray:
    return np.bincount(index.code, minlength=len(index.pairs))


def rollup(table: np.ndarray, index: CellIndex, dimension: str) -> dict[str, np.ndarray]:
    """Sum a per-cell table to one table per group of `dimension`."""
    keys = index.keys(dimension)
    return {key: table[keys == key].sum(axis=0) for key in sorted(set(keys))}


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
    n = sum(int(c) for c in counts)
    return sum(int(c) * k for c, k in zip(counts, categories, strict=True)) / n if n else None
