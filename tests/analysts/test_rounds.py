import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from analysts.models import AuditEntry
from analysts.services import questionnaires as qs
from analysts.services import rounds as rs
from factsheets.models import Snapshot
from surveys.models import DroppedStatement, Lineage, Response, Round, Statement
from tests.analysts.builders_rounds import next_round, submitted_response
from tests.factories import InstitutionFactory, RoundFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2022, 2, 1)


@pytest.fixture
def published_2021(ann):
    round = RoundFactory(year=2021, status=Round.Status.CLOSED)
    for _ in range(2):
        submitted_response(round=round)
    rs.round_publish(round=round, user=ann)
    return round


@pytest.fixture
def draft_2022(ann, published_2021):
    return next_round(source=published_2021, user=ann, year=2022)


def _content(statement: Statement, **changes) -> qs.StatementContent:
    return qs.StatementContent(**{**qs.StatementContent.of(statement).as_dict(), **changes})


def _first(round: Round) -> Statement:
    return round.questionnaire.statements.select_related("previous", "block").order_by("block__position", "position")[0]


# --- copying ----------------------------------------------------------------------------------


def test_copying_keeps_every_statement_with_lineage_same(draft_2022, published_2021):
    old, new = published_2021.questionnaire, draft_2022.questionnaire
    assert new.pk != old.pk
    assert new.previous == old
    assert draft_2022.status == Round.Status.DRAFT
    copies = list(new.statements.select_related("previous"))
    assert len(copies) == old.statements.count() == 24
    for copy in copies:
        assert copy.lineage == Lineage.SAME
        assert copy.previous.questionnaire == old
        assert (copy.code, copy.text, copy.level_4) == (copy.previous.code, copy.previous.text, copy.previous.level_4)
    assert list(new.blocks.values_list("code", "position")) == list(old.blocks.values_list("code", "position"))
    assert list(new.focus_areas.values_list("code", flat=True)) == list(old.focus_areas.values_list("code", flat=True))
    assert new.stakeholders.count() == old.stakeholders.count()


def test_copying_refuses_a_year_not_after_the_source(ann, published_2021):
    with pytest.raises(ValidationError):
        next_round(source=published_2021, user=ann, year=2021)


# --- editing rules ----------------------------------------------------------------------------


def test_it_refuses_a_changed_statement_without_lineage(ann, draft_2022):
    statement = _first(draft_2022)
    with pytest.raises(ValidationError) as refused:
        qs.statement_update(
            statement=statement, content=_content(statement, text="Nieuwe tekst."), lineage=None, user=ann
        )
    assert refused.value.error_dict["lineage"][0].code == "lineage_required"
    statement.refresh_from_db()
    assert statement.text != "Nieuwe tekst." and statement.lineage == Lineage.SAME


def test_it_refuses_lineage_same_for_a_changed_level(ann, draft_2022):
    statement = _first(draft_2022)
    with pytest.raises(ValidationError):
        qs.statement_update(
            statement=statement, content=_content(statement, level_2="Anders"), lineage=Lineage.SAME, user=ann
        )


def test_a_reworded_statement_keeps_its_predecessor(ann, draft_2022):
    statement = _first(draft_2022)
    predecessor = statement.previous
    qs.statement_update(
        statement=statement, content=_content(statement, text="Scherper geformuleerd."), lineage="reworded", user=ann
    )
    statement.refresh_from_db()
    assert (statement.text, statement.lineage, statement.previous) == (
        "Scherper geformuleerd.",
        "reworded",
        predecessor,
    )
    assert statement.is_comparable


def test_a_statement_is_word_for_word_from_the_report_only_while_it_reads_as_its_predecessor(ann, draft_2022):
    statement = _first(draft_2022)
    Statement.objects.filter(pk=statement.previous_id).update(verbatim=True)
    Statement.objects.filter(pk=statement.pk).update(verbatim=True)
    statement.refresh_from_db()
    original = statement.text

    qs.statement_update(statement=statement, content=_content(statement, text="Anders."), lineage="reworded", user=ann)
    statement.refresh_from_db()
    assert not statement.verbatim

    qs.statement_update(statement=statement, content=_content(statement, text=original), lineage=None, user=ann)
    statement.refresh_from_db()
    assert statement.lineage == Lineage.SAME and statement.verbatim


