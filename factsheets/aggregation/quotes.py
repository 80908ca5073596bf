"""Quotes and pride examples, only from institutions that consented to being quoted.

- Good examples of a block are quoted from institutions whose block score is 3 or
  more (the question is asked only then); level 4 when the score is 3.5 or more, else 3.
- Pride examples come from the consenting institutions with the highest total scores
  (ties by name); no other output names institutions in order of score.
"""

import pandas as pd

from factsheets.aggregation.pictures import PrideExample, Quote

PRIDE_EXAMPLES = 5


def quote_level(score: float | None) -> int | None:
    if score is None or pd.isna(score) or score < 3:
        return None
    return 4 if score >= 3.5 else 3


def quotes(block_answers: pd.DataFrame, scores: pd.DataFrame, names: pd.Series, block_order: list[str]) -> list[Quote]:
    """`block_answers`: response_id, block, good_example; `scores`: response_id, block, score;
    `names`: institution name per response_id, for consenting responses only."""
    texts = block_answers[block_answers["response_id"].isin(names.index)]
    texts = texts[texts["good_example"].fillna("").str.strip() != ""]
    score = scores.set_index(["response_id", "block"])["score"]
    found = []
    for response_id, block, text in zip(texts["response_id"], texts["block"], texts["good_example"], strict=True):
        level = quote_level(score.get((response_id, block)))
        if level is not None:
            found.append(Quote(block=str(block), level=level, institution=str(names[response_id]), text=text.strip()))
    position = {code: i for i, code in enumerate(block_order)}
    return sorted(found, key=lambda q: (position.get(q.block, len(position)), -q.level, q.institution))


def pride_examples(consenting: pd.DataFrame, totals: pd.Series, limit: int = PRIDE_EXAMPLES) -> list[PrideExample]:
    """`consenting`: response_id, name, pride_example of consenting responses; `totals` per response_id."""
    candidates = consenting[consenting["pride_example"].fillna("").str.strip() != ""]
    ranked = sorted(
        (
            (float(totals[response_id]), name, text.strip())
            for response_id, name, text in zip(
                candidates["response_id"], candidates["name"], candidates["pride_example"], strict=True
            )
            if response_id in totals.index
        ),
        key=lambda row: (-row[0], row[1]),
    )
    return [
        PrideExample(position=i, institution=name, total=total, text=text)
        for i, (total, name, text) in enumerate(ranked[:limit], start=1)
    ]
