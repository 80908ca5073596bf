"""The pages around the building blocks: profile, focus areas, collaboration, priorities, pride."""

from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from surveys.forms.base import ScanForm, open_answer_field
from surveys.models import CollaborationIntensity, InstitutionType, Region
from surveys.services.sections import (
    NO,
    YES,
    CollaborationSection,
    FocusSection,
    PrideSection,
    PrioritySection,
    ProfileSection,
)

CHOICE_ERRORS = {"invalid_choice": gettext_lazy("Kies een van de mogelijkheden uit de lijst.")}


class ProfileForm(ScanForm):
    section: ProfileSection

    def add_item_fields(self) -> None:
        self.fields["institution_type"] = forms.ChoiceField(
            label=_("Type instelling"),
            choices=[("", _("— kies —")), *InstitutionType.choices],
            required=False,
            error_messages=CHOICE_ERRORS,
        )
        self.fields["region"] = forms.ChoiceField(
            label=_("Regio"),
            choices=[("", _("— kies —")), *Region.choices],
            required=False,
            error_messages=CHOICE_ERRORS,
            help_text=_("De provincie waar uw instelling haar hoofdvestiging heeft."),
        )

    def field_for_key(self) -> dict[str, str]:
        return {self.section.type_key: "institution_type", self.section.region_key: "region"}

    def initial_from(self, values: Mapping[str, str]) -> dict[str, object]:
        return {name: values.get(key, "") for key, name in self.field_for_key().items()}

    def item_values(self) -> dict[str, str]:
        return {key: self.cleaned_data[name] for key, name in self.field_for_key().items() if self.posted(name)}


class FocusForm(ScanForm):
    section: FocusSection

    def add_item_fields(self) -> None:
        self.fields["focus_areas"] = forms.MultipleChoiceField(
            label=_("Om onze ambitie op het terrein van JZOJP waar te maken, zetten wij in op:"),
            help_text=_("Kies alles wat van toepassing is."),
            choices=[(area.code, area.localized("label")) for area in self.section.focus_areas],
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": gettext_lazy("Kies speerpunten uit de lijst.")},
        )

    def field_for_key(self) -> dict[str, str]:
        return {self.section.item_key: "focus_areas"}

    def initial_from(self, values: Mapping[str, str]) -> dict[str, object]:
        return {"focus_areas": [code for code in values.get(self.section.item_key, "").split(",") if code]}

    def item_values(self) -> dict[str, str]:
        # A checkbox group posts nothing when all boxes are clear: absence means "none chosen".
        return {self.section.item_key: self.section.encode(self.cleaned_data.get("focus_areas", []))}


class CollaborationForm(ScanForm):
    section: CollaborationSection

    def add_item_fields(self) -> None:
        for _key, stakeholder in self.section.items():
            self.fields[self.stakeholder_field(stakeholder.pk)] = forms.TypedChoiceField(
                label=stakeholder.localized("label"),
                choices=CollaborationIntensity.choices,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": gettext_lazy("Kies een van de vier mogelijkheden.")},
            )

    @staticmethod
    def stakeholder_field(stakeholder_id: int) -> str:
        return f"stakeholder-{stakeholder_id}"

    def field_for_key(self) -> dict[str, str]:
        return {key: self.stakeholder_field(s.pk) for key, s in self.section.items()}

    def initial_from(self, values: Mapping[str, str]) -> dict[str, object]:
        return {name: values.get(key) or None for key, name in self.field_for_key().items()}

    def item_values(self) -> dict[str, str]:
        values = {}
        for key, name in self.field_for_key().items():
            if self.posted(name):
                value = self.cleaned_data.get(name)
                values[key] = "" if value is None else str(value)
        return values

    def rows(self) -> list[forms.BoundField]:
        return [self[name] for name in self.field_for_key().values()]

    @staticmethod
    def intensities() -> list[tuple[int, str]]:
        return list(CollaborationIntensity.choices)


class PriorityForm(ScanForm):
    """A rank select per building block: accessible without drag and drop; every rank used once."""

    section: PrioritySection

    def add_item_fields(self) -> None:
        count = len(self.section.blocks)
        for block in self.section.blocks:
            self.fields[self.rank_field(block.code)] = forms.TypedChoiceField(
                label=block.localized("name"),
                choices=[
                    ("", _("— geen plaats —")),
                    *((rank, _("plaats %(rank)d") % {"rank": rank}) for rank in range(1, count + 1)),
                ],
                coerce=int,
                empty_value=None,
                required=False,
                error_messages={
                    "invalid_choice": gettext_lazy("Kies een plaats van 1 tot en met %(count)d.") % {"count": count}
                },
            )

    @staticmethod
    def rank_field(block_code: str) -> str:
        return f"rank-{block_code}"

    def field_for_key(self) -> dict[str, str]:
        return {self.section.item_key: "__all__"}

    def initial_from(self, values: Mapping[str, str]) -> dict[str, object]:
        ranks = self.section.decode(values.get(self.section.item_key, ""))
        return {self.rank_field(code): rank for code, rank in ranks.items() if self.rank_field(code) in self.fields}

    def clean(self) -> dict:
        cleaned = super().clean()
        seen: dict[int, str] = {}
        for block in self.section.blocks:
            name = self.rank_field(block.code)
            rank = cleaned.get(name)
            if rank is None:
                continue
            if rank in seen:
                message = _("Plaats %(rank)d is ook gegeven aan %(other)s. Geef elke plaats één keer.") % {
                    "rank": rank,
                    "other": seen[rank],
                }
                self.add_error(name, message)
            else:
                seen[rank] = block.localized("name")
        return cleaned

    def item_values(self) -> dict[str, str]:
        ranks = {
            block.code: self.cleaned_data[self.rank_field(block.code)]
            for block in self.section.blocks
            if self.cleaned_data.get(self.rank_field(block.code)) is not None
        }
        return {self.section.item_key: self.section.encode(ranks)}

    def rank_rows(self) -> list[forms.BoundField]:
        return [self[self.rank_field(block.code)] for block in self.section.blocks]


class PrideForm(ScanForm):
    section: PrideSection

    def add_item_fields(self) -> None:
        self.fields["pride_example"] = open_answer_field(
            _("Op welk JZOJP-voorbeeld uit uw organisatie bent u trots?"),
            help_text=_("Niet verplicht. De voorbeelden kunnen in het landelijke rapport worden opgenomen."),
        )
        self.fields["consent_to_quote"] = forms.ChoiceField(
            label=_("Mag de NVZ dit voorbeeld met naam van uw instelling citeren in het landelijke rapport?"),
            choices=[(YES, _("Ja")), (NO, _("Nee"))],
            required=False,
            widget=forms.RadioSelect,
            error_messages=CHOICE_ERRORS,
        )

    def field_for_key(self) -> dict[str, str]:
        return {self.section.example_key: "pride_example", self.section.consent_key: "consent_to_quote"}

    def initial_from(self, values: Mapping[str, str]) -> dict[str, object]:
        return {name: values.get(key) or None for key, name in self.field_for_key().items()}

    def item_values(self) -> dict[str, str]:
        return {
            key: self.cleaned_data.get(name) or "" for key, name in self.field_for_key().items() if self.posted(name)
        }
