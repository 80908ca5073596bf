"""What the national report needs beside the national picture: the window, who took part, what was dropped.

The participants are the institutions whose figures the picture holds: for a round
published with a snapshot, the institutions in that snapshot (so the list matches the
published counts even if a response was reopened later); otherwise those with a
submitted response now. Only names: the report never lists institutions with scores.
"""

import datetime
from dataclasses import dataclass

from factsheets.aggregation.pictures import NationalPicture
from factsheets.models import Snapshot
from surveys.models import DroppedStatement, Response, Round


@dataclass(frozen=True)
class DroppedInfo:
    code: str
    text: str


@dataclass(frozen=True)
class ReportFacts:
    opens_on: datetime.date
    closes_on: datetime.date
    participants: list[str]  # names, alphabetical
    dropped: list[DroppedInfo]  # statements of the previous questionnaire without a successor


def report_facts(picture: NationalPicture) -> ReportFacts:
    scan_round = Round.objects.get(pk=picture.round.id)
    return ReportFacts(
        opens_on=scan_round.opens_on,
        closes_on=scan_round.closes_on,
        participants=sorted(_participants(picture), key=str.casefold),
        dropped=[
            DroppedInfo(code=d.statement.code, text=d.statement.text)
            for d in DroppedStatement.objects.filter(questionnaire_id=picture.round.questionnaire_id)
            .select_related("statement")
            .order_by("statement__block__position", "statement__position")
        ],
    )


def _participants(picture: NationalPicture) -> list[str]:
    if picture.snapshot is not None:
        institutions = Snapshot.objects.values_list("figures__institutions", flat=True).get(pk=picture.snapshot.id)
        return [own["institution"]["name"] for own in (institutions or {}).values()]
    return list(
        Response.objects.filter(round_id=picture.round.id, status=Response.Status.SUBMITTED).values_list(
            "institution__name", flat=True
        )
    )
