"""Each submitted response's own figures: what a factsheet sets beside the national picture."""

from collections import defaultdict
from collections.abc import Iterable

import pandas as pd

from factsheets.aggregation.compute import Computation
from factsheets.aggregation.pictures import (
    InstitutionFigures,
    InstitutionInfo,
    NationalPicture,
    OwnCollaboration,
    OwnLevel,
    OwnOpenAnswer,
    OwnScore,
)
from factsheets.aggregation.prepare import PreparedRound
from factsheets.aggregation.priorities import own_view
from factsheets.aggregation.scores import total_scores


def institution_figures(
    computation: Computation, national: NationalPicture, response_ids: Iterable[int] | None = None
) -> list[InstitutionFigures]:
    """Own figures of the given submitted responses of the round (all when None), in name order."""
    c, p = computation.current, computation.previous
    wanted = c.responses if response_ids is None else c.responses[c.responses["response_id"].isin(list(response_ids))]
    ids = set(wanted["response_id"].tolist())

    scores = _nested(c.scores, ids, "block", "score")
    totals = _flat(c.totals, ids, "total")
    levels = _nested(c.answers, ids, "statement_id", "level")
    ranks = _nested(c.priorities, ids, "block", "rank")
    intensities = _nested(c.collaboration, ids, "stakeholder", "intensity")
    focus = _grouped(c.focus_choices, ids, "focus_area")
    open_answers = _open_answers(c.block_answers, ids)
    comparable_scores = _nested(computation.comparable_current, ids, "block", "score")
    comparable_totals = (
        _flat(total_scores(computation.comparable_current), ids, "total")
        if computation.comparable_current is not None
        else {}
    )

    previous_of: dict[int, int] = {}
    previous = _PreviousRound(computation, p)
    if p is not None:
        by_institution = dict(zip(p.responses["institution_id"], p.responses["response_id"], strict=True))
        previous_of = {
            int(r): int(by_institution[i])
            for r, i in zip(wanted["response_id"], wanted["institution_id"], strict=True)
            if i in by_institution
        }
        previous.load(set(previous_of.values()))

    blocks = c.version.block_codes
    statements = list(zip(c.version.statements["statement_id"], c.version.statements["code"], strict=True))
    focus_order = list(c.version.focus_areas["code"])
    national_means = {b.block: b.summary.mean for b in national.national.blocks}
    figures = []
    for row in wanted.sort_values(["name", "response_id"]).itertuples():
        rid = int(row.response_id)
        cell = c.cells.loc[rid]
        before = previous_of.get(rid)
        own_scores = scores.get(rid, {})
        figures.append(
            InstitutionFigures(
                institution=InstitutionInfo(
                    id=int(row.institution_id),
                    code=str(row.code),
                    name=str(row.name),
                    type=str(cell["type"]),
                    region=str(cell["region"]),
                    sector=str(cell["sector"]),
                    language=str(row.language),
                ),
                blocks=[
                    _own_score(
                        block,
                        own_scores.get(block),
                        previous.scores.get(before, {}).get(block),
                        comparable_scores.get(rid, {}).get(block),
                        previous.comparable_scores.get(before, {}).get(block),
                    )
                    for block in blocks
                ],
                total=_own_score(
                    "total",
                    totals.get(rid),
                    previous.totals.get(before),
                    comparable_totals.get(rid),
                    previous.comparable_totals.get(before),
                ),
                levels=[
                    OwnLevel(
                        statement=code,
                        level=_int(levels.get(rid, {}).get(int(sid))),
                        previous_level=_int(previous.levels.get(before, {}).get(computation.ancestors.get(int(sid)))),
                    )
                    for sid, code in statements
                ],
                priorities=own_view(
                    blocks, {b: _int(r) for b, r in ranks.get(rid, {}).items()}, own_scores, national_means
                ),
                focus_areas=[code for code in focus_order if code in focus.get(rid, set())],
                collaboration=[
                    OwnCollaboration(stakeholder=code, intensity=_int(intensities.get(rid, {}).get(code)))
                    for code in c.version.stakeholders["code"]
                ],
                open_answers=[
                    OwnOpenAnswer(block=block, good_example=text[0], remarks=text[1])
                    for block in blocks
                    if (text := open_answers.get(rid, {}).get(block))
                ],
                pride_example=str(row.pride_example),
                consent_to_quote=None if pd.isna(row.consent_to_quote) else bool(row.consent_to_quote),
                previous_year=p.year if p is not None else None,
            )
        )
    return figures


class _PreviousRound:
    """The previous round's figures of the institutions that answered then too."""

    def __init__(self, computation: Computation, previous: PreparedRound | None) -> None:
        self.computation, self.round = computation, previous
        self.scores: dict = {}
        self.totals: dict = {}
        self.levels: dict = {}
        self.comparable_scores: dict = {}
        self.comparable_totals: dict = {}

    def load(self, ids: set[int]) -> None:
        p, comparable = self.round, self.computation.comparable_previous
        self.scores = _nested(p.scores, ids, "block", "score")
        self.totals = _flat(p.totals, ids, "total")
        self.levels = _nested(p.answers, ids, "statement_id", "level")
        self.comparable_scores = _nested(comparable, ids, "block", "score")
        if comparable is not None:
            self.comparable_totals = _flat(total_scores(comparable), ids, "total")


def _own_score(key, score, previous_score, comparable, comparable_previous) -> OwnScore:
    return OwnScore(
        key=key,
        score=score,
        previous_score=previous_score,
        raw_change=None if score is None or previous_score is None else score - previous_score,
        corrected_change=None
        if comparable is None or comparable_previous is None
        else comparable - comparable_previous,
    )


def _nested(frame: pd.DataFrame | None, ids: set[int], item: str, value: str) -> dict[int, dict]:
    found: dict[int, dict] = defaultdict(dict)
    if frame is None:
        return found
    rows = frame[frame["response_id"].isin(ids)]
    for rid, key, number in zip(rows["response_id"].tolist(), rows[item].tolist(), rows[value].tolist(), strict=True):
        found[rid][key] = number
    return found


def _flat(frame: pd.DataFrame, ids: set[int], value: str) -> dict[int, float]:
    rows = frame[frame["response_id"].isin(ids)]
    return dict(zip(rows["response_id"].tolist(), rows[value].tolist(), strict=True))


def _grouped(frame: pd.DataFrame, ids: set[int], item: str) -> dict[int, set]:
    found: dict[int, set] = defaultdict(set)
    rows = frame[frame["response_id"].isin(ids)]
    for rid, key in zip(rows["response_id"].tolist(), rows[item].tolist(), strict=True):
        found[rid].add(key)
    return found


def _open_answers(frame: pd.DataFrame, ids: set[int]) -> dict[int, dict]:
    found: dict[int, dict] = defaultdict(dict)
    rows = frame[frame["response_id"].isin(ids)]
    for rid, block, good, remarks in zip(
        rows["response_id"].tolist(),
        rows["block"].tolist(),
        rows["good_example"].tolist(),
        rows["remarks"].tolist(),
        strict=True,
    ):
        if (good or "").strip() or (remarks or "").strip():
            found[rid][block] = (good or "", remarks or "")
    return found


def _int(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)
