"""The pages of the scan as sets of answer *items* whose values are plain text.

Every answer an institution gives is an item with a stable key
(`statement:LEI-01`, `block:ict:remarks`, `collaboration:ggz`, `priorities`, ...)
and a value as text, "" meaning "not answered". Saving, conflict detection and the
history all work on these items, so a page of the scan is defined once, here:
which items it holds, how they are read from the database, how changes are
written back, how a value is shown to a person and what counts as complete.
"""

import hashlib
import statistics
from collections.abc import Iterable, Mapping

from django.db.models import CharField, F, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from surveys.models import (
    BlockAnswer,
    BuildingBlock,
    CollaborationAnswer,
    CollaborationIntensity,
    FocusArea,
    FocusAreaChoice,
    InstitutionType,
    PriorityRank,
    Region,
    Response,
    Stakeholder,
    Statement,
    StatementAnswer,
)
from surveys.selectors import QuestionnaireContent

# A good example is asked only when the institution scores this or more on a block.
GOOD_EXAMPLE_MIN_MEAN = 3
YES, NO = "ja", "nee"


def digest(value: str) -> str:
    """A short fingerprint of a value: the page sends these back to say what it started from."""
    return hashlib.sha256(value.encode()).hexdigest()[:16]


class Section:
    """One page of the scan. Subclasses define the items and how they are stored."""

    key: str

    @property
    def title(self) -> str:
        raise NotImplementedError

    def item_keys(self) -> list[str]:
        raise NotImplementedError

    def label(self, key: str) -> str:
        raise NotImplementedError

    def display(self, key: str, value: str) -> str:
        return value or _("(geen antwoord)")

    def read(self, response: Response) -> dict[str, str]:
        raise NotImplementedError

    def write(self, response: Response, changes: Mapping[str, str]) -> None:
        raise NotImplementedError

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
        text = CharField()
        rows = (
            StatementAnswer.objects.filter(response=response, statement__block=self.block)
            .annotate(code=F("statement__code"))
            .values_list("code", Cast("level", text), Value("", output_field=text))
            .union(
                BlockAnswer.objects.filter(response=response, block=self.block)
                .annotate(code=Value("", output_field=text))
                .values_list("code", Cast("good_example", text), Cast("remarks", text)),
                all=True,
            )
        )
        for code, first, second in rows:
            if code:
                values[f"statement:{code}"] = first
            else:
                values[self.good_example_key], values[self.remarks_key] = first, second
        return values

    def write(self, response: Response, changes: Mapping[str, str]) -> None:
        levels = {self._by_key[key]: value for key, value in changes.items() if key in self._by_key}
        _upsert(
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


class ProfileSection(Section):
    key = "profile"
    type_key = "profile:institution_type"
    region_key = "profile:region"

    @property
    def title(self) -> str:
        return _("Profiel van de instelling")

    def item_keys(self) -> list[str]:
        return [self.type_key, self.region_key]

    def label(self, key: str) -> str:
        return _("Type instelling") if key == self.type_key else _("Regio")

    def display(self, key: str, value: str) -> str:
        choices = InstitutionType if key == self.type_key else Region
        return str(choices(value).label) if value in choices.values else super().display(key, value)

    def read(self, response: Response) -> dict[str, str]:
        return {self.type_key: response.institution_type, self.region_key: response.region}

    def write(self, response: Response, changes: Mapping[str, str]) -> None:
        fields = {"institution_type": changes.get(self.type_key), "region": changes.get(self.region_key)}
        fields = {name: value for name, value in fields.items() if value is not None}
        Response.objects.filter(pk=response.pk).update(**fields)
        for name, value in fields.items():
            setattr(response, name, value)


class FocusSection(Section):
    key = "focus"
    item_key = "focus_areas"

    def __init__(self, focus_areas: list[FocusArea]) -> None:
        self.focus_areas = focus_areas

    @property
    def title(self) -> str:
        return _("Speerpunten")

    def item_keys(self) -> list[str]:
        return [self.item_key]

    def label(self, key: str) -> str:
        return _("Speerpunten")

    def encode(self, codes: Iterable[str]) -> str:
        chosen = set(codes)
        return ",".join(area.code for area in self.focus_areas if area.code in chosen)

    def display(self, key: str, value: str) -> str:
        labels = {area.code: area.localized("label") for area in self.focus_areas}
        return "; ".join(labels[code] for code in value.split(",") if code in labels) or super().display(key, value)

    def read(self, response: Response) -> dict[str, str]:
        return {self.item_key: self.encode(_focus_codes(response))}

    def write(self, response: Response, changes: Mapping[str, str]) -> None:
        if self.item_key not in changes:
            return
        wanted = set(filter(None, changes[self.item_key].split(",")))
        FocusAreaChoice.objects.filter(response=response).exclude(focus_area__code__in=wanted).delete()
        present = set(_focus_codes(response))
        FocusAreaChoice.objects.bulk_create(
            FocusAreaChoice(response=response, focus_area=area)
            for area in self.focus_areas
            if area.code in wanted - present
        )


class CollaborationSection(Section):
    key = "collaboration"

    def __init__(self, stakeholders: list[Stakeholder]) -> None:
        self.stakeholders = stakeholders
        self._by_key = {f"collaboration:{stakeholder.code}": stakeholder for stakeholder in stakeholders}

    def items(self) -> list[tuple[str, Stakeholder]]:
        return list(self._by_key.items())

    @property
    def title(self) -> str:
        return _("Samenwerking in de regio")

    def item_keys(self) -> list[str]:
        return list(self._by_key)

    def label(self, key: str) -> str:
        return _("Samenwerking met %(stakeholder)s") % {"stakeholder": self._by_key[key].localized("label")}

    def display(self, key: str, value: str) -> str:
        if value.isdigit() and int(value) in CollaborationIntensity.values:
            return str(CollaborationIntensity(int(value)).label)
        return super().display(key, value)

    def read(self, response: Response) -> dict[str, str]:
        values = dict.fromkeys(self._by_key, "")
        values.update(_collaboration(response))
        return values

    def write(self, response: Response, changes: Mapping[str, str]) -> None:
        _upsert(
            CollaborationAnswer,
            response,
            "stakeholder",
            {self._by_key[key]: int(value) for key, value in changes.items() if value},
            "intensity",
            cleared=[self._by_key[key] for key, value in changes.items() if not value],
        )


class PrioritySection(Section):
    """The ranking of the building blocks, kept as one item: ranks only make sense together."""

    key = "priorities"
    item_key = "priorities"

    def __init__(self, blocks: list[BuildingBlock]) -> None:
        self.blocks = blocks

    @property
    def title(self) -> str:
        return _("Prioriteiten")

    def item_keys(self) -> list[str]:
        return [self.item_key]

    def label(self, key: str) -> str:
        return _("Rangorde van de bouwstenen")

    @staticmethod
    def encode(ranks: Mapping[str, int]) -> str:
        """{"ict": 2, "leiderschap": 1} -> "1=leiderschap;2=ict"."""
        return ";".join(f"{rank}={code}" for code, rank in sorted(ranks.items(), key=lambda item: item[1]))

    @staticmethod
    def decode(value: str) -> dict[str, int]:
        ranks = {}
        for pair in filter(None, value.split(";")):
            rank, _sep, code = pair.partition("=")
            ranks[code] = int(rank)
        return ranks

    def display(self, key: str, value: str) -> str:
        names = {block.code: block.localized("name") for block in self.blocks}
        ranks = self.decode(value)
        return "; ".join(f"{rank}. {names.get(code, code)}" for code, rank in ranks.items()) or super().display(
            key, value
        )

    def read(self, response: Response) -> dict[str, str]:
        return {self.item_key: self.encode(_priorities(response))}

    def write(self, response: Response, changes: Mapping[str, str]) -> None:
        if self.item_key not in changes:
            return
        ranks = self.decode(changes[self.item_key])
        PriorityRank.objects.filter(response=response).delete()
        PriorityRank.objects.bulk_create(
            PriorityRank(response=response, block=block, rank=ranks[block.code])
            for block in self.blocks
            if block.code in ranks
        )

    def progress(self, values: Mapping[str, str]) -> tuple[int, int]:
        return len(self.decode(values.get(self.item_key, ""))), len(self.blocks)

    def missing(self, values: Mapping[str, str]) -> list[str]:
        answered, total = self.progress(values)
        return [] if answered == total else [self.label(self.item_key)]


class PrideSection(Section):
    """The pride example is optional; who gives one says whether it may be quoted."""

    key = "pride"
    example_key = "pride:example"
    consent_key = "pride:consent"

    @property
    def title(self) -> str:
        return _("Waar zijn wij trots op?")

    def item_keys(self) -> list[str]:
        return [self.example_key, self.consent_key]

    def label(self, key: str) -> str:
        return _("Voorbeeld waar wij trots op zijn") if key == self.example_key else _("Toestemming om te citeren")

    def display(self, key: str, value: str) -> str:
        if key == self.consent_key and value:
            return _("Ja") if value == YES else _("Nee")
        return super().display(key, value)

    def read(self, response: Response) -> dict[str, str]:
        consent = {True: YES, False: NO}.get(response.consent_to_quote, "")
        return {self.example_key: response.pride_example, self.consent_key: consent}

    def write(self, response: Response, changes: Mapping[str, str]) -> None:
        fields = {}
        if self.example_key in changes:
            fields["pride_example"] = changes[self.example_key]
        if self.consent_key in changes:
            fields["consent_to_quote"] = {YES: True, NO: False}.get(changes[self.consent_key])
        Response.objects.filter(pk=response.pk).update(**fields)
        for name, value in fields.items():
            setattr(response, name, value)

    def progress(self, values: Mapping[str, str]) -> tuple[int, int]:
        if not values.get(self.example_key):
            return 0, 0
        return 1 + bool(values.get(self.consent_key)), 2

    def missing(self, values: Mapping[str, str]) -> list[str]:
        if values.get(self.example_key) and not values.get(self.consent_key):
            return [self.label(self.consent_key)]
        return []


def statement_key(statement: Statement) -> str:
    return f"statement:{statement.code}"


def sections_for(content: QuestionnaireContent) -> list[Section]:
    """The pages of the scan in the order a person walks through them."""
    return [
        ProfileSection(),
        *(BlockSection(block, content.block_statements(block)) for block in content.blocks),
        FocusSection(content.focus_areas),
        CollaborationSection(content.stakeholders),
        PrioritySection(content.blocks),
        PrideSection(),
    ]


def read_all(response: Response, sections: list[Section]) -> dict[str, str]:
    """Every item of the response in one query (every page shows the progress of all of them)."""
    values = {key: "" for section in sections for key in section.item_keys()}
    text = CharField()
    rows = (
        StatementAnswer.objects.filter(response=response)
        .annotate(kind=Value("statement", output_field=text), code=F("statement__code"))
        .values_list("kind", "code", Cast("level", text), Value("", output_field=text))
        .union(
            BlockAnswer.objects.filter(response=response)
            .annotate(kind=Value("block", output_field=text), code=F("block__code"))
            .values_list("kind", "code", Cast("good_example", text), Cast("remarks", text)),
            CollaborationAnswer.objects.filter(response=response)
            .annotate(kind=Value("collaboration", output_field=text), code=F("stakeholder__code"))
            .values_list("kind", "code", Cast("intensity", text), Value("", output_field=text)),
            FocusAreaChoice.objects.filter(response=response)
            .annotate(kind=Value("focus", output_field=text), code=F("focus_area__code"))
            .values_list("kind", "code", Value("", output_field=text), Value("", output_field=text)),
            PriorityRank.objects.filter(response=response)
            .annotate(kind=Value("priority", output_field=text), code=F("block__code"))
            .values_list("kind", "code", Cast("rank", text), Value("", output_field=text)),
            all=True,
        )
    )
    focus_codes, ranks = [], {}
    for kind, code, first, second in rows:
        if kind == "block":
            values[f"block:{code}:good_example"], values[f"block:{code}:remarks"] = first, second
        elif kind == "focus":
            focus_codes.append(code)
        elif kind == "priority":
            ranks[code] = int(first)
        else:
            values[f"{kind}:{code}"] = first
    for section in sections:
        if isinstance(section, FocusSection):
            values[section.item_key] = section.encode(focus_codes)
        elif isinstance(section, PrioritySection):
            values[section.item_key] = section.encode(ranks)
        elif isinstance(section, ProfileSection | PrideSection):
            values.update(section.read(response))  # fields of the response itself: no query
    return values


def _upsert(model, response: Response, item_field: str, values: dict, value_field: str, *, cleared: list) -> None:
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


def _focus_codes(response: Response) -> list[str]:
    return list(FocusAreaChoice.objects.filter(response=response).values_list("focus_area__code", flat=True))


def _collaboration(response: Response) -> dict[str, str]:
    answers = CollaborationAnswer.objects.filter(response=response)
    return {
        f"collaboration:{code}": str(level) for code, level in answers.values_list("stakeholder__code", "intensity")
    }


def _priorities(response: Response) -> dict[str, int]:
    return dict(PriorityRank.objects.filter(response=response).values_list("block__code", "rank"))
