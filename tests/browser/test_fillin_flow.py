"""End to end in headless Chromium: a contact person fills in the whole scan, reloads, submits, reads.

axe-core runs on every page of the flow: no serious or critical violation.
Screenshots of the main pages land in /tmp/screens/.
"""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone

from surveys.models import Response, Round, StatementAnswer
from surveys.questionnaire_loader import load_questionnaire
from tests.factories import InstitutionFactory, RoundFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"
QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "fixtures" / "questionnaires"


@pytest.fixture
def scan(db):
    """The real 2021 questionnaire in a round that is open today, and alice of Ziekenhuis Aalst."""
    load_questionnaire(QUESTIONNAIRES / "2020.yaml")
    questionnaire = load_questionnaire(QUESTIONNAIRES / "2021.yaml")
    today = timezone.localdate()
    scan_round = RoundFactory(
        year=today.year,
        title=f"JuMP-scan {today.year}",
        questionnaire=questionnaire,
        opens_on=today - datetime.timedelta(days=20),
        closes_on=today + datetime.timedelta(days=40),
        status=Round.Status.OPEN,
    )
    aalst = InstitutionFactory(code="ziekenhuis-aalst", name="Ziekenhuis Aalst")
    UserFactory(username="alice", first_name="Alice", last_name="de Vries", institution=aalst)
    return scan_round


def sign_in(page, base: str) -> None:
    page.fill("#id_username", "alice")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden", exact=True).click()


def wait_until_saved(page) -> None:
    from playwright.sync_api import expect

    expect(page.locator("[data-save-status]")).to_contain_text("Opgeslagen om", timeout=10_000)


def answer_block(page, levels: list[int]) -> None:
    statements = page.locator("fieldset.statement")
    for index in range(statements.count()):
        level = levels[index % len(levels)]
        statements.nth(index).locator(".level-choice label").nth(level - 1).click()


