"""HintPolicy: hints after the first attempt, one at a time; the solution when solved or after N failures."""

import pytest

from jaxlings.gating import HintPolicy
from jaxlings.progress import History

policy = HintPolicy(solution_after_failed=3)


def test_nothing_unlocked_before_an_attempt():
    g = policy.gate(History(), total_hints=2)
    assert g.hints_visible == 0 and not g.next_hint_available
    assert "first Check" in g.next_hint_reason
    assert not g.solution_available and "3 more failed Checks" in g.solution_reason


def test_first_attempt_unlocks_the_next_hint_only():
    g = policy.gate(History(attempts=1, failed=1), total_hints=2)
    assert g.next_hint_available and g.hints_visible == 0
    g = policy.gate(History(attempts=1, failed=1, hints_revealed=1), total_hints=2)
    assert g.hints_visible == 1 and g.next_hint_available
    g = policy.gate(History(attempts=1, failed=1, hints_revealed=2), total_hints=2)
    assert (
        g.hints_visible == 2
        and not g.next_hint_available
        and g.next_hint_reason == "All hints are shown."
    )


@pytest.mark.parametrize("failed, available", [(0, False), (2, False), (3, True), (7, True)])
def test_solution_after_failed_attempts(failed, available):
    g = policy.gate(History(attempts=failed, failed=failed), total_hints=2)
    assert g.solution_available is available
    if not available:
        left = 3 - failed
        assert f"{left} more failed Check" in g.solution_reason


def test_solved_unlocks_solution_at_once():
    assert policy.gate(History(attempts=1, solved=True), total_hints=2).solution_available


def test_threshold_is_configurable():
    assert HintPolicy(1).gate(History(attempts=1, failed=1), 2).solution_available
    assert not HintPolicy(5).gate(History(attempts=4, failed=4), 2).solution_available
