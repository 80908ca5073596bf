"""The garbage collector is tuned for the length of a render, and only then."""

import gc
import threading

import pytest

from factsheets import collector
from factsheets.collector import RENDER_THRESHOLDS, collector_tuned


@pytest.fixture(autouse=True)
def usual_thresholds():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_it_raises_the_thresholds_while_rendering_and_restores_them_after():
    with collector_tuned():
        assert gc.get_threshold() == RENDER_THRESHOLDS
    assert gc.get_threshold() == (700, 10, 10)


def test_it_restores_the_thresholds_when_the_render_fails():
    with pytest.raises(ValueError), collector_tuned():
        raise ValueError("layout failed")
    assert gc.get_threshold() == (700, 10, 10)


def test_nested_renders_keep_the_tuning_until_the_outer_one_ends():
    with collector_tuned():
        with collector_tuned():
            pass
        assert gc.get_threshold() == RENDER_THRESHOLDS
    assert gc.get_threshold() == (700, 10, 10)


def test_renders_in_two_threads_restore_the_thresholds_once_both_end():
    first_inside, second_done, seen = threading.Event(), threading.Event(), []

    def first():
        with collector_tuned():
            first_inside.set()
            second_done.wait(5)
            seen.append(gc.get_threshold())

    def second():
        first_inside.wait(5)
        with collector_tuned():
            pass
        second_done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert seen == [RENDER_THRESHOLDS]
    assert gc.get_threshold() == (700, 10, 10)
    assert collector._renders == 0


def test_a_render_does_not_switch_on_a_collector_someone_switched_off():
    gc.disable()
    try:
        with collector_tuned():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_html_to_pdf_renders_with_the_tuned_collector(monkeypatch):
    from factsheets import pdf

    seen = []
    original = pdf.DocumentHTML.render

    def render(self, *args, **kwargs):
        seen.append(gc.get_threshold())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pdf.DocumentHTML, "render", render)
    pdf.html_to_pdf('<html lang="nl"><body><p>Hallo</p></body></html>')
    assert seen == [RENDER_THRESHOLDS]
    assert gc.get_threshold() == (700, 10, 10)


def test_long_lived_objects_are_frozen_for_the_workers_and_given_back_after():
    from factsheets.collector import long_lived_frozen

    before = gc.get_freeze_count()
    with long_lived_frozen():
        assert gc.get_freeze_count() > before
    assert gc.get_freeze_count() == 0
