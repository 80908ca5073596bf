"""Trends between rounds, on comparable items only.

Statements are linked across questionnaire versions by `Statement.previous`. A
statement of the current round is *comparable* with the statement of the previous
round's questionnaire that it descends from when every step of that descent is
`same` or `reworded`; a `rescaled` or `new` step breaks it. When both rounds use the
same questionnaire version, every statement is comparable with itself.

For each block:
- raw change = this round's national block mean − the previous round's (all statements);
- corrected change = the national mean over only this round's comparable statements of
  the block − the previous round's national mean over their predecessors. When the
  questionnaire did not change, corrected change equals the raw change.
The total works alike: raw from the total scores, corrected from totals over the
comparable statements only.
"""

import numpy as np
import pandas as pd

from factsheets.aggregation.pictures import Change
from factsheets.aggregation.prepare import PreparedRound
from factsheets.aggregation.scores import block_matrix
from surveys.models import Lineage

COMPARABLE = frozenset(str(lineage) for lineage in Lineage.comparable())


def comparable_ancestors(statements: pd.DataFrame, current_version: int, previous_version: int) -> dict[int, int]:
    """Map each statement of `current_version` to its comparable predecessor in `previous_version`."""
    current = statements.loc[statements["questionnaire_id"] == current_version, "statement_id"]
    if current_version == previous_version:
        return {int(s): int(s) for s in current}
    steps = {
        int(sid): (int(version), lineage, None if pd.isna(prev) else int(prev))
        for sid, version, lineage, prev in zip(
            statements["statement_id"],
            statements["questionnaire_id"],
            statements["lineage"],
            statements["previous_id"],
            strict=True,
        )
    }
    found: dict[int, int] = {}
    for start in current:
        sid = int(start)
        for _ in range(len(steps)):
            _, lineage, previous = steps[sid]
            if lineage not in COMPARABLE or previous is None or previous not in steps:
                break
            sid = previous
            if steps[sid][0] == previous_version:
                found[int(start)] = sid
                break
    return found


def comparable_scores(
    current: PreparedRound, previous: PreparedRound, pairs: dict[int, int]
) -> tuple[np.ndarray, np.ndarray]:
    """Block scores (responses × blocks) over comparable statements only, this round and the previous one.

    `pairs` maps this round's statement positions to their predecessors' positions. The
    predecessors' answers are scored in the block of the statement they lead to, so both
    sides measure one set of statements.
    """
    blocks = len(current.version.blocks)
    answers = current.answers[current.answers["s"].isin(list(pairs))]
    now = block_matrix(
        answers["r"].to_numpy(), answers["b"].to_numpy(), answers["level"].to_numpy(), len(current.cells), blocks
    )
    block_of = current.version.statements["b"].to_numpy()
    links = pd.DataFrame({"s": list(pairs.values()), "to": [block_of[s] for s in pairs]}).drop_duplicates()
    earlier = previous.answers[["r", "s", "level"]].merge(links, on="s")
    before = block_matrix(
        earlier["r"].to_numpy(), earlier["to"].to_numpy(), earlier["level"].to_numpy(), len(previous.cells), blocks
    )
    return now, before


def change(
    key: str,
    mean: float | None,
    previous_mean: float | None,
    corrected_mean: float | None,
    corrected_previous_mean: float | None,
    comparable_statements: list[str],
) -> Change:
    return Change(
        key=key,
        previous_mean=previous_mean,
        mean=mean,
        raw_change=_minus(mean, previous_mean),
        comparable_statements=comparable_statements,
        corrected_previous_mean=corrected_previous_mean if comparable_statements else None,
        corrected_mean=corrected_mean if comparable_statements else None,
        corrected_change=_minus(corrected_mean, corrected_previous_mean) if comparable_statements else None,
    )


def _minus(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a - b
