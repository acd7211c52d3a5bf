"""What a failed case shows beyond a sentence: what it printed (visible cases only), Python's
"Did you mean …?", the arrays to draw where expected and actual differ, and the learner's own
attempt history through the service."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest

from jaxlings.harness.compare import DIFF_VALUES, array_diff
from jaxlings.service import JaxlingsService, Refusal

EMA = "nnx-ema-step"


def check(checker, problem, code):
    return checker.check(problem, textwrap.dedent(code), "feedback-tester")


def test_each_visible_case_shows_what_it_printed_and_hidden_cases_show_nothing(checker, small_bank):
    ema = small_bank.get(EMA)
    r = check(
        checker,
        ema,
        """
        print("cell ran")
        def ema_step(seed, params_arr, ema_arr, decay):
            print("decay is", decay)
            return (1.0 - decay) * ema_arr + decay * params_arr
        """,
    )
    visible = [c for c in r["cases"] if c["kind"] == "case" and not c["hidden"]]
    hidden = [c for c in r["cases"] if c["hidden"]]
    assert visible and hidden
    for row, case in zip(visible, [c for c in ema.cases if not c.hidden], strict=True):
        assert row["stdout"] == f"decay is {case.inputs['decay']}\n"
    assert all(c["stdout"] is None for c in hidden)
    # the whole output keeps the cell's own line and no trace of the marks between cases
    assert r["stdout"].startswith("cell ran\n") and "\x00" not in r["stdout"]
    assert r["stdout"].count("decay is") == len(visible)


def test_a_misspelt_name_keeps_pythons_did_you_mean(checker, small_bank):
    r = check(
        checker,
        small_bank.get(EMA),
        """
        def ema_step(seed, params_arr, ema_arr, decay):
            ema_arry = ema_arr
            return decay * ema_ar + (1.0 - decay) * params_arr
        """,
    )
    assert r["status"] == "error"
    assert "Did you mean: 'ema_arr'?" in r["error"]["message"], r["error"]
    r = check(
        checker,
        small_bank.get(EMA),
        """
        def ema_step(seed, params_arr, ema_arr, decay):
            return jnp.zeros_lik(ema_arr)
        """,
    )
    assert "Did you mean: 'zeros_like'?" in r["error"]["message"], r["error"]


def test_a_wrong_array_comes_with_both_sides_and_the_differing_elements(checker, small_bank):
    r = check(
        checker,
        small_bank.get(EMA),
        """
        def ema_step(seed, params_arr, ema_arr, decay):
            return (1.0 - decay) * ema_arr + decay * params_arr
        """,
    )
    worked = next(c for c in r["cases"] if c["name"] == "worked example")
    d = worked["diff"]
    assert d is not None and d["shape"] == d["full_shape"] == [4] and d["output"] is None
    assert d["expected"] == pytest.approx([0.1, 0.2, 0.3, 0.4], rel=1e-3)
    assert d["actual"] == pytest.approx([0.9, 1.8, 2.7, 3.6], rel=1e-3)
    assert d["differs"] == [0, 1, 2, 3]
    assert all(c["diff"] is None for c in r["cases"] if c["hidden"] or c["passed"])


def test_array_diff_cuts_a_large_matrix_around_its_largest_difference():
    want = np.zeros((200, 300), np.float32)
    got = want.copy()
    got[150, 250] = 5.0
    got[3, 3] = 0.5  # smaller, and outside the cut
    d = array_diff(want, got)
    assert d is not None and d["full_shape"] == [200, 300] and d["shape"] == [64, 64]
    assert len(d["expected"]) == len(d["actual"]) == DIFF_VALUES
    row, col = 150 - d["offset"][0], 250 - d["offset"][1]
    assert d["differs"] == [row * 64 + col] and d["actual"][row * 64 + col] == 5.0


def test_array_diff_draws_an_image_channel_by_channel_and_names_the_output():
    want = np.zeros((40, 50, 3), np.float32)
    got = want.copy()
    got[5, 6, 2] = 1.0
    d = array_diff((np.ones(2), want), (np.ones(2), got), names=["loss", "image"])
    assert d is not None and d["output"] == "image" and d["channels_last"]
    assert d["shape"][0] == 3 and len(d["expected"]) <= DIFF_VALUES
    assert d["actual"][d["differs"][0]] == 1.0
    nan = np.array([np.nan, 1.0])
    assert array_diff(nan, np.array([np.nan, 2.0]))["expected"] == [None, 1.0]


@pytest.mark.parametrize(
    "want, got",
    [
        (np.zeros(3), np.zeros(4)),  # the sentence says the shapes differ: no picture
        (np.float32(1), np.float32(2)),  # a scalar
        (np.zeros((2, 2, 2, 2)), np.ones((2, 2, 2, 2))),  # 4-D
        (np.zeros(3), np.zeros(3)),  # no difference
    ],
)
def test_array_diff_draws_nothing_it_cannot_picture(want, got):
    assert array_diff(want, got) is None


def test_attempts_are_the_learners_own_with_their_code(tmp_path, small_bank_dir):
    svc = JaxlingsService(
        data_dir=tmp_path, problems_dir=small_bank_dir, max_workers=1, spare_workers=0
    )
    try:
        svc.progress.record("os:ada", EMA, "first = 1", "error", False, 12.0)
        svc.progress.record("os:bob", EMA, "not yours", "failed", False, 5.0)
        svc.progress.record("os:ada", EMA, "second = 2", "passed", True, 30.0)
        history = svc.attempts("os:ada", EMA)
        assert history["problem"] == EMA
        assert [
            (a["number"], a["code"], a["status"], a["passed"]) for a in history["attempts"]
        ] == [
            (1, "first = 1", "error", False),
            (2, "second = 2", "passed", True),
        ]
        assert svc.attempts("os:carol", EMA)["attempts"] == []
        marks = svc.progress_of("os:ada")["activity"]
        assert [m["passed"] for m in marks] == [False, True]
        with pytest.raises(Refusal) as err:
            svc.attempts("os:ada", "no-such-problem")
        assert err.value.status == 404
    finally:
        svc.close()


def test_marks_between_cases_are_found_when_a_read_cuts_them_in_two():
    import os

    from jaxlings.harness.pool import OutputCapture

    r, w = os.pipe()
    os.close(w)
    cap = OutputCapture(r, "f00d")
    stream = b"cell\n\x00f00d:0\x00one\n\x00f00d:1\x00two\x00not a mark\n\x00f00d:2\x00"
    for i in range(0, len(stream), 3):  # every mark arrives in pieces
        cap._take(stream[i : i + 3])
    cap.close()
    assert cap.text() == "cell\none\ntwo\x00not a mark\n"
    assert cap.total == len(cap.text().encode())
    assert cap.per_case() == {0: "one\n", 1: "two\x00not a mark\n"}
