"""What every page of the scan is: a set of items, read and written as text."""

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Mapping

from django.db import connection
from django.utils.translation import gettext as _

from surveys.models import Response

# The stored answer to "may we quote your example?".
YES, NO = "ja", "nee"


def digest(value: str) -> str:
    """A short fingerprint of a value: the page sends these back to say what it started from."""
    return hashlib.sha256(value.encode()).hexdigest()[:16]


class Section(ABC):
    """One page of the scan. Subclasses define the items and how they are stored."""

    key: str

    @property
    @abstractmethod
    def title(self) -> str: ...

    @abstractmethod
    def item_keys(self) -> list[str]: ...

    @abstractmethod
    def label(self, key: str) -> str: ...

    def display(self, key: str, value: str) -> str:
        return value or _("(geen antwoord)")

    @abstractmethod
    def read(self, response: Response) -> dict[str, str]: ...

    @abstractmethod
    def write(self, response: Response, changes: Mapping[str, str]) -> None: ...

    def derived(self, values: Mapping[str, str]) -> dict[str, str]:
        """Changes that follow from the rules once `values` are stored (e.g. a good example that no longer applies)."""
        return {}

    def progress(self, values: Mapping[str, str]) -> tuple[int, int]:
        """(answered, required); (0, 0) for a page whose items are all optional."""
        keys = self.item_keys()
        return sum(1 for key in keys if values.get(key)), len(keys)

    def missing(self, values: Mapping[str, str]) -> list[str]:
        return [self.label(key) for key in self.item_keys() if not values.get(key)]

    def shown_keys(self, values: Mapping[str, str]) -> list[str]:
        """The items a summary of the answers lists (an item that does not apply is left out)."""
        return self.item_keys()


def upsert(model, response: Response, item_field: str, values: dict, value_field: str, *, cleared: list) -> None:
    """Insert or update one answer row per item in a single query; delete the rows of cleared items."""
    if values:
        model.objects.bulk_create(
            [model(response=response, **{item_field: item, value_field: value}) for item, value in values.items()],
            update_conflicts=True,
            unique_fields=["response", item_field],
            update_fields=[value_field],
        )
    if cleared:
        model.objects.filter(response=response, **{f"{item_field}__in": cleared}).delete()


def table(model) -> str:
    """The quoted table name of a model, for the few queries written out by hand on hot paths."""
    return connection.ops.quote_name(model._meta.db_table)


def column(model, field: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(field).column)
