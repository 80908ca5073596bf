"""One round's submitted answers, shaped for the maths.

Everything is turned into small integer positions once: a response is its row `r` in
`cells`, a block its position `b` in the questionnaire, a statement its position `s`,
a focus area `f`, a stakeholder `k`. The maths then counts and averages with numpy
over these positions instead of grouping by ids and codes again and again.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from factsheets.aggregation.frames import Frames
from factsheets.aggregation.groups import response_cells
from factsheets.aggregation.scores import block_matrix, totals


@dataclass(frozen=True)
class Version:
    """A questionnaire version's items, each list in questionnaire order."""

    id: int
    code: str
    blocks: pd.DataFrame  # block_id, code, name, name_en, position
    statements: pd.DataFrame  # statement rows with `block` (code) and `b` (block position)
    focus_areas: pd.DataFrame
    stakeholders: pd.DataFrame

    @property
    def block_codes(self) -> list[str]:
        return list(self.blocks["code"])

    @property
    def statement_codes(self) -> list[str]:
        return list(self.statements["code"])


@dataclass(frozen=True)
class PreparedRound:
    round_id: int
    year: int
    title: str
    status: str
    closes_on: object
    version: Version
    all_cells: pd.DataFrame  # every response (drafts too): institution_id, type, region, sector, status
    cells: pd.DataFrame  # submitted responses, row r: response_id, institution_id, type, region, sector, national
    responses: pd.DataFrame  # row r: response_id, institution_id, name, code, language, pride_example, consent
    answers: pd.DataFrame  # r, s, b, level
    scores: np.ndarray  # r × b block scores (NaN: no answer in the block)
    totals: np.ndarray  # r: total score (NaN: no block score)
    priorities: pd.DataFrame  # r, b, rank
    focus_choices: pd.DataFrame  # r, f
    collaboration: pd.DataFrame  # r, k, intensity
    block_answers: pd.DataFrame  # r, b, good_example, remarks


def version(frames: Frames, questionnaire_id: int) -> Version:
    blocks = frames.blocks[frames.blocks["questionnaire_id"] == questionnaire_id].sort_values("position")
    blocks = blocks.reset_index(drop=True)
    position = pd.Series(np.arange(len(blocks)), index=blocks["block_id"].to_numpy())
    statements = frames.statements[frames.statements["questionnaire_id"] == questionnaire_id]
    statements = statements.assign(
        b=position.reindex(statements["block_id"].to_numpy()).to_numpy(),
        block=blocks.set_index("block_id")["code"].reindex(statements["block_id"].to_numpy()).to_numpy(),
    )
    statements = statements.sort_values(["b", "position"]).reset_index(drop=True)
    code = frames.questionnaires.set_index("questionnaire_id")["code"].get(questionnaire_id, "")
    return Version(
        id=int(questionnaire_id),
        code=str(code),
        blocks=blocks,
        statements=statements,
        focus_areas=_ordered(frames.focus_areas, questionnaire_id),
        stakeholders=_ordered(frames.stakeholders, questionnaire_id),
    )


def _ordered(options: pd.DataFrame, questionnaire_id: int) -> pd.DataFrame:
    return options[options["questionnaire_id"] == questionnaire_id].sort_values("position").reset_index(drop=True)


def prepare(frames: Frames, round_id: int) -> PreparedRound:
    info = frames.rounds.set_index("round_id").loc[round_id]
    items = version(frames, int(info["questionnaire_id"]))
    responses = frames.responses[frames.responses["round_id"] == round_id].sort_values("response_id")
    all_cells = response_cells(responses, frames.institutions).assign(status=responses["status"].to_numpy())
    cells = all_cells[all_cells["status"] == "submitted"].drop(columns="status").reset_index()
    row = pd.Index(cells["response_id"].to_numpy())
    n, blocks = len(cells), len(items.blocks)

    answers = _located(frames.answers, row, "statement_id", items.statements["statement_id"], "s", "level")
    answers["b"] = items.statements["b"].to_numpy().astype(np.int32)[answers["s"].to_numpy()]
    scores = block_matrix(answers["r"].to_numpy(), answers["b"].to_numpy(), answers["level"].to_numpy(), n, blocks)

    kept = responses[responses["status"] == "submitted"]
    institutions = frames.institutions.set_index("institution_id")
    who = kept["institution_id"].to_numpy()
    return PreparedRound(
        round_id=int(round_id),
        year=int(info["year"]),
        title=str(info["title"]),
        status=str(info["status"]),
        closes_on=info["closes_on"],
        version=items,
        all_cells=all_cells,
        cells=cells,
        responses=pd.DataFrame(
            {
                "response_id": kept["response_id"].to_numpy(),
                "institution_id": who,
                "name": institutions["name"].reindex(who).to_numpy(),
                "code": institutions["code"].reindex(who).to_numpy(),
                "language": institutions["language"].reindex(who).to_numpy(),
                "pride_example": kept["pride_example"].fillna("").to_numpy(),
                "consent_to_quote": kept["consent_to_quote"].to_numpy(),
            }
        ),
        answers=answers,
        scores=scores,
        totals=totals(scores),
        priorities=_located(frames.priorities, row, "block_id", items.blocks["block_id"], "b", "rank"),
        focus_choices=_located(frames.focus_choices, row, "focus_area_id", items.focus_areas["focus_area_id"], "f"),
        collaboration=_located(
            frames.collaboration, row, "stakeholder_id", items.stakeholders["stakeholder_id"], "k", "intensity"
        ),
        block_answers=_located(
            frames.block_answers, row, "block_id", items.blocks["block_id"], "b", "good_example", "remarks"
        ),
    )


def _located(frame: pd.DataFrame, rows: pd.Index, item: str, items: pd.Series, name: str, *keep: str) -> pd.DataFrame:
    """For these responses and items: `r`, the item's position `name` and the `keep` columns.

    Small integer types, because a round of ten thousand institutions has half a million answers.
    """
    r = rows.get_indexer(frame["response_id"].to_numpy())
    position = pd.Index(items.to_numpy()).get_indexer(frame[item].to_numpy())
    found = (r >= 0) & (position >= 0)
    columns = {"r": r[found].astype(np.int32), name: position[found].astype(np.int32)}
    columns |= {column: frame[column].to_numpy()[found] for column in keep}
    return pd.DataFrame(columns)
