"""Frames built in memory, for property tests of the pure aggregation (no database).

A scan is described by plain lists; `frames(scan)` turns it into the `Frames` that
`load_frames` would read from the database for the same data.
"""

import datetime
from dataclasses import dataclass, field

import pandas as pd
from hypothesis import strategies as st

from factsheets.aggregation.frames import STATEMENT_COLUMNS, Frames

TYPES = ["algemeen", "stz", "umc", "categoraal", "overig"]
REGIONS = ["utrecht", "limburg", "groningen"]
LINEAGES = ["same", "reworded", "rescaled", "new"]
FOCUS = ["ehealth", "preventie", "netwerkzorg"]
STAKEHOLDERS = ["huisartsen", "vvt"]


@dataclass
class Scan:
    blocks: int
    per_block: int
    # Per institution (index = institution), per statement: level or None (unanswered).
    current: list[list[int | None]]
    previous: list[list[int | None]] | None
    types: list[str]
    regions: list[str]
    ranks: list[list[int]]
    focus: list[list[bool]]
    intensities: list[list[int | None]]
    same_version: bool = True
    lineages: list[str] = field(default_factory=list)

    @property
    def statements(self) -> int:
        return self.blocks * self.per_block


levels = st.one_of(st.none(), st.integers(1, 4), st.integers(1, 4))


@st.composite
def scans(draw, *, same_version: bool | None = None, with_previous: bool | None = None) -> Scan:
    blocks = draw(st.integers(1, 4))
    per_block = draw(st.integers(1, 3))
    count = draw(st.integers(1, 12))
    statements = blocks * per_block
    answers = st.lists(levels, min_size=statements, max_size=statements)
    has_previous = draw(st.booleans()) if with_previous is None else with_previous
    same = draw(st.booleans()) if same_version is None else same_version
    return Scan(
        blocks=blocks,
        per_block=per_block,
        current=draw(st.lists(answers, min_size=count, max_size=count)),
        previous=draw(st.lists(answers, min_size=count, max_size=count)) if has_previous else None,
        types=draw(st.lists(st.sampled_from(TYPES), min_size=count, max_size=count)),
        regions=draw(st.lists(st.sampled_from(REGIONS), min_size=count, max_size=count)),
        ranks=[list(draw(st.permutations(range(1, blocks + 1)))) for _ in range(count)],
        focus=draw(st.lists(st.lists(st.booleans(), min_size=3, max_size=3), min_size=count, max_size=count)),
        intensities=draw(
            st.lists(
                st.lists(st.one_of(st.none(), st.integers(1, 4)), min_size=2, max_size=2),
                min_size=count,
                max_size=count,
            )
        ),
        same_version=same,
        lineages=draw(st.lists(st.sampled_from(LINEAGES), min_size=statements, max_size=statements)),
    )


CURRENT, PREVIOUS = 2, 1


