"""The checker's fast path: a returned value bit-identical to the expected one is neither
compared nor rendered again, and the result is exactly what the slow path gives."""

from __future__ import annotations

import numpy as np
import pytest

from jaxlings.bank import Bank
from jaxlings.checker import Expected, _identical, build_result
from jaxlings.harness import codec
from jaxlings.harness.compare import compare, preview
from jaxlings.harness.pool import Outcome


def wire(x):
    return codec.decode(codec.encode(x))


VALUES = [
    np.arange(6, dtype=np.float32).reshape(2, 3),
    np.array([np.nan, 1.0, -np.inf], np.float32),
    np.array(3.5, np.float32),
    (np.ones(2, np.float32), {"a": np.zeros(3, np.int32), "b": 2.0}),
    [1.0, True, 3, None, "x"],
]


@pytest.mark.parametrize("value", VALUES)
def test_identical_values_compare_equal_and_preview_alike(value):
    a, b = wire(value), wire(value)
    assert _identical(a, b)
    assert compare(a, b, 0.0, 0.0) is None
    assert preview(a) == preview(b)


@pytest.mark.parametrize(
    "a,b",
    [
        (np.zeros(3, np.float32), np.zeros(3, np.float64)),  # dtype
        (np.zeros(3, np.float32), np.zeros((3, 1), np.float32)),  # shape
        (np.array([0.0], np.float32), np.array([-0.0], np.float32)),  # bits
        ((1.0, 2.0), [1.0, 2.0]),  # container type
        ({"a": 1.0, "b": 2.0}, {"b": 2.0, "a": 1.0}),  # key order (previews differ)
        (1, True),
        (1.0, 1),
        (np.float32(1.0), 1.0),
    ],
)
def test_different_values_are_not_identical(a, b):
    assert not _identical(wire(a), wire(b))


def test_bfloat16_source_dtype_counts():
    a = wire(np.ones(2, np.float32))
    b = wire(np.ones(2, np.float32))
    b.source_dtype = "bfloat16"
    assert not _identical(a, b)


def _ema():
    bank = Bank()
    return bank.get("nnx-ema-step")


def _outcome(values) -> Outcome:
    return Outcome(
        status="ok",
        frames=[
            {"op": "case", "i": i, "ok": True, "value": codec.encode(v)}
            for i, v in enumerate(values)
        ],
        result={"op": "result", "cell_error": None, "missing": None, "checks": []},
    )


def test_build_result_same_as_slow_path():
    p = _ema()
    exp_values = [
        np.asarray(
            c.inputs["params_arr"] * (1 - c.inputs["decay"])
            + c.inputs["ema_arr"] * c.inputs["decay"],
            np.float32,
        )
        for c in p.cases
    ]
    expected = Expected(values=[wire(v) for v in exp_values], checks={})
    exact = build_result(p, expected, _outcome(exp_values), 10.0)
    assert exact["passed"] and exact["status"] == "passed"
    near = [
        v + np.float32(1e-7) * (np.abs(v) > 0) for v in exp_values
    ]  # within tolerance, other bits
    close = build_result(p, expected, _outcome(near), 10.0)
    assert close["passed"]
    for i, (row, crow) in enumerate(zip(exact["cases"], close["cases"], strict=True)):
        if row["hidden"]:
            assert row["expected_preview"] is None and row["actual_preview"] is None
            continue
        assert row["expected_preview"] == preview(expected.values[i])
        assert row["actual_preview"] == preview(wire(exp_values[i])) == row["expected_preview"]
        assert crow["actual_preview"] == preview(wire(near[i]))
        assert row["inputs_preview"] == crow["inputs_preview"]
    wrong = build_result(p, expected, _outcome([v + 1.0 for v in exp_values]), 10.0)
    assert not wrong["passed"] and all(not c["passed"] for c in wrong["cases"])
    assert "elements differ" in wrong["cases"][0]["message"]
