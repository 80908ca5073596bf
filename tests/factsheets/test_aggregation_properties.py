"""Properties that hold for any scan, checked on generated data (hypothesis), without a database."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from factsheets.aggregation.compute import compute, national_picture
from factsheets.aggregation.own import institution_figures
from factsheets.aggregation.pictures import Distribution, Figures, Summary
from tests.factsheets.synthetic import CURRENT, PREVIOUS, frames, scans, shuffled

minimums = st.integers(1, 6)


def _picture(scan, minimum, data=None):
    data = data if data is not None else frames(scan)
    computation = compute(data, CURRENT, PREVIOUS if scan.previous is not None else None, min_group_size=minimum)
    national = national_picture(computation)
    return national, institution_figures(computation, national)


def _all_figures(picture) -> list[Figures]:
    return [picture.national] + [g.figures for g in picture.groups if not g.figures.suppressed]


def _distributions(figures: Figures) -> list[Distribution]:
    found = [s.distribution for s in figures.statements] + [s.previous for s in figures.statements if s.previous]
    found += [c.distribution for c in figures.collaboration] + [p.distribution for p in figures.priorities]
    return found


@settings(max_examples=30, deadline=None)
@given(scans(), minimums)
def test_shares_add_up_to_100_for_every_distribution_with_answers(scan, minimum):
    picture, _ = _picture(scan, minimum)

    for figures in _all_figures(picture):
        for distribution in _distributions(figures):
            assert sum(distribution.counts) == distribution.n
            if distribution.n:
                assert sum(distribution.percentages) == 100
                assert math.isclose(sum(distribution.shares), 1.0)


@settings(max_examples=30, deadline=None)
@given(scans(), minimums)
def test_every_mean_median_and_quartile_lies_within_1_and_4(scan, minimum):
    picture, owns = _picture(scan, minimum)

    def within(value):
        assert value is None or 1 <= value <= 4, value

    for figures in _all_figures(picture):
        summaries: list[Summary] = [b.summary for b in figures.blocks] + [figures.total]
        for summary in summaries:
            for value in (summary.mean, summary.median, summary.q1, summary.q3):
                within(value)
        for statement in figures.statements:
            within(statement.mean)
        if figures.trend:
            for change in [*figures.trend.blocks, figures.trend.total]:
                for value in (change.mean, change.previous_mean, change.corrected_mean, change.corrected_previous_mean):
                    within(value)
    for own in owns:
        for score in [*own.blocks, own.total]:
            within(score.score)
            within(score.previous_score)


@settings(max_examples=25, deadline=None)
@given(scans(), minimums, st.integers(0, 2**16))
def test_the_result_does_not_depend_on_the_order_of_the_rows(scan, minimum, seed):
    data = frames(scan)
    ordered, ordered_owns = _picture(scan, minimum, data)
    reordered, reordered_owns = _picture(scan, minimum, shuffled(data, seed))

    assert _close(ordered.to_dict(), reordered.to_dict())
    assert _close([o.to_dict() for o in ordered_owns], [o.to_dict() for o in reordered_owns])


@settings(max_examples=30, deadline=None)
@given(scans(same_version=True, with_previous=True), minimums)
def test_the_corrected_trend_equals_the_raw_trend_when_the_questionnaire_did_not_change(scan, minimum):
    picture, owns = _picture(scan, minimum)

    for figures in _all_figures(picture):
        if figures.trend is None:
            continue
        for change in [*figures.trend.blocks, figures.trend.total]:
            assert _close(change.corrected_change, change.raw_change)
    for own in owns:
        for score in [*own.blocks, own.total]:
            assert _close(score.corrected_change, score.raw_change)


@settings(max_examples=25, deadline=None)
@given(scans(), st.integers(1, 6))
def test_no_group_below_the_minimum_is_ever_shown(scan, minimum):
    picture, _ = _picture(scan, minimum)

    for group in picture.groups:
        if not group.figures.suppressed:
            assert group.n >= minimum
            assert group.figures.n == group.n
    for dimension in ("sector", "type", "region"):
        withheld = sum(g.n for g in picture.groups_of(dimension) if g.figures.suppressed)
        assert withheld == 0 or withheld >= minimum or all(g.figures.suppressed for g in picture.groups_of(dimension))


def _close(a, b) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)
    return a == b
