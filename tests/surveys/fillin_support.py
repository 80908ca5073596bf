"""Helpers of the fill-in tests: URLs of the open round and the forms as a browser posts them."""

from django.utils import timezone

from surveys.models import StatementAnswer

TODAY = timezone.localdate()
YEAR = TODAY.year


def url(path: str = "") -> str:
    return f"/scan/{YEAR}/{path}"


def form_data(client, path: str) -> dict:
    """What the page's form would post as it stands: hidden fields and current answers."""
    page = client.get(path)
    assert page.status_code == 200, page.status_code
    form = page.context["form"]
    data = {}
    for field in form:
        value = field.value()
        if value in (None, "", []):
            if field.is_hidden or field.name in ("good_example", "remarks", "pride_example"):
                data[field.html_name] = value or ""
            continue
        data[field.html_name] = value
    return data


def statement_field(response, code: str) -> str:
    statement = response.round.questionnaire.statements.get(code=code)
    return f"statement-{statement.pk}"


def levels(response) -> dict[str, int]:
    return dict(StatementAnswer.objects.filter(response=response).values_list("statement__code", "level"))
