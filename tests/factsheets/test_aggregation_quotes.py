"""Good examples at level 3 and 4 and pride examples, only from institutions that consented."""

import pytest

from factsheets.aggregation import national_picture
from factsheets.aggregation.pictures import PrideExample, Quote
from tests.factories import InstitutionFactory
from tests.factsheets.builders import block_levels, make_round, respond


@pytest.fixture
def round_2021(db):
    return make_round(2021)


def _example(round_2021, name, levels, consent, text):
    respond(
        round_2021,
        InstitutionFactory(name=name),
        levels=block_levels("LEI", *levels),
        consent=consent,
        good_examples={"leiderschap": text},
    )


def test_good_examples_are_quoted_only_from_consenting_institutions_scoring_3_or_more(round_2021):
    _example(round_2021, "Q1", (4, 4, 3), True, "Wij pakken de leiding.")  # 3.67: level 4
    _example(round_2021, "Q2", (3, 3, 3), True, "  Wij steunen het.  ")  # 3.0: level 3
    _example(round_2021, "Q3", (4, 4, 4), False, "Niet citeren.")
    _example(round_2021, "Q4", (2, 3, 3), True, "Te laag.")  # 2.67
    _example(round_2021, "Q5", (4, 4, 4), None, "Niet gevraagd.")
    _example(round_2021, "Q6", (4, 4, 4), True, "   ")
    _example(round_2021, "Q7", (4, 3), True, "Precies op de grens.")  # 3.5: level 4

    quotes = national_picture(round_2021).quotes_of("leiderschap")

    assert quotes == [
        Quote(block="leiderschap", level=4, institution="Q1", text="Wij pakken de leiding."),
        Quote(block="leiderschap", level=4, institution="Q7", text="Precies op de grens."),
        Quote(block="leiderschap", level=3, institution="Q2", text="Wij steunen het."),
    ]


def test_pride_examples_come_from_the_five_consenting_institutions_with_the_highest_totals(round_2021):
    for name, level, consent, pride in [
        ("Hoogst maar geen toestemming", 4, False, "Niet citeren"),
        ("Zonder voorbeeld", 4, True, ""),
        ("Bravo", 4, True, "Bravo trots"),
        ("Alfa", 4, True, "Alfa trots"),  # a tie with Bravo: by name
        ("Charlie", 3, True, "Charlie trots"),
        ("Delta", 3, True, "Delta trots"),
        ("Echo", 2, True, "Echo trots"),
        ("Foxtrot", 1, True, "Foxtrot trots"),
    ]:
        respond(round_2021, InstitutionFactory(name=name), levels=level, consent=consent, pride_example=pride)

    examples = national_picture(round_2021).pride_examples

    assert examples == [
        PrideExample(position=1, institution="Alfa", total=4.0, text="Alfa trots"),
        PrideExample(position=2, institution="Bravo", total=4.0, text="Bravo trots"),
        PrideExample(position=3, institution="Charlie", total=3.0, text="Charlie trots"),
        PrideExample(position=4, institution="Delta", total=3.0, text="Delta trots"),
        PrideExample(position=5, institution="Echo", total=2.0, text="Echo trots"),
    ]