def test_a_rescaled_statement_is_no_longer_comparable(ann, draft_2022):
    statement = _first(draft_2022)
    qs.statement_update(
        statement=statement, content=_content(statement, level_1="Nieuw niveau"), lineage="rescaled", user=ann
    )
    statement.refresh_from_db()
    assert statement.lineage == Lineage.RESCALED and not statement.is_comparable


def test_changing_only_the_english_text_keeps_lineage_same(ann, draft_2022):
    statement = _first(draft_2022)
    qs.statement_update(statement=statement, content=_content(statement, text_en="In English."), lineage=None, user=ann)
    statement.refresh_from_db()
    assert (statement.text_en, statement.lineage) == ("In English.", Lineage.SAME)


def test_a_statement_changed_back_is_same_again(ann, draft_2022):
    statement = _first(draft_2022)
    original = statement.text
    qs.statement_update(
        statement=statement, content=_content(statement, text="Tijdelijk."), lineage="reworded", user=ann
    )
    qs.statement_update(statement=statement, content=_content(statement, text=original), lineage="reworded", user=ann)
    statement.refresh_from_db()
    assert statement.lineage == Lineage.SAME


def test_an_added_statement_is_new_and_comes_last(ann, draft_2022):
    block = draft_2022.questionnaire.blocks.get(code="leiderschap")
    code = qs.statement_suggest_code(block=block)
    assert code == "LEI-04"
    content = qs.StatementContent(text="Nieuw.", level_1="a", level_2="b", level_3="c", level_4="d")
    statement = qs.statement_add(block=block, code=code, content=content, user=ann)
    assert (statement.lineage, statement.previous, statement.position) == (Lineage.NEW, None, 4)


def test_an_added_statement_needs_four_levels(ann, draft_2022):
    block = draft_2022.questionnaire.blocks.get(code="leiderschap")
    content = qs.StatementContent(text="Nieuw.", level_1="a", level_2="b", level_3="c", level_4=" ")
    with pytest.raises(ValidationError):
        qs.statement_add(block=block, code="LEI-09", content=content, user=ann)


def test_retiring_records_the_predecessor_as_dropped_with_its_reason(ann, draft_2022):
    statement = _first(draft_2022)
    predecessor, block = statement.previous, statement.block
    dropped = qs.statement_retire(statement=statement, reason="Opgegaan in LEI-02", user=ann)
    assert (dropped.statement, dropped.reason, dropped.questionnaire) == (
        predecessor,
        "Opgegaan in LEI-02",
        draft_2022.questionnaire,
    )
    assert not draft_2022.questionnaire.statements.filter(code=predecessor.code).exists()
    assert list(block.statements.values_list("position", flat=True)) == [1, 2]


def test_retiring_needs_a_reason(ann, draft_2022):
    with pytest.raises(ValidationError):
        qs.statement_retire(statement=_first(draft_2022), reason="  ", user=ann)


def test_retiring_a_new_statement_records_nothing_dropped(ann, draft_2022):
    block = draft_2022.questionnaire.blocks.get(code="ict")
    content = qs.StatementContent(text="Nieuw.", level_1="a", level_2="b", level_3="c", level_4="d")
    statement = qs.statement_add(block=block, code="ICT-09", content=content, user=ann)
    assert qs.statement_retire(statement=statement, reason="Toch niet", user=ann) is None
    assert not DroppedStatement.objects.exists()


def test_a_retired_statement_can_be_restored_unchanged(ann, draft_2022):
    statement = _first(draft_2022)
    predecessor = statement.previous
    dropped = qs.statement_retire(statement=statement, reason="Even weg", user=ann)
    restored = qs.statement_restore(dropped=dropped, user=ann)
    assert (restored.code, restored.lineage, restored.previous) == (predecessor.code, Lineage.SAME, predecessor)
    assert not DroppedStatement.objects.exists()


def test_reordering_puts_the_statements_in_the_given_order(ann, draft_2022):
    block = draft_2022.questionnaire.blocks.get(code="financien")
    first, second, third = block.statements.order_by("position")
    qs.block_reorder_statements(block=block, order=[third.pk, first.pk, second.pk], user=ann)
    assert list(block.statements.order_by("position").values_list("code", flat=True)) == ["FIN-03", "FIN-01", "FIN-02"]
    qs.statement_move(statement=first, direction="up", user=ann)
    assert list(block.statements.order_by("position").values_list("code", flat=True)) == ["FIN-01", "FIN-03", "FIN-02"]


