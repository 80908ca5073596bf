"""The pages of the scan: what they show, what they save, and how they refuse bad input (in Dutch)."""

import pytest
from django.conf import settings

from surveys.models import (
    BlockAnswer,
    CollaborationAnswer,
    FocusAreaChoice,
    PriorityRank,
    Response,
    Round,
)
from tests.surveys.fillin_support import (
    form_data,
    levels,
    statement_field,
    url,
)

pytestmark = pytest.mark.django_db
BLOCK = url("blok/leiderschap/")


@pytest.fixture
def signed_in(client, alice, response):
    client.force_login(alice)
    return client


def test_a_statement_is_a_fieldset_with_the_four_level_sentences_as_choices(signed_in, response):
    page = signed_in.get(BLOCK)
    html = page.content.decode()
    assert html.count('<fieldset class="statement') == 3
    assert '<span class="statement-code">LEI-01</span> Stelling 1 over leiderschap.</legend>' in html
    for sentence in ("Niveau één", "Niveau twee", "Niveau drie", "Niveau vier"):
        assert sentence in html
    assert f'name="{statement_field(response, "LEI-01")}"' in html


def test_saving_a_block_stores_the_levels_and_says_when(signed_in, response):
    data = form_data(signed_in, BLOCK)
    data.update(
        {statement_field(response, "LEI-01"): 3, statement_field(response, "LEI-02"): 2, "remarks": "Toelichting"}
    )
    saved = signed_in.post(BLOCK, data, follow=True)
    assert levels(response) == {"LEI-01": 3, "LEI-02": 2}
    assert BlockAnswer.objects.get(response=response).remarks == "Toelichting"
    assert "Opgeslagen om" in saved.content.decode()


def test_save_and_continue_goes_to_the_next_page(signed_in, response):
    data = form_data(signed_in, BLOCK)
    data.update({statement_field(response, "LEI-01"): 3, "action": "next"})
    assert signed_in.post(BLOCK, data)["Location"] == url("blok/programma_organisatie/")


def test_an_answered_page_shows_the_stored_answers_after_a_reload(signed_in, response):
    data = form_data(signed_in, BLOCK)
    data[statement_field(response, "LEI-02")] = 4
    signed_in.post(BLOCK, data)
    html = signed_in.get(BLOCK).content.decode()
    field = statement_field(response, "LEI-02")
    assert f'id="id_{field}_3" value="4" checked' in html


def test_a_level_of_7_is_refused_with_a_dutch_message(signed_in, response):
    data = form_data(signed_in, BLOCK)
    data[statement_field(response, "LEI-01")] = 7
    page = signed_in.post(BLOCK, data)
    assert page.status_code == 400
    html = page.content.decode()
    assert "Kies een van de vier niveaus." in html
    assert 'role="alert"' in html and "Niet opgeslagen: controleer deze antwoorden" in html
    field = statement_field(response, "LEI-01")
    assert f'aria-describedby="id_{field}_error"' in html
    assert levels(response) == {}


def test_an_open_answer_longer_than_the_limit_is_refused(signed_in, response):
    data = form_data(signed_in, BLOCK)
    data["remarks"] = "x" * (settings.JUMP_MAX_OPEN_ANSWER_LENGTH + 1)
    page = signed_in.post(BLOCK, data)
    assert page.status_code == 400
    assert "Houd het antwoord korter dan" in page.content.decode()
    assert not BlockAnswer.objects.exists()


def test_the_good_example_is_asked_only_from_a_mean_of_3(signed_in, response):
    page = signed_in.get(BLOCK).content.decode()
    assert '<div class="good-example" data-good-example hidden>' in page
    data = form_data(signed_in, BLOCK)
    data.update({statement_field(response, "LEI-01"): 3, statement_field(response, "LEI-02"): 3})
    signed_in.post(BLOCK, data)
    page = signed_in.get(BLOCK).content.decode()
    assert '<div class="good-example" data-good-example >' in page


def test_a_good_example_typed_for_a_block_below_3_is_refused_and_kept_in_the_page(signed_in, response):
    data = form_data(signed_in, BLOCK)
    data.update({statement_field(response, "LEI-01"): 2, "good_example": "Onze wijkverpleegkundige op de SEH"})
    page = signed_in.post(BLOCK, data)
    assert page.status_code == 400
    html = page.content.decode()
    assert "Een goed voorbeeld vragen wij alleen" in html
    assert "Onze wijkverpleegkundige op de SEH" in html
    assert not BlockAnswer.objects.exists()


def test_the_profile_is_prefilled_and_refuses_an_unknown_type(signed_in, response):
    page = signed_in.get(url("profiel/"))
    assert page.context["form"]["institution_type"].value() == "algemeen"
    data = form_data(signed_in, url("profiel/"))
    data["institution_type"] = "ziekenhuisje"
    page = signed_in.post(url("profiel/"), data)
    assert page.status_code == 400
    assert "Kies een van de mogelijkheden uit de lijst." in page.content.decode()
    data["institution_type"] = "umc"
    signed_in.post(url("profiel/"), data)
    assert Response.objects.get(pk=response.pk).institution_type == "umc"


