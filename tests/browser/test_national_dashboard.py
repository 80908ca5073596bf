"""The national dashboard in headless Chromium: plotly draws every chart, filters apply on change, axe is clean.

A screenshot of the dashboard lands in /tmp/screens/.
"""

import pytest

from tests.factories import AnalystFactory
from tests.factsheets.national_scan import build_scan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"


@pytest.fixture
def signed_in(page, live_server):
    build_scan()
    AnalystFactory(username="ann", first_name="Ann")
    page.goto(f"{live_server.url}/accounts/login/?next=/analist/dashboard/%3Fjaar%3D2021")
    page.fill("#id_username", "ann")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    page.wait_for_load_state("networkidle")
    return page


def test_every_chart_is_drawn_and_the_page_passes_axe(signed_in, axe_check, screenshot):
    page = signed_in

    charts = page.locator("[data-chart]")
    assert charts.count() == 15
    assert page.locator("[data-chart][data-chart-drawn] .main-svg").count() >= 15
    axe_check(page, "national dashboard")
    screenshot(page, "national-dashboard")


def test_choosing_a_group_shows_it_without_pressing_a_button(signed_in):
    page = signed_in

    page.select_option("#id_regio", "drenthe")
    # The change submits the form: wait for that navigation, not for the page that was already idle.
    page.wait_for_url("**regio=drenthe**")
    page.wait_for_load_state("networkidle")

    assert "Te kleine groep (n = 2), niet getoond" in page.content()
    assert page.locator("[data-chart]").count() == 0


def test_stepping_through_a_filter_with_the_keyboard_loads_one_page_when_leaving_it(signed_in):
    page = signed_in
    loads = []
    page.on("framenavigated", lambda frame: "regio=" in frame.url and loads.append(frame.url))
    page.focus("#id_regio")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    page.wait_for_timeout(500)
    assert loads == []  # no page per step
    chosen = page.input_value("#id_regio")
    page.keyboard.press("Tab")
    page.wait_for_url(f"**regio={chosen}**")
    assert len(loads) == 1


def test_the_priority_view_has_its_labels_apart_and_inside_the_chart(signed_in, screenshot):
    page = signed_in
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')]
            .filter(plot => plot.querySelector('.scatterlayer .textpoint'))
            .map(plot => {
                const frame = plot.querySelector('.main-svg').getBoundingClientRect();
                const box = e => { const r = e.getBoundingClientRect();
                    return {text: e.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
                return {
                    frame: {left: frame.left, right: frame.right, top: frame.top, bottom: frame.bottom},
                    labels: [...plot.querySelectorAll('.scatterlayer .textpoint text')].map(box),
                    notes: [...plot.querySelectorAll('.annotation-text')].map(box),
                };
            })"""
    )
    assert boxes, "no priority-versus-score chart on the dashboard"
    for chart in boxes:
        frame, labels = chart["frame"], chart["labels"]
        for item in labels + chart["notes"]:
            assert frame["left"] <= item["left"] and item["right"] <= frame["right"] + 0.5, item
        # A text's box is its whole line (ascent to descent): lines may touch by a few pixels
        # without their letters doing so.
        for i, one in enumerate(labels):
            for other in labels[i + 1 :]:
                apart = (
                    one["right"] <= other["left"] + 1
                    or other["right"] <= one["left"] + 1
                    or one["bottom"] <= other["top"] + 4
                    or other["bottom"] <= one["top"] + 4
                )
                assert apart, (one["text"], other["text"])
    quadrant = page.locator(".js-plotly-plot", has=page.locator(".scatterlayer .textpoint")).first
    quadrant.scroll_into_view_if_needed()
    quadrant.screenshot(path="/tmp/screens/dashboard-priority-view.png")
