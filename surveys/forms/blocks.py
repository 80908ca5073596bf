"""The page of one building block: a fieldset per statement, its four levels as the choices."""

from collections.abc import Mapping
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from surveys.forms.base import ScanForm, open_answer_field
from surveys.services.sections import BlockSection


@dataclass(frozen=True)
class LevelChoice:
    value: str
    text: str
    id: str
    checked: bool


@dataclass(frozen=True)
class StatementRow:
    code: str
    text: str
    name: str
    auto_id: str
    errors: list[str]
    choices: list[LevelChoice]


LEVEL_ERRORS = {
    "invalid_choice": gettext_lazy("Kies een van de vier niveaus."),
}


class BlockForm(ScanForm):
    section: BlockSection

    def add_item_fields(self) -> None:
        for statement in self.section.statements:
            self.fields[self.statement_field(statement.pk)] = forms.TypedChoiceField(
                label=statement.localized("text"),
                choices=[(level, text) for level, text in statement.levels()],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                error_messages=LEVEL_ERRORS,
            )
        self.fields["good_example"] = open_answer_field(
            _("Welk goed voorbeeld uit uw organisatie hoort bij deze bouwsteen?"),
            help_text=_("U scoort gemiddeld 3 of hoger op deze bouwsteen. Wij horen graag hoe u dat bereikt."),
        )
        self.fields["remarks"] = open_answer_field(_("Wilt u nog iets toevoegen of toelichten?"))

    @staticmethod
    def statement_field(statement_id: int) -> str:
        return f"statement-{statement_id}"

    def statement_rows(self) -> list[StatementRow]:
        """What the page shows per statement, prepared here rather than by widget rendering (the page's main cost)."""
        rows = []
        for statement in self.section.statements:
            field = self[self.statement_field(statement.pk)]
            chosen = "" if field.value() is None else str(field.value())
            rows.append(
                StatementRow(
                    code=statement.code,
                    text=field.label,
                    name=field.html_name,
                    auto_id=field.auto_id,
                    errors=list(field.errors),
                    choices=[
                        LevelChoice(str(level), text, f"{field.auto_id}_{level - 1}", str(level) == chosen)
                        for level, text in statement.levels()
                    ],
                )
            )
        return rows

    def field_for_key(self) -> dict[str, str]:
        names = {f"statement:{s.code}": self.statement_field(s.pk) for s in self.section.statements}
        return {**names, self.section.good_example_key: "good_example", self.section.remarks_key: "remarks"}

    def initial_from(self, values: Mapping[str, str]) -> dict[str, object]:
        return {name: values.get(key) or None for key, name in self.field_for_key().items()}

    def item_values(self) -> dict[str, str]:
        values = {}
        for key, name in self.field_for_key().items():
            if not self.posted(name):
                continue
            value = self.cleaned_data.get(name)
            values[key] = "" if value is None else str(value)
        return values

    def resulting_values(self) -> dict[str, str]:
        """The stored values with what was posted laid over them."""
        values = dict(self.stored)
        for key, name in self.field_for_key().items():
            if self.posted(name) and name in self.cleaned_data:
                value = self.cleaned_data[name]
                values[key] = "" if value is None else str(value)
        return values

    def good_example_applies(self) -> bool:
        values = self.resulting_values() if self.is_bound and hasattr(self, "cleaned_data") else self.stored
        return self.section.good_example_applies(values)

    def clean(self) -> dict:
        cleaned = super().clean()
        example = cleaned.get("good_example")
        typed_anew = self.posted("good_example") and example and example != self.stored[self.section.good_example_key]
        if typed_anew and not self.section.good_example_applies(self.resulting_values()):
            self.add_error(
                "good_example",
                _(
                    "Een goed voorbeeld vragen wij alleen als uw instelling gemiddeld 3 of hoger scoort op deze "
                    "bouwsteen. Pas de niveaus aan of maak dit veld leeg."
                ),
            )
        return cleaned
