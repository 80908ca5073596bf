"""Comparison groups (hospitals vs other institutions, institution type, region) and their protection.

A group with fewer institutions than `settings.JUMP_MIN_GROUP_SIZE` is never shown on
its own: its figures are replaced by a `Suppressed` value. Because the national figure
is always shown, withholding a single small group would not be enough (national minus
the other groups gives it away), so within one dimension further groups are withheld,
smallest first, until the withheld groups together hold at least the minimum
("secondary" suppression).
"""

from collections.abc import Mapping

import numpy as np
import pandas as pd

from surveys.models import InstitutionType

NATIONAL = "all"
HOSPITALS = "hospitals"
OTHER = "other"
DIMENSIONS = ("sector", "type", "region")


def sector_of(institution_type: str) -> str:
    return HOSPITALS if institution_type in InstitutionType.hospitals() else OTHER


def suppression(sizes: Mapping[str, int], minimum: int) -> dict[str, str | None]:
    """Per group key: None when it may be shown, else the reason ("small" or "secondary").

    `sizes` are the groups of one dimension, which together make up the nation.
    """
    reasons: dict[str, str | None] = {key: ("small" if n < minimum else None) for key, n in sizes.items()}
    withheld = sum(n for key, n in sizes.items() if reasons[key])
    while 0 < withheld < minimum:
        shown = sorted((n, key) for key, n in sizes.items() if reasons[key] is None)
        if not shown:
            break
        n, key = shown[0]
        reasons[key] = "secondary"
        withheld += n
    return reasons


def response_cells(responses: pd.DataFrame, institutions: pd.DataFrame) -> pd.DataFrame:
    """Per response_id: institution_id and the `type`, `region` and `sector` it is grouped by.

    The profile declared on the response counts (an institution that changed type counts
    in the type it had that round); a response that left it blank falls back to the
    institution's current profile.
    """
    profile = institutions.set_index("institution_id")[["type", "region"]]
    own = profile.reindex(responses["institution_id"].to_numpy())
    types = _declared(responses["institution_type"], own["type"])
    regions = _declared(responses["region"], own["region"])
    hospitals = np.isin(types, InstitutionType.hospitals())
    return pd.DataFrame(
        {
            "institution_id": responses["institution_id"].to_numpy(),
            "type": types,
            "region": regions,
            "sector": np.where(hospitals, HOSPITALS, OTHER),
            "national": NATIONAL,
        },
        index=pd.Index(responses["response_id"].to_numpy(), name="response_id"),
    )


def _declared(declared: pd.Series, current: pd.Series) -> np.ndarray:
    """The declared value, or the current one where nothing was declared."""
    declared = declared.fillna("").to_numpy(dtype=object)
    current = current.fillna("").to_numpy(dtype=object)
    return np.where(declared == "", current, declared)
