"""The audit trail says in words what changed: field names and coded values are written as the app shows them."""

from django.utils import translation

from analysts.selectors.audit import describe


def test_a_statement_change_reads_in_words_in_dutch_and_english():
    change = {"code": "LEI-01", "lineage": "reworded", "level_2": "Nieuw niveau", "copied_from": "2021"}
    with translation.override("nl"):
        assert describe(change) == (
            "code: LEI-01; verandering: Anders geformuleerd (vergelijkbaar); niveau 2: Nieuw niveau; "
            "vragenlijst gekopieerd van: 2021"
        )
    with translation.override("en"):
        english = describe(change)
    assert "lineage" not in english and "level_2" not in english and "copied_from" not in english
