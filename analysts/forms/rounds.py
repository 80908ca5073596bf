"""Forms of the rounds pages: plain Django forms, Dutch labels, rules left to the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from surveys.forms.blocks import LevelChoice, StatementRow
from surveys.models import LEVELS, Lineage, Round


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class WindowForm(forms.Form):
    opens_on = forms.DateField(label=_("Opent op"), widget=_DateInput())
    closes_on = forms.DateField(label=_("Sluit op (tot en met)"), widget=_DateInput())

    def clean(self) -> dict:
        data = super().clean()
        opens_on, closes_on = data.get("opens_on"), data.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("De sluitdatum ligt vóór de openingsdatum."))
        return data


class RoundCreateForm(WindowForm):
    source = forms.ModelChoiceField(
        label=_("Vragenlijst overnemen van"),
        queryset=Round.objects.select_related("questionnaire").order_by("-year"),
        empty_label=None,
        help_text=_(
            "Alle bouwstenen, stellingen, speerpunten en stakeholders worden gekopieerd; daarna past u ze aan."
        ),
    )
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Titel"), max_length=200, help_text=_("Bijvoorbeeld ‘JuMP-scan 2022’."))

    field_order = ["source", "year", "title", "opens_on", "closes_on"]

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if Round.objects.filter(year=year).exists():
            raise forms.ValidationError(_("Er bestaat al een ronde voor %(year)s.") % {"year": year})
        return year


class StatementForm(forms.Form):
    """The texts of one statement; the lineage choice appears only when it has a predecessor."""

    text = forms.CharField(label=_("Stelling"), widget=forms.Textarea(attrs={"rows": 3}))
    text_en = forms.CharField(label=_("Stelling (Engels)"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    lineage = forms.ChoiceField(
        label=_("Wat is er veranderd ten opzichte van vorig jaar?"),
        required=False,
        choices=[
            ("", _("Niets: de stelling is ongewijzigd")),
            (Lineage.REWORDED, _("Anders geformuleerd, de scores blijven vergelijkbaar")),
            (Lineage.RESCALED, _("Andere niveaus, de scores zijn niet meer vergelijkbaar")),
        ],
        widget=forms.RadioSelect,
        help_text=_("Alleen vergelijkbare stellingen tellen mee in de trend tussen de jaren."),
    )

    def __init__(self, *args, has_predecessor: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for level in LEVELS:
            self.fields[f"level_{level}"] = forms.CharField(
                label=_("Niveau %(level)s") % {"level": level}, widget=forms.Textarea(attrs={"rows": 2})
            )
            self.fields[f"level_{level}_en"] = forms.CharField(
                label=_("Niveau %(level)s (Engels)") % {"level": level},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )
        if not has_predecessor:
            del self.fields["lineage"]

    def dutch_fields(self) -> list:
        return [self["text"], *(self[f"level_{level}"] for level in LEVELS)]

    def english_fields(self) -> list:
        return [self["text_en"], *(self[f"level_{level}_en"] for level in LEVELS)]


class StatementAddForm(StatementForm):
    code = forms.CharField(
        label=_("Code"), max_length=20, help_text=_("Een vaste code, bijvoorbeeld LEI-07; wordt nooit hergebruikt.")
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, has_predecessor=False, **kwargs)


class RetireForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom vervalt deze stelling?"),
        max_length=255,
        help_text=_("De reden komt in de verantwoording van de vergelijking tussen de jaren."),
    )


class PublishForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ik begrijp dat de landelijke cijfers van deze ronde nu worden vastgelegd."),
        error_messages={"required": _("Vink aan dat u wilt publiceren.")},
    )


class PreviewBlockForm:
    """One block's statements as the respondent's page shows them, for a read-only preview.

    Gives the same rows as the fill-in form (`surveys.forms.blocks.BlockForm.statement_rows`),
    so the fill-in side's statement partial renders the preview exactly as respondents see it.
    """

    def __init__(self, *, statements: list, prefix: str) -> None:
        self.statements = statements
        self.prefix = prefix
        # Built now, in the preview's language (the view renders within translation.override).
        self.rows = self._rows()

    def statement_rows(self) -> list[StatementRow]:
        return self.rows

    def _rows(self) -> list[StatementRow]:
        rows = []
        for statement in self.statements:
            name = f"{self.prefix}-statement-{statement.pk}"
            rows.append(
                StatementRow(
                    code=statement.code,
                    text=statement.localized("text"),
                    name=name,
                    auto_id=f"id_{name}",
                    errors=[],
                    choices=[
                        LevelChoice(str(level), text, f"id_{name}_{level - 1}", False)
                        for level, text in statement.levels()
                    ],
                )
            )
        return rows
