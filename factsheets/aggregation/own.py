"""Each submitted response's own figures: what a factsheet sets beside the national picture."""

from collections import defaultdict
from collections.abc import Iterable

import numpy as np
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
from factsheets.aggregation.priorities import own_view
from factsheets.aggregation.scores import totals


def institution_figures(
    computation: Computation, national: NationalPicture, response_ids: Iterable[int] | None = None
) -> list[InstitutionFigures]:
    """Own figures of the given submitted responses of the round (all when None), in name order."""
    c, p = computation.current, computation.previous
    rows = np.arange(len(c.responses))
    if response_ids is not None:
        rows = np.flatnonzero(c.responses["response_id"].isin(list(response_ids)).to_numpy())
    wanted = set(rows.tolist())
    blocks = c.version.block_codes
    statements = c.version.statement_codes
    stakeholders = list(c.version.stakeholders["code"])
    focus_codes = list(c.version.focus_areas["code"])

    levels = _table(c.answers, wanted, "s", "level", len(statements))
    ranks = _table(c.priorities, wanted, "b", "rank", len(blocks))
    intensities = _table(c.collaboration, wanted, "k", "intensity", len(stakeholders))
    chosen = _table(c.focus_choices.assign(chosen=1), wanted, "f", "chosen", len(focus_codes))
    open_answers = _open_answers(c.block_answers, wanted)
    comparable = computation.comparable_current
    comparable_totals = totals(comparable) if comparable is not None else None

    # The same institution's submitted response in the previous round, if any.
    before_row: dict[int, int] = {}
    previous_levels: dict[int, dict] = {}
    institution_of = c.responses["institution_id"].to_numpy()
    if p is not None:
        by_institution = {int(i): row for row, i in enumerate(p.responses["institution_id"])}
        before_row = {
            int(row): by_institution[int(institution_of[row])]
            for row in rows
            if int(institution_of[row]) in by_institution
        }
        previous_levels = _table(p.answers, set(before_row.values()), "s", "level", len(p.version.statements))
    previous_totals = totals(computation.comparable_previous) if computation.comparable_previous is not None else None

    national_means = {b.block: b.summary.mean for b in national.national.blocks}
    figures = []
    names, ids = c.responses["name"].to_numpy(), c.responses["response_id"].to_numpy()
    order = sorted(rows.tolist(), key=lambda row: (str(names[row]), int(ids[row])))
    infos = c.responses.to_dict("records")
    cells = c.cells[["type", "region", "sector"]].to_dict("records")
    previous_blocks = {code: b for b, code in enumerate(p.version.block_codes)} if p is not None else {}
    for row in order:
        info, cell = infos[row], cells[row]
        before = before_row.get(row)
        scores = c.scores[row]
        own_scores = {code: _float(scores[b]) for b, code in enumerate(blocks)}
        earlier = previous_levels.get(before, [])
        figures.append(
            InstitutionFigures(
                institution=InstitutionInfo(
                    id=int(info["institution_id"]),
                    code=str(info["code"]),
                    name=str(info["name"]),
                    type=str(cell["type"]),
                    region=str(cell["region"]),
                    sector=str(cell["sector"]),
                    language=str(info["language"]),
                ),
                blocks=[
                    _own_score(
                        code,
                        own_scores[code],
                        _cell(p.scores if p is not None else None, before, previous_blocks.get(code)),
                        _cell(comparable, row, b),
                        _cell(computation.comparable_previous, before, b),
                    )
                    for b, code in enumerate(blocks)
                ],
                total=_own_score(
                    "total",
                    _float(c.totals[row]),
                    _float(p.totals[before]) if before is not None else None,
                    _float(comparable_totals[row]) if comparable_totals is not None else None,
                    _float(previous_totals[before]) if previous_totals is not None and before is not None else None,
                ),
                levels=[
                    OwnLevel(
                        statement=code,
                        level=levels.get(row, {}).get(s),
                        previous_level=(
                            earlier.get(computation.ancestors[s]) if s in computation.ancestors and earlier else None
                        ),
                    )
                    for s, code in enumerate(statements)
                ],
                priorities=own_view(
                    blocks,
                    {code: ranks.get(row, {}).get(b) for b, code in enumerate(blocks)},
                    own_scores,
                    national_means,
                ),
                focus_areas=[code for f, code in enumerate(focus_codes) if chosen.get(row, {}).get(f)],
                collaboration=[
                    OwnCollaboration(stakeholder=code, intensity=intensities.get(row, {}).get(k))
                    for k, code in enumerate(stakeholders)
                ],
                open_answers=[
                    OwnOpenAnswer(block=code, good_example=text[0], remarks=text[1])
                    for b, code in enumerate(blocks)
                    if (text := open_answers.get(row, {}).get(b))
                ],
                pride_example=str(info["pride_example"]),
                consent_to_quote=None if pd.isna(info["consent_to_quote"]) else bool(info["consent_to_quote"]),
                previous_year=p.year if p is not None else None,
            )
        )
    return figures


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


def _table(frame: pd.DataFrame, rows: set[int], item: str, value: str, items: int) -> dict[int, dict[int, int]]:
    """Per response row: {item position: value} for the wanted rows."""
    found: dict[int, dict[int, int]] = defaultdict(dict)
    subset = frame[frame["r"].isin(rows)] if len(rows) < len(frame) else frame
    for r, position, number in zip(subset["r"].tolist(), subset[item].tolist(), subset[value].tolist(), strict=True):
        if 0 <= position < items:
            found[r][position] = int(number)
    return found


def _open_answers(frame: pd.DataFrame, rows: set[int]) -> dict[int, dict[int, tuple[str, str]]]:
    found: dict[int, dict] = defaultdict(dict)
    subset = frame[frame["r"].isin(rows)]
    for r, b, good, remarks in zip(
        subset["r"].tolist(), subset["b"].tolist(), subset["good_example"].tolist(), subset["remarks"].tolist(),
        strict=True,
    ):  # fmt: skip
        if (good or "").strip() or (remarks or "").strip():
            found[r][b] = (good or "", remarks or "")
    return found


def _cell(matrix: np.ndarray | None, row: int | None, column: int | None) -> float | None:
    if matrix is None or row is None or column is None:
        return None
    return _float(matrix[row, column])


def _float(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)