def test_reordering_refuses_statements_of_another_block(ann, draft_2022):
    block = draft_2022.questionnaire.blocks.get(code="financien")
    other = draft_2022.questionnaire.blocks.get(code="ict").statements.first()
    with pytest.raises(ValidationError):
        qs.block_reorder_statements(block=block, order=[other.pk], user=ann)


def test_it_refuses_every_edit_of_a_published_rounds_questionnaire(ann, published_2021):
    # Publishing freezes the questionnaire; a later round's copy is where changes go.
    statement = _first(published_2021)
    block = statement.block
    edits = [
        lambda: qs.statement_update(
            statement=statement, content=_content(statement, text="X"), lineage="reworded", user=ann
        ),
        lambda: qs.statement_add(block=block, code="LEI-09", content=_content(statement), user=ann),
        lambda: qs.statement_retire(statement=statement, reason="weg", user=ann),
        lambda: qs.statement_move(statement=statement, direction="down", user=ann),
    ]
    for edit in edits:
        with pytest.raises(ValidationError) as refused:
            edit()
        assert refused.value.code == "questionnaire_locked"
    statement.refresh_from_db()
    assert statement.text != "X" and statement.position == 1


def test_it_refuses_to_edit_the_questionnaire_of_an_open_round(ann, draft_2022):
    rs.round_open(round=draft_2022, user=ann, today=TODAY)
    statement = _first(draft_2022)
    with pytest.raises(ValidationError):
        qs.statement_update(statement=statement, content=_content(statement, text="X"), lineage="reworded", user=ann)


def test_the_lock_names_the_round_that_holds_the_questionnaire(ann, published_2021):
    reason = qs.questionnaire_lock_reason(questionnaire=published_2021.questionnaire)
    assert reason == "De vragenlijst hoort bij de gepubliceerde ronde 2021."

    # The same questionnaire open for a later round: what matters to that round is that it is open.
    RoundFactory(year=2026, status=Round.Status.OPEN, questionnaire=published_2021.questionnaire)
    reason = qs.questionnaire_lock_reason(questionnaire=published_2021.questionnaire)
    assert reason == "De vragenlijst is opengesteld voor instellingen (ronde 2026)."


def test_a_draft_round_with_responses_is_locked_too(ann, draft_2022):
    Response.objects.create(round=draft_2022, institution=InstitutionFactory())
    assert qs.questionnaire_lock_reason(questionnaire=draft_2022.questionnaire)


def test_the_source_of_a_copy_is_locked(ann):
    source = RoundFactory(year=2030, status=Round.Status.DRAFT)
    assert qs.questionnaire_lock_reason(questionnaire=source.questionnaire) is None
    next_round(source=source, user=ann)
    assert qs.questionnaire_lock_reason(questionnaire=source.questionnaire)


# --- status -----------------------------------------------------------------------------------


def test_it_refuses_to_open_an_incomplete_questionnaire(ann, draft_2022):
    block = draft_2022.questionnaire.blocks.get(code="regiovisie")
    qs.statement_retire(statement=block.statements.first(), reason="weg", user=ann)
    problems = qs.questionnaire_problems(questionnaire=draft_2022.questionnaire)
    assert problems == ["Bouwsteen Regiovisie heeft 2 stellingen; dat moeten er 3 tot 6 zijn."]
    with pytest.raises(ValidationError) as refused:
        rs.round_open(round=draft_2022, user=ann, today=TODAY)
    assert {error.code for error in refused.value.error_list} == {"incomplete"}
    draft_2022.refresh_from_db()
    assert draft_2022.status == Round.Status.DRAFT


def test_it_refuses_to_open_a_round_while_another_is_open(client, ann, draft_2022):
    open_2019 = RoundFactory(year=2019, status=Round.Status.OPEN)
    with pytest.raises(ValidationError) as refused:
        rs.round_open(round=draft_2022, user=ann, today=TODAY)
    assert refused.value.code == "other_round_open"
    assert "Ronde 2019 is nog open" in refused.value.messages[0]
    draft_2022.refresh_from_db()
    assert draft_2022.status == Round.Status.DRAFT

    rs.round_close(round=open_2019, user=ann)
    assert rs.round_open(round=draft_2022, user=ann, today=TODAY).status == Round.Status.OPEN


