"""One round's submitted answers, shaped for the maths: items carry their codes, responses their groups."""

from dataclasses import dataclass

import pandas as pd

from factsheets.aggregation.frames import Frames
from factsheets.aggregation.groups import response_cells
from factsheets.aggregation.scores import block_scores, total_scores


@dataclass(frozen=True)
class Version:
    """A questionnaire version's items in their order."""

    id: int
    code: str
    blocks: pd.DataFrame  # block_id, code, name, name_en, position (in order)
    statements: pd.DataFrame  # statement rows with `block` (code), in block order then position
    focus_areas: pd.DataFrame
    stakeholders: pd.DataFrame

    @property
    def block_codes(self) -> list[str]:
        return list(self.blocks["code"])

    @property
    def block_of(self) -> pd.Series:
        """Block (categorical, in questionnaire order) per statement_id."""
        return pd.Series(
            pd.Categorical(self.statements["block"], categories=self.block_codes),
            index=self.statements["statement_id"].to_numpy(),
        )


@dataclass(frozen=True)
class PreparedRound:
    round_id: int
    year: int
    title: str
    status: str
    closes_on: object
    version: Version
    all_cells: pd.DataFrame  # every response (draft too): institution_id, type, region, sector, national, status
    cells: pd.DataFrame  # submitted responses only, indexed by response_id
    responses: pd.DataFrame  # submitted: response_id, institution_id, name, code, language, pride_example, consent
    answers: pd.DataFrame  # response_id, statement_id, level, block
    scores: pd.DataFrame  # response_id, block, score
    totals: pd.DataFrame  # response_id, total
    priorities: pd.DataFrame  # response_id, block, rank
    focus_choices: pd.DataFrame  # response_id, focus_area (code)
    collaboration: pd.DataFrame  # response_id, stakeholder (code), intensity
    block_answers: pd.DataFrame  # response_id, block, good_example, remarks


def version(frames: Frames, questionnaire_id: int) -> Version:
    blocks = frames.blocks[frames.blocks["questionnaire_id"] == questionnaire_id].sort_values("position")
    code_of = dict(zip(blocks["block_id"], blocks["code"], strict=True))
    statements = frames.statements[frames.statements["questionnaire_id"] == questionnaire_id]
    statements = statements.assign(
        block=statements["block_id"].map(code_of),
        block_position=statements["block_id"].map(dict(zip(blocks["block_id"], blocks["position"], strict=True))),
    ).sort_values(["block_position", "position"])
    code = frames.questionnaires.set_index("questionnaire_id")["code"].get(questionnaire_id, "")
    return Version(
        id=int(questionnaire_id),
        code=str(code),
        blocks=blocks.reset_index(drop=True),
        statements=statements.reset_index(drop=True),
        focus_areas=_ordered(frames.focus_areas, questionnaire_id),
        stakeholders=_ordered(frames.stakeholders, questionnaire_id),
    )


def _ordered(options: pd.DataFrame, questionnaire_id: int) -> pd.DataFrame:
    return options[options["questionnaire_id"] == questionnaire_id].sort_values("position").reset_index(drop=True)


def prepare(frames: Frames, round_id: int) -> PreparedRound:
    info = frames.rounds.set_index("round_id").loc[round_id]
    items = version(frames, int(info["questionnaire_id"]))
    responses = frames.responses[frames.responses["round_id"] == round_id]
    all_cells = response_cells(responses, frames.institutions).assign(status=responses["status"].to_numpy())
    cells = all_cells[all_cells["status"] == "submitted"]
    submitted = cells.index

    block_of = items.block_of
    answers = frames.answers[frames.answers["response_id"].isin(submitted)]
    answers = answers[answers["statement_id"].isin(block_of.index)]
    answers = answers.assign(block=block_of.reindex(answers["statement_id"].to_numpy()).to_numpy())
    scores = block_scores(answers)

    block_code = pd.Series(
        pd.Categorical(items.blocks["code"], categories=items.block_codes), index=items.blocks["block_id"].to_numpy()
    )
    priorities = _in(frames.priorities, submitted)
    priorities = priorities.assign(block=block_code.reindex(priorities["block_id"].to_numpy()).to_numpy())
    block_answers = _in(frames.block_answers, submitted)
    block_answers = block_answers.assign(block=block_code.reindex(block_answers["block_id"].to_numpy()).to_numpy())
    focus_choices = _in(frames.focus_choices, submitted)
    focus_code = items.focus_areas.set_index("focus_area_id")["code"]
    collaboration = _in(frames.collaboration, submitted)
    stakeholder_code = items.stakeholders.set_index("stakeholder_id")["code"]

    institutions = frames.institutions.set_index("institution_id")
    kept = responses[responses["status"] == "submitted"]
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
                "institution_id": kept["institution_id"].to_numpy(),
                "name": institutions["name"].reindex(kept["institution_id"]).to_numpy(),
                "code": institutions["code"].reindex(kept["institution_id"]).to_numpy(),
                "language": institutions["language"].reindex(kept["institution_id"]).to_numpy(),
                "pride_example": kept["pride_example"].fillna("").to_numpy(),
                "consent_to_quote": kept["consent_to_quote"].to_numpy(),
            }
        ),
        answers=answers,
        scores=scores,
        totals=total_scores(scores),
        priorities=priorities.dropna(subset=["block"]),
        focus_choices=focus_choices.assign(focus_area=focus_choices["focus_area_id"].map(focus_code)).dropna(
            subset=["focus_area"]
        ),
        collaboration=collaboration.assign(stakeholder=collaboration["stakeholder_id"].map(stakeholder_code)).dropna(
            subset=["stakeholder"]
        ),
        block_answers=block_answers.dropna(subset=["block"]),
    )


def _in(frame: pd.DataFrame, response_ids: pd.Index) -> pd.DataFrame:
    return frame[frame["response_id"].isin(response_ids)]
