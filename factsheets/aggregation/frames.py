"""From the database to DataFrames: one query per table for a set of rounds, never per institution.

Everything after this module is pure pandas. The answer tables are read with only
the columns the maths needs; on PostgreSQL the big ones are streamed with COPY into
`pandas.read_csv`, which is several times faster and leaner than building Python
tuples, and elsewhere (SQLite) with a plain cursor.
"""

import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import pandas as pd
from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import QuerySet

from surveys.models import (
    BlockAnswer,
    BuildingBlock,
    CollaborationAnswer,
    FocusArea,
    FocusAreaChoice,
    Institution,
    PriorityRank,
    QuestionnaireVersion,
    Response,
    Round,
    Stakeholder,
    Statement,
    StatementAnswer,
)

SUBMITTED = Response.Status.SUBMITTED


@dataclass(frozen=True)
class Frames:
    """The raw material of the aggregation, one DataFrame per table.

    Answer tables hold only the answers of submitted responses. The questionnaire
    tables hold every version, because statement lineage may run through a version
    that had no round of its own.
    """

    rounds: pd.DataFrame  # round_id, year, title, status, questionnaire_id, closes_on
    questionnaires: pd.DataFrame  # questionnaire_id, code
    blocks: pd.DataFrame  # block_id, questionnaire_id, code, name, name_en, position
    statements: pd.DataFrame  # statement_id, questionnaire_id, block_id, code, position, text, ..., previous_id
    focus_areas: pd.DataFrame  # focus_area_id, questionnaire_id, code, label, label_en, position
    stakeholders: pd.DataFrame  # stakeholder_id, questionnaire_id, code, label, label_en, position
    institutions: pd.DataFrame  # institution_id, code, name, type, region, is_member, member_since, language
    responses: pd.DataFrame  # response_id, round_id, institution_id, status, institution_type, region, ...
    answers: pd.DataFrame  # response_id, statement_id, level
    block_answers: pd.DataFrame  # response_id, block_id, good_example, remarks
    focus_choices: pd.DataFrame  # response_id, focus_area_id
    collaboration: pd.DataFrame  # response_id, stakeholder_id, intensity
    priorities: pd.DataFrame  # response_id, block_id, rank


STATEMENT_COLUMNS = {
    "id": "statement_id",
    "questionnaire_id": "questionnaire_id",
    "block_id": "block_id",
    "code": "code",
    "position": "position",
    "text": "text",
    "text_en": "text_en",
    "verbatim": "verbatim",
    "lineage": "lineage",
    "previous_id": "previous_id",
    **{f"level_{level}": f"level_{level}" for level in (1, 2, 3, 4)},
    **{f"level_{level}_en": f"level_{level}_en" for level in (1, 2, 3, 4)},
}


def load_frames(rounds: Iterable[Round], *, details: Iterable[Round] | None = None) -> Frames:
    """Read everything the aggregation needs for `rounds` (typically a round and its previous one).

    The priority ranks and open answers are read only for the rounds in `details` (all
    when None): a previous round is needed for its scores, distributions, focus areas
    and collaboration, never for its ranks or texts.
    """
    round_ids = sorted({r.pk for r in rounds})
    detail_ids = round_ids if details is None else sorted({r.pk for r in details})
    with _consistent_read():
        return _read(round_ids, detail_ids)


