from surveys.services.merge import merge_answers
from surveys.services.sections import digest

STARTED = {"statement:LEI-01": "2", "statement:LEI-02": "1", "block:leiderschap:remarks": ""}


def originals(values):
    return {key: digest(value) for key, value in values.items()}


def test_it_takes_everything_when_nobody_saved_in_between():
    result = merge_answers(
        stored=STARTED, posted={"statement:LEI-01": "4"}, originals=originals(STARTED), same_version=True
    )
    assert result.accepted == {"statement:LEI-01": "4"}
    assert not result.conflicts and not result.kept_theirs


def test_it_takes_my_change_of_an_item_the_colleague_left_alone():
    stored = {**STARTED, "statement:LEI-02": "3"}  # the colleague changed LEI-02
    result = merge_answers(
        stored=stored,
        posted={"statement:LEI-01": "4", "statement:LEI-02": "1"},
        originals=originals(STARTED),
        same_version=False,
    )
    assert result.accepted == {"statement:LEI-01": "4"}
    assert result.kept_theirs == ["statement:LEI-02"]
    assert result.conflicts == []


def test_it_reports_a_conflict_when_both_changed_the_same_item_differently():
    stored = {**STARTED, "statement:LEI-01": "3"}
    result = merge_answers(
        stored=stored, posted={"statement:LEI-01": "4"}, originals=originals(STARTED), same_version=False
    )
    assert result.conflicts == ["statement:LEI-01"]
    assert result.accepted == {}


def test_both_choosing_the_same_value_is_no_conflict():
    stored = {**STARTED, "statement:LEI-01": "4"}
    result = merge_answers(
        stored=stored, posted={"statement:LEI-01": "4"}, originals=originals(STARTED), same_version=False
    )
    assert result.accepted == {} and result.conflicts == [] and result.kept_theirs == []


def test_without_originals_every_difference_from_a_newer_version_is_a_conflict():
    stored = {**STARTED, "statement:LEI-01": "3"}
    result = merge_answers(
        stored=stored, posted={"statement:LEI-01": "4", "statement:LEI-02": "2"}, originals=None, same_version=False
    )
    assert sorted(result.conflicts) == ["statement:LEI-01", "statement:LEI-02"]
