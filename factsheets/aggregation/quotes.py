"""Quotes and pride examples, only from institutions that consented to being quoted.

- Good examples of a block are quoted from institutions whose block score is 3 or
  more (the question is asked only then); level 4 when the score is 3.5 or more, else 3.
- Pride examples come from the consenting institutions with the highest total scores
  (ties by name); no other output names institutions in order of score.
"""

import numpy as np
import pandas as pd

from factsheets.aggregation.pictures import PrideExample, Quote

PRIDE_EXAMPLES = 5


def consenting(responses: pd.DataFrame) -> np.ndarray:
    """Per response row: True only when the institution said yes to being quoted."""
    return np.array([value is True or value == 1 for value in responses["consent_to_quote"]], dtype=bool)


def quote_levels(scores: np.ndarray) -> np.ndarray:
    """4 for a block score of 3.5 or more, 3 for 3 or more, else 0 (not quoted)."""
    with np.errstate(invalid="ignore"):
        return np.where(scores >= 3.5, 4, np.where(scores >= 3, 3, 0))


def quotes(
    block_answers: pd.DataFrame, scores: np.ndarray, responses: pd.DataFrame, block_codes: list[str]
) -> list[Quote]:
    """`block_answers`: r, b, good_example; `scores`: responses × blocks; `responses`: row r with name, consent."""
    r, b = block_answers["r"].to_numpy(), block_answers["b"].to_numpy()
    texts = [str(text or "").strip() for text in block_answers["good_example"]]
    levels = quote_levels(scores[r, b]) if len(r) else np.array([], dtype=int)
    allowed = consenting(responses)
    names = responses["name"].to_numpy()
    found = [
        Quote(block=block_codes[block], level=int(level), institution=str(names[row]), text=text)
        for row, block, level, text in zip(r, b, levels, texts, strict=True)
        if text and level and allowed[row]
    ]
    position = {code: i for i, code in enumerate(block_codes)}
    return sorted(found, key=lambda q: (position[q.block], -q.level, q.institution, q.text))


def pride_examples(responses: pd.DataFrame, totals: np.ndarray, limit: int = PRIDE_EXAMPLES) -> list[PrideExample]:
    """`responses`: row r with name, pride_example, consent; `totals`: the total score per row."""
    allowed = consenting(responses)
    ranked = sorted(
        (
            (float(total), str(name), str(text).strip())
            for name, text, total, ok in zip(
                responses["name"], responses["pride_example"], totals, allowed, strict=True
            )
            if ok and str(text or "").strip() and not np.isnan(total)
        ),
        key=lambda row: (-row[0], row[1]),
    )
    return [
        PrideExample(position=i, institution=name, total=total, text=text)
        for i, (total, name, text) in enumerate(ranked[:limit], start=1)
    ]