@contextmanager
def _consistent_read() -> Iterator[None]:
    """One transaction for all tables; on PostgreSQL one snapshot for all of them, tuned for big reads."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                if outermost:
                    # Every table as of one moment, so a response submitted meanwhile is in all or in none.
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                # These are a few large reads of cached rows: compiling them (JIT) costs more than it saves,
                # and the planner should prefer the response_id index over scanning every round's answers.
                cursor.execute("SET LOCAL jit = off")
                cursor.execute("SET LOCAL random_page_cost = 1.1")
        yield


def _read(round_ids: list[int], detail_ids: list[int]) -> Frames:
    version_ids = list(Round.objects.filter(pk__in=round_ids).values_list("questionnaire_id", flat=True))
    submitted = {"response__round_id__in": round_ids, "response__status": SUBMITTED}
    detailed = {"response__round_id__in": detail_ids, "response__status": SUBMITTED}
    return Frames(
        rounds=_records(
            Round.objects.filter(pk__in=round_ids),
            {
                "id": "round_id",
                "year": "year",
                "title": "title",
                "status": "status",
                "questionnaire_id": "questionnaire_id",
                "closes_on": "closes_on",
            },
        ),
        questionnaires=_records(QuestionnaireVersion.objects.all(), {"id": "questionnaire_id", "code": "code"}),
        blocks=_records(
            BuildingBlock.objects.all(),
            {
                "id": "block_id",
                "questionnaire_id": "questionnaire_id",
                "code": "code",
                "name": "name",
                "name_en": "name_en",
                "position": "position",
            },
        ),
        statements=_records(Statement.objects.all(), STATEMENT_COLUMNS),
        focus_areas=_records(FocusArea.objects.filter(questionnaire_id__in=version_ids), _option_columns("focus_area")),
        stakeholders=_records(
            Stakeholder.objects.filter(questionnaire_id__in=version_ids), _option_columns("stakeholder")
        ),
        institutions=_records(
            Institution.objects.all(),
            {
                "id": "institution_id",
                "code": "code",
                "name": "name",
                "type": "type",
                "region": "region",
                "is_member": "is_member",
                "member_since": "member_since",
                "language": "language",
            },
        ),
        responses=_records(
            Response.objects.filter(round_id__in=round_ids),
            {
                "id": "response_id",
                "round_id": "round_id",
                "institution_id": "institution_id",
                "status": "status",
                "institution_type": "institution_type",
                "region": "region",
                "pride_example": "pride_example",
                "consent_to_quote": "consent_to_quote",
            },
        ),
        answers=_numbers(
            StatementAnswer.objects.filter(**submitted),
            {"response_id": "int64", "statement_id": "int64", "level": "int8"},
        ),
        block_answers=_records(
            # Only rows with some text: an empty open answer carries nothing to quote or show.
            BlockAnswer.objects.filter(**detailed).exclude(good_example="", remarks=""),
            {
                "response_id": "response_id",
                "block_id": "block_id",
                "good_example": "good_example",
                "remarks": "remarks",
            },
        ),
        focus_choices=_numbers(
            FocusAreaChoice.objects.filter(**submitted), {"response_id": "int64", "focus_area_id": "int64"}
        ),
        collaboration=_numbers(
            CollaborationAnswer.objects.filter(**submitted),
            {"response_id": "int64", "stakeholder_id": "int64", "intensity": "int8"},
        ),
        priorities=_numbers(
            PriorityRank.objects.filter(**detailed), {"response_id": "int64", "block_id": "int64", "rank": "int8"}
        ),
    )


def _option_columns(name: str) -> dict[str, str]:
    return {
        "id": f"{name}_id",
        "questionnaire_id": "questionnaire_id",
        "code": "code",
        "label": "label",
        "label_en": "label_en",
        "position": "position",
    }


def _records(queryset: QuerySet, columns: dict[str, str]) -> pd.DataFrame:
    """A small table through the ORM (so dates and booleans come back as Python values)."""
    rows = list(queryset.order_by().values_list(*columns))
    return pd.DataFrame.from_records(rows, columns=list(columns.values()))


def _numbers(queryset: QuerySet, columns: dict[str, str]) -> pd.DataFrame:
    """A large table of integers (no NULLs), read in one query without building Python objects per row."""
    try:
        sql, params = queryset.order_by().values_list(*columns).query.sql_with_params()
    except EmptyResultSet:  # filtered on an empty list of rounds
        return _empty(columns)
    with connection.cursor() as cursor:
        raw = getattr(cursor, "cursor", cursor)
        if connection.vendor == "postgresql" and hasattr(raw, "copy_expert"):
            return _binary_copy(raw, sql, params, columns)
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not rows:
        return _empty(columns)
    return pd.DataFrame.from_records(rows, columns=list(columns)).astype(columns)


# PostgreSQL's binary COPY: a 19-byte header, then per row a 2-byte field count and per field a
# 4-byte length and the value (big-endian), then a 2-byte trailer. With every field cast to a fixed
# width and no NULLs, every row has the same size and numpy reads the whole buffer at once.
_HEADER, _TRAILER = 19, 2
_WIDTHS = {"int64": ("int8", ">i8"), "int32": ("int4", ">i4"), "int16": ("int2", ">i2"), "int8": ("int2", ">i2")}


def _binary_copy(raw, sql: str, params, columns: dict[str, str]) -> pd.DataFrame:
    names = [f"c{i}" for i in range(len(columns))]
    casts = ", ".join(f"{name}::{_WIDTHS[dtype][0]}" for name, dtype in zip(names, columns.values(), strict=True))
    query = f"COPY (SELECT {casts} FROM ({sql}) AS q({', '.join(names)})) TO STDOUT WITH (FORMAT binary)"
    buffer = io.BytesIO()
    raw.copy_expert(raw.mogrify(query, params), buffer)
    data = buffer.getbuffer()
    fields = [("count", ">i2")]
    for i, dtype in enumerate(columns.values()):
        fields += [(f"length{i}", ">i4"), (f"value{i}", _WIDTHS[dtype][1])]
    row = np.dtype(fields)
    count = (len(data) - _HEADER - _TRAILER) // row.itemsize
    rows = np.frombuffer(data, dtype=row, offset=_HEADER, count=count)
    if (rows["count"] != len(columns)).any() or _HEADER + count * row.itemsize + _TRAILER != len(data):
        raise ValueError("Unexpected binary COPY layout (a NULL value?) while reading " + ", ".join(columns))
    frame = pd.DataFrame({name: rows[f"value{i}"].astype(dtype) for i, (name, dtype) in enumerate(columns.items())})
    del rows, data
    buffer.close()
    return frame


def _empty(columns: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})
