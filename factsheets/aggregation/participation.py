"""Response: how many institutions were invited, started and submitted, overall and per type.

Invited are the member institutions that were members when the round closed, plus
any institution that has a response in the round (whoever answered was invited).
Each institution is counted in the type it declared in its response, or its current
type when it has no response, so numerator and denominator use one classification.
"""

import datetime

import pandas as pd

from factsheets.aggregation.groups import HOSPITALS, OTHER, sector_of
from factsheets.aggregation.pictures import ResponseCount, ResponseFigures
from surveys.models import InstitutionType


def invited(institutions: pd.DataFrame, responses: pd.DataFrame, closes_on: datetime.date) -> pd.DataFrame:
    """One row per invited institution: institution_id, type, started, submitted.

    `responses` are all responses of the round (draft and submitted) with their cells' `type`.
    """
    was_member = [
        bool(member) and (since is None or pd.isna(since) or since <= closes_on)
        for member, since in zip(institutions["is_member"], institutions["member_since"], strict=True)
    ]
    members = institutions.loc[was_member, "institution_id"]
    answered = responses.set_index("institution_id")
    ids = pd.Index(sorted(set(members.astype("int64")) | set(answered.index.astype("int64"))), name="institution_id")
    current_type = institutions.set_index("institution_id")["type"].reindex(ids).fillna("")
    declared_type = answered["type"].reindex(ids)
    return pd.DataFrame(
        {
            "type": declared_type.where(declared_type.notna(), current_type).to_numpy(),
            "started": ids.isin(answered.index),
            "submitted": (answered["status"].reindex(ids) == "submitted").to_numpy(),
        },
        index=ids,
    ).reset_index()


def response_figures(invitations: pd.DataFrame) -> ResponseFigures:
    frame = invitations.assign(sector=[sector_of(t) for t in invitations["type"]])
    return ResponseFigures(
        overall=_count("all", frame),
        by_sector=[_count(key, frame[frame["sector"] == key]) for key in (HOSPITALS, OTHER)],
        by_type=[_count(key, frame[frame["type"] == key]) for key in InstitutionType.values],
    )


def _count(key: str, frame: pd.DataFrame) -> ResponseCount:
    invited_n = len(frame)
    submitted = int(frame["submitted"].sum())
    return ResponseCount(
        key=key,
        invited=invited_n,
        started=int(frame["started"].sum()),
        submitted=submitted,
        rate=submitted / invited_n if invited_n else None,
    )