def test_focus_areas_are_chosen_from_the_list(signed_in, response):
    data = form_data(signed_in, url("speerpunten/"))
    data["focus_areas"] = ["ehealth", "preventie"]
    signed_in.post(url("speerpunten/"), data)
    assert set(FocusAreaChoice.objects.values_list("focus_area__code", flat=True)) == {"ehealth", "preventie"}
    data = form_data(signed_in, url("speerpunten/"))
    data["focus_areas"] = ["ehealth"]
    signed_in.post(url("speerpunten/"), data)
    assert list(FocusAreaChoice.objects.values_list("focus_area__code", flat=True)) == ["ehealth"]
    data["focus_areas"] = ["ruimtevaart"]
    assert signed_in.post(url("speerpunten/"), data).status_code == 400


def test_the_collaboration_matrix_is_a_fieldset_per_stakeholder(signed_in, response):
    html = signed_in.get(url("samenwerking/")).content.decode()
    assert html.count('<fieldset class="matrix-row') == 3
    assert '<legend class="matrix-legend">Huisartsen</legend>' in html
    assert html.count('class="matrix-label">Structureel</label>') == 3
    stakeholder = response.round.questionnaire.stakeholders.get(code="vvt")
    data = form_data(signed_in, url("samenwerking/"))
    data[f"stakeholder-{stakeholder.pk}"] = 3
    signed_in.post(url("samenwerking/"), data)
    assert CollaborationAnswer.objects.get().intensity == 3
    data[f"stakeholder-{stakeholder.pk}"] = 5
    assert signed_in.post(url("samenwerking/"), data).status_code == 400


def test_the_priorities_use_every_rank_once(signed_in, response):
    data = form_data(signed_in, url("prioriteiten/"))
    data.update({"rank-leiderschap": 1, "rank-ict": 1})
    page = signed_in.post(url("prioriteiten/"), data)
    assert page.status_code == 400
    assert "Plaats 1 is ook gegeven aan Leiderschap. Geef elke plaats één keer." in page.content.decode()
    assert not PriorityRank.objects.exists()
    codes = [block.code for block in response.round.questionnaire.blocks.order_by("-position")]
    data.update({f"rank-{code}": rank for rank, code in enumerate(codes, start=1)})
    signed_in.post(url("prioriteiten/"), data)
    assert dict(PriorityRank.objects.values_list("block__code", "rank"))["stakeholders"] == 1


def test_a_rank_beyond_the_number_of_blocks_is_refused(signed_in, response):
    data = form_data(signed_in, url("prioriteiten/"))
    data["rank-ict"] = 9
    assert signed_in.post(url("prioriteiten/"), data).status_code == 400


def test_the_pride_example_is_saved_with_the_consent(signed_in, response):
    data = form_data(signed_in, url("trots/"))
    data.update({"pride_example": "Ons transmurale zorgpad", "consent_to_quote": "ja"})
    signed_in.post(url("trots/"), data)
    response.refresh_from_db()
    assert (response.pride_example, response.consent_to_quote) == ("Ons transmurale zorgpad", True)


def test_after_the_round_closed_the_pages_say_so_and_refuse_changes(signed_in, response):
    Round.objects.filter(pk=response.round_id).update(status=Round.Status.CLOSED)
    page = signed_in.get(BLOCK)
    assert "De ronde is gesloten" in page.content.decode()
    assert b'class="scan-fields" disabled' in page.content
    data = {"version": 1, "response": response.pk, "originals": "{}", statement_field(response, "LEI-01"): 3}
    assert signed_in.post(BLOCK, data).status_code == 403
    assert signed_in.post(url("blok/leiderschap/autosave"), data).status_code == 403
    assert levels(response) == {}


def test_the_overview_shows_progress_and_where_to_continue(signed_in, response):
    data = form_data(signed_in, BLOCK)
    data.update({statement_field(response, code): 2 for code in ("LEI-01", "LEI-02", "LEI-03")})
    signed_in.post(BLOCK, data)
    page = signed_in.get(url())
    html = page.content.decode()
    assert "Verder waar u gebleven was: Interne programma-organisatie" in html
    assert "3 / 3" in html and "0 / 3" in html
    assert "Alice" in html  # who last changed what
    assert "nog 30 dagen" in html
    # A draft can be taken to the board before it is submitted.
    assert "Concept downloaden (PDF)" in html and f'href="{url("antwoorden.pdf")}"' in html
    draft = signed_in.get(url("antwoorden.pdf"))
    assert draft.status_code == 200 and draft.content.startswith(b"%PDF-")


def test_home_sends_a_contact_person_to_the_current_round(signed_in, response):
    assert signed_in.get("/")["Location"] == url()


def test_home_sends_an_analyst_to_the_analysts_workspace(client, ann):
    client.force_login(ann)
    assert client.get("/")["Location"] == "/analist/"


def test_the_pages_switch_to_english(signed_in, response):
    signed_in.post("/i18n/setlang/", {"language": "en", "next": BLOCK})
    html = signed_in.get(BLOCK).content.decode()
    assert '<html lang="en">' in html
    assert "Save as draft" in html and "For every statement, choose the level" in html


def test_an_open_answer_with_an_invisible_control_character_is_refused(signed_in, response):
    data = form_data(signed_in, BLOCK)
    data["remarks"] = "Geplakt uit een ander programma\x07"
    page = signed_in.post(BLOCK, data)
    assert page.status_code == 400
    assert "onzichtbaar stuurteken (U+0007)" in page.content.decode()
    assert not BlockAnswer.objects.exists()
