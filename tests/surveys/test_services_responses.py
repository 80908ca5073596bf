import datetime

import pytest

from surveys.models import AnswerChange, BlockAnswer, PriorityRank, Response, StatementAnswer
from surveys.selectors import questionnaire_content
from surveys.services.responses import (
    ResponseLocked,
    response_save_block,
    response_save_section,
    response_start,
)
from surveys.services.sections import (
    CollaborationSection,
    FocusSection,
    PrideSection,
    PrioritySection,
    ProfileSection,
    digest,
    read_all,
    sections_for,
)
from tests.factories import ResponseFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2021, 4, 1)


@pytest.fixture
def response(round_2021, aalst):
    return ResponseFactory(round=round_2021, institution=aalst)


@pytest.fixture
def leiderschap(round_2021):
    return round_2021.questionnaire.blocks.get(code="leiderschap")


def levels(response):
    return dict(StatementAnswer.objects.filter(response=response).values_list("statement__code", "level"))


def save(response, block, user, levels, **kwargs):
    kwargs.setdefault("version", response.version)
    return response_save_block(response=response, block=block, user=user, levels=levels, today=TODAY, **kwargs)


def test_it_starts_a_response_with_the_institutions_profile(round_2021, aalst):
    response = response_start(scan_round=round_2021, institution=aalst)
    assert (response.institution_type, response.region) == (aalst.type, aalst.region)
    assert response_start(scan_round=round_2021, institution=aalst) == response


def test_it_saves_levels_and_raises_the_version(response, leiderschap, alice):
    outcome = save(response, leiderschap, alice, {"LEI-01": 3, "LEI-02": 4})
    assert levels(response) == {"LEI-01": 3, "LEI-02": 4}
    assert outcome.version == 2
    assert Response.objects.get(pk=response.pk).updated_by == alice


def test_saving_the_same_values_again_changes_nothing(response, leiderschap, alice):
    save(response, leiderschap, alice, {"LEI-01": 3})
    outcome = save(response, leiderschap, alice, {"LEI-01": 3})
    assert outcome.changed == []
    assert outcome.version == 2
    assert AnswerChange.objects.count() == 1


def test_every_change_is_kept_in_the_history(response, leiderschap, alice, bob):
    save(response, leiderschap, alice, {"LEI-01": 2})
    save(response, leiderschap, bob, {"LEI-01": 4})
    changes = list(
        AnswerChange.objects.order_by("id").values_list("changed_by__username", "item", "old_value", "new_value")
    )
    assert changes == [("alice", "statement:LEI-01", "", "2"), ("bob", "statement:LEI-01", "2", "4")]


def test_a_colleagues_saved_answer_is_kept_when_i_save_an_older_page(response, leiderschap, alice, bob):
    section_values = {"statement:LEI-01": "", "statement:LEI-02": "", "statement:LEI-03": ""}
    page_of_alice = {key: digest(value) for key, value in section_values.items()}
    started_at = response.version
    save(response, leiderschap, bob, {"LEI-01": 2})
    outcome = save(response, leiderschap, alice, {"LEI-02": 3}, version=started_at, originals=page_of_alice)
    assert levels(response) == {"LEI-01": 2, "LEI-02": 3}
    assert outcome.conflicts == []


def test_it_reports_a_conflict_and_keeps_the_stored_answer(response, leiderschap, alice, bob):
    page = {key: digest("") for key in ("statement:LEI-01", "statement:LEI-02")}
    started_at = response.version
    save(response, leiderschap, bob, {"LEI-01": 2})
    outcome = save(response, leiderschap, alice, {"LEI-01": 4, "LEI-02": 1}, version=started_at, originals=page)
    assert levels(response) == {"LEI-01": 2, "LEI-02": 1}
    [conflict] = outcome.conflicts
    assert (conflict.key, conflict.mine, conflict.theirs, conflict.changed_by) == ("statement:LEI-01", "4", "2", "Bob")
    assert conflict.theirs_display == "2 · Niveau twee"
    assert outcome.stale