def test_the_round_page_says_from_when_institutions_can_fill_in_a_round_opened_early(client, ann, draft_2022):
    client.force_login(ann)
    Round.objects.filter(pk=draft_2022.pk).update(
        opens_on=timezone.localdate() + datetime.timedelta(days=300),
        closes_on=timezone.localdate() + datetime.timedelta(days=360),
    )
    page = client.get(reverse("analysts:round_detail", args=[2022])).content.decode()
    assert "Instellingen kunnen invullen vanaf" in page


def test_it_refuses_to_open_after_the_window_ended(ann, draft_2022):
    with pytest.raises(ValidationError):
        rs.round_open(round=draft_2022, user=ann, today=datetime.date(2023, 1, 1))


def test_the_status_moves_draft_open_closed_published(ann, draft_2022):
    rs.round_open(round=draft_2022, user=ann, today=TODAY)
    assert draft_2022.status == Round.Status.OPEN
    with pytest.raises(ValidationError):
        rs.round_publish(round=draft_2022, user=ann)
    rs.round_close(round=draft_2022, user=ann)
    rs.round_open(round=draft_2022, user=ann, today=TODAY)  # the window reopened
    rs.round_close(round=draft_2022, user=ann)
    rs.round_publish(round=draft_2022, user=ann)
    draft_2022.refresh_from_db()
    assert draft_2022.status == Round.Status.PUBLISHED
    for refused in (rs.round_open, rs.round_close):
        with pytest.raises(ValidationError):
            refused(round=draft_2022, user=ann)


def test_it_refuses_to_close_a_draft(ann, draft_2022):
    with pytest.raises(ValidationError) as refused:
        rs.round_close(round=draft_2022, user=ann)
    assert refused.value.code == "invalid_transition"


def test_republishing_makes_a_new_snapshot_and_keeps_the_old(ann, published_2021):
    first = Snapshot.objects.get(round=published_2021)
    second = rs.round_publish(round=published_2021, user=ann)
    assert second.pk != first.pk
    assert [s.pk for s in rs.round_snapshots(round=published_2021)] == [second.pk, first.pk]


def test_the_window_cannot_end_before_it_opens(ann, draft_2022):
    with pytest.raises(ValidationError):
        rs.round_set_window(
            round=draft_2022, opens_on=datetime.date(2022, 5, 1), closes_on=datetime.date(2022, 4, 1), user=ann
        )


def test_reopening_a_submitted_response_makes_it_a_draft(ann, published_2021):
    response = Response.objects.filter(round=published_2021).first()
    version = response.version
    rs.response_reopen(response=response, user=ann)
    response.refresh_from_db()
    assert (response.status, response.submitted_at, response.version) == (Response.Status.DRAFT, None, version + 1)
    assert response.changes.exists()
    with pytest.raises(ValidationError):
        rs.response_reopen(response=response, user=ann)


def test_every_status_and_questionnaire_change_is_audited(ann, draft_2022):
    statement = _first(draft_2022)
    qs.statement_update(statement=statement, content=_content(statement, text="Y."), lineage="reworded", user=ann)
    rs.round_open(round=draft_2022, user=ann, today=TODAY)
    actions = list(AuditEntry.objects.order_by("at", "id").values_list("action", flat=True))
    assert actions[-4:] == ["questionnaire.copy", "round.create", "statement.update", "round.open"]
    entry = AuditEntry.objects.get(action="statement.update")
    assert entry.actor == ann
    assert entry.old == {"code": statement.code, "lineage": "same", "text": statement.previous.text}
    assert entry.new == {"code": statement.code, "lineage": "reworded", "text": "Y."}
    opened = AuditEntry.objects.get(action="round.open")
    assert (opened.old, opened.new) == ({"status": "draft"}, {"status": "open"})


# --- pages ------------------------------------------------------------------------------------


def _urls(round: Round) -> list[tuple[str, str]]:
    statement = _first(round)
    block = statement.block
    year = round.year
    return [
        ("get", reverse("analysts:round_create")),
        ("get", reverse("analysts:round_detail", args=[year])),
        ("get", reverse("analysts:round_window", args=[year])),
        ("post", reverse("analysts:round_open", args=[year])),
        ("post", reverse("analysts:round_close", args=[year])),
        ("get", reverse("analysts:round_publish", args=[year])),
        ("post", reverse("analysts:response_reopen", args=[year, 1])),
        ("get", reverse("analysts:questionnaire_edit", args=[year])),
        ("get", reverse("analysts:round_preview", args=[year])),
        ("get", reverse("analysts:statement_add", args=[year, block.pk])),
        ("get", reverse("analysts:statement_edit", args=[year, statement.pk])),
        ("get", reverse("analysts:statement_retire", args=[year, statement.pk])),
        ("post", reverse("analysts:statement_move", args=[year, statement.pk])),
        ("post", reverse("analysts:statement_restore", args=[year, 1])),
    ]


