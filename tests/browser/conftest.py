"""Headless Chromium (Debian's, driven by Playwright) against pytest-django's live server.

Never `playwright install`: the browser is /usr/bin/chromium. axe-core comes from
node_modules (package.json); without it the accessibility checks are skipped with a note.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's database calls in the test are still synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SCREENS = Path("/tmp/screens")


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_context(chromium):
    # axe-core is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
    context = chromium.new_context(bypass_csp=True, locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def axe_check():
    """Run axe-core on the current page: no serious or critical violation."""

    def check(page, name: str) -> None:
        if not AXE.exists():
            print(f"axe-core not found at {AXE} (run `npm install`): accessibility check of {name} skipped")
            return
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            """async () => {
                const result = await axe.run(document, {resultTypes: ["violations"]});
                return result.violations
                    .filter(v => v.impact === "serious" || v.impact === "critical")
                    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                nodes: v.nodes.map(n => n.target.join(" "))}));
            }"""
        )
        assert violations == [], f"axe on {name}: {violations}"

    return check


@pytest.fixture
def screenshot():
    SCREENS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> None:
        page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=True)

    return take
