"""Whole percentages for display add up to exactly 100 (largest-remainder method)."""

import pytest

from factsheets.aggregation.rounding import largest_remainder


def test_it_reproduces_the_2021_report_for_63_institutions():
    # Multidisciplinary overleg: 11, 24, 20 and 8 of 63 institutions.
    assert largest_remainder([11, 24, 20, 8]) == [17, 38, 32, 13]
    # Prevention interventions: 17, 13, 29 and 4 of 63.
    assert largest_remainder([17, 13, 29, 4]) == [27, 21, 46, 6]


def test_it_gives_the_missing_point_to_the_largest_remainder():
    # 1/6 = 16.67 %, 2/6 = 33.33 %, 3/6 = 50 %: plain rounding gives 17 + 33 + 50 = 100 too,
    # but 1/3 each rounds to 33 + 33 + 33 = 99; the first category gets the missing point.
    assert largest_remainder([1, 2, 3]) == [17, 33, 50]
    assert largest_remainder([1, 1, 1]) == [34, 33, 33]


def test_equal_remainders_go_to_the_larger_count_first():
    # 12.5 % and 37.5 % have the same remainder; the larger category is rounded up.
    assert largest_remainder([1, 3, 4]) == [12, 38, 50]
    # Two categories with the same count and remainder: the earlier one gets the point.
    assert largest_remainder([2, 2, 1, 1, 1, 1, 1]) == [23, 22, 11, 11, 11, 11, 11]


def test_it_never_invents_shares_for_nobody():
    assert largest_remainder([0, 0, 0, 0]) == [0, 0, 0, 0]
    assert largest_remainder([0, 5, 0, 0]) == [0, 100, 0, 0]


@pytest.mark.parametrize("counts", [[1, 1, 1], [7, 0, 3, 1], [1] * 8, [33, 33, 34], [1, 998, 1]])
def test_the_shares_always_add_up_to_100(counts):
    assert sum(largest_remainder(counts)) == 100
