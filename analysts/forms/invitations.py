from django import forms
from django.utils.translation import gettext_lazy as _

from analysts.models import MailKind
from surveys.models import Institution


class PreviewForm(forms.Form):
    kind = forms.ChoiceField(label=_("Bericht"), choices=MailKind.choices, initial=MailKind.INVITATION)
    institution = forms.ModelChoiceField(
        label=_("Instelling"),
        queryset=Institution.objects.filter(is_member=True, members__is_active=True).distinct().order_by("name"),
        empty_label=_("— kies een instelling —"),
    )