def test_respondents_get_403_on_every_rounds_page(client, alice, draft_2022):
    client.force_login(alice)
    for method, url in _urls(draft_2022):
        assert getattr(client, method)(url).status_code == 403, url
        assert client.post(url).status_code == 403, url


def test_anonymous_visitors_are_sent_to_sign_in(client, draft_2022):
    for method, url in _urls(draft_2022):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_every_rounds_page_opens_for_an_analyst(client, ann, draft_2022):
    client.force_login(ann)
    for method, url in _urls(draft_2022):
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_the_forms_are_csrf_protected(ann, draft_2022):
    client = Client(enforce_csrf_checks=True)
    client.force_login(ann)
    statement = _first(draft_2022)
    for url in [
        reverse("analysts:round_create"),
        reverse("analysts:round_open", args=[2022]),
        reverse("analysts:round_publish", args=[2022]),
        reverse("analysts:statement_edit", args=[2022, statement.pk]),
        reverse("analysts:statement_retire", args=[2022, statement.pk]),
    ]:
        assert client.post(url, {"text": "X", "confirm": "on", "reason": "x"}).status_code == 403, url
    statement.refresh_from_db()
    assert statement.text != "X"
    assert Round.objects.get(year=2022).status == Round.Status.DRAFT


def test_an_analyst_creates_the_next_round_on_the_page(client, ann, published_2021):
    client.force_login(ann)
    page = client.get(reverse("analysts:round_create"))
    assert page.context["form"].initial["year"] == 2022
    response = client.post(
        reverse("analysts:round_create"),
        {
            "source": published_2021.pk,
            "year": 2022,
            "title": "JuMP-scan 2022",
            "opens_on": "2022-03-01",
            "closes_on": "2022-05-31",
        },
    )
    assert response.status_code == 302
    round = Round.objects.get(year=2022)
    assert response["Location"] == reverse("analysts:questionnaire_edit", args=[2022])
    assert round.questionnaire.previous == published_2021.questionnaire


def test_the_edit_page_asks_for_lineage_when_the_text_changed(client, ann, draft_2022):
    client.force_login(ann)
    statement = _first(draft_2022)
    url = reverse("analysts:statement_edit", args=[2022, statement.pk])
    form = client.get(url).context["form"]
    assert statement.lineage == Lineage.SAME and form["lineage"].value() == ""  # "Niets: ongewijzigd" is chosen
    data = {**qs.StatementContent.of(statement).as_dict(), "text": "Gewijzigd.", "lineage": ""}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "lineage" in response.context["form"].errors
    data["lineage"] = "reworded"
    saved = client.post(url, data)
    assert saved.status_code == 302
    statement.refresh_from_db()
    assert (statement.text, statement.lineage) == ("Gewijzigd.", "reworded")
    # Back at the statement, where the page opens, it says it was saved (the message at the top is out of sight).
    assert saved["Location"].endswith(f"?opgeslagen={statement.pk}#stelling-{statement.pk}")
    editor = client.get(saved["Location"]).content.decode()
    assert editor.count(">opgeslagen</span>") == 1
    assert ">opgeslagen</span>" not in client.get(saved["Location"].replace(str(statement.pk), "x", 1)).content.decode()


def test_the_editor_of_a_published_round_is_read_only(client, ann, published_2021):
    client.force_login(ann)
    page = client.get(reverse("analysts:questionnaire_edit", args=[2021])).content.decode()
    assert "Alleen-lezen" in page
    assert "Laten vervallen" not in page
    statement = _first(published_2021)
    data = {**qs.StatementContent.of(statement).as_dict(), "text": "Gewijzigd.", "lineage": "reworded"}
    response = client.post(reverse("analysts:statement_edit", args=[2021, statement.pk]), data)
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    statement.refresh_from_db()
    assert statement.text != "Gewijzigd."


