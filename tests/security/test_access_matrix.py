"""Who may open which page: one matrix over every named URL of the project, built from the URL configuration.

Each URL is requested (GET) by an anonymous visitor, charlie (contact person of another institution),
alice (contact person of Ziekenhuis Aalst, whose 2021 answers are submitted) and ann (analyst). The
expected answer is written down per URL name, or per family of names that share one door. A URL
without an expectation fails the test: a new page is never unguarded by accident. Every forbidden
door is then tried with a POST too, which must be refused and change nothing.
"""

import fnmatch
from urllib.parse import quote

import pytest
from django.core import mail
from django.test import Client

from tests.security.support import NamedUrl, build, data_fingerprint, named_urls

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "charlie", "alice", "ann")
LOGIN = "to sign-in"  # a redirect to the sign-in page that comes back to this URL


def expect(anonymous, charlie, alice, ann) -> dict[str, object]:
    return dict(zip(ROLES, (anonymous, charlie, alice, ann), strict=True))


PUBLIC = expect(200, 200, 200, 200)
SIGNED_IN = expect(LOGIN, 200, 200, 200)
ANALYSTS_ONLY = expect(LOGIN, 403, 403, 200)
# The institution's own pages carry only the year: charlie gets his own institution's response, and
# his institution has none in 2021, so he gets 404 and never Aalst's answers. Analysts have no own response.
OWN_RESPONSE = expect(LOGIN, 404, 200, 403)
# The analysts' read-only twin of an institution's pages (/scan/<year>/instelling/<code>/...).
ANALYST_VIEW = expect(LOGIN, 403, 403, 200)


def analysts_only(ann) -> dict[str, object]:
    return expect(LOGIN, 403, 403, ann)


EXPECTED: dict[str, dict[str, object]] = {
    "health": PUBLIC,
    "favicon": expect(301, 301, 301, 301),
    "set_language": expect(302, 302, 302, 302),  # a GET changes nothing and goes back
    "login": PUBLIC,
    "logout": expect(405, 405, 405, 405),  # signing out is a POST
    "password_change": SIGNED_IN,
    "password_change_done": SIGNED_IN,
    "password_reset": PUBLIC,
    "password_reset_done": PUBLIC,
    "password_reset_confirm": PUBLIC,  # with a link that does not work: the page says so
    "password_reset_complete": PUBLIC,
    "invitation_accept": PUBLIC,  # idem
    "home": expect(LOGIN, 200, 302, 302),
    "two_factor_setup": expect(LOGIN, 403, 403, 200),
    "two_factor_verify": expect(LOGIN, 302, 302, 302),  # nobody here owes a code
    "two_factor_disable": expect(405, 405, 405, 405),
    # The analysts' workspace: one door (analysts.access.analyst_required).
    "analysts:home": ANALYSTS_ONLY,
    "analysts:round_create": ANALYSTS_ONLY,
    "analysts:round_detail": ANALYSTS_ONLY,
    "analysts:round_window": ANALYSTS_ONLY,
    "analysts:round_open": analysts_only(405),
    "analysts:round_close": analysts_only(405),
    "analysts:round_publish": ANALYSTS_ONLY,
    "analysts:response_reopen": analysts_only(405),
    "analysts:questionnaire_edit": ANALYSTS_ONLY,
    "analysts:round_preview": ANALYSTS_ONLY,
    "analysts:statement_add": ANALYSTS_ONLY,
    "analysts:statement_edit": ANALYSTS_ONLY,
    "analysts:statement_retire": ANALYSTS_ONLY,
    "analysts:statement_move": analysts_only(405),
    "analysts:statement_restore": analysts_only(405),
    "analysts:invitations": ANALYSTS_ONLY,
    "analysts:invitation_preview": ANALYSTS_ONLY,
    "analysts:invitations_send": ANALYSTS_ONLY,
    "analysts:reminders_send": ANALYSTS_ONLY,
    "analysts:invitation_resend": analysts_only(405),
    "analysts:mail_log": ANALYSTS_ONLY,
    "analysts:mail_batch": ANALYSTS_ONLY,
    "analysts:monitor": ANALYSTS_ONLY,
    "analysts:monitor_non_responders": ANALYSTS_ONLY,
    "analysts:dashboard": ANALYSTS_ONLY,
    "analysts:national_report": ANALYSTS_ONLY,
    "analysts:data": ANALYSTS_ONLY,
    "analysts:data_export": analysts_only(400),  # without a choice of round and format
    "analysts:data_institutions": ANALYSTS_ONLY,
    "analysts:data_import": ANALYSTS_ONLY,
    "analysts:audit": ANALYSTS_ONLY,
    # Figures (factsheets.access): the national ones for analysts; an institution's for its members once published.
    "factsheets:api_national": ANALYSTS_ONLY,
    "factsheets:api_institution": expect(LOGIN, 403, 200, 200),
    "factsheets:national_xlsx": ANALYSTS_ONLY,
    "factsheets:index": SIGNED_IN,  # each member their own institution's factsheets; analysts every round
    "factsheets:factsheet_own": expect(LOGIN, 302, 302, 302),  # to one's own factsheet; analysts to the batch page
    "factsheets:factsheet": expect(LOGIN, 403, 200, 200),
    "factsheets:factsheet_pdf": expect(LOGIN, 403, 200, 200),
    "factsheets:batches": ANALYSTS_ONLY,
    "factsheets:batch": ANALYSTS_ONLY,
    "factsheets:batch_zip": ANALYSTS_ONLY,
    # Fill-in pages of a response (surveys.access).
    "analyst_reopen": analysts_only(405),
    "scan_*_autosave": expect(405, 405, 405, 405),  # a POST from the page's script: see EXPECTED_POST
    "scan_*_conflict": expect(LOGIN, 404, 405, 403),
    "scan_*": OWN_RESPONSE,
    "analyst_*": ANALYST_VIEW,
}