def frames(scan: Scan) -> Frames:
    """Round 2 (year 2021) is current; round 1 (2020) the previous one when the scan has it."""
    versions = [PREVIOUS] if scan.same_version else [PREVIOUS, CURRENT]
    blocks, statements, focus_areas, stakeholders = [], [], [], []
    for version in versions:
        for b in range(scan.blocks):
            blocks.append((_block_id(version, b), version, f"blok{b}", f"Blok {b}", f"Block {b}", b + 1))
            for s in range(scan.per_block):
                index = b * scan.per_block + s
                lineage, previous = "new", None
                if version == CURRENT:
                    lineage = scan.lineages[index]
                    previous = None if lineage == "new" else _statement_id(PREVIOUS, index)
                statements.append(
                    (_statement_id(version, index), version, _block_id(version, b), f"S{index:02d}", s + 1)
                    + (f"Stelling {index}", "", False, lineage, previous)
                    + ("een", "twee", "drie", "vier", "", "", "", "")
                )
        for position, code in enumerate(FOCUS, start=1):
            focus_areas.append((version * 100 + position, version, code, code, "", position))
        for position, code in enumerate(STAKEHOLDERS, start=1):
            stakeholders.append((version * 100 + position, version, code, code, "", position))

    current_version = PREVIOUS if scan.same_version else CURRENT
    rounds = [(CURRENT, 2021, "2021", "closed", current_version, datetime.date(2021, 5, 22))]
    sides = [(CURRENT, current_version, scan.current)]
    if scan.previous is not None:
        rounds.append((PREVIOUS, 2020, "2020", "published", PREVIOUS, datetime.date(2020, 5, 22)))
        sides.append((PREVIOUS, PREVIOUS, scan.previous))

    institutions = [
        (i + 1, f"inst-{i}", f"Instelling {i:02d}", scan.types[i], scan.regions[i], True, None, "nl")
        for i in range(len(scan.current))
    ]
    responses, answers, ranks, choices, collaboration = [], [], [], [], []
    for round_id, version, table in sides:
        for i, row in enumerate(table):
            response_id = round_id * 1000 + i
            responses.append((response_id, round_id, i + 1, "submitted", scan.types[i], scan.regions[i], "", None))
            for index, level in enumerate(row):
                if level is not None:
                    answers.append((response_id, _statement_id(version, index), level))
            for b, rank in enumerate(scan.ranks[i]):
                ranks.append((response_id, _block_id(version, b), rank))
            for position, chosen in enumerate(scan.focus[i], start=1):
                if chosen:
                    choices.append((response_id, version * 100 + position))
            for position, intensity in enumerate(scan.intensities[i], start=1):
                if intensity is not None:
                    collaboration.append((response_id, version * 100 + position, intensity))

    option = ["questionnaire_id", "code", "label", "label_en", "position"]
    return Frames(
        rounds=_frame(rounds, ["round_id", "year", "title", "status", "questionnaire_id", "closes_on"]),
        questionnaires=_frame([(v, str(v)) for v in versions], ["questionnaire_id", "code"]),
        blocks=_frame(blocks, ["block_id", "questionnaire_id", "code", "name", "name_en", "position"]),
        statements=_frame(statements, list(STATEMENT_COLUMNS.values())),
        focus_areas=_frame(focus_areas, ["focus_area_id", *option]),
        stakeholders=_frame(stakeholders, ["stakeholder_id", *option]),
        institutions=_frame(
            institutions,
            ["institution_id", "code", "name", "type", "region", "is_member", "member_since", "language"],
        ),
        responses=_frame(
            responses,
            [
                "response_id",
                "round_id",
                "institution_id",
                "status",
                "institution_type",
                "region",
                "pride_example",
                "consent_to_quote",
            ],
        ),
        answers=_frame(answers, ["response_id", "statement_id", "level"], "int64", level="int8"),
        block_answers=_frame([], ["response_id", "block_id", "good_example", "remarks"]),
        focus_choices=_frame(choices, ["response_id", "focus_area_id"], "int64"),
        collaboration=_frame(collaboration, ["response_id", "stakeholder_id", "intensity"], "int64", intensity="int8"),
        priorities=_frame(ranks, ["response_id", "block_id", "rank"], "int64", rank="int8"),
    )


def shuffled(data: Frames, seed: int) -> Frames:
    """The same frames with every table's rows in another order."""
    return Frames(
        **{
            name: getattr(data, name).sample(frac=1, random_state=seed).reset_index(drop=True)
            for name in Frames.__dataclass_fields__
        }
    )


def _block_id(version: int, block: int) -> int:
    return version * 100 + block


def _statement_id(version: int, index: int) -> int:
    return version * 1000 + index


def _frame(rows: list[tuple], columns: list[str], dtype: str | None = None, **dtypes: str) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=columns)
    if dtype:
        frame = frame.astype({column: dtypes.get(column, dtype) for column in columns})
    return frame
