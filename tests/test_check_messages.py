"""What a failed Check says: hidden cases name what they probe, a timeout allows for slowness,
a returned Variable is explained, tuple items are named, structural dicts show what differs."""

from __future__ import annotations

import dataclasses

import numpy as np

from jaxlings.bank import Bank
from jaxlings.cases import Case
from jaxlings.checker import HIDDEN_MESSAGE, Expected, build_result, explain_result_error
from jaxlings.harness import codec
from jaxlings.harness.pool import Outcome


def wire(x):
    return codec.decode(codec.encode(x))


def _problem(cases, outputs=None):
    p = Bank().get("nnx-ema-step")
    p = dataclasses.replace(p, outputs=outputs or [])
    p.__dict__["cases"] = cases  # cached_property: set the cases this test needs
    p.__dict__["content_hash"] = f"test-{id(cases)}"
    return p


def _frames(values):
    return [
        {"op": "case", "i": i, "ok": True, "value": codec.encode(v)} for i, v in enumerate(values)
    ]


def _result(p, expected_values, outcome, checks=None):
    expected = Expected(values=[wire(v) for v in expected_values], checks=checks or {})
    return build_result(p, expected, outcome, 10.0)


def test_hidden_case_failure_names_what_it_probes():
    cases = [
        Case("visible", seed=0.0, x=np.zeros(2, np.float32)),
        Case("big", seed=0.0, x=np.zeros(2, np.float32), hidden=True, probes="larger inputs"),
        Case("other", seed=0.0, x=np.zeros(2, np.float32), hidden=True),
    ]
    p = _problem(cases)
    want = [np.zeros(2, np.float32)] * 3
    got = [np.zeros(2, np.float32), np.ones(2, np.float32), np.ones(2, np.float32)]
    r = _result(p, want, Outcome(status="ok", frames=_frames(got), result={"checks": []}))
    visible, probed, plain = r["cases"]
    assert visible["passed"] and not probed["passed"] and not plain["passed"]
    assert "it tests larger inputs" in probed["message"]
    assert probed["actual_preview"] is None and probed["inputs_preview"] is None
    assert plain["message"] == HIDDEN_MESSAGE


def test_timeout_after_some_cases_says_it_may_be_slow():
    cases = [Case(f"c{i}", seed=0.0, x=np.zeros(2, np.float32)) for i in range(3)]
    p = _problem(cases)
    frames = _frames([np.zeros(2, np.float32)])  # one case finished, then the clock ran out
    outcome = Outcome(status="timeout", frames=frames, running={"case": 1})
    r = _result(p, [np.zeros(2, np.float32)] * 3, outcome)
    msg = r["error"]["message"]
    assert r["status"] == "timeout"
    assert "still running after 10 s (during case 'c1')" in msg
    assert "1 of 3 cases had finished" in msg and "too slow rather than endless" in msg


def test_timeout_before_any_case_still_allows_for_slowness():
    p = _problem([Case("c0", seed=0.0, x=np.zeros(2, np.float32))])
    r = _result(p, [np.zeros(2, np.float32)], Outcome(status="timeout", frames=[]))
    assert "may be correct but too slow rather than endless" in r["error"]["message"]


def test_returning_a_variable_says_to_read_it():
    worker_says = (
        "the function returned something that cannot be compared: a "
        "flax.nnx.variablelib.Param object is not an array, number, tuple, list or dict"
    )
    msg = explain_result_error(worker_says)
    assert "nnx.Param" in msg and "`v[...]`" in msg
    # anything else is left as the worker said it
    other = "the function returned something that cannot be compared: a set object is not an array"
    assert explain_result_error(other) == other

    p = _problem([Case("c0", seed=0.0, x=np.zeros(2, np.float32))])
    frame = {
        "op": "case",
        "i": 0,
        "ok": False,
        "error": {"type": "ResultTypeError", "message": worker_says},
    }
    r = _result(p, [np.zeros(2, np.float32)], Outcome(status="ok", frames=[frame], result={}))
    assert "`v[...]`" in r["cases"][0]["message"] and "`v[...]`" in r["error"]["message"]


def test_tuple_items_are_named_from_meta_outputs():
    p = _problem([Case("c0", seed=0.0, x=np.zeros(2, np.float32))], outputs=["loss", "grads"])
    want = [(np.float32(1.0), np.zeros(2, np.float32))]
    got = [(np.float32(1.0), np.ones(2, np.float32))]
    r = _result(p, want, Outcome(status="ok", frames=_frames(got), result={"checks": []}))
    assert r["cases"][0]["message"].startswith("Grads: 2 of 2 elements differ")


def test_structural_dict_message_shows_only_the_entries_that_differ():
    p = _problem([Case("c0", seed=0.0, x=np.zeros(2, np.float32))])
    exp = {"a scan": 1, "same program": True}
    got = {"a scan": 0, "same program": True}
    outcome = Outcome(
        status="ok",
        frames=_frames([np.zeros(2, np.float32)]),
        result={"checks": [{"name": "loop", "ok": True, "value": codec.encode(got)}]},
    )
    r = _result(
        p, [np.zeros(2, np.float32)], outcome, checks={"loop": ("Uses one scan.", wire(exp))}
    )
    row = r["cases"][-1]
    assert row["kind"] == "structure" and not row["passed"]
    assert row["message"] == "Yours gives {'a scan': 0}; the reference gives {'a scan': 1}."