# Families of URLs behind one door: a new URL there is covered by its door; the analyst's answer may vary.
RULES: dict[str, dict[str, object]] = {
    "analysts:*": analysts_only({200, 302, 400, 405}),
}

# What a POST to the autosave endpoints answers (JSON for the page's script).
EXPECTED_POST = {"scan_*_autosave": expect(401, 404, 403, 403)}


def expectation(name: str, table: dict[str, dict[str, object]]) -> dict[str, object] | None:
    if name in table:
        return table[name]
    for pattern, expected in table.items():
        if fnmatch.fnmatchcase(name, pattern):
            return expected
    return None


def sign_in_url(path: str) -> str:
    return f"/accounts/login/?next={quote(path)}"


def outcome_matches(response, expected: object, path: str) -> bool:
    if expected == LOGIN:
        return response.status_code == 302 and response["Location"] == sign_in_url(path)
    allowed = expected if isinstance(expected, set) else {expected}
    return response.status_code in allowed


def describe(response) -> str:
    if response.status_code in (301, 302):
        return f"{response.status_code} -> {response['Location']}"
    return str(response.status_code)


@pytest.fixture
def clients(charlie, alice, ann) -> dict[str, Client]:
    # A server error is reported as a wrong answer of that URL, and the matrix goes on.
    signed_in = {"anonymous": Client(raise_request_exception=False)}
    for user in (charlie, alice, ann):
        signed_in[user.username] = Client(raise_request_exception=False)
        signed_in[user.username].force_login(user)
    return signed_in


def site_urls() -> list[NamedUrl]:
    """Every URL but the admin's: the admin has its own door and its own test."""
    return [url for url in named_urls() if not url.name.startswith("admin:")]


def test_every_url_has_an_expectation_for_every_role():
    missing = [
        f"{url.name} ({url.route})"
        for url in site_urls()
        if expectation(url.name, EXPECTED) is None and expectation(url.name, RULES) is None
    ]
    assert not missing, (
        "These URLs have no access expectation. Add each to EXPECTED (or a RULES family) in "
        f"tests/security/test_access_matrix.py, saying what anonymous, charlie, alice and ann get: {missing}"
    )


def test_every_url_answers_each_role_as_expected(url_samples, clients, monkeypatch):
    # Access is decided before the factsheet PDF is drawn; drawing it (seconds) proves nothing here.
    monkeypatch.setattr(
        "factsheets.views.stored_factsheet_pdf", lambda picture: ("factsheet.pdf", "application/pdf", b"%PDF-1.7")
    )
    values, overrides = url_samples
    wrong = []
    for url in site_urls():
        expected = expectation(url.name, EXPECTED) or expectation(url.name, RULES)
        if expected is None:
            continue  # reported by the test above
        path = build(url, values, overrides)
        for role in ROLES:
            response = clients[role].get(path)
            if not outcome_matches(response, expected[role], path):
                wrong.append(f"{url.name} {path} as {role}: expected {expected[role]}, got {describe(response)}")
    assert not wrong, "\n".join(wrong)


def denies(expected: object) -> bool:
    return expected == LOGIN or expected in (401, 403, 404)


def test_a_forbidden_door_stays_shut_for_a_post_and_nothing_changes(url_samples, clients):
    values, overrides = url_samples
    before = data_fingerprint()
    wrong = []
    for url in site_urls():
        get_expected = expectation(url.name, EXPECTED) or expectation(url.name, RULES) or {}
        post_expected = expectation(url.name, EXPECTED_POST) or {}
        path = build(url, values, overrides)
        for role in ROLES:
            expected = post_expected.get(role)
            if expected is None and denies(get_expected.get(role)):
                # Refused either way: by the door itself, or by the method before the door is reached.
                expected = get_expected[role] if get_expected[role] == LOGIN else {401, 403, 404, 405}
            if expected is None:
                continue
            response = clients[role].post(path, {"response": "1", "version": "1"})
            refused_by_method = expected == LOGIN and response.status_code == 405
            if not (outcome_matches(response, expected, path) or refused_by_method):
                wrong.append(f"POST {url.name} {path} as {role}: expected {expected}, got {describe(response)}")
    assert not wrong, "\n".join(wrong)
    assert data_fingerprint() == before
    assert mail.outbox == []


def test_the_matrix_is_built_from_the_url_configuration():
    names = {url.name for url in named_urls()}
    assert {"analysts:monitor", "scan_block", "analyst_block", "factsheets:api_institution", "admin:index"} <= names
    assert len(site_urls()) >= 70
