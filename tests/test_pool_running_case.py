"""A timeout names the case that was running, although the worker sends "start" only before
the first case (each case's result frame starts the next one)."""

from __future__ import annotations

import textwrap

EMA = "nnx-ema-step"


def _check(checker, small_bank, code):
    return checker.check(
        small_bank.get(EMA), textwrap.dedent(code), "running-case-tester", time_limit_s=2.0
    )


def test_timeout_in_a_later_case_names_that_case(checker, small_bank):
    r = _check(
        checker,
        small_bank,
        """
        def ema_step(seed, params_arr, ema_arr, decay):
            if float(decay) == 0.5:      # the third case
                while True:
                    pass
            return decay * ema_arr + (1.0 - decay) * params_arr
    """,
    )
    assert r["status"] == "timeout", r
    assert "during case 'decay 0.5 is the midpoint'" in r["error"]["message"], r["error"]
    assert [c["passed"] for c in r["cases"][:2]] == [True, True]


def test_timeout_in_the_first_case_names_it(checker, small_bank):
    r = _check(
        checker,
        small_bank,
        """
        def ema_step(seed, params_arr, ema_arr, decay):
            while True:
                pass
    """,
    )
    assert r["status"] == "timeout"
    assert "during case 'worked example'" in r["error"]["message"], r["error"]


def test_timeout_before_any_case_names_none(checker, small_bank):
    r = _check(
        checker,
        small_bank,
        """
        while True:
            pass
        def ema_step(seed, params_arr, ema_arr, decay):
            return ema_arr
    """,
    )
    assert r["status"] == "timeout"
    assert "during" not in r["error"]["message"], r["error"]
