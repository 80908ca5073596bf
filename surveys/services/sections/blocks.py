"""A building block as a page: its statements, the good example (from a mean of 3) and remarks."""

import functools
import statistics
from collections.abc import Mapping

from django.db import connection
from django.utils.translation import gettext as _

from surveys.models import (
    BlockAnswer,
    BuildingBlock,
    Response,
    Statement,
    StatementAnswer,
)
from surveys.services.sections.base import Section, column, table, upsert

# A good example is asked only when the institution scores this or more on a block.
GOOD_EXAMPLE_MIN_MEAN = 3


class BlockSection(Section):
    def __init__(self, block: BuildingBlock, statements: list[Statement]) -> None:
        self.block = block
        self.statements = statements
        self.key = f"block:{block.code}"
        self.good_example_key = f"block:{block.code}:good_example"
        self.remarks_key = f"block:{block.code}:remarks"
        self._by_key = {statement_key(statement): statement for statement in statements}

    @property
    def title(self) -> str:
        return self.block.localized("name")

    def statement_keys(self) -> list[str]:
        return list(self._by_key)

    def item_keys(self) -> list[str]:
        return [*self._by_key, self.good_example_key, self.remarks_key]

    def label(self, key: str) -> str:
        if key == self.good_example_key:
            return _("Goed voorbeeld · %(block)s") % {"block": self.title}
        if key == self.remarks_key:
            return _("Toelichting · %(block)s") % {"block": self.title}
        statement = self._by_key[key]
        return f"{statement.code} · {statement.localized('text')}"[:255]

    def display(self, key: str, value: str) -> str:
        if key in self._by_key and value:
            return f"{value} · {self._by_key[key].localized(f'level_{value}')}"
        return super().display(key, value)

    def read(self, response: Response) -> dict[str, str]:
        values = dict.fromkeys(self.item_keys(), "")
        code_of = {statement.pk: statement.code for statement in self.statements}
        with connection.cursor() as cursor:
            cursor.execute(_block_answers_sql(len(code_of)), [response.pk, *code_of, response.pk, self.block.pk])
            for statement_id, level, good_example, remarks in cursor.fetchall():
                if statement_id:
                    values[f"statement:{code_of[statement_id]}"] = str(level)
                else:
                    values[self.good_example_key], values[self.remarks_key] = good_example, remarks
        return values

    def write(self, response: Response, changes: Mapping[str, str]) -> None:
        levels = {self._by_key[key]: value for key, value in changes.items() if key in self._by_key}
        upsert(
            StatementAnswer,
            response,
            "statement",
            {statement: int(value) for statement, value in levels.items() if value},
            "level",
            cleared=[statement for statement, value in levels.items() if not value],
        )
        texts = {
            field: changes[key]
            for field, key in (("good_example", self.good_example_key), ("remarks", self.remarks_key))
            if key in changes
        }
        if texts:
            BlockAnswer.objects.update_or_create(response=response, block=self.block, defaults=texts)

    def mean(self, values: Mapping[str, str]) -> float | None:
        levels = [int(values[key]) for key in self._by_key if values.get(key)]
        return statistics.fmean(levels) if levels else None

    def good_example_applies(self, values: Mapping[str, str]) -> bool:
        mean = self.mean(values)
        return mean is not None and mean >= GOOD_EXAMPLE_MIN_MEAN

    def derived(self, values: Mapping[str, str]) -> dict[str, str]:
        if values.get(self.good_example_key) and not self.good_example_applies(values):
            return {self.good_example_key: ""}
        return {}

    def progress(self, values: Mapping[str, str]) -> tuple[int, int]:
        return sum(1 for key in self._by_key if values.get(key)), len(self._by_key)

    def shown_keys(self, values: Mapping[str, str]) -> list[str]:
        keys = self.item_keys()
        return keys if self.good_example_applies(values) else [key for key in keys if key != self.good_example_key]

    def missing(self, values: Mapping[str, str]) -> list[str]:
        return [self.label(key) for key in self._by_key if not values.get(key)]


def statement_key(statement: Statement) -> str:
    return f"statement:{statement.code}"


@functools.lru_cache(maxsize=64)
def _block_answers_sql(statements: int) -> str:
    """The levels and open answers of one block in one query (every autosave reads them twice)."""
    placeholders = ", ".join(["%s"] * statements) or "NULL"
    return (
        f"SELECT {column(StatementAnswer, 'statement')}, level, NULL, NULL FROM {table(StatementAnswer)} "
        f"WHERE response_id = %s AND {column(StatementAnswer, 'statement')} IN ({placeholders}) "
        f"UNION ALL SELECT NULL, NULL, good_example, remarks FROM {table(BlockAnswer)} "
        f"WHERE response_id = %s AND {column(BlockAnswer, 'block')} = %s"
    )
