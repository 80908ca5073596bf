"""The national picture restricted to one group of institutions: what the analysts' dashboard filters show.

`group_picture(round, sector=..., institution_type=..., region=...)` answers "what does
the national picture look like for only these institutions?" with a whole
`NationalPicture` (block scores and their trend, distributions, focus areas,
collaboration, priorities, quotes of the group's consenting institutions), computed
by the same `compute` / `national_picture` functions as the nation itself, on the
frames restricted to the group's responses. So a filtered view can never disagree
with the group's figures in the national picture.

The protection of small groups follows the national picture:
- a group of one dimension is withheld exactly when the national picture withholds it
  (fewer than the minimum, or withheld so a small group cannot be worked out);
- a combination (say UMCs in Utrecht) is withheld when either of its groups is, or
  when it has fewer institutions than the minimum itself;
- the previous round is left out (no trend, no "previous" figures) when the group was
  withheld in that round, as the national picture does for its groups.
"""

from collections.abc import Mapping

import pandas as pd
from django.conf import settings

from factsheets.aggregation.compute import compute
from factsheets.aggregation.compute import national_picture as build_national
from factsheets.aggregation.frames import Frames, load_frames
from factsheets.aggregation.groups import DIMENSIONS, response_cells, sector_of, suppression
from factsheets.aggregation.pictures import NationalPicture, Suppressed
from surveys.models import Response, Round

SUBMITTED = str(Response.Status.SUBMITTED)


def group_picture(
    round: Round,
    *,
    sector: str | None = None,
    institution_type: str | None = None,
    region: str | None = None,
) -> NationalPicture | Suppressed:
    """The picture of the round for the institutions in every given group; `Suppressed` when withheld."""
    previous = round.previous_round()
    frames = load_frames([round, previous] if previous else [round])
    return restricted_picture(
        frames,
        round.pk,
        previous.pk if previous else None,
        filters={"sector": sector, "type": institution_type, "region": region},
        min_group_size=settings.JUMP_MIN_GROUP_SIZE,
    )


def restricted_picture(
    frames: Frames,
    round_id: int,
    previous_round_id: int | None,
    *,
    filters: Mapping[str, str | None],
    min_group_size: int,
) -> NationalPicture | Suppressed:
    """Pure: `frames` of the round (and its previous one) restricted to the groups in `filters`.

    `filters` maps a dimension ("sector", "type", "region") to a group key; None or ""
    means no restriction in that dimension.
    """
    chosen = {dimension: key for dimension, key in filters.items() if key}
    unknown = set(chosen) - set(DIMENSIONS)
    if unknown:
        raise ValueError(f"Unknown dimension(s) {sorted(unknown)}: expected some of {DIMENSIONS}.")
    cells = response_cells(frames.responses, frames.institutions)
    rounds = pd.Series(frames.responses["round_id"].to_numpy(), index=cells.index)
    submitted = pd.Series((frames.responses["status"] == SUBMITTED).to_numpy(), index=cells.index)
    in_group = _matches(cells, chosen)
    current = cells[(rounds == round_id) & submitted]
    n = int(in_group[current.index].sum())
    label = ",".join(f"{dimension}:{key}" for dimension, key in chosen.items()) or "national"
    if _withheld(current, chosen, min_group_size) or n < min_group_size:
        reason = "small" if n < min_group_size else "secondary"
        return Suppressed(group=label, n=n, minimum=min_group_size, reason=reason)
    if previous_round_id is not None:
        before = cells[(rounds == previous_round_id) & submitted]
        n_before = int(in_group[before.index].sum())
        if not n_before or _withheld(before, chosen, min_group_size) or n_before < min_group_size:
            previous_round_id = None
    restricted = _restrict(frames, cells, in_group, chosen, round_id)
    return build_national(compute(restricted, round_id, previous_round_id, min_group_size=min_group_size))


def _matches(cells: pd.DataFrame, chosen: Mapping[str, str]) -> pd.Series:
    mask = pd.Series(True, index=cells.index)
    for dimension, key in chosen.items():
        mask &= cells[dimension] == key
    return mask


def _withheld(cells: pd.DataFrame, chosen: Mapping[str, str], minimum: int) -> bool:
    """Whether the national picture withholds any of the chosen groups in this round."""
    for dimension, key in chosen.items():
        sizes = {str(k): int(v) for k, v in cells[dimension].value_counts().items()}
        if key not in sizes or suppression(sizes, minimum)[key]:
            return True
    return False


def _restrict(
    frames: Frames, cells: pd.DataFrame, in_group: pd.Series, chosen: Mapping[str, str], round_id: int
) -> Frames:
    """The frames of only the group's responses, and of the institutions invited as part of the group.

    An institution belongs to the group's invited set when its response in the round is in
    the group, or, without a response in the round, when its current profile is.
    """
    kept_responses = frames.responses[in_group.to_numpy()]
    kept_ids = set(kept_responses["response_id"])
    responded = set(frames.responses.loc[(frames.responses["round_id"] == round_id).to_numpy(), "institution_id"])
    profile = frames.institutions.assign(sector=_sectors(frames.institutions["type"]))
    by_profile = pd.Series(True, index=profile.index)
    for dimension, key in chosen.items():
        by_profile &= profile[dimension] == key
    keep_institution = profile["institution_id"].isin(set(kept_responses["institution_id"])) | (
        by_profile & ~profile["institution_id"].isin(responded)
    )

    def answers(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["response_id"].isin(kept_ids)]

    return Frames(
        rounds=frames.rounds,
        questionnaires=frames.questionnaires,
        blocks=frames.blocks,
        statements=frames.statements,
        focus_areas=frames.focus_areas,
        stakeholders=frames.stakeholders,
        institutions=frames.institutions[keep_institution.to_numpy()],
        responses=kept_responses,
        answers=answers(frames.answers),
        block_answers=answers(frames.block_answers),
        focus_choices=answers(frames.focus_choices),
        collaboration=answers(frames.collaboration),
        priorities=answers(frames.priorities),
    )


def _sectors(types: pd.Series) -> list[str]:
    return [sector_of(t or "") for t in types.fillna("")]