def test_publishing_asks_for_confirmation(client, ann, draft_2022):
    client.force_login(ann)
    rs.round_open(round=draft_2022, user=ann, today=TODAY)
    rs.round_close(round=draft_2022, user=ann)
    url = reverse("analysts:round_publish", args=[2022])
    assert client.post(url, {}).status_code == 200
    assert Round.objects.get(year=2022).status == Round.Status.CLOSED
    assert client.post(url, {"confirm": "on"}).status_code == 302
    assert Round.objects.get(year=2022).status == Round.Status.PUBLISHED
    assert Snapshot.objects.filter(round=draft_2022).count() == 1


def test_the_preview_shows_each_statement_as_a_fieldset_with_its_four_levels(client, ann, draft_2022):
    client.force_login(ann)
    statement = _first(draft_2022)
    statement.text_en, statement.level_1_en = "Leadership statement in English.", "Level one in English"
    statement.save()
    page = client.get(reverse("analysts:round_preview", args=[2022])).content.decode()
    assert page.count("<fieldset") >= 24
    assert statement.text in page and statement.level_4 in page
    assert page.count('type="radio"') >= 24 * 4
    # Read-only: every page (8 blocks and the 5 others) sits inside a disabled fieldset; nothing can be sent.
    assert page.count('<fieldset class="scan-fields" disabled>') == 13
    assert 'type="submit"' not in page.split('id="main"')[1]
    english = client.get(reverse("analysts:round_preview", args=[2022]), {"taal": "en"}).content.decode()
    assert "Leadership statement in English." in english and "Level one in English" in english


def test_the_preview_asks_what_the_scan_asks(client, ann, draft_2022):
    """The pages other than the blocks are the respondents' own forms: the same questions and choices."""
    client.force_login(ann)
    page = client.get(reverse("analysts:round_preview", args=[2022])).content.decode()
    assert "Type instelling" in page and "Regio" in page  # the profile
    assert "Mag de NVZ dit voorbeeld met naam van uw instelling citeren in het landelijke rapport?" in page
    assert page.count("<select") >= 8 + 2  # a place per block (priorities) and the profile's two choices
    english = client.get(reverse("analysts:round_preview", args=[2022]), {"taal": "en"}).content.decode()
    main = english.split('id="main"')[1]
    assert "Building block 1 of" in main and "Bouwsteen 1 van" not in main
    assert "Type instelling" not in main  # the profile's question in English too


def test_the_moves_and_retirement_pages_work(client, ann, draft_2022):
    client.force_login(ann)
    statement = _first(draft_2022)
    client.post(reverse("analysts:statement_move", args=[2022, statement.pk]), {"direction": "down"})
    statement.refresh_from_db()
    assert statement.position == 2
    response = client.post(reverse("analysts:statement_retire", args=[2022, statement.pk]), {"reason": "Verouderd"})
    assert response.status_code == 302
    dropped = DroppedStatement.objects.get()
    assert dropped.reason == "Verouderd"
    client.post(reverse("analysts:statement_restore", args=[2022, dropped.pk]))
    assert not DroppedStatement.objects.exists()


def test_the_round_page_opens_and_closes_the_round(client, ann, draft_2022, monkeypatch):
    client.force_login(ann)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: TODAY)
    client.post(reverse("analysts:round_open", args=[2022]))
    assert Round.objects.get(year=2022).status == Round.Status.OPEN
    client.post(reverse("analysts:round_close", args=[2022]))
    assert Round.objects.get(year=2022).status == Round.Status.CLOSED


def test_the_round_page_reopens_a_submitted_response(client, ann, published_2021):
    client.force_login(ann)
    response = Response.objects.filter(round=published_2021).first()
    client.post(reverse("analysts:response_reopen", args=[2021, response.pk]))
    response.refresh_from_db()
    assert response.status == Response.Status.DRAFT


def test_the_add_page_refuses_a_code_already_in_use(client, ann, draft_2022):
    client.force_login(ann)
    block = draft_2022.questionnaire.blocks.get(code="ict")
    data = {"code": "ICT-01", "text": "Nieuw.", "level_1": "a", "level_2": "b", "level_3": "c", "level_4": "d"}
    response = client.post(reverse("analysts:statement_add", args=[2022, block.pk]), data)
    assert response.status_code == 200 and response.context["form"].errors
    assert block.statements.count() == 3
    data["code"] = "ICT-04"
    assert client.post(reverse("analysts:statement_add", args=[2022, block.pk]), data).status_code == 302
    assert block.statements.get(code="ICT-04").lineage == Lineage.NEW
