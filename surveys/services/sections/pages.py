"""The pages around the building blocks: profile, focus areas, collaboration, priorities, pride."""

from collections.abc import Iterable, Mapping

from django.utils.translation import gettext as _

from surveys.models import (
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
)
from surveys.services.sections.base import NO, YES, Section, upsert


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
        upsert(
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


def _focus_codes(response: Response) -> list[str]:
    return list(FocusAreaChoice.objects.filter(response=response).values_list("focus_area__code", flat=True))


def _collaboration(response: Response) -> dict[str, str]:
    answers = CollaborationAnswer.objects.filter(response=response)
    return {
        f"collaboration:{code}": str(level) for code, level in answers.values_list("stakeholder__code", "intensity")
    }


def _priorities(response: Response) -> dict[str, int]:
    return dict(PriorityRank.objects.filter(response=response).values_list("block__code", "rank"))
