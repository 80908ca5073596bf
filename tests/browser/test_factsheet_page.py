"""An institution's factsheet on the web in headless Chromium: plotly draws every chart in the app's own
font with no label cut off or turned on its side, and axe is clean.

A screenshot lands in /tmp/screens/.
"""

import pytest

from tests.factories import AnalystFactory
from tests.factsheets.national_scan import build_scan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"


@pytest.fixture
def factsheet_page(page, live_server):
    scan = build_scan()
    institution = scan.institutions[0]
    AnalystFactory(username="ann", first_name="Ann")
    path = f"/factsheets/rondes/2021/instellingen/{institution.code}/factsheet/"
    page.goto(f"{live_server.url}/accounts/login/?next={path}")
    page.fill("#id_username", "ann")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    page.wait_for_load_state("networkidle")
    page.wait_for_selector("[data-chart][data-chart-drawn] .main-svg")
    return page


def test_every_chart_is_drawn_in_source_sans_and_the_page_passes_axe(factsheet_page, axe_check, screenshot):
    page = factsheet_page

    charts = page.locator("[data-chart]")
    assert charts.count() >= 12
    assert page.locator("[data-chart][data-chart-drawn]").count() == charts.count()
    families = page.evaluate(
        "() => [...new Set([...document.querySelectorAll('.js-plotly-plot text')]"
        ".map(t => getComputedStyle(t).fontFamily))]"
    )
    assert families and all(family.startswith('"Source Sans 3"') for family in families), families
    # No share label drawn on its side (plotly turns a label that does not fit sideways).
    turned = page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot .bartext')]"
        ".filter(t => /rotate\\((-?90|270)/.test(t.getAttribute('transform') || '')).length"
    )
    assert turned == 0
    axe_check(page, "factsheet page")
    screenshot(page, "factsheet-page")


def test_the_charts_keep_their_height_when_the_window_is_resized(factsheet_page):
    page = factsheet_page

    def heights():
        return page.evaluate(
            "() => [...document.querySelectorAll('[data-chart][data-chart-drawn]')]"
            ".map(c => Math.round(c.querySelector('.main-svg').getBoundingClientRect().height))"
        )

    before = heights()
    assert min(before) > 120
    for width in (1100, 800, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(400)  # plotly redraws on a debounced resize event
    assert heights() == before