def test_the_good_example_is_cleared_when_the_block_mean_drops_below_3(response, leiderschap, alice):
    save(response, leiderschap, alice, {"LEI-01": 3, "LEI-02": 4, "LEI-03": 3}, good_example="Onze transmurale poli")
    assert BlockAnswer.objects.get(response=response).good_example == "Onze transmurale poli"
    save(response, leiderschap, alice, {"LEI-02": 1})
    assert BlockAnswer.objects.get(response=response).good_example == ""
    cleared = AnswerChange.objects.get(item="block:leiderschap:good_example", new_value="")
    assert cleared.old_value == "Onze transmurale poli"


def test_a_good_example_is_not_kept_for_a_block_below_3(response, leiderschap, alice):
    save(response, leiderschap, alice, {"LEI-01": 1}, good_example="Iets")
    assert not BlockAnswer.objects.filter(response=response).exclude(good_example="").exists()


@pytest.mark.parametrize("status", ["closed", "published"])
def test_it_refuses_a_save_after_the_round_closed(response, leiderschap, alice, status):
    response.round.status = status
    response.round.save()
    with pytest.raises(ResponseLocked):
        save(response, leiderschap, alice, {"LEI-01": 3})
    assert levels(response) == {}


def test_it_refuses_a_save_after_the_closing_date(response, leiderschap, alice):
    with pytest.raises(ResponseLocked):
        response_save_block(
            response=response,
            block=leiderschap,
            user=alice,
            version=1,
            levels={"LEI-01": 3},
            today=datetime.date(2021, 5, 23),
        )


def test_it_refuses_a_save_by_someone_of_another_institution(response, leiderschap, charlie):
    with pytest.raises(ResponseLocked):
        save(response, leiderschap, charlie, {"LEI-01": 3})
    assert levels(response) == {}


def test_it_refuses_a_save_by_an_analyst(response, leiderschap, ann):
    with pytest.raises(ResponseLocked):
        save(response, leiderschap, ann, {"LEI-01": 3})


def test_it_refuses_a_save_of_a_submitted_response(response, leiderschap, alice):
    Response.objects.filter(pk=response.pk).update(
        status="submitted", submitted_at=datetime.datetime(2021, 4, 1, tzinfo=datetime.UTC)
    )
    with pytest.raises(ResponseLocked):
        save(response, leiderschap, alice, {"LEI-01": 3})


def test_it_refuses_items_of_another_page(response, leiderschap, alice):
    content = questionnaire_content(response.round.questionnaire)
    profile = sections_for(content)[0]
    with pytest.raises(ValueError):
        response_save_section(
            response=response, section=profile, user=alice, version=1, values={"statement:LEI-01": "3"}, today=TODAY
        )


def test_the_other_pages_save_their_items(response, alice):
    content = questionnaire_content(response.round.questionnaire)
    pages = {
        ProfileSection: {"profile:institution_type": "umc", "profile:region": "zeeland"},
        FocusSection: {"focus_areas": "preventie,ehealth"},
        CollaborationSection: {"collaboration:huisartsen": "4", "collaboration:vvt": "2"},
        PrioritySection: {"priorities": PrioritySection.encode({"ict": 1, "leiderschap": 2})},
        PrideSection: {"pride:example": "Onze thuismonitoring", "pride:consent": "ja"},
    }
    sections = sections_for(content)
    for section in sections:
        if type(section) in pages:
            response_save_section(
                response=response,
                section=section,
                user=alice,
                version=response.version,
                values=pages[type(section)],
                today=TODAY,
            )
    response.refresh_from_db()
    assert (response.institution_type, response.region, response.consent_to_quote) == ("umc", "zeeland", True)
    values = read_all(response, sections)
    assert values["focus_areas"] == "ehealth,preventie"
    assert values["collaboration:huisartsen"] == "4"
    assert values["priorities"] == "1=ict;2=leiderschap"
    assert dict(PriorityRank.objects.values_list("block__code", "rank")) == {"ict": 1, "leiderschap": 2}
    assert values["pride:example"] == "Onze thuismonitoring"