def test_a_contact_person_fills_in_the_whole_scan(live_server, page, scan, axe_check, screenshot):
    from playwright.sync_api import expect

    base = live_server.url
    year = scan.year
    page.goto(f"{base}/accounts/login/")
    axe_check(page, "sign-in")
    sign_in(page, base)
    expect(page).to_have_url(f"{base}/scan/{year}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(scan.title)
    axe_check(page, "overview")
    screenshot(page, "overview-start")

    page.goto(f"{base}/scan/{year}/profiel/")
    expect(page.locator("#id_institution_type")).to_have_value("algemeen")
    axe_check(page, "profile")

    page.goto(f"{base}/scan/{year}/")
    page.get_by_role("link", name=re.compile("Verder waar u gebleven was")).click()
    expect(page).to_have_url(f"{base}/scan/{year}/blok/leiderschap/")

    # Leiderschap: a mean of 3 or more asks for a good example, at once.
    good_example = page.locator("[data-good-example]")
    expect(good_example).to_be_hidden()
    answer_block(page, [3, 4])
    expect(good_example).to_be_visible()
    page.fill("#id_good_example", "Het bestuur trekt samen met de huisartsen op in de regiotafel.")
    wait_until_saved(page)
    # The list of pages follows the saves: Leiderschap is complete without reloading the page.
    expect(page.locator("nav.scan-nav li.is-complete a[aria-current=page]")).to_contain_text("Leiderschap")
    axe_check(page, "block page")
    screenshot(page, "block-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    axe_check(page, "block page (phone)")
    screenshot(page, "block-phone")
    page.set_viewport_size({"width": 1920, "height": 1080})  # a projector in a board meeting
    screenshot(page, "block-projector")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Opslaan en verder").click()

    # Every other block; after the second, reload mid-way and find the answers.
    for number in range(2, 9):
        expect(page).to_have_url(re.compile(r"/blok/"))
        answer_block(page, [2, 1, 3])
        expect(page.locator("[data-good-example]")).to_be_hidden()
        wait_until_saved(page)
        if number == 2:
            page.reload()
            checked = page.locator("fieldset.statement input[type=radio]:checked")
            expect(checked).to_have_count(page.locator("fieldset.statement").count())
            expect(page.locator("fieldset.statement").first.locator("input[value='2']")).to_be_checked()
        page.get_by_role("button", name="Opslaan en verder").click()

    # Focus areas
    expect(page).to_have_url(f"{base}/scan/{year}/speerpunten/")
    page.get_by_label("E-health").check()
    page.get_by_label("Preventie").check()
    wait_until_saved(page)
    axe_check(page, "focus areas")
    page.get_by_role("button", name="Opslaan en verder").click()

    # Collaboration, on a phone, partly by keyboard.
    expect(page).to_have_url(f"{base}/scan/{year}/samenwerking/")
    page.set_viewport_size({"width": 390, "height": 844})
    rows = page.locator("fieldset.matrix-row")
    first = rows.first.locator("input[type=radio]").first
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    expect(rows.first.locator("input[type=radio]").nth(1)).to_be_checked()
    for index in range(1, rows.count()):
        rows.nth(index).locator("label").nth(index % 4).click()
    wait_until_saved(page)
    axe_check(page, "collaboration (phone)")
    screenshot(page, "collaboration-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    axe_check(page, "collaboration (wide)")
    screenshot(page, "collaboration-desktop")
    page.get_by_role("button", name="Opslaan en verder").click()

    # Priorities: a rank per block; choosing a taken rank swaps.
    expect(page).to_have_url(f"{base}/scan/{year}/prioriteiten/")
    selects = page.locator("select[data-rank-select]")
    for index in range(selects.count()):
        selects.nth(index).select_option(str(selects.count() - index))
    selects.nth(0).select_option("1")  # taken by the last block: they swap
    expect(selects.nth(selects.count() - 1)).to_have_value(str(selects.count()))
    # With the keyboard every arrow step is a "change": stepping the first block from place 1 down
    # to place 4 passes places 2 and 3, and only the block on place 4 may move (to place 1).
    before = [selects.nth(i).input_value() for i in range(selects.count())]
    selects.nth(0).focus()
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    after = [selects.nth(i).input_value() for i in range(selects.count())]
    assert after[0] == "4" and sorted(after, key=int) == [str(n) for n in range(1, selects.count() + 1)]
    assert [a for a, b in zip(after, before, strict=True) if a != b] == ["4", "1"], (before, after)
    wait_until_saved(page)
    axe_check(page, "priorities")
    screenshot(page, "priorities")
    page.get_by_role("button", name="Opslaan en verder").click()

    # Pride
    expect(page).to_have_url(f"{base}/scan/{year}/trots/")
    page.fill("#id_pride_example", "Onze wijkverpleegkundige op de SEH: kwetsbare ouderen gaan vaker veilig naar huis.")
    page.get_by_label("Ja").check()
    wait_until_saved(page)
    axe_check(page, "pride")
    page.get_by_role("button", name="Opslaan als concept").click()

    # Summary and submit
    page.goto(f"{base}/scan/{year}/overzicht/")
    expect(page.get_by_text("Nog niet beantwoord")).to_have_count(0)
    axe_check(page, "summary")
    screenshot(page, "summary")
    page.get_by_role("button", name="De scan indienen").click()
    expect(page.get_by_text("De scan is ingediend")).to_be_visible()
    expect(page.get_by_text(re.compile("Ingediend op"))).to_be_visible()
    axe_check(page, "overview after submitting")
    screenshot(page, "overview-submitted")

    # Read-only afterwards
    page.goto(f"{base}/scan/{year}/blok/leiderschap/")
    expect(page.get_by_text("Alleen lezen.")).to_be_visible()
    expect(page.locator("fieldset.statement input[type=radio]").first).to_be_disabled()
    expect(page.get_by_role("button", name="Opslaan als concept")).to_have_count(0)
    axe_check(page, "read-only block page")

    response = Response.objects.get(round=scan)
    assert response.status == Response.Status.SUBMITTED
    assert StatementAnswer.objects.filter(response=response).count() == scan.questionnaire.statements.count()


def test_typed_answers_survive_a_session_timeout(live_server, page, browser_context, scan):
    from playwright.sync_api import expect

    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    sign_in(page, base)
    page.goto(f"{base}/scan/{scan.year}/blok/ict/")
    browser_context.clear_cookies()  # the session runs out while the page is open
    page.locator("fieldset.statement").first.locator(".level-choice label").nth(3).click()
    signed_out = page.locator("[data-signed-out]")
    expect(signed_out).to_be_visible()
    expect(signed_out).to_contain_text("Meld u opnieuw aan")
    assert not StatementAnswer.objects.exists()

    signed_out.get_by_role("link", name="Meld u opnieuw aan").click()
    sign_in(page, base)
    expect(page).to_have_url(f"{base}/scan/{scan.year}/blok/ict/")
    expect(page.locator("fieldset.statement").first.locator("input[value='4']")).to_be_checked()
    wait_until_saved(page)
    assert list(StatementAnswer.objects.values_list("level", flat=True)) == [4]


def test_leaving_with_unsaved_changes_asks_first(live_server, page, scan):
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    sign_in(page, base)
    page.goto(f"{base}/scan/{scan.year}/blok/financien/")
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", answer)
    page.locator("fieldset.statement").first.locator(".level-choice label").nth(1).click()
    page.locator(".scan-nav a", has_text="Overzicht van de ronde").click(no_wait_after=True)
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"]
    assert page.url.endswith("/blok/financien/")
