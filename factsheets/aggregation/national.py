"""The entry points every output calls: the national picture of a round, and one institution's.

For a published round the pictures come from its latest snapshot, so a factsheet,
the report and the exports made later show the numbers as published even when a
response was reopened since. For any other round they are computed from the
submitted responses at the time of the call.
"""

from collections.abc import Iterable, Iterator
from dataclasses import replace

from django.conf import settings

from factsheets.aggregation.compute import METHOD_VERSION, Computation, combine, compute, national_trend
from factsheets.aggregation.compute import national_picture as build_national
from factsheets.aggregation.frames import load_frames
from factsheets.aggregation.own import institution_figures
from factsheets.aggregation.pictures import (
    InstitutionFigures,
    InstitutionPicture,
    NationalPicture,
    SnapshotInfo,
    Trend,
)
from factsheets.aggregation.prepare import prepare
from factsheets.models import Snapshot
from surveys.models import Institution, Round


class FiguresUnavailable(LookupError):
    """The institution has no submitted response in the round, so it has no figures."""


def computation(round: Round) -> Computation:
    """Read the round and its previous round (one query per table) and prepare them."""
    previous = round.previous_round()
    frames = load_frames([round, previous] if previous else [round], details=[round])
    return compute(frames, round.pk, previous.pk if previous else None, min_group_size=settings.JUMP_MIN_GROUP_SIZE)


def national_trends(rounds: Iterable[Round]) -> list[Trend]:
    """The national trend of every round against the round before it, oldest first.

    Reads one round at a time (one query per table each), so memory stays that of two
    rounds however long the series. Computed from the answers, not from snapshots.
    """
    trends, previous = [], None
    for scan_round in sorted(rounds, key=lambda r: r.year):
        frames = load_frames([scan_round], details=[])
        current = prepare(frames, scan_round.pk)
        if previous is not None:
            computed = combine(current, previous, frames, min_group_size=settings.JUMP_MIN_GROUP_SIZE)
            trends.append(national_trend(computed))
        previous = current
    return trends


def compute_figures(round: Round) -> dict:
    """Everything a snapshot stores, freshly computed: the national picture and every institution's own."""
    computed = computation(round)
    national = build_national(computed, method_version=METHOD_VERSION)
    return {
        "national": national.to_dict(),
        "institutions": {own_key(own.institution.id): own.to_dict() for own in institution_figures(computed, national)},
    }


def own_key(institution_id: int) -> str:
    # Not a bare number: Django reads a numeric JSON key in a lookup as an array index.
    return f"institution-{institution_id}"


def _published_snapshot(round: Round) -> Snapshot | None:
    if round.status != Round.Status.PUBLISHED:
        return None
    return (
        Snapshot.objects.filter(round=round)
        .order_by("-created_at", "-id")
        .select_related("created_by")
        .defer("figures")
        .first()
    )


def national_picture(round: Round) -> NationalPicture:
    snapshot = _published_snapshot(round)
    if snapshot is None:
        return build_national(computation(round))
    data = Snapshot.objects.filter(pk=snapshot.pk).values_list("figures__national", flat=True).get()
    return _stamped(NationalPicture.from_dict(data), snapshot)


def institution_picture(round: Round, institution: Institution) -> InstitutionPicture:
    """The institution's figures beside the national picture; `FiguresUnavailable` if it did not submit."""
    snapshot = _published_snapshot(round)
    if snapshot is None:
        computed = computation(round)
        national = build_national(computed)
        response_ids = computed.current.responses.loc[
            computed.current.responses["institution_id"] == institution.pk, "response_id"
        ]
        own = institution_figures(computed, national, response_ids.tolist())
        if not own:
            raise FiguresUnavailable(institution.code)
        return InstitutionPicture(national=national, own=own[0])
    national_data, own_data = (
        Snapshot.objects.filter(pk=snapshot.pk)
        .values_list("figures__national", f"figures__institutions__{own_key(institution.pk)}")
        .get()
    )
    if own_data is None:
        raise FiguresUnavailable(institution.code)
    national = _stamped(NationalPicture.from_dict(national_data), snapshot)
    return InstitutionPicture(national=national, own=InstitutionFigures.from_dict(own_data))


def institution_pictures(round: Round) -> Iterator[InstitutionPicture]:
    """Every submitted institution's picture, computed or read once (for a batch of factsheets)."""
    snapshot = _published_snapshot(round)
    if snapshot is None:
        computed = computation(round)
        national = build_national(computed)
        for own in institution_figures(computed, national):
            yield InstitutionPicture(national=national, own=own)
        return
    figures = Snapshot.objects.values_list("figures", flat=True).get(pk=snapshot.pk)
    national = _stamped(NationalPicture.from_dict(figures["national"]), snapshot)
    owns = [InstitutionFigures.from_dict(data) for data in figures["institutions"].values()]
    for own in sorted(owns, key=lambda o: (o.institution.name, o.institution.id)):
        yield InstitutionPicture(national=national, own=own)


def _stamped(picture: NationalPicture, snapshot: Snapshot) -> NationalPicture:
    creator = snapshot.created_by
    return replace(
        picture,
        snapshot=SnapshotInfo(
            id=snapshot.pk,
            created_at=snapshot.created_at.isoformat(),
            created_by=(creator.get_full_name() or creator.get_username()) if creator else "",
            method_version=snapshot.method_version,
        ),
    )
