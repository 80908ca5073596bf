"""The factsheet's view model: the aggregation's figures, written as the reader sees them."""

import pytest

from factsheets.aggregation import institution_picture
from factsheets.charts import NumberFormat
from factsheets.factsheet.content import build_factsheet
from surveys.models import Institution, InstitutionType
from tests.factsheets.factsheet_data import HOSTILE, published_round

NL = NumberFormat("nl")


@pytest.fixture
def picture(db, aalst, zwolle, ann):
    scan_round = published_round(aalst, zwolle, ann)
    return institution_picture(scan_round, aalst)


def test_it_shows_block_scores_and_national_means_as_the_aggregation_computed_them(picture):
    factsheet = build_factsheet(picture)

    for block in factsheet.blocks:
        assert block.score == NL.decimal(picture.own.block(block.code).score, 1)
        assert block.national_mean == NL.decimal(picture.national.national.block(block.code).mean, 1)
    total = factsheet.score_rows[-1]
    assert total.own == NL.decimal(picture.own.total.score, 1)
    assert total.national == NL.decimal(picture.national.national.total.mean, 1)


def test_it_sets_the_institution_beside_its_type_but_not_its_withheld_region(picture):
    factsheet = build_factsheet(picture)

    assert factsheet.peer_label == "STZ-ziekenhuizen"
    labels = {fact.label for block in factsheet.blocks for fact in block.facts}
    assert "STZ-ziekenhuizen" in labels
    assert not any("Zeeland" in label for label in labels)
    assert factsheet.withheld == ["Instellingen in Zeeland (regio): niet getoond: minder dan 5 instellingen."]


def test_a_withheld_type_group_leaves_no_trace_but_the_method_note(db, aalst, zwolle, ann):
    scan_round = published_round(aalst, zwolle, ann, aalst_type=InstitutionType.UMC)

    factsheet = build_factsheet(institution_picture(scan_round, aalst))

    assert factsheet.peer_label == ""
    assert all(fact.role != "peer" for block in factsheet.blocks for fact in block.facts)
    assert any(line.startswith("Umc's (type instelling)") for line in factsheet.withheld)


def test_the_summary_names_the_strongest_and_weakest_block_and_the_comparable_change(picture):
    factsheet = build_factsheet(picture)

    text = " ".join(factsheet.summary)
    assert "Het verst bent u op Stakeholders (3,7)" in text
    assert "ligt bij Regiovisie (1,0)" in text
    assert "Sinds 2020 is uw totaalscore gestegen" in text
    change = NL.signed(picture.own.total.corrected_change, 1)
    assert f"is uw verandering {change}" in text


def test_next_steps_cover_the_two_weakest_blocks_and_name_their_source(picture):
    factsheet = build_factsheet(picture)

    assert [step.block for step in factsheet.next_steps] == ["Regiovisie", "ICT-infrastructuur"]
    assert all(step.steps and step.source for step in factsheet.next_steps)
    assert factsheet.next_steps[0].source.startswith("Actieprogramma Werken in de Zorg")


def test_open_answers_are_kept_exactly_as_typed(picture):
    factsheet = build_factsheet(picture)

    assert [(a.block, a.remarks) for a in factsheet.open_answers if a.remarks] == [("ICT-infrastructuur", HOSTILE)]
    assert factsheet.pride_example == f"Trots op {HOSTILE}"


def test_a_high_priority_with_a_low_score_is_flagged(picture):
    factsheet = build_factsheet(picture)

    flagged = [row.block for row in factsheet.priorities.rows if row.flagged]
    assert flagged == ["ICT-infrastructuur", "Regiovisie", "Financiën"]
    assert "ICT-infrastructuur, Regiovisie en Financiën" in factsheet.priorities.sentence


def test_it_is_written_in_english_for_an_institution_that_asked_for_english(db, aalst, zwolle, ann):
    Institution.objects.filter(pk=aalst.pk).update(language="en")
    scan_round = published_round(aalst, zwolle, ann)
    picture = institution_picture(scan_round, aalst)

    factsheet = build_factsheet(picture)

    assert factsheet.language == "en"
    assert factsheet.blocks[0].score == NumberFormat("en").decimal(picture.own.block("leiderschap").score, 1)
    assert build_factsheet(picture, language="nl").language == "nl"
    assert "Since 2020 your total score has risen: from " in " ".join(factsheet.summary)


@pytest.mark.parametrize(
    ("change", "nl", "en"),
    [(0.2, "gestegen", "has risen"), (-0.2, "gedaald", "has fallen"), (0.04, "gelijk gebleven", "has stayed the same")],
)
def test_the_direction_of_the_change_reads_as_a_sentence_in_both_languages(change, nl, en):
    from django.utils import translation

    from factsheets.factsheet.words import direction

    with translation.override("nl"):
        assert direction(change) == nl
    with translation.override("en"):
        assert direction(change) == en


def test_without_charts_it_holds_the_same_figures(picture):
    with_charts, without = build_factsheet(picture), build_factsheet(picture, charts=False)

    assert with_charts.summary_chart is not None and without.summary_chart is None
    assert [b.score for b in with_charts.blocks] == [b.score for b in without.blocks]
