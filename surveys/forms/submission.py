from django import forms


class SubmitForm(forms.Form):
    """Submitting names the version the person reviewed: a change made meanwhile stops the submit."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
